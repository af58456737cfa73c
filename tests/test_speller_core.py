"""The compiled speller (laotext._core.WordSpeller, laotext/_speller.c) spells as Speller does.

Scanner: ``_core._scan_syllables(w)`` == ``syllable._scan(w)`` (each Syllable without ``tone``),
for any string: corpus words, every short string over the Lao block, generated text.
Speller: ``WordSpeller(speller_spec(system, ..., errors=e)).spell(w)`` is
``(Speller(system, ..., errors=e)(w), text._vowel_less(w))`` for every word: implicit vowels,
abbreviations, ◌໌ and pieces that are not syllables included; ``None`` only with
``errors="strict"`` for a word with a piece that is not a syllable, where Speller raises.  The C
scans the whole word where Speller works chunk by chunk (and scan_word merges the pieces that are
not syllables across chunks), so these tests also check that chunking changes nothing.

Skipped when the extension is not built, unless ``LAOTEXT_REQUIRE_CORE=1``.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable
from types import MappingProxyType

import pytest
from conftest import compiled_core, lao_like_text, lao_words_text, shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from laotext import normalize, word_tokenize
from laotext.romanize import letters, syllable
from laotext.romanize.ctables import speller_spec
from laotext.romanize.render import Speller
from laotext.romanize.syllable import Syllable, _scan
from laotext.romanize.systems import SYSTEMS, System
from laotext.romanize.text import _vowel_less

core = compiled_core()

#: Every system, and each option that changes its spelling: (system, tones, open_o).
SPELLINGS = [
    ("bgn", True, "ogonek"),
    ("moh2020", True, "ogonek"),
    ("alalc", True, "ogonek"),
    ("alalc", True, "half-ring"),
    ("ipa", True, "ogonek"),
    ("ipa", False, "ogonek"),
]
#: Each spelling with each errors mode but "strict", and one "strict": (system, tones, open_o,
#: errors).  The examples (test_rules_by_example) name them by index.
OPTIONS = [
    *[(*spelling, "replace") for spelling in SPELLINGS],
    *[(*spelling, "ignore") for spelling in SPELLINGS],
    *[(*spelling, "preserve") for spelling in SPELLINGS],
    ("alalc", True, "half-ring", "strict"),
]
SPELLERS = [
    (
        core.WordSpeller(speller_spec(SYSTEMS[name], tones=tones, open_o=open_o, errors=errors)),
        Speller(SYSTEMS[name], tones=tones, open_o=open_o, errors=errors),  # type: ignore[arg-type]
    )
    for name, tones, open_o, errors in OPTIONS
]
#: SPELLERS by errors mode: replace, ignore, preserve, strict.
BY_ERRORS = [SPELLERS[k : k + len(SPELLINGS)] for k in range(0, len(SPELLERS), len(SPELLINGS))]

LAO_BLOCK = "".join(chr(c) for c in range(0x0E80, 0x0F00))  # assigned or not
#: The letters and signs the scanner decides on: consonants of each role, preposed vowels, vowel
#: signs, tone marks, ◌ຼ ◌໌ ◌ໍ ◌຺ ◌໎, a Pali letter, ໆ, and a character outside the block.
KEY_LAO = "ກຂຄງສຍນມຣລວຫອຮໜຢເແໂໄໃະັາຳິີຶືຸູົໍຼຽ່້໊໌຺໎ຆໆa"
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30)


def c_scan_expected(word: str) -> tuple[object, ...]:
    """_scan(word) as _scan_syllables gives it: a syllable as its fields but ``tone``."""
    assert Syllable._fields[12:] == ("tone", "implicit")
    return tuple(p if isinstance(p, str) else (*p[:12], p.implicit) for p in _scan(word))


def has_stray(word: str) -> bool:
    """Has ``word`` a piece that is not a syllable (the only words the C may decline, strict)?"""
    return any(isinstance(p, str) for p in _scan(word))


def python_spell(speller: Speller, word: str) -> tuple[str, bool] | None:
    """What ``WordSpeller.spell`` must return: None where Speller raises (errors="strict")."""
    try:
        return speller(word), _vowel_less(word)
    except ValueError:
        assert speller.errors == "strict", word
        return None


def check_speller(
    c_speller: object, speller: Speller, word: str, stray: bool, expected: tuple[str, bool] | None
) -> bool:
    """Compare one C speller on a word with ``expected``, python_spell(speller, word); whether
    the C spelled the word.  ``stray``: has_stray(word)."""
    got = c_speller.spell(word)  # type: ignore[attr-defined]
    assert got == expected, word
    assert got is not None or (speller.errors == "strict" and stray), word
    assert c_speller(word) == (None if got is None else got[0]), word  # type: ignore[operator]
    return got is not None


def check(words: Iterable[str], *, in_turn: bool = False) -> int:
    """Compare the C scanner and every C speller with Python on each word; how many words the
    C spells with every set of options.  ``in_turn``: the spellers of one errors mode per word,
    each mode in turn (for the largest sets of strings: each mode still sees a quarter)."""
    spelled = 0
    for k, word in enumerate(words):
        scanned = core._scan_syllables(word)
        assert scanned == c_scan_expected(word), word
        if not word:
            continue  # Speller("") raises IndexError; see test_empty_word_is_spelled_as_nothing
        # render_word reads `errors` only at a piece that is not a syllable: a word without one
        # is spelled by Python once per spelling, and every errors mode must give that.
        stray = any(isinstance(p, str) for p in scanned)  # has_stray(word)
        expected: dict[tuple[object, ...], tuple[str, bool] | None] = {}
        all_spelled = True
        for c_speller, speller in BY_ERRORS[k % len(BY_ERRORS)] if in_turn else SPELLERS:
            key = (speller.system.name, speller.tones, speller.open_o, stray and speller.errors)
            if key not in expected:
                expected[key] = python_spell(speller, word)
            all_spelled &= check_speller(c_speller, speller, word, stray, expected[key])
        spelled += all_spelled
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
    check(("".join(t) for t in itertools.product(KEY_LAO, repeat=3)), in_turn=True)


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

IGNORE, PRESERVE, STRICT = len(SPELLINGS), 2 * len(SPELLINGS), 3 * len(SPELLINGS)


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
        ("ສປປ", 0, "SPP"),  # an abbreviation: capitals
        ("ສປປ", 4, "sɔː˩˧pɔː˩˧pɔː˩˧"),  # IPA: letter names, with the tone of a live long syllable
        ("ກມ", 5, "kɔːmɔː"),  # tones=False
        ("ກມ", 2, "KM"),
        ("ສປປລາວ", 0, "SPP lao"),  # an abbreviation is a word of its own
        ("ລາວສປປ", 4, "laːw˧˥ sɔː˩˧pɔː˩˧pɔː˩˧"),
        ("ກ", 0, "K"),  # a word that is one implicit syllable is an abbreviation too
        ("ກ່ງ", 0, "KNg"),  # a tone mark does not make a vowel
        ("ສຍາມ", 0, "sagnam"),  # a lone implicit syllable in a word is spelled as any other
        ("ສຍາມ", 4, "saʔ˧˥ɲaːm˧˥"),
        ("ໄມລ໌", 0, "mai"),  # ◌໌: the silent letter is not spelled
        ("ຄຣິດສ໌", 0, "khrit"),
        ("ຄຣິດສ໌", 4, "kʰit̚˧"),
        ("ກຳກ໌", 0, "kam"),
        ("ະກາ", 0, "?ka"),  # a piece that is not a syllable, per errors
        ("ະກາ", IGNORE, "ka"),
        ("ະກາ", PRESERVE, "ະka"),
        ("ະກາ", STRICT, None),  # Python raises: left to it
        ("\u0ec9", 0, "?"),  # a lone tone mark
        ("\u0ec9", IGNORE, ""),
        ("\u0ec9", PRESERVE, "\u0ec9"),
        ("\u0ec9", STRICT, None),
        ("ເເ", 0, "?"),  # two stray ເ are one piece in scan_word ...
        ("ເເ໌", 0, "??"),  # ... but two in a word with ◌໌ (no chunks, nothing merged)
        ("ເເ໌", PRESERVE, "ເເ໌"),
        ("ຊະເ", 0, "xa?"),
        ("ກ່ງ", STRICT, "KNg"),  # strict declines only a piece that is not a syllable
        ("ໄມລ໌", STRICT, "mai"),
    ],
)
def test_rules_by_example(word: str, option: int, expected: str | None) -> None:
    c_speller, speller = SPELLERS[option]
    assert c_speller(word) == expected
    if expected is None:
        with pytest.raises(ValueError):
            speller(word)
    else:
        assert speller(word) == expected


@pytest.mark.parametrize(
    ("word", "vowel_less"),
    [
        ("ສປປ", True),
        ("ກ", True),
        ("ໜ", True),
        ("ຂອງ", False),  # consonant letters only, but ອ is the vowel
        ("ພວກ", False),  # and ວ
        ("ສຍາມ", False),
        ("ກ່ງ", False),  # a tone mark is not a consonant letter
        ("ໄມລ໌", False),
        ("\u0ec9", False),
        ("", True),
    ],
)
def test_vowel_less_by_example(word: str, vowel_less: bool) -> None:
    assert _vowel_less(word) is vowel_less
    for c_speller, _ in SPELLERS:
        got = c_speller.spell(word)
        assert got is None or got[1] is vowel_less


def test_empty_word_is_spelled_as_nothing() -> None:
    from laotext.romanize.render import render_word
    from laotext.romanize.syllable import scan_word

    for c_speller, _ in SPELLERS:
        assert c_speller("") == "" == render_word(scan_word(""), SYSTEMS["bgn"])
        assert c_speller.spell("") == ("", True)


def made_up_system(letter_names: bool) -> System:
    """BGN/PCGN changed everywhere the C could have a rule of its own: upper case, a separator
    "·", ǫ (half ring), h, a hyphen, tones, and letter names or capitals of ALL-CAPS initials."""
    bgn = SYSTEMS["bgn"]

    def upper(table: object) -> MappingProxyType[object, str]:
        return MappingProxyType({k: v.upper() for k, v in table.items()})  # type: ignore[attr-defined]

    rules = {"hyphen-vowel-after-vowel", "moh-word-final-eh-oh", "ipa-tones"}
    if letter_names:
        rules.add("abbreviation-letter-names")
    return dataclasses.replace(
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
        rules=frozenset(rules),
    )


def test_a_new_system_needs_only_its_table() -> None:
    """The C knows no system: a made-up one is spelled as Python spells it."""
    words = [
        *sorted(corpus_words())[::7],
        *("ຄວາມ", "ແຂວງ", "ກະ", "ຂໍ", "ແມ່", "ຄວັນ", "ກວດ", "ແມອະ", "ສປປລາວ", "ລາວກມ", "ສຍາມ"),
        *("ຂອງສປປ", "ອປ", "ກ່ງ", "ໄມລ໌", "ຄຣິດສ໌", "ະກາ", "ເເ", "ເເ໌", "ກາ້ເ", "ອະເອີ"),
    ]
    for letter_names, tones, errors in itertools.product(
        (False, True), (True, False), ("replace", "ignore", "preserve")
    ):
        system = made_up_system(letter_names)
        spec = speller_spec(system, tones=tones, open_o="half-ring", errors=errors)
        c_speller = core.WordSpeller(spec)
        speller = Speller(system, tones=tones, open_o="half-ring", errors=errors)  # type: ignore[arg-type]
        for word in words:
            if word:
                expected = python_spell(speller, word)
                assert check_speller(c_speller, speller, word, has_stray(word), expected)
    capitals = core.WordSpeller(speller_spec(made_up_system(False), tones=True, open_o="ogonek"))
    assert capitals("ອປ") == "OP"  # capitalize() or "O": ອ has no initial


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
        c_speller.spell(None)
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
    with pytest.raises(ValueError, match="'strict', 'replace', 'ignore' or 'preserve'"):
        core.WordSpeller({**spec, "errors": "skip"})
    with pytest.raises(TypeError):
        core.WordSpeller({**spec, "abbreviation_letter_names": 1})
    with pytest.raises(ValueError, match="'strict', 'replace', 'ignore', 'preserve'"):
        speller_spec(SYSTEMS["ipa"], tones=True, open_o="ogonek", errors="skip")


def test_long_words_and_wide_characters() -> None:
    word = "ສະບາຍດີ" * 40 + "\U0001f600"
    assert core._scan_syllables(word) == c_scan_expected(word)
    check(["ສະບາຍດີ" * 40, "ສະບາຍດີ" * 9 + "ກ"])


def test_the_romanizer_asks_python_only_for_the_words_strict_raises_on() -> None:
    """The compiled romaniser calls its Python fallback (``_Romanizer._spell``) only for the
    words its speller declines: errors="strict" and a piece that is not a syllable."""
    from laotext.romanize import text as text_module

    asked: list[str] = []

    class Counting(text_module._Romanizer):
        def _spell(self, word: str) -> tuple[str, bool]:
            asked.append(word)
            return super()._spell(word)

    text = shared_file("raw", "bench_corpus.txt").read_text(encoding="utf-8")
    lines = [*text.splitlines()[::10], "ສປປລາວ ໄມລ໌ ຄຣິດສ໌ ກ່ງ ສຍາມ", "ະກາ", "ຊະເ ກາ"]
    for errors in ("replace", "ignore", "preserve", "strict"):
        asked.clear()
        romanizer = Counting(SYSTEMS["ipa"], errors, True, "ogonek", True)
        assert romanizer.core is not None
        for line in lines:
            try:
                if romanizer.core(line) is None:  # as romanize() does
                    romanizer(line)
            except ValueError:
                assert errors == "strict"
        assert all(errors == "strict" and has_stray(word) for word in asked), asked[:5]
        assert bool(asked) == (errors == "strict")
