"""What the compiled speller (``laotext._core.WordSpeller``, _speller.c) reads from a system.

The C speller spells a word exactly as :class:`~laotext.romanize.render.Speller` does.  It knows
the scanner's letters (:mod:`laotext.romanize.letters`) but no system's spelling: everything a
:class:`~laotext.romanize.systems.System` spells reaches it through :func:`speller_spec`, as plain
builtins read once when the speller is made, so that adding a system stays adding a table.

>>> from laotext.romanize.systems import SYSTEMS
>>> spec = speller_spec(SYSTEMS["bgn"], tones=True, open_o="ogonek")
>>> spec["initials"]["ຊ"], spec["vowels"]["uːə"], spec["hyphen"], spec["tones"], spec["errors"]
('x', 'oua', '-', {}, 'replace')
"""

from __future__ import annotations

from typing import Any, get_args

from laotext.romanize.render import (
    _EQUIVALENT,
    _HALF_RING,
    _SHORT_OPEN_NO_STOP,
    _VOWEL_LETTERS,
    Errors,
)
from laotext.romanize.render import _final_h as final_h
from laotext.romanize.syllable import _TONE, Syllable
from laotext.romanize.systems import System

__all__ = ["speller_spec"]

# The letters render.py writes itself rather than looking them up in a table.
_LABIALISED = "ʷ"  # render_syllable: a labialised onset is written ...
_ASPIRATED = "ʰ"  # ... before the aspiration (kʷʰ)
_GLOTTAL_STOP = "ʔ"  # render_syllable, rule ipa-glottal-stop
_WORD_FINAL_H = "h"  # render_word and Speller, after _final_h
_HYPHEN = "-"  # _join, rules hyphen-vowel-after-vowel(-or-g)
_AFTER_G = "g"  # _join, rule hyphen-vowel-after-vowel-or-g
_NO_CAPITAL = "O"  # _abbreviation, capitals: a letter whose initial is "" (ອ)
_REPLACEMENT = "?"  # render_word, errors="replace": a piece that is not a syllable
_WORD_SEPARATOR = " "  # render_word: between an abbreviation and the syllables around it

_ERRORS: tuple[str, ...] = get_args(Errors)


def speller_spec(
    system: System, *, tones: bool, open_o: str, errors: str = "replace"
) -> dict[str, Any]:
    """Everything ``_core.WordSpeller`` needs to spell like ``Speller(system, tones=, open_o=,
    errors=)``, that is like ``render_word(scan_word(word), system, ...)``.

    Keys, in the order render.py uses them: ``letter`` (``_letter``: letters spelled as
    another), ``initials``, ``vowels``, ``clusters``, ``medial_w_vowels``, ``medial_w_preposed``
    (``str | None``), ``labialised`` and ``aspirated`` (the onset swap kʷʰ), ``finals_after``
    (keyed on ``(nucleus, letter)``), ``finals``, ``glottal_stop`` (``None`` when the rule is
    off) with ``short_open_no_stop``, ``tones`` (``syllable._TONE``: ``(class, live, long,
    mark) -> contour``, empty when no tone is written), ``abbreviation_letter_names``
    (``_abbreviation`` writes letter names: initial + the vowel ``ɔː`` + the tone of a live long
    unmarked syllable, joined by ``separator``; else ``capitals``: letter -> its capital),
    ``final_h`` (nucleus -> the last letters of an open syllable that take ``word_final_h`` at
    the end of a word), ``separator``, ``hyphen`` (``None`` when the system writes none) between
    a part ending in one of ``hyphen_after`` and one starting with one of ``hyphen_before``,
    ``errors`` (what render_word does with a piece that is not a syllable: ``"replace"`` writes
    ``replacement``, ``"ignore"`` nothing, ``"preserve"`` the piece, ``"strict"`` raises),
    ``word_separator`` (between render_word's words: an abbreviation and the syllables around
    it), and ``translate`` (one letter -> its replacement in the whole output,
    ``open_o="half-ring"``).  ``errors`` other than those four raises ``ValueError``.

    >>> from laotext.romanize.systems import SYSTEMS
    >>> spec = speller_spec(SYSTEMS["ipa"], tones=True, open_o="ogonek")
    >>> spec["tones"]["low", True, True, ""], spec["glottal_stop"], spec["hyphen"]
    ('˧˥', 'ʔ', None)
    >>> speller_spec(SYSTEMS["moh2020"], tones=True, open_o="ogonek")["final_h"]["ɔː"]
    'eo'
    >>> speller_spec(SYSTEMS["alalc"], tones=True, open_o="half-ring")["translate"]["ǫ"]
    'o̜'
    >>> speller_spec(SYSTEMS["bgn"], tones=True, open_o="ogonek")["capitals"]["ຂ"]
    'Kh'
    """
    if errors not in _ERRORS:
        raise ValueError(f"errors={errors!r} is not one of {', '.join(map(repr, _ERRORS))}")
    rules = system.rules
    hyphen_g = "hyphen-vowel-after-vowel-or-g" in rules
    hyphen = hyphen_g or "hyphen-vowel-after-vowel" in rules
    letters = "".join(sorted(_VOWEL_LETTERS))
    spec: dict[str, Any] = {
        "letter": dict(_EQUIVALENT),
        "initials": dict(system.initials),
        "vowels": dict(system.vowels),
        "clusters": dict(system.clusters),
        "medial_w_vowels": dict(system.medial_w_vowels),
        "medial_w_preposed": system.medial_w_preposed,
        "labialised": _LABIALISED,
        "aspirated": _ASPIRATED,
        "finals_after": dict(system.finals_after),
        "finals": dict(system.finals),
        "glottal_stop": _GLOTTAL_STOP if "ipa-glottal-stop" in rules else None,
        "short_open_no_stop": sorted(_SHORT_OPEN_NO_STOP),
        "tones": dict(_TONE) if tones and "ipa-tones" in rules else {},
        "abbreviation_letter_names": "abbreviation-letter-names" in rules,
        "capitals": {c: s.capitalize() or _NO_CAPITAL for c, s in system.initials.items()},
        "word_final_h": _WORD_FINAL_H,
        "separator": system.syllable_separator,
        "hyphen": _HYPHEN if hyphen else None,
        "hyphen_after": letters + _AFTER_G if hyphen_g else letters,
        "hyphen_before": letters,
        "errors": errors,
        "replacement": _REPLACEMENT,
        "word_separator": _WORD_SEPARATOR,
        "translate": (
            {chr(c): to for c, to in _HALF_RING.items()} if open_o == "half-ring" else {}
        ),
    }
    spec["final_h"] = _final_h_table(system, spec)
    return spec


def _final_h_table(system: System, spec: dict[str, Any]) -> dict[str, str]:
    """render._final_h as a table: nucleus -> the last letters after which it adds the h.

    _final_h looks at the open syllable's nucleus and at the last letter of its spelling, so it
    is asked about every letter the system can end a syllable with.
    """
    strings = [spec["glottal_stop"] or "", *spec["tones"].values(), spec["medial_w_preposed"] or ""]
    for name in ("initials", "vowels", "clusters", "medial_w_vowels", "finals_after", "finals"):
        strings += spec[name].values()
    last_letters = sorted({c for s in strings for c in s})
    table: dict[str, str] = {}
    for nucleus in system.vowels:
        s = Syllable("", "", "", "", "", nucleus, "", "", "", "mid", False, "short", "", False)
        after = "".join(c for c in last_letters if final_h(s, c, system))
        if after:
            table[nucleus] = after
    return table
