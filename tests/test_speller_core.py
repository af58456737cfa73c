"""The compiled speller (laotext._core.WordSpeller, laotext/_speller.c) spells as Speller does.

Scanner: ``_core._scan_syllables(w)`` == ``syllable._scan(w)`` (each Syllable without ``tone``),
for any string: corpus words, every short string over the Lao block, generated text.
Speller: ``WordSpeller(speller_spec(system, ...))(w)`` is ``None`` or ``Speller(system, ...)(w)``,
and ``None`` only for the words Speller hands to ``render_word`` (◌໌ in the word, a piece that is
no syllable, an implicit vowel).  The C scans the whole word where Speller works chunk by chunk,
so these tests also check that chunking changes nothing on the words the C spells.

Skipped when the extension is not built, unless ``LAOTEXT_REQUIRE_CORE=1``.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections.abc import Iterable
from types import MappingProxyType

import pytest
from conftest import lao_like_text, lao_words_text, shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from laotext import _backend, normalize, word_tokenize
from laotext.romanize import letters, syllable
from laotext.romanize.ctables import speller_spec
from laotext.romanize.render import Speller
from laotext.romanize.syllable import Syllable, _scan
from laotext.romanize.systems import SYSTEMS

if _backend.CORE is None:
    if os.environ.get("LAOTEXT_REQUIRE_CORE") == "1":
        raise ImportError(_backend.CORE_ERROR)
    pytest.skip(f"compiled core not built: {_backend.CORE_ERROR}", allow_module_level=True)

core = _backend.CORE
if os.environ.get("LAOTEXT_EXPECT_CORE_IN"):  # the sanitizer build must be the one under test
    assert core.__file__.startswith(os.environ["LAOTEXT_EXPECT_CORE_IN"]), core.__file__

#: Every system, and each option that changes its spelling.
OPTIONS = [
    ("bgn", True, "ogonek"),
    ("moh2020", True, "ogonek"),
    ("alalc", True, "ogonek"),
    ("alalc", True, "half-ring"),
    ("ipa", True, "ogonek"),
    ("ipa", False, "ogonek"),
]
SPELLERS = [
    (
        core.WordSpeller(speller_spec(SYSTEMS[name], tones=tones, open_o=open_o)),
        Speller(SYSTEMS[name], tones=tones, open_o=open_o),  # type: ignore[arg-type]
    )
    for name, tones, open_o in OPTIONS
]

LAO_BLOCK = "".join(chr(c) for c in range(0x0E80, 0x0F00))  # assigned or not
#: The letters and signs the scanner decides on: consonants of each role, preposed vowels, vowel
#: signs, tone marks, ◌ຼ ◌໌ ◌ໍ ◌຺ ◌໎, a Pali letter, ໆ, and a character outside the block.
KEY_LAO = "ກຂຄງສຍນມຣລວຫອຮໜຢເແໂໄໃະັາຳິີຶືຸູົໍຼຽ່້໊໌຺໎ຆໆa"
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30)


def c_scan_expected(word: str) -> tuple[object, ...]:
    """_scan(word) as _scan_syllables gives it: a syllable as its fields but ``tone``."""
    assert Syllable._fields[12:] == ("tone", "implicit")
    return tuple(p if isinstance(p, str) else (*p[:12], p.implicit) for p in _scan(word))


def spelled_by_c(word: str) -> bool:
    """Does Speller spell ``word`` without render_word (the words the C must spell)?"""
    return "\u0ecc" not in word and all(
        isinstance(p, Syllable) and not p.implicit for p in _scan(word)
    )


def check(words: Iterable[str]) -> int:
    """Compare the C scanner and every C speller with Python on each word; how many it spells."""
    spelled = 0
    for word in words:
        assert core._scan_syllables(word) == c_scan_expected(word), word
        if not word:
            continue  # Speller("") raises IndexError; see test_empty_word_is_spelled_as_nothing
        must = spelled_by_c(word)
        for c_speller, speller in SPELLERS:
            got = c_speller(word)
            if got is None:
                assert not must, word
            else:
                assert got == speller(word), word
        spelled += must
    return spelled


def corpus_words() -> set[str]:
    words: set[str] = set()
    for name in ("ntrex128.lao.txt", "tesseract_lao_training_text.txt"):
        for line in shared_file("raw", name).read_text(encoding="utf-8").splitlines():
            words.update(word_tokenize(line))
    for name in ("hvu_train", "yunshan2020.dev", "yunshan2020.train"):
        for line in shared_file("gold", f"{name}.txt").read_text(encoding="utf-8").splitlines():
            words.update(line.split("|"))
        text = shared_file("gold", f"{name}.input.txt").read_text(encoding="utf-8")
        for line in text.splitlines():
            words.update(word_tokenize(line))
    return words | {normalize(w) for w in words}


# --- letters ---------------------------------------------------------------------------------


def test_c_letter_sets_equal_the_python_ones() -> None:
    sets = core.WordSpeller._letter_sets()
    assert set(sets["CONSONANTS"]) == letters.CONSONANTS
    for cls in ("high", "mid", "low"):
        expected = {c for c, k in letters.CONSONANT_CLASS.items() if k == cls}
        assert set(sets[cls.upper()]) == expected
    for name in ("SONORANTS", "LIVE_FINALS", "PREPOSED", "TONE_MARKS", "NEEDS_ONSET"):
        assert set(sets[name]) == getattr(letters, name), name
    assert set(sets["_R_CLUSTER"]) == syllable._R_CLUSTER
    assert set(sets["_W_CLUSTER"]) == syllable._W_CLUSTER
    assert set(sets["NEVER_CODA"]) == set("ອຫຮຢໜໝ")  # _is_coda's first test
    silent = {c for c in LAO_BLOCK if syllable._SILENT.fullmatch(c + "\u0ecc")}
    assert set(sets["SILENT_LETTERS"]) == silent
    assert sets["LIGATURES"] == letters.LIGATURES


# --- the scanner and the speller on every input ----------------------------------------------


def test_corpus_words_are_scanned_and_spelled_as_python_does() -> None:
    words = corpus_words()
    assert len(words) > 20000
    assert check(words) > 20000  # the words spelled in C, in every system


def test_every_string_of_up_to_two_lao_block_characters() -> None:
    check(LAO_BLOCK)
    check(a + b for a in LAO_BLOCK for b in LAO_BLOCK)


def test_every_string_of_three_key_letters() -> None:
    check("".join(t) for t in itertools.product(KEY_LAO, repeat=3))


@settings(max_examples=300, deadline=None)
@given(st.one_of(lao_like_text, lao_words_text))
def test_generated_lao_text(text: str) -> None:
    check([text, normalize(text)])


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_generated_text_over_any_code_point(text: str) -> None:
    check([text])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(KEY_LAO), max_size=12))
def test_generated_strings_of_key_letters(text: str) -> None:
    check([text])


# --- the rules, by example --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "option", "expected"),
    [
        ("ຊະເອມ", 0, "xa-ém"),  # hyphen between vowels
        ("ບ້ານແກ້ງອີ", 0, "bankèng-i"),  # and after g
        ("ແມ່", 1, "meh"),  # MoH 2020: word-final eh
        ("ຂໍ", 1, "khoh"),  # and oh
        ("ແມ່ນ້ຳ", 1, "menam"),  # not inside the word
        ("ຂວາງ", 2, "khwāng"),
        ("ກໍ", 3, "kō\u031c"),  # ALA-LC, open_o="half-ring"
        ("ຄວັນ", 4, "kʷʰan˧˥"),  # IPA: labialised before aspirated
        ("ກະ", 5, "kaʔ"),  # glottal stop, tones=False
        ("ໄປ", 5, "paj"),  # but not after ai
        ("ສປປ", 0, None),  # an abbreviation: left to Python
        ("ກຳກ໌", 0, None),  # ◌໌: left to Python
        ("ະກາ", 0, None),  # a piece that is no syllable
    ],
)
def test_rules_by_example(word: str, option: int, expected: str | None) -> None:
    c_speller, speller = SPELLERS[option]
    assert c_speller(word) == expected
    if expected is not None:
        assert speller(word) == expected


def test_empty_word_is_spelled_as_nothing() -> None:
    from laotext.romanize.render import render_word
    from laotext.romanize.syllable import scan_word

    for c_speller, _ in SPELLERS:
        assert c_speller("") == "" == render_word(scan_word(""), SYSTEMS["bgn"])


def test_a_new_system_needs_only_its_table() -> None:
    """The C knows no system: a made-up one is spelled as Python spells it."""
    bgn = SYSTEMS["bgn"]

    def upper(table: object) -> MappingProxyType[object, str]:
        return MappingProxyType({k: v.upper() for k, v in table.items()})  # type: ignore[attr-defined]

    system = dataclasses.replace(
        bgn,
        name="made-up",
        initials=upper(bgn.initials),
        finals={**upper(bgn.finals), "ຣ": "R"},
        vowels={**upper(bgn.vowels), "ɛː": "e", "ɔː": "o", "a": "ǫ"},  # h, hyphen, half ring
        clusters={"ລ": "L", "ວ": "ʷ"},
        medial_w_vowels={"aː": "WA", "e": ""},
        medial_w_preposed="W",
        finals_after={("i", "ວ"): "IW", ("a", "ກ"): "AK", ("a", ""): "A!"},
        syllable_separator="·",
        rules=frozenset({"hyphen-vowel-after-vowel", "moh-word-final-eh-oh", "ipa-tones"}),
    )
    words = [*sorted(corpus_words())[::7], "ຄວາມ", "ແຂວງ", "ກະ", "ຂໍ", "ແມ່", "ຄວັນ", "ກວດ", "ແມອະ"]
    for tones in (True, False):
        spec = speller_spec(system, tones=tones, open_o="half-ring")
        c_speller = core.WordSpeller(spec)
        speller = Speller(system, tones=tones, open_o="half-ring")
        for word in words:
            got = c_speller(word) if word else None
            assert got is None or got == speller(word), word
            assert got is not None or not spelled_by_c(word), word


# --- the object -------------------------------------------------------------------------------


def test_the_speller_keeps_its_own_copy_of_the_spec() -> None:
    spec = speller_spec(SYSTEMS["bgn"], tones=True, open_o="ogonek")
    c_speller = core.WordSpeller(spec)
    spec["initials"]["ຊ"] = "Z"
    spec.clear()
    assert c_speller("ຊາ") == "xa"


def test_bad_arguments_raise() -> None:
    c_speller = SPELLERS[0][0]
    with pytest.raises(TypeError):
        c_speller(b"\xe0")
    with pytest.raises(TypeError):
        c_speller()
    with pytest.raises(TypeError):
        c_speller("ກາ", "ກາ")
    with pytest.raises(TypeError):
        c_speller(word="ກາ")
    with pytest.raises(TypeError):
        core._scan_syllables(None)
    with pytest.raises(TypeError):
        core.WordSpeller([])
    spec = speller_spec(SYSTEMS["ipa"], tones=True, open_o="ogonek")
    for key in list(spec):
        broken = dict(spec)
        del broken[key]
        with pytest.raises(KeyError):
            core.WordSpeller(broken)
    with pytest.raises(TypeError):
        core.WordSpeller({**spec, "initials": {"ກ": 1}})
    with pytest.raises(KeyError):
        core.WordSpeller({**spec, "tones": {("high", True, True, ""): "˩˧"}})
    with pytest.raises(ValueError):
        core.WordSpeller({**spec, "letter": {"ຆ": "K"}})


def test_long_words_and_wide_characters() -> None:
    word = "ສະບາຍດີ" * 40 + "\U0001f600"
    assert core._scan_syllables(word) == c_scan_expected(word)
    check(["ສະບາຍດີ" * 40, "ສະບາຍດີ" * 9 + "ກ"])
