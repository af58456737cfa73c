"""``romanize()``: running Lao text to a romanisation, word by word.

Steps: normalise (:func:`laotext.normalize`, so that ``romanize(x) == romanize(normalize(x))``),
split into words (:func:`laotext.segment.word_tokenize` when it is available, else runs of Lao
letters), parse each word into syllables, spell them with the system's tables.  Text that is
not Lao passes through unchanged; Lao digits become ASCII digits; ໆ repeats the previous word.
Each distinct word is romanised once per process (cached), so running text is fast, and no state
is kept between calls, so a stream can be romanised line by line.

>>> romanize("ສະບາຍດີ")
'sabaydi'
>>> romanize("ຫຼວງພະບາງ", system="alalc", segment=False)
'lūangphabāng'
>>> romanize("ດີໆ", system="ipa")
'diː˩˧ diː˩˧'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Literal, get_args

from laotext.romanize.letters import LAO_DIGITS, REPEAT
from laotext.romanize.render import Errors, render_word
from laotext.romanize.syllable import scan_word
from laotext.romanize.systems import SYSTEMS

__all__ = ["romanize"]

SystemName = Literal["bgn", "alalc", "moh2020", "ipa"]
OpenO = Literal["ogonek", "half-ring"]

_ERRORS: tuple[str, ...] = get_args(Errors)
_OPEN_O: tuple[str, ...] = get_args(OpenO)
_LAO_RUN = re.compile(r"[\u0e80-\u0eff]+")
# Inside a run of Lao: digits, the ellipsis ຯ (and ຯລຯ "etc.") and ໆ are not words.
_SPECIAL = re.compile(r"([\u0ed0-\u0ed9]+|ຯລຯ|ຯ|ໆ)")
_SYMBOLS: dict[str, dict[str, str]] = {
    "alalc": {"ຯ": "…", "ຯລຯ": "la"},  # LC table, special symbols
}
_DEFAULT_SYMBOLS = {"ຯ": "...", "ຯລຯ": "etc."}

_Splitter = Callable[[str], list[str]]


@lru_cache(maxsize=1)
def _word_tokenizer() -> _Splitter | None:
    """laotext.segment.word_tokenize if that module is importable (it is optional here)."""
    try:
        from laotext.segment import word_tokenize
    except ImportError:
        return None
    return word_tokenize


@lru_cache(maxsize=1)
def _normalizer() -> Callable[[str], str]:
    try:
        from laotext.normalize import normalize
    except ImportError:
        return str
    return normalize


@lru_cache(maxsize=1 << 16)
def _romanize_word(word: str, system: str, tones: bool, errors: str, open_o: str) -> str:
    return render_word(
        scan_word(word),
        SYSTEMS[system],
        tones=tones,
        errors=errors,  # type: ignore[arg-type]
        open_o=open_o,  # type: ignore[arg-type]
    )


def _check(name: str, value: object, valid: tuple[str, ...]) -> None:
    if value not in valid:
        raise ValueError(f"{name}={value!r} is not one of {', '.join(map(repr, valid))}")


def romanize(
    text: str,
    *,
    system: SystemName = "bgn",
    errors: Errors = "replace",
    tones: bool = True,
    open_o: OpenO = "ogonek",
    segment: bool = True,
) -> str:
    """Romanise Lao text.

    Args:
        text: any text; what is not Lao is kept as it is.
        system: ``"bgn"`` (BGN/PCGN 1966, the default), ``"alalc"`` (ALA-LC), ``"moh2020"``
            (Ministry of Health 2020) or ``"ipa"`` (Vientiane IPA, Wiktionary conventions).
        errors: what to do with Lao that is not a syllable (a stray vowel sign or tone mark):
            ``"replace"`` writes ``?``, ``"ignore"`` drops it, ``"preserve"`` keeps it as is,
            ``"strict"`` raises ``ValueError`` naming it.
        tones: IPA only: write the tone contour after each syllable.
        open_o: ALA-LC only: ``"ogonek"`` writes ǫ ǭ (the printed table), ``"half-ring"``
            o̜ ō̜ (U+031C, the MARC-8 form found in catalogues).
        segment: split Lao runs into words (syllables of a word are joined, words are
            separated by spaces).  ``False`` treats each unbroken Lao run as one word, for
            names and headwords.

    >>> romanize("ແຂວງຫຼວງພະບາງ", system="moh2020", segment=False)
    'khoenglouangphabang'
    >>> romanize("ວັດ", system="alalc")
    'vat'
    >>> romanize("ເມືອງ 2023")
    'muang 2023'
    """
    if not isinstance(text, str):
        raise TypeError(f"romanize() expects str, not {type(text).__name__}")
    _check("system", system, tuple(SYSTEMS))
    _check("errors", errors, _ERRORS)
    _check("open_o", open_o, _OPEN_O)
    if not isinstance(tones, bool):
        raise TypeError("tones must be True or False")
    if not isinstance(segment, bool):
        raise TypeError("segment must be True or False")
    if not text:
        return ""
    text = _normalizer()(text)
    splitter = _word_tokenizer() if segment else None
    tokens = splitter(text) if splitter is not None else [text]
    symbols = _SYMBOLS.get(system, _DEFAULT_SYMBOLS)
    out: list[str] = []
    last_word = ""  # the last romanised word, for ໆ
    after_word = False  # the last thing written was a romanised word: separate the next one
    for token in tokens:
        pos = 0
        for m in _LAO_RUN.finditer(token):
            if m.start() > pos:
                out.append(token[pos : m.start()])
                after_word = False
            pos = m.end()
            for part in _SPECIAL.split(m.group()):
                if not part:
                    continue
                if part == REPEAT:
                    if not last_word:
                        if errors == "strict":
                            raise ValueError("cannot romanize 'ໆ': no word before it to repeat")
                        word = {"replace": "?", "ignore": "", "preserve": part}[errors]
                    else:
                        word = last_word
                elif part[0] in LAO_DIGITS:
                    word = "".join(LAO_DIGITS[d] for d in part)
                elif part in symbols:
                    word = symbols[part]
                else:
                    word = _romanize_word(part, system, tones, errors, open_o)
                    last_word = word
                if not word:
                    continue
                if after_word:
                    out.append(" ")
                out.append(word)
                after_word = True
        if pos < len(token):
            out.append(token[pos:])
            after_word = False
    return "".join(out)
