"""Speed of laotext.romanize on running text, against lao2ipa on the same lines in the same run.

Reads lines of ``../shared/data/raw/ntrex128.lao.txt`` (or ``--text FILE``), romanises them one
line at a time (the way the CLI streams), and reports MB/s of UTF-8 input and the ratio to
lao2ipa (``pip install lao2ipa``; skipped, saying so, when it is not installed).  laotext is
timed cold (first pass, caches empty) and warm (second pass).

    python benchmarks/bench_romanize.py [--text FILE] [--system ipa] [--lines N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from laotext.romanize import romanize
from laotext.romanize.syllable import scan_word
from laotext.romanize.text import _romanize_word


def _time(fn: Callable[[str], str], lines: list[str]) -> float:
    start = time.perf_counter()
    for line in lines:
        fn(line)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--text", type=Path, default=here.parent / "shared/data/raw/ntrex128.lao.txt"
    )
    parser.add_argument("--system", default="ipa", choices=["bgn", "alalc", "moh2020", "ipa"])
    parser.add_argument("--lines", type=int, default=0, help="use only the first N lines")
    args = parser.parse_args(argv)
    if not args.text.exists():
        print(f"skipped: {args.text} not found")
        return 0
    lines = args.text.read_text(encoding="utf-8").splitlines()
    if args.lines:
        lines = lines[: args.lines]
    mb = sum(len(line.encode("utf-8")) for line in lines) / 1e6
    print(f"{len(lines)} lines, {mb:.3f} MB, system={args.system}")

    scan_word.cache_clear()
    _romanize_word.cache_clear()
    cold = _time(lambda s: romanize(s, system=args.system), lines)
    warm = _time(lambda s: romanize(s, system=args.system), lines)
    print(f"laotext cold  {mb / cold:8.3f} MB/s  ({cold:.2f} s)")
    print(f"laotext warm  {mb / warm:8.3f} MB/s  ({warm:.2f} s)")

    try:
        import lao2ipa  # type: ignore[import-not-found]
    except ImportError:
        print("lao2ipa not installed: no comparison")
        return 0
    output = "moh" if args.system in ("bgn", "moh2020") else "ipa"
    ref = _time(lambda s: lao2ipa.transliterate(s, output=output), lines)
    print(f"lao2ipa       {mb / ref:8.3f} MB/s  ({ref:.2f} s)")
    print(f"ratio laotext/lao2ipa: cold {ref / cold:.1f}x, warm {ref / warm:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
