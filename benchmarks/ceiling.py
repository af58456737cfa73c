"""How far a lexicon segmenter can get on each gold source: the supervised ceiling.

    python benchmarks/ceiling.py                 # every gold source present, markdown table
    python benchmarks/ceiling.py --file hvu_train.txt

The accuracy targets for the shipped lexicon are only meaningful below what the same method
reaches when it *is* allowed to learn from the gold.  This script measures that, per source, with
two-fold cross-validation on contiguous halves of the file (held-out text, as acceptance uses):

- ``shipped lexicon``: the default tokenizer at the granularity that suits the source, on each
  held-out half (nothing learned from gold);
- ``trained on the other half``: :meth:`laotext.Tokenizer.train` (the gold half's vocabulary,
  word costs, boundary costs and ໆ convention, with the shipped lexicon filling the gaps), scored
  on the half it never saw;
- ``trained on the same half``: the fit on its own training text, for comparison: the distance
  between the two rows is what the corpus's own inconsistency and unseen vocabulary cost.

Nothing learned here is written anywhere; the gold files stay in ../shared/data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from laotext.evaluate import Scores, score
from laotext.segment import Tokenizer

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gold"
SOURCES = {
    # gold file -> the granularity of the shipped lexicon that suits its convention
    "hvu_train.txt": "fine",
    "yunshan2020.train.txt": "medium",
}


def halves(lines: list[str]) -> tuple[list[str], list[str]]:
    """The file cut in two contiguous halves (neighbouring sentences share topics and names, so
    interleaving lines would leak vocabulary between the folds)."""
    middle = len(lines) // 2
    return lines[:middle], lines[middle:]


def pooled(parts: list[Scores]) -> tuple[float, float, float]:
    """Precision, recall and F1 over the folds' counts added together."""
    correct = sum(s.correct for s in parts)
    predicted = sum(s.predicted for s in parts)
    gold = sum(s.gold for s in parts)
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ceiling_rows(name: str, lines: list[str], granularity: str) -> list[str]:
    first, second = halves(lines)
    shipped = Tokenizer(granularity=granularity)  # type: ignore[arg-type]
    rows: dict[str, list[Scores]] = {
        f"shipped lexicon ({granularity})": [],
        "trained on the other half": [],
        "trained on the same half": [],
    }
    for train, test in ((first, second), (second, first)):
        model = Tokenizer.train(train)
        rows[f"shipped lexicon ({granularity})"].append(score(test, shipped.tokenize))
        rows["trained on the other half"].append(score(test, model.tokenize))
        rows["trained on the same half"].append(score(train, model.tokenize))
    out = []
    for label, parts in rows.items():
        p, r, f = pooled(parts)
        out.append(f"| {name} | {label} | {p:.4f} | {r:.4f} | **{f:.4f}** |")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", action="append", choices=sorted(SOURCES), help="only this")
    args = parser.parse_args(argv)
    print("| gold file (2-fold, contiguous halves) | segmenter | precision | recall | F1 |")
    print("|---|---|---:|---:|---:|")
    for name in args.file or SOURCES:
        path = GOLD / name
        if not path.exists():
            print(f"skipped {name}: not present in {GOLD}", file=sys.stderr)
            continue
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
        for line in ceiling_rows(name, lines, SOURCES[name]):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
