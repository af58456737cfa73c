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

from laotext.romanize.syllable import Syllable, parse_syllable, parse_word
from laotext.romanize.systems import SYSTEMS, System
from laotext.romanize.text import romanize

__all__ = ["SYSTEMS", "Syllable", "System", "parse_syllable", "parse_word", "romanize"]
