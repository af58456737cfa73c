"""Shared test fixtures: where the development data lives, and Lao-like text for hypothesis."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st

# CI runs the properties on a fixed sequence of examples, so that a submission's result does not
# depend on the luck of the draw (a failure there reproduces on any machine); development runs
# keep drawing new examples, which is how new counterexamples are found.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

CONSONANTS = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮໜໝ"
LEADING_VOWELS = "ເແໂໃໄ"
MARKS = "\u0eb1\u0eb4\u0eb5\u0eb6\u0eb7\u0eb8\u0eb9\u0ebb\u0ebc\u0ecd\u0ec8\u0ec9\u0eca\u0ecb\u0ecc"
SPACING_VOWELS = "ະາຳຽ"
OTHERS = " \u200b.,0123456789ໆຯ໐໑abcé\u0301ภาษา\n\t-\u2010"

#: Text made of Lao letters and marks in any order, with some spaces, digits, ZWSP and Thai.
lao_like_text = st.text(
    alphabet=st.sampled_from(CONSONANTS + LEADING_VOWELS + MARKS + SPACING_VOWELS + OTHERS),
    max_size=60,
)

#: Mostly well-formed syllables strung together, so that long Lao runs occur.
lao_syllable = st.builds(
    lambda lead, onset, marks, vowel, final: lead + onset + marks + vowel + final,
    st.sampled_from(["", *LEADING_VOWELS]),
    st.sampled_from([*list(CONSONANTS), "ຫຼ", "ກວ", "ຄວ"]),
    st.text(alphabet=MARKS[:-1], max_size=2),
    st.sampled_from(["", *SPACING_VOWELS, "ອ", "ວ", "ຍ"]),
    st.sampled_from(["", "ກ", "ງ", "ດ", "ນ", "ບ", "ມ", "ຍ", "ວ"]),
)
lao_words_text = st.lists(lao_syllable, max_size=20).map("".join)


def shared_file(*parts: str) -> Path:
    """A file of ../shared/data; the test is skipped, saying so, when it is not there."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"development data not present: {path}")
    return path


def compiled_core() -> Any:
    """The compiled core under test, for a test module of the C side (call it at import).

    Without it the calling module is skipped, unless ``LAOTEXT_REQUIRE_CORE=1`` (CI), which makes
    that an error; with ``LAOTEXT_EXPECT_CORE_IN`` set (the sanitizer run) the core must be the
    build found there.
    """
    from laotext import _backend

    core = _backend.CORE
    if core is None:
        if os.environ.get("LAOTEXT_REQUIRE_CORE") == "1":
            raise ImportError(_backend.CORE_ERROR)
        pytest.skip(f"compiled core not built: {_backend.CORE_ERROR}", allow_module_level=True)
    expected = os.environ.get("LAOTEXT_EXPECT_CORE_IN")
    if expected:  # the sanitizer build must be the one under test
        assert core.__file__.startswith(expected), core.__file__
    return core
