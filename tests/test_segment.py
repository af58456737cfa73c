"""Word segmentation: the DP's rules on a tiny lexicon, the API contract, and properties."""

from __future__ import annotations

import pickle
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import lao_like_text, lao_words_text
from hypothesis import given, settings
from hypothesis import strategies as st

from laotext import syllable_tokenize
from laotext.segment import Tokenizer, backend, word_tokenize

# A tiny lexicon, so that these tests check mechanics, not the shipped word list.
WORDS = (
    ("ສະບາຍ", 900),
    ("ສະບາຍດີ", 700),
    ("ດີ", 400),
    ("ລາວ", 500),
    ("ພາສາ", 600),
    ("ພາສາລາວ", 1300),
    ("ຂ້ອຍ", 500),
    ("ຮັກ", 600),
    ("ການ", 300),
    ("ຄ້າ", 700),
    ("ການຄ້າ", 800),
    ("ບໍ່", 300),
    ("ມີ", 300),
    ("ບໍ່ມີ", 500),
    ("ກຳລັງ", 700),
    ("ໜ້າ", 600),
)
TINY = Tokenizer(words=WORDS)


def cluster_ends(text: str) -> set[int]:
    ends, pos = set(), 0
    for cluster in syllable_tokenize(text):
        pos += len(cluster)
        ends.add(pos)
    return ends


# --- the algorithm's rules ------------------------------------------------------------------------


def test_cheapest_path_wins() -> None:
    # ພາສາລາວ as one word costs 1300, ພາສາ + ລາວ cost 1100: the split is cheaper
    assert TINY.tokenize("ຂ້ອຍຮັກພາສາລາວ") == ["ຂ້ອຍ", "ຮັກ", "ພາສາ", "ລາວ"]
    assert TINY.tokenize("ສະບາຍດີ") == ["ສະບາຍດີ"]  # 700 beats 900 + 400


def test_unknown_clusters_merge_into_one_token() -> None:
    assert TINY.tokenize("ລາວແຊ່ເນິນດີ") == ["ລາວ", "ແຊ່ເນິນ", "ດີ"]


def test_fewest_unknown_clusters_beats_cost() -> None:
    tok = Tokenizer(words=[("ກາ", 5000), ("ກາລາ", 9000), ("ລາ", 5000)])
    assert tok.tokenize("ກາລາ") == ["ກາລາ"]  # no unknown cluster at any cost


def test_ties_prefer_the_longest_last_word_and_ignore_word_order() -> None:
    words = [("ກາ", 100), ("ລາ", 100), ("ກາລາ", 200)]
    assert Tokenizer(words=words).tokenize("ກາລາ") == ["ກາລາ"]  # fewer single-cluster words
    assert Tokenizer(words=words[::-1]).tokenize("ກາລາ") == ["ກາລາ"]


def test_spelling_variants_match_but_tokens_keep_the_original_text() -> None:
    assert TINY.tokenize("ກໍາລັງ") == ["ກໍາລັງ"]  # decomposed AM still finds ກຳລັງ
    assert TINY.tokenize("ຫນ້າ") == ["ຫນ້າ"]  # ຫນ finds ໜ


def test_repetition_mark_attaches_to_the_word_before() -> None:
    assert TINY.tokenize("ດີໆ") == ["ດີໆ"]
    assert TINY.tokenize("ດີໆໆ ໆ") == ["ດີໆໆ", " ", "ໆ"]


def test_hard_boundaries() -> None:
    text = "ລາວ1,000.50ດີ abc\u200bລາວ"
    assert TINY.tokenize(text) == ["ລາວ", "1,000.50", "ດີ", " ", "abc", "\u200b", "ລາວ"]


def test_a_hyphen_joins_a_word_and_its_number_and_latin_words() -> None:
    assert TINY.tokenize("ລາວ-19 COVID-19 Coca-Cola SARS-CoV-2", keep_whitespace=False) == [
        "ລາວ-19",
        "COVID-19",
        "Coca-Cola",
        "SARS-CoV-2",
    ]
    assert TINY.tokenize("ດີໆ-1") == ["ດີໆ-1"]  # after ໆ too
    assert TINY.tokenize("ສະບາຍດີ-19") == ["ສະບາຍດີ-19"]


def test_a_hyphen_between_lao_words_numbers_or_spaces_stays_a_token() -> None:
    assert TINY.tokenize("ລາວ-ດີ") == ["ລາວ", "-", "ດີ"]
    assert TINY.tokenize("2016-2021") == ["2016", "-", "2021"]
    assert TINY.tokenize("ລາວ - 19") == ["ລາວ", " ", "-", " ", "19"]
    assert TINY.tokenize("ລາວ--19") == ["ລາວ", "--", "19"]
    assert TINY.tokenize("-19") == ["-", "19"]
    assert TINY.tokenize("abc-ລາວ") == ["abc", "-", "ລາວ"]


def test_quotes_are_tokens_and_repeated_punctuation_is_one() -> None:
    assert TINY.tokenize('"ລາວ"..') == ['"', "ລາວ", '"', ".."]
    assert TINY.tokenize("ດີ!!!?") == ["ດີ", "!!!", "?"]


def test_stray_marks_never_crash_or_lose_text() -> None:
    for text in ("\u0eb4\u0ec8", "ກ\u0ec8\u0ec8\u0ec8ດີ", "\u0ecc", "ໆໆ", "ຯ"):
        assert "".join(TINY.tokenize(text)) == text


def test_granularity_uses_the_lexicon_structure() -> None:
    fine = Tokenizer(words=WORDS, granularity="fine")
    coarse = Tokenizer(words=WORDS, granularity="coarse")
    assert fine.tokenize("ບໍ່ມີການຄ້າ") == ["ບໍ່", "ມີ", "ການ", "ຄ້າ"]
    assert TINY.tokenize("ບໍ່ມີການຄ້າ") == ["ບໍ່ມີ", "ການຄ້າ"]
    assert coarse.tokenize("ພາສາລາວ") == ["ພາສາລາວ"]


def test_extra_words_add_to_the_lexicon() -> None:
    tok = Tokenizer(words=WORDS, extra_words=["ແຊ່ເນິນ"])
    assert tok.tokenize("ແຊ່ເນິນດີ") == ["ແຊ່ເນິນ", "ດີ"]


def test_spans_are_offsets_into_the_text() -> None:
    text = "ສະບາຍດີ ລາວ"
    spans = TINY.spans(text)
    assert spans == [(0, 7), (7, 8), (8, 11)]
    assert [text[a:b] for a, b in spans] == TINY.tokenize(text)


def test_long_input_is_linear() -> None:
    word = "ສະບາຍດີ"
    for text in (word * 15000, "ກ" * 100_000):
        start = time.perf_counter()
        assert "".join(TINY.tokenize(text)) == text
        assert time.perf_counter() - start < 5  # milliseconds per KB, generously bounded


# --- API ------------------------------------------------------------------------------------------


def test_empty_text_gives_no_tokens() -> None:
    assert word_tokenize("") == []
    assert TINY.tokenize("") == []
    assert TINY.spans("") == []


def test_keep_whitespace_false_drops_whitespace_tokens() -> None:
    assert word_tokenize("ສະບາຍດີ  ທ່ານ\n", keep_whitespace=False) == ["ສະບາຍດີ", "ທ່ານ"]


@pytest.mark.parametrize("bad", [None, b"\xe0\xba\x81", 3, ["ກ"]])
def test_non_str_input_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="expects str"):
        word_tokenize(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        TINY.tokenize(bad)  # type: ignore[arg-type]


def test_invalid_options_name_the_valid_values() -> None:
    with pytest.raises(ValueError, match="'fine', 'medium', 'coarse'"):
        word_tokenize("ກ", granularity="middle")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'laotext', 'icu'"):
        word_tokenize("ກ", engine="newmm")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'auto', 'python', 'compiled'"):
        Tokenizer(backend="rust")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Tokenizer(words="ສະບາຍດີ")
    with pytest.raises(TypeError):
        Tokenizer(words=[("ກ", "cheap")])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="cost >= 0"):
        Tokenizer(words=[("ກ", -1)])
    with pytest.raises(ValueError, match="non-empty"):
        Tokenizer(extra_words=[" "])


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        word_tokenize("ກ", "icu")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Tokenizer(WORDS)  # type: ignore[call-arg]


def test_tokenizer_is_immutable_and_compares_by_recipe() -> None:
    with pytest.raises(AttributeError):
        TINY._words = ()
    assert Tokenizer(words=WORDS) == TINY
    assert hash(Tokenizer(words=WORDS)) == hash(TINY)
    assert Tokenizer(words=WORDS, granularity="fine") != TINY


def test_pickle_holds_only_the_recipe() -> None:
    tok = Tokenizer(words=WORDS, extra_words=["ແຊ່ເນິນ"], granularity="coarse")
    before = pickle.dumps(tok)
    tokens = tok.tokenize("ຂ້ອຍຮັກພາສາລາວ")
    assert pickle.dumps(tok) == before
    clone = pickle.loads(before)
    assert clone == tok
    assert clone.tokenize("ຂ້ອຍຮັກພາສາລາວ") == tokens
    assert len(before) < 1000


def test_tokenize_batch() -> None:
    assert TINY.tokenize_batch(["ສະບາຍດີ", "", "ດີ ດີ"]) == [["ສະບາຍດີ"], [], ["ດີ", " ", "ດີ"]]


def test_backend_reports_the_auto_backend() -> None:
    assert backend() in ("python", "compiled")
    assert Tokenizer(backend="python").tokenize("ສະບາຍດີ") == ["ສະບາຍດີ"]


def test_compiled_backend_errors_say_why_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    import laotext._backend as glue

    monkeypatch.setattr(glue, "CORE", None)
    monkeypatch.setattr(glue, "CORE_ERROR", "laotext._core is not available (test)")
    with pytest.raises(ImportError, match="not available"):
        Tokenizer(backend="compiled")


def test_icu_engine() -> None:
    pytest.importorskip("icu4py")
    tokens = word_tokenize("ສະບາຍດີ ທ່ານ", engine="icu")
    assert "".join(tokens) == "ສະບາຍດີ ທ່ານ"
    assert word_tokenize("ສະບາຍດີ ທ່ານ", engine="icu", keep_whitespace=False)[-1] == "ທ່ານ"


def test_icu_engine_without_icu_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_icu(name: str, *args: object, **kwargs: object) -> object:
        if name in ("icu4py.breakers", "icu4py", "icu"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_icu)
    with pytest.raises(ImportError, match=r"laotext\[icu\]"):
        word_tokenize("ສະບາຍດີ", engine="icu")


def test_default_lexicon_segments_real_text() -> None:
    assert word_tokenize("ຂ້ອຍຮັກພາສາລາວ") == ["ຂ້ອຍ", "ຮັກ", "ພາສາລາວ"]
    assert word_tokenize("ກະຊວງສຶກສາທິການ", granularity="coarse") == ["ກະຊວງສຶກສາທິການ"]


# --- properties -----------------------------------------------------------------------------------


@given(st.one_of(lao_like_text, lao_words_text, st.text(max_size=40)))
@settings(max_examples=300, deadline=None)
def test_lossless_and_never_inside_a_cluster(text: str) -> None:
    for tok in (TINY, Tokenizer(words=WORDS, granularity="fine")):
        tokens = tok.tokenize(text)
        assert "".join(tokens) == text
        assert all(tokens)
        ends, pos = cluster_ends(text), 0
        for token in tokens:
            pos += len(token)
            assert pos in ends


@given(lao_words_text)
@settings(max_examples=100, deadline=None)
def test_default_lexicon_is_lossless(text: str) -> None:
    assert "".join(word_tokenize(text)) == text


@given(st.lists(lao_words_text, min_size=1, max_size=5))
@settings(max_examples=30, deadline=None)
def test_pickled_tokenizer_gives_the_same_tokens(texts: list[str]) -> None:
    clone = pickle.loads(pickle.dumps(TINY))
    assert clone.tokenize_batch(texts) == TINY.tokenize_batch(texts)


def test_threads_give_the_same_output_as_one() -> None:
    texts = ["ຂ້ອຍຮັກພາສາລາວ ສະບາຍດີ" * (i % 7 + 1) + "ບໍ່ມີ" * i for i in range(200)]
    expected = [word_tokenize(t, granularity="fine") for t in texts]
    fresh = Tokenizer(granularity="fine", extra_words=["ຂ້ອຍຮັກ"])  # tables built by the threads
    expected_fresh = None
    barrier = threading.Barrier(8)

    def work(_: int) -> tuple[list[list[str]], list[list[str]]]:
        barrier.wait()
        return (
            [word_tokenize(t, granularity="fine") for t in texts],
            fresh.tokenize_batch(texts),
        )

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(8)))
    expected_fresh = results[0][1]
    assert all(r[0] == expected for r in results)
    assert all(r[1] == expected_fresh for r in results)
    assert expected_fresh == Tokenizer(granularity="fine", extra_words=["ຂ້ອຍຮັກ"]).tokenize_batch(
        texts
    )
