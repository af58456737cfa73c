"""Sentence segmentation: terminal punctuation and line breaks, abbreviations kept whole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laotext import sent_tokenize


def test_sentences_end_at_terminal_punctuation_followed_by_space() -> None:
    text = "ມື້ນີ້ອາກາດດີ! ພວກເຮົາໄປທ່ຽວບໍ? ໄປ."
    assert sent_tokenize(text) == ["ມື້ນີ້ອາກາດດີ! ", "ພວກເຮົາໄປທ່ຽວບໍ? ", "ໄປ."]


def test_line_breaks_end_sentences_and_keep_blank_lines() -> None:
    assert sent_tokenize("ຫົວຂໍ້\n\nເນື້ອໃນ") == ["ຫົວຂໍ້\n\n", "ເນື້ອໃນ"]


def test_spaces_between_phrases_do_not_end_sentences() -> None:
    assert sent_tokenize("ທ່ານ ສົມສັກ ໄດ້ກ່າວວ່າ ວຽກງານນີ້ສຳຄັນ.") == ["ທ່ານ ສົມສັກ ໄດ້ກ່າວວ່າ ວຽກງານນີ້ສຳຄັນ."]


def test_one_letter_abbreviations_do_not_end_sentences() -> None:
    text = "ໃນປີ 2024 ຄ.ສ. ທ. ບຸນມີ ໄດ້ໄປ ສ.ປ.ປ. ລາວ. ແລ້ວກັບມາ."
    assert sent_tokenize(text) == ["ໃນປີ 2024 ຄ.ສ. ທ. ບຸນມີ ໄດ້ໄປ ສ.ປ.ປ. ລາວ. ", "ແລ້ວກັບມາ."]


def test_decimal_numbers_and_closing_quotes() -> None:
    text = "ລາຄາ 1.5 ລ້ານ. “ແພງຫຼາຍ!” ລາວເວົ້າ."
    assert sent_tokenize(text) == ["ລາຄາ 1.5 ລ້ານ. ", "“ແພງຫຼາຍ!” ", "ລາວເວົ້າ."]


def test_empty_text_gives_no_sentences() -> None:
    assert sent_tokenize("") == []


def test_non_str_input_raises_type_error() -> None:
    with pytest.raises(TypeError):
        sent_tokenize(b"abc")  # type: ignore[arg-type]


@given(st.text(alphabet=st.sampled_from("ກາ ລ.!?\n”ສ1"), max_size=40))
def test_sentences_join_back_to_the_input(text: str) -> None:
    sentences = sent_tokenize(text)
    assert "".join(sentences) == text
    assert all(sentences)
