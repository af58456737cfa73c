"""Type stub of the compiled core (laotext/_*.c); use it through :mod:`laotext._backend`."""

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
        normalize_keys: bool = False,
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

class WordSpeller:
    """One romanisation system's word speller (laotext.romanize.render.Speller) in C."""

    def __init__(self, spec: dict[str, object], /) -> None: ...
    def __call__(self, word: str, /) -> str | None:
        """The spelling of ``word``, or None when it is left to the Python speller."""
    def spell(self, word: str, /) -> tuple[str, bool] | None:
        """(spelling, vowel-less), or None when ``word`` is left to the Python speller."""

class Romanizer:
    """romanize() of one line in C (laotext.romanize.text), for one set of options."""

    def __init__(
        self,
        segmenter: Segmenter | None,
        speller: WordSpeller,
        fallback: Callable[[str], tuple[str, bool]],
        ellipsis: str,
        etc: str,
        normalize: Callable[[str], str] | None = None,
    ) -> None: ...
    def __call__(self, text: str, /) -> str | None:
        """The romanised line, or None when it is left to the Python path."""

def _normalize_default(text: str, /) -> str | None:
    """normalize(text) from the C normaliser, or None when it leaves ``text`` to Python."""

def _scan_syllables(word: str, /) -> tuple[str | tuple[object, ...], ...]:
    """syllable._scan(word) from the C scanner (syllables without their tone)."""
