"""The compiled core (laotext._core) behaves exactly like the pure-Python reference.

Scanner: ``Scanner.bounds(text)`` == the match ends of ``CLUSTER_RE.finditer(text)``, on the
development corpora, on every code point in the contexts that matter, and on generated text.
Segmenter: ``CompiledSegmenter.bounds(text)`` == the pure-Python ``_boundaries`` on the same table.

The tests are skipped when the extension is not built, unless ``LAOTEXT_REQUIRE_CORE=1`` (CI and the
sanitizer build set it, so that a broken build cannot pass silently).
"""

from __future__ import annotations

import sys
import threading
import time
from array import array
from pathlib import Path

import pytest
from conftest import SHARED_DATA, compiled_core, lao_like_text, lao_words_text, shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from laotext import _backend
from laotext._marks import MARK_RANGES
from laotext.syllables import CLUSTER_RE

core = compiled_core()

# --- generated text ------------------------------------------------------------------------------

LAO_BLOCK = "".join(chr(c) for c in range(0x0E80, 0x0F00))  # assigned or not
SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u3000"
#: Characters at the edges of every class the scanner tests: ZWSP, Thai letters/marks/digits,
#: Latin with a combining mark, digits and their separators, underscore, numerics that are not
#: decimal (letters for `re`), lone surrogates, astral letters, marks and digits.
EDGES = (
    "\u200b\u200c\u200dกขัิ่้ๆ๑ abcXYZé\u0301\u0300_.,;:!?'\"()-0123456789²½٣"
    "\ud800\udbff\udc00\udfff\U0001f600\U00010400\U0001d165\U0001d7ce\U000e0100\ufeff"
)
KEY_LAO = "ກຂຄສປພຕທບຟຫງຍນມລວຣອຮໜໝເແໂໃໄະັາຳິີຶືຸູົຼຽ່້໊໋໌ໍໆຯ໐໙"

lao_heavy_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(KEY_LAO),
        st.sampled_from(LAO_BLOCK),
        st.sampled_from(SPACES + EDGES),
    ),
    max_size=80,
)
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60)


def reference_bounds(text: str) -> list[int]:
    return [m.end() for m in CLUSTER_RE.finditer(text)]


def compiled_bounds(text: str) -> list[int]:
    bounds = _backend.cluster_bounds(text)
    assert isinstance(bounds, array) and bounds.typecode == "q"
    return bounds.tolist()


# --- scanner: examples ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ສະບາຍດີ",
        "ຫຼາຍກວ່າ",
        "ມາກວ່າ ມາກຣະ",
        "ເມືອງຫຼວງພະບາງ 2024",
        "ສປປ ລາວ",
        "ນໍ້າ\u200bໄຫຼ",
        "ດີໆ ໆໆ",
        "ລາຄາ1,000.50ກີບ 1,a 1.. ໑໒,໓",
        "ລາວ Lao ไทย cafe\u0301!",
        "ຫວກ ຫນ ຫ",  # ຫ-digraph onsets that `re` must give back
        "ເກາະ ເຂົ້າ ໃຫ້ ໄປວ໌ ອາຈານ໌ ບໍ່ ກໍາ ກ່ໍາ",
        "\u0ec8ກ\u0eb4\u0eb4 \u0ecd",
        "a\ud800b\udfff",
        "\U0001d7ce\U0001d7cf.\U0001d7ce x\U0001d165",
    ],
)
def test_scanner_matches_cluster_re_on_examples(text: str) -> None:
    assert compiled_bounds(text) == reference_bounds(text)


def test_scanner_reads_all_three_string_kinds() -> None:
    lao = "ເມືອງຫຼວງ ພະບາງ"
    for suffix in ("", "\xe9", "\u0101", "\U0001f600"):  # ASCII/latin-1, UCS-2, UCS-4 buffers
        text = "abc 12" + suffix + lao
        assert compiled_bounds(text) == reference_bounds(text)
    assert compiled_bounds("abc def") == reference_bounds("abc def")  # 1-byte kind


def test_scanner_accepts_str_subclasses() -> None:
    class Text(str):
        pass

    assert compiled_bounds(Text("ສະບາຍດີ")) == [2, 5, 7]


@pytest.mark.parametrize("bad", [None, b"\xe0\xba\x81", 12, ["ກ"]])
def test_scanner_rejects_non_str(bad: object) -> None:
    with pytest.raises(TypeError, match="expects str"):
        _backend.cluster_bounds(bad)  # type: ignore[arg-type]


def test_scanner_validates_its_mark_ranges() -> None:
    with pytest.raises(ValueError, match="bad mark range"):
        core.Scanner([(5, 4)])
    with pytest.raises(ValueError, match="bad mark range"):
        core.Scanner([(0, 0x110000)])
    with pytest.raises(TypeError):
        core.Scanner([(1, 2, 3)])
    scanner = core.Scanner(MARK_RANGES)
    with pytest.raises(TypeError, match="twice"):
        scanner.__init__(MARK_RANGES)


# --- scanner: corpora and every code point -------------------------------------------------------


def corpus_files() -> list[Path]:
    files = sorted((SHARED_DATA / "raw").glob("*.txt")) + sorted(
        (SHARED_DATA / "gold").glob("*.txt")
    )
    return files or [SHARED_DATA / "raw" / "missing.txt"]


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_scanner_matches_cluster_re_on_corpora(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"development data not present: {path}")
    text = path.read_text(encoding="utf-8")
    assert compiled_bounds(text) == reference_bounds(text)


def test_scanner_matches_cluster_re_for_every_code_point() -> None:
    # Every code point (lone surrogates included) inside and around each kind of run: letters,
    # numbers with separators, whitespace.  One long text, so a difference anywhere shows.  Planes
    # 4-13 hold no assigned character: a sample of them is enough.
    code_points = [
        *range(0x40000),
        *range(0x40000, 0xE0000, 97),
        *range(0xE0000, sys.maxunicode + 1),
    ]
    text = "".join(f"a{c}1{c}2.{c} {c}{c}\x00" for c in map(chr, code_points))
    assert compiled_bounds(text) == reference_bounds(text)


def test_scanner_matches_cluster_re_for_every_lao_block_character_in_syllables() -> None:
    # Inside Lao syllables, where the lookaheads and lookbehinds read the character too.
    contexts = ("ກ{}າ", "ມາ{}ວ່າ", "ໄປ{}", "ເກ{}ຍ", "ນໍ{}າ", "ກາ{}ອ", "ຫ{}ວ", "{}{}{}")
    text = "\x00".join(
        context.format(a, b, c)
        for a in LAO_BLOCK
        for b in KEY_LAO
        for c in (a, b)
        for context in contexts
    )
    assert compiled_bounds(text) == reference_bounds(text)


def test_scanner_on_a_huge_text() -> None:
    unit = "ສະບາຍດີ ເມືອງຫຼວງພະບາງ 1,000.50 Lao\u200bໆ\U0001f600ກ່ໍາ"
    text = unit * 50_000
    bounds = compiled_bounds(text)
    assert bounds == reference_bounds(text)
    assert bounds[-1] == len(text)


# --- scanner: generated text ---------------------------------------------------------------------


@settings(max_examples=1000)
@given(lao_heavy_text)
def test_scanner_matches_cluster_re_on_lao_heavy_text(text: str) -> None:
    assert compiled_bounds(text) == reference_bounds(text)


@given(lao_like_text)
def test_scanner_matches_cluster_re_on_lao_like_text(text: str) -> None:
    assert compiled_bounds(text) == reference_bounds(text)


@given(lao_words_text)
def test_scanner_matches_cluster_re_on_syllable_strings(text: str) -> None:
    assert compiled_bounds(text) == reference_bounds(text)


@given(any_text)
def test_scanner_matches_cluster_re_on_any_text(text: str) -> None:
    assert compiled_bounds(text) == reference_bounds(text)


def test_scanner_is_safe_to_share_between_threads() -> None:
    text = "ສະບາຍດີ ເມືອງຫຼວງພະບາງ 1,000.50 " * 20_000
    expected = reference_bounds(text)
    results: list[list[int]] = []

    def work() -> None:
        results.append(compiled_bounds(text))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 4


# --- segmenter -----------------------------------------------------------------------------------

from laotext import segment  # noqa: E402
from laotext.lexicon import IS_PREFIX, IS_WORD, Lexicon, canonical_key, cost_from_count  # noqa: E402

#: A small lexicon with the cases that matter: compounds and their parts, the ambiguous ກ (ມາ+ກວ່າ
#: or ມາກ+ວ່າ), spelling variants (ນ້ຳ/ນໍ້າ, ໜ/ຫນ), equal-cost ties, a word ending in ໆ's base.
SMALL_WORDS = {
    "ສະບາຍ": 900, "ສະບາຍດີ": 700, "ດີ": 800, "ສະ": 2000, "ບາຍ": 2000,
    "ມາ": 500, "ມາກ": 900, "ກວ່າ": 600, "ວ່າ": 400, "ຫຼາຍ": 500,
    "ນ້ຳ": 700, "ໜ້າ": 700, "ນ້ຳໜ້າ": 1400, "ຕ່າງ": 800, "ຄວາມ": 300, "ສຸກ": 900,
    "ກິນ": 600, "ເຂົ້າ": 600, "ກິນເຂົ້າ": 1200, "ລາວ": 400, "ພາສາ": 800, "ພາສາລາວ": 1100,
}  # fmt: skip
SMALL_TABLE = Lexicon.build({canonical_key(w): c for w, c in SMALL_WORDS.items()}).table


def python_bounds(text: str, table: dict[str, int]) -> list[int]:
    max_cost = max((v >> 2 for v in table.values()), default=0)
    return list(segment._boundaries(text, table, max_cost, {}))


def check_same_tokens(seg: _backend.CompiledSegmenter, table: dict[str, int], text: str) -> None:
    expected = python_bounds(text, table)
    assert seg.bounds(text).tolist() == expected
    starts = [0, *expected[:-1]]
    assert seg.tokens(text) == [text[a:b] for a, b in zip(starts, expected, strict=False)]


@pytest.fixture(scope="module")
def small() -> _backend.CompiledSegmenter:
    return _backend.CompiledSegmenter(SMALL_TABLE)


def test_flags_agree_with_the_lexicon() -> None:
    assert (core.IS_WORD, core.IS_PREFIX) == (IS_WORD, IS_PREFIX)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ສະບາຍດີ",
        "ສະບາຍດີ ດີໆ ໆ ດີໆໆ",
        "ຫຼາຍກວ່າ ມາກວ່າ",
        "ນໍ້າໜ້າ ນ້ຳຫນ້າ",  # variants reach the same keys
        "ກິນເຂົ້າກິນເຂົ້າ",
        "ພາສາລາວ1,000ພາສາ Lao\u200bລາວ",
        "ຂຂຂຂ ສະຂຂບາຍ",  # unknown clusters merge
        "ໆດີ",  # ໆ at the start is a token of its own
        "ດີ ໆໆ ດີໆໆ.ໆ",  # ໆ runs: attached after a Lao token, else one token
        "ດີ.. \"\" !!! ... ,, '' ؟؟ ຯຯ",  # repeated symbols merge; " and letters do not
        "\u0ec8\u0ec8ດີ",  # stray marks are Lao clusters
        "ສະບາຍດີ\U0001f600ລາວ",
        "a\ud800ດີ",
        "ດີ-19 ດີໆ-1 ດີ-ດີ a-b-1-2 -1 ດີ--1 ດີ\u2010໑ a\u2011b é-\u1ea1 a-ດີ 1-a ດີ\u0ec8-5",  # hyphens
    ],
)
def test_segmenter_matches_python_on_examples(small: _backend.CompiledSegmenter, text: str) -> None:
    check_same_tokens(small, SMALL_TABLE, text)


small_lexicon_text = st.lists(
    st.one_of(
        st.sampled_from(sorted(SMALL_WORDS)),
        st.sampled_from(["ໆ", " ", "ໍ", "າ", "ຫນ", "1", ".", "\u200b", "ກ", "ວ", "x", "-", "A"]),
        lao_like_text,
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500)
@given(small_lexicon_text)
def test_segmenter_matches_python_on_generated_text(
    small: _backend.CompiledSegmenter, text: str
) -> None:
    check_same_tokens(small, SMALL_TABLE, text)


@given(any_text)
def test_segmenter_matches_python_on_any_text(small: _backend.CompiledSegmenter, text: str) -> None:
    check_same_tokens(small, SMALL_TABLE, text)


def gold_lexicon() -> dict[str, int]:
    """A lexicon with unigram costs from a gold training file (built in memory, never shipped)."""
    path = SHARED_DATA / "gold" / "yunshan2020.train.txt"
    if not path.exists():
        pytest.skip(f"development data not present: {path}")
    counts: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        for word in line.split("|"):
            if word.strip():
                counts[word] = counts.get(word, 0) + 1
    total = sum(counts.values())
    entries: dict[str, int] = {}
    for word, count in counts.items():
        key, cost = canonical_key(word), cost_from_count(count, total)
        entries[key] = min(cost, entries.get(key, cost))
    return entries


@pytest.fixture(scope="module")
def gold() -> tuple[dict[str, int], _backend.CompiledSegmenter]:
    table = Lexicon.build(gold_lexicon()).table
    return table, _backend.CompiledSegmenter(table)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_segmenter_matches_python_on_corpora(
    gold: tuple[dict[str, int], _backend.CompiledSegmenter], path: Path
) -> None:
    if not path.exists():
        pytest.skip(f"development data not present: {path}")
    table, seg = gold
    check_same_tokens(seg, table, path.read_text(encoding="utf-8"))


@settings(max_examples=300)
@given(st.one_of(lao_heavy_text, lao_words_text))
def test_segmenter_matches_python_with_a_real_lexicon(
    gold: tuple[dict[str, int], _backend.CompiledSegmenter], text: str
) -> None:
    table, seg = gold
    check_same_tokens(seg, table, text)


def test_default_lexicon_matches_python_tokenizer() -> None:
    try:
        tables = segment.Tokenizer(backend="python")._get_tables()
    except FileNotFoundError:
        pytest.skip("the shipped lexicon is not built yet")
    seg = _backend.CompiledSegmenter(tables.table)
    text = shared_file("samples", "seed_article.txt").read_text(encoding="utf-8")
    check_same_tokens(seg, tables.table, text)


# --- segmenter: tables and key functions ---------------------------------------------------------


def test_empty_keys_are_looked_up_like_python(monkeypatch: pytest.MonkeyPatch) -> None:
    # A key function may map a cluster to "", and a table may hold "": dict.get semantics hold.
    def key(cluster: str) -> str:
        return "" if cluster == "ດີ" else cluster

    monkeypatch.setattr(segment, "cluster_key", key)
    monkeypatch.setattr(segment, "_KEYS", {})
    tables = [
        {"": 7 << 2 | IS_WORD | IS_PREFIX, "ກ": 5 << 2 | IS_WORD},
        {"": 7 << 2 | IS_PREFIX, "ກ": 5 << 2 | IS_WORD | IS_PREFIX, "ກາ": 1 << 2 | IS_WORD},
        {"ກ": 5 << 2 | IS_WORD | IS_PREFIX, "ກາ": 1 << 2 | IS_WORD},
    ]
    for table in tables:
        seg = _backend.CompiledSegmenter(table, key=key)
        for text in ["ດີກ", "ກດີ", "ດີດີ", "ດີ", "ກດີາ", "ກາດີກາ ດີ"]:
            check_same_tokens(seg, table, text)


def test_key_function_results_are_used_and_remembered() -> None:
    calls: list[str] = []

    def key(cluster: str) -> str:
        calls.append(cluster)
        return {"ກາ": "ສະ", "ບາ": "ບາຍ"}.get(cluster, cluster)

    table = Lexicon.build({"ສະບາຍ": 900}).table
    seg = _backend.CompiledSegmenter(table, key=key)
    assert seg.tokens("ກາບາ ກາບາ") == ["ກາບາ", " ", "ກາບາ"]
    assert sorted(calls) == ["ກາ", "ບາ"]  # once per distinct cluster
    seg.tokens("ກາບາ")
    assert sorted(calls) == ["ກາ", "ບາ"]


def test_many_distinct_clusters_are_learned_and_merged() -> None:
    table = Lexicon.build({"ກາ": 900}).table
    seg = _backend.CompiledSegmenter(table)
    clusters = [chr(c) + m for c in range(0x0E81, 0x0EAE) for m in "າິີຶືຸູ"]
    text = " ".join(clusters)
    for _ in range(3):
        check_same_tokens(seg, table, text)
    assert seg._core.known_count >= len(set(clusters)) - 10


def test_key_function_errors_propagate() -> None:
    def broken(cluster: str) -> str:
        raise KeyError(cluster)

    seg = _backend.CompiledSegmenter(SMALL_TABLE, key=broken)
    with pytest.raises(KeyError):
        seg.bounds("ລາວ")
    seg = _backend.CompiledSegmenter(SMALL_TABLE, key=lambda c: b"x")  # type: ignore[arg-type,return-value]
    with pytest.raises(TypeError, match="key function"):
        seg.tokens("ລາວ")
    assert seg.tokens("1 a") == ["1", " ", "a"]  # no Lao cluster: the key function is not called


class IndexOnly:
    """A number that is not an int, only convertible to one."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


@pytest.mark.parametrize(
    ("table", "error"),
    [
        ([("ກ", 1)], TypeError),
        ({1: 1}, TypeError),
        ({"ກ": "1"}, TypeError),
        ({"ກ": IndexOnly(1)}, TypeError),  # an int is required: __index__ could run any code
        ({"ກ": -1}, ValueError),
        ({"ກ": 2**70}, OverflowError),
    ],
)
def test_bad_tables_are_rejected(table: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        _backend.CompiledSegmenter(table)  # type: ignore[arg-type]


def test_bad_lao_start_is_rejected() -> None:
    with pytest.raises(ValueError, match="Lao-block"):
        _backend.CompiledSegmenter(SMALL_TABLE, lao_start=["a"])
    with pytest.raises(ValueError, match="Lao-block"):
        _backend.CompiledSegmenter(SMALL_TABLE, lao_start=["ກກ"])


def test_segmenter_cannot_be_reinitialised(small: _backend.CompiledSegmenter) -> None:
    with pytest.raises(TypeError, match="twice"):
        small._core.__init__(_backend.scanner(), {}, str, [])


def test_segmenter_rejects_non_str(small: _backend.CompiledSegmenter) -> None:
    for bad in (None, b"x", 1):
        with pytest.raises(TypeError, match="expects str"):
            small.bounds(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="expects str"):
            small.tokens(bad)  # type: ignore[arg-type]


def test_segmenter_is_safe_to_share_between_threads(small: _backend.CompiledSegmenter) -> None:
    texts = [("ສະບາຍດີ ຫຼາຍກວ່າ ນໍ້າໜ້າ " + chr(0x0E81 + i) + "ິ ") * 5000 for i in range(6)]
    expected = [python_bounds(text, SMALL_TABLE) for text in texts]
    fresh = _backend.CompiledSegmenter(SMALL_TABLE)  # learns its keys while the threads race
    results: dict[int, list[int]] = {}

    def work(i: int) -> None:
        results[i] = fresh.bounds(texts[i]).tolist()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i] for i in range(len(texts))] == expected


def test_calls_release_all_their_memory() -> None:
    # The core allocates with PyMem_Raw*, which tracemalloc sees: after a warm-up call (which
    # learns the keys), further calls, failing ones included, must not keep any memory.
    import tracemalloc

    def sometimes_broken(cluster: str) -> str:
        if cluster == "ຟູ":
            raise KeyError(cluster)
        return cluster

    seg = _backend.CompiledSegmenter(SMALL_TABLE)
    broken = _backend.CompiledSegmenter(SMALL_TABLE, key=sometimes_broken)
    text = "ສະບາຍດີ ຫຼາຍກວ່າ ນໍ້າໜ້າ.. ດີໆ 1,000 Lao " * 200

    def work() -> None:
        seg.bounds(text)
        seg.tokens(text)
        _backend.cluster_bounds(text)
        with pytest.raises(KeyError):
            broken.bounds(text + "ຟູ")

    work()
    tracemalloc.start()
    try:
        work()
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(20):
            work()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert after - before < 4096


def test_compiled_backend_without_the_core_raises_saying_why() -> None:
    # As in an installation where the extension did not compile: the import of _core fails.
    import subprocess

    code = (
        "import sys; sys.modules['laotext._core'] = None\n"
        "from laotext.segment import Tokenizer\n"
        "print(Tokenizer(backend='python').tokenize('ສະບາຍດີ'))\n"
        "try:\n"
        "    Tokenizer(backend='compiled')\n"
        "except ImportError as error:\n"
        "    print('ImportError:', error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "['ສະບາຍດີ']" in result.stdout
    assert "ImportError: laotext._core is not available" in result.stdout
    assert "backend='python'" in result.stdout


# --- segmenter: a trained model's context (boundary costs, the ໆ rule) ----------------------------


def context_table(
    boundaries: tuple[tuple[str, str, int], ...],
    default: int,
    separate: bool,
    exceptions: tuple[str, ...],
) -> segment._ContextTable:
    return segment._ContextTable(segment.Context(boundaries, default, separate, exceptions))


def check_same_with_context(
    table: dict[str, int], context: segment._ContextTable, text: str
) -> None:
    seg = _backend.CompiledSegmenter(table, context=context)
    max_cost = max((v >> 2 for v in table.values()), default=0) + context.max_cost
    expected = list(segment._boundaries(text, table, max_cost, {}, context))
    assert seg.bounds(text).tolist() == expected


SMALL_KEYS = sorted({cluster for word in SMALL_WORDS for cluster in CLUSTER_RE.findall(word)})


@pytest.mark.parametrize("separate", [False, True])
def test_context_costs_and_repeat_rule_match_python(separate: bool) -> None:
    context = context_table(
        (("ສະ", "ບາຍ", 3000), ("ມາ", "ກ", 0), ("ກ", "ວ່າ", 2500), ("ດີ", "ສະ", 7)),
        400,
        separate,
        ("ດີ", "ຕ່າງ"),
    )
    for text in [
        "ສະບາຍດີສະບາຍ ຫຼາຍກວ່າ ມາກວ່າ",
        "ດີໆ ຕ່າງໆໆ ລາວໆ ໆ ນ້ຳໜ້າໆ.ໆ",
        "ກິນເຂົ້າກິນເຂົ້າໆ",
    ]:
        check_same_with_context(SMALL_TABLE, context, text)


contexts = st.builds(
    context_table,
    st.lists(
        st.tuples(st.sampled_from(SMALL_KEYS), st.sampled_from(SMALL_KEYS), st.integers(0, 5000)),
        max_size=12,
    ).map(tuple),
    st.integers(0, 3000),
    st.booleans(),
    st.lists(st.sampled_from([*sorted(SMALL_WORDS), "ກ", "ດີໆ"]), max_size=4).map(tuple),
)


@settings(max_examples=300)
@given(contexts, small_lexicon_text)
def test_context_matches_python_on_generated_text(
    context: segment._ContextTable, text: str
) -> None:
    check_same_with_context(SMALL_TABLE, context, text)


def test_context_pairs_are_looked_up_by_their_joined_string() -> None:
    # segment.py keys pairs by left + " " + right, so ("a b", "c") and ("a", "b c") are one pair.
    context = context_table((("ສະ ບາ", "ຍ", 1), ("ສະ", "ບາ ຍ", 9000)), 0, False, ())
    assert context.pairs == {"ສະ ບາ ຍ": 9000}
    check_same_with_context(SMALL_TABLE, context, "ສະບາຍສະບາຍດີ")


@pytest.mark.parametrize(
    ("pairs", "default", "error"),
    [
        ({"ສະ ບາຍ": -1}, 0, ValueError),
        ({"ສະ ບາຍ": 1}, -5, ValueError),
        ({"ສະ ບາຍ": "1"}, 0, TypeError),
        ([("ສະ", "ບາຍ")], 0, TypeError),
        ({1: 1}, 0, TypeError),
    ],
)
def test_bad_contexts_are_rejected(pairs: object, default: object, error: type) -> None:
    class Bad:
        separate = False
        exceptions = ()

    bad = Bad()
    bad.pairs = pairs  # type: ignore[attr-defined]
    bad.default = default  # type: ignore[attr-defined]
    with pytest.raises(error):
        _backend.CompiledSegmenter(SMALL_TABLE, context=bad)
    with pytest.raises(AttributeError):
        _backend.CompiledSegmenter(SMALL_TABLE, context=object())


@pytest.mark.parametrize("what", ["scanner", "segmenter"])
def test_the_gil_is_released_while_the_core_works(
    small: _backend.CompiledSegmenter, what: str
) -> None:
    # While one thread is inside the core on a long text, another thread keeps running Python
    # code: if the core held the GIL, this thread's loop would stall for the whole call, leaving
    # a gap as long as the call between two of its time stamps.
    text = "ສະບາຍດີ ຫຼາຍກວ່າ ນໍ້າໜ້າ 1,000 " * 500_000
    work = _backend.cluster_bounds if what == "scanner" else small.bounds
    work(text)  # learn the keys first: the segmenter asks Python for unknown clusters
    window: list[float] = []
    done = threading.Event()

    def worker() -> None:
        window.append(time.perf_counter())
        work(text)
        window.append(time.perf_counter())
        done.set()

    stamps = []
    thread = threading.Thread(target=worker)
    thread.start()
    while not done.is_set():
        stamps.append(time.perf_counter())
    thread.join()
    inside = [stamp for stamp in stamps if window[0] <= stamp <= window[1]]
    longest_gap = max(
        b - a for a, b in zip([window[0], *inside], [*inside, window[1]], strict=True)
    )
    assert longest_gap < (window[1] - window[0]) / 3, (longest_gap, window[1] - window[0])


def test_a_table_of_words_alone_gives_the_same_tokens(
    gold: tuple[dict[str, int], _backend.CompiledSegmenter],
) -> None:
    # The core derives the prefix flags as Lexicon.build does, so the words are enough.
    table, full = gold
    words = {key: value & ~IS_PREFIX for key, value in table.items() if value & IS_WORD}
    seg = _backend.CompiledSegmenter(words)
    assert seg._core.node_count == full._core.node_count
    text = shared_file("gold", "yunshan2020.dev.input.txt").read_text(encoding="utf-8")
    assert seg.bounds(text) == full.bounds(text)


def test_the_order_of_the_table_does_not_matter(
    gold: tuple[dict[str, int], _backend.CompiledSegmenter],
) -> None:
    # Sorted keys are inserted as they come; any other order is sorted first (the same trie).
    table, _ = gold
    text = shared_file("gold", "yunshan2020.dev.input.txt").read_text(encoding="utf-8")
    built = [
        _backend.CompiledSegmenter(dict(sorted(table.items(), reverse=reverse)))
        for reverse in (False, True)
    ]
    assert built[0]._core.node_count == built[1]._core.node_count
    assert sys.getsizeof(built[0]._core) == sys.getsizeof(built[1]._core)
    assert built[0].bounds(text) == built[1].bounds(text)
    assert built[0].bounds(text).tolist() == python_bounds(text, table)
