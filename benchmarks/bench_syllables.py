"""Syllable clustering throughput beside unicodedata NFC and a bare Lao-run regex, in one run.

python benchmarks/bench_syllables.py [FILE]     # default: ../shared/data/raw/bench_corpus.txt
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from _common import BENCH_CORPUS, best_time, mb_per_s, read_corpus

from laotext.syllables import syllable_tokenize


def main() -> None:
    text = read_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else BENCH_CORPUS)
    lao_runs = re.compile(r"[\u0e80-\u0eff]+|\s+|.", re.DOTALL)
    rows = [
        ("laotext.syllable_tokenize", best_time(lambda: syllable_tokenize(text))),
        ('unicodedata.normalize("NFC")', best_time(lambda: unicodedata.normalize("NFC", text))),
        ("re.findall(Lao runs) (a floor)", best_time(lambda: lao_runs.findall(text))),
    ]
    print(f"{len(text.encode('utf-8')) / 1e6:.2f} MB, {len(syllable_tokenize(text))} clusters\n")
    print("| what | MB/s |\n|---|---:|")
    for name, seconds in rows:
        print(f"| {name} | {mb_per_s(text, seconds):.1f} |")


if __name__ == "__main__":
    main()
