"""Speed of laotext.normalize against unicodedata.normalize("NFC") on the same text, same run.

Usage: ``python benchmarks/bench_normalize.py [FILE] [--repeat N]``; FILE defaults to
``../shared/data/raw/bench_corpus.txt`` (relative to the repository root).  Prints a markdown table
of the best of N runs, in MB/s of UTF-8 input, and the ratio to NFC (the target is >= 0.5).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from _common import BENCH_CORPUS, best_time

from laotext.normalize import normalize


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=BENCH_CORPUS)
    parser.add_argument("--repeat", type=int, default=7, help="runs per contender (best is kept)")
    args = parser.parse_args(argv)
    if not args.file.exists():
        sys.exit(f"skipped: {args.file} is not present (the development data is in ../shared/data)")
    text = args.file.read_text(encoding="utf-8")
    megabytes = len(text.encode("utf-8")) / 1e6

    contenders: dict[str, Callable[[], object]] = {
        'unicodedata.normalize("NFC")': lambda: unicodedata.normalize("NFC", text),
        "laotext.normalize (default)": lambda: normalize(text),
        'laotext.normalize (am="decompose", ligatures="decompose")': lambda: normalize(
            text, am="decompose", ligatures="decompose"
        ),
    }
    speeds = {name: megabytes / best_time(run, args.repeat) for name, run in contenders.items()}
    baseline = speeds['unicodedata.normalize("NFC")']

    print(f"{args.file.name}: {megabytes:.2f} MB UTF-8, best of {args.repeat}")
    print()
    print("| function | MB/s | ratio to NFC |")
    print("|---|---:|---:|")
    for name, speed in speeds.items():
        print(f"| {name} | {speed:.1f} | {speed / baseline:.2f} |")


if __name__ == "__main__":
    main()
