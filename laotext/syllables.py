"""Lao syllable clusters: the units no later stage may cut through.

Lao is written without spaces between words, but its syllables have a regular written shape
(research/algorithms.md §3 in the design notes)::

    [leading vowel ເ ແ ໂ ໃ ໄ] onset [marks] [ະ າ ຳ ຽ, vowel letter ອ ວ ຍ] [final] [໌]

A word boundary can only fall between two such clusters, so the word segmenter works on clusters,
never on characters.  One regular expression finds them, together with everything that is not
Lao: digit runs (with ``.``/``,`` groups), runs of letters of other scripts (with their combining
marks), whitespace runs, and single other characters (punctuation, ZWSP, stray marks).  The
tokenisation is lossless: ``"".join(syllable_tokenize(text)) == text`` for every string.

Where a bare consonant after a vowel could close this syllable or open the next one, the pattern
takes it as a final unless the next characters show it is an onset.  The one real ambiguity is
ກ + ວ/ຣ + vowel (ມາກວ່າ = ມາ|ກວ່າ or ມາກ|ວ່າ): the lone ກ becomes a cluster of its own, and the
word segmenter's dictionary decides.  Vowel-less abbreviations (ສປປ) come out one letter a cluster;
ໆ and ຯ are clusters of their own.

The compiled core (``laotext/_core.c``) implements the same scanner by hand; its tests compare the
two on corpora and generated text, so this module is the definition.
"""

from __future__ import annotations

import re

from laotext._marks import MARK_RANGES

__all__ = ["CLUSTER_RE", "syllable_tokenize"]

# Character classes (research/algorithms.md §3.3), as `re` class bodies.
_C = "\u0e81-\u0eae\u0edc-\u0edf"  # consonants, with ໜ ໝ ໞ ໟ and the Pali letters
_NB = "\u0eb0-\u0ebd\u0ec8-\u0ecb\u0ecd\u0ece"  # needs a base: ະ ັ າ ຳ ິ-ູ ຺ ົ ຼ ຽ, tones, ໍ ໎
_MB = "\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecb\u0ecd\u0ece"  # combining marks (not ໌)
_T = "\u0ec8-\u0ecb"  # tone marks ່ ້ ໊ ໋
_CAN = "\u0ecc"  # cancellation mark ໌: the consonant before it is silent

C, NB, MB, T = (f"[{cls}]" for cls in (_C, _NB, _MB, _T))

# A consonant after the nucleus is a final unless it visibly starts the next syllable: ຫ is never a
# final; ຂ/ຄ/ສ + ວ and ຂ/ຄ/ປ/ພ/ຕ/ທ/ຟ + ຣ before a vowel are onsets with a medial; nothing follows ໍ
# (ບໍ່); ກ + ວ/ຣ + vowel is the ambiguous case, left to `_AMBIGUOUS_KO` below.
# The final is matched first and these conditions are then checked behind and after it: a failing
# final costs one class test instead of three lookarounds.  The lookbehinds look past the final
# (`re` needs fixed widths: two instead of (?<!ໍ{T}?.)); the ວ/ຣ medials test their consonant with
# a lookbehind, so each alternative starts with a literal that `re` skips without entering it.
_FINAL_CONSONANT = "[\u0e81-\u0eaa\u0eac-\u0eae\u0edc-\u0edf]"  # every consonant but ຫ
_NOT_ONSET = (
    rf"(?<!ໍ.)(?<!ໍ{T}.)"
    rf"(?!ວ(?<=[ກຂຄສ]ວ){NB}|ຣ(?<=[ກຂຄປພຕທຟ]ຣ){NB})"
    rf"(?!{NB}|[ອວ](?!{NB}|ອ))"
)
_CODA = rf"(?:{_FINAL_CONSONANT}{_NOT_ONSET}(?:{C}?{_CAN})?)"
# ຫ + sonorant, or a consonant + medial ວ/ຣ before a vowel, else a lone consonant.  The consonant is
# matched once and the optional second letter tried first, which tries the same onsets in the same
# order as the alternatives (two-letter onset first): at most one second letter fits a consonant.
_ONSET = rf"(?:{C}(?:[ງຍນມລວຣ](?<=ຫ.)|ວ(?<=[ກຂຄສ]ວ)(?={NB})|ຣ(?<=[ກຂຄປພຕທບຟ]ຣ)(?={NB}))?)"
_VOWEL_LETTER = rf"(?:[ອວ](?!{NB}|ອ))"
# Nuclei after which no final can follow: -ະ, -ຳ, -າະ, and ໍ/ົ + າ (decomposed ຳ, ເ-ົາ).  The marks
# are taken possessively (*+, Python 3.11): what follows them is no mark, so giving marks back
# could never make a match, and not trying saves the commonest failure (an open syllable).
# າ is matched once for its three shapes (the lookbehinds then look past it).
_CLOSED = rf"(?:{MB}*+(?:ະ|ຳ{T}?|າ(?:ະ|(?<=[ໍົ]າ){T}?|(?<=[ໍົ]{T}າ){T}?)))"
_BODY = rf"(?:[{_MB}າຽ]|{_VOWEL_LETTER})"
# The alternatives start with different characters, except the last two (which must stay in this
# order); the commonest shape, a syllable without a leading vowel, is tried first.  The repeats
# are possessive (*+, ++): everything after them in the whole pattern is optional, so the first
# way they match is the match and they are never asked to give characters back.
_LAO_SYLLABLE = (
    rf"(?:{_ONSET}(?:{_CLOSED}|{_BODY}++{_CODA}?)"
    rf"|{_ONSET}{MB}*+"
    rf"|[ເແໂ]{_ONSET}(?:{_CLOSED}|{_BODY}*+{_CODA}?)(?:ຍ(?!{NB}))?"
    rf"|[ໃໄ]{_ONSET}{MB}*+(?:ວ(?!{NB}))?{_CAN}?)"
)
# ກ between a nucleus and ວ/ຣ + vowel: final of this syllable or onset of the next; a cluster of its
# own so that the dictionary decides.
_AMBIGUOUS_KO = (
    r"(?:ກ(?<=[\u0e81-\u0eae\u0eb1\u0eb2\u0eb4-\u0eb9\u0ebb\u0ebd\u0ec8-\u0ecb\u0edc\u0edd]ກ)"
    rf"(?=[ວຣ]{NB}))"
)
# Marks of the Basic Multilingual Plane and the astral ones in two classes: the first is one bitmap
# test in `re`, the second a list of ranges that is only tried when the first fails.
_BMP_MARKS = "".join(f"\\U{a:08x}-\\U{min(b, 0xFFFF):08x}" for a, b in MARK_RANGES if a <= 0xFFFF)
_ASTRAL_MARKS = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in MARK_RANGES if a > 0xFFFF)
_OTHER_LETTERS = rf"(?:(?![\u0e80-\u0eff])(?:[^\W\d_]|[{_BMP_MARKS}]|[{_ASTRAL_MARKS}]))+"
_NUMBER = r"\d+(?:[.,]\d+)*"

CLUSTER_RE = re.compile(
    rf"{_AMBIGUOUS_KO}|{_LAO_SYLLABLE}{_CAN}?|\s+|[ໆຯ]|{_NUMBER}|{_OTHER_LETTERS}|.",
    re.DOTALL,
)
"""The cluster pattern: ``CLUSTER_RE.findall(text)`` is :func:`syllable_tokenize`."""

ASCII_CLUSTER_RE = re.compile(rf"\s+|{_NUMBER}|[^\W\d_]+|.", re.DOTALL)
"""``CLUSTER_RE`` for text that is all ASCII (``str.isascii()``), where the Lao alternatives, ໆ, ຯ
and the marks cannot match and a letter run is one of ASCII letters: the same clusters, found with
less work per character.  The segmenter scans the spaces, numbers and Latin words between Lao runs
with it."""


def syllable_tokenize(text: str) -> list[str]:
    """Split text into Lao syllable clusters and the runs of everything else, losslessly.

    Lao clusters never cut inside a syllable; digit runs (``1,000.50``), runs of letters of other
    scripts, whitespace runs and single punctuation characters are tokens of their own.

    >>> syllable_tokenize("ສະບາຍດີ")
    ['ສະ', 'ບາຍ', 'ດີ']
    >>> syllable_tokenize("ເມືອງຫຼວງພະບາງ 2024")
    ['ເມືອງ', 'ຫຼວງ', 'ພະ', 'ບາງ', ' ', '2024']
    >>> syllable_tokenize("ດີໆ")
    ['ດີ', 'ໆ']
    >>> syllable_tokenize("ສປປ ລາວ")
    ['ສ', 'ປ', 'ປ', ' ', 'ລາວ']
    >>> "".join(syllable_tokenize("ນໍ້າ\\u200bໄຫຼ")) == "ນໍ້າ\\u200bໄຫຼ"
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"syllable_tokenize() expects str, not {type(text).__name__}")
    return CLUSTER_RE.findall(text)
