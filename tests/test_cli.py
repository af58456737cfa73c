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


def test_tokenize_writes_one_line_of_words_per_input_line(tmp_path: Path) -> None:
    source = tmp_path / "text.txt"
    source.write_text("ຂ້ອຍຮັກພາສາລາວ\n\nສະບາຍດີ ທ່ານ\n", encoding="utf-8")
    result = run("tokenize", str(source))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().split("\n")
    assert lines[0] == "ຂ້ອຍ|ຮັກ|ພາສາລາວ"
    assert lines[1] == ""
    assert lines[2].replace("|", "") == "ສະບາຍດີ ທ່ານ"  # lossless: separators aside
    assert len(lines) == 4 and lines[3] == ""


def test_tokenize_can_drop_whitespace_and_change_the_separator() -> None:
    result = run("tokenize", "--no-whitespace", "--sep", " ", stdin="ສະບາຍດີ ທ່ານ\n".encode())
    assert result.returncode == 0, result.stderr
    words = result.stdout.decode().split()
    assert "".join(words) == "ສະບາຍດີທ່ານ" and len(words) >= 2


def test_normalize_filter_composes_am() -> None:
    result = run("normalize", stdin="ນໍ້າ ແລະ ກໍາລັງ\n".encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "ນ້ຳ ແລະ ກຳລັງ\n"


def test_romanize_filter_uses_the_chosen_system() -> None:
    result = run("romanize", "--system", "alalc", stdin="ຫຼວງພະບາງ\n".encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "lūangphabāng\n"


def test_train_then_tokenize_with_the_model(tmp_path: Path) -> None:
    gold = tmp_path / "gold.txt"
    gold.write_text("ແມວ|ກິນ|ປາ\nໝາ|ກິນ|ຊີ້ນ\nແມວ|ນອນ\n", encoding="utf-8")
    model = tmp_path / "model.txt"
    trained = run("train", str(gold), "-o", str(model))
    assert trained.returncode == 0, trained.stderr
    assert model.read_text(encoding="utf-8").strip()
    result = run("tokenize", "--model", str(model), stdin="ໝາກິນປາ\n".encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "ໝາ|ກິນ|ປາ\n"


def test_eval_prints_precision_recall_and_f1(tmp_path: Path) -> None:
    gold = tmp_path / "gold.txt"
    gold.write_text("ຂ້ອຍ|ຮັກ|ພາສາລາວ\n", encoding="utf-8")
    result = run("eval", str(gold))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "precision 1.0000" in out and "f1        1.0000" in out


def test_normalize_options_choose_the_decomposed_profile() -> None:
    result = run(
        "normalize", "--am", "decompose", "--ligatures", "decompose", stdin="ກຳໜ\n".encode()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "ກໍາຫນ\n"
    bad = run("normalize", "--digits", "roman")
    assert bad.returncode == 2 and b"ascii" in bad.stderr
