"""Speed of laotext's backends, ICU and LaoNLP, on the same text in the same run.

Usage::

    python benchmarks/speed.py [--text PATH] [--repeat N] [--laonlp-chars N] [--laonlp-rounds N]

Reads ``../shared/data/raw/bench_corpus.txt`` by default (and says so and stops when it is not
there).  Every engine segments the whole text in one call, best of ``--repeat`` runs; speed is MB/s
of the text's UTF-8 encoding, and ratios are against ICU.  LaoNLP is slow, so it runs on a prefix,
and laotext's pure Python on the same lines; those two are timed in interleaved rounds (best of
``--laonlp-rounds``), and their ratio is printed.
Also reported: that the compiled and pure-Python backends give identical tokens, the time to build
the compiled tables from the lexicon, the resident memory of a fresh process that has loaded the
default lexicon (both backends), and how well two threads segment in parallel.  Prints a markdown
table.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import BENCH_CORPUS, best_time


def load_tables() -> tuple[Any, str]:
    """The default tokenizer's tables, or (when the shipped lexicon is not built) LaoNLP's list."""
    from laotext.segment import Tokenizer

    try:
        return Tokenizer(backend="python")._get_tables(), "default laotext lexicon"
    except FileNotFoundError:
        pass
    try:
        from laonlp.corpus import lao_words
    except ImportError:
        sys.exit("no lexicon: neither laotext/data/lexicon.tsv nor laonlp is available")
    return Tokenizer(words=list(lao_words()), backend="python")._get_tables(), "LaoNLP lao_words()"


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        import os

        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_report(backend: str) -> None:
    """(Run in a fresh process.)  What a user's first segmentation costs with `backend`: the time
    to load the default lexicon and build that backend's tables, and the resident memory added."""
    from laotext.segment import Tokenizer

    tokenizer = Tokenizer(backend=backend)  # type: ignore[arg-type]
    before = rss_mb()
    start = time.perf_counter()
    tokenizer.tokenize("ສະບາຍດີ")
    seconds = time.perf_counter() - start
    print(seconds, rss_mb() - before)


def fresh_load(backend: str) -> tuple[float, float]:
    """(seconds, MB) of :func:`memory_report` in a new Python process."""
    report = subprocess.run(
        [sys.executable, __file__, "--memory-report", backend],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(report[0]), float(report[1])


def parallel_ratio(function: Callable[[Any], Any], halves: tuple[Any, Any]) -> float:
    """Time of two threads each doing one half, over the time of one thread doing both."""

    def serial() -> None:
        function(halves[0])
        function(halves[1])

    def parallel() -> None:
        threads = [threading.Thread(target=function, args=(half,)) for half in halves]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    return best_time(parallel, 5) / best_time(serial, 5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text", type=Path, default=BENCH_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--laonlp-chars", type=int, default=100_000)
    parser.add_argument("--laonlp-rounds", type=int, default=10)
    parser.add_argument("--memory-report", choices=["python", "compiled"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_report:
        memory_report(args.memory_report)
        return
    if not args.text.exists():
        print(f"benchmark text not found: {args.text} (pass --text PATH); nothing measured")
        return

    from laotext import _backend
    from laotext.segment import _boundaries
    from laotext.syllables import CLUSTER_RE

    text = args.text.read_text(encoding="utf-8")
    megabytes = len(text.encode("utf-8")) / 1e6
    tables, lexicon_name = load_tables()
    rows: list[tuple[str, float, str]] = []  # engine, seconds per MB, note

    def measure(name: str, function: Callable[[], Any], sample: str, note: str = "") -> None:
        seconds = best_time(function, args.repeat)
        rows.append((name, seconds / (len(sample.encode("utf-8")) / 1e6), note))

    python_ends = _boundaries(text, tables.table, tables.max_cost, {})
    measure(
        "laotext, pure Python (`_boundaries`)",
        lambda: _boundaries(text, tables.table, tables.max_cost, {}),
        text,
    )
    differences = "compiled core not built"
    if _backend.CORE is not None:
        seg = _backend.CompiledSegmenter(tables.table)
        compiled_ends = seg.bounds(text).tolist()
        differences = str(
            sum(a != b for a, b in zip(compiled_ends, python_ends, strict=False))
            + abs(len(compiled_ends) - len(python_ends))
        )
        measure("laotext, compiled: tokens (`list[str]`)", lambda: seg.tokens(text), text)
        measure("laotext, compiled: offsets (`array('q')`)", lambda: seg.bounds(text), text)
        measure("cluster scan only, compiled", lambda: _backend.cluster_bounds(text), text)
    measure("cluster scan only, `CLUSTER_RE.findall`", lambda: CLUSTER_RE.findall(text), text)
    try:
        from icu4py.breakers import WordBreaker
    except ImportError:
        icu_note = "icu4py not installed"
    else:
        icu_note = ""
        measure(
            "ICU (icu4py) WordBreaker `lo`: tokens", lambda: list(WordBreaker(text, "lo")), text
        )
        measure(
            "ICU (icu4py) WordBreaker `lo`: offsets",
            lambda: list(WordBreaker(text, "lo").segments()),
            text,
        )
    versus_laonlp = "\n(LaoNLP not installed)"
    try:
        from laonlp.tokenize import word_tokenize as laonlp_tokenize
    except ImportError:
        pass
    else:
        # LaoNLP is slow: both it and laotext's pure-Python backend segment the same first lines,
        # one call a line as a corpus user calls them (laotext's run cache starts empty each time).
        lines = text[: args.laonlp_chars].splitlines()
        sample = "\n".join(lines)
        note = f"the first {len(lines):,} lines, a call a line"

        def laotext_lines() -> None:
            runs: dict[str, list[int]] = {}
            for line in lines:
                _boundaries(line, tables.table, tables.max_cost, runs)

        def laonlp_lines() -> None:
            for line in lines:
                laonlp_tokenize(line)

        # One timed pass of each engine a round: the box is shared, and a slow spell then slows
        # both engines rather than one of them, which keeps their ratio steady from run to run.
        laonlp_seconds = laotext_seconds = float("inf")
        for _ in range(args.laonlp_rounds):
            laonlp_seconds = min(laonlp_seconds, best_time(laonlp_lines, 1))
            laotext_seconds = min(laotext_seconds, best_time(laotext_lines, 1))
        sample_mb = len(sample.encode("utf-8")) / 1e6
        rows.append(("LaoNLP `word_tokenize`", laonlp_seconds / sample_mb, note))
        rows.append(("laotext, pure Python, the same lines", laotext_seconds / sample_mb, note))
        versus_laonlp = (
            f"\nPure Python / LaoNLP on the same lines: {laonlp_seconds / laotext_seconds:.2f}x "
            f"(best of {args.laonlp_rounds} interleaved rounds)"
        )

    icu_seconds = next(
        (s for name, s, _ in rows if name.startswith("ICU") and "tokens" in name), None
    )
    print(
        f"Text: {args.text.name}, {megabytes:.2f} MB UTF-8, {len(text):,} characters; "
        f"lexicon: {lexicon_name} ({len(tables.table):,} table keys); best of {args.repeat}.\n"
    )
    print("| engine | MB/s | × ICU tokens | note |")
    print("|---|---:|---:|---|")
    for name, seconds, note in rows:
        versus_icu = f"{icu_seconds / seconds:.2f}" if icu_seconds else "–"
        print(f"| {name} | {1 / seconds:.1f} | {versus_icu} | {note} |")
    if icu_note:
        print(f"\n({icu_note})")
    print(versus_laonlp)

    print(f"\nDifferences between compiled and pure-Python token ends: {differences}")
    if _backend.CORE is not None:
        half = len(text) // 2
        while half < len(text) and not text[half].isspace():
            half += 1
        ratio = parallel_ratio(seg.bounds, (text[:half], text[half:]))
        data = text.encode("utf-8") * 8  # control: hashlib releases the GIL as well
        control = parallel_ratio(lambda d: hashlib.sha256(d).digest(), (data, data[::-1]))
        print(
            f"Two threads on two halves / one thread on both (compiled offsets): {ratio:.2f} "
            f"(control, hashlib.sha256: {control:.2f}; 0.5 = fully parallel, 1.0 = not at all)"
        )
    loads = {name: fresh_load(name) for name in ("compiled", "python")}
    costs = [f"{name} {sec * 1000:.0f} ms, +{mb:.0f} MB RSS" for name, (sec, mb) in loads.items()]
    print(f"Default lexicon, first use in a fresh process: {'; '.join(costs)}.")


if __name__ == "__main__":
    main()
