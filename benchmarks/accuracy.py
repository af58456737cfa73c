"""Word-segmentation accuracy on the development gold files, every engine side by side.

    python benchmarks/accuracy.py            # prints a markdown table
    python benchmarks/accuracy.py --file hvu_train.txt --granularity fine --no-others

Each gold source is scored on its own (they follow different conventions): laotext at each
granularity with the shipped lexicon, ICU's Lao break iterator and LaoNLP when installed, and
laotext trained on ``yunshan2020.train.txt`` (``Tokenizer.train``), tested on
``yunshan2020.dev.txt``.
Files that are not present are skipped, saying so.  Metric: word precision / recall / F1 with
span matching (:func:`laotext.evaluate.score`).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path

from laotext.evaluate import score
from laotext.segment import Tokenizer, word_tokenize

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gold"
FILES = ("hvu_train.txt", "yunshan2020.dev.txt")
TRAIN, TEST = "yunshan2020.train.txt", "yunshan2020.dev.txt"

Tokenize = Callable[[str], list[str]]


def engines(
    granularities: tuple[str, ...] = ("fine", "medium", "coarse"), others: bool = True
) -> list[tuple[str, Tokenize]]:
    """The engines to compare: laotext's granularities, then ICU and LaoNLP if installed."""
    found: list[tuple[str, Tokenize]] = [
        (f"laotext {g}", Tokenizer(granularity=g).tokenize)  # type: ignore[arg-type]
        for g in granularities
    ]
    if not others:
        return found
    if importlib.util.find_spec("icu4py") or importlib.util.find_spec("icu"):
        found.append(("ICU", lambda text: word_tokenize(text, engine="icu")))
    else:
        print("skipped ICU: neither icu4py nor PyICU is installed", file=sys.stderr)
    if importlib.util.find_spec("laonlp"):
        from laonlp import word_tokenize as laonlp_tokenize

        found.append(("LaoNLP", laonlp_tokenize))
    else:
        print("skipped LaoNLP: not installed", file=sys.stderr)
    return found


def row(name: str, gold: str, lines: list[str], tokenize: Tokenize) -> str:
    start = time.perf_counter()
    s = score(lines, tokenize)
    seconds = time.perf_counter() - start
    return (
        f"| {gold} | {name} | {s.precision:.4f} | {s.recall:.4f} | **{s.f1:.4f}** "
        f"| {s.gold} | {seconds:.1f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", action="append", choices=FILES, help="only this gold file")
    parser.add_argument(
        "--granularity", action="append", choices=("fine", "medium", "coarse"), help="only this"
    )
    parser.add_argument("--no-others", action="store_true", help="skip ICU, LaoNLP, trained")
    args = parser.parse_args(argv)
    print("| gold file | engine | precision | recall | F1 | gold words | seconds |")
    print("|---|---|---:|---:|---:|---:|---:|")
    grains = tuple(args.granularity or ("fine", "medium", "coarse"))
    compared = engines(grains, not args.no_others)
    for name in args.file or FILES:
        path = GOLD / name
        if not path.exists():
            print(f"skipped {name}: {path} is not present", file=sys.stderr)
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for engine, tokenize in compared:
            print(row(engine, name, lines, tokenize), flush=True)
    train, test = GOLD / TRAIN, GOLD / TEST
    if args.no_others:
        return 0
    if train.exists() and test.exists():
        trained = Tokenizer.train(train.read_text(encoding="utf-8").splitlines())
        lines = test.read_text(encoding="utf-8").splitlines()
        print(row(f"laotext trained on {TRAIN}", TEST, lines, trained.tokenize))
    else:
        print(f"skipped the trained row: {train} or {test} is not present", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
