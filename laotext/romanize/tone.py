"""Vientiane tone rules: tone = f(initial class, live/dead, vowel length, tone mark).

The contours are those of Wiktionary's ``Module:lo-pron`` (research/romanise_normalise.md §2.3),
chosen because test data exists for them.  Published descriptions of Vientiane Lao disagree
(r12a reproduces a 5-tone and a 6-tone table; Lingua::LO::NLP separates mid-class live syllables
from high-class ones, Wiktionary gives both ˩˧), so the contours are data, in one table.

>>> vientiane_tone("low", live=True, long=True, mark="")
'˧˥'
>>> vientiane_tone("mid", live=False, long=False, mark="")
'˧˥'
"""

from __future__ import annotations

from laotext.romanize.letters import ConsonantClass

# (class, kind) -> contour; kind is "live", "dead-short", "dead-long" or a tone mark.
_TONES: dict[tuple[ConsonantClass, str], str] = {
    ("high", "live"): "˩˧",
    ("mid", "live"): "˩˧",
    ("low", "live"): "˧˥",
    ("high", "dead-short"): "˧˥",
    ("mid", "dead-short"): "˧˥",
    ("low", "dead-short"): "˧",
    ("high", "dead-long"): "˧˩",
    ("mid", "dead-long"): "˧˩",
    ("low", "dead-long"): "˥˨",
    # mai ek ◌່
    ("high", "\u0ec8"): "˧",
    ("mid", "\u0ec8"): "˧",
    ("low", "\u0ec8"): "˧",
    # mai tho ◌້
    ("high", "\u0ec9"): "˧˩",
    ("mid", "\u0ec9"): "˥˨",
    ("low", "\u0ec9"): "˥˨",
    # mai ti ◌໊ and mai catawa ◌໋ occur on mid-class loans; lao2ipa and Wiktionary values.
    ("high", "\u0eca"): "˧˥",
    ("mid", "\u0eca"): "˧˥",
    ("low", "\u0eca"): "˧˥",
    ("high", "\u0ecb"): "˩˧",
    ("mid", "\u0ecb"): "˩˧",
    ("low", "\u0ecb"): "˩˧",
}


def vientiane_tone(cls: ConsonantClass, *, live: bool, long: bool, mark: str) -> str:
    """Return the Vientiane tone contour (Chao tone letters) of a syllable.

    >>> vientiane_tone("high", live=True, long=True, mark="\u0ec9")  # ຂ້າ
    '˧˩'
    """
    if mark:
        return _TONES[cls, mark]
    if live:
        return _TONES[cls, "live"]
    return _TONES[cls, "dead-long" if long else "dead-short"]
