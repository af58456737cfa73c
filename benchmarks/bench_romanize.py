"""Speed of laotext.romanize on running text, against lao2ipa on the same lines in the same run.

Reads the lines of ``../shared/data/raw/bench_corpus.txt`` (~2 MB of Lao news and ntrex128 text;
``--text FILE`` for another) and romanises them one line at a time, the way the CLI streams.

* Before any timing the segmenter's lexicon table is built (one word is segmented); that one-time
  cost is reported on its own as "table build".
* Headline: one pass over all the lines with every romaniser cache empty (runs, words, syllable
  chunks); the segmenter has learned the keys of the clusters of one word only.  Then a second
  pass over the same lines (caches warm; with the compiled path every line is still normalised,
  segmented and spelled, only the words' spellings are found in its cache), and the steady
  state of a stream: the second half of the lines, not seen before, after the first half.
* ``--rounds N``: the cold pass again in N fresh processes, interleaved with N lao2ipa passes
  over the same lines; the best and the median of each (this machine's noise only adds time).
* lao2ipa (``pip install lao2ipa``; skipped, saying so, when it is not installed) romanises the
  same lines (``--ref-lines N``: only the first N lines, for both sides of the ratio) in the same
  process; the ratio is of MB/s of UTF-8 input.
* For reference, the normaliser alone on the same lines (a floor under the cold pass of the
  Python path: each line with an unseen run is normalised once), and how many lines the compiled
  path (``laotext._core.Romanizer``) decided; ``--path python`` times the Python path alone.

    python benchmarks/bench_romanize.py [--text FILE] [--system ipa] [--lines N] [--ref-lines N]
        [--segmenter auto|compiled] [--path auto|python] [--rounds N]
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from laotext.normalize import DEFAULT_CONFIG, normalize_with
from laotext.romanize.systems import SYSTEMS
from laotext.romanize.text import clear_caches, romanize
from laotext.segment import Tokenizer, backend, word_tokenize


def _time(fn: Callable[[str], object], lines: list[str]) -> float:
    start = time.perf_counter()
    for line in lines:
        fn(line)
    return time.perf_counter() - start


def _size(lines: list[str]) -> float:
    return sum(len(line.encode("utf-8")) for line in lines) / 1e6


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--text", type=Path, default=here.parent / "shared/data/raw/bench_corpus.txt"
    )
    parser.add_argument("--system", default="ipa", choices=["bgn", "alalc", "moh2020", "ipa"])
    parser.add_argument("--lines", type=int, default=0, help="use only the first N lines")
    parser.add_argument(
        "--ref-lines", type=int, default=0, help="compare with lao2ipa on the first N lines only"
    )
    parser.add_argument(
        "--segmenter",
        default="auto",
        choices=["auto", "compiled"],
        help="segmenter backend inside romanize (compiled: what it would be with the C core)",
    )
    parser.add_argument(
        "--path",
        default="auto",
        choices=["auto", "python"],
        help="python: romanise without the compiled fast path (laotext._core.Romanizer)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=0,
        help="also time the cold pass in N fresh processes, interleaved with N lao2ipa passes, "
        "and compare the best (and the median) of each",
    )
    parser.add_argument("--cold-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    text_module = importlib.import_module("laotext.romanize.text")
    if args.path == "python":
        text_module._core_romanizer = lambda *_: None
    if not args.text.exists():
        print(f"skipped: {args.text} not found")
        return 0
    lines = args.text.read_text(encoding="utf-8").splitlines()
    if args.lines:
        lines = lines[: args.lines]
    mb = _size(lines)

    start = time.perf_counter()
    if args.segmenter == "compiled":
        tokenizer = Tokenizer(backend="compiled")
        tokenizer.tokenize("ສະບາຍດີ")
        text_module._word_tokenizer = lambda: tokenizer.tokenize
        segmenter = "compiled (forced by --segmenter)"
    else:
        word_tokenize("ສະບາຍດີ")
        segmenter = f"{backend()} (word_tokenize, backend='auto')"
    build = time.perf_counter() - start
    if args.cold_only:  # one round of --rounds, in a fresh process
        clear_caches()
        print(_time(lambda line: romanize(line, system=args.system), lines))
        return 0
    print(f"{args.text.name}: {len(lines)} lines, {mb:.3f} MB; system={args.system}")
    print(f"segmenter {segmenter}; table build {build * 1000:.0f} ms (not timed below)")

    def run(line: str) -> str:
        return romanize(line, system=args.system)

    clear_caches()
    cold = _time(run, lines)
    warm = _time(run, lines)
    norm = _time(lambda s: normalize_with(s, DEFAULT_CONFIG), lines)
    print(f"laotext pass 1 (caches empty) {mb / cold:8.2f} MB/s  ({cold * 1000:.0f} ms)")
    print(f"laotext pass 2 (caches warm)  {mb / warm:8.2f} MB/s  ({warm * 1000:.0f} ms)")
    print(f"  normalize alone, reference  {mb / norm:8.2f} MB/s  ({norm * 1000:.0f} ms)")
    core = text_module._Romanizer(SYSTEMS[args.system], "replace", True, "ogonek", True).core
    if core is None:
        print("compiled path: off (not built, or --path python)")
    else:
        decided = sum(core(line) is not None for line in lines)
        print(f"compiled path decided {decided} of {len(lines)} lines (the rest: Python path)")

    try:
        import lao2ipa  # type: ignore[import-not-found]
    except ImportError:
        print("lao2ipa not installed: no comparison")
        return 0
    output = "moh" if args.system in ("bgn", "moh2020") else "ipa"
    ref_lines = lines[: args.ref_lines] if args.ref_lines else lines
    ref_mb = _size(ref_lines)
    if ref_lines is not lines:  # time laotext on the same subset, cold then warm
        clear_caches()
        cold = _time(run, ref_lines)
        warm = _time(run, ref_lines)
        print(f"first {len(ref_lines)} lines ({ref_mb:.3f} MB, segmenter cache warm): pass 1 "
              f"{ref_mb / cold:.2f} MB/s, pass 2 {ref_mb / warm:.2f} MB/s")  # fmt: skip
    half = len(ref_lines) // 2
    ref_first = _time(lambda s: lao2ipa.transliterate(s, output=output), ref_lines[:half])
    ref_second = _time(lambda s: lao2ipa.transliterate(s, output=output), ref_lines[half:])
    ref = ref_first + ref_second
    print(f"lao2ipa ({output:3})                {ref_mb / ref:8.2f} MB/s  ({ref * 1000:.0f} ms)")
    print(f"ratio laotext/lao2ipa: pass 1 {ref / cold:.1f}x, pass 2 {ref / warm:.1f}x")
    # A stream's steady state: lines not seen before, after a warm-up on other lines (the first
    # half: the words, cluster keys and syllables met there are known).
    clear_caches()
    _time(run, ref_lines[:half])
    steady = _time(run, ref_lines[half:])
    second_mb = _size(ref_lines[half:])
    print(f"second half after the first (new lines, {second_mb:.3f} MB): laotext "
          f"{second_mb / steady:.2f} MB/s, lao2ipa {second_mb / ref_second:.2f} MB/s, "
          f"ratio {ref_second / steady:.1f}x")  # fmt: skip
    if args.rounds and ref_lines is lines:
        _rounds(args, lines, lambda s: lao2ipa.transliterate(s, output=output))
    return 0


def _rounds(args: argparse.Namespace, lines: list[str], reference: Callable[[str], str]) -> None:
    """The cold pass in fresh processes, interleaved with the reference on the same lines: the
    host's noise only ever adds time, so the best of each is the fairest pair to compare."""
    command = [sys.executable, __file__, "--cold-only", "--text", str(args.text)]
    command += ["--system", args.system, "--lines", str(args.lines), "--path", args.path]
    ours, theirs = [], []
    for _ in range(args.rounds):
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        ours.append(float(done.stdout.split()[-1]))
        theirs.append(_time(reference, lines))
    mb = _size(lines)
    best, median = min(ours), statistics.median(ours)
    print(f"{args.rounds} rounds, cold pass in a fresh process each: laotext best "
          f"{mb / best:.2f} MB/s (median {mb / median:.2f}), lao2ipa best "
          f"{mb / min(theirs):.2f} MB/s (median {mb / statistics.median(theirs):.2f}); "
          f"ratio of the bests {min(theirs) / best:.1f}x, of the medians "
          f"{statistics.median(theirs) / median:.1f}x")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
