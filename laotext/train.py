"""Learning a lexicon with word costs from a word-segmented corpus, and the model file format.

A researcher whose corpus follows its own segmentation convention can adopt it: every word of the
gold lines becomes a lexicon entry whose cost is its scaled negative log frequency, so the
segmenter reproduces the corpus's choices.  Entries of the shipped lexicon fill the gaps (words
the corpus never saw) at a cost above every learned word, unless the corpus writes them as two or
three separate words somewhere (then they are phrases in its convention).

:func:`learn_model` goes further (what :meth:`laotext.segment.Tokenizer.train` uses): starting
from those costs, an averaged structured perceptron over the segmenter's own lattice adjusts the
word costs and learns *boundary costs* (a cost for a word ending between two given clusters, see
step 3 of :mod:`laotext.segment`).  It trains on a jackknifed lexicon (each line is segmented
with the words of the other folds, so it learns how to behave around unknown words), with a
margin (loss-augmented decoding), averaged over a few shuffles; the final model is the costs
of all the lines plus the learned adjustments.  The corpus's ໆ convention (attached to the word
before it, or a word of its own) is learned per word.  Everything stays an integer, so every
backend reproduces a model bit for bit.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from itertools import accumulate

from laotext.lexicon import (
    IS_PREFIX,
    IS_WORD,
    Lexicon,
    canonical_key,
    cost_from_count,
    default_words,
    parse_word_lines,
)
from laotext.segment import _LAO_START, _REPEAT, _RUN_RE, Context, _run_keys
from laotext.syllables import CLUSTER_RE

__all__ = ["MODEL_HEADER", "learn_costs", "learn_model", "read_model", "write_model"]

MODEL_HEADER = "# laotext segmentation model 2"
"""First line of a model file (plain text; see :func:`write_model`)."""

_V1_HEADER = "# laotext segmentation model 1"
"""Version 1 files (``word<TAB>cost`` lines only) still load."""

_EPOCHS = 5
_STEP = 200
"""Perceptron passes over the corpus and the size of one update (cost units)."""

_FOLDS = 5
"""Jackknife folds: line ``i`` is decoded during training with the lexicon learned from the
lines of the other folds (``i % _FOLDS`` differs), so the perceptron meets unknown words and
rarer-looking words as the final model will on new text.  Corpora under ``2 * _FOLDS`` lines
use the lexicon of all their lines."""

_MARGIN = 200
"""Loss-augmented decoding: while training, a word edge that is not a gold word costs this much
less, so the learned costs keep a margin over the wrong paths."""

_SEEDS = 3
"""Perceptrons trained over different shuffles of the corpus; their weights are averaged.

The settings were chosen on held-out tenths of the Yunshan-Cup training set (lines
``i % 10 == 0`` and ``i % 10 == 5``): jackknifing, the margin and the seed average each gained
about 0.001-0.003 word F1 there."""

_FALLBACK_PENALTY = 200
"""How much more than the rarest learned word a shipped-lexicon fallback entry costs."""


def _lao_word_key(word: str) -> str | None:
    """The key of a gold word made of Lao clusters (a trailing ໆ run dropped), else None."""
    word = word.strip().rstrip("\u0ec6")
    clusters = CLUSTER_RE.findall(word)
    if not clusters or any(c[0] not in _LAO_START for c in clusters):
        return None
    return canonical_key(word)


def learn_costs(
    segmented_lines: Iterable[str], *, sep: str = "|", extend: bool = True
) -> dict[str, int]:
    """Key -> integer cost learned from gold lines whose words are separated by ``sep``.

    With ``extend``, entries of the shipped lexicon that the corpus never shows as words are
    added behind the learned ones (see the module docstring).

    >>> costs = learn_costs(["ຂ້ອຍ|ຮັກ|ພາສາລາວ", "ພາສາລາວ|ດີ"], extend=False)
    >>> sorted(costs, key=costs.__getitem__)[0], len(costs)
    ('ພາສາລາວ', 4)
    """
    if not isinstance(sep, str) or not sep:
        raise ValueError("sep must be a non-empty str")
    counts: Counter[str] = Counter()
    split_phrases: set[str] = set()  # concatenations of 2 or 3 consecutive gold words
    for line in segmented_lines:
        if not isinstance(line, str):
            raise TypeError(f"segmented lines must be str, not {type(line).__name__}")
        keys = [_lao_word_key(word) for word in line.rstrip("\r\n").split(sep)]
        for i, key in enumerate(keys):
            if key is None:
                continue
            counts[key] += 1
            if extend and i + 1 < len(keys) and keys[i + 1] is not None:
                pair = key + keys[i + 1]  # type: ignore[operator]
                split_phrases.add(pair)
                if i + 2 < len(keys) and keys[i + 2] is not None:
                    split_phrases.add(pair + keys[i + 2])  # type: ignore[operator]
    if not counts:
        raise ValueError("the training lines hold no Lao words")
    total = sum(counts.values())
    costs = {key: cost_from_count(counts[key], total) for key in sorted(counts)}
    if extend:
        fallback = max(costs.values()) + _FALLBACK_PENALTY
        for key, cost in default_words():
            # a shipped word the corpus writes as separate words is a phrase in its convention
            if key not in costs and key not in split_phrases:
                costs[key] = fallback + cost // 10
    return dict(sorted(costs.items()))


def learn_model(
    segmented_lines: Iterable[str], *, sep: str = "|", extend: bool = True
) -> tuple[dict[str, int], Context]:
    """Key -> cost entries and the learned :class:`~laotext.segment.Context` of a trained model.

    >>> entries, context = learn_model(["ຂ້ອຍ|ຮັກ|ພາສາລາວ", "ພາສາລາວ|ດີ", "ດີ|ໆ"], extend=False)
    >>> sorted(entries) == sorted(["ຂ້ອຍ", "ຮັກ", "ພາສາລາວ", "ດີ"]), context.repeat_separate
    (True, True)
    """
    lines = list(segmented_lines)
    costs = learn_costs(lines, sep=sep, extend=extend)
    gold = _gold_runs(lines, sep)
    lexicons = [(Lexicon.build(costs).table, costs)]
    folds = [0] * len(gold)
    if _FOLDS > 1 and len(lines) >= 2 * _FOLDS:
        # jackknife: each line is decoded with a lexicon learned from the other folds, so the
        # perceptron meets unknown words as the final model will on new text
        lexicons = []
        for fold in range(_FOLDS):
            rest = [line for i, line in enumerate(lines) if i % _FOLDS != fold]
            try:
                fold_costs = learn_costs(rest, sep=sep, extend=extend)
            except ValueError:  # the other folds hold no Lao words
                fold_costs = costs
            lexicons.append((Lexicon.build(fold_costs).table, fold_costs))
        folds = [number % _FOLDS for _, _, number in gold]
    runs = [_perceptron(gold, folds, lexicons, seed) for seed in range(_SEEDS)]
    deltas = _mean([run[0] for run in runs])
    pairs = {pair: w for pair, w in _mean([run[1] for run in runs]).items() if w}
    words = {key: cost + deltas.get(key, 0) for key, cost in costs.items()}
    entries, boundaries, default = _non_negative(words, pairs)
    repeat_separate, exceptions = _repeat_convention(lines, sep)
    context = Context(tuple(boundaries), default, repeat_separate, tuple(exceptions))
    return entries, context


def _gold_runs(lines: list[str], sep: str) -> list[tuple[list[str], list[int], int]]:
    """The Lao runs of the gold lines' text (two clusters or more): cluster keys, gold ends and
    the index of the line."""
    runs = []
    for number, line in enumerate(lines):
        words = line.rstrip("\r\n").split(sep)
        text = "".join(words)
        gold_ends = set(accumulate(map(len, words)))
        pos = 0
        for run in _RUN_RE.findall(text):
            if run[0] in _LAO_START:
                clusters = CLUSTER_RE.findall(run)
                if len(clusters) > 1:
                    offsets = list(accumulate(map(len, clusters), initial=pos))
                    ends = [e for e in range(1, len(clusters) + 1) if offsets[e] in gold_ends]
                    runs.append((_run_keys(clusters), ends, number))
            pos += len(run)
    return runs


def _decode(
    keys: list[str],
    table: dict[str, int],
    words: dict[str, int],
    pairs: dict[str, int],
    wanted: Collection[tuple[int, int]] = (),
    margin: int = 0,
) -> set[tuple[int, int]]:
    """The word edges of the best path (the DP of :mod:`laotext.segment`, step 3) under signed
    weights that change during training: the cost of word ``w`` is its table cost plus
    ``words[w]`` (else 0), a word ending before ``k[j]`` adds ``pairs[k[j-1] + " " + k[j]]``
    (else 0), and a word edge ``(i, j)`` not in ``wanted`` costs ``margin`` less."""
    n = len(keys)
    tail = [pairs.get(keys[j - 1] + " " + keys[j], 0) for j in range(1, n)] + [0]
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)
    back = [0] * (n + 1)
    unknown = [False] * (n + 1)
    best[0] = (0, 0, 0)
    for i in range(n):
        base = best[i]
        assert base is not None  # the unknown edge reaches every position
        u, c, s = base
        for j, weight, is_unknown in _edges(keys, i, table, words, tail, u, c, s):
            if margin and not is_unknown and (i, j) not in wanted:
                weight = (weight[0], weight[1] - margin, weight[2])
            old = best[j]
            if old is None or weight < old:
                best[j] = weight
                back[j] = i
                unknown[j] = is_unknown
    edges = set()
    j = n
    while j > 0:
        i = back[j]
        if not unknown[j]:
            edges.add((i, j))
        j = i
    return edges


def _edges(
    keys: list[str],
    i: int,
    table: dict[str, int],
    words: dict[str, int],
    tail: list[int],
    u: int,
    c: int,
    s: int,
) -> Iterable[tuple[int, tuple[int, int, int], bool]]:
    """Edges leaving ``i`` in the DP's order: the unknown edge, then word edges by length."""
    yield i + 1, (u + 1, c, s), True
    key = keys[i]
    j = i
    while True:
        value = table.get(key)
        if value is None:
            return
        j += 1
        if value & IS_WORD:
            cost = (value >> 2) + words.get(key, 0) + tail[j - 1]
            yield j, (u, c + cost, s + (j == i + 1)), False
        if not value & IS_PREFIX or j == len(keys):
            return
        key += keys[j]


class _Averaged:
    """Perceptron weights and their running average (updated lazily per feature)."""

    def __init__(self) -> None:
        self.weights: dict[str, int] = {}
        self._total: dict[str, int] = {}
        self._since: dict[str, int] = {}
        self.time = 0

    def update(self, feature: str, delta: int, initial: int) -> None:
        weight = self.weights.get(feature, initial)
        self._total[feature] = self.total(feature, weight)
        self._since[feature] = self.time
        self.weights[feature] = weight + delta

    def total(self, feature: str, weight: int) -> int:
        return self._total.get(feature, 0) + (self.time - self._since.get(feature, 0)) * weight

    def averaged(self) -> dict[str, int]:
        return {f: round(self.total(f, w) / self.time) for f, w in sorted(self.weights.items())}


def _perceptron(
    gold: list[tuple[list[str], list[int], int]],
    folds: list[int],
    lexicons: list[tuple[dict[str, int], dict[str, int]]],
    seed: int = 0,
) -> tuple[dict[str, int], dict[str, int]]:
    """Averaged structured perceptron: word cost adjustments and boundary-pair weights.

    Run ``r`` is decoded with the table and costs ``lexicons[folds[r]]``; a word's cost is its
    cost there plus its learned adjustment, so the adjustments carry over to the final costs."""
    words = _Averaged()
    pairs = _Averaged()
    order = list(range(len(gold)))
    shuffle = random.Random(seed).shuffle  # a fixed seed: training is reproducible
    for _ in range(_EPOCHS):
        shuffle(order)
        for index in order:
            keys, ends, _ = gold[index]
            table, costs = lexicons[folds[index]]
            words.time += 1
            pairs.time += 1
            wanted = set(zip([0, *ends[:-1]], ends, strict=False))
            predicted = _decode(keys, table, words.weights, pairs.weights, wanted, _MARGIN)
            for sign, edges in ((-_STEP, wanted - predicted), (_STEP, predicted - wanted)):
                for i, j in sorted(edges):
                    key = "".join(keys[i:j])
                    if key not in costs:  # not in the lattice (unknown, or inside a cluster)
                        continue
                    words.update(key, sign, 0)
                    if j < len(keys):
                        pairs.update(keys[j - 1] + " " + keys[j], sign, 0)
    return words.averaged(), {pair: w for pair, w in pairs.averaged().items() if w}


def _mean(weights: list[dict[str, int]]) -> dict[str, int]:
    """The rounded mean of several weight vectors (a missing feature weighs 0)."""
    keys = sorted(set().union(*weights))
    return {key: round(sum(w.get(key, 0) for w in weights) / len(weights)) for key in keys}


def _non_negative(
    words: dict[str, int], pairs: dict[str, int]
) -> tuple[dict[str, int], list[tuple[str, str, int]], int]:
    """The same ranking of paths with costs >= 0: (entries, boundaries, boundary default).

    Boundary weights move up by ``-low`` (so unseen pairs cost ``-low``) and each word's cost
    down by as much, since each word pays one boundary (a run's last word pays none, the same on
    every path).  Then each word gains ``shift`` per cluster: every path covers the same clusters.
    """
    low = min(0, *pairs.values()) if pairs else 0
    boundaries = [(*pair.split(" "), w - low) for pair, w in sorted(pairs.items())]
    sizes = {key: len(CLUSTER_RE.findall(key)) for key in words}
    shift = max(0, *(-((cost + low) // sizes[key]) for key, cost in words.items()))
    entries = {key: cost + low + shift * sizes[key] for key, cost in sorted(words.items())}
    return entries, boundaries, -low  # type: ignore[return-value]


def _repeat_convention(lines: list[str], sep: str) -> tuple[bool, list[str]]:
    """Whether ໆ is a word of its own after a word the corpus never shows before ໆ, and the
    words that the corpus treats the other way (majority per word; ties attach).

    Words are kept as spelled: the Yunshan-Cup corpus writes ຫລາຍ|ໆ but ຫຼາຍໆ.
    """
    counts: dict[str, list[int]] = {}  # word -> [separate, attached]
    for line in lines:
        words = line.rstrip("\r\n").split(sep)
        for previous, word in zip(["", *words], words, strict=False):
            base = word.rstrip(_REPEAT)
            if base == word or not word:
                continue
            if not base:
                base, index = previous, 0
            else:
                index = 1
            if base and base[-1] in _LAO_START:
                counts.setdefault(base, [0, 0])[index] += 1
    separate = {key for key, (s, a) in counts.items() if s > a}
    repeat_separate = 2 * len(separate) > len(counts)  # the majority of words
    if repeat_separate:
        return True, sorted(set(counts) - separate)
    return False, sorted(separate)


def write_model(
    path: str | os.PathLike[str],
    entries: Mapping[str, int],
    granularity: str,
    context: Context | None = None,
) -> None:
    """Write a model file: the header, ``name<TAB>value`` settings, then sections.

    ``[words]`` holds ``word<TAB>cost`` lines; a model with a context adds ``[boundaries]``
    (``left<TAB>right<TAB>cost``: a word ending between these cluster keys) and ``[repeat]``
    (one key a line: words after which ໆ does the opposite of the ``repeat`` setting).
    """
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"{MODEL_HEADER}\ngranularity\t{granularity}\n")
        if context is not None:
            repeat = "separate" if context.repeat_separate else "attach"
            out.write(f"boundary-default\t{context.boundary_default}\nrepeat\t{repeat}\n")
        out.write("[words]\n")
        for key in sorted(entries):
            out.write(f"{key}\t{entries[key]}\n")
        if context is not None:
            out.write("[boundaries]\n")
            for left, right, cost in context.boundaries:
                out.write(f"{left}\t{right}\t{cost}\n")
            out.write("[repeat]\n")
            for key in context.repeat_exceptions:
                out.write(f"{key}\n")


def read_model(path: str | os.PathLike[str]) -> tuple[dict[str, int], str, Context | None]:
    """Read a model file written by :func:`write_model` (or a version 1 file):
    (entries, granularity, context or None)."""
    with open(path, encoding="utf-8") as source:
        lines = source.read().splitlines()
    if lines and lines[0] == _V1_HEADER:
        granularity = "medium"
        for line in lines[1:3]:
            if line.startswith("# granularity\t"):
                granularity = line.split("\t", 1)[1]
        return parse_word_lines(lines), granularity, None
    if not lines or lines[0] != MODEL_HEADER:
        raise ValueError(f"{path} is not a laotext model file (first line {MODEL_HEADER!r})")
    settings: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    section: list[str] | None = None
    for number, line in enumerate(lines[1:], 2):
        if line.startswith("[") and line.endswith("]"):
            section = sections.setdefault(line[1:-1], [])
        elif section is not None:
            section.append(line)
        elif "\t" in line:
            name, value = line.split("\t", 1)
            settings[name] = value
        else:
            raise ValueError(f"{path}:{number}: expected name<TAB>value, got {line!r}")
    entries = parse_word_lines(sections.get("words", []))
    context = None
    if "boundaries" in sections:
        boundaries = []
        for line in sections["boundaries"]:
            left, right, cost = line.split("\t")
            boundaries.append((left, right, int(cost)))
        context = Context(
            tuple(boundaries),
            int(settings.get("boundary-default", "0")),
            settings.get("repeat") == "separate",
            tuple(line for line in sections.get("repeat", []) if line),
        )
    return entries, settings.get("granularity", "medium"), context
