"""Sentence segmentation: Lao sentences end at ``.`` ``?`` ``!`` ``…`` or at a line break.

Lao puts spaces between phrases as well as between sentences, so a space alone is no sentence
boundary; a sentence ends where terminal punctuation (with any closing quotes or brackets after
it) is followed by whitespace, and at every line break.  A full stop after a single letter is an
abbreviation, not an ending: ສ.ປ.ປ. ລາວ, ຄ.ສ. 2024, ທ. ສົມສັກ.  Numbers (1.5) are never cut.

Sentences keep the whitespace that follows them, so they join back to the input exactly.
"""

from __future__ import annotations

import re

__all__ = ["sent_tokenize"]

_LAO_LETTER = "\u0e81-\u0eae\u0edc-\u0edf"
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]}"

# A sentence ends after terminal punctuation (and closing quotes or brackets) that is followed by
# whitespace or the end of the text, or at a line break; the whitespace after it stays with it.
_END = re.compile(rf"[{re.escape(_TERMINAL)}]+[{re.escape(_CLOSERS)}]*(?:\s+|$)|\n\s*")
# A full stop after a lone letter (one not preceded by a letter) ends an abbreviation.
_ABBREVIATION = re.compile(rf"(?<![^\s.])[{_LAO_LETTER}A-Za-z]\.$")


def sent_tokenize(text: str) -> list[str]:
    """Split text into sentences, each with the whitespace that follows it.

    >>> sent_tokenize("ຂ້ອຍໄປຕະຫຼາດ. ເຈົ້າໄປໃສ? ")
    ['ຂ້ອຍໄປຕະຫຼາດ. ', 'ເຈົ້າໄປໃສ? ']
    >>> sent_tokenize("ສ.ປ.ປ. ລາວ ມີ 18 ແຂວງ.\\nນະຄອນຫຼວງແມ່ນວຽງຈັນ.")
    ['ສ.ປ.ປ. ລາວ ມີ 18 ແຂວງ.\\n', 'ນະຄອນຫຼວງແມ່ນວຽງຈັນ.']
    """
    if not isinstance(text, str):
        raise TypeError(f"sent_tokenize() expects str, not {type(text).__name__}")
    sentences: list[str] = []
    start = 0
    for match in _END.finditer(text):
        if match.group().startswith(".") and _ABBREVIATION.search(text, 0, match.start() + 1):
            continue
        if match.end() > start:
            sentences.append(text[start : match.end()])
            start = match.end()
    if start < len(text):
        sentences.append(text[start:])
    return sentences
