"""laotext: Lao word, syllable and sentence segmentation, normalisation and romanisation.

The public API is a handful of plain functions and one configurable object::

    >>> import laotext
    >>> laotext.syllable_tokenize("ສະບາຍດີ")
    ['ສະ', 'ບາຍ', 'ດີ']

Submodules are imported on first use, so ``import laotext`` stays cheap: no table is built and
no data file is read until a function needs it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> submodule that defines it.  Resolved lazily by __getattr__ (PEP 562).
_EXPORTS: dict[str, str] = {
    "normalize": "laotext.normalize",
    "syllable_tokenize": "laotext.syllables",
    "word_tokenize": "laotext.segment",
    "sent_tokenize": "laotext.sentences",
    "Tokenizer": "laotext.segment",
    "backend": "laotext.segment",
    "romanize": "laotext.romanize",
    "parse_syllable": "laotext.romanize",
}

__all__ = ["__version__", *sorted(_EXPORTS)]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from laotext.normalize import normalize
    from laotext.syllables import syllable_tokenize


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'laotext' has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value  # cache: later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
