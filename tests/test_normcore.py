"""The C normaliser (``laotext._core._normalize_default``) gives exactly what ``normalize`` gives.

``normalize()`` with the default options uses the C normaliser itself, so the reference here is
the Python steps, ``normalize_with(text, DEFAULT_CONFIG)`` (``normalize`` below).

Soundness: whenever it decides a text (returns a str, not None), the result is
``normalize(text)`` with the default options: on the development corpora, on every string of
length 1 and 2 over the Lao block and edge characters, on every string of length 3 (and on random
longer ones) over a key alphabet, on every decided code point in a few contexts, and on generated
text.  Usefulness: it decides nearly every line of real Lao text, including lines that normalize()
changes for each common reason.  Tables: the table of the Lao block in ``laotext/_normcore.c`` is
generated here from normalize.py's definitions (regenerate it with ``python
tests/test_normcore.py``), and its other tables are checked against normalize.py and
:mod:`unicodedata`.

The tests are skipped when the extension is not built, unless ``LAOTEXT_REQUIRE_CORE=1``.
"""

from __future__ import annotations

import csv
import importlib
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from itertools import product
from pathlib import Path

import pytest
from conftest import compiled_core, lao_like_text, lao_words_text, shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from laotext.normalize import DEFAULT_CONFIG, normalize_with

# The module, not the function that laotext re-exports under the same name.
norm = importlib.import_module("laotext.normalize")

C_SOURCE = Path(__file__).resolve().parents[1] / "laotext" / "_normcore.c"

LAO_BLOCK = range(0x0E80, 0x0F00)
TABLE_START = "    /* generated table: start */\n"
TABLE_END = "    /* generated table: end */\n"


#: The kinds of pairs of adjacent characters that _normcore.c looks for, by name: the pairs of
#: _NEEDS_EVERY_STEP (_TRIGGER_PAIRS and ເເ); the two halves of each of its longer alternatives
#: that matter, ◌ໍ + a tone (or ◌໌ ◌໎) + າ or ຳ, and ຫລ◌ຼ; and the pairs of Lao marks that
#: are not in NFC order.
_HIGH_MARKS = f"[{norm.TONES}\u0ecc\u0ece]"


def _pairs_matching(pattern: str) -> Callable[[str, str], bool]:
    return lambda x, y: re.fullmatch(pattern, x + y) is not None


PAIR_KINDS: dict[str, Callable[[str, str], bool]] = {
    "SPACE_MARK": _pairs_matching(norm._TRIGGER_PAIRS[0]),
    "HIGH_MARK": _pairs_matching(norm._TRIGGER_PAIRS[1]),
    "RANK1_PAIR": _pairs_matching(norm._TRIGGER_PAIRS[2]),
    "SUBSCRIPT_PAIR": _pairs_matching(norm._TRIGGER_PAIRS[3]),
    "VOWEL_TONE": _pairs_matching(norm._TRIGGER_PAIRS[4]),
    "DOUBLE_E": _pairs_matching(norm.E + norm.E),
    "NIKHAHIT_AM": _pairs_matching(norm.NIKHAHIT + norm.SARA_AM),
    "NIKHAHIT_HIGH": _pairs_matching(norm.NIKHAHIT + _HIGH_MARKS),
    "HIGH_AM": _pairs_matching(_HIGH_MARKS + f"[{norm.SARA_AA}{norm.SARA_AM}]"),
    "HO_LO": _pairs_matching(norm.HO_SUNG + norm.LO),
    "LO_SUBSCRIPT": _pairs_matching(norm.LO + norm.SUBSCRIPT_LO),
}
PAIR_KINDS["TONE_BEFORE_BELOW"] = lambda x, y: (
    unicodedata.combining(x) == 122 and unicodedata.combining(y) in (9, 118)
)
PAIR_KINDS["BELOW_BEFORE_VIRAMA"] = lambda x, y: (
    unicodedata.combining(x) == 118 and unicodedata.combining(y) == 9
)
#: What pairs are made of: the Lao block, and spaces and tabs (_TRIGGER_PAIRS starts with them).
PAIR_ALPHABET = [chr(code) for code in LAO_BLOCK] + [" ", "\t"]


def pair_roles() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The kinds that each character starts and ends, checking that every kind is a product.

    A pair (x, y) is of a kind when x starts it and y ends it: _normcore.c tests a pair with one
    `&` of the two characters' table entries, which is right only if each kind holds exactly the
    pairs of (its first characters) x (its second characters).
    """
    starts: dict[str, list[str]] = {char: [] for char in PAIR_ALPHABET}
    ends: dict[str, list[str]] = {char: [] for char in PAIR_ALPHABET}
    assert len(norm._TRIGGER_PAIRS) == 5, "a new trigger pair: add it to PAIR_KINDS"
    lao_classes = {unicodedata.combining(chr(code)) for code in LAO_BLOCK}
    assert lao_classes == {0, 9, 118, 122}, "new combining classes: change the NFC kinds"
    for name, is_of_kind in PAIR_KINDS.items():
        pairs = {(x, y) for x in PAIR_ALPHABET for y in PAIR_ALPHABET if is_of_kind(x, y)}
        firsts, seconds = {x for x, _ in pairs}, {y for _, y in pairs}
        assert pairs == {(x, y) for x in firsts for y in seconds}, name
        for x in firsts:
            starts[x].append(name)
        for y in seconds:
            ends[y].append(name)
    return starts, ends


def render_lao_table() -> str:
    """The lines of LAO_TABLE in _normcore.c, from normalize.py's tables and unicodedata."""
    classes = (
        ("CONSONANT", f"[{norm.CONSONANTS}]"),
        ("MARK", f"[{norm.MARKS}]"),
        ("FOLLOWING_VOWEL", f"[{norm.FOLLOWING_VOWELS}]"),
        ("TONE", f"[{norm.TONES}]"),
        ("ONSET_FOLLOWER", f"{norm._ONSET_FOLLOWS}."),
    )
    starts, ends = pair_roles()
    assert starts[" "] == starts["\t"] == ["SPACE_MARK"]  # the SPACE_OR_TAB entry
    assert ends[" "] == ends["\t"] == []
    lines = []
    for code in LAO_BLOCK:
        char = chr(code)
        names = [name for name, pattern in classes if re.fullmatch(pattern, char, re.DOTALL)]
        fields = (
            " | ".join(names) or "0",
            str(norm._MARK_RANK.get(char, -1)),
            str(unicodedata.combining(char)),
            " | ".join(starts[char]) or "0",
            " | ".join(ends[char]) or "0",
        )
        shown = f"◌{char}" if "MARK" in names else char if unicodedata.name(char, "") else ""
        lines.append(f"    /* U+{code:04X}{' ' + shown if shown else ''} */\n")
        entry = f"    {{{', '.join(fields)}}},\n"
        if len(entry) > 100:  # the pair kinds on a line of their own
            entry = f"    {{{', '.join(fields[:4])},\n     {fields[4]}}},\n"
        lines.append(entry)
    return "".join(lines)


if __name__ == "__main__":  # print the table, to paste between the markers in _normcore.c
    print(render_lao_table(), end="")
    sys.exit()

normalize_default = compiled_core()._normalize_default


def normalize(text: str) -> str:
    """The reference: the Python steps of normalize() with the default options."""
    return normalize_with(text, DEFAULT_CONFIG)


ZWSP, ZWNJ, ZWJ, WJ, SHY, BOM = "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"
#: Characters at the edges of what the C side decides: invisibles, spaces, a Thai vowel and
#: letter, Latin with and without a decomposed accent, a singleton decomposition (U+2000), a
#: Hangul vowel (composes with a leading jamo), a CJK combining mark, emoji, a lone surrogate.
EDGES = (
    f" \t\n{ZWSP}{ZWNJ}{ZWJ}{WJ}{SHY}{BOM}\u0e34\u0e01a1.é\u0301\u0323\u2000\u2002\u201c"
    "\u1161\u302a\U0001f600\ufe0f\ud800"
)
#: Letters and marks where the rules act: ຫ + ນ ມ ລ and the ligatures, ເ ແ, marks of every
#: rank (◌ໍ ◌຺ ◌ຼ included), tones, the following vowels, ໆ, spaces and ZWSP.
KEY = (
    "ກດຫນມລໜໝອວຍເແໂ"
    "\u0eb1\u0eb4\u0eb5\u0eb6\u0eb7\u0eb8\u0eb9\u0eba\u0ebb\u0ebc\u0ecd\u0ecc\u0ece"
    "\u0ec8\u0ec9\u0eca\u0ecb"
    "ະາຳຽໆ \t" + ZWSP + ZWJ + SHY + "a“"
)


def mismatches(texts: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    """(text, C result, normalize result) wherever C decides a text and gets it wrong."""
    for text in texts:
        got = normalize_default(text)
        if got is not None and got != normalize(text):
            yield text, got, normalize(text)


def c_ranges(name: str) -> set[int]:
    """The code points of `static const CharRange NAME[]` in _normcore.c."""
    source = C_SOURCE.read_text(encoding="utf-8")
    found = re.search(rf"static const CharRange {name}\[\] = \{{(.*?)\}};", source, re.DOTALL)
    assert found, name
    pairs = re.findall(r"\{0x([0-9A-F]+), 0x([0-9A-F]+)\}", found[1])
    return {code for first, last in pairs for code in range(int(first, 16), int(last, 16) + 1)}


def composition_seconds() -> set[int]:
    """Every character that NFC may compose with the character before it."""
    seconds = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul V and T jamo
    for code in range(sys.maxunicode + 1):
        mapping = unicodedata.decomposition(chr(code)).split()
        if len(mapping) == 2 and not mapping[0].startswith("<"):
            seconds.add(int(mapping[1], 16))
    return seconds


# --- The tables in _normcore.c ----------------------------------------------------------------


def test_lao_table_is_generated_from_normalize_py() -> None:
    source = C_SOURCE.read_text(encoding="utf-8")
    table = source.split(TABLE_START, 1)[1].split(TABLE_END, 1)[0]
    assert table == render_lao_table(), "regenerate it: python tests/test_normcore.py"


def test_the_entry_of_spaces_and_tabs_is_what_the_pair_kinds_say() -> None:
    source = C_SOURCE.read_text(encoding="utf-8")
    starts, ends = pair_roles()
    assert starts[" "] == starts["\t"] == ["SPACE_MARK"] and ends[" "] == ends["\t"] == []
    assert "static const LaoChar SPACE_OR_TAB = {0, -1, 0, SPACE_MARK, 0};" in source
    assert "static const LaoChar NOT_LAO = {0, -1, 0, 0, 0};" in source


def test_every_pair_kind_has_its_own_bit() -> None:
    source = C_SOURCE.read_text(encoding="utf-8")
    bits = dict(re.findall(r"^    (\w+) = 1 << (\d+),", source, re.MULTILINE))
    kinds = {name: int(bits[name]) for name in PAIR_KINDS}
    assert sorted(kinds.values()) == list(range(len(PAIR_KINDS)))
    # the other bits of the inventory come after them
    assert min(int(bits[name]) for name in ("NIKHAHIT_HIGH_AM", "INVISIBLE", "LAO")) >= len(kinds)


def test_single_characters_are_those_of_normalize_py() -> None:
    source = C_SOURCE.read_text(encoding="utf-8")
    block = source.split("normalize.py's single characters", 1)[1].split("};", 1)[0]
    names = dict(re.findall(r"(\w+) = 0x([0-9A-F]{4}),", block))
    assert len(names) == 13
    for name, code in names.items():
        assert getattr(norm, name) == chr(int(code, 16)), name


def test_every_mark_is_in_first_mark_to_last_mark() -> None:
    source = C_SOURCE.read_text(encoding="utf-8")
    first = int(re.findall(r"#define FIRST_MARK 0x([0-9A-F]+)", source)[0], 16)
    last = int(re.findall(r"#define LAST_MARK 0x([0-9A-F]+)", source)[0], 16)
    marks = {code for code in LAO_BLOCK if re.fullmatch(f"[{norm.MARKS}]", chr(code))}
    assert min(marks) == first and max(marks) == last and last - first < 32  # a uint32_t set


def test_invisibles_are_those_of_normalize_py() -> None:
    assert c_ranges("INVISIBLES") == {ord(c) for c in norm.INVISIBLES}


def test_plain_characters_are_left_alone_by_nfc_and_by_normalize() -> None:
    plain = c_ranges("PLAIN")
    seconds = composition_seconds()
    for code in sorted(plain):
        char = chr(code)
        decomposition = unicodedata.decomposition(char)
        assert unicodedata.combining(char) == 0, hex(code)
        assert not decomposition or decomposition.startswith("<"), hex(code)
        assert code not in seconds, hex(code)
    # nothing that normalize() treats specially: Lao, Thai, the invisibles
    assert not plain & (set(range(0x0E00, 0x0F00)) | {ord(c) for c in norm.INVISIBLES})


def test_every_code_point_next_to_lao_is_decided_only_if_in_the_tables() -> None:
    allowed = set(LAO_BLOCK) | c_ranges("INVISIBLES") | c_ranges("PLAIN")
    decided = [
        code for code in range(sys.maxunicode + 1) if normalize_default("ກ" + chr(code)) is not None
    ]
    assert set(decided) == allowed
    contexts = ("ກ{}", "{}ກ", "ຫ{}ນາ", "ກ{}ໍາ", "ກ{}\u0ec8\u0eb8", "ກ\u0ecd{}າ", "ກ {}ໆ")
    texts = [context.format(chr(code)) for code in decided for context in contexts]
    assert not list(mismatches(texts))


def test_text_without_lao_is_always_decided_and_unchanged() -> None:
    for code in range(sys.maxunicode + 1):
        if not 0x0E80 <= code <= 0x0EFF:
            assert normalize_default(chr(code)) == chr(code)
    for text in ("", "abc", "cafe\u0301", "ภาษาไทย", f"a{ZWSP}b", "\u2000\ud800"):
        assert normalize_default(text) == text == normalize(text)


# --- Behaviour --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ສະບາຍດີ", "ສະບາຍດີ"),  # canonical: unchanged
        (f"ເຮືອນ{ZWSP}ໃຫຍ່{ZWJ} house", "ເຮືອນໃຫຍ່ house"),  # R1
        (f"a{ZWSP}b ກ", f"a{ZWSP}b ກ"),  # R1: not next to Lao
        ("ທໍາມະຊາດ", "ທຳມະຊາດ"),  # R10
        ("ນໍ້າ ນ້ໍາ ນຳ້", "ນ້ຳ ນ້ຳ ນ້ຳ"),  # R8, R10
        ("ຫມາກໄມ້ ແລະ ຫລານ ເຫນ", "ໝາກໄມ້ ແລະ ຫຼານ ເຫນ"),  # R5, R6
        ("ເເມ່ ດີ ໆ", "ແມ່ ດີໆ"),  # R4, R11
        ("ມ ້າ", "ມ້າ"),  # R7
        ("ສ່ີ ປາ່", "ສີ່ ປ່າ"),  # R8, R9
        ("ບໍ່່ “ຂ່າວ”", "ບໍ່ “ຂ່າວ”"),  # R8
    ],
)
def test_decides_the_common_rules(text: str, expected: str) -> None:
    assert normalize(text) == expected
    assert normalize_default(text) == expected


@pytest.mark.parametrize(
    "text",
    ["ແມ่", "ภาษาไทย ແລະ ລາວ", "ກé", "ກe\u0301", "ກ\u2000", "ກ\u1161", "ກ\ud800", "ກа"],
)
def test_leaves_thai_and_what_nfc_may_change_to_python(text: str) -> None:
    assert normalize_default(text) is None


@pytest.mark.parametrize("bad", [None, b"\xe0\xba\x81", 42, ["ກ"]])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="expects str"):
        normalize_default(bad)


#: Texts of length about 2k with long runs of marks, made for every pair of them to matter.
LONG_TEXTS: dict[str, Callable[[int], str]] = {
    "candidate pairs all along (R8)": lambda k: "ກ" + "\u0ec8\u0eb4" * k,
    "NFC reordering all along (R2)": lambda k: "ກ" + "\u0eb8\u0ec8" * k + "າ",
    "◌ໍ + ◌ໍ ... + tone + າ (R10)": lambda k: "ກ" + "\u0ecd" * (2 * k) + "\u0ec8າ",
    "tones after a vowel (R9)": lambda k: "ກາ" + "\u0ec8" * (2 * k),
    "many short syllables": lambda k: ("ຫມາ" + ZWSP + " ໆ") * (k // 3),
    "◌ໍ + າ after ◌ໍ + າ": lambda k: "ກ\u0ecd" * k + "າ",
}


@pytest.mark.parametrize("make", LONG_TEXTS.values(), ids=LONG_TEXTS.keys())
def test_long_runs_take_linear_time(make: Callable[[int], str]) -> None:
    # normalize() itself takes quadratic time on such runs (each candidate pair of R8 extends
    # its run again), so it is compared on short ones only.
    assert not list(mismatches([make(k) for k in (1, 2, 3, 10, 200)]))
    text = make(100_000)
    start = time.perf_counter()
    got = normalize_default(text)
    assert time.perf_counter() - start < 1.0
    assert got is not None and normalize_default(got) == got


# --- Soundness ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "parts",
    [
        ("raw", "bench_corpus.txt"),
        ("raw", "ntrex128.lao.txt"),
        ("raw", "tesseract_lao_training_text.txt"),  # deliberately malformed mark sequences
        ("gold", "yunshan2020.train.input.txt"),
        ("gold", "yunshan2020.dev.input.txt"),
        ("gold", "hvu_train.input.txt"),
    ],
    ids=lambda parts: parts[1],
)
def test_sound_on_every_line_of_the_corpora(parts: tuple[str, str]) -> None:
    lines = shared_file(*parts).read_text(encoding="utf-8").splitlines()
    assert not list(mismatches(lines))


def test_sound_on_the_golden_normalisation_rows() -> None:
    with shared_file("normalise.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    texts = [row[column] for row in rows for column in ("input", "expected")]
    assert not list(mismatches(texts))


def test_sound_on_every_string_of_length_1_and_2() -> None:
    alphabet = [chr(code) for code in LAO_BLOCK] + list(EDGES)
    texts = ["".join(chars) for length in (1, 2) for chars in product(alphabet, repeat=length)]
    assert not list(mismatches(texts))


def test_sound_on_every_string_of_length_3_over_the_key_alphabet() -> None:
    texts = ["".join(chars) for chars in product(KEY, repeat=3)]
    assert not list(mismatches(texts))


def test_sound_on_random_strings_of_length_4_to_10_over_the_key_alphabet() -> None:
    draw = random.Random(20_240_601)
    texts = ["".join(draw.choices(KEY, k=draw.randint(4, 10))) for _ in range(100_000)]
    assert not list(mismatches(texts))


any_code_point_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()))
key_text = st.text(alphabet=st.sampled_from(KEY + EDGES), max_size=12)


@settings(max_examples=1500)
@given(st.one_of(lao_like_text, lao_words_text, key_text, any_code_point_text))
def test_sound_on_generated_text(text: str) -> None:
    assert not list(mismatches([text]))


# --- Usefulness ---------------------------------------------------------------------------------


def test_decides_nearly_every_line_of_the_benchmark_corpus() -> None:
    lines = shared_file("raw", "bench_corpus.txt").read_text(encoding="utf-8").splitlines()
    decided = [line for line in lines if normalize_default(line) is not None]
    assert len(decided) / len(lines) >= 0.99  # 0.998 when written: 9,505 of 9,524 lines
    changed = [line for line in decided if normalize(line) != line]
    assert len(changed) > 5000
    for needle in (ZWSP, "\u0ecd\u0eb2", "\u0ecd\u0ec9\u0eb2", "ຫນ", "ຫມ", "ຫລ", "ເເ"):
        assert any(needle in line for line in changed), needle


def test_normalize_asks_the_c_normaliser_first(monkeypatch: pytest.MonkeyPatch) -> None:
    assert norm._C_NORMALIZE is normalize_default
    calls: list[str] = []

    def undecided(text: str) -> None:
        calls.append(text)

    monkeypatch.setattr(norm, "_C_NORMALIZE", undecided)
    # The whole text, then each line with Lao; the Python steps do what C leaves.
    assert norm.normalize("ຫມາ\nabc\nເເມ່") == "ໝາ\nabc\nແມ່"
    assert calls == ["ຫມາ\nabc\nເເມ່", "ຫມາ", "ເເມ່"]
    calls.clear()
    assert norm.normalize("ຫມາ", ligatures="keep") == "ຫມາ"  # other options: Python only
    assert calls == []
