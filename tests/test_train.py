"""Training a tokenizer from segmented lines, and the model file round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from laotext.segment import Context, Tokenizer
from laotext.train import MODEL_HEADER, learn_costs, learn_model

# Made-up gold lines in a convention that splits ການ from its verb and keeps ພາສາລາວ whole.
GOLD = [
    "ຂ້ອຍ|ຮັກ|ພາສາລາວ",
    "ການ|ຄ້າ|ແມ່ນ|ສຳຄັນ",
    "ລາວ|ເວົ້າ|ພາສາລາວ|ໄດ້|ດີໆ",
    "ການ|ຄ້າ|ຂອງ|ລາວ|,|2024",
]


def test_trained_tokenizer_follows_the_corpus_convention() -> None:
    tok = Tokenizer.train(GOLD)
    assert tok.tokenize("ການຄ້າຂອງຂ້ອຍ") == ["ການ", "ຄ້າ", "ຂອງ", "ຂ້ອຍ"]
    assert tok.tokenize("ຂ້ອຍຮັກພາສາລາວ") == ["ຂ້ອຍ", "ຮັກ", "ພາສາລາວ"]


def test_extend_fills_gaps_from_the_shipped_lexicon() -> None:
    text = "ສະບາຍດີຂອບໃຈ"
    assert Tokenizer.train(GOLD).tokenize(text) == ["ສະບາຍດີ", "ຂອບໃຈ"]
    # without the shipped words, unknown clusters merge around the learned ດີ
    assert Tokenizer.train(GOLD, extend=False).tokenize(text) == ["ສະບາຍ", "ດີ", "ຂອບໃຈ"]
    costs = learn_costs(GOLD, extend=True)
    assert costs["ສະບາຍດີ"] > max(learn_costs(GOLD, extend=False).values())


def test_words_the_corpus_splits_are_not_added_back() -> None:
    # the shipped lexicon has ການຄ້າ; the corpus writes ການ|ຄ້າ, so it stays out
    assert "ການຄ້າ" not in learn_costs(GOLD)


def test_custom_separator_and_non_lao_tokens() -> None:
    costs = learn_costs(["ຂ້ອຍ ຮັກ 2024 ລາວ"], sep=" ", extend=False)
    assert sorted(costs) == sorted(["ຂ້ອຍ", "ຮັກ", "ລາວ"])


def test_training_errors() -> None:
    with pytest.raises(ValueError, match="no Lao words"):
        Tokenizer.train(["abc|123"])
    with pytest.raises(ValueError, match="sep"):
        Tokenizer.train(GOLD, sep="")
    with pytest.raises(TypeError):
        Tokenizer.train([b"\xe0\xba\x81"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="granularity"):
        Tokenizer.train(GOLD, granularity="tiny")  # type: ignore[arg-type]


def round_trip(tok: Tokenizer, tmp_path: Path, sample: str) -> tuple[Tokenizer, str]:
    """Save, load and save again: the loaded tokenizer equals the original, segments ``sample``
    the same way, and writes the same bytes.  Returns it with the model file's text."""
    path = tmp_path / "first.model"
    tok.save(path)
    text = path.read_text(encoding="utf-8")
    loaded = Tokenizer.load(path)
    assert loaded == tok
    assert loaded.tokenize(sample) == tok.tokenize(sample)
    loaded.save(tmp_path / "again.model")
    assert (tmp_path / "again.model").read_text(encoding="utf-8") == text
    return loaded, text


def test_save_load_round_trip(tmp_path: Path) -> None:
    tok = Tokenizer.train(GOLD, extend=False, granularity="fine", context=False)
    loaded, text = round_trip(tok, tmp_path, "ການຄ້າຂອງລາວແມ່ນສຳຄັນ ຂ້ອຍຮັກພາສາລາວ")
    assert text.startswith(MODEL_HEADER + "\n")
    assert loaded.granularity == "fine"


def test_default_tokenizer_saves_the_shipped_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "default.model"
    Tokenizer(extra_words=["ແຊ່ເນິນ"]).save(path)
    loaded = Tokenizer.load(path)
    assert loaded.tokenize("ທ່ານແຊ່ເນິນ") == ["ທ່ານ", "ແຊ່ເນິນ"]


def test_load_rejects_other_files(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("ລາວ\t300\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a laotext model"):
        Tokenizer.load(path)


# --- learned context: boundary costs and the ໆ convention ------------------------------------

# The corpus writes ມີການ as a word, but ມີ|ການຄ້າ: ການ|ຄ້າ is never a boundary.  Unigram costs
# prefer ມີການ|ຄ້າ; the learned boundary cost of (ການ, ຄ້າ) turns the decision around.
CONTEXT_GOLD = [
    "ມີການ|ປະຊຸມ",
    "ມີການ|ປະຊຸມ",
    "ມີການ|ປະຊຸມ",
    "ມີການ|ປະຊຸມ",
    "ຄ້າ|ຂາຍ",
    "ຂາຍ|ຄ້າ",
    "ຂາຍ|ຄ້າ",
    "ມີ|ການຄ້າ",
    "ການຄ້າ|ດີ",
    "ມ່ວນ|ໆ",
    "ມ່ວນ|ໆ|ແທ້",
    "ດີໆ",
]


def test_boundary_costs_in_the_dp() -> None:
    words = (("ມີ", 100), ("ການຄ້າ", 200), ("ມີການ", 150), ("ຄ້າ", 100))
    assert Tokenizer(words=words).tokenize("ມີການຄ້າ") == ["ມີການ", "ຄ້າ"]  # 250 < 300
    context = Context(boundaries=(("ການ", "ຄ້າ", 100),))
    # ມີການ|ຄ້າ now costs 150 + 100 + 100; ມີ|ການຄ້າ pays the default (0) after ມີ
    assert Tokenizer(words=words, context=context).tokenize("ມີການຄ້າ") == ["ມີ", "ການຄ້າ"]
    # the last word of a run pays no boundary cost; unknown clusters pay none either
    context = Context(boundary_default=1000)
    assert Tokenizer(words=words, context=context).tokenize("ມີການຄ້າ") == ["ມີການ", "ຄ້າ"]


def test_context_costs_change_a_decision_unigram_costs_get_wrong() -> None:
    unigram = Tokenizer.train(CONTEXT_GOLD, extend=False, context=False)
    trained = Tokenizer.train(CONTEXT_GOLD, extend=False)
    assert unigram.tokenize("ມີການຄ້າ") == ["ມີການ", "ຄ້າ"]
    assert trained.tokenize("ມີການຄ້າ") == ["ມີ", "ການຄ້າ"]
    assert trained.tokenize("ມີການປະຊຸມ") == ["ມີການ", "ປະຊຸມ"]
    assert trained.context is not None and trained.context.boundaries


def test_repeat_convention_is_learned_per_word() -> None:
    trained = Tokenizer.train(CONTEXT_GOLD, extend=False)
    assert trained.tokenize("ມ່ວນໆ ດີໆ") == ["ມ່ວນ", "ໆ", " ", "ດີໆ"]
    # the default lexicon keeps attaching ໆ
    assert Tokenizer().tokenize("ມ່ວນໆ") == ["ມ່ວນໆ"]


def test_training_is_reproducible() -> None:
    first = learn_model(CONTEXT_GOLD + GOLD)
    assert learn_model(reversed(list(reversed(CONTEXT_GOLD + GOLD)))) == first
    entries, context = first
    assert min(entries.values()) >= 0 and context.boundary_default >= 0
    assert all(cost >= 0 for _, _, cost in context.boundaries)


def test_context_model_round_trip(tmp_path: Path) -> None:
    tok = Tokenizer.train(CONTEXT_GOLD + GOLD)
    loaded, text = round_trip(tok, tmp_path, "ຂາຍມີການຄ້າ ມີການປະຊຸມ ມ່ວນໆ ດີໆ")
    assert "[boundaries]" in text and "[repeat]" in text
    assert loaded.context == tok.context


def test_version_1_model_files_still_load(tmp_path: Path) -> None:
    path = tmp_path / "old.model"
    lines = ["# laotext segmentation model 1", "# granularity\tfine", "ການ\t300", "ຄ້າ\t400"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = Tokenizer.load(path)
    assert loaded.granularity == "fine" and loaded.context is None
    assert loaded.tokenize("ການຄ້າ") == ["ການ", "ຄ້າ"]


def test_context_tokenizers_pickle_and_validate() -> None:
    import pickle

    tok = Tokenizer.train(CONTEXT_GOLD, extend=False)
    assert pickle.loads(pickle.dumps(tok)) == tok
    assert tok != Tokenizer.train(CONTEXT_GOLD, extend=False, context=False)
    with pytest.raises(ValueError, match=">= 0"):
        Tokenizer(words=["ການ"], context=Context(boundaries=(("ກ", "ຂ", -1),)))
    with pytest.raises(TypeError):
        Tokenizer(words=["ການ"], context=("ກ",))  # type: ignore[arg-type]


def test_trained_models_give_the_same_tokens_on_both_backends() -> None:
    pytest.importorskip("laotext._core")
    tok = Tokenizer.train(CONTEXT_GOLD, extend=False)
    python = Tokenizer(words=tok._words, context=tok.context, backend="python")
    compiled = Tokenizer(words=tok._words, context=tok.context, backend="compiled")
    for text in ["ມີການຄ້າ", "ມີການຄ້າຂາຍດີໆ ການຄ້າໆ", "ດີໆ ຫຼາຍໆ ການຄ້າ"]:
        assert compiled.tokenize(text) == python.tokenize(text)


def test_jackknifed_training_on_a_larger_corpus() -> None:
    # enough lines for the jackknife folds, where a fold's lexicon misses some words
    lines = GOLD * 3 + ["abc|123"] * 2 + ["ຂ້ອຍ|ເວົ້າ|ພາສາລາວ"] * 5
    first = learn_model(lines)
    assert learn_model(iter(lines)) == first
    tok = Tokenizer.train(lines)
    assert tok.tokenize("ການຄ້າຂອງຂ້ອຍ") == ["ການ", "ຄ້າ", "ຂອງ", "ຂ້ອຍ"]
    assert tok.tokenize("ຂ້ອຍເວົ້າພາສາລາວ") == ["ຂ້ອຍ", "ເວົ້າ", "ພາສາລາວ"]
    entries, context = first
    assert min(entries.values()) >= 0 and context.boundary_default >= 0


def test_training_margin_favours_wrong_edges() -> None:
    from laotext.lexicon import Lexicon
    from laotext.train import _decode

    keys = ["ພາ", "ສາ"]
    table = Lexicon.build({"ພາສາ": 100, "ພາ": 60, "ສາ": 60}).table
    assert _decode(keys, table, {}, {}) == {(0, 2)}
    # the gold path is the split; with a margin the competing whole word looks cheaper
    assert _decode(keys, table, {}, {}, {(0, 1), (1, 2)}, 50) == {(0, 2)}
    assert _decode(keys, table, {}, {}, {(0, 2)}, 50) == {(0, 1), (1, 2)}
