"""The lexicon: canonical keys, the lookup table, compound structure, the shipped file."""

from __future__ import annotations

from importlib import resources

import pytest

from laotext.lexicon import (
    DEFAULT_COST,
    IS_PREFIX,
    IS_WORD,
    Lexicon,
    canonical_key,
    cluster_key,
    compound_parts,
    default_words,
    entries_from_specs,
    fine_entries,
    parse_word_lines,
    phrase_entries,
)


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("ກໍາລັງ", "ກຳລັງ"),  # decomposed AM
        ("ນໍ້າ", "ນ້ຳ"),  # decomposed AM with a tone mark between
        ("ຫນ້າ", "ໜ້າ"),
        ("ຫມາ", "ໝາ"),
        ("ຫລາຍ", "ຫຼາຍ"),
    ],
)
def test_spelling_variants_share_a_key(variant: str, canonical: str) -> None:
    assert canonical_key(variant) == canonical_key(canonical)


def test_keys_are_concatenated_cluster_keys() -> None:
    assert canonical_key("ກໍາລັງໃຈ") == cluster_key("ກໍາ") + cluster_key("ລັງ") + cluster_key("ໃຈ")


def test_parse_word_lines_keeps_the_cheapest_spelling() -> None:
    entries = parse_word_lines(["# header", "", "ກໍາລັງ\t900", "ກຳລັງ\t700", "ລາວ"])
    assert entries == {canonical_key("ກຳລັງ"): 700, "ລາວ": DEFAULT_COST}


@pytest.mark.parametrize("bad", [("ລາວ", -1), ("ລາວ", 1.5), ("", 3), ("  ", 3)])
def test_bad_entries_are_rejected(bad: tuple[str, object]) -> None:
    with pytest.raises(ValueError):
        entries_from_specs([bad])  # type: ignore[list-item]


def test_table_flags_words_and_every_prefix() -> None:
    table = Lexicon.build({"ສະບາຍ": 900, "ສະບາຍດີ": 700}).table
    assert table["ສະບາຍ"] == 900 << 2 | IS_WORD | IS_PREFIX
    assert table["ສະບາຍດີ"] == 700 << 2 | IS_WORD
    assert table["ສະ"] == IS_PREFIX
    assert table["ສ"] == IS_PREFIX  # character prefixes too: any clustering can extend them
    assert "ດີ" not in table


def test_compounds_split_into_their_cheapest_parts() -> None:
    entries = {"ສະ": 500, "ຖານ": 900, "ສະຖານ": 800, "ທູດ": 800, "ສະຖານທູດ": 1000}
    assert compound_parts(entries) == {"ສະຖານ": ("ສະ", "ຖານ"), "ສະຖານທູດ": ("ສະຖານ", "ທູດ")}


def test_phrases_start_or_end_with_function_words() -> None:
    entries = {"ການ": 300, "ຄ້າ": 600, "ການຄ້າ": 700, "ຄິດ": 600, "ວ່າ": 300, "ຄິດວ່າ": 700}
    entries |= {"ກໍລະນີ": 900, "ກໍ": 300, "ລະນີ": 900}
    assert phrase_entries(entries) == {"ການຄ້າ": ("ການ", "ຄ້າ"), "ຄິດວ່າ": ("ຄິດ", "ວ່າ")}


def test_conjunctions_and_the_superlative_are_not_phrases() -> None:
    entries = {"ເພາະ": 600, "ວ່າ": 300, "ເພາະວ່າ": 700, "ທີ່": 300, "ສຸດ": 600, "ທີ່ສຸດ": 700}
    entries |= {"ເວົ້າ": 600, "ເວົ້າວ່າ": 800, "ຄົນ": 400, "ອື່ນ": 500, "ຄົນອື່ນ": 800}
    assert phrase_entries(entries) == {"ຄົນອື່ນ": ("ຄົນ", "ອື່ນ"), "ເວົ້າວ່າ": ("ເວົ້າ", "ວ່າ")}


def test_fine_entries_drop_phrases_and_rare_single_clusters() -> None:
    entries = {"ບໍ່": 300, "ມີ": 300, "ບໍ່ມີ": 500, "ຮ່າ": 1600, "ໂນ້ຍ": 1500, "ຮ່າໂນ້ຍ": 1700}
    assert fine_entries(entries) == {"ບໍ່": 300, "ມີ": 300, "ຮ່າໂນ້ຍ": 1700}


def test_shipped_lexicon_in_fine_keeps_conjunctions_and_unknown_names() -> None:
    from laotext.segment import word_tokenize

    assert word_tokenize("ເພາະວ່າ", granularity="fine") == ["ເພາະວ່າ"]
    assert word_tokenize("ໄປຮ່າໂນ້ຍ", granularity="fine") == ["ໄປ", "ຮ່າໂນ້ຍ"]  # unknown name


def test_shipped_lexicon_is_sorted_canonical_and_deduplicated() -> None:
    text = resources.files("laotext.data").joinpath("lexicon.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    keys = [key for key, _ in rows]
    assert keys == sorted(set(keys))
    assert all(cost.isdigit() for _, cost in rows)
    # keys built by an older normaliser would silently miss: rebuild with data/build_lexicon.py
    drifted = [key for key in keys if canonical_key(key) != key]
    assert not drifted, f"{len(drifted)} keys are not canonical, e.g. {drifted[:5]}"
    assert len(default_words()) == len(keys)
