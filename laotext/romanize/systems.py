"""Romanisation systems as data: one :class:`System` table per system, with its sources.

A system spells each part of a parsed syllable (:class:`~laotext.romanize.syllable.Syllable`):
the initial letter, the second letter of a cluster (◌ຼ/ລ, ຣ, medial ວ), the vowel nucleus and
the final letter.  The few rules that are not a lookup are switched on by fields of the table
(``rules``) and implemented once in :mod:`laotext.romanize.render`.  Adding a system is adding a
table here.  Sources and section numbers refer to research/romanise_normalise.md.

>>> SYSTEMS["bgn"].initials["ຊ"], SYSTEMS["alalc"].initials["ຊ"], SYSTEMS["ipa"].initials["ຊ"]
('x', 's', 's')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["SYSTEMS", "System"]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per system
class System:
    """The spelling tables of one romanisation system.

    ``vowels`` is keyed on the IPA nucleus names of :class:`Syllable.nucleus`;
    ``medial_w_vowels`` replaces ``clusters["ວ"] + vowels[nucleus]`` after a medial ວ where a
    system spells the pair as one vowel; ``finals_after`` is keyed on (nucleus, final letter).
    ``rules`` names the rules of :mod:`laotext.romanize.render` the system uses.
    """

    name: str
    title: str
    sources: tuple[str, ...]
    initials: Mapping[str, str]
    finals: Mapping[str, str]
    vowels: Mapping[str, str]
    clusters: Mapping[str, str]
    medial_w_vowels: Mapping[str, str] = field(default_factory=dict)
    medial_w_preposed: str | None = None
    finals_after: Mapping[tuple[str, str], str] = field(default_factory=dict)
    syllable_separator: str = ""
    rules: frozenset[str] = frozenset()
    disagreements: tuple[str, ...] = ()


def _frozen(d: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(d))


# Finals of loans and Pali words, by the sound they close the syllable with (§2.1, ALA-LC
# table: "finals in parentheses occur only in loans").
def _loan_finals(k: str, t: str, p: str, n: str) -> dict[str, str]:
    return {
        **dict.fromkeys("ຂຄ", k),
        **dict.fromkeys("ຈສຊຕຖທ", t),
        **dict.fromkeys("ປຜຝພຟ", p),
        **dict.fromkeys("ລຣ", n),
    }


_BGN_INITIALS = {
    "ກ": "k", "ຂ": "kh", "ຄ": "kh", "ງ": "ng", "ຈ": "ch", "ສ": "s", "ຊ": "x", "ຍ": "gn",
    "ດ": "d", "ຕ": "t", "ຖ": "th", "ທ": "th", "ນ": "n", "ບ": "b", "ປ": "p", "ຜ": "ph",
    "ຝ": "f", "ພ": "ph", "ຟ": "f", "ມ": "m", "ຢ": "y", "ຣ": "r", "ລ": "l", "ວ": "v",
    "ຫ": "h", "ອ": "", "ຮ": "h",
}  # fmt: skip
_BGN_FINALS = {
    **_loan_finals("k", "t", "p", "n"),
    "ກ": "k", "ງ": "ng", "ຍ": "y", "ດ": "t", "ນ": "n", "ບ": "p", "ມ": "m", "ວ": "o",
}  # fmt: skip
_BGN_VOWELS = {
    "a": "a", "aː": "a", "i": "i", "iː": "i", "ɯ": "u", "ɯː": "u", "u": "ou", "uː": "ou",
    "e": "é", "eː": "é", "ɛ": "è", "ɛː": "è", "o": "ô", "oː": "ô", "ɔ": "o", "ɔː": "o",
    "ɤ": "eu", "ɤː": "eu", "iə": "ia", "iːə": "ia", "ɯə": "ua", "ɯːə": "ua",
    "uə": "oua", "uːə": "oua", "ai": "ai", "ao": "ao", "am": "am",
}  # fmt: skip

BGN = System(
    name="bgn",
    title="BGN/PCGN 1966 (geographic names; ISO 3166-2:LA)",
    sources=(
        "UNGEGN WGRS report on Lao v4.0 (2013): consonant table and the 41-row vowel table",
        "ISO 3166-2:LA subdivision names (gazetteer practice: medial ວ + vowel = oua)",
        "final ຍ y, final ວ o, ◌ິວ/◌ີວ iou: consistent across gazetteer names (§3.1)",
    ),
    initials=_frozen(_BGN_INITIALS),
    finals=_frozen(_BGN_FINALS),
    vowels=_frozen(_BGN_VOWELS),
    clusters=_frozen({"ລ": "l", "ຣ": "r", "ວ": "ou"}),
    finals_after=MappingProxyType({("i", "ວ"): "ou", ("iː", "ວ"): "ou"}),
    rules=frozenset({"hyphen-vowel-after-vowel-or-g", "abbreviation-capitals"}),
    disagreements=(
        "C + ວ + vowel (ຂວາງ): the gazetteer writes 'oua' (Xiangkhouang); the Perl modules "
        "Lingua::LO::Romanize and Lingua::LO::NLP write 'o' (khoang). We follow the gazetteer.",
        "A hyphen marks a syllable boundary before a vowel-initial syllable (xa-ém, "
        "bankèng-i); the UNGEGN text of the note is not retrievable, so the exact scope is "
        "inferred from its examples.",
        "Loan finals (ສ, ຟ, ລ...) are not in the table; they are spelled by their sound "
        "(t, p, n) as in ALA-LC.",
        "Consonants without a vowel: S1 lists spellings such as 'tsa', 'ppa' for old spellings; "
        "we write the implicit vowel 'a' inside a word and capitals for abbreviations (SPP).",
    ),
)

MOH2020 = System(
    name="moh2020",
    title="Lao Ministry of Health 2020 (health-facility names; diacritic-free BGN/PCGN)",
    sources=(
        "laoconverter.info MoH2020.html consonant/vowel table (WHO Lao PDR HIS team)",
        "vijaventure/lao-converter replacement tables (the reference implementation)",
    ),
    initials=_frozen({**_BGN_INITIALS, "ຍ": "ny"}),
    finals=_frozen(_BGN_FINALS),
    vowels=_frozen(
        {k: v.replace("é", "e").replace("è", "e").replace("ô", "o") for k, v in _BGN_VOWELS.items()}
    ),
    clusters=_frozen({"ລ": "l", "ຣ": "r", "ວ": "ou"}),
    medial_w_preposed="o",
    finals_after=MappingProxyType({("i", "ວ"): "ou", ("iː", "ວ"): "ou"}),
    rules=frozenset({"hyphen-vowel-after-vowel", "moh-word-final-eh-oh", "abbreviation-capitals"}),
    disagreements=(
        "ແ- at the end of a word is 'eh' and open -ອ/-ໍ at the end of a word is 'oh' "
        "(converter rule); elsewhere both are 'e' and 'o'.",
        "Medial ວ inside a preposed-vowel frame is 'o' (ແຂວງ khoeng, a converter special case "
        "generalised); before other vowels 'ou' as in BGN/PCGN (ຂວາງ khouang).",
    ),
)

ALALC = System(
    name="alalc",
    title="ALA-LC romanization table for Lao (Library of Congress)",
    sources=(
        "ALA-LC Romanization Tables, Lao (1997; letters as in the 2012 table), notes 1-7",
        "Enabling Languages, thai_lao_romanisation.md: ǫ ǭ (U+01EB U+01ED) vs o̜ ō̜ (U+031C)",
    ),
    initials=_frozen({**_BGN_INITIALS, "ຊ": "s", "ຍ": "ny", "ອ": "ʻ"}),
    finals=_frozen({**_BGN_FINALS, "ຍ": "i"}),
    vowels=_frozen(
        {
            "a": "a",
            "aː": "ā",
            "i": "i",
            "iː": "ī",
            "ɯ": "ư",
            "ɯː": "ư̄",
            "u": "u",
            "uː": "ū",
            "e": "e",
            "eː": "ē",
            "ɛ": "æ",
            "ɛː": "ǣ",
            "o": "o",
            "oː": "ō",
            "ɔ": "ǫ",
            "ɔː": "ǭ",
            "ɤ": "œ",
            "ɤː": "œ̄",
            "iə": "ia",
            "iːə": "īa",
            "ɯə": "ưa",
            "ɯːə": "ư̄a",
            "uə": "ua",
            "uːə": "ūa",
            "ai": "ai",
            "ao": "ao",
            "am": "am",
        }
    ),
    clusters=_frozen({"ລ": "l", "ຣ": "r", "ວ": "w"}),
    finals_after=MappingProxyType({("i", "ວ"): "u", ("iː", "ວ"): "u"}),
    rules=frozenset({"abbreviation-capitals"}),
    disagreements=(
        "The LC tables print ǫ ǭ but the 1997 MARC-8 guidance encodes o̜ ō̜ (U+031C); "
        "catalogues contain both. Default ǫ ǭ; open_o='half-ring' gives o̜ ō̜.",
        "Jokke's Lingua::LO::Romanize ALA-LC tests copy BGN values (ນາວ nao, ເວລາ véla); "
        "we follow the LC table (nāo, vēlā).",
        "Wiktionary's LC-based scheme differs: ວ w, ອ ’, Cວ + vowel u (khuāng), ແ-ວ ǣu.",
    ),
)

IPA = System(
    name="ipa",
    title="IPA, Vientiane Lao, with the conventions of Wiktionary Module:lo-pron",
    sources=(
        "Wiktionary Module:lo-pron output as scraped by WikiPron (lao_laoo_narrow)",
        "tone contours: research/romanise_normalise.md §2.3",
    ),
    initials=_frozen(
        {
            "ກ": "k",
            "ຂ": "kʰ",
            "ຄ": "kʰ",
            "ງ": "ŋ",
            "ຈ": "t͡ɕ",
            "ສ": "s",
            "ຊ": "s",
            "ຍ": "ɲ",
            "ດ": "d",
            "ຕ": "t",
            "ຖ": "tʰ",
            "ທ": "tʰ",
            "ນ": "n",
            "ບ": "b",
            "ປ": "p",
            "ຜ": "pʰ",
            "ຝ": "f",
            "ພ": "pʰ",
            "ຟ": "f",
            "ມ": "m",
            "ຢ": "j",
            "ຣ": "l",
            "ລ": "l",
            "ວ": "ʋ",
            "ຫ": "h",
            "ອ": "ʔ",
            "ຮ": "h",
        }
    ),
    finals=_frozen(
        {
            **_loan_finals("k̚", "t̚", "p̚", "n"),
            "ກ": "k̚",
            "ງ": "ŋ",
            "ຍ": "j",
            "ດ": "t̚",
            "ນ": "n",
            "ບ": "p̚",
            "ມ": "m",
            "ວ": "w",
            "ຣ": "",
        }
    ),
    vowels=_frozen(
        {
            "a": "a",
            "aː": "aː",
            "i": "i",
            "iː": "iː",
            "ɯ": "ɯ",
            "ɯː": "ɯː",
            "u": "u",
            "uː": "uː",
            "e": "e",
            "eː": "eː",
            "ɛ": "ɛ",
            "ɛː": "ɛː",
            "o": "o",
            "oː": "oː",
            "ɔ": "ɔ",
            "ɔː": "ɔː",
            "ɤ": "ɤ",
            "ɤː": "ɤː",
            "iə": "iə̯",
            "iːə": "iːə̯",
            "ɯə": "ɯə̯",
            "ɯːə": "ɯːə̯",
            "uə": "uə̯",
            "uːə": "uːə̯",
            "ai": "aj",
            "ao": "aw",
            "am": "am",
        }
    ),
    # Clusters are simplified in Vientiane speech as Wiktionary transcribes it (ພຣະ pʰaʔ,
    # ປຼະເທດ paʔ...); a medial ວ labialises the initial (ຄວັນ kʷʰan) ...
    clusters=_frozen({"ລ": "", "ຣ": "", "ວ": "ʷ"}),
    # ... except before -າ, where ວ + າ spell the diphthong (ຄວາມ kʰuːəm, ກວ່າ kuːə).
    medial_w_vowels=_frozen({"aː": "uːə̯"}),
    syllable_separator="",
    rules=frozenset({"ipa-glottal-stop", "ipa-tones", "abbreviation-letter-names"}),
    disagreements=(
        "Tone contours differ between published descriptions (5 vs 6 tones); we use "
        "Wiktionary's, the only ones with test data. tones=False drops them.",
        "Wiktionary keeps Pali linking consonants (ຄຼິສຕຽນ kʰit̚ saʔ tiːən) and sometimes "
        "reads ຣ-clusters as two syllables (ອາຟຣິກາ); we read the letters as written.",
        "Final ຣ is silent (ເຄຣດິດ kʰeːdit̚), final ລ is n.",
    ),
)

SYSTEMS: Mapping[str, System] = MappingProxyType({s.name: s for s in (BGN, ALALC, MOH2020, IPA)})
