"""The ``laotext`` command, run as a user runs it: the installed console script."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LAOTEXT = shutil.which("laotext", path=str(Path(sys.executable).parent))


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    if LAOTEXT is None:
        pytest.fail("the laotext console script is not installed next to this Python")
    return subprocess.run([LAOTEXT, *args], input=stdin, capture_output=True, timeout=120)


def test_syllables_filters_stdin_line_by_line() -> None:
    result = run("syllables", stdin="ສະບາຍດີ\nພາສາລາວ\n".encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "ສະ|ບາຍ|ດີ\nພາ|ສາ|ລາວ\n"


def test_syllables_reads_a_file_and_writes_a_file(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("ເມືອງລາວ\r\nດີໆ", encoding="utf-8")
    target = tmp_path / "out.txt"
    result = run("syllables", str(source), "-o", str(target), "--sep", " ")
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == "ເມືອງ ລາວ\r\nດີ ໆ".encode()  # line ends kept as they were


def test_undecodable_line_is_named_and_earlier_lines_are_kept() -> None:
    result = run("syllables", stdin="ລາວ\n".encode() + b"\xff\xfe\n" + "ໄທ\n".encode())
    assert result.returncode == 2
    assert b"line 2" in result.stderr
    assert result.stdout.decode() == "ລາວ\n"


def test_missing_file_is_a_clear_error() -> None:
    result = run("syllables", "/nonexistent/file.txt")
    assert result.returncode == 2
    assert b"cannot read /nonexistent/file.txt" in result.stderr


def test_unknown_option_value_is_rejected_with_the_valid_choices() -> None:
    result = run("tokenize", "--granularity", "huge")
    assert result.returncode == 2
    assert b"fine" in result.stderr and b"coarse" in result.stderr


def test_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    if LAOTEXT is None:
        pytest.fail("the laotext console script is not installed next to this Python")
    source = tmp_path / "big.txt"
    source.write_text("ສະບາຍດີ ພາສາລາວ\n" * 100_000, encoding="utf-8")
    writer = subprocess.Popen(
        [LAOTEXT, "syllables", str(source)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert writer.stdout is not None and writer.stderr is not None
    first = writer.stdout.readline()
    writer.stdout.close()  # the reader goes away, like `| head -1`
    stderr = writer.stderr.read()
    writer.wait(timeout=120)
    assert first.decode() == "ສະ|ບາຍ|ດີ| |ພາ|ສາ|ລາວ\n"
    assert b"Traceback" not in stderr and b"Error" not in stderr
