"""Parse written Lao into syllables: onset, vowel frame, coda, tone mark, class, tone.

Modern Lao writes every vowel, so syllables are recovered from the script alone (no
dictionary).  The scanner reads one syllable at a time,

    [preposed vowel] onset [◌ຼ | ຣ | medial ວ] [vowel signs] [tone] [coda] [silent letters ◌໌]

and decides the double-role letters (ອ ວ ຍ, ຫ + sonorant, a consonant between two vowels) by
looking at what follows them: a consonant directly followed by a vowel sign, ◌ຼ or a tone mark
starts the next syllable; otherwise it closes the current one.  A consonant with no vowel at
all is an *implicit* syllable (old spellings such as ສຍາມ, abbreviations such as ສປປ).

>>> [s.text for s in parse_word("ສະບາຍດີ")]
['ສະ', 'ບາຍ', 'ດີ']
>>> s = parse_syllable("ເມືອງ")
>>> s.onset, s.vowel, s.coda, s.consonant_class, s.tone
('ມ', 'ເ-ືອ', 'ງ', 'low', '˧˥')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, NamedTuple

from laotext.romanize.letters import (
    CANCEL,
    CONSONANT_CLASS,
    CONSONANTS,
    LIGATURES,
    LIVE_FINALS,
    NEEDS_ONSET,
    PREPOSED,
    SONORANTS,
    SUBSCRIPT_LO,
    TONE_MARKS,
    VIRAMA,
    YAMAKKAN,
    ConsonantClass,
)
from laotext.romanize.tone import vientiane_tone

__all__ = ["Syllable", "parse_syllable", "parse_word", "scan_word"]


class Syllable(NamedTuple):
    """One written Lao syllable, parsed.

    ``vowel`` is the whole vowel frame written around the consonant, with ``-`` standing for
    the onset (and a trailing ``-`` for a coda slot the frame requires): ``ເ-ືອ``, ``-ັ-``,
    ``-ວ-``, ``ໄ-``; ``""`` when no vowel is written (an implicit vowel).  ``nucleus`` names
    the vowel it spells, in IPA (``aː``, ``ɯːə``, ``ai`` for ໄ-/ໃ-, ``ao`` for ເ-ົາ, ``am``
    for -ຳ).  ``tone`` is the Vientiane contour (see :mod:`laotext.romanize.tone`).
    """

    text: str
    onset: str
    initial: str
    cluster: str
    vowel: str
    nucleus: str
    coda: str
    tone_mark: str
    silent: str
    consonant_class: ConsonantClass
    live: bool
    length: Literal["short", "long"]
    tone: str
    implicit: bool


#: What scanning a word yields: syllables, and the pieces that are not syllables.
Piece = Syllable | str

_LONG = frozenset(["aː", "iː", "ɯː", "uː", "eː", "ɛː", "oː", "ɔː", "ɤː", "iːə", "ɯːə", "uːə"])
# ໄ- ໃ- ເ-ົາ -ຳ have a short vowel but end in a glide or nasal: the syllable is live.
_LIVE_SHORT = frozenset(["ai", "ao", "am"])
_SIMPLE_ABOVE = {"ິ": "i", "ີ": "iː", "ຶ": "ɯ", "ື": "ɯː", "ຸ": "u", "ູ": "uː"}
# First letters of the obstruent + ຣ clusters of loans and Pali words (ພຣະ, ໂປຣກຣາມ).
_R_CLUSTER = frozenset("ກຂຄຕທປຜພບຟຝດສ")
# First letters that form a cluster with a medial ວ before a vowel (ກວ່າ, ຂວາ, ສວ່າງ, ຊວາ).
# After any other letter, a consonant between a vowel and ວ+vowel closes the previous
# syllable (ສາມ|ວັນ, ວັດ|ວາ).
_W_CLUSTER = frozenset("ກຂຄຈສຊຕຖທ")
_SILENT = re.compile(r"[\u0e81-\u0eae\u0edc-\u0edf]{1,2}[\u0eb4\u0eb8]?\u0ecc")


def _sign_after(w: str, k: int) -> str:
    """The first character at or after ``k`` that is not a tone mark ("" at the end)."""
    n = len(w)
    while k < n and w[k] in TONE_MARKS:
        k += 1
    return w[k] if k < n else ""


def _after_tones(w: str, k: int) -> int:
    """The index of the first character at or after ``k`` that is not a tone mark."""
    n = len(w)
    while k < n and w[k] in TONE_MARKS:
        k += 1
    return k


def _is_coda(w: str, j: int, needed: bool = False) -> bool:
    """Does the consonant at ``j`` close the syllable before it (rather than open the next)?

    ``needed``: the vowel before it is one that is only written closed (-ັ-, ເ-ັ-, -ົ-), which
    settles the ambiguous cases in favour of a coda (ເວັນ|ອອກ).
    """
    c = w[j]
    if c in "ອຫຮຢໜໝ":
        return False
    k = j + 1
    if k >= len(w):
        return True
    nx = w[k]
    if nx in TONE_MARKS or nx in NEEDS_ONSET or nx == CANCEL:
        return False
    if needed:
        return True
    if nx == "ອ":
        if k + 1 < len(w) and w[k + 1] == "ອ":
            return True  # ອອ: ອ opens a syllable whose vowel is the second ອ (ນ|ອອກ)
        # ອ with its own vowel opens a syllable (ກອງທັບ|ອາ); otherwise it is the vowel ɔː of c.
        return _sign_after(w, k + 1) in NEEDS_ONSET
    if nx == "ວ":
        if k + 1 < len(w) and w[k + 1] == CANCEL:
            return True
        if k + 1 < len(w) and w[k + 1] in TONE_MARKS:
            return c not in _W_CLUSTER  # the tone sits on ວ: ວ is an onset (ຢ່າງ|ວ່ອງ, ກວ່າ)
        if _sign_after(w, k + 1) in NEEDS_ONSET:
            return c not in _W_CLUSTER
        return False  # c + ວ + consonant: ວ is the vowel uːə of c (ກວດ, ຄວນ)
    return not (nx == "ຣ" and c in _R_CLUSTER and _sign_after(w, k + 1) in NEEDS_ONSET)


def _final_yo(w: str, k: int) -> bool:
    """Is the ຽ at ``k`` a final (old spelling of ຍ: -າຽ, ມວຽ) rather than the vowel -ຽ-?"""
    j = k + 1
    return not (j < len(w) and w[j] in CONSONANTS and _is_coda(w, j))


def _h_digraph(w: str, j: int, pre: str) -> bool:
    """ຫ at j-1, a sonorant at j: one high-class consonant (ໃຫຍ່) or ຫ + a final (ແຫນ)?"""
    k = j + 1
    if k < len(w) and w[k] in TONE_MARKS:
        return True
    nxt = _sign_after(w, k)
    if nxt in NEEDS_ONSET or pre in ("ໄ", "ໃ"):
        return True
    # ຫນວດ, ຫມອກ, ຫລວງ: the sonorant is the onset of a syllable whose vowel is ວ or ອ.
    if w[j] != "ວ" and nxt in ("ວ", "ອ"):
        return True
    # ໂຫຍກ, ແຫວນ: a final follows the sonorant, so the sonorant is not the final.  Left
    # ambiguous (ແຫນ, ເຫງ) it is read ຫ + final, as both Perl BGN/PCGN modules do.
    k = j + 1
    return bool(pre) and k < len(w) and w[k] in CONSONANTS and _is_coda(w, k)


def _medial_w(w: str, j: int, pre: str) -> bool:
    """Is the ວ at ``j`` (after an onset consonant) a medial, leaving the vowel to other signs?"""
    k = j + 1
    nxt = _sign_after(w, k)
    if not pre:
        if nxt == "ຽ":  # ກວຽນ (medial) but ມວຽ (ວ the vowel, ຽ the final)
            return not _final_yo(w, w.index("ຽ", k))
        return nxt in NEEDS_ONSET
    if pre in ("ເ", "ແ", "ໂ") and nxt in CONSONANTS:
        # ແຂວງ: the frame ແ-◌ closes on ງ, so ວ cannot be the final; ແກວ|ງາມ is excluded
        # because ງ is followed by a vowel there.
        while k < len(w) and w[k] in TONE_MARKS:
            k += 1
        return _is_coda(w, k)
    return False


# vientiane_tone() as a table: _make runs once per syllable of every new chunk.
_TONE = {
    (cls, live, long, mark): vientiane_tone(cls, live=live, long=long, mark=mark)
    for cls in ("high", "mid", "low")
    for live in (False, True)
    for long in (False, True)
    for mark in ("", *TONE_MARKS)
}


def _make(
    text: str,
    onset: str,
    initial: str,
    cluster: str,
    cls: ConsonantClass,
    vowel: str,
    nucleus: str,
    coda: str,
    tone_mark: str,
    silent: str,
    implicit: bool,
) -> Syllable:
    long = nucleus in _LONG
    live = coda in LIVE_FINALS if coda else long or nucleus in _LIVE_SHORT
    tone = _TONE[cls, live, long, tone_mark]
    length: Literal["short", "long"] = "long" if long else "short"
    # positional: this runs once per distinct syllable in the text, keywords cost measurably
    return Syllable(
        text, onset, initial, cluster, vowel, nucleus, coda, tone_mark, silent, cls, live,
        length, tone, implicit,
    )  # fmt: skip


def _nucleus(w: str, i: int, pre: str, cluster: str) -> tuple[int, str, str, bool]:
    """Read the vowel signs after the onset: (next index, frame, nucleus, may take a coda)."""
    x = w[i : i + 1]  # w[k : k + 1]: the letter at k, or "" past the end
    if x in TONE_MARKS:
        i = _after_tones(w, i)
        x = w[i : i + 1]
    if not pre:
        if x == "ະ":
            return i + 1, "-ະ", "a", False
        if x == "ັ":
            i = _after_tones(w, i + 1)
            y = w[i : i + 1]
            if y == "ວ":
                return i + 1, "-ັວ-", "uə", True
            if y == "ຽ":
                return i + 1, "-ັຽ-", "iə", True
            if y == "ອ" and _sign_after(w, i + 1) not in NEEDS_ONSET:
                return i + 1, "-ັອ-", "ɔ", True
            return i, "-ັ-", "a", True
        if x == "າ":
            return i + 1, "-າ", "aː", True
        if x == "ຳ":
            return i + 1, "-ຳ", "am", False
        if x in _SIMPLE_ABOVE:
            if x == "ື":
                k = _after_tones(w, i + 1)
                if w[k : k + 1] == "ອ":  # -ືອ without ເ (misspelling of ເ-ືອ)
                    return k + 1, "ເ-ືອ", "ɯːə", True
            return i + 1, "-" + x, _SIMPLE_ABOVE[x], True
        if x == "ົ":
            i = _after_tones(w, i + 1)
            if w[i : i + 1] == "ວ":
                i = _after_tones(w, i + 1)
                if w[i : i + 1] == "ະ":
                    return i + 1, "-ົວະ", "uə", False
                return i, "-ົວ", "uːə", False
            return i, "-ົ-", "o", True
        if x == "ໍ":
            i = _after_tones(w, i + 1)
            if w[i : i + 1] == "າ":  # decomposed ຳ (normalize() composes it; tolerate it here)
                return i + 1, "-ຳ", "am", False
            return i, "-ໍ", "ɔː", False
        if x == "ຽ":
            return i + 1, "-ຽ-", "iːə", True
        if x == "ອ" and _sign_after(w, i + 1) not in NEEDS_ONSET:
            return i + 1, "-ອ", "ɔː", True
        if (
            x == "ວ"
            and cluster != "ວ"
            and (_sign_after(w, i + 1) not in NEEDS_ONSET or w[i + 1 : i + 2] == "ຽ")
        ):
            return i + 1, "-ວ", "uːə", True
        return i, "", "a", False
    if pre == "ເ":
        if x == "ະ":
            return i + 1, "ເ-ະ", "e", False
        if x == "ັ":
            i = _after_tones(w, i + 1)
            if w[i : i + 1] in ("ຍ", "ຽ"):
                y = w[i : i + 1]
                i += 1
                if w[i : i + 1] == "ະ":
                    return i + 1, f"ເ-ັ{y}ະ", "iə", False
                # ເ-ັຽ is long (ALA-LC īa, Wiktionary iːə); ເ-ັຍ short (§2.2)
                return i, f"ເ-ັ{y}", "iːə" if y == "ຽ" else "iə", False
            return i, "ເ-ັ-", "e", True
        if x == "າ":
            if w[i + 1 : i + 2] == "ະ":
                return i + 2, "ເ-າະ", "ɔ", False
            return i + 1, "ເ-າ", "ao", False
        if x == "ົ":
            i = _after_tones(w, i + 1)
            if w[i : i + 1] == "າ":
                return i + 1, "ເ-ົາ", "ao", False
            return i, "ເ-ົ", "ao", False
        if x == "ິ":
            if w[i + 1 : i + 2] == "ະ":
                return i + 2, "ເ-ິະ", "ɤ", False
            return i + 1, "ເ-ິ", "ɤ", True
        if x == "ີ":
            return i + 1, "ເ-ີ", "ɤː", True
        if x in ("ຶ", "ື"):
            k = _after_tones(w, i + 1)
            short = x == "ຶ"
            if w[k : k + 1] == "ອ":
                k += 1
                if short and w[k : k + 1] == "ະ":
                    return k + 1, "ເ-ຶອະ", "ɯə", False
                return k, f"ເ-{x}ອ", "ɯə" if short else "ɯːə", True
            return k, f"ເ-{x}", "ɯə" if short else "ɯːə", True
        if x == "ຍ" and _sign_after(w, i + 1) not in NEEDS_ONSET:
            return i + 1, "ເ-ຍ", "iːə", False
        return i, "ເ-", "eː", True
    if pre == "ແ":
        if x == "ະ":
            return i + 1, "ແ-ະ", "ɛ", False
        if x == "ັ":
            return _after_tones(w, i + 1), "ແ-ັ-", "ɛ", True
        return i, "ແ-", "ɛː", True
    if pre == "ໂ":
        if x == "ະ":
            return i + 1, "ໂ-ະ", "o", False
        return i, "ໂ-", "oː", True
    return i, pre + "-", "ai", False  # ໄ- ໃ-


def _scan(w: str) -> tuple[Piece, ...]:
    n = len(w)
    cancel = CANCEL in w  # silent letters are rare: look for them only in words with ◌໌
    out: list[Piece] = []
    i = 0
    while i < n:
        start = i
        pre = w[i] if w[i] in PREPOSED else ""
        if pre:
            i += 1
        if i >= n or w[i] not in CONSONANTS:
            # Not a syllable: a stray sign (or a preposed vowel with no consonant) and the
            # marks that lean on it.
            i += 1 if not pre else 0
            while i < n and w[i] not in CONSONANTS and w[i] not in PREPOSED:
                i += 1
            out.append(w[start:i])
            continue
        c = w[i]
        onset_start = i
        i += 1
        letter = initial = LIGATURES.get(c, c)
        cls = CONSONANT_CLASS[c]
        cluster = ""
        nx = w[i : i + 1]  # "" at the end
        if c == "ຫ" and nx in SONORANTS and _h_digraph(w, i, pre):
            initial = nx
            i += 1
        elif nx == SUBSCRIPT_LO:
            i += 1
            if c == "ຫ":
                initial = "ລ"
            else:
                cluster = "ລ"
        elif (
            nx == "ຣ"
            and c in _R_CLUSTER
            and _sign_after(w, i + 1) in NEEDS_ONSET
            and not (pre and _sign_after(w, i + 1) == "")
        ):
            cluster = "ຣ"
            i += 1
        if (
            not cluster
            and w[i : i + 1] == "ວ"
            and c not in "ວອຫ"
            and initial == letter
            and _medial_w(w, i, pre)
        ):
            cluster = "ວ"
            i += 1
        onset = w[onset_start:i]
        i, vowel, nucleus, closable = _nucleus(w, i, pre, cluster)
        implicit = vowel == ""
        coda = ""
        if closable:
            k = i
            while k < n and w[k] in TONE_MARKS:
                k += 1
            i = k
            if k < n and w[k] == "ຽ" and _final_yo(w, k):
                coda = "ຽ"
                i = k + 1
            elif k < n and w[k] in CONSONANTS and _is_coda(w, k, vowel.count("-") == 2):
                coda = w[k]
                i = k + 1
                if i < n and w[i] in (VIRAMA, YAMAKKAN):
                    i += 1
                if vowel in ("-ອ", "-ວ"):
                    vowel += "-"
        elif not implicit:
            while i < n and w[i] in TONE_MARKS:
                i += 1
        silent_start = i
        m = _SILENT.match(w, i) if cancel else None
        while m:
            i = m.end()
            m = _SILENT.match(w, i)
        silent = w[silent_start:i]
        tone_mark = ""
        for ch in w[onset_start:silent_start]:
            if ch in TONE_MARKS:
                tone_mark = ch
        out.append(
            _make(
                w[start:i],
                onset,
                initial,
                cluster,
                cls,
                vowel,
                nucleus,
                coda,
                tone_mark,
                silent,
                implicit,
            )
        )
    return tuple(out)


# Points where a syllable always starts and no decision on one side looks past: before a
# preposed vowel; after ະ or ຳ (unless a tone follows); before a consonant
# that follows a vowel sign or tone and carries its own vowel sign (not ອ ວ ຍ, which may belong
# to the frame: ເ-ຶອະ, -ົວະ); and one letter later, between a final and such a consonant (ບາຍ|ດີ:
# not after ອ ຫ ຮ ຢ ໜ ໝ, which are never finals, and not before ຣ, which may join the letter
# before it, nor ອ ວ ຍ).  A word is scanned in the independent chunks cut there: far fewer
# distinct strings to cache than words or Lao runs (a test checks that chunking changes nothing).
_ONSET_WITH_VOWEL = "(?=[\u0e81-\u0eae\u0edc-\u0edf][\u0ec8-\u0ecb]?[ະັາຳິີຶືຸູົໍຼຽ])"
_CHUNKS = re.compile(
    "(?=[ເແໂໄໃ])"
    "|(?<=[ະຳ])(?![\u0ec8-\u0ecb])"
    f"|(?<=[\u0eb0-\u0ebd\u0ec8-\u0ecb\u0ecd]){_ONSET_WITH_VOWEL}(?![ອວຍ])"
    "|(?<=[\u0eb0-\u0ebd\u0ec8-\u0ecb\u0ecd][\u0e81-\u0eae\u0edc-\u0edf])(?<![ອຫຮຢໜໝ])"
    f"{_ONSET_WITH_VOWEL}(?![ອວຍຣ])"
)


def chunks(word: str) -> list[str] | None:
    """Cut a word where a syllable always starts: pieces that scan alone as they do in the word.

    ``None`` when the word must be scanned whole: ◌໌ silences letters before it, so which
    syllable they join looks back past any cut (ກຳກ໌).

    >>> chunks("ສະບາຍດີ")
    ['ສະ', 'ບາຍ', 'ດີ']
    """
    if "\u0ecc" in word:
        return None
    return [chunk for chunk in _CHUNKS.split(word) if chunk]


@lru_cache(maxsize=1 << 16)
def scan_chunk(chunk: str) -> tuple[Piece, ...]:
    """:func:`scan_word` of one of the :func:`chunks` of a word, cached per distinct chunk.

    >>> [p.text for p in scan_chunk("ບາຍດີ")]
    ['ບາຍ', 'ດີ']
    """
    return _scan(chunk)


@lru_cache(maxsize=1 << 16)
def scan_word(word: str) -> tuple[Piece, ...]:
    """Split a run of Lao letters into syllables, keeping what is not a syllable as strings.

    Never raises: a stray sign (a vowel sign with no consonant, a lone tone mark) comes back as
    a ``str`` piece so that callers decide what to do with it.  Cached per distinct word.

    >>> [p if isinstance(p, str) else p.text for p in scan_word("ກ\u0eb4ນເຂົ້າ")]
    ['ກິນ', 'ເຂົ້າ']
    """
    cut = chunks(word)
    if cut is None:
        return _scan(word)
    out: list[Piece] = []
    for chunk in cut:
        for piece in scan_chunk(chunk):
            if isinstance(piece, str) and out and isinstance(out[-1], str):
                out[-1] += piece  # a stray run cut by a chunk boundary stays one piece
            else:
                out.append(piece)
    return tuple(out)


def clear_caches() -> None:
    """Forget every scanned word and chunk (for benchmarks: time a cold start)."""
    scan_word.cache_clear()
    scan_chunk.cache_clear()


def parse_word(word: str) -> list[Syllable]:
    """Split a Lao word into parsed syllables (the unit the romanisers work on).

    Implicit vowels are kept as syllables with ``implicit=True`` (ສຍາມ → ສ + ຍາມ).  Raises
    ``ValueError`` naming the part that is not a syllable.  The word should be normalised first
    (:func:`laotext.normalize`); :func:`laotext.romanize` does that.

    >>> [(s.text, s.nucleus) for s in parse_word("ຄວາມຮັກ")]
    [('ຄວາມ', 'aː'), ('ຮັກ', 'a')]
    >>> [s.implicit for s in parse_word("ສຍາມ")]
    [True, False]
    """
    if not isinstance(word, str):
        raise TypeError(f"parse_word() expects str, not {type(word).__name__}")
    pieces = scan_word(word)
    for p in pieces:
        if isinstance(p, str):
            raise ValueError(f"cannot parse {p!r} in {word!r} as a Lao syllable")
    return [p for p in pieces if isinstance(p, Syllable)]


def parse_syllable(text: str) -> Syllable:
    """Parse one written Lao syllable.

    Raises ``ValueError`` if ``text`` is not exactly one syllable.

    >>> s = parse_syllable("ໃຫຍ່")
    >>> s.onset, s.initial, s.vowel, s.tone_mark, s.consonant_class, s.live, s.tone
    ('ຫຍ', 'ຍ', 'ໃ-', '່', 'high', True, '˧')
    >>> s = parse_syllable("ຂວາງ")
    >>> s.onset, s.cluster, s.vowel, s.coda, s.length
    ('ຂວ', 'ວ', '-າ', 'ງ', 'long')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_syllable() expects str, not {type(text).__name__}")
    syllables = parse_word(text)
    if len(syllables) != 1:
        found = [s.text for s in syllables]
        raise ValueError(f"expected one Lao syllable, got {len(syllables)}: {found!r}")
    return syllables[0]
