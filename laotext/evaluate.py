"""Word-segmentation scores against gold lines whose words are separated by ``|``.

A predicted word counts as correct when both its ends coincide with the ends of a gold word
(the usual span-match word F1).  Whitespace tokens are ignored on both sides, so a segmenter that
keeps spaces as tokens is scored on its words only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

__all__ = ["Scores", "score"]


class Scores(NamedTuple):
    """Word precision, recall and F1, with the counts they come from."""

    precision: float
    recall: float
    f1: float
    correct: int
    predicted: int
    gold: int
    lines: int


def _spans(tokens: Iterable[str]) -> set[tuple[int, int]]:
    spans = set()
    start = 0
    for token in tokens:
        end = start + len(token)
        if token and not token.isspace() and token != "\u200b":
            spans.add((start, end))
        start = end
    return spans


def score(
    gold_lines: Iterable[str], tokenize: Callable[[str], list[str]], *, sep: str = "|"
) -> Scores:
    """Score ``tokenize`` on gold lines: each line's words joined by ``sep`` are its text.

    >>> from laotext.segment import word_tokenize
    >>> s = score(["ຂ້ອຍ|ຮັກ|ພາສາລາວ", "ສະບາຍດີ"], word_tokenize)
    >>> (s.correct, s.predicted, s.gold, round(s.f1, 2))
    (4, 4, 4, 1.0)
    """
    if not isinstance(sep, str) or not sep:
        raise ValueError("sep must be a non-empty str")
    correct = predicted = gold = lines = 0
    for line in gold_lines:
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        words = line.split(sep)
        text = "".join(words)
        tokens = tokenize(text)
        if "".join(tokens) != text and all(not t.isspace() for t in tokens):
            # a tokenizer that drops whitespace: realign on the text without it
            tokens = _realign(text, tokens)
        gold_spans = _spans(words)
        predicted_spans = _spans(tokens)
        correct += len(gold_spans & predicted_spans)
        predicted += len(predicted_spans)
        gold += len(gold_spans)
        lines += 1
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, correct, predicted, gold, lines)


def _realign(text: str, tokens: list[str]) -> list[str]:
    """Re-insert the whitespace a tokenizer dropped, so that offsets refer to ``text``."""
    out: list[str] = []
    pos = 0
    for token in tokens:
        start = text.find(token, pos)
        if start < 0:
            raise ValueError(f"token {token!r} is not in the text at or after offset {pos}")
        if start > pos:
            out.append(text[pos:start])
        out.append(token)
        pos = start + len(token)
    if pos < len(text):
        out.append(text[pos:])
    return out
