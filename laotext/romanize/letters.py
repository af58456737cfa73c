"""Lao letters as the romaniser sees them: inventories, consonant classes and final sounds.

Facts from research/romanise_normalise.md §2.1 (consonant classes agree across r12a,
Lingua::LO::NLP, lao2ipa and Wiktionary ``Module:lo-pron``).  Every system table in
:mod:`laotext.romanize.systems` is keyed on the letters listed here.

>>> CONSONANT_CLASS["ຂ"], CONSONANT_CLASS["ກ"], CONSONANT_CLASS["ຄ"]
('high', 'mid', 'low')
"""

from __future__ import annotations

from typing import Literal

ConsonantClass = Literal["high", "mid", "low"]

HIGH = "ຂສຖຜຝຫ"
MID = "ກຈດຕບປຢອ"
LOW = "ຄງຊຍທນພຟມຣລວຮ"

# Pali/Sanskrit letters added in Unicode 12 (U+0E86..U+0EAC) and the Khmu letters: each is
# romanised as the modern letter it is read as (an approximation; no standard covers them).
PALI_EQUIVALENT: dict[str, str] = {
    "\u0e86": "ຄ",  # ຆ GHO
    "\u0e89": "ຊ",  # ຉ CHO
    "\u0e8c": "ຊ",  # ຌ JHO
    "\u0e8e": "ຍ",  # ຎ NYO
    "\u0e8f": "ດ",  # ຏ TTA
    "\u0e90": "ຖ",  # ຐ TTHA
    "\u0e91": "ທ",  # ຑ DDA
    "\u0e92": "ທ",  # ຒ DDHA
    "\u0e93": "ນ",  # ຓ NNA
    "\u0e98": "ທ",  # ຘ DHA
    "\u0ea0": "ພ",  # ຠ BHA
    "\u0ea8": "ສ",  # ຨ SHA
    "\u0ea9": "ສ",  # ຩ SSA
    "\u0eac": "ລ",  # ຬ LLA
    "\u0ede": "ກ",  # ໞ KHMU GO
    "\u0edf": "ຍ",  # ໟ KHMU NYO
}

#: The 27 letters of the modern alphabet, the ligatures ໜ ໝ and the Pali/Khmu letters.
CONSONANTS = frozenset(HIGH + MID + LOW + "ໜໝ" + "".join(PALI_EQUIVALENT))

CONSONANT_CLASS: dict[str, ConsonantClass] = {
    **{c: "high" for c in HIGH + "ໜໝ"},
    **{c: "mid" for c in MID},
    **{c: "low" for c in LOW},
}
for _pali, _modern in PALI_EQUIVALENT.items():
    CONSONANT_CLASS[_pali] = CONSONANT_CLASS[_modern]

#: ຫ before one of these is silent and makes the letter high class (ຫງ ຫຍ ຫນ ຫມ ຫລ ຫວ ຫຣ).
SONORANTS = frozenset("ງຍນມລວຣ")
#: Ligatures and their spelled-out digraphs.
LIGATURES = {"ໜ": "ນ", "ໝ": "ມ"}

PREPOSED = frozenset("ເແໂໄໃ")
TONE_MARKS = frozenset("\u0ec8\u0ec9\u0eca\u0ecb")  # ◌່ ◌້ ◌໊ ◌໋
CANCEL = "\u0ecc"  # ◌໌: the letter under it is not pronounced
SUBSCRIPT_LO = "\u0ebc"  # ◌ຼ
VIRAMA = "\u0eba"  # ◌຺ (Pali): the letter under it closes the syllable
YAMAKKAN = "\u0ece"  # ◌໎ (Pali): marks a doubled consonant; not romanised
REPEAT = "ໆ"
ELLIPSIS = "ຯ"

#: Vowel signs (and ◌ຼ) that can only follow a consonant of the same syllable: a consonant
#: directly before one of them is an onset, never a coda.
NEEDS_ONSET = frozenset("ະັາຳິີຶືຸູົໍຼຽ")

#: Final letters and the sound class they close a syllable with (loan finals included, r12a).
FINAL_SOUND: dict[str, str] = {
    **dict.fromkeys("ກຂຄຆ", "k"),
    **dict.fromkeys("ດຈສຊຕຖທຉຌຏຐຑຒຘຨຩ", "t"),
    **dict.fromkeys("ບປຜຝພຟຠ", "p"),
    "ງ": "ng",
    "ນ": "n",
    "ຓ": "n",
    "ລ": "n",
    "ຬ": "n",
    "ຣ": "r",
    "ມ": "m",
    "ຍ": "y",
    "ຎ": "y",
    "ໟ": "y",
    "ວ": "w",
    "ຽ": "y",  # old spelling of final ຍ (-າຽ)
}
#: Finals after which a syllable is live (sonorants).
LIVE_FINALS = frozenset("ງນມຍວລຣຓຬຎໟຽ")

LAO_DIGITS = {chr(0x0ED0 + d): str(d) for d in range(10)}
