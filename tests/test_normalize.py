"""Tests for laotext.normalize: the project's own cases, the shared golden rows, and properties."""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from laotext.normalize import NormalizeConfig, canonical_key, normalize, normalize_with

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NORMALISE_TSV = SHARED_DATA / "normalise.tsv"
SEED_ARTICLE = SHARED_DATA / "samples" / "seed_article.txt"

ZWSP, ZWNJ, ZWJ, WJ, SHY, BOM = "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# --- Behaviour: the default canonical form --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ທໍາມະຊາດ", "ທຳມະຊາດ"),  # nature
        ("ກໍາລັງແຮງ", "ກຳລັງແຮງ"),
        ("ລໍາໄຍ ແລະ ລໍາໃຍ", "ລຳໄຍ ແລະ ລຳໃຍ"),
    ],
)
def test_decomposed_am_is_composed(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize("typed", ["ນໍ້າຕານ", "ນ້ໍາຕານ", "ນຳ້ຕານ", "ນໍາ້ຕານ", "ນ້ຳຕານ"])
def test_every_spelling_of_am_with_a_tone_gives_tone_then_am(typed: str) -> None:
    assert normalize(typed) == "ນ້ຳຕານ"


def test_ligatures_are_composed_before_a_vowel_or_mark() -> None:
    assert normalize("ຫມາກໄມ້") == "ໝາກໄມ້"
    assert normalize("ຫນູນ້ອຍ") == "ໜູນ້ອຍ"
    assert normalize("ຫນ່ວຍ") == "ໜ່ວຍ"


def test_ho_no_without_a_following_vowel_is_left_alone() -> None:
    # ຫ + ນ closing a syllable is ambiguous (ເຫນ could be ເຫ+ນ), so it stays as typed.
    assert normalize("ເຫນ") == "ເຫນ"


def test_ho_lo_becomes_subscript_lo() -> None:
    assert normalize("ຫລານສາວ") == "ຫຼານສາວ"
    assert normalize("ເຫລັກ") == "ເຫຼັກ"


def test_tone_typed_before_an_above_vowel_is_moved_after_it() -> None:
    assert normalize("ສ່ີ") == "ສີ່"
    assert normalize("ເມ່ືອ") == "ເມື່ອ"


def test_tone_typed_after_a_following_vowel_goes_on_the_consonant() -> None:
    assert normalize("ປາ່") == "ປ່າ"
    assert normalize("ມຽ່ງ") == "ມ່ຽງ"


def test_subscript_lo_goes_next_to_its_consonant() -> None:
    assert normalize("ຫ່ຼອນ") == "ຫຼ່ອນ"


def test_repeated_marks_are_collapsed() -> None:
    assert normalize("ມີີ") == "ມີ"
    assert normalize("ບໍ່່") == "ບໍ່"


def test_double_e_becomes_ae() -> None:
    assert normalize("ເເມ່ນ້ຳ") == "ແມ່ນ້ຳ"


@pytest.mark.parametrize("invisible", [ZWSP, ZWNJ, ZWJ, WJ, SHY, BOM])
def test_invisible_characters_next_to_lao_are_removed(invisible: str) -> None:
    assert normalize(f"ເຮືອນ{invisible}ໃຫຍ່") == "ເຮືອນໃຫຍ່"
    assert normalize(f"{invisible}ເຮືອນ") == "ເຮືອນ"
    assert normalize(f"ເຮືອນ{invisible}") == "ເຮືອນ"


def test_a_run_of_invisibles_next_to_lao_goes_as_a_whole() -> None:
    assert normalize(f"ເຮືອນ{ZWSP}{ZWJ} house") == "ເຮືອນ house"


def test_invisibles_away_from_lao_are_kept() -> None:
    text = f"ສະບາຍດີ a{ZWJ}b 👩{ZWJ}💻"
    assert normalize(text) == text


def test_keep_zwsp_keeps_word_break_hints_but_not_other_invisibles() -> None:
    text = f"ເຮືອນ{ZWSP}ໃຫຍ່{ZWJ}ຫຼາຍ"
    assert normalize(text, keep_zwsp=True) == f"ເຮືອນ{ZWSP}ໃຫຍ່ຫຼາຍ"


def test_space_between_a_letter_and_its_mark_is_removed() -> None:
    assert normalize("ມ ້າ") == "ມ້າ"
    assert normalize("ກ\t ິນ") == "ກິນ"


def test_space_before_ko_la_is_removed_and_space_after_kept() -> None:
    assert normalize("ດີ ໆ ແລ້ວ") == "ດີໆ ແລ້ວ"


def test_word_spacing_and_ko_la_attached_on_both_sides_are_left_alone() -> None:
    assert normalize("ໄວໆນີ້ ເຈົ້າ ຂອງ") == "ໄວໆນີ້ ເຈົ້າ ຂອງ"


def test_thai_vowels_and_tones_inside_lao_words_become_lao() -> None:
    assert normalize("ແມ่") == "ແມ່"  # Thai MAI EK
    assert normalize("ກิນ") == "ກິນ"  # Thai SARA I
    assert normalize("ไປ") == "ໄປ"  # Thai SARA AI MAIMALAI before a Lao letter


def test_thai_text_next_to_lao_is_not_touched() -> None:
    assert normalize("ภาษาไทย ແລະ ພາສາລາວ") == "ภาษาไทย ແລະ ພາສາລາວ"


def test_fix_thai_false_keeps_thai_characters() -> None:
    assert normalize("ແມ่", fix_thai=False) == "ແມ่"


def test_digits_are_kept_by_default_and_converted_on_request() -> None:
    assert normalize("ປີ 1975 ແລະ ໑໙໗໕") == "ປີ 1975 ແລະ ໑໙໗໕"
    assert normalize("ປີ 1975 ແລະ ໑໙໗໕", digits="ascii") == "ປີ 1975 ແລະ 1975"
    assert normalize("ປີ 1975", digits="lao") == "ປີ ໑໙໗໕"


def test_am_decompose_writes_nikhahit_then_tone_then_aa() -> None:
    assert normalize("ນ້ຳຕານ", am="decompose") == "ນໍ້າຕານ"
    assert normalize("ທຳມະຊາດ", am="decompose") == "ທໍາມະຊາດ"


def test_am_keep_leaves_both_spellings() -> None:
    assert normalize("ທໍາ ທຳ", am="keep") == "ທໍາ ທຳ"


def test_ligatures_decompose_and_keep() -> None:
    assert normalize("ໝາກ ຫມາກ", ligatures="decompose") == "ຫມາກ ຫມາກ"
    assert normalize("ໝາກ ຫມາກ", ligatures="keep") == "ໝາກ ຫມາກ"


def test_subscript_lo_false_keeps_ho_lo() -> None:
    assert normalize("ຫລານ", subscript_lo=False) == "ຫລານ"


def test_collapse_tones_keeps_the_last_tone() -> None:
    assert normalize("ບ້່ານ") == "ບ້່ານ"  # two tones: a guess, so not by default
    assert normalize("ບ້່ານ", collapse_tones=True) == "ບ່ານ"


def test_remove_dangling_drops_marks_with_no_letter() -> None:
    assert normalize("່ສະບາຍດີ, ້") == "່ສະບາຍດີ, ້"
    assert normalize("່ສະບາຍດີ, ້", remove_dangling=True) == "ສະບາຍດີ, "


def test_options_can_be_passed_as_a_config_object() -> None:
    config = NormalizeConfig(am="decompose", ligatures="decompose")
    assert normalize_with("ໜ້າ ນ້ຳ", config) == "ຫນ້າ ນໍ້າ"
    assert normalize_with("ນ້ຳ", NormalizeConfig()) == normalize("ນ້ຳ")


def test_canonical_key_is_the_default_normal_form() -> None:
    assert canonical_key("ຫນ້າຕ່າງ") == "ໜ້າຕ່າງ" == normalize("ຫນ້າຕ່າງ")
    assert canonical_key("ຄໍາ") == canonical_key("ຄຳ")


def test_empty_string() -> None:
    assert normalize("") == ""


def test_text_without_lao_is_returned_as_is() -> None:
    text = "cafe\u0301 ภาษาไทย 123"  # not even NFC: not ours to change
    assert normalize(text) is text


@pytest.mark.parametrize("bad", [None, b"\xe0\xba\x81", 42, ["ກ"]])
def test_non_str_input_raises_type_error(bad: Any) -> None:
    with pytest.raises(TypeError, match="expects str"):
        normalize(bad)


@pytest.mark.parametrize(
    ("option", "value", "names"),
    [
        ("am", "composed", "'compose', 'decompose', 'keep'"),
        ("ligatures", "yes", "'compose', 'decompose', 'keep'"),
        ("digits", "thai", "'keep', 'ascii', 'lao'"),
        ("keep_zwsp", 1, "True, False"),
        ("fix_thai", "no", "True, False"),
    ],
)
def test_invalid_option_value_raises_value_error_naming_valid_values(
    option: str, value: object, names: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(names)):
        normalize("ກ", **{option: value})


def test_invalid_option_is_rejected_even_for_text_without_lao() -> None:
    with pytest.raises(ValueError):
        normalize("abc", am="nope")  # type: ignore[arg-type]


def test_unknown_option_name_raises() -> None:
    with pytest.raises(TypeError):
        normalize("ກ", tone="x")  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="'compose', 'decompose', 'keep'"):
        normalize_with("ກ", NormalizeConfig(am="both"))  # type: ignore[arg-type]


# --- The shared golden rows and the seed article (skipped when ../shared is absent) ---------


def _golden_rows() -> list[dict[str, str]]:
    if not NORMALISE_TSV.exists():
        pytest.skip(f"development data not present: {NORMALISE_TSV}")
    with NORMALISE_TSV.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _options_of(rule: str) -> dict[str, Any]:
    """``opt:am=decompose -- ...`` → {"am": "decompose"}; other rules need no option."""
    if not rule.startswith("opt:"):
        return {}
    name, value = rule[len("opt:") :].split()[0].split("=")
    return {name: {"True": True, "False": False}.get(value, value)}


def test_every_golden_row_of_the_shared_spec() -> None:
    failures = []
    for row in _golden_rows():
        options = _options_of(row["rule"])
        got = normalize(row["input"], **options)
        if got != row["expected"] or normalize(got, **options) != got:
            failures.append((row["input"], got, row["expected"], row["rule"]))
    assert not failures


def test_seed_article_changes_only_its_decomposed_am() -> None:
    if not SEED_ARTICLE.exists():
        pytest.skip(f"development data not present: {SEED_ARTICLE}")
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    assert text.count("\u0ecd\u0eb2") == 23
    result = normalize(text)
    assert result == text.replace("\u0ecd\u0eb2", "\u0eb3")
    assert len(text) - len(result) == 23


# --- Properties -------------------------------------------------------------------------------

CONSONANTS = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮໜໝ"
PREPOSED = "ເແໂໃໄ"
FOLLOWING = "ະາຳຽ"
MARKS = "\u0eb1" + "".join(map(chr, range(0x0EB4, 0x0EBD))) + "\u0ecd\u0ec8\u0ec9\u0eca\u0ecb\u0ecc"
LAO_OTHER = "ໆຯ໐໑໕ "
FOREIGN = "ab.,19 \t\n\u0301\u0323\u0334ก่้ัิฺุำาเะไ👍" + ZWSP + ZWNJ + ZWJ + WJ + SHY + BOM

lao_chars = st.sampled_from(CONSONANTS + PREPOSED + FOLLOWING + MARKS + LAO_OTHER)
#: Lao letters and marks in any order: odd input.
odd_lao = st.text(alphabet=lao_chars, max_size=30)
#: The same with foreign letters, marks, Thai and invisibles mixed in.
odd_mixed = st.text(alphabet=st.one_of(lao_chars, st.sampled_from(FOREIGN)), max_size=30)
#: Plausible syllables whose marks come in any order.
syllable = st.builds(
    lambda lead, onset, marks, vowel, final: lead + onset + marks + vowel + final,
    st.sampled_from(["", *PREPOSED]),
    st.sampled_from([*CONSONANTS, "ຫນ", "ຫມ", "ຫລ", "ຫຼ"]),
    st.lists(st.sampled_from(MARKS), max_size=3).map("".join),
    st.sampled_from(["", *FOLLOWING, "ອ", "ວ", "ໍາ", " ໍາ"]),
    st.sampled_from(["", "ກ", "ງ", "ດ", "ນ", "ມ", "ຍ", "ວ", " ", "ໆ"]),
)
lao_words = st.lists(syllable, max_size=8).map("".join)
lao_only = st.one_of(odd_lao, lao_words)
any_text = st.one_of(odd_lao, odd_mixed, lao_words, st.text(max_size=20), lao_words.map(nfkc))

options = st.fixed_dictionaries(
    {},
    optional={
        "am": st.sampled_from(["compose", "decompose", "keep"]),
        "ligatures": st.sampled_from(["compose", "decompose", "keep"]),
        "subscript_lo": st.booleans(),
        "keep_zwsp": st.booleans(),
        "fix_thai": st.booleans(),
        "collapse_tones": st.booleans(),
        "remove_dangling": st.booleans(),
        "digits": st.sampled_from(["keep", "ascii", "lao"]),
    },
)

# A ligature that NFKC splits and that does not start a syllable is deliberately not re-formed.
_LIGATURE_NOT_AN_ONSET = re.compile("[ໜໝ](?![\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecdະາຳຽອວ])")


@settings(max_examples=400)
@given(any_text, options)
def test_normalize_is_idempotent(text: str, opts: dict[str, Any]) -> None:
    once = normalize(text, **opts)
    assert normalize(once, **opts) == once


@settings(max_examples=400)
@given(any_text, options)
def test_normalize_is_nfc_stable(text: str, opts: dict[str, Any]) -> None:
    # Only for text with Lao: text without it is returned as it is, NFC or not.
    assume(re.search("[\u0e80-\u0eff]", text))
    result = normalize(text, **opts)
    assert normalize(nfc(text), **opts) == result
    assert nfc(result) == result


@settings(max_examples=400)
@given(lao_only)
def test_nfkc_mangled_lao_normalizes_like_the_original(text: str) -> None:
    result = normalize(text)
    assume(not _LIGATURE_NOT_AN_ONSET.search(result))
    assert normalize(nfkc(text)) == result


@settings(max_examples=400)
@given(lao_only)
def test_decompose_profile_is_nfkc_stable(text: str) -> None:
    result = normalize(text, am="decompose", ligatures="decompose")
    assert nfkc(result) == result
    assert normalize(nfkc(text), am="decompose", ligatures="decompose") == result


@given(st.text().filter(lambda t: not re.search("[\u0e80-\u0eff]", t)), options)
def test_text_without_lao_is_unchanged(text: str, opts: dict[str, Any]) -> None:
    assert normalize(text, **opts) == text


@given(st.one_of(st.none(), st.binary(), st.integers(), st.floats(), st.lists(st.text())))
def test_non_str_always_raises_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        normalize(value)  # type: ignore[arg-type]


# --- The shortcut for text that needs only R5, R6 and the composition of ◌ໍ + າ ---------------
# normalize_with(text, DEFAULT_CONFIG) skips the full pipeline when one scan finds nothing the
# other steps would act on; it must give exactly what the full pipeline (_normalize) gives.

_SHORTCUT_ALPHABET = (
    "ກຫນມລອວເແະາຳຽໆ \t"
    "\u0eb1\u0eb4\u0eb8\u0eba\u0ebb\u0ebc\u0ecd\u0ec8\u0ec9\u0ecc\u0ece"  # marks of every rank
    "\u200b\u0e34e\u0301"  # an invisible, a Thai vowel, a letter with a decomposed accent
)


def test_default_shortcut_equals_the_full_pipeline_on_every_short_string() -> None:
    from itertools import product

    from laotext.normalize import DEFAULT_CONFIG, _normalize

    failures = []
    for length in (1, 2, 3):
        for chars in product(_SHORTCUT_ALPHABET, repeat=length):
            text = "".join(chars)
            if normalize_with(text, DEFAULT_CONFIG) != _normalize(text, DEFAULT_CONFIG):
                failures.append(text)
    assert not failures


@settings(max_examples=1000)
@given(st.one_of(any_text, lao_words, st.text(alphabet=_SHORTCUT_ALPHABET, max_size=12)))
def test_default_shortcut_equals_the_full_pipeline(text: str) -> None:
    from laotext.normalize import DEFAULT_CONFIG, _normalize

    assert normalize_with(text, DEFAULT_CONFIG) == _normalize(text, DEFAULT_CONFIG)


def test_default_shortcut_equals_the_full_pipeline_on_the_benchmark_corpus() -> None:
    from laotext.normalize import DEFAULT_CONFIG, _normalize

    corpus = SHARED_DATA / "raw" / "bench_corpus.txt"
    if not corpus.exists():
        pytest.skip(f"development data not present: {corpus}")
    for line in corpus.read_text(encoding="utf-8").splitlines():
        assert normalize(line) == _normalize(line, DEFAULT_CONFIG)


def test_default_options_passed_as_keywords_are_still_checked() -> None:
    # normalize() skips the option checks only for the default objects themselves
    with pytest.raises(ValueError, match="subscript_lo"):
        normalize("ຫລານ", subscript_lo=1)  # type: ignore[arg-type]
    assert normalize("ຫລານ", am="compose", subscript_lo=True) == "ຫຼານ"


@pytest.mark.parametrize("unit", ["່ິ", "ຸ່", "່"])
def test_a_huge_run_of_marks_normalises_like_a_short_one(unit: str) -> None:
    # Each mark pair of a run used to re-scan the whole run: 100,000 marks took about an hour.
    assert normalize("ກ" + unit * 50_000 + "າ") == normalize("ກ" + unit * 2 + "າ")


# --- Line by line ----------------------------------------------------------------------------
# With the compiled core, normalize() of a text that the C normaliser leaves to Python as a whole
# is done line by line (C for the lines it decides): that needs every step to stop at "\n".


def _as_a_line_of_lao_text(line: str) -> str:
    """What normalize() does to a line of a text with Lao: a line without Lao gets NFC."""
    from laotext.normalize import DEFAULT_CONFIG

    if re.search("[\u0e80-\u0eff]", line):
        return normalize_with(line, DEFAULT_CONFIG)
    return nfc(line)


@settings(max_examples=1000)
@given(any_text, any_text)
def test_no_step_reaches_across_a_line_feed(first: str, second: str) -> None:
    from laotext.normalize import DEFAULT_CONFIG

    text = first + "\n" + second
    assume(re.search("[\u0e80-\u0eff]", text))
    expected = _as_a_line_of_lao_text(first) + "\n" + _as_a_line_of_lao_text(second)
    assert normalize_with(text, DEFAULT_CONFIG) == expected
    assert normalize(text) == expected


def test_a_line_without_lao_gets_nfc_in_a_text_with_lao() -> None:
    # U+F900 has a canonical singleton decomposition: NFC changes it, but only in a Lao text.
    assert normalize("\uf900") == "\uf900"
    assert normalize("ກ\n\uf900") == "ກ\n\u8c48" == normalize("ກ \uf900").replace(" ", "\n")


@pytest.mark.parametrize("name", ["bench_corpus.txt", "tesseract_lao_training_text.txt"])
def test_a_whole_file_normalises_as_with_the_python_steps(name: str) -> None:
    from laotext.normalize import DEFAULT_CONFIG

    path = SHARED_DATA / "raw" / name
    if not path.exists():
        pytest.skip(f"development data not present: {path}")
    text = path.read_text(encoding="utf-8")  # lines with Thai, Cyrillic, accents among them
    assert normalize(text) == normalize_with(text, DEFAULT_CONFIG)
