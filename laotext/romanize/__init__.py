"""Lao romanisation: a syllable parser and the systems that spell its output.

* :func:`romanize` — running text in BGN/PCGN, ALA-LC, MoH 2020 or Vientiane IPA.
* :func:`parse_syllable`, :func:`parse_word` — the parser, public for linguists: onset,
  vowel frame, coda, tone mark, consonant class, live/dead, length and Vientiane tone.
* :data:`SYSTEMS` — each system's tables, sources and documented disagreements.

>>> romanize("ຫຼວງພະບາງ", system="bgn")
'louangphabang'
>>> parse_syllable("ເຂົ້າ").vowel
'ເ-ົາ'
"""

from __future__ import annotations

import sys
import types
from typing import Any

from laotext.romanize.syllable import Syllable, parse_syllable, parse_word
from laotext.romanize.systems import SYSTEMS, System
from laotext.romanize.text import romanize

__all__ = ["SYSTEMS", "Syllable", "System", "parse_syllable", "parse_word", "romanize"]


class _CallablePackage(types.ModuleType):
    """This package, callable as :func:`romanize`.

    ``laotext.romanize`` names both this package and the function.  Importing the package
    (``from laotext.romanize import parse_word``) makes Python bind the *package* to the
    attribute ``laotext.romanize``, shadowing the lazily exported function; being callable
    keeps ``laotext.romanize(text)`` working whichever happened first.
    """

    def __call__(self, text: str, **options: Any) -> str:
        return romanize(text, **options)


sys.modules[__name__].__class__ = _CallablePackage
