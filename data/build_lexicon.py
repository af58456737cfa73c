"""Build ``data/lexicon.tsv``, the word list laotext ships, from openly licensed sources.

Run from the repository root (laotext must be importable, e.g. installed editable)::

    apt-get install hunspell-lo            # Debian/Ubuntu: /usr/share/hunspell/lo_LA.dic
    python data/build_lexicon.py           # downloads the laonlp 1.3.0 wheel with pip

or give every source explicitly (no network needed)::

    python data/build_lexicon.py --hunspell lo_LA.dic --laonlp laonlp-1.3.0-py3-none-any.whl \\
        --ntrex ../shared/data/raw/ntrex128.lao.txt -o data/lexicon.tsv

``--laonlp`` takes the wheel or a directory holding its ``corpus`` files.  The output is
deterministic: the same inputs give the same bytes (everything is sorted; no set or dict order
leaks into it).  Sources, licences and the rules applied are described in ``data/SOURCES.md``.

Steps:

1. read the word lists: hunspell-lo ``lo_LA.dic`` (Wilson & Campbell, LGPL), and from the laonlp
   wheel ``Lao-Dictionary.txt`` (same authors, BSD-style), ``lo_spellcheck_dict.txt`` (Google,
   Apache-2.0), ``lao-wannaphong.txt`` (Apache-2.0) and the ``LaoWord`` column of
   ``lao-eng-dictionary.csv`` (MIT);
2. keep entries made only of Lao syllable clusters (no spaces, digits, punctuation or ໆ), keyed by
   their canonical key (:func:`laotext.lexicon.canonical_key`), deduplicated;
3. prune phrases (:func:`prune`): rules computed from the word lists themselves, plus the short
   curated list in ``CURATED_REMOVALS`` with a reason for each entry;
4. word costs from NTREX-128 (CC BY-SA 4.0): segment the text with the current costs, count the
   words, turn smoothed counts into integer costs, and repeat (:func:`estimate_costs`); then
   add :data:`SINGLE_CLUSTER_PENALTY` to every one-cluster entry.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from laotext.lexicon import COST_SCALE, canonical_key, cost_from_count
from laotext.segment import _LAO_START, Tokenizer
from laotext.syllables import CLUSTER_RE

HERE = Path(__file__).resolve().parent
HUNSPELL_PATHS = ("/usr/share/hunspell/lo_LA.dic", "/usr/share/myspell/dicts/lo_LA.dic")
LAONLP_FILES = (
    "Lao-Dictionary.txt",
    "lo_spellcheck_dict.txt",
    "lao-eng-dictionary.csv",
    "lao-wannaphong.txt",
)

CURATED_REMOVALS: dict[str, str] = {}
"""Entries removed by hand, each with the reason (phrases the rules do not catch)."""

SINGLE_CLUSTER_PENALTY = 400
"""Added to the cost of every one-cluster entry (a factor of about e**-4 in probability).
Most one-cluster entries are also syllables of longer words the lexicon lacks (names, loans,
new compounds); the NTREX estimate, which counts them wherever the lexicon has nothing longer,
makes them too cheap, so that a chain of them beats a longer reading.  Measured on the
development sets: +0.5 F1 on Yunshan dev (medium), -0.1 on HVU (fine)."""


# --- 1. sources ---------------------------------------------------------------------------------


def read_hunspell(path: Path) -> Iterator[str]:
    """Words of a hunspell ``.dic`` file: the first line is a count, ``/FLAGS`` follow a word."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        yield line.split("/", 1)[0]


def read_word_list(text: str) -> Iterator[str]:
    """Words of a one-word-a-line list; ``#`` starts a comment line."""
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


def read_lao_eng_csv(text: str) -> Iterator[str]:
    """The ``LaoWord`` column of ``lao-eng-dictionary.csv``."""
    for row in csv.DictReader(io.StringIO(text)):
        yield row["LaoWord"]


def laonlp_texts(source: Path) -> dict[str, str]:
    """The three laonlp corpus files, from a wheel or a directory that holds them."""
    texts: dict[str, str] = {}
    if source.is_dir():
        for name in LAONLP_FILES:
            texts[name] = (source / name).read_text(encoding="utf-8")
        return texts
    with zipfile.ZipFile(source) as wheel:
        for name in LAONLP_FILES:
            texts[name] = wheel.read(f"laonlp/corpus/{name}").decode("utf-8")
    return texts


def download_laonlp(directory: Path) -> Path:
    """``pip download laonlp==1.3.0 --no-deps`` into ``directory``; the wheel's path."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "laonlp==1.3.0", "--no-deps", "-d", directory],
        check=True,
    )
    return next(directory.glob("laonlp-*.whl"))


def source_words(hunspell: Path, laonlp: dict[str, str]) -> dict[str, list[str]]:
    """Every source's raw words, by source name."""
    return {
        "hunspell-lo": list(read_hunspell(hunspell)),
        "Lao-Dictionary": list(read_word_list(laonlp["Lao-Dictionary.txt"])),
        "lo_spellcheck_dict": list(read_word_list(laonlp["lo_spellcheck_dict.txt"])),
        "lao-eng-dictionary": list(read_lao_eng_csv(laonlp["lao-eng-dictionary.csv"])),
        "lao-wannaphong": list(read_word_list(laonlp["lao-wannaphong.txt"])),
    }


# --- 2. canonical keys --------------------------------------------------------------------------


def lao_key(word: str) -> str | None:
    """The canonical key of a word made only of Lao syllable clusters, else None."""
    word = word.strip().replace("\u200b", "")
    clusters = CLUSTER_RE.findall(word)
    if not clusters or any(c[0] not in _LAO_START for c in clusters):
        return None
    return canonical_key(word)


def collect(sources: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Canonical key -> the sorted names of the sources that list it."""
    found: dict[str, set[str]] = {}
    for name, words in sources.items():
        for word in words:
            key = lao_key(word)
            if key is not None:
                found.setdefault(key, set()).add(name)
    return {key: tuple(sorted(found[key])) for key in sorted(found)}


# --- 3. spelling variants and pruning ----------------------------------------------------------

# Misspellings that the scanner cuts inside a syllable, so that they must be entries of their own
# for the segmenter to keep the word whole (its keys are built cluster by cluster):
# - a tone mark on the first letter of a medial-ວ onset: ກ່ວາ for ກວ່າ (scanned ກ່|ວາ);
# - ເເ (two ເ) typed for ແ: ເເລ້ວ for ແລ້ວ (scanned ເ|ເລ້ວ).
_TONE_ON_ONSET = re.compile("([ກຂຄ])ວ([\u0ec8-\u0ecb])")


def spelling_variants(keys: Iterable[str]) -> dict[str, str]:
    """Variant key -> the entry it spells, for the misspellings the lexicon should accept."""
    variants: dict[str, str] = {}
    known = set(keys)
    for key in sorted(known):
        for variant in (_TONE_ON_ONSET.sub("\\1\\2ວ", key), key.replace("ແ", "ເເ")):
            variant = canonical_key(variant)
            if variant not in known and variant not in variants:
                variants[variant] = key
    return variants


def prune(keys: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Entries to drop -> the rule that drops them (see data/SOURCES.md).

    - *letters*: an entry that is one consonant letter (ກ, ຂ, ... listed as the names of the
      letters).  In running text a bare letter is part of an abbreviation (ສປປ) or a spelling
      error; as an unknown cluster it merges with its neighbours into one token (measured on the
      development sets: +0.9 F1 on one, unchanged on the other).
    - *curated*: :data:`CURATED_REMOVALS`, each with its reason.

    Phrases (ບໍ່ມີ, ຄິດວ່າ) stay in the file: one development corpus writes them as one word,
    the other splits them, so splitting them is the "fine" granularity's job
    (:func:`laotext.lexicon.phrase_entries`), not a pruning rule.
    """
    dropped: dict[str, str] = {}
    for key in keys:
        if len(key) == 1:
            dropped[key] = "letters"
    for key, reason in CURATED_REMOVALS.items():
        if key in keys:
            dropped[key] = f"curated: {reason}"
    return dict(sorted(dropped.items()))


# --- 4. costs -----------------------------------------------------------------------------------


def estimate_costs(keys: Iterable[str], lines: list[str], rounds: int = 3) -> dict[str, int]:
    """Unigram costs from raw text: segment, count, smooth (add-one-half), repeat.

    The first round segments with equal costs (fewest words); each later round with the costs the
    previous one counted.  Unseen entries get the cost of half an occurrence.
    """
    ordered = sorted(keys)
    costs = dict.fromkeys(ordered, 1000)
    for _ in range(rounds):
        tokenizer = Tokenizer(words=tuple(costs.items()))
        counts: Counter[str] = Counter()
        for line in lines:
            for token in tokenizer.tokenize(line):
                key = canonical_key(token)
                if key in costs:
                    counts[key] += 2  # counts are doubled so that half an occurrence is 1
        total = sum(counts.values()) + len(ordered)
        costs = {key: cost_from_count(counts[key] + 1, total) for key in ordered}
    return costs


def write_lexicon(path: Path, costs: dict[str, int], header: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for line in header:
            out.write(f"# {line}\n")
        for key in sorted(costs):
            out.write(f"{key}\t{costs[key]}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hunspell", type=Path, help="lo_LA.dic (default: the hunspell-lo path)")
    parser.add_argument("--laonlp", type=Path, help="laonlp 1.3.0 wheel or corpus directory")
    parser.add_argument("--ntrex", type=Path, help="ntrex128.lao.txt (CC BY-SA 4.0)")
    parser.add_argument("-o", "--output", type=Path, default=HERE / "lexicon.tsv")
    args = parser.parse_args(argv)

    hunspell = args.hunspell or next((Path(p) for p in HUNSPELL_PATHS if Path(p).exists()), None)
    if hunspell is None:
        parser.error("lo_LA.dic not found: apt-get install hunspell-lo, or pass --hunspell")
    with tempfile.TemporaryDirectory() as tmp:
        laonlp_path = args.laonlp or download_laonlp(Path(tmp))
        laonlp = laonlp_texts(laonlp_path)
    ntrex = args.ntrex or HERE.parent.parent / "shared" / "data" / "raw" / "ntrex128.lao.txt"
    if not ntrex.exists():
        parser.error(f"{ntrex} not found: pass --ntrex (NTREX-128 Lao, CC BY-SA 4.0)")

    keys = collect(source_words(hunspell, laonlp))
    dropped = prune(keys)
    kept = [key for key in keys if key not in dropped]
    variants = spelling_variants(kept)
    lines = ntrex.read_text(encoding="utf-8").splitlines()
    costs = estimate_costs(kept, lines)
    costs = {
        key: cost + SINGLE_CLUSTER_PENALTY if len(CLUSTER_RE.findall(key)) == 1 else cost
        for key, cost in costs.items()
    }
    costs.update({variant: costs[key] for variant, key in variants.items()})
    header = [
        "laotext lexicon: canonical key <TAB> cost (100 * -ln p); built by data/build_lexicon.py",
        "sources and licences: data/SOURCES.md",
        f"{len(costs)} entries: {len(keys)} collected, {len(dropped)} pruned,"
        f" {len(variants)} spelling variants added",
        f"cost scale {COST_SCALE}",
    ]
    write_lexicon(args.output, costs, header)
    print(f"{args.output}: {len(costs)} entries ({len(dropped)} pruned)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
