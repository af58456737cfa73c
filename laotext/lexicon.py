"""The word lexicon: canonical lookup keys, the shipped word list, and the segmenter's lookup table.

Every lookup uses *canonical keys*: a word's key is the concatenation of the keys of its syllable
clusters (:data:`laotext.syllables.CLUSTER_RE`), and a cluster's key is its normalised spelling
(composed ຳ, ໜ ໝ ຫຼ, vowel signs before tone marks).  Keying clusters one by one, and words as the
concatenation, means a word in the lexicon matches the text whatever spelling variant the text
uses, and the segmenter can build keys cluster by cluster while it walks the text.

The shipped lexicon is ``data/lexicon.tsv`` (built by ``data/build_lexicon.py``; its sources and
licences are in ``data/SOURCES.md``): one ``word<TAB>cost`` line per entry, sorted, where the cost
is an integer scaled negative log probability (smaller is likelier).

The lexicon also knows its own structure: an entry that is a sequence of two or more other
entries is a *compound* (ສະຖານທູດ = ສະຖານ + ທູດ).  The segmenter's granularities use this.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from laotext.normalize import normalize
from laotext.syllables import CLUSTER_RE

__all__ = [
    "CONJUNCTION_HEADS",
    "DEFAULT_COST",
    "IS_PREFIX",
    "IS_WORD",
    "PHRASE_EXCEPTIONS",
    "PHRASE_HEADS",
    "PHRASE_TAILS",
    "RARE_SINGLE_COST",
    "Lexicon",
    "canonical_key",
    "cluster_key",
    "compound_parts",
    "default_words",
    "fine_entries",
    "parse_word_lines",
    "phrase_entries",
]

WordSpec = str | tuple[str, int]
"""A lexicon entry as the API takes it: a word (cost :data:`DEFAULT_COST`) or ``(word, cost)``."""

IS_WORD = 1
"""Flag bit in :attr:`Lexicon.table` values: the key is a lexicon entry."""
IS_PREFIX = 2
"""Flag bit in :attr:`Lexicon.table` values: the key is a proper prefix of some entry."""

DEFAULT_COST = 800
"""Cost of an entry given without one: that of a fairly common word (about 34 in 100,000), so
that a word a user adds wins over splitting it into ordinary shorter words."""

COST_SCALE = 100
"""Costs are ``round(COST_SCALE * -ln p)``: integers, so that every backend adds them exactly."""


@lru_cache(maxsize=65536)
def cluster_key(cluster: str) -> str:
    """The canonical key of one syllable cluster (cached: text has a few thousand distinct ones).

    >>> cluster_key("ນໍ້າ") == cluster_key("ນ້ຳ")
    True
    >>> cluster_key("ຫນ້າ") == cluster_key("ໜ້າ")
    True
    """
    return normalize(cluster)


def canonical_key(text: str) -> str:
    """The lookup key of a word: the concatenated keys of its clusters.

    >>> canonical_key("ກໍາລັງ") == canonical_key("ກຳລັງ")
    True
    """
    return "".join(map(cluster_key, CLUSTER_RE.findall(text)))


def cost_from_count(count: int, total: int) -> int:
    """Integer cost of a word seen ``count`` times among ``total`` tokens (``count`` > 0).

    >>> cost_from_count(1, 100)
    461
    """
    return round(COST_SCALE * -math.log(count / total))


def parse_word_lines(lines: Iterable[str]) -> dict[str, int]:
    """Read ``word`` or ``word<TAB>cost`` lines (``#`` starts a comment line) into key -> cost.

    When a key appears twice (spelling variants), the cheaper cost wins.

    >>> parse_word_lines(["# comment", "ຄວາມ\\t500", "ກໍາລັງ\\t900", "ກຳລັງ\\t700"])
    {'ຄວາມ': 500, 'ກຳລັງ': 700}
    """
    entries: dict[str, int] = {}
    for line in lines:
        line = line.rstrip("\r\n")
        if not line or line.startswith("#"):
            continue
        word, _, cost_text = line.partition("\t")
        _add(entries, word, int(cost_text) if cost_text else DEFAULT_COST)
    return entries


def _add(entries: dict[str, int], word: str, cost: int) -> None:
    if not isinstance(word, str) or not word.strip():
        raise ValueError(f"a lexicon word must be a non-empty str, got {word!r}")
    if isinstance(cost, bool) or not isinstance(cost, int) or cost < 0:
        raise ValueError(f"a word cost must be a non-negative int, got {cost!r} for {word!r}")
    key = canonical_key(word.strip())
    old = entries.get(key)
    if old is None or cost < old:
        entries[key] = cost


def entries_from_specs(specs: Iterable[WordSpec]) -> dict[str, int]:
    """Key -> cost for words given as ``"word"`` or ``("word", cost)``.

    >>> entries_from_specs(["ສະບາຍດີ", ("ລາວ", 300)])
    {'ສະບາຍດີ': 800, 'ລາວ': 300}
    """
    entries: dict[str, int] = {}
    for spec in specs:
        if isinstance(spec, str):
            _add(entries, spec, DEFAULT_COST)
        else:
            word, cost = spec
            _add(entries, word, cost)
    return entries


@lru_cache(maxsize=1)
def default_words() -> tuple[tuple[str, int], ...]:
    """The shipped lexicon as sorted ``(key, cost)`` pairs, read once per process.

    >>> ("ສະບາຍດີ" in dict(default_words()), len(default_words()) > 10000)
    (True, True)
    """
    text = resources.files("laotext.data").joinpath("lexicon.tsv").read_text(encoding="utf-8")
    # The shipped file is already canonical, deduplicated and sorted (data/build_lexicon.py;
    # tests/test_lexicon.py checks it), so loading skips parse_word_lines' re-keying: that keeps
    # the first segmentation of a process fast.
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return tuple((key, int(cost)) for key, cost in pairs)


def key_clusters(key: str) -> list[str]:
    """A key's clusters (keys are canonical, so their clusters are keys too)."""
    return CLUSTER_RE.findall(key)


def compound_parts(
    entries: Mapping[str, int], keys: Iterable[str] | None = None
) -> dict[str, tuple[str, ...]]:
    """Each compound entry -> its cheapest split into two or more other entries.

    An entry is a compound when its clusters can be covered by a sequence of at least two other
    entries; among such splits the one with the smallest total cost (then the fewest parts, then
    the earliest longest first part) is kept.

    Only the entries in ``keys`` are examined when it is given.

    >>> compound_parts({"ສະຖານ": 900, "ທູດ": 900, "ສະຖານທູດ": 1000, "ລາວ": 300})
    {'ສະຖານທູດ': ('ສະຖານ', 'ທູດ')}
    """
    result: dict[str, tuple[str, ...]] = {}
    for key in sorted(entries if keys is None else keys):
        clusters = key_clusters(key)
        n = len(clusters)
        if n < 2:
            continue
        # best[i]: (cost, parts, split) of the cheapest cover of clusters[:i] by other entries.
        best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (n + 1)
        best[0] = (0, 0, ())
        for i in range(n):
            here = best[i]
            if here is None:
                continue
            piece = ""
            for j in range(i, n):
                piece += clusters[j]
                cost = entries.get(piece)
                if cost is None or (i == 0 and j == n - 1):
                    continue
                candidate = (here[0] + cost, here[1] + 1, (*here[2], piece))
                old = best[j + 1]
                if old is None or candidate[:2] < old[:2]:
                    best[j + 1] = candidate
        final = best[n]
        if final is not None:
            result[key] = final[2]
    return result


PHRASE_HEADS: tuple[str, ...] = (
    # negation, relativiser, aspect and modal auxiliaries, copula and existentials
    "ບໍ່", "ທີ່", "ວ່າ", "ໄດ້", "ຈະ", "ຍັງ", "ຄວນ", "ມີ", "ຢູ່", "ເປັນ", "ແມ່ນ",
    # prepositions and conjunctions
    "ໃຫ້", "ຂອງ", "ໃນ", "ຈາກ", "ແກ່", "ຕໍ່", "ດ້ວຍ", "ໂດຍ", "ເພື່ອ", "ແລະ", "ຫຼື", "ແຕ່",
    # nominalisers: ການ + verb, ຄວາມ + adjective
    "ການ", "ຄວາມ",
    # the noun/classifier ຄົນ and the quantifiers ທຸກ, ບາງ (ຄົນອື່ນ, ທຸກຄົນ, ບາງຄົນ)
    "ຄົນ", "ທຸກ", "ບາງ",
)  # fmt: skip
"""Function words that start *phrases* rather than words in the "fine" convention (ບໍ່ມີ = ບໍ່ +
ມີ, ການຄ້າ = ການ + ຄ້າ).  ກໍ/ກໍ່ and ຕ້ອງ are left out: they also begin ordinary words (ກໍລະນີ,
ຕ້ອງການ)."""

PHRASE_TAILS: tuple[str, ...] = ("ວ່າ", "ແມ່ນ", "ໃຫ້")
"""Function words that end phrases in the "fine" convention: the complementiser (ຄິດວ່າ = ຄິດ +
ວ່າ), the copula (ນີ້ແມ່ນ) and causative ໃຫ້ (ເຮັດໃຫ້)."""

CONJUNCTION_HEADS: tuple[str, ...] = (
    "ເພາະ", "ຍ້ອນ", "ແຕ່", "ເຖິງ", "ເຖິງແມ່ນ", "ຖ້າ", "ເນື່ອງຈາກ",
)  # fmt: skip
"""Words that make a conjunction with ວ່າ (ເພາະວ່າ "because", ເຖິງແມ່ນວ່າ "although"): such an
entry is a word, not a complementiser phrase, in the "fine" convention too."""

PHRASE_EXCEPTIONS: tuple[str, ...] = ("ທີ່ສຸດ",)
"""Entries that look like phrases but stay words in the "fine" convention: the superlative
ທີ່ສຸດ ("most")."""


def phrase_entries(entries: Mapping[str, int]) -> dict[str, tuple[str, ...]]:
    """Compound entries that start with a :data:`PHRASE_HEADS` word or end with a
    :data:`PHRASE_TAILS` word (their cheapest split into other entries says so).

    Not phrases: a :data:`CONJUNCTION_HEADS` word + ວ່າ (ເພາະວ່າ), and
    :data:`PHRASE_EXCEPTIONS`.

    >>> phrase_entries({"ບໍ່": 300, "ມີ": 300, "ບໍ່ມີ": 500, "ບໍລິສັດ": 900, "ຄິດ": 600,
    ...                 "ວ່າ": 300, "ຄິດວ່າ": 700, "ເພາະ": 600, "ເພາະວ່າ": 700})
    {'ຄິດວ່າ': ('ຄິດ', 'ວ່າ'), 'ບໍ່ມີ': ('ບໍ່', 'ມີ')}
    """
    heads = tuple(canonical_key(w) for w in PHRASE_HEADS)
    tails = tuple(canonical_key(w) for w in PHRASE_TAILS)
    that = canonical_key("ວ່າ")
    conjunctions = {canonical_key(w) + that for w in CONJUNCTION_HEADS}
    keep = conjunctions | {canonical_key(w) for w in PHRASE_EXCEPTIONS}
    candidates = [
        k for k in entries if (k.startswith(heads) or k.endswith(tails)) and k not in keep
    ]
    parts = compound_parts(entries, candidates)
    return {
        key: split
        for key, split in sorted(parts.items())
        if split[0] in heads or split[-1] in tails
    }


RARE_SINGLE_COST = 1500
"""In the "fine" table, one-cluster entries that cost this much or more are left out
(:func:`fine_entries`).  With the shipped costs that is the one-cluster entries NTREX never
shows (a rare syllable-word is far more often a syllable of a name or loan word the lexicon
lacks: ຮ່າ|ໂນ້ຍ)."""


def fine_entries(entries: Mapping[str, int]) -> dict[str, int]:
    """The entries of the "fine" granularity: without :func:`phrase_entries` and without
    one-cluster entries that cost :data:`RARE_SINGLE_COST` or more.

    >>> fine_entries({"ບໍ່": 300, "ມີ": 300, "ບໍ່ມີ": 500, "ຮ່າ": 1600, "ລາວ": 300})
    {'ບໍ່': 300, 'ມີ': 300, 'ລາວ': 300}
    """
    phrases = phrase_entries(entries)
    return {
        key: cost
        for key, cost in entries.items()
        if key not in phrases and not (cost >= RARE_SINGLE_COST and len(key_clusters(key)) == 1)
    }


class Lexicon(NamedTuple):
    """The lookup table the segmenter walks, built from key -> cost entries.

    ``table`` maps a concatenation of cluster keys to ``cost << 2 | flags``: ``flags & IS_WORD``
    when it is an entry (with that cost), ``flags & IS_PREFIX`` when a longer entry starts with it
    (at any character, so that any clustering of the text can extend it).
    """

    table: dict[str, int]
    size: int

    @classmethod
    def build(cls, entries: Mapping[str, int]) -> Lexicon:
        """Build the table.

        >>> lex = Lexicon.build({"ສະບາຍ": 900, "ສະບາຍດີ": 700})
        >>> lex.table["ສະບາຍ"] & IS_WORD, lex.table["ສະບາຍ"] & IS_PREFIX, lex.table["ສະບາຍ"] >> 2
        (1, 2, 900)
        """
        table: dict[str, int] = {}
        for key in sorted(entries):
            table[key] = table.get(key, 0) | (entries[key] << 2) | IS_WORD
            for end in range(1, len(key)):
                prefix = key[:end]
                table[prefix] = table.get(prefix, 0) | IS_PREFIX
        return cls(table, len(entries))
