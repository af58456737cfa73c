"""laotext: Lao word, syllable and sentence segmentation, normalisation and romanisation.

The public API is a handful of plain functions and one configurable object::

    >>> import laotext
    >>> laotext.syllable_tokenize("ສະບາຍດີ")
    ['ສະ', 'ບາຍ', 'ດີ']

Importing is cheap: modules are small, and no table is built and no data file is read until a
function needs it (the lexicon loads on the first segmentation, once per process).
"""

from __future__ import annotations

# The functions are imported eagerly, not resolved lazily: a submodule and the function it holds
# share a name (laotext.normalize, laotext.romanize), and Python binds the *submodule* to that
# attribute the first time it is imported, so only an import here, after those, keeps the name
# bound to the function.
from laotext.normalize import normalize
from laotext.romanize import parse_syllable, romanize
from laotext.segment import Tokenizer, backend, word_tokenize
from laotext.sentences import sent_tokenize
from laotext.syllables import syllable_tokenize

__version__ = "0.1.0"

__all__ = [
    "Tokenizer",
    "__version__",
    "backend",
    "normalize",
    "parse_syllable",
    "romanize",
    "sent_tokenize",
    "syllable_tokenize",
    "word_tokenize",
]
