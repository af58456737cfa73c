"""Helpers shared by the benchmark scripts: where the corpora are, and a fair timer."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BENCH_CORPUS = SHARED_DATA / "raw" / "bench_corpus.txt"


def read_corpus(path: Path = BENCH_CORPUS) -> str:
    """The text of a corpus file, or exit saying it is missing."""
    if not path.exists():
        sys.exit(f"skipped: {path} is not present (the development data lives in ../shared/data)")
    return path.read_text(encoding="utf-8")


def best_time(run: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of `repeat` runs, in seconds: the least disturbed by the rest of the machine
    (garbage collection is off while a run is timed, so no engine pays for another's garbage)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def mb_per_s(text: str, seconds: float) -> float:
    """Throughput in megabytes of UTF-8 input per second."""
    return len(text.encode("utf-8")) / seconds / 1e6
