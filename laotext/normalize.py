"""Canonical Lao spelling: one function, :func:`normalize`, and its options.

Lao text arrives in many spellings that look the same on screen: ◌ໍ + າ for ຳ, ຫນ for ໜ, a tone
typed before its vowel sign, Thai vowels typed with the keyboard in the wrong mode, zero-width
characters left by editors.  :func:`normalize` maps them to one canonical form so that string
comparison, dictionary lookup and romanisation agree.  The rules follow the specification in the
project's research notes (``romanise_normalise.md`` §6.5); each step below names its rule (R1-R14).

Design: every step is a stdlib ``re`` substitution, ``str.replace`` or ``str.translate`` over the
whole text, guarded by a cheap test (``"ຳ" in text``) so that steps whose trigger characters do not
occur cost nothing, and the regular expressions start with a rare character so that ``re`` can
skip ahead.  Text without a single Lao character is returned unchanged, immediately.  With the
default options, one scan first looks for anything that the steps beyond R5, R6 and the
composition of ◌ໍ + າ would act on; most text has nothing of the kind, and skips them.

With the compiled core, :func:`normalize` with the default options first asks its C mirror of
these steps (``laotext/_normcore.c``), which decides nearly all real text (99.8 % of the benchmark
lines; it leaves Thai, accented Latin, Cyrillic and other text that NFC could touch to the steps
here): the benchmark file goes through in a sixth of the time (benchmarks/bench_normalize.py).
:func:`normalize_with` is always these Python steps: the reference that tests/test_normcore.py
and the fuzzer compare the C side with.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Literal, NamedTuple

from laotext._backend import CORE

__all__ = ["NormalizeConfig", "canonical_key", "normalize", "normalize_with"]

AmForm = Literal["compose", "decompose", "keep"]
LigatureForm = Literal["compose", "decompose", "keep"]
DigitForm = Literal["keep", "ascii", "lao"]

# --- Character tables -----------------------------------------------------------------------
# Strings of characters (or regex class ranges) named for their role in a syllable.

LAO_FIRST, LAO_LAST = "\u0e80", "\u0eff"
LAO_BLOCK = "\u0e80-\u0eff"
CONSONANTS = "\u0e81-\u0eae\u0edc-\u0edf"  # letters that carry marks, ligatures ໜ ໝ included
PREPOSED_VOWELS = "\u0ec0-\u0ec4"  # ເ ແ ໂ ໃ ໄ
FOLLOWING_VOWELS = "\u0eb0\u0eb2\u0eb3\u0ebd"  # ະ າ ຳ ຽ: spacing, written after the consonant
TONES = "\u0ec8-\u0ecb"  # ◌່ ◌້ ◌໊ ◌໋
MARKS = "\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ece"  # every Lao combining mark (◌໎ U+0ECE is Unicode 15)
# Characters a mark may follow without dangling: consonants, marks and the following vowels.
MARK_CARRIERS = CONSONANTS + MARKS + FOLLOWING_VOWELS
# Format characters that are invisible in Lao text (R1): ZWSP, ZWNJ, ZWJ, WJ, SHY, BOM.
ZWSP = "\u200b"
INVISIBLES = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

NIKHAHIT, SARA_AA, SARA_AM = "\u0ecd", "\u0eb2", "\u0eb3"
HO_SUNG, NO, MO, LO, SUBSCRIPT_LO = "\u0eab", "\u0e99", "\u0ea1", "\u0ea5", "\u0ebc"
LIGATURE_NO, LIGATURE_MO = "\u0edc", "\u0edd"
E, AE = "\u0ec0", "\u0ec1"
KO_LA = "\u0ec6"  # ໆ, the repetition mark

#: Sort key of each Lao mark in canonical order (R8): subscript ◌ຼ next to the consonant, then
#: vowel signs, then tones, then ◌໌ ◌໎.  The second element is the canonical combining class, so
#: the order also satisfies NFC (virama 9 < below vowels 118 < tones 122).
_MARK_RANK: dict[str, int] = {
    **dict.fromkeys("\u0ebc", 0),
    **dict.fromkeys("\u0eb1\u0eb4\u0eb5\u0eb6\u0eb7\u0eb8\u0eb9\u0eba\u0ebb\u0ecd", 1),
    **dict.fromkeys("\u0ec8\u0ec9\u0eca\u0ecb", 2),
    **dict.fromkeys("\u0ecc\u0ece", 3),
}
MARK_KEY: dict[str, tuple[int, int]] = {
    mark: (rank, unicodedata.combining(mark)) for mark, rank in _MARK_RANK.items()
}

#: Thai characters with a Lao twin at +0x80 that are mapped inside Lao words (R3).
THAI_FOLLOWING = "\u0e30-\u0e3a\u0e48-\u0e4d"  # vowel signs, ะ า ำ, tones, ◌์ ◌ํ
THAI_PREPOSED = "\u0e40-\u0e44"  # เ แ โ ใ ไ
THAI_TO_LAO: dict[int, int] = {
    code: code + 0x80
    for code in [*range(0x0E30, 0x0E3B), *range(0x0E40, 0x0E45), *range(0x0E48, 0x0E4E)]
}

ASCII_TO_LAO_DIGITS = str.maketrans("0123456789", "໐໑໒໓໔໕໖໗໘໙")
LAO_TO_ASCII_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")

# --- Options --------------------------------------------------------------------------------

_CHOICES: dict[str, tuple[object, ...]] = {
    "am": ("compose", "decompose", "keep"),
    "ligatures": ("compose", "decompose", "keep"),
    "subscript_lo": (True, False),
    "keep_zwsp": (True, False),
    "fix_thai": (True, False),
    "collapse_tones": (True, False),
    "remove_dangling": (True, False),
    "digits": ("keep", "ascii", "lao"),
}


class NormalizeConfig(NamedTuple):
    """The options of :func:`normalize`, as one immutable (hashable, picklable) value.

    >>> NormalizeConfig(am="decompose").am
    'decompose'
    """

    #: ຳ: ``"compose"`` writes C [tone] ຳ, ``"decompose"`` C ◌ໍ [tone] າ, ``"keep"`` leaves both.
    am: AmForm = "compose"
    #: ຫນ ຫມ before a vowel or mark: ``"compose"`` → ໜ ໝ; ``"decompose"`` ໜ ໝ → ຫນ ຫມ everywhere.
    ligatures: LigatureForm = "compose"
    #: ຫລ before a vowel or mark → ຫຼ.
    subscript_lo: bool = True
    #: Keep ZWSP (U+200B) between Lao words, e.g. line-break hints; other invisibles still go.
    keep_zwsp: bool = False
    #: Map Thai vowels and tone marks typed inside Lao words to their Lao twins.
    fix_thai: bool = True
    #: Two different tone marks on one consonant: keep the last (guesses intent, so off).
    collapse_tones: bool = False
    #: Delete Lao marks that follow no letter (text start, after a space or punctuation).
    remove_dangling: bool = False
    #: ``"ascii"`` turns ໐-໙ into 0-9, ``"lao"`` turns 0-9 into ໐-໙ (in text that has Lao).
    digits: DigitForm = "keep"

    def check(self) -> NormalizeConfig:
        """Return the config itself, or raise ``ValueError`` naming the valid values of an option.

        >>> NormalizeConfig(digits="roman").check()
        Traceback (most recent call last):
        ...
        ValueError: digits='roman' is not valid; choose one of 'keep', 'ascii', 'lao'
        """
        for name, value in zip(self._fields, self, strict=True):
            choices = _CHOICES[name]
            # `is` for the booleans, so that 1 or "yes" is not taken for True.
            if not any(value is c if isinstance(c, bool) else value == c for c in choices):
                valid = ", ".join(repr(c) for c in choices)
                raise ValueError(f"{name}={value!r} is not valid; choose one of {valid}")
        return self


DEFAULT_CONFIG = NormalizeConfig()

#: The C normaliser (``laotext._core._normalize_default``: str -> str, or None for the text it
#: leaves to the Python steps), or None without the compiled core.
_C_NORMALIZE: Callable[[str], str | None] | None = getattr(CORE, "_normalize_default", None)

# --- Compiled patterns ----------------------------------------------------------------------

_HAS_LAO = re.compile(f"[{LAO_BLOCK}]")
_HAS_THAI = re.compile(f"[{THAI_FOLLOWING}{THAI_PREPOSED}]")
_HAS_INVISIBLE = re.compile(f"[{INVISIBLES}]")
_ASCII_DIGITS = re.compile("[0-9]+")
_LAO_DIGITS = re.compile("[\u0ed0-\u0ed9]+")

# R3: Thai following vowels/marks after a Lao character, and Thai preposed vowels before a Lao
# letter.  Invisible characters in between are looked through, because R1 removes them next, and
# so are stray Lao marks before the letter, which R13 may remove.
_THAI_AFTER_LAO = re.compile(
    f"([{LAO_BLOCK}][{INVISIBLES}]*)([{THAI_FOLLOWING}](?:[{INVISIBLES}]*[{THAI_FOLLOWING}])*)"
)
_THAI_BEFORE_LAO = re.compile(
    f"[{THAI_PREPOSED}](?:[{INVISIBLES}{MARKS}]*[{THAI_PREPOSED}])*"
    f"(?=[{INVISIBLES}{MARKS}]*[{CONSONANTS}{PREPOSED_VOWELS}])"
)

# R1: invisibles next to Lao.  Usually every run qualifies and plain str.replace does the work;
# the runs not followed by Lao are found first to check that (the rest need a look behind).
_INVISIBLES_BEFORE_LAO = re.compile(f"[{INVISIBLES}][{INVISIBLES}]*(?=[{LAO_BLOCK}])")
_INVISIBLES_NOT_BEFORE_LAO = re.compile(
    f"[{INVISIBLES}][{INVISIBLES}]*(?![{LAO_BLOCK}{INVISIBLES}])"
)
_INVISIBLE_RUN = re.compile(f"[{INVISIBLES}][{INVISIBLES}]*")

# R7, R11: spaces before a mark (or ຳ, or ໆ); the character before is checked in a callback.
# Patterns start with a character class, not a repeat, so that ``re`` can skip ahead to it.
_SPACES_BEFORE_MARK = re.compile(f"[ \t][ \t]*(?=[{MARKS}{SARA_AM}{KO_LA}])")

# R13: a run of marks that follows nothing able to carry it (a foreign mark cannot either).
_DANGLING_MARKS = re.compile(f"(?<![{MARK_CARRIERS}])[{MARKS}]+")

# R9: tones typed after a following vowel (ກາ່); the consonant before is checked in code.
_TONES_AFTER_VOWEL = re.compile(f"([{FOLLOWING_VOWELS}])([{TONES}]+)")
_CONSONANT_SET = frozenset(chr(c) for c in range(0x0E81, 0x0EAF)) | frozenset(
    "\u0edc\u0edd\u0ede\u0edf"
)
_NON_TONE_MARK_SET = frozenset(m for m in MARK_KEY if MARK_KEY[m][0] != 2)
_MARK_SET = frozenset(MARK_KEY)
_MARK_CARRIER_SET = _CONSONANT_SET | _MARK_SET | frozenset(FOLLOWING_VOWELS)

# R10: after R8, the marks that can stand between ◌ໍ and າ.
_AM_AROUND_MARKS = re.compile(f"{NIKHAHIT}([{MARKS.replace(NIKHAHIT, '')}]+){SARA_AA}")

# R5, R6: ຫ + ນ/ມ/ລ is an onset cluster only when a vowel or mark follows the second consonant.
_ONSET_FOLLOWS = f"(?=[{MARKS}\u0eb0\u0eb2\u0eb3\u0ebd\u0ead\u0ea7])"  # marks, ະ າ ຳ ຽ ອ ວ
_HO_NO = re.compile(HO_SUNG + NO + _ONSET_FOLLOWS)
_HO_MO = re.compile(HO_SUNG + MO + _ONSET_FOLLOWS)
_HO_LO = re.compile(HO_SUNG + LO + _ONSET_FOLLOWS)

# R8: adjacent marks that may be out of order or repeated.  Text in canonical order has hardly
# any of these pairs (a tone or ◌໌ followed by a mark; two vowel signs in a row; ◌ຼ◌ຼ), so
# scanning for them is cheap and the few runs found are checked one by one.  Every faulty run
# contains one: see :func:`_canonical_mark_run` for the order.
_RANK1 = "".join(m for m in MARK_KEY if MARK_KEY[m][0] == 1)
_MARK_PAIR_CANDIDATES = (
    re.compile(f"[{TONES}\u0ecc\u0ece][{MARKS}]"),
    re.compile(f"[{_RANK1}][{_RANK1}{SUBSCRIPT_LO}]"),
    re.compile(SUBSCRIPT_LO + SUBSCRIPT_LO),
)

# On NFC text, the default steps do more than R5, R6 (ຫນ ຫມ ຫລ before a vowel or mark) and the
# composition of a bare ◌ໍ + າ (R10) only where one of these occurs: a Thai look-alike or an
# invisible (R3, R1), ເເ (R4), a space before a mark, ຳ or ໆ (R7, R11), a candidate pair of
# marks (R8), a tone after a following vowel (R9), ◌ໍ before ຳ or before marks and າ or ຳ
# (R10), ຫລ before ◌ຼ (R6 would make a pair ◌ຼ◌ຼ for R8).  ຳ itself is split and composed
# again (R10): with none of these around it that gives it back as it was.  See _simple_steps.
_TRIGGER_PAIRS = [  # two characters each
    f"[ \t][{MARKS}{SARA_AM}{KO_LA}]",
    *(p.pattern for p in _MARK_PAIR_CANDIDATES),
    f"[{FOLLOWING_VOWELS}][{TONES}]",
]
_NEEDS_EVERY_STEP = re.compile(
    f"[{THAI_FOLLOWING}{THAI_PREPOSED}{INVISIBLES}]"
    f"|{E}{E}"
    f"|{NIKHAHIT}(?:{SARA_AM}|[{MARKS}]+[{SARA_AA}{SARA_AM}])"
    f"|{HO_SUNG}{LO}{SUBSCRIPT_LO}"
    # The pairs as one alternative: a first character of any, a second character of any, and
    # the exact pair checked behind; re then tries far fewer alternatives per character.
    f"|[ \t{TONES}\u0ecc\u0ece{_RANK1}{SUBSCRIPT_LO}{FOLLOWING_VOWELS}][{MARKS}{SARA_AM}{KO_LA}]"
    f"(?<={'|'.join(_TRIGGER_PAIRS)})"
)

# R2: NFC's own reordering restricted to Lao, i.e. among the marks with a non-zero combining
# class: a tone before a below vowel or virama, a below vowel before the virama.
_NFC_LAO_MARK_SET = frozenset("\u0eb8\u0eb9\u0eba\u0ec8\u0ec9\u0eca\u0ecb")
_NFC_LAO_CANDIDATES = (re.compile(f"[\u0eb8-\u0eba](?<=[\u0eb8\u0eb9{TONES}].)"),)

# --- Steps ------------------------------------------------------------------------------------


def _to_nfc(text: str) -> str:
    """R2: NFC, cheaply when only Lao marks are out of canonical order.

    Lao has no canonical compositions, so NFC changes Lao text only by sorting tones after below
    vowels.  Doing that on the few faulty runs is far cheaper than a full NFC pass; anything else
    (a decomposed é, say) falls back to :func:`unicodedata.normalize`.
    """
    if unicodedata.is_normalized("NFC", text):
        return text
    reordered = _fix_mark_runs(text, _NFC_LAO_CANDIDATES, _NFC_LAO_MARK_SET, _sort_by_ccc)
    if unicodedata.is_normalized("NFC", reordered):
        return reordered
    return unicodedata.normalize("NFC", text)


def _sort_by_ccc(run: str) -> str:
    return "".join(sorted(run, key=unicodedata.combining))


def _fix_mark_runs(
    text: str,
    candidates: tuple[re.Pattern[str], ...],
    run_chars: frozenset[str],
    fix: Callable[[str], str],
) -> str:
    """Apply `fix` to each maximal run of `run_chars` that holds a match of a candidate pattern.

    The candidates are rare two-mark pairs, so this visits a few runs instead of every syllable.
    A match inside the run found last is skipped: extending each of the many matches of a long
    run to its ends would take time quadratic in the run's length.
    """
    runs: dict[int, int] = {}  # start -> end, each run once
    for pattern in candidates:
        run_end = -1
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            if start < run_end:
                continue  # the matches come in order, and this one is in the run found last
            while start and text[start - 1] in run_chars:
                start -= 1
            while end < len(text) and text[end] in run_chars:
                end += 1
            runs[start] = run_end = end
    pieces: list[str] = []
    done = 0
    for start in sorted(runs):
        end = runs[start]
        run = text[start:end]
        fixed = fix(run)
        if fixed != run:
            pieces += (text[done:start], fixed)
            done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _convert_digits(text: str, digits: DigitForm) -> str:
    """R14 (off by default): digits to ASCII or to Lao."""
    if digits == "ascii":
        return _LAO_DIGITS.sub(lambda m: m[0].translate(LAO_TO_ASCII_DIGITS), text)
    return _ASCII_DIGITS.sub(lambda m: m[0].translate(ASCII_TO_LAO_DIGITS), text)


def _map_thai_lookalikes(text: str) -> str:
    """R3: Thai vowels and tones inside Lao words become their Lao twins (code point + 0x80)."""
    text = _THAI_AFTER_LAO.sub(lambda m: m[1] + m[2].translate(THAI_TO_LAO), text)
    return _THAI_BEFORE_LAO.sub(lambda m: m[0].translate(THAI_TO_LAO), text)


def _is_lao(char: str) -> bool:
    return LAO_FIRST <= char <= LAO_LAST


def _drop_if_after_lao(match: re.Match[str]) -> str:
    start = match.start()
    return "" if start and _is_lao(match.string[start - 1]) else match[0]


def _keep_zwsp_if_next_to_lao(match: re.Match[str]) -> str:
    start, end, text = match.start(), match.end(), match.string
    next_to_lao = (start and _is_lao(text[start - 1])) or (end < len(text) and _is_lao(text[end]))
    return ZWSP * match[0].count(ZWSP) if next_to_lao else match[0]


def _remove_invisibles(text: str, keep_zwsp: bool) -> str:
    """R1: invisible format characters next to Lao go (a run of them counts as one)."""
    if keep_zwsp:
        return _INVISIBLE_RUN.sub(_keep_zwsp_if_next_to_lao, text)
    if all(_drop_if_after_lao(m) == "" for m in _INVISIBLES_NOT_BEFORE_LAO.finditer(text)):
        # Every run touches Lao (the usual case: ZWSP between Lao words): drop them all.
        found = _HAS_INVISIBLE.search(text)
        while found:
            text = text.replace(found[0], "")
            found = _HAS_INVISIBLE.search(text)
        return text
    text = _INVISIBLES_BEFORE_LAO.sub("", text)
    return _INVISIBLE_RUN.sub(_drop_if_after_lao, text)


def _join_spaces_before_marks(match: re.Match[str]) -> str:
    """R7, R11: drop spaces between a letter and its mark, or between a word and ໆ."""
    start, text = match.start(), match.string
    if not start:
        return match[0]
    before, after = text[start - 1], text[match.end()]
    if after == KO_LA:
        return "" if _is_lao(before) else match[0]
    return "" if before in _MARK_CARRIER_SET else match[0]


def _compose_ligatures(text: str, config: NormalizeConfig) -> str:
    """R5, R6: ຫນ ຫມ ຫລ → ໜ ໝ ຫຼ where the second consonant clearly starts a syllable."""
    if config.ligatures == "decompose":
        text = text.replace(LIGATURE_NO, HO_SUNG + NO).replace(LIGATURE_MO, HO_SUNG + MO)
    if HO_SUNG not in text:
        return text
    if config.ligatures == "compose":
        if HO_SUNG + NO in text:
            text = _HO_NO.sub(LIGATURE_NO, text)
        if HO_SUNG + MO in text:
            text = _HO_MO.sub(LIGATURE_MO, text)
    if config.subscript_lo and HO_SUNG + LO in text:
        text = _HO_LO.sub(HO_SUNG + SUBSCRIPT_LO, text)
    return text


def _move_tones_before_vowel(text: str) -> str:
    """R9: a tone typed after ະ າ ຳ ຽ goes on the consonant (ກາ່ → ກ່າ), if it has none yet."""
    pieces: list[str] = []
    done = 0
    for match in _TONES_AFTER_VOWEL.finditer(text):
        vowel_at = match.start()
        base_at = vowel_at - 1
        while base_at >= 0 and text[base_at] in _NON_TONE_MARK_SET:
            base_at -= 1
        if base_at < 0 or text[base_at] not in _CONSONANT_SET:
            continue
        pieces += (text[done:vowel_at], match[2], match[1])
        done = match.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _canonical_mark_run(run: str, collapse_tones: bool = False) -> str:
    """R8 (and R12): stable sort by :data:`MARK_KEY`, repeated marks collapsed.

    >>> _canonical_mark_run("\u0ec8\u0eb5\u0eb5") == "\u0eb5\u0ec8"  # ◌່◌ີ◌ີ → ◌ີ◌່
    True
    """
    ordered = sorted(run, key=MARK_KEY.__getitem__)
    if collapse_tones:
        tones = [m for m in ordered if MARK_KEY[m][0] == 2]
        if len(tones) > 1:
            kept_tone = tones[-1]  # the one typed last
            ordered = [m for m in ordered if MARK_KEY[m][0] != 2 or m == kept_tone]
    # A mark typed twice in one run is shown once (or overprinted): keep one.
    return "".join(dict.fromkeys(ordered))


def _canonical_mark_run_one_tone(run: str) -> str:
    return _canonical_mark_run(run, collapse_tones=True)


def _order_marks(text: str, collapse_tones: bool) -> str:
    """R8: put every run of marks in Lao canonical order; only faulty runs are touched."""
    fix = _canonical_mark_run_one_tone if collapse_tones else _canonical_mark_run
    return _fix_mark_runs(text, _MARK_PAIR_CANDIDATES, _MARK_SET, fix)


def _decompose_am(text: str) -> str:
    """ຳ → ◌ໍ + າ, exactly as NFKC does: R8 then puts the nikhahit before any tone."""
    return text.replace(SARA_AM, NIKHAHIT + SARA_AA)


def _compose_am(text: str) -> str:
    """R10: ◌ໍ [marks] າ → [marks] ຳ, on text whose marks are already in canonical order."""
    text = text.replace(NIKHAHIT + SARA_AA, SARA_AM)
    if NIKHAHIT in text:
        text = _AM_AROUND_MARKS.sub(f"\\1{SARA_AM}", text)
    return text


def _remove_dangling_marks(text: str) -> str:
    """R13 (off by default): delete runs of marks that follow no Lao letter or vowel.

    Run last, on NFC text, because reordering can change what a mark follows.  The deletion
    can bring together a space and ໆ (R11), two ເ (R4), or a letter and a foreign mark that
    NFC composes (e + ◌ິ + ◌́), so those steps are repeated.
    """
    trimmed = _DANGLING_MARKS.sub("", text)
    if trimmed == text:
        return text
    trimmed = _SPACES_BEFORE_MARK.sub(_join_spaces_before_marks, trimmed)
    if E + E in trimmed:
        trimmed = trimmed.replace(E + E, AE)
    return _to_nfc(trimmed)


# --- The pipeline ---------------------------------------------------------------------------


def normalize(
    text: str,
    *,
    am: AmForm = "compose",
    ligatures: LigatureForm = "compose",
    subscript_lo: bool = True,
    keep_zwsp: bool = False,
    fix_thai: bool = True,
    collapse_tones: bool = False,
    remove_dangling: bool = False,
    digits: DigitForm = "keep",
) -> str:
    """Return `text` in canonical Lao spelling.

    The default canonical form: NFC; marks in Lao order (◌ຼ, vowel sign, tone, ◌໌) with repeats
    removed; ຳ composed with its tone before it; ໜ ໝ ຫຼ for ຫນ ຫມ ຫລ where the cluster is
    unambiguous; ເເ → ແ; invisible format characters (ZWSP, ZWJ, ZWNJ, WJ, soft hyphen, BOM) next
    to Lao removed; spaces before a mark or before ໆ removed; Thai vowels and tones typed inside
    Lao words mapped to Lao.  Spelling, word spacing and digits are otherwise left alone, and text
    without Lao is returned unchanged.

    >>> normalize("ທໍາມະຊາດ")  # ◌ໍ + າ → ຳ
    'ທຳມະຊາດ'
    >>> normalize("ນໍ້າຕານ") == normalize("ນ້ໍາຕານ") == "ນ້ຳຕານ"  # tone before ຳ
    True
    >>> normalize("ຫມາກໄມ້ ແລະ ຫລານ")
    'ໝາກໄມ້ ແລະ ຫຼານ'
    >>> normalize("ເເມ່ ດີ ໆ")
    'ແມ່ ດີໆ'
    >>> normalize("ສ່ີ")  # tone typed before the vowel sign
    'ສີ່'
    >>> normalize("ນ້ຳ", am="decompose")
    'ນໍ້າ'

    Options (keyword-only; an invalid value raises ``ValueError`` naming the valid ones):

    * ``am``: ``"compose"`` (ຳ), ``"decompose"`` (◌ໍ + tone + າ: IDNA-valid and, together with
      ``ligatures="decompose"``, stable under NFKC), or ``"keep"``.
    * ``ligatures``: ``"compose"`` (ຫນ ຫມ → ໜ ໝ before a vowel or mark), ``"decompose"``
      (ໜ ໝ → ຫນ ຫມ everywhere) or ``"keep"``.
    * ``subscript_lo``: ຫລ → ຫຼ before a vowel or mark (default ``True``).
    * ``keep_zwsp``: keep ZWSP word-break hints (default ``False``: removed next to Lao).
    * ``fix_thai``: map Thai look-alike vowels and tones inside Lao words (default ``True``).
    * ``collapse_tones``: keep only the last of two different tones on a consonant (``False``).
    * ``remove_dangling``: delete marks that follow no letter (``False``).
    * ``digits``: ``"keep"``, ``"ascii"`` (໐-໙ → 0-9) or ``"lao"`` (0-9 → ໐-໙).

    Raises ``TypeError`` if `text` is not a ``str``.  Never apply NFKC after this function: it
    decomposes ຳ ໜ ໝ (use the ``"decompose"`` profile if a later stage insists on NFKC).
    """
    config = NormalizeConfig(
        am, ligatures, subscript_lo, keep_zwsp, fix_thai, collapse_tones, remove_dangling, digits
    )
    if all(map(operator.is_, config, DEFAULT_CONFIG)):
        # The defaults themselves (identical objects, so valid): skip the option checks, and let
        # the C normaliser do the text it decides (an exact str only: a subclass keeps the
        # Python steps' way of returning it).
        if _C_NORMALIZE is not None and type(text) is str:
            done = _C_NORMALIZE(text)
            if done is not None:
                return done
            if "\n" in text:  # a file at once: the lines that C decides need not wait for one
                return _normalize_lines(text, _C_NORMALIZE)
        config = DEFAULT_CONFIG
    return normalize_with(text, config)


def _normalize_lines(text: str, compiled: Callable[[str], str | None]) -> str:
    """normalize(text) with the default options for a text with Lao, line by line: each line by
    the C normaliser when it decides the line, else by the Python steps.

    No step reaches across a line feed (it is no space, mark, letter or invisible, and NFC
    composes and reorders nothing across it), so the lines may be done one at a time, with one
    exception: a line without Lao gets NFC, as part of a text with Lao, and not the nothing that
    normalize() does to a text without Lao.  tests/test_normalize.py checks this on the Python
    steps.
    """
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if not _HAS_LAO.search(line):
            lines[k] = unicodedata.normalize("NFC", line)
            continue
        done = compiled(line)
        lines[k] = normalize_with(line, DEFAULT_CONFIG) if done is None else done
    return "\n".join(lines)


def _clean(text: str, config: NormalizeConfig) -> str:
    """The steps that map or delete characters: R14, R3, R1, R4, ຳ split, R7 and R11."""
    if config.digits != "keep":
        # Before R1 and R3: a Lao digit is a Lao neighbour for both.
        text = _convert_digits(text, config.digits)
    if config.fix_thai and _HAS_THAI.search(text):
        text = _map_thai_lookalikes(text)
    if _HAS_INVISIBLE.search(text):
        text = _remove_invisibles(text, config.keep_zwsp)
    if E + E in text:
        text = text.replace(E + E, AE)  # R4
    if config.am != "keep" and SARA_AM in text:
        # Work on ◌ໍ + າ throughout, so that ຳ, its NFKC form and the typed forms all meet.
        text = _decompose_am(text)
    return _SPACES_BEFORE_MARK.sub(_join_spaces_before_marks, text)


def normalize_with(text: str, config: NormalizeConfig) -> str:
    """:func:`normalize` with the options given as a :class:`NormalizeConfig`.

    >>> normalize_with("ປະຫວັດສາດ", NormalizeConfig())
    'ປະຫວັດສາດ'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() expects str, not {type(text).__name__}")
    if config is not DEFAULT_CONFIG:
        config.check()
    elif _NEEDS_EVERY_STEP.search(text) is None and unicodedata.is_normalized("NFC", text):
        # The common case: one scan shows that the steps (_normalize) come down to two
        # substitutions or to nothing (tests/test_normalize.py checks this against them).
        return _simple_steps(text)
    return _normalize(text, config)


def _simple_steps(text: str) -> str:
    """What the default steps do to NFC text in which :data:`_NEEDS_EVERY_STEP` finds nothing.

    Only R5, R6 and R10 can apply.  R5 and R6 look at what follows ຫນ ຫມ ຫລ, the same whether
    ຳ is split or not; the ◌ຼ that R6 writes starts a run of marks in canonical order (no ◌ຼ
    follows it, no candidate pair is in the run), so R8 leaves it; and a ◌ໍ + າ with no mark on
    either side (a tone or vowel sign before ◌ໍ would be a candidate pair) is composed as it is.
    """
    if HO_SUNG in text:
        text = _compose_ligatures(text, DEFAULT_CONFIG)
    if NIKHAHIT in text:
        text = text.replace(NIKHAHIT + SARA_AA, SARA_AM)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)  # as _normalize does last
    return text


def _normalize(text: str, config: NormalizeConfig) -> str:
    """The steps of :func:`normalize_with`, on every text (no shortcut for canonical text)."""
    if not _HAS_LAO.search(text):
        return text  # no Lao: nothing to do, and nothing else is ours to change
    text = _to_nfc(text)
    cleaned = _clean(text, config)
    if cleaned != text:
        # Deleting characters and mapping Thai marks can leave marks out of NFC order, and the
        # rules below expect NFC (checked again at the end, in case).
        text = _to_nfc(cleaned)
    text = _compose_ligatures(text, config)
    text = _order_marks(text, config.collapse_tones)
    moved = _move_tones_before_vowel(text)  # R9 sees sorted runs: ກະ໌່ → ກະ່໌ → ກ່ະ໌
    if moved != text:
        text = _order_marks(moved, config.collapse_tones)
    if config.am == "compose" and NIKHAHIT in text:
        text = _compose_am(text)
    if not unicodedata.is_normalized("NFC", text):
        # A safety net: no rule above should break NFC, but the output must be NFC.
        text = unicodedata.normalize("NFC", text)
    if config.remove_dangling:
        text = _remove_dangling_marks(text)
    return text


@lru_cache(maxsize=1 << 16)
def canonical_key(word: str) -> str:
    """The default :func:`normalize` of `word`, cached: the form used for dictionary lookups.

    Meant for short strings (syllable clusters, words) looked up again and again.

    >>> canonical_key("ຄໍາ") == canonical_key("ຄຳ") == "ຄຳ"
    True
    """
    return normalize_with(word, DEFAULT_CONFIG)
