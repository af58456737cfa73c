"""Learning a lexicon with word costs from a word-segmented corpus, and the model file format.

A researcher whose corpus follows its own segmentation convention can adopt it: every word of the
gold lines becomes a lexicon entry whose cost is its scaled negative log frequency, so the
segmenter reproduces the corpus's choices.  Entries of the shipped lexicon fill the gaps (words
the corpus never saw) at a cost above every learned word, unless the corpus writes them as two or
three separate words somewhere (then they are phrases in its convention).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping

from laotext.lexicon import (
    canonical_key,
    cost_from_count,
    default_words,
    parse_word_lines,
)
from laotext.syllables import CLUSTER_RE

__all__ = ["MODEL_HEADER", "learn_costs", "read_model", "write_model"]

MODEL_HEADER = "# laotext segmentation model 1"
"""First line of a model file (plain text, one ``word<TAB>cost`` entry a line)."""

_FALLBACK_PENALTY = 200
"""How much more than the rarest learned word a shipped-lexicon fallback entry costs."""


def _lao_word_key(word: str) -> str | None:
    """The key of a gold word made of Lao clusters (a trailing ໆ run dropped), else None."""
    from laotext.segment import _LAO_START

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


def write_model(path: str | os.PathLike[str], entries: Mapping[str, int], granularity: str) -> None:
    """Write a model file: header, ``granularity<TAB>...``, then sorted ``word<TAB>cost`` lines."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"{MODEL_HEADER}\n# granularity\t{granularity}\n")
        for key in sorted(entries):
            out.write(f"{key}\t{entries[key]}\n")


def read_model(path: str | os.PathLike[str]) -> tuple[dict[str, int], str]:
    """Read a model file written by :func:`write_model`: (entries, granularity)."""
    with open(path, encoding="utf-8") as source:
        lines = source.read().splitlines()
    if not lines or lines[0] != MODEL_HEADER:
        raise ValueError(f"{path} is not a laotext model file (first line {MODEL_HEADER!r})")
    granularity = "medium"
    for line in lines[1:3]:
        if line.startswith("# granularity\t"):
            granularity = line.split("\t", 1)[1]
    return parse_word_lines(lines), granularity
