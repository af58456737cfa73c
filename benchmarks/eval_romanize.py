"""Score laotext.romanize on the development romanisation pairs, per system.

Reads ``../shared/data/romanise/*.tsv`` (columns lao, romanisation, source) when present and
skips, saying so, when not.  Comparison, as research/romanise_normalise.md §5 prescribes:
BGN/PCGN and MoH 2020 ignoring case, spaces and hyphens (sources divide words differently);
IPA ignoring spaces (WikiPron separates phones); ALA-LC exactly.  Each row is one headword or
name, so it is romanised as one word (``segment=False``).  Failures are printed grouped by
category.

    python benchmarks/eval_romanize.py [--data DIR] [--show N] [--system NAME]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from laotext.romanize import romanize
from laotext.romanize.syllable import Syllable, scan_word

FILES = {
    "bgn": "bgn_pcgn.tsv",
    "moh2020": "moh2020.tsv",
    "ipa": "ipa_vientiane.tsv",
    "alalc": "alalc.tsv",
}
_TONE_LETTERS = re.compile(r"[˥˦˧˨˩]+")


def comparable(system: str, text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    if system in ("bgn", "moh2020"):
        return re.sub(r"[\s\-]", "", text).casefold()
    if system == "ipa":
        return re.sub(r"\s", "", text)
    return text


def category(system: str, lao: str, got: str, want: str) -> str:
    """A coarse reason for a failure, from the parse of the word and the kind of difference."""
    pieces = [p for run in re.findall(r"[\u0e80-\u0eff]+", lao) for p in scan_word(run)]
    syllables = [p for p in pieces if isinstance(p, Syllable)]
    if len(syllables) != len(pieces):
        return "unparsable piece"
    if system == "ipa":
        if _TONE_LETTERS.sub("", got) == _TONE_LETTERS.sub("", want):
            return "tone only"
        if len(_TONE_LETTERS.findall(got)) != len(_TONE_LETTERS.findall(want)):
            return "syllable count"
    if any(s.implicit for s in syllables):
        return "implicit vowel / abbreviation"
    if any(s.cluster == "ວ" for s in syllables):
        return "medial ວ"
    if any(s.cluster for s in syllables):
        return "cluster ◌ຼ / ຣ"
    if any(s.silent for s in syllables):
        return "silent ◌໌"
    if any(s.onset.startswith("ຫ") and len(s.onset) > 1 for s in syllables):
        return "ຫ digraph"
    return "segmental spelling"


def read_rows(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader, None)
        return [(r[0], r[1], r[2] if len(r) > 2 else "") for r in reader if len(r) >= 2]


def evaluate(system: str, rows: list[tuple[str, str, str]], show: int) -> float:
    failures: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    correct = 0
    for lao, want, _source in rows:
        got = romanize(lao, system=system, segment=False)  # type: ignore[arg-type]
        g, w = comparable(system, got), comparable(system, want)
        if g == w:
            correct += 1
        else:
            failures[category(system, lao, g, w)].append((lao, got, want))
    score = correct / len(rows) if rows else 0.0
    print(f"{system:8} {correct:5}/{len(rows):<5} exact {score:.4f}")
    for cat, items in sorted(failures.items(), key=lambda kv: -len(kv[1])):
        print(f"    {cat}: {len(items)}")
        for lao, got, want in items[:show]:
            print(f"        {lao}\tgot {got}\twant {want}")
    return score


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=here.parent / "shared/data/romanise")
    parser.add_argument("--show", type=int, default=20, help="failures shown per category")
    parser.add_argument("--system", choices=sorted(FILES), action="append")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: {args.data} not found")
        return 0
    for system in args.system or list(FILES):
        path = args.data / FILES[system]
        if not path.exists():
            print(f"{system:8} skipped: {path.name} not found")
            continue
        evaluate(system, read_rows(path), args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
