"""Lao word segmentation: syllable clusters, a lexicon lattice, and one dynamic programme.

This docstring is the specification that every backend (this pure-Python reference and the
compiled ``laotext._core``) implements bit for bit.

Algorithm
---------
1. **Scan.**  ``CLUSTER_RE`` (:mod:`laotext.syllables`) cuts the text into clusters.  A cluster
   whose first character is in U+0E81..U+0EC4, U+0EC8..U+0ECE or U+0EDC..U+0EDF (Lao letters,
   leading vowels, and *stray* vowel signs or tone marks that the scanner could not attach) is a
   *Lao cluster*.  Every other cluster is a *hard boundary* token of its own: whitespace runs,
   digit runs with their separators (``1,000.50``, Lao digits too), runs of letters of other
   scripts, ZWSP, punctuation and quotes, ຯ, and ໆ (see 5).  A maximal sequence of Lao clusters
   is a *Lao run*; it is also a maximal run of the characters above, so the text can be cut into
   Lao and non-Lao runs first and each scanned on its own.
2. **Keys.**  Each Lao cluster gets its canonical key (:func:`laotext.lexicon.cluster_key`); a
   word's key is the concatenation of its clusters' keys, so a lookup never depends on how the text
   spells ຳ, ໜ, ໝ, ຫຼ or the order of its marks.  Tokens are always slices of the original text.
3. **Lattice + DP**, per run of ``n`` cluster keys ``k[0..n)``.  The table maps a key string to
   ``cost << 2 | flags`` (``IS_WORD`` = 1, ``IS_PREFIX`` = 2).  Edges leaving position ``i``:

   - an *unknown* edge ``i -> i+1`` of weight ``(1, 0, 0)``;
   - for ``j = i, i+1, ...``: ``s = k[i] + ... + k[j]``; stop when ``s`` is not in the table;
     if ``IS_WORD``, a *word* edge ``i -> j+1`` of weight ``(0, cost + tail(j+1),
     1 if j == i else 0)``; stop after ``j`` when ``IS_PREFIX`` is not set.

   ``tail(e)`` is the *boundary cost* of a word ending before cluster ``e``.  Without a context
   (the shipped lexicon, any ``Tokenizer`` built from words) it is 0.  A trained model's
   :class:`Context` gives it: for ``0 < e < n``, the cost of the pair ``(k[e-1], k[e])`` in
   ``Context.boundaries``, else ``Context.boundary_default``; ``tail(n) = 0``.  It depends only
   on the two clusters around the boundary, so the DP stays first order and linear.  Unknown
   edges pay no boundary cost.  All costs are integers >= 0.

   Path weights add component-wise and compare lexicographically: fewest unknown clusters, then
   the smallest total cost, then fewest single-cluster words.  ``best[0] = (0, 0, 0)``; positions
   are relaxed in increasing ``i``; at each ``i`` the unknown edge is relaxed first, then word
   edges in increasing ``j``; an edge replaces the current best of its end only when *strictly*
   better.  So among equal paths to a position the one whose last edge starts earliest wins (the
   longest last token), which makes the result independent of dictionary order.
4. **Back-trace and merge.**  Follow the back pointers from ``n``; consecutive unknown edges
   merge into one token (an unknown word stays whole; it is never cut between its clusters).
5. **Non-Lao runs and ໆ.**  Each non-Lao cluster is a token, except that a cluster equal to the
   previous one merges with it when it is a single symbol character (punctuation or ໆ: not a
   letter, digit, whitespace, ZWSP or ``"``; ຯ counts as a letter): ``..``, ``!!!``, ``''``,
   ``ໆໆ``, as both development corpora write them.  A ``"`` is always a token of its own.
   Both corpora attach ໆ to the word before it (ດີໆ, ຕ່າງໆ): a ໆ run that directly follows a
   Lao token (no space between) extends that token instead.  A trained model's
   :class:`Context` may say otherwise: with ``repeat_separate`` the ໆ run stays a token of its
   own, and the Lao tokens listed in ``repeat_exceptions`` (compared as spelled) get the opposite
   of ``repeat_separate``.  The Lao tokens come from steps 1-4, so this never changes them.
   Last, left to right, a token that is one hyphen (``-``, U+2010 or U+2011) joins the tokens on
   both sides into one when the character after it is a decimal digit and the one before it a
   letter or a Lao vowel sign or mark (U+0EB1..U+0ECE): a word and its number (ໂຄວິດ-19,
   COVID-19, AMM-54); or when both are letters of the Latin script (Coca-Cola, and so
   SARS-CoV-2).  A hyphen between Lao words (ລາວ-ຈີນ), between numbers (2016-2021) or next to a
   space stays a token of its own, as the HVU corpus writes them.

The work is linear: every position tries at most as many extensions as the longest entry has
characters, and each step is one dictionary lookup.  In the pure-Python backend the weight tuple is
packed into one integer per run: ``unknown * U + cost * S + singles`` with ``S = n + 1`` and
``U = S * (n * max_cost + 1)``, which orders exactly as the tuple does (``max_cost`` is the
largest word cost plus, with a context, the largest boundary cost).  The compiled core implements
the same steps, contexts included.

Granularity changes only the table, never the DP, and comes from the lexicon's own structure
(an entry that is a sequence of other entries is a *compound*; compare SudachiPy's split modes):

- ``"medium"`` (default): the lexicon as shipped.  Close to the Yunshan-Cup convention, which
  writes ການ/ຄວາມ + verb and many function-word compounds as one word.
- ``"fine"``: :func:`laotext.lexicon.fine_entries`.  Compounds that are *phrases*
  (:func:`laotext.lexicon.phrase_entries`: they start with a function word such as ບໍ່, ທີ່,
  ການ, ຄວາມ, ຄົນ, ທຸກ, or end with ວ່າ, ແມ່ນ, ໃຫ້; conjunctions such as ເພາະວ່າ and the
  superlative ທີ່ສຸດ stay words) are removed, so they split into their parts; so are rare
  one-cluster entries (cost >= :data:`laotext.lexicon.RARE_SINGLE_COST`), so that an unknown name
  stays one token (ຮ່າໂນ້ຍ, not ຮ່າ|ໂນ້ຍ).  Close to the HVU convention.
- ``"coarse"``: every compound costs no more than its cheapest part, so the longest compounds win.

Tie-breaking, stray marks: ties are broken as in step 3 (deterministic, independent of the
order of the lexicon).  A stray vowel sign or tone mark is a Lao cluster of its own; it is never
dropped, and as an unknown cluster it merges with its unknown neighbours.
"""

from __future__ import annotations

import os
import re
import threading
from array import array
from collections.abc import Iterable
from itertools import accumulate, pairwise
from types import ModuleType
from typing import Any, Literal, NamedTuple

from laotext.lexicon import (
    IS_PREFIX,
    IS_WORD,
    Lexicon,
    WordSpec,
    cluster_key,
    compound_parts,
    default_words,
    entries_from_specs,
    fine_entries,
)
from laotext.syllables import ASCII_CLUSTER_RE, CLUSTER_RE

__all__ = ["Context", "Tokenizer", "backend", "word_tokenize"]

Granularity = Literal["fine", "medium", "coarse"]
GRANULARITIES: tuple[str, ...] = ("fine", "medium", "coarse")
BACKENDS: tuple[str, ...] = ("auto", "python", "compiled")
ENGINES: tuple[str, ...] = ("laotext", "icu")

_REPEAT = "\u0ec6"
_LAO_START = frozenset(
    [chr(c) for c in range(0x0E81, 0x0EC5)]
    + [chr(c) for c in range(0x0EC8, 0x0ECF)]
    + [chr(c) for c in range(0x0EDC, 0x0EE0)]
) - {"\u0eaf"}  # ຯ is punctuation


class Context(NamedTuple):
    """What a trained model adds to its lexicon (steps 3 and 5 of the module docstring).

    ``boundaries`` holds ``(left key, right key, cost)``: a word that ends between clusters with
    these keys pays ``cost``, and one that ends between any other two pays ``boundary_default``.
    ``repeat_separate`` says whether ໆ is a token of its own after a Lao token, except after the
    words in ``repeat_exceptions`` (as spelled: a corpus may treat spelling variants apart).
    :meth:`Tokenizer.train` learns all of it.
    """

    boundaries: tuple[tuple[str, str, int], ...] = ()
    boundary_default: int = 0
    repeat_separate: bool = False
    repeat_exceptions: tuple[str, ...] = ()


class _ContextTable:
    """A context as the segmenter looks it up: ``left + " " + right`` -> boundary cost."""

    __slots__ = ("default", "exceptions", "max_cost", "pairs", "separate")

    def __init__(self, context: Context) -> None:
        self.pairs = {f"{left} {right}": cost for left, right, cost in context.boundaries}
        self.default = context.boundary_default
        self.max_cost = max([self.default, *self.pairs.values()])
        self.separate = context.repeat_separate
        self.exceptions = frozenset(context.repeat_exceptions)

    def tails(self, keys: list[str]) -> list[int]:
        """``tail[e]``: the boundary cost of a word ending before cluster ``e`` (``tail(e)`` of
        step 3; ``tail[0]`` is never used, and ``tail[n] = 0``)."""
        get = self.pairs.get
        default = self.default
        return [0, *[get(f"{a} {b}", default) for a, b in pairwise(keys)], 0]

    def separates_repeat(self, word: str) -> bool:
        """Whether a ໆ run after the Lao token ``word`` is a token of its own (step 5)."""
        return self.separate != (word in self.exceptions)


def _dp(
    keys: list[str],
    offsets: list[int],
    table: dict[str, int],
    max_cost: int,
    context: _ContextTable | None = None,
) -> list[int]:
    """Token lengths (characters) of the best path over one run of cluster keys (steps 3-4).

    ``offsets[e]`` is where cluster ``e`` starts in the run (``offsets[n]``: the run's length).
    """
    n = len(keys)
    tail = [0] * (n + 1) if context is None else context.tails(keys)
    unit = n + 1  # one unit of cost outweighs any number of single-cluster words
    unknown = unit * (n * max_cost + 1)  # one unknown cluster outweighs any total cost
    best = [unknown * (n + 1)] * (n + 1)
    # The start of the best last edge into each position; ``~start`` (negative) for an unknown
    # edge: one list instead of two saves a store per relaxation.
    back = [0] * (n + 1)
    best[0] = 0
    get = table.get
    for i, key in enumerate(keys):
        base = best[i]
        end = i + 1
        value = get(key, 0)  # 0 for a key not in the table: neither a word nor a prefix
        if value & IS_WORD:
            # The unknown edge i -> i+1 is not relaxed: this word edge over the same cluster has
            # one unknown cluster fewer, so it beats the unknown edge whichever of the two is
            # relaxed first, and best[end] and back[end] end up the same without it.
            weight = base + ((value >> 2) + tail[end]) * unit + 1  # + 1: a single-cluster word
            if weight < best[end]:
                best[end] = weight
                back[end] = i
        else:
            weight = base + unknown
            if weight < best[end]:
                best[end] = weight
                back[end] = ~i
        while value & IS_PREFIX and end < n:
            key += keys[end]
            value = get(key, 0)
            if not value:  # not in the table (or neither a word nor a prefix): the walk ends
                break
            end += 1
            if value & IS_WORD:
                weight = base + ((value >> 2) + tail[end]) * unit
                if weight < best[end]:
                    best[end] = weight
                    back[end] = i
    lengths: list[int] = []
    j = n
    while j > 0:
        i = back[j]
        if i < 0:  # merge a run of unknown clusters
            i = ~i
            while i > 0 and back[i] < 0:
                i = ~back[i]
        lengths.append(offsets[j] - offsets[i])
        j = i
    lengths.reverse()
    return lengths


_KEYS: dict[str, str] = {}


def _is_symbol(char: str) -> bool:
    """Symbols that repeat into one token: punctuation and ໆ (not letters, digits, whitespace,
    ZWSP, ຯ or the double quote, which both corpora keep one a token: ``"|"``)."""
    if char == '"':
        return False
    return not (char.isalnum() or char.isspace() or char == "\u200b") or char == _REPEAT


_LAO_CLASS = "\u0e81-\u0eae\u0eb0-\u0ec4\u0ec8-\u0ece\u0edc-\u0edf"  # = _LAO_START
# Lao runs are maximal runs of characters that start a Lao cluster: no Lao cluster holds any
# other character, and no other cluster holds one of these, so cutting the text into such runs
# first gives the same clusters as scanning it whole (the tests check this).
_RUN_RE = re.compile(f"[{_LAO_CLASS}]+|[^{_LAO_CLASS}]+")
_findall = CLUSTER_RE.findall
_ascii_findall = ASCII_CLUSTER_RE.findall


def _run_keys(clusters: list[str]) -> list[str]:
    """The keys of a run's clusters, from the cache when possible."""
    keys = _KEYS
    try:
        return list(map(keys.__getitem__, clusters))  # the common case: every cluster known
    except KeyError:
        pass
    if len(keys) > 200_000:  # random input must not grow the cache without bound
        keys.clear()
    found = []
    for cluster in clusters:
        key = keys.get(cluster)
        if key is None:
            key = keys[cluster] = cluster_key(cluster)
        found.append(key)
    return found


def _lao_run_lengths(
    run: str, table: dict[str, int], max_cost: int, context: _ContextTable | None
) -> list[int]:
    """Token lengths of one Lao run: steps 2-4."""
    clusters = _findall(run)
    if len(clusters) == 1:
        return [len(run)]
    offsets = list(accumulate(map(len, clusters), initial=0))
    return _dp(_run_keys(clusters), offsets, table, max_cost, context)


def _other_lengths(run: str) -> list[int]:
    """Token lengths of a run of non-Lao clusters: steps 1 and 5.

    A leading ໆ run is the first token here; the caller attaches it to a Lao token before it.
    """
    lengths: list[int] = []
    previous = ""
    for cluster in _ascii_findall(run) if run.isascii() else _findall(run):
        # "..", "!!!", "''", "ໆໆ": one token.  Equal neighbours are rare, so _is_symbol runs
        # only for them.
        if cluster == previous and len(cluster) == 1 and _is_symbol(cluster):
            lengths[-1] += 1
        else:
            lengths.append(len(cluster))
        previous = cluster
    return lengths


_HYPHENS = "-\u2010\u2011"


def _is_latin(char: str) -> bool:
    """A letter of the Latin script (basic, supplement, extended and Vietnamese blocks)."""
    return char.isalpha() and (char < "\u0250" or "\u1e00" <= char <= "\u1eff")


def _joins_hyphen(before: str, after: str) -> bool:
    """Whether a lone hyphen between these two characters joins them (step 5): a word and a
    number (ໂຄວິດ-19, COVID-19: a letter or a Lao vowel sign or mark before), or two Latin words
    (Coca-Cola)."""
    if after.isdecimal():
        return before.isalpha() or "\u0eb1" <= before <= "\u0ece"
    return _is_latin(before) and _is_latin(after)


def _join_hyphens(text: str, ends: list[int]) -> list[int]:
    """The token ends after step 5's hyphen joins: a lone-hyphen token between a word and a
    number, or between two Latin words, joins both into one token (left to right, so that
    SARS-CoV-2 becomes one)."""
    out: list[int] = []
    for end in ends:
        if len(out) >= 2:
            pos = out[-1]  # where this token starts; out[-2] == pos - 1: a one-character token
            if (
                out[-2] == pos - 1
                and text[pos - 1] in _HYPHENS
                and _joins_hyphen(text[pos - 2], text[pos])
            ):
                out.pop()
                out[-1] = end
                continue
        out.append(end)
    return out


_RUN_CACHE_LIMIT = 100_000
_CACHED_RUN_LENGTH = 48


def _boundaries(
    text: str,
    table: dict[str, int],
    max_cost: int,
    runs: dict[str, list[int]],
    context: _ContextTable | None = None,
) -> list[int]:
    """End offsets of the tokens of ``text`` (steps 1-5); the last one is ``len(text)``.

    ``runs`` caches the token lengths of short runs: text repeats its words and spaces, and a
    run's tokens depend only on the run.  Lengths rather than ends: a cached run's tokens then
    join the text's with one ``+=``, and a single ``accumulate`` at the end turns them into
    offsets.  A run that starts with ໆ may join the token before it, so it is never cached: a
    cached run then needs no test at all, and ໆ runs are rare.
    """
    lengths: list[int] = []
    previous = ""  # the run before this one
    for run in _RUN_RE.findall(text):
        tokens = runs.get(run)
        if tokens is None:
            if run[0] in _LAO_START:
                tokens = _lao_run_lengths(run, table, max_cost, context)
            else:
                tokens = _other_lengths(run)
            if run[0] != _REPEAT:
                if len(run) <= _CACHED_RUN_LENGTH:
                    if len(runs) >= _RUN_CACHE_LIMIT:  # bounded: random input must not grow it
                        runs.clear()
                    runs[run] = tokens
            # Lao and non-Lao runs alternate: a ໆ run after another run follows a Lao run, and
            # lengths[-1] is that run's last token.
            elif lengths and (
                context is None or not context.separates_repeat(previous[-lengths[-1] :])
            ):
                lengths[-1] += tokens.pop(0)  # ດີໆ: ໆ extends the Lao token before it
        lengths += tokens
        previous = run
    ends = list(accumulate(lengths))
    if "-" in text or "\u2010" in text or "\u2011" in text:
        return _join_hyphens(text, ends)  # after the runs: a join may reach across two of them
    return ends


class _Tables:
    """What a recipe builds once per process: its entries (key -> cost), its context (if any),
    the largest edge cost, and, each on first use, the pure-Python lookup table and the compiled
    segmenter.  Only the backend in use is built: the compiled one derives the prefix flags in C,
    so loading the default lexicon for it skips building the (large) Python table."""

    __slots__ = ("_compiled", "_table", "context", "entries", "max_cost", "runs")

    def __init__(self, entries: dict[str, int], context: Context | None = None) -> None:
        self.entries = entries
        self.runs: dict[str, list[int]] = {}
        self.context = None if context is None else _ContextTable(context)
        self.max_cost = max(entries.values(), default=0)
        if self.context is not None:
            self.max_cost += self.context.max_cost  # a word edge pays a cost and a boundary
        self._table: dict[str, int] | None = None
        self._compiled: Any = None

    @property
    def table(self) -> dict[str, int]:
        """The pure-Python backend's lookup table (:attr:`laotext.lexicon.Lexicon.table`)."""
        if self._table is None:
            with _CACHE_LOCK:
                if self._table is None:
                    self._table = Lexicon.build(self.entries).table
        return self._table

    def compiled(self) -> Any:
        if self._compiled is None:
            from laotext._backend import CompiledSegmenter

            with _CACHE_LOCK:
                if self._compiled is None:
                    # Words only: the core flags every proper prefix of a word as IS_PREFIX
                    # itself, exactly as Lexicon.build does.
                    words = {key: cost << 2 | IS_WORD for key, cost in self.entries.items()}
                    self._compiled = CompiledSegmenter(words, context=self.context)
        return self._compiled


_CACHE: dict[tuple[Any, ...], _Tables] = {}
_CACHE_LOCK = threading.Lock()


def _check_choice(name: str, value: object, valid: tuple[str, ...]) -> None:
    if value not in valid:
        choices = ", ".join(repr(v) for v in valid)
        raise ValueError(f"{name} must be one of {choices}, not {value!r}")


def _check_text(text: object, where: str) -> None:
    if not isinstance(text, str):
        raise TypeError(f"{where} expects str, not {type(text).__name__}")


def backend() -> str:
    """The backend that ``backend="auto"`` uses in this process: ``"compiled"`` or ``"python"``.

    The compiled core (``laotext._core``) is used whenever it was built at install time; it gives
    the same tokens as the pure-Python reference (``tests/test_core.py`` proves it on the
    development corpora and on generated text).

    >>> backend() in ("compiled", "python")
    True
    """
    glue = _GLUE or _load_glue()
    return "python" if glue.CORE is None else "compiled"


# laotext._backend, imported on first use (importing it loads the compiled core), and read
# attribute by attribute afterwards: an import statement on every call cost 0.6 µs, a third of
# a short tokenize() call.
_GLUE: ModuleType | None = None


def _load_glue() -> ModuleType:
    global _GLUE
    import laotext._backend as glue

    _GLUE = glue
    return glue


def _granular_entries(entries: dict[str, int], granularity: str) -> dict[str, int]:
    """The entries the table of a granularity holds (see the module docstring)."""
    if granularity == "medium":
        return entries
    if granularity == "fine":
        return fine_entries(entries)
    # coarse: a compound costs no more than the cheapest of its parts, so it beats any split
    coarse = dict(entries)
    for key, split in compound_parts(entries).items():
        coarse[key] = min(coarse[key], min(entries[p] for p in split))
    return coarse


class Tokenizer:
    """A word segmenter: an immutable, picklable recipe whose tables are built on first use.

    ``words`` replaces the shipped lexicon (words, or ``(word, cost)`` pairs with integer costs);
    ``extra_words`` adds to it.  The tables are built once per process for each distinct recipe and
    shared by every equal ``Tokenizer``; pickling keeps only the recipe.

    >>> tok = Tokenizer(extra_words=["ແຊ່ເນິນ"])
    >>> tok.tokenize("ທ່ານແຊ່ເນິນ ຈາກສະຖານທູດ")
    ['ທ່ານ', 'ແຊ່ເນິນ', ' ', 'ຈາກ', 'ສະຖານທູດ']
    >>> tok.spans("ລາວ ດີ")
    [(0, 3), (3, 4), (4, 6)]
    """

    __slots__ = ("_backend", "_context", "_extra", "_granularity", "_tables", "_words")

    _words: tuple[WordSpec, ...] | None
    _extra: tuple[WordSpec, ...]
    _backend: str
    _granularity: str
    _context: Context | None
    _tables: _Tables | None

    def __init__(
        self,
        *,
        words: Iterable[WordSpec] | None = None,
        extra_words: Iterable[WordSpec] = (),
        backend: Literal["auto", "python", "compiled"] = "auto",
        granularity: Granularity = "medium",
        context: Context | None = None,
    ) -> None:
        _check_choice("backend", backend, BACKENDS)
        _check_choice("granularity", granularity, GRANULARITIES)
        if context is not None:
            context = _checked_context(context)
        if isinstance(words, str) or isinstance(extra_words, str):
            raise TypeError("words and extra_words take an iterable of words, not one str")
        word_specs = None if words is None else tuple(_checked_specs(words))
        extra_specs = tuple(_checked_specs(extra_words))
        if backend == "compiled":
            from laotext._backend import require_core

            require_core()  # ImportError saying why the core is missing
        object.__setattr__(self, "_words", word_specs)
        object.__setattr__(self, "_extra", extra_specs)
        object.__setattr__(self, "_backend", backend)
        object.__setattr__(self, "_granularity", granularity)
        object.__setattr__(self, "_context", context)
        object.__setattr__(self, "_tables", None)

    # --- the recipe -----------------------------------------------------------------------------

    def _recipe(self) -> tuple[Any, ...]:
        return (self._words, self._extra, self._granularity, self._context)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Tokenizer is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        recipe = (self._words, self._extra, self._backend, self._granularity, self._context)
        return (_rebuild, recipe)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tokenizer):
            return NotImplemented
        return self._recipe() == other._recipe() and self._backend == other._backend

    def __hash__(self) -> int:
        return hash((self._recipe(), self._backend))

    def __repr__(self) -> str:
        words = "None" if self._words is None else f"<{len(self._words)} words>"
        return (
            f"Tokenizer(words={words}, extra_words=<{len(self._extra)} words>,"
            f" backend={self._backend!r}, granularity={self._granularity!r}"
            + ("" if self._context is None else ", context=<learned>")
            + ")"
        )

    @property
    def granularity(self) -> str:
        """The granularity this tokenizer segments at."""
        return self._granularity

    def _get_tables(self) -> _Tables:
        tables = self._tables
        if tables is None:
            recipe = self._recipe()
            with _CACHE_LOCK:
                tables = _CACHE.get(recipe)
                if tables is None:
                    tables = _CACHE[recipe] = _build_tables(*recipe)
            object.__setattr__(self, "_tables", tables)
        return tables

    # --- training and model files ---------------------------------------------------------------

    @classmethod
    def train(
        cls,
        segmented_lines: Iterable[str],
        *,
        sep: str = "|",
        extend: bool = True,
        granularity: Granularity = "medium",
        context: bool = True,
    ) -> Tokenizer:
        """A tokenizer whose lexicon and costs are learned from ``sep``-separated gold lines.

        With ``extend`` (the default), shipped-lexicon words the corpus never shows fill the gaps.
        With ``context`` (the default), a perceptron also tunes the costs and learns boundary
        costs and the corpus's ໆ convention (a :class:`Context`); without it the costs are the
        words' negative log frequencies (:mod:`laotext.train`).

        >>> tok = Tokenizer.train(["ຂ້ອຍ|ຮັກ|ພາສາລາວ", "ພາສາລາວ|ດີ"], extend=False)
        >>> tok.tokenize("ຂ້ອຍຮັກພາສາລາວ")
        ['ຂ້ອຍ', 'ຮັກ', 'ພາສາລາວ']
        """
        from laotext.train import learn_costs, learn_model

        _check_choice("granularity", granularity, GRANULARITIES)
        if not context:
            costs = learn_costs(segmented_lines, sep=sep, extend=extend)
            return cls(words=tuple(costs.items()), granularity=granularity)
        entries, learned = learn_model(segmented_lines, sep=sep, extend=extend)
        return cls(words=tuple(entries.items()), granularity=granularity, context=learned)

    @property
    def context(self) -> Context | None:
        """The learned context of a trained model, or None."""
        return self._context

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write this tokenizer's lexicon, granularity and context to a plain-text model file."""
        from laotext.train import write_model

        entries = _merged_entries(self._words, self._extra)
        write_model(path, entries, self._granularity, self._context)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Tokenizer:
        """Read a model file written by :meth:`save` (or ``laotext train``)."""
        from laotext.train import read_model

        entries, granularity, context = read_model(path)
        _check_choice("granularity", granularity, GRANULARITIES)
        return cls(
            words=tuple(entries.items()),
            granularity=granularity,  # type: ignore[arg-type]
            context=context,
        )

    # --- segmentation ---------------------------------------------------------------------------

    def _compiled(self) -> Any:
        """The compiled segmenter of this recipe, or None when this tokenizer runs in Python."""
        if self._backend == "python" or (self._backend == "auto" and backend() == "python"):
            return None
        return self._get_tables().compiled()

    def _python_ends(self, text: str) -> list[int]:
        """Token ends from the pure-Python backend (:func:`_boundaries`) with this recipe."""
        tables = self._get_tables()
        return _boundaries(text, tables.table, tables.max_cost, tables.runs, tables.context)

    def bounds(self, text: str) -> array[int]:
        """End offsets of the tokens of ``text``, as ``array('q')``: no Python object per token.

        The bulk form of :meth:`spans` for corpus work: token ``i`` is
        ``text[bounds[i - 1]:bounds[i]]`` (from 0 for the first), whitespace tokens included.

        >>> Tokenizer().bounds("ສະບາຍດີ ລາວ").tolist()
        [7, 8, 11]
        """
        _check_text(text, "Tokenizer.bounds()")
        compiled = self._compiled()
        if compiled is not None:
            ends: array[int] = compiled.bounds(text)
            return ends
        return array("q", self._python_ends(text))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` offsets of the tokens in ``text``; whitespace tokens included.

        >>> Tokenizer().spans("ສະບາຍດີ ລາວ")
        [(0, 7), (7, 8), (8, 11)]
        """
        _check_text(text, "Tokenizer.spans()")
        compiled = self._compiled()
        ends = self._python_ends(text) if compiled is None else compiled.bounds(text).tolist()
        return list(zip([0, *ends[:-1]], ends, strict=False))

    def tokenize(self, text: str, *, keep_whitespace: bool = True) -> list[str]:
        """Split ``text`` into words; ``"".join(tokens) == text`` when whitespace is kept.

        >>> Tokenizer().tokenize("ຂ້ອຍຮັກພາສາລາວ")
        ['ຂ້ອຍ', 'ຮັກ', 'ພາສາລາວ']
        >>> Tokenizer().tokenize("ດີໆ 1,000.50 ກີບ", keep_whitespace=False)
        ['ດີໆ', '1,000.50', 'ກີບ']
        """
        _check_text(text, "Tokenizer.tokenize()")
        compiled = self._compiled()
        if compiled is not None:
            tokens: list[str] = compiled.tokens(text)
        else:
            tokens = [text[start:end] for start, end in pairwise([0, *self._python_ends(text)])]
        if not keep_whitespace:
            return [t for t in tokens if not _is_space(t)]
        return tokens

    def tokenize_batch(
        self, texts: Iterable[str], *, keep_whitespace: bool = True
    ) -> list[list[str]]:
        """:meth:`tokenize` each text of ``texts``.

        >>> Tokenizer().tokenize_batch(["ສະບາຍດີ", ""])
        [['ສະບາຍດີ'], []]
        """
        return [self.tokenize(text, keep_whitespace=keep_whitespace) for text in texts]


def _is_space(token: str) -> bool:
    return token.isspace() or token == "\u200b"


def _checked_specs(specs: Iterable[WordSpec]) -> Iterable[WordSpec]:
    """The word specs, validated: a non-empty str, or a (non-empty str, int >= 0) pair."""
    for spec in specs:
        if isinstance(spec, str):
            word, cost = spec, 0
        elif (
            isinstance(spec, tuple)
            and len(spec) == 2
            and isinstance(spec[0], str)
            and isinstance(spec[1], int)
            and not isinstance(spec[1], bool)
        ):
            word, cost = spec
        else:
            raise TypeError(f"a word is a str or a (str, int) pair, not {spec!r}")
        if not word.strip() or cost < 0:
            raise ValueError(f"a word must be non-empty and its cost >= 0, not {spec!r}")
        yield spec


def _rebuild(
    words: tuple[WordSpec, ...] | None,
    extra: tuple[WordSpec, ...],
    backend: Literal["auto", "python", "compiled"],
    granularity: Granularity,
    context: Context | None = None,
) -> Tokenizer:
    return Tokenizer(
        words=words, extra_words=extra, backend=backend, granularity=granularity, context=context
    )


def _checked_context(context: object) -> Context:
    """The context, validated: integer costs >= 0, str keys."""
    if not isinstance(context, Context):
        raise TypeError(f"context must be a laotext.segment.Context, not {type(context).__name__}")
    costs = [cost for _, _, cost in context.boundaries] + [context.boundary_default]
    if not all(isinstance(c, int) and not isinstance(c, bool) and c >= 0 for c in costs):
        raise ValueError("context costs must be integers >= 0")
    keys = [k for left, right, _ in context.boundaries for k in (left, right)]
    if not all(isinstance(k, str) and k for k in [*keys, *context.repeat_exceptions]):
        raise ValueError("context keys must be non-empty str")
    return Context(
        tuple(context.boundaries),
        context.boundary_default,
        bool(context.repeat_separate),
        tuple(context.repeat_exceptions),
    )


def _merged_entries(
    words: tuple[WordSpec, ...] | None, extra: tuple[WordSpec, ...]
) -> dict[str, int]:
    entries = dict(default_words()) if words is None else entries_from_specs(words)
    for key, cost in entries_from_specs(extra).items():
        # a bare extra word keeps the cost the lexicon already gives it
        if key not in entries or cost < entries[key]:
            entries[key] = cost
    return entries


def _build_tables(
    words: tuple[WordSpec, ...] | None,
    extra: tuple[WordSpec, ...],
    granularity: str,
    context: Context | None,
) -> _Tables:
    entries = _merged_entries(words, extra)
    return _Tables(_granular_entries(entries, granularity), context)


_DEFAULT_TOKENIZERS: dict[str, Tokenizer] = {}


def word_tokenize(
    text: str,
    *,
    engine: Literal["laotext", "icu"] = "laotext",
    keep_whitespace: bool = True,
    granularity: Granularity = "medium",
) -> list[str]:
    """Split Lao text into words.

    ``engine="laotext"`` uses the shipped lexicon (see :class:`Tokenizer`); ``engine="icu"`` uses
    ICU's Lao dictionary break iterator (``pip install laotext[icu]``).  Tokens are slices of
    ``text``: with ``keep_whitespace=True``, ``"".join(tokens) == text``.

    >>> word_tokenize("ຂ້ອຍຮັກພາສາລາວ")
    ['ຂ້ອຍ', 'ຮັກ', 'ພາສາລາວ']
    >>> word_tokenize("ສະບາຍດີ ທ່ານ", keep_whitespace=False)
    ['ສະບາຍດີ', 'ທ່ານ']
    """
    _check_choice("engine", engine, ENGINES)
    _check_choice("granularity", granularity, GRANULARITIES)
    _check_text(text, "word_tokenize()")
    if engine == "icu":
        tokens = _icu_tokenize(text)
        return tokens if keep_whitespace else [t for t in tokens if not _is_space(t)]
    tokenizer = _DEFAULT_TOKENIZERS.get(granularity)
    if tokenizer is None:
        tokenizer = _DEFAULT_TOKENIZERS[granularity] = Tokenizer(granularity=granularity)
    return tokenizer.tokenize(text, keep_whitespace=keep_whitespace)


def _default_core_segmenter() -> Any:
    """The compiled segmenter (``laotext._core.Segmenter``) behind :func:`word_tokenize` with the
    default options, or None when it runs in Python: for the romaniser's compiled path."""
    tokenizer = _DEFAULT_TOKENIZERS.get("medium")
    if tokenizer is None:
        tokenizer = _DEFAULT_TOKENIZERS["medium"] = Tokenizer(granularity="medium")
    compiled = tokenizer._compiled()
    return None if compiled is None else compiled._core


def _icu_tokenize(text: str) -> list[str]:
    """ICU's Lao word break iterator, through icu4py or PyICU (whichever is installed)."""
    if not text:
        return []
    try:
        from icu4py.breakers import WordBreaker
    except ImportError:
        pass
    else:
        return list(WordBreaker(text, "lo"))
    try:
        import icu  # PyICU
    except ImportError:
        raise ImportError(
            "engine='icu' needs icu4py or PyICU: pip install 'laotext[icu]'"
        ) from None
    breaker = icu.BreakIterator.createWordInstance(icu.Locale("lo"))
    breaker.setText(text)
    tokens = []
    start = breaker.first()
    for end in breaker:
        # PyICU counts UTF-16 code units; convert for astral characters
        tokens.append((start, end))
        start = end
    encoded = text.encode("utf-16-le")
    return [encoded[2 * a : 2 * b].decode("utf-16-le") for a, b in tokens]
