"""Fuzz the compiled core against the pure-Python reference (atheris).

Six entry points, chosen by the first argument:

    python fuzz/fuzz_core.py scanner|segmenter|context [atheris/libFuzzer options]
    python fuzz/fuzz_core.py normalizer|syllables|romanizer [atheris/libFuzzer options]

``scanner``: ``_core.Scanner.bounds(text)`` == the match ends of ``CLUSTER_RE.finditer(text)``.
``segmenter``: ``CompiledSegmenter`` == ``laotext.segment._boundaries`` on a small lexicon with
compounds, spelling variants and the ambiguous ກ; the tokens join back to the text.
``context``: the same with a trained model's context (boundary costs between cluster keys, the
ໆ rule and its exceptions) made from the first bytes of the input.
``normalizer``: ``_core._normalize_default(text)`` is None or the Python steps'
``normalize_with(text, DEFAULT_CONFIG)``, and ``normalize(text)`` (which asks the C side first,
line by line) is the latter.
``syllables``: ``_core._scan_syllables(text)`` == ``romanize.syllable._scan(text)`` (without tone).
``romanizer``: the compiled romaniser (``_core.Romanizer``) is None or what the Python path of
``laotext.romanize.text`` gives, for each system and a spread of options.

The fuzz input is turned into text through an alphabet weighted towards what the scanner and
segmenter branch on (all of U+0E80..U+0EFF, the lexicon's words, spaces, digits with separators,
ZWSP, Thai, combining marks, hyphens, lone surrogates, astral characters), with an escape to any
code point.
See fuzz/README.md for how to run it for long.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import atheris

# Not atheris.instrument_imports(): the code under test is C (and `re`), which Python-level
# coverage does not see, and instrumenting the reference only slows it down.
from laotext import _backend, segment
from laotext.lexicon import Lexicon, canonical_key
from laotext.normalize import DEFAULT_CONFIG, normalize, normalize_with
from laotext.romanize import text as text_module
from laotext.romanize.syllable import _scan
from laotext.romanize.systems import SYSTEMS
from laotext.syllables import CLUSTER_RE

WORDS = {
    "ສະບາຍ": 900, "ສະບາຍດີ": 700, "ດີ": 800, "ສະ": 2000, "ມາ": 500, "ມາກ": 900, "ກວ່າ": 600,
    "ວ່າ": 400, "ຫຼາຍ": 500, "ນ້ຳ": 700, "ໜ້າ": 700, "ນ້ຳໜ້າ": 1400, "ຕ່າງ": 800, "ຄວາມ": 300,
    "ກິນເຂົ້າ": 1200, "ເຂົ້າ": 600, "ລາວ": 400, "ພາສາລາວ": 1100, "ພາສາ": 800,
}  # fmt: skip
TABLE = Lexicon.build({canonical_key(w): c for w, c in WORDS.items()}).table
MAX_COST = max(v >> 2 for v in TABLE.values())
SEGMENTER = _backend.CompiledSegmenter(TABLE)

PIECES = (
    [chr(c) for c in range(0x0E80, 0x0F00)]
    + sorted(WORDS)
    + list(" \t\n\u3000\u200b\u200c.,;!?'\"()-_0123456789໐໙²กัิ่ๆ๑aZé\u0301\u2010\u2011\u1ea1")
    + ["\ud800", "\udfff", "\U0001f600", "\U0001d7ce", "\U0001d165", "\U00010400", "ໆໆ", "..."]
)


KEYS = sorted({cluster for word in WORDS for cluster in CLUSTER_RE.findall(word)})


def make_text(data: bytes) -> str:
    return text_from(atheris.FuzzedDataProvider(data))


def text_from(provider: atheris.FuzzedDataProvider) -> str:
    out = []
    while provider.remaining_bytes():
        choice = provider.ConsumeIntInRange(0, len(PIECES) + 7)
        if choice < len(PIECES):
            out.append(PIECES[choice])
        else:  # any code point, surrogates included
            out.append(chr(provider.ConsumeIntInRange(0, sys.maxunicode)))
    return "".join(out)


def scanner(data: bytes) -> None:
    text = make_text(data)
    expected = [m.end() for m in CLUSTER_RE.finditer(text)]
    got = _backend.cluster_bounds(text).tolist()
    if got != expected:
        raise AssertionError(f"scanner differs on {text!r}: {got} != {expected}")


def segmenter(data: bytes) -> None:
    text = make_text(data)
    expected = segment._boundaries(text, TABLE, MAX_COST, {})
    got = SEGMENTER.bounds(text).tolist()
    if got != expected:
        raise AssertionError(f"segmenter differs on {text!r}: {got} != {expected}")
    tokens = SEGMENTER.tokens(text)
    if "".join(tokens) != text or [len(t) for t in tokens] != [
        b - a for a, b in zip([0, *got[:-1]], got, strict=False)
    ]:
        raise AssertionError(f"tokens do not rebuild {text!r}: {tokens}")


def context(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    pairs = tuple(
        (KEYS[provider.ConsumeIntInRange(0, len(KEYS) - 1)],
         KEYS[provider.ConsumeIntInRange(0, len(KEYS) - 1)],
         provider.ConsumeIntInRange(0, 4000))
        for _ in range(provider.ConsumeIntInRange(0, 8))
    )  # fmt: skip
    exceptions = tuple(
        sorted(WORDS)[provider.ConsumeIntInRange(0, len(WORDS) - 1)]
        for _ in range(provider.ConsumeIntInRange(0, 3))
    )
    table = segment._ContextTable(
        segment.Context(
            pairs, provider.ConsumeIntInRange(0, 3000), provider.ConsumeBool(), exceptions
        )
    )
    text = text_from(provider)
    expected = segment._boundaries(text, TABLE, MAX_COST + table.max_cost, {}, table)
    got = _backend.CompiledSegmenter(TABLE, context=table).bounds(text).tolist()
    if got != expected:
        raise AssertionError(
            f"context {pairs, exceptions} differs on {text!r}: {got} != {expected}"
        )


def normalizer(data: bytes) -> None:
    text = make_text(data)
    expected = normalize_with(text, DEFAULT_CONFIG)  # the Python steps
    got = CORE._normalize_default(text)
    if got is not None and got != expected:
        raise AssertionError(f"C normaliser differs on {text!r}: {got!r} != {expected!r}")
    if normalize(text) != expected:  # C where it decides, line by line where it does not
        raise AssertionError(f"normalize() differs on {text!r}: {normalize(text)!r}")


def syllables(data: bytes) -> None:
    text = make_text(data)
    expected = tuple(p if isinstance(p, str) else (*p[:12], p[13]) for p in _scan(text))
    got = CORE._scan_syllables(text)
    if got != expected:
        raise AssertionError(f"C syllable scanner differs on {text!r}: {got} != {expected}")


def romanizer(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    pair = ROMANIZERS[provider.ConsumeIntInRange(0, len(ROMANIZERS) - 1)]
    text = text_from(provider)
    got = pair[0](text)
    if got is None:
        return
    try:
        expected: object = pair[1](text)
    except ValueError:
        expected = ValueError
    if got != expected:
        raise AssertionError(f"C romaniser differs on {text!r}: {got!r} != {expected!r}")


def _romanizer_pairs() -> list[tuple[Callable[[str], str | None], Callable[[str], str]]]:
    """(compiled path, Python path) for each system and a spread of options."""
    pairs = []
    for options in (
        ("bgn", "replace", True, "ogonek", True),
        ("ipa", "preserve", True, "ogonek", True),
        ("alalc", "strict", False, "half-ring", True),
        ("moh2020", "ignore", True, "ogonek", False),
    ):
        python = text_module._Romanizer(SYSTEMS[options[0]], *options[1:])
        core, python.core = python.core, None
        pairs.append((core, python))
    return pairs


CORE = _backend.CORE
ROMANIZERS = _romanizer_pairs()

ENTRY_POINTS = {
    "scanner": scanner,
    "segmenter": segmenter,
    "context": context,
    "normalizer": normalizer,
    "syllables": syllables,
    "romanizer": romanizer,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ENTRY_POINTS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(ENTRY_POINTS)}}} [libFuzzer options]")
    target = ENTRY_POINTS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
