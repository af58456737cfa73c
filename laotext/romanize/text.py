"""``romanize()``: running Lao text to a romanisation, word by word.

Steps: normalise (:func:`laotext.normalize`, so that ``romanize(x) == romanize(normalize(x))``),
split into words (:func:`laotext.segment.word_tokenize` when it is available, else runs of Lao
letters), parse each word into syllables, spell them with the system's tables.  Text that is
not Lao passes through unchanged; Lao digits become ASCII digits; ໆ repeats the previous word;
a run of vowel-less consonant tokens (ສ|ປ|ປ) is one abbreviation (SPP).  No state is kept
between calls, so a stream can be romanised line by line.

Speed.  The unit of work is the *Lao run*, a maximal run of characters of the Lao block: no
normalisation rule and no word boundary reaches across the non-Lao text between two runs (a
run's words depend on the run alone, see :mod:`laotext.segment`), so each distinct run is
romanised once and kept, per set of options, in a bounded cache; below it each distinct word
is spelled once, and below that the parser keeps each distinct syllable chunk.  A line costs
one regular-expression split and one dictionary lookup per run once its runs have been seen.
Normalisation is done per run too, except on the lines where a rule can reach across runs
(Thai look-alikes, invisible characters, a space before a mark, a mark at the start of a run,
text that is not NFC): those lines are normalised whole first.  A property test checks that
both ways agree.

>>> romanize("ສະບາຍດີ")
'sabaydi'
>>> romanize("ຫຼວງພະບາງ", system="alalc", segment=False)
'lūangphabāng'
>>> romanize("ດີໆ", system="ipa")
'diː˩˧ diː˩˧'
>>> romanize("ສ" "ປ" "ປ" "ລາວ")
'SPP lao'
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable
from typing import Literal, get_args

from laotext.romanize.letters import CONSONANTS, LAO_DIGITS, REPEAT
from laotext.romanize.render import Errors, render_word
from laotext.romanize.render import clear_caches as _clear_render_caches
from laotext.romanize.syllable import clear_caches as _clear_scan_caches
from laotext.romanize.syllable import scan_word
from laotext.romanize.systems import SYSTEMS, System

__all__ = ["romanize"]

SystemName = Literal["bgn", "alalc", "moh2020", "ipa"]
OpenO = Literal["ogonek", "half-ring"]

_ERRORS: tuple[str, ...] = get_args(Errors)
_OPEN_O: tuple[str, ...] = get_args(OpenO)
_LAO_BLOCK = "\u0e80-\u0eff"
# re.split with a group: non-Lao text at even indices, Lao runs at odd indices.
_SPLIT_RUNS = re.compile(f"([{_LAO_BLOCK}]+)").split
# Inside a run of Lao: digits, the ellipsis ຯ (and ຯລຯ "etc.") and ໆ are not words.
_SPLIT_SPECIAL = re.compile(r"([\u0ed0-\u0ed9]+|ຯລຯ|ຯ|ໆ)").split
_SYMBOLS: dict[str, dict[str, str]] = {
    "alalc": {"ຯ": "…", "ຯລຯ": "la"},  # LC table, special symbols
}
_DEFAULT_SYMBOLS = {"ຯ": "...", "ຯລຯ": "etc."}
_CONSONANT_CHARS = "".join(sorted(CONSONANTS))
_DIGITS = str.maketrans(LAO_DIGITS)

# Cache bounds: each cache is emptied when full, so memory stays bounded on any input.
_RUN_CACHE_CHARS = 1 << 23  # characters of Lao runs kept (with their romanisations)
_WORD_CACHE_SIZE = 1 << 17  # words kept

_Splitter = Callable[[str], list[str]]
_Normalizer = Callable[[str], str]


def _word_tokenizer() -> _Splitter | None:
    """laotext.segment.word_tokenize if that module is importable (it is optional here)."""
    try:
        from laotext.segment import word_tokenize
    except ImportError:  # pragma: no cover - the segmenter ships with laotext
        return None
    return word_tokenize


def _normalizer() -> tuple[_Normalizer, re.Pattern[str] | None]:
    """The default normalisation, and a pattern finding where it may reach across Lao runs.

    ``normalize_with(text, DEFAULT_CONFIG)`` is :func:`laotext.normalize.normalize` without the
    per-call option checks.  The pattern is built from the normaliser's own character tables.
    """
    try:
        # the module, not the function laotext.normalize that shadows it on the package
        n = importlib.import_module("laotext.normalize")
    except ImportError:  # pragma: no cover - the normaliser ships with laotext
        return str, None

    def normalize(text: str) -> str:
        normalized: str = n.normalize_with(text, n.DEFAULT_CONFIG)
        return normalized

    marks = n.MARKS + n.SARA_AM
    across = re.compile(
        f"[\u0e00-\u0e7f{n.INVISIBLES}]"  # Thai look-alikes (R3), invisibles next to Lao (R1)
        f"|[ \t][{marks}{n.KO_LA}]"  # a space before a mark or ໆ is removed (R11)
        f"|(?<![{_LAO_BLOCK}])[{marks}]"  # a run that starts with a mark (NFC, R13)
    )
    return normalize, across


class _Romanizer:
    """``romanize()`` for one set of options, with its caches (raw Lao run, word)."""

    __slots__ = (
        "across",
        "cached_chars",
        "errors",
        "normalize",
        "open_o",
        "runs",
        "symbols",
        "system",
        "tokenize",
        "tones",
        "words",
    )

    def __init__(
        self, system: System, errors: str, tones: bool, open_o: str, segment: bool
    ) -> None:
        self.system = system
        self.errors = errors
        self.tones = tones
        self.open_o = open_o
        self.symbols = _SYMBOLS.get(system.name, _DEFAULT_SYMBOLS)
        self.tokenize = _word_tokenizer() if segment else None
        self.normalize, self.across = _normalizer()
        # raw Lao run -> (romanised run, the last word in it or None): see _run()
        self.runs: dict[str, tuple[str, str | None]] = {}
        self.cached_chars = 0
        self.words: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        parts = _SPLIT_RUNS(text)
        n = len(parts)
        if n == 1:
            return text  # no Lao: nothing to normalise or romanise
        normalized = False
        across = self.across
        if across is None or across.search(text) or not unicodedata.is_normalized("NFC", text):
            parts = _SPLIT_RUNS(self.normalize(text))
            n = len(parts)
            normalized = True
        runs_get = self.runs.get
        last = ""  # the last romanised word, for ໆ
        for i in range(1, n, 2):
            raw = parts[i]
            hit = runs_get(raw)
            if hit is None:
                hit = self._miss(raw, last, normalized)
            parts[i], word = hit
            if word is not None:
                last = word
        return "".join(parts)

    def _miss(self, raw: str, last: str, normalized: bool) -> tuple[str, str | None]:
        run = raw if normalized or self.across is None else self.normalize(raw)
        out, word, used_last = self._run(run, last)
        if not used_last:
            self.cached_chars += len(raw)
            if self.cached_chars > _RUN_CACHE_CHARS:
                self.runs.clear()
                self.cached_chars = len(raw)
            self.runs[raw] = (out, word)
        return out, word

    def _run(self, run: str, last: str) -> tuple[str, str | None, bool]:
        """Romanise one normalised run: (text, the last word in it or None, used ``last``)."""
        out: list[str] = []
        word: str | None = None
        used_last = False
        for part in _SPLIT_SPECIAL(run):
            if not part:
                continue
            if part == REPEAT:
                if word is None:
                    used_last = True
                    previous = last
                else:
                    previous = word
                if previous:
                    out.append(previous)
                elif self.errors == "strict":
                    raise ValueError("cannot romanize 'ໆ': no word before it to repeat")
                else:
                    out.append({"replace": "?", "ignore": "", "preserve": part}[self.errors])
            elif part[0] in LAO_DIGITS:
                out.append(part.translate(_DIGITS))
            elif part in self.symbols:
                out.append(self.symbols[part])
            else:
                tokens = self.tokenize(part) if self.tokenize is not None else [part]
                words_get = self.words.get
                for token in _merge_abbreviations(tokens):
                    word = words_get(token)
                    if word is None:
                        word = self._word(token)
                    out.append(word)
        return " ".join([w for w in out if w]), word, used_last

    def _word(self, token: str) -> str:
        """Spell a word that is not in the word cache, and cache it."""
        word = render_word(
            scan_word(token),
            self.system,
            tones=self.tones,
            errors=self.errors,  # type: ignore[arg-type]
            open_o=self.open_o,  # type: ignore[arg-type]
        )
        if len(self.words) >= _WORD_CACHE_SIZE:
            self.words.clear()
        self.words[token] = word
        return word


def _merge_abbreviations(tokens: list[str]) -> list[str]:
    """Join adjacent tokens made only of consonants: ສ|ປ|ປ is the abbreviation ສປປ.

    The segmenter does not know abbreviations, so it may cut one into single letters; a
    consonant with no vowel is not a word of its own, so such a run is read as one.
    """
    if len(tokens) < 2:
        return tokens
    out: list[str] = []
    prev_bare = False
    for token in tokens:
        bare = not token.strip(_CONSONANT_CHARS)
        if bare and prev_bare:
            out[-1] += token
        else:
            out.append(token)
        prev_bare = bare
    return out


_ROMANIZERS: dict[tuple[str, str, bool, str, bool], _Romanizer] = {}


def _check(name: str, value: object, valid: tuple[str, ...]) -> None:
    if value not in valid:
        raise ValueError(f"{name}={value!r} is not one of {', '.join(map(repr, valid))}")


def _romanizer(system: str, errors: str, tones: bool, open_o: str, segment: bool) -> _Romanizer:
    _check("system", system, tuple(SYSTEMS))
    _check("errors", errors, _ERRORS)
    _check("open_o", open_o, _OPEN_O)
    r = _Romanizer(SYSTEMS[system], errors, tones, open_o, segment)
    _ROMANIZERS[system, errors, tones, open_o, segment] = r
    return r


def clear_caches() -> None:
    """Forget every romanised run and word (for benchmarks: time a cold start)."""
    _ROMANIZERS.clear()
    _clear_render_caches()
    _clear_scan_caches()


def romanize(
    text: str,
    *,
    system: SystemName = "bgn",
    errors: Errors = "replace",
    tones: bool = True,
    open_o: OpenO = "ogonek",
    segment: bool = True,
) -> str:
    """Romanise Lao text.

    Args:
        text: any text; what is not Lao is kept as it is.
        system: ``"bgn"`` (BGN/PCGN 1966, the default), ``"alalc"`` (ALA-LC), ``"moh2020"``
            (Ministry of Health 2020) or ``"ipa"`` (Vientiane IPA, Wiktionary conventions).
        errors: what to do with Lao that is not a syllable (a stray vowel sign or tone mark):
            ``"replace"`` writes ``?``, ``"ignore"`` drops it, ``"preserve"`` keeps it as is,
            ``"strict"`` raises ``ValueError`` naming it.
        tones: IPA only: write the tone contour after each syllable.
        open_o: ALA-LC only: ``"ogonek"`` writes ǫ ǭ (the printed table), ``"half-ring"``
            o̜ ō̜ (U+031C, the MARC-8 form found in catalogues).
        segment: split Lao runs into words (syllables of a word are joined, words are
            separated by spaces).  ``False`` treats each unbroken Lao run as one word, for
            names and headwords.

    >>> romanize("ແຂວງຫຼວງພະບາງ", system="moh2020", segment=False)
    'khoenglouangphabang'
    >>> romanize("ວັດ", system="alalc")
    'vat'
    >>> romanize("ເມືອງ 2023")
    'muang 2023'
    """
    if not isinstance(text, str):
        raise TypeError(f"romanize() expects str, not {type(text).__name__}")
    # `is` so that 1 or "yes" is not taken for True (they would also hit the cache key True).
    if tones is not True and tones is not False:
        raise TypeError("tones must be True or False")
    if segment is not True and segment is not False:
        raise TypeError("segment must be True or False")
    try:
        r = _ROMANIZERS.get((system, errors, tones, open_o, segment))
    except TypeError:  # an unhashable option: _romanizer() names the valid values
        r = None
    if r is None:
        r = _romanizer(system, errors, tones, open_o, segment)
    return r(text) if text else ""
