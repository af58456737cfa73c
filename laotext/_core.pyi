"""Type stub of the compiled core (laotext/_core.c); use it through :mod:`laotext._backend`."""

from array import array
from collections.abc import Callable, Iterable, Sequence

IS_WORD: int
IS_PREFIX: int

class Scanner:
    """The syllable-cluster scanner: ``CLUSTER_RE`` of :mod:`laotext.syllables` in C."""

    def __init__(self, mark_ranges: Sequence[tuple[int, int]]) -> None: ...
    def bounds(self, text: str, /) -> array[int]:
        """The end offset of every syllable cluster, as ``array('q')``."""

class Segmenter:
    """The word segmenter of :mod:`laotext.segment` in C, over one lookup table."""

    def __init__(
        self,
        scanner: Scanner,
        table: dict[str, int],
        key: Callable[[str], str],
        lao_start: Iterable[str],
        context: object = None,
    ) -> None: ...
    def bounds(self, text: str, /) -> array[int]:
        """The end offset of every word token, as ``array('q')``."""
    def tokens(self, text: str, /) -> list[str]:
        """The word tokens, as a list of str (slices of ``text``)."""
    @property
    def node_count(self) -> int:
        """Nodes of the lookup trie."""
    @property
    def known_count(self) -> int:
        """Raw clusters whose key the segmenter remembers."""
