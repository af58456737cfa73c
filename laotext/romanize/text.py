"""``romanize()``: running Lao text to a romanisation, word by word.

Steps: normalise (:func:`laotext.normalize`, so that ``romanize(x) == romanize(normalize(x))``),
split into words (:func:`laotext.segment.word_tokenize` when it is available, else runs of Lao
letters), parse each word into syllables, spell them with the system's tables.  Text that is
not Lao passes through unchanged; Lao digits become ASCII digits; ໆ repeats the previous word;
a run of vowel-less consonant tokens (ສ|ປ|ປ) is one abbreviation (SPP).  No state is kept
between calls, so a stream can be romanised line by line.

Speed.  With the compiled core, each line goes first through ``laotext._core.Romanizer``
(laotext/_romanize.c): the same steps in C (the C normaliser, the segmenter, the C speller, a word
cache), giving exactly what the path below gives, or None for the few lines it leaves to it (text
its normaliser does not decide, ໆ with no word before it, errors="strict" on text that is not a
syllable); tests/test_romanize_core.py compares the two.  The Python path: the unit of work is the
*Lao run*, a maximal run of characters of the Lao block: no normalisation rule and no word boundary
reaches across the non-Lao text between two runs (a run's words depend on the run alone, see
:mod:`laotext.segment`), so each distinct run is romanised once and kept, per set of options, in a
bounded cache; below it each distinct word is spelled once, and below that each distinct syllable
chunk is scanned and spelled once (:class:`~laotext.romanize.render.Speller`).  A line costs one
regular-expression split, a short check and one dictionary lookup per run once its runs have been
seen.  The runs of a line not seen yet are romanised together: joined by a newline, they are
normalised in one call, segmented in one call, and their words looked up and joined by ``str.join``
(``_plain``).  Normalisation is done per run, except on the lines where a rule can reach across
runs (Thai look-alikes, invisible characters, a space before a mark, a mark or ໆ at the start of a
run, text that is not NFC): those lines are normalised whole first.  Property tests check that both
ways agree, and that runs romanised together give what each gives alone.

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
from functools import lru_cache, partial
from operator import itemgetter
from typing import Literal, cast, get_args

from laotext.romanize.letters import CONSONANTS, LAO_DIGITS, REPEAT
from laotext.romanize.render import Errors, Speller
from laotext.romanize.render import clear_caches as _clear_render_caches
from laotext.romanize.syllable import clear_caches as _clear_scan_caches
from laotext.romanize.syllable import parse_word
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
_HAS_SPECIAL = re.compile("[\u0ed0-\u0ed9ຯໆ]").search
# Between the runs of a line segmented at once: not Lao, not a space (R11 removes a space before
# ໆ), so it is a token of its own and no normalisation rule reaches across it.
_SEP = "\n"
_FIRST = itemgetter(0)
_TWO_BARE = b"\x01\x01"  # two vowel-less tokens in a row, in bytes(map(bare.__contains__, tokens))
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
    per-call option checks.  The pattern is built from the normaliser's own character tables;
    it is searched in the text between the Lao runs of a line followed by the first letter of
    each run (see ``_Romanizer.__call__``), which is shorter than the line and finds the same.
    """
    try:
        # the module, not the function laotext.normalize that shadows it on the package
        n = importlib.import_module("laotext.normalize")
    except ImportError:  # pragma: no cover - the normaliser ships with laotext
        return str, None

    def normalize(text: str) -> str:
        normalized: str = n.normalize_with(text, n.DEFAULT_CONFIG)
        return normalized

    across = re.compile(
        f"[\u0e00-\u0e7f{n.INVISIBLES}]"  # Thai look-alikes (R3), invisibles next to Lao (R1)
        # a run that starts with a mark (NFC, R13), or with ໆ (a space before it is removed,
        # R11; so is a space before a mark, R7)
        f"|[{n.MARKS}{n.SARA_AM}{n.KO_LA}]"
    )
    return normalize, across


def _core_romanizer(
    system: System,
    errors: str,
    tones: bool,
    open_o: str,
    segment: bool,
    symbols: dict[str, str],
    fallback: Callable[[str], tuple[str, bool]],
    normalize: Callable[[str], str],
) -> Callable[[str], str | None] | None:
    """The compiled fast path (``laotext._core.Romanizer``) for these options, or None when the
    compiled core is not built (or the segmenter runs in Python).

    It romanises a whole line in C and returns None for the lines it leaves to the Python path
    (ໆ with no word before it, a re-entrant call, ...); words that its speller leaves to Python
    are spelled by ``fallback``, and lines that its normaliser does not decide (Thai, accented
    Latin, Cyrillic, ...) are normalised by ``normalize``.  tests/test_romanize_core.py checks
    that it gives what the Python path gives.
    """
    from laotext import _backend

    core = _backend.CORE
    if core is None or not hasattr(core, "Romanizer"):
        return None
    from laotext.romanize.ctables import speller_spec

    segmenter = None
    if segment:
        from laotext.segment import _default_core_segmenter

        segmenter = _default_core_segmenter()
        if segmenter is None:
            return None
    speller = core.WordSpeller(speller_spec(system, tones=tones, open_o=open_o, errors=errors))
    romanizer: Callable[[str], str | None] = core.Romanizer(
        segmenter, speller, fallback, symbols["ຯ"], symbols["ຯລຯ"], normalize
    )
    return romanizer


class _Words(dict[str, str]):
    """Word -> romanisation; a word not seen yet is spelled on lookup (``words[token]``).

    Beside the words: ``bare``, the vowel-less ones (two in a row merge into an abbreviation,
    see :func:`_merge_abbreviations`), and ``empty``, those spelled as nothing (dropped from
    the output), so that a list of tokens can be checked for either at C speed.  ``_SEP``, the
    separator between the runs of a batch, stands for itself.
    """

    __slots__ = ("bare", "empty", "spell")

    def __init__(self, spell: Callable[[str], str]) -> None:
        super().__init__()
        self.spell = spell
        self.bare: set[str] = set()
        self.empty: set[str] = set()
        self[_SEP] = _SEP

    def __missing__(self, word: str) -> str:
        spelled = self.spell(word)
        if _vowel_less(word):
            self.bare.add(word)
        if not spelled:
            self.empty.add(word)
        self[word] = spelled
        return spelled

    def reset(self) -> None:
        """Forget every word (the cache is bounded)."""
        self.clear()
        self.bare.clear()
        self.empty.clear()
        self[_SEP] = _SEP


class _Romanizer:
    """``romanize()`` for one set of options, with its caches (raw Lao run, word).

    A line costs a split and one lookup per Lao run once its runs have been seen.  The runs of
    a line that have not been seen are romanised together: normalised and segmented in one call
    each, joined by ``_SEP`` (no rule and no word reaches across it), and their words spelled
    and joined with ``str.join`` (:meth:`_plain`).  Lines with digits, ຯ or ໆ in those runs,
    and those where vowel-less words meet or a word is spelled as nothing, take the step-by-step
    :meth:`_run`, run by run (their words still segmented in one call, :meth:`_tokens`).
    """

    __slots__ = (
        "across",
        "cached_chars",
        "core",
        "errors",
        "normalize",
        "runs",
        "symbols",
        "tokenize",
        "words",
    )

    def __init__(
        self, system: System, errors: str, tones: bool, open_o: str, segment: bool
    ) -> None:
        self.errors = errors
        self.symbols = _SYMBOLS.get(system.name, _DEFAULT_SYMBOLS)
        self.tokenize = _word_tokenizer() if segment else None
        self.normalize, self.across = _normalizer()
        self.runs: dict[str, str] = {}  # raw Lao run -> romanised run
        self.cached_chars = 0
        speller = Speller(system, tones=tones, errors=errors, open_o=open_o)  # type: ignore[arg-type]
        self.words = _Words(speller)
        self.core = _core_romanizer(
            system, errors, tones, open_o, segment, self.symbols, self._spell, self.normalize
        )

    def _spell(self, word: str) -> tuple[str, bool]:
        """A word's spelling and whether it is vowel-less: for the compiled path's fallback."""
        words = self._spelled()
        spelled = words[word]
        return spelled, word in words.bare

    def __call__(self, text: str) -> str:
        """The Python path (:func:`romanize` tries ``self.core`` first)."""
        parts = _SPLIT_RUNS(text)
        if len(parts) == 1:
            return text  # no Lao: nothing to normalise or romanise
        raws = parts[1::2]
        normalized = False
        across = self.across
        if (
            across is None
            or across.search("".join(parts[0::2]) + "".join(map(_FIRST, raws)))
            or not unicodedata.is_normalized("NFC", text)
        ):
            parts = _SPLIT_RUNS(self.normalize(text))
            raws = parts[1::2]
            normalized = True
        found = list(map(self.runs.get, raws))
        if None in found:
            parts[1::2] = self._fill(raws, found, normalized)
        else:
            parts[1::2] = cast("list[str]", found)
        return "".join(parts)

    def _fill(self, raws: list[str], found: list[str | None], normalized: bool) -> list[str]:
        """Romanise the runs of a line not found in the cache (``None``), and cache them."""
        todo = [k for k, hit in enumerate(found) if hit is None]
        new = raws if len(todo) == len(raws) else [raws[k] for k in todo]
        joined = _SEP.join(new)
        if not normalized:
            # Run by run: no rule reaches across runs here (see _normalizer), nor across _SEP.
            joined = self.normalize(joined)
        out = cast("list[str]", found)
        batch = None if _HAS_SPECIAL(joined) else self._plain(joined, len(new))
        if batch is not None:
            self._keep(new, batch)
            for k, spelled in zip(todo, batch, strict=True):
                out[k] = spelled
            return out
        runs = joined.split(_SEP)
        tokens = self._tokens(runs)
        for k, run in zip(todo, runs, strict=True):
            previous = partial(self._last_word, raws, k, normalized)
            spelled, _, used_last = self._run(run, previous, tokens)
            if not used_last:
                self._keep([raws[k]], [spelled])
            out[k] = spelled
        return out

    def _keep(self, raws: list[str], spelled: list[str]) -> None:
        size = sum(map(len, raws))
        self.cached_chars += size
        if self.cached_chars > _RUN_CACHE_CHARS:
            self.runs.clear()
            self.cached_chars = size
        self.runs.update(zip(raws, spelled, strict=True))

    def _spelled(self) -> _Words:
        """The word cache, emptied first if full (so only between runs or batches)."""
        if len(self.words) >= _WORD_CACHE_SIZE:
            self.words.reset()
        return self.words

    def _plain(self, joined: str, count: int) -> list[str] | None:
        """Romanise ``count`` normalised runs without digits, ຯ or ໆ, joined by ``_SEP``, at
        once; None if they cannot be joined at once (two vowel-less words in a row, a word
        spelled as nothing), so that each takes :meth:`_run`."""
        words = self._spelled()
        if self.tokenize is None:  # one word per run: nothing to merge or drop
            return list(map(words.__getitem__, joined.split(_SEP)))
        tokens = self.tokenize(joined)
        spelled = list(map(words.__getitem__, tokens))
        if not words.empty.isdisjoint(tokens) or _TWO_BARE in bytes(
            map(words.bare.__contains__, tokens)
        ):
            return None
        out = " ".join(spelled).split(f" {_SEP} ")
        return out if len(out) == count else None

    def _tokens(self, runs: list[str]) -> dict[str, list[str]]:
        """The tokens of the words between digits, ຯ and ໆ in normalised runs, for :meth:`_run`:
        segmented in one call (joined by ``_SEP``), or left to it ({}) if that went wrong."""
        parts = [part for run in runs for part in _SPLIT_SPECIAL(run)[::2] if part]
        if self.tokenize is None or not parts:
            return {}
        tokens = self.tokenize(_SEP.join(parts))
        if tokens.count(_SEP) != len(parts) - 1:
            return {}
        found: dict[str, list[str]] = {}
        start = 0
        for part in parts[:-1]:
            end = tokens.index(_SEP, start)
            found[part] = tokens[start:end]
            start = end + 1
        found[parts[-1]] = tokens[start:]
        return found

    def _last_word(self, raws: list[str], k: int, normalized: bool) -> str:
        """The last word romanised before run ``k`` of a line ("" at its start): what ໆ
        repeats at the start of run ``k``.  Recomputed: runs that start with ໆ are rare."""
        for j in range(k - 1, -1, -1):
            run = raws[j] if normalized else self.normalize(raws[j])
            word = self._run(run, partial(self._last_word, raws, j, normalized), {})[1]
            if word is not None:
                return word
        return ""

    def _run(
        self, run: str, previous: Callable[[], str], tokens: dict[str, list[str]]
    ) -> tuple[str, str | None, bool]:
        """Romanise one normalised run step by step: (text, the last word in it or None, whether
        it called ``previous()`` for the word before the run).  ``tokens``: the tokens of some
        of its words (see :meth:`_tokens`)."""
        words = self._spelled()
        out: list[str] = []
        word: str | None = None
        used_last = False
        for part in _SPLIT_SPECIAL(run):
            if not part:
                continue
            if part == REPEAT:
                if word is None:
                    used_last = True
                    repeated = previous()
                else:
                    repeated = word
                if repeated:
                    out.append(repeated)
                elif self.errors == "strict":
                    raise ValueError("cannot romanize 'ໆ': no word before it to repeat")
                else:
                    out.append({"replace": "?", "ignore": "", "preserve": part}[self.errors])
            elif part[0] in LAO_DIGITS:
                out.append(part.translate(_DIGITS))
            elif part in self.symbols:
                out.append(self.symbols[part])
            else:
                cut = tokens.get(part)
                if cut is None:
                    cut = self.tokenize(part) if self.tokenize is not None else [part]
                for token in _merge_abbreviations(cut):
                    word = words[token]
                    out.append(word)
        return " ".join([w for w in out if w]), word, used_last


@lru_cache(maxsize=8192)
def _vowel_less(token: str) -> bool:
    """Whether a token is consonant letters with no vowel, written or carried by a letter.

    >>> _vowel_less("ສປປ"), _vowel_less("ຂອງ"), _vowel_less("ພວກ")
    (True, False, False)

    ຂອງ and ພວກ are written with consonant letters only, but ອ and ວ are their vowels.
    """
    return not token.strip(_CONSONANT_CHARS) and all(s.implicit for s in parse_word(token))


def _merge_abbreviations(tokens: list[str]) -> list[str]:
    """Join adjacent vowel-less tokens (:func:`_vowel_less`): ສ|ປ|ປ is the abbreviation ສປປ.

    The segmenter does not know abbreviations, so it may cut one into single letters; a
    consonant with no vowel is not a word of its own, so such a run is read as one.
    """
    if len(tokens) < 2:
        return tokens
    out: list[str] = []
    prev_bare = False
    for token in tokens:
        bare = _vowel_less(token)
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
    _vowel_less.cache_clear()


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
    if r.core is not None:
        done = r.core(text)
        if done is not None:
            return done
    return r(text) if text else ""
