"""Training a tokenizer from segmented lines, and the model file round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from laotext.segment import Tokenizer
from laotext.train import MODEL_HEADER, learn_costs

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


def test_save_load_round_trip(tmp_path: Path) -> None:
    tok = Tokenizer.train(GOLD, extend=False, granularity="fine")
    path = tmp_path / "my.model"
    tok.save(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(MODEL_HEADER + "\n")
    loaded = Tokenizer.load(path)
    assert loaded == tok
    assert loaded.granularity == "fine"
    sample = "ການຄ້າຂອງລາວແມ່ນສຳຄັນ ຂ້ອຍຮັກພາສາລາວ"
    assert loaded.tokenize(sample) == tok.tokenize(sample)
    loaded.save(tmp_path / "again.model")
    assert (tmp_path / "again.model").read_text(encoding="utf-8") == text


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
