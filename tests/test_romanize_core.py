"""The compiled romaniser (``laotext._core.Romanizer``) gives exactly what the Python path gives.

``_Romanizer.core(line)`` returns the romanised line, or None when it leaves the line to the
Python path of :mod:`laotext.romanize.text`; when it returns a str, that str must be what the
Python path returns.  Checked on the development corpora (raw and normalised, including the
deliberately malformed tesseract text), on generated text, for every system and a spread of
options; and it must decide every line of real text (lines its normaliser leaves to Python are
normalised by ``normalize()`` and romanised in C all the same).

Skipped when the extension is not built, unless ``LAOTEXT_REQUIRE_CORE=1``.
"""

from __future__ import annotations

import threading

import pytest
from conftest import compiled_core, lao_like_text, lao_words_text, shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from laotext import _backend
from laotext.normalize import normalize
from laotext.romanize import text as text_module
from laotext.romanize.ctables import speller_spec
from laotext.romanize.systems import SYSTEMS

compiled_core()

#: (system, errors, tones, open_o, segment): every system, every errors mode, both open_o forms,
#: tones off, and unsegmented runs.
OPTIONS = [
    ("bgn", "replace", True, "ogonek", True),
    ("ipa", "replace", True, "ogonek", True),
    ("ipa", "preserve", False, "ogonek", True),
    ("alalc", "strict", True, "half-ring", True),
    ("moh2020", "ignore", True, "ogonek", True),
    ("bgn", "replace", True, "ogonek", False),
]


class Pair:
    """The compiled path and the Python path of one set of options, with their own caches."""

    def __init__(self, options: tuple[str, str, bool, str, bool]) -> None:
        system, errors, tones, open_o, segment = options
        python = text_module._Romanizer(SYSTEMS[system], errors, tones, open_o, segment)
        assert python.core is not None, "the compiled path was not set up"
        self.core, python.core = python.core, None
        self.python = python
        self.decided = 0

    def expected(self, line: str) -> str | type[ValueError]:
        try:
            return self.python(line)
        except ValueError:
            return ValueError

    def check(self, line: str) -> str | None:
        got = self.core(line)
        if got is not None:
            self.decided += 1
            assert got == self.expected(line), line
        return got


def corpus_lines() -> list[str]:
    lines: list[str] = []
    for name in ("bench_corpus.txt", "tesseract_lao_training_text.txt"):
        lines += shared_file("raw", name).read_text(encoding="utf-8").splitlines()
    return lines


@pytest.fixture(scope="module")
def lines() -> list[str]:
    raw = corpus_lines()
    return raw + [normalize(line) for line in raw[::7]]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: "-".join(map(str, o)))
def test_corpus_lines_romanise_as_in_python(options: tuple[str, str, bool, str, bool],
                                            lines: list[str]) -> None:  # fmt: skip
    pair = Pair(options)
    for line in lines:
        pair.check(line)
    assert pair.decided > 0


def test_it_decides_every_line_of_real_text() -> None:
    # The lines the C normaliser leaves to Python (Cyrillic, Arabic, accented Latin, ...) are
    # normalised by normalize() and romanised in C all the same.
    pair = Pair(("ipa", "replace", True, "ogonek", True))
    lines = shared_file("raw", "bench_corpus.txt").read_text(encoding="utf-8").splitlines()
    for line in lines:
        pair.check(line)
    assert pair.decided == len(lines), (pair.decided, len(lines))


@pytest.mark.parametrize(
    "text",
    [
        "ເພງ Видео ລາວ",  # Cyrillic
        "ທ່ານ Rodríguez ກ່າວ",  # a composed accented letter
        "ທ່ານ Rodri\u0301guez ກ່າວ",  # the same, decomposed: NFC composes it
        "ສະບາຍດີ ประเทศ ລາວ",  # Thai
        "ກ\u0e48\u0e34 ກາ",  # Thai tone mark on a Lao consonant (R3)
    ],
)
def test_lines_the_c_normaliser_leaves_are_normalised_in_python(text: str) -> None:
    core = _backend.CORE
    assert core._normalize_default(text) is None  # the C normaliser declines
    pair = Pair(("bgn", "replace", True, "ogonek", True))
    assert pair.check(text) is not None
    speller = core.WordSpeller(speller_spec(SYSTEMS["bgn"], tones=True, open_o="ogonek"))
    without = core.Romanizer(None, speller, pair.python._spell, "...", "etc")
    assert without(text) is None  # no normalize function: left to the Python path


PAIRS = [Pair(options) for options in OPTIONS[:2] + OPTIONS[3:4]]


@settings(max_examples=400, deadline=None)
@given(st.one_of(lao_like_text, lao_words_text, st.text(max_size=40)))
def test_generated_text_romanises_as_in_python(text: str) -> None:
    for pair in PAIRS:
        pair.check(text)
        pair.check(normalize(text))


@pytest.mark.parametrize(
    ("text", "system", "expected"),
    [
        ("ດີໆ ແລະ ໄວໆ", "bgn", "di di lè vai vai"),
        ("ສປປ ລາວ", "bgn", "SPP lao"),
        ("ສປປລາວ", "bgn", "SPP lao"),
        ("ປີ ໒໐໒໓", "bgn", "pi 2023"),
        ("ເມືອງ, ແຂວງ", "moh2020", "muang, khoeng"),
        ("ໝາກໄມ້ ຯລຯ", "alalc", "mākmai la"),
        ("ນໍ້າ", "ipa", "nam˥˨"),
    ],
)
def test_examples_are_decided_in_c(text: str, system: str, expected: str) -> None:
    pair = Pair((system, "replace", True, "ogonek", True))
    assert pair.check(text) == expected


def test_repeat_with_no_word_before_it_is_left_to_python() -> None:
    pair = Pair(("bgn", "replace", True, "ogonek", True))
    assert pair.core("ໆ ລາວ") is None
    assert pair.python("ໆ ລາວ") == "? lao"


def test_text_without_lao_comes_back_as_it_is() -> None:
    pair = Pair(("bgn", "replace", True, "ogonek", True))
    text = "COVID-19 — 2023 🙂"
    assert pair.core(text) is text


def test_non_str_raises_type_error() -> None:
    pair = Pair(("bgn", "replace", True, "ogonek", True))
    with pytest.raises(TypeError):
        pair.core(b"\xe0\xba\x81")  # type: ignore[arg-type]


def test_threads_sharing_one_romanizer_get_the_python_results(lines: list[str]) -> None:
    pair = Pair(("ipa", "replace", True, "ogonek", True))
    sample = lines[:3000]
    expected = [pair.expected(line) for line in sample]
    failures: list[str] = []

    def work() -> None:
        for line, want in zip(sample, expected, strict=True):
            got = pair.core(line)  # None when another thread is inside the call: allowed
            if got is not None and got != want:
                failures.append(line)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
