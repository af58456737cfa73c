"""Syllable clusters: lossless, never inside a syllable, the documented special cases."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import lao_like_text, lao_words_text, shared_file
from hypothesis import given
from hypothesis import strategies as st

from laotext import syllable_tokenize
from laotext._marks import MARK_RANGES, UNICODE_VERSION, compute_mark_ranges
from laotext.syllables import ASCII_CLUSTER_RE, CLUSTER_RE


@pytest.mark.parametrize(
    ("text", "clusters"),
    [
        ("ພາສາລາວ", ["ພາ", "ສາ", "ລາວ"]),
        ("ເຂົ້າໜຽວ", ["ເຂົ້າ", "ໜຽວ"]),
        ("ເລື່ອງ", ["ເລື່ອງ"]),
        ("ໃຫຍ່ໄປ", ["ໃຫຍ່", "ໄປ"]),
        ("ແຂວງຫຼວງພະບາງ", ["ແຂວງ", "ຫຼວງ", "ພະ", "ບາງ"]),
        ("ຄວາມສຸກ", ["ຄວາມ", "ສຸກ"]),  # medial ວ after ຄ opens a syllable
        ("ສ່ວນຕົວ", ["ສ່ວນ", "ຕົວ"]),  # ວ as vowel letter
        ("ມາກອງ", ["ມາ", "ກອງ"]),  # ອ after a consonant makes that consonant an onset
        ("ສະຫະລັດ", ["ສະ", "ຫະ", "ລັດ"]),  # ຫ is never a final
        ("ກຳລັງ", ["ກຳ", "ລັງ"]),
        ("ກໍາລັງ", ["ກໍາ", "ລັງ"]),  # decomposed AM closes the syllable the same way
        ("ບໍ່ມີ", ["ບໍ່", "ມີ"]),  # nothing follows ໍ
        ("ເກາະດອນ", ["ເກາະ", "ດອນ"]),
        ("ພຣະພຸດ", ["ພຣະ", "ພຸດ"]),
        ("ອາຈານ໌", ["ອາ", "ຈານ໌"]),
    ],
)
def test_words_split_into_their_syllables(text: str, clusters: list[str]) -> None:
    assert syllable_tokenize(text) == clusters


def test_ambiguous_ko_before_medial_is_its_own_cluster() -> None:
    # ຫຼາຍກວ່າ: ກ may close ຫຼາຍກ or open ກວ່າ; the word segmenter's dictionary decides.
    assert syllable_tokenize("ຫຼາຍກວ່າ") == ["ຫຼາຍ", "ກ", "ວ່າ"]


def test_abbreviation_without_vowels_is_one_cluster_per_letter() -> None:
    assert syllable_tokenize("ສປປລາວ") == ["ສ", "ປ", "ປ", "ລາວ"]


def test_repetition_mark_and_ellipsis_are_clusters_of_their_own() -> None:
    assert syllable_tokenize("ຊ້າໆ") == ["ຊ້າ", "ໆ"]
    assert syllable_tokenize("ລາວຯ") == ["ລາວ", "ຯ"]


def test_numbers_keep_their_separators() -> None:
    assert syllable_tokenize("ລາຄາ1,000.50ກີບ") == ["ລາ", "ຄາ", "1,000.50", "ກີບ"]
    assert syllable_tokenize("໒໐໒໔") == ["໒໐໒໔"]


def test_other_scripts_stay_whole_with_their_marks() -> None:
    assert syllable_tokenize("ລາວ Lao ไทย") == ["ລາວ", " ", "Lao", " ", "ไทย"]
    assert syllable_tokenize("cafe\u0301!") == ["cafe\u0301", "!"]


def test_whitespace_runs_and_zwsp_are_separate_tokens() -> None:
    assert syllable_tokenize("ລາວ  \n\u200bໄທ") == ["ລາວ", "  \n", "\u200b", "ໄທ"]


def test_stray_marks_are_kept() -> None:
    text = "\u0ec8ກ\u0eb4\u0eb4 \u0ecd"
    tokens = syllable_tokenize(text)
    assert "".join(tokens) == text
    assert tokens[0] == "\u0ec8"


def test_empty_text_gives_no_tokens() -> None:
    assert syllable_tokenize("") == []


@pytest.mark.parametrize("bad", [None, b"\xe0\xba\x81", 12, ["ກ"]])
def test_non_str_input_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="expects str"):
        syllable_tokenize(bad)  # type: ignore[arg-type]


@given(st.text())
def test_lossless_on_arbitrary_text(text: str) -> None:
    assert "".join(syllable_tokenize(text)) == text


@given(st.text(st.characters(max_codepoint=0x7F)))
def test_ascii_pattern_finds_the_same_clusters_on_ascii_text(text: str) -> None:
    assert ASCII_CLUSTER_RE.findall(text) == CLUSTER_RE.findall(text)


@given(lao_like_text)
def test_lossless_on_lao_like_text(text: str) -> None:
    tokens = syllable_tokenize(text)
    assert "".join(tokens) == text
    assert all(tokens)


@given(lao_words_text)
def test_no_cluster_starts_with_a_combining_mark_in_well_formed_text(text: str) -> None:
    # Well-formed syllables strung together: every cluster starts with a consonant or a leading
    # vowel, never with a mark or a spacing vowel that belongs to the previous syllable.
    for token in syllable_tokenize(text):
        assert unicodedata.category(token[0]) != "Mn", token


def test_lossless_and_complete_on_malformed_training_text() -> None:
    text = shared_file("raw", "tesseract_lao_training_text.txt").read_text(encoding="utf-8")
    assert "".join(syllable_tokenize(text)) == text


def test_mark_table_matches_this_pythons_unicode_database() -> None:
    if unicodedata.unidata_version != UNICODE_VERSION:
        pytest.skip(f"table made for Unicode {UNICODE_VERSION}, Python has a different one")
    assert compute_mark_ranges() == MARK_RANGES
