"""Spell parsed syllables in a system: table lookups plus the few rules a table names.

Rules (switched on by :attr:`System.rules`):

* ``ipa-glottal-stop``: a short open syllable ends in ʔ (ກະ kaʔ), as Wiktionary writes it.
* ``ipa-tones``: the Vientiane contour follows each syllable (unless ``tones=False``).
* ``hyphen-vowel-after-vowel``: a hyphen between a vowel letter and a vowel-initial syllable
  (MoH 2020 converter: xa-em); ``hyphen-vowel-after-vowel-or-g`` also after *ng* (BGN/PCGN,
  UNGEGN examples xa-ém, bankèng-i).
* ``moh-word-final-eh-oh``: MoH 2020 writes a word-final open ແ- as *eh*, -ອ/-ໍ as *oh*.
* ``abbreviation-capitals`` / ``abbreviation-letter-names``: a run of vowel-less consonants
  (ສປປ) is an abbreviation, written as capital initials (SPP) or, in IPA, as letter names
  (ກມ kɔː mɔː, as Wiktionary reads them).

>>> from laotext.romanize.syllable import parse_word
>>> from laotext.romanize.systems import SYSTEMS
>>> render_word(parse_word("ຂວາງ"), SYSTEMS["alalc"])
'khwāng'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import Literal

from laotext.romanize.letters import PALI_EQUIVALENT, PREPOSED
from laotext.romanize.syllable import Piece, Syllable, chunks, scan_chunk, scan_word
from laotext.romanize.systems import System
from laotext.romanize.tone import vientiane_tone

__all__ = ["Errors", "Speller", "render_syllable", "render_word"]

Errors = Literal["strict", "replace", "ignore", "preserve"]

_VOWEL_LETTERS = frozenset("aeiouyéèôêāēīōūǣæǫǭœưʻ")
_SHORT_OPEN_NO_STOP = frozenset(["ai", "ao", "am"])
_HALF_RING = str.maketrans({"ǫ": "o\u031c", "ǭ": "ō\u031c"})


# Letters spelled as another: Pali letters, and ຽ as a final (old spelling of ຍ: ຫລາຽ).
_EQUIVALENT = {**PALI_EQUIVALENT, "ຽ": "ຍ"}


def _letter(c: str) -> str:
    return _EQUIVALENT.get(c, c)


@lru_cache(maxsize=1 << 16)
def _render_cached(s: Syllable, system: System, tones: bool) -> str:
    return render_syllable(s, system, tones=tones)


def clear_caches() -> None:
    """Forget every spelled syllable (for benchmarks: time a cold start)."""
    _render_cached.cache_clear()


def render_syllable(s: Syllable, system: System, *, tones: bool = True) -> str:
    """Spell one syllable.

    >>> from laotext.romanize.syllable import parse_syllable
    >>> from laotext.romanize.systems import SYSTEMS
    >>> render_syllable(parse_syllable("ຄວາມ"), SYSTEMS["ipa"])
    'kʰuːə̯m˧˥'
    >>> render_syllable(parse_syllable("ຄວາມ"), SYSTEMS["bgn"])
    'khouam'
    """
    initial = system.initials[_letter(s.initial)]
    vowel = system.vowels[s.nucleus]
    cluster = system.clusters.get(s.cluster, "")
    if s.cluster == "ວ":
        preposed = s.vowel[:1] in PREPOSED
        if not preposed and s.nucleus in system.medial_w_vowels:
            vowel, cluster = system.medial_w_vowels[s.nucleus], ""
        elif preposed and system.medial_w_preposed is not None:
            cluster = system.medial_w_preposed
    onset = initial + cluster
    if cluster == "ʷ" and initial.endswith("ʰ"):
        onset = initial[:-1] + "ʷʰ"  # IPA writes labialisation before aspiration: kʷʰ
    coda = _letter(s.coda)
    final = system.finals_after.get((s.nucleus, coda))
    if final is None:
        final = system.finals.get(coda, "")
    out = onset + vowel + final
    if (
        "ipa-glottal-stop" in system.rules
        and not s.coda
        and s.length == "short"
        and s.nucleus not in _SHORT_OPEN_NO_STOP
    ):
        out += "ʔ"
    if tones and "ipa-tones" in system.rules:
        out += s.tone
    return out


def _abbreviation(run: Sequence[Syllable], system: System, tones: bool) -> str:
    if "abbreviation-letter-names" in system.rules:
        names = []
        for s in run:
            name = system.initials[_letter(s.initial)] + system.vowels["ɔː"]
            if tones and "ipa-tones" in system.rules:
                name += vientiane_tone(s.consonant_class, live=True, long=True, mark="")
            names.append(name)
        return system.syllable_separator.join(names)
    return "".join(system.initials[_letter(s.initial)].capitalize() or "O" for s in run)


def _final_h(s: Syllable, spelled: str, system: System) -> bool:
    """MoH 2020: does ``s``, spelled ``spelled``, take an *h* at the end of a word (eh, oh)?"""
    return (
        "moh-word-final-eh-oh" in system.rules
        and not s.coda
        and s.nucleus in ("ɛː", "ɛ", "ɔː", "ɔ")
        and spelled[-1:] in ("e", "o")
    )


def _join(parts: Sequence[str], system: System) -> str:
    rules = system.rules
    hyphen_g = "hyphen-vowel-after-vowel-or-g" in rules
    hyphen = hyphen_g or "hyphen-vowel-after-vowel" in rules
    if not hyphen:
        return system.syllable_separator.join(parts)
    out = parts[0]
    for part in parts[1:]:
        sep = system.syllable_separator
        if (
            hyphen
            and out
            and part
            and part[0] in _VOWEL_LETTERS
            and (out[-1] in _VOWEL_LETTERS or (hyphen_g and out[-1] == "g"))
        ):
            sep = "-"
        out += sep + part
    return out


def render_word(
    pieces: Sequence[Piece],
    system: System,
    *,
    tones: bool = True,
    errors: Errors = "replace",
    open_o: Literal["ogonek", "half-ring"] = "ogonek",
) -> str:
    """Spell the syllables of one word, joined by the system's convention.

    ``pieces`` come from :func:`~laotext.romanize.syllable.scan_word`; a ``str`` piece is text
    that is not a syllable and is handled per ``errors``.

    >>> from laotext.romanize.syllable import scan_word
    >>> from laotext.romanize.systems import SYSTEMS
    >>> render_word(scan_word("ສປປ"), SYSTEMS["bgn"])
    'SPP'
    >>> render_word(scan_word("ຊະເອມ"), SYSTEMS["bgn"])
    'xa-ém'
    """
    words: list[str] = []  # an abbreviation stands apart from the syllables around it
    parts: list[str] = []
    n = len(pieces)
    i = 0
    while i < n:
        p = pieces[i]
        if isinstance(p, str):
            if errors == "strict":
                raise ValueError(f"cannot romanize {p!r}: not a Lao syllable")
            parts.append({"replace": "?", "ignore": "", "preserve": p}[errors])
            i += 1
            continue
        if p.implicit:
            j = i
            while j < n and isinstance(pieces[j], Syllable) and pieces[j].implicit:  # type: ignore[union-attr]
                j += 1
            if j - i >= 2 or n == 1:
                if parts:
                    words.append(_join(parts, system))
                    parts = []
                run = [q for q in pieces[i:j] if isinstance(q, Syllable)]
                words.append(_abbreviation(run, system, tones))
                i = j
                continue
        parts.append(_render_cached(p, system, tones))
        i += 1
    if parts:
        last = pieces[-1]
        if isinstance(last, Syllable) and _final_h(last, parts[-1], system):
            parts[-1] += "h"
        words.append(_join(parts, system))
    out = " ".join(w for w in words if w)
    if open_o == "half-ring":
        out = out.translate(_HALF_RING)
    return out


# Chunks kept per Speller; the cache is emptied when full, so memory stays bounded on any input.
_CHUNK_CACHE_SIZE = 1 << 16


class Speller:
    """Spell whole words in one system with one set of options: what :func:`romanize` uses.

    ``Speller(system, ...)(word)`` is ``render_word(scan_word(word), system, ...)``, computed
    from the chunks of the word (:func:`~laotext.romanize.syllable.chunks`): each distinct
    chunk is scanned and spelled once and kept as its syllables' spellings, so a new word costs
    one split and a join.  A word with a part that is not a syllable or with an implicit vowel
    (their spelling looks across chunks) takes :func:`render_word`.

    >>> from laotext.romanize.systems import SYSTEMS
    >>> spell = Speller(SYSTEMS["bgn"])
    >>> spell("ສະບາຍດີ"), spell("ຊະເອມ"), spell("ສປປ")
    ('sabaydi', 'xa-ém', 'SPP')
    """

    __slots__ = ("_chunks", "_final_h", "_join", "errors", "open_o", "system", "tones")

    def __init__(
        self,
        system: System,
        *,
        tones: bool = True,
        errors: Errors = "replace",
        open_o: Literal["ogonek", "half-ring"] = "ogonek",
    ) -> None:
        self.system = system
        self.tones = tones
        self.errors = errors
        self.open_o = open_o
        # chunk -> the spellings of its syllables, () when the chunk needs render_word
        self._chunks: dict[str, tuple[str, ...]] = {}
        self._final_h: set[str] = set()  # chunks whose last syllable takes an h word-finally
        hyphens = {"hyphen-vowel-after-vowel", "hyphen-vowel-after-vowel-or-g"} & system.rules
        self._join: Callable[[list[str]], str] = (
            partial(_join, system=system) if hyphens else system.syllable_separator.join
        )

    def __call__(self, word: str) -> str:
        cut = chunks(word)
        if not cut:  # None: ◌໌ in the word; []: the empty word
            return self._render(word)
        parts: list[str] = []
        known = self._chunks.get
        for chunk in cut:
            spelled = known(chunk)
            if spelled is None:
                spelled = self._chunk(chunk)
            if not spelled:
                return self._render(word)
            parts += spelled
        if cut[-1] in self._final_h:
            parts[-1] += "h"
        out = self._join(parts)
        return out.translate(_HALF_RING) if self.open_o == "half-ring" else out

    def _render(self, word: str) -> str:
        return render_word(
            scan_word(word), self.system, tones=self.tones, errors=self.errors, open_o=self.open_o
        )

    def _chunk(self, chunk: str) -> tuple[str, ...]:
        """Spell the syllables of a chunk not seen yet, and keep them."""
        if len(self._chunks) >= _CHUNK_CACHE_SIZE:
            self._chunks.clear()
            self._final_h.clear()
        pieces = scan_chunk(chunk)
        syllables = [p for p in pieces if isinstance(p, Syllable) and not p.implicit]
        spelled: tuple[str, ...] = ()
        if len(syllables) == len(pieces):
            spelled = tuple([_render_cached(p, self.system, self.tones) for p in syllables])
            if _final_h(syllables[-1], spelled[-1], self.system):
                self._final_h.add(chunk)
        self._chunks[chunk] = spelled
        return spelled
