"""Glue between the pure-Python reference and the compiled core ``laotext._core``.

The compiled core is optional: when it did not compile at install time, :data:`CORE` is ``None``
and :data:`CORE_ERROR` says why, so that ``backend="compiled"`` can raise an error that names the
cause.  The core takes its tables from Python, from the same objects the pure-Python backend
uses, so there is only one definition of each:

- the scanner gets the combining-mark ranges of :data:`laotext._marks.MARK_RANGES`;
- the segmenter gets the lexicon's lookup table (key string -> ``cost << 2 | flags``), the cluster
  key function (:func:`laotext.lexicon.cluster_key`) and the set of characters that start a Lao
  cluster, from :mod:`laotext.segment`.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable, Iterable
from typing import Any

from laotext._marks import MARK_RANGES

__all__ = ["CORE", "CORE_ERROR", "CompiledSegmenter", "cluster_bounds", "require_core", "scanner"]

CORE: Any
CORE_ERROR: str | None
try:
    from laotext import _core as CORE
except ImportError as error:  # not compiled: no C compiler at install time, or a broken build
    CORE = None
    CORE_ERROR = f"laotext._core is not available in this installation ({error})"
else:
    CORE_ERROR = None

_LOCK = threading.Lock()
_SCANNER: Any = None


def require_core() -> Any:
    """The compiled module, or ImportError saying why it is missing."""
    if CORE is None:
        raise ImportError(
            f"{CORE_ERROR}; it is built when laotext is installed with a C compiler"
            " (pip install --force-reinstall --no-binary laotext laotext); use backend='python'"
        )
    return CORE


def scanner() -> Any:
    """The process's compiled cluster scanner (built on first use; immutable, thread-safe)."""
    global _SCANNER
    if _SCANNER is None:
        core = require_core()
        with _LOCK:
            if _SCANNER is None:
                _SCANNER = core.Scanner(MARK_RANGES)
    return _SCANNER


def cluster_bounds(text: str) -> array[int]:
    """End offsets of the syllable clusters of ``text``, as ``array('q')`` (compiled scanner).

    The same clusters as :data:`laotext.syllables.CLUSTER_RE`, without a Python object per
    cluster.

    >>> list(cluster_bounds("ສະບາຍດີ 2024")) if CORE else [2, 5, 7, 8, 12]
    [2, 5, 7, 8, 12]
    """
    bounds: array[int] = scanner().bounds(text)
    return bounds


def _is_normalize(key: Callable[[str], str]) -> bool:
    """Is ``key`` the default cluster key, ``normalize()`` with the default options?"""
    from laotext import lexicon

    return key is lexicon.cluster_key


class CompiledSegmenter:
    """The word segmenter of :mod:`laotext.segment` (steps 1-5 of its docstring) in C.

    ``table`` is the lexicon's lookup table (:attr:`laotext.lexicon.Lexicon.table`: key string ->
    ``cost << 2 | flags``) or only its words (``cost << 2 | IS_WORD``: the core gives every proper
    prefix ``IS_PREFIX`` itself), ``key`` the cluster key function and ``lao_start`` the characters
    that make a cluster Lao; the defaults are the pure-Python backend's own, so both backends
    read one definition.  ``context`` is a trained model's context as the pure-Python backend
    looks it up (``segment._ContextTable``: ``pairs``, ``default``, ``separate``,
    ``exceptions``), or None.  Building copies the table into a character trie (no Python
    objects are kept per entry); the object is immutable and may be shared by threads, which
    segment in parallel (the C code runs without the GIL).  For example (not a doctest: the
    core may be missing)::

        seg = CompiledSegmenter(Lexicon.build({"ສະບາຍ": 900, "ສະບາຍດີ": 700, "ດີ": 800}).table)
        seg.tokens("ສະບາຍດີ ດີໆ")  # ['ສະບາຍດີ', ' ', 'ດີໆ']
        seg.bounds("ສະບາຍດີ ດີໆ")  # array('q', [7, 8, 11])
    """

    __slots__ = ("_core",)

    def __init__(
        self,
        table: dict[str, int],
        *,
        key: Callable[[str], str] | None = None,
        lao_start: Iterable[str] | None = None,
        context: Any = None,
    ) -> None:
        core = require_core()
        if key is None or lao_start is None:
            from laotext import lexicon, segment  # the reference's own definitions

            if (core.IS_WORD, core.IS_PREFIX) != (lexicon.IS_WORD, lexicon.IS_PREFIX):
                raise RuntimeError("laotext._core and laotext.lexicon disagree on table flags")
            key = lexicon.cluster_key if key is None else key
            lao_start = segment._LAO_START if lao_start is None else lao_start
        # With the default key, normalize(), the core computes the keys it can decide itself.
        self._core = core.Segmenter(
            scanner(), table, key, sorted(lao_start), context, _is_normalize(key)
        )

    def bounds(self, text: str) -> array[int]:
        """End offsets of the tokens of ``text`` as ``array('q')`` (no object per token)."""
        bounds: array[int] = self._core.bounds(text)
        return bounds

    def tokens(self, text: str) -> list[str]:
        """The tokens of ``text``: slices whose concatenation is ``text``."""
        tokens: list[str] = self._core.tokens(text)
        return tokens
