"""The ``laotext`` command: streaming UTF-8 filters for corpora, one output line per input line.

::

    laotext tokenize corpus.txt -o corpus.tok.txt          # words separated by |
    laotext normalize < raw.txt > clean.txt
    laotext syllables --sep ' ' corpus.txt
    laotext romanize --system alalc names.txt
    laotext train gold.txt -o my.model && laotext tokenize --model my.model corpus.txt
    laotext eval gold.txt --granularity fine

Every filter reads ``FILE`` (or standard input for ``-`` or no argument) line by line and writes as
it goes, so it runs in constant memory on corpora of any size.  Errors go to standard error with a
non-zero exit status: an undecodable line is named by its number, and every line before it has
already been written.  A closed pipe (``laotext tokenize big.txt | head``) ends the program
quietly.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO, cast

__all__ = ["main"]

Transform = Callable[[str], str]


class CommandError(Exception):
    """An error the user can fix: printed as one line on standard error, exit status 2."""


def _open_input(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from exc


def _open_output(path: str | None) -> BinaryIO:
    if path is None or path == "-":
        return sys.stdout.buffer
    try:
        return open(path, "wb")
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror}") from exc


def _decoded_lines(stream: BinaryIO, name: str) -> Iterator[tuple[str, str]]:
    """Yield (line without its end, the line end) pairs, decoding each line as strict UTF-8."""
    for number, raw in enumerate(stream, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"{name}: line {number} is not valid UTF-8 "
                f"(byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
            ) from exc
        if number == 1 and line.startswith("\ufeff"):
            line = line[1:]  # a byte order mark is file metadata, not text
        body = line.rstrip("\r\n")
        yield body, line[len(body) :]


def _run_filter(input_path: str, output_path: str | None, transform: Transform) -> None:
    source = _open_input(input_path)
    sink = _open_output(output_path)
    name = "<stdin>" if input_path == "-" else input_path
    interactive = sink.isatty()
    try:
        for body, end in _decoded_lines(source, name):
            sink.write((transform(body) + end).encode("utf-8"))
            if interactive:
                sink.flush()
    finally:
        sink.flush()
        if source is not sys.stdin.buffer:
            source.close()
        if sink is not sys.stdout.buffer:
            sink.close()


# --- subcommands -----------------------------------------------------------------------------


def _cmd_normalize(args: argparse.Namespace) -> None:
    from laotext.normalize import NormalizeConfig, normalize_with

    config = NormalizeConfig(
        am=args.am,
        ligatures=args.ligatures,
        subscript_lo=not args.keep_lo,
        keep_zwsp=args.keep_zwsp,
        fix_thai=not args.keep_thai,
        collapse_tones=args.collapse_tones,
        remove_dangling=args.remove_dangling,
        digits=args.digits,
    )
    _run_filter(args.file, args.output, lambda line: normalize_with(line, config))


def _cmd_syllables(args: argparse.Namespace) -> None:
    from laotext.syllables import syllable_tokenize

    sep: str = args.sep
    _run_filter(args.file, args.output, lambda line: sep.join(syllable_tokenize(line)))


def _make_word_tokenizer(args: argparse.Namespace) -> Callable[[str], list[str]]:
    """The tokenize function that --engine, --granularity and --model ask for."""
    from laotext.segment import Tokenizer, word_tokenize

    if args.model is not None:
        if args.engine != "laotext":
            raise CommandError("--model needs --engine laotext")
        try:
            tokenizer = Tokenizer.load(args.model)
        except OSError as exc:
            raise CommandError(f"cannot read model {args.model}: {exc.strerror}") from exc
        return tokenizer.tokenize
    engine, granularity = args.engine, args.granularity

    def tokenize(text: str) -> list[str]:
        return word_tokenize(text, engine=engine, granularity=granularity)

    tokenize("")  # validates the options (and imports ICU) before any line is read
    return tokenize


def _cmd_tokenize(args: argparse.Namespace) -> None:
    tokenize = _make_word_tokenizer(args)
    sep: str = args.sep
    if args.no_whitespace:

        def transform(line: str) -> str:
            return sep.join(token for token in tokenize(line) if not token.isspace())

    else:

        def transform(line: str) -> str:
            return sep.join(tokenize(line))

    _run_filter(args.file, args.output, transform)


def _cmd_romanize(args: argparse.Namespace) -> None:
    from laotext.romanize.text import SystemName, romanize

    system = cast(SystemName, args.system)  # argparse has checked it against the choices
    romanize("", system=system)  # validates the system name before any line is read
    _run_filter(args.file, args.output, lambda line: romanize(line, system=system))


def _gold_lines(path: str) -> Iterator[str]:
    source = _open_input(path)
    try:
        for body, _ in _decoded_lines(source, path):
            yield body
    finally:
        if source is not sys.stdin.buffer:
            source.close()


def _cmd_train(args: argparse.Namespace) -> None:
    from laotext.segment import Tokenizer

    tokenizer = Tokenizer.train(_gold_lines(args.gold), sep=args.sep)
    try:
        tokenizer.save(args.output)
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror}") from exc
    print(f"saved model to {args.output}", file=sys.stderr)


def _cmd_eval(args: argparse.Namespace) -> None:
    from laotext.evaluate import score

    tokenize = _make_word_tokenizer(args)
    scores = score(_gold_lines(args.gold), tokenize, sep=args.sep)
    print(f"precision {scores.precision:.4f}")
    print(f"recall    {scores.recall:.4f}")
    print(f"f1        {scores.f1:.4f}")


# --- argument parsing ------------------------------------------------------------------------


def _add_io(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", default="-", help="input file (default: stdin)")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: stdout)")


def _add_engine(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine", default="laotext", choices=["laotext", "icu"], help="segmentation engine"
    )
    parser.add_argument(
        "--granularity",
        default="medium",
        choices=["fine", "medium", "coarse"],
        help="how far compounds are split (default: medium)",
    )
    parser.add_argument("--model", help="a model file written by 'laotext train'")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``laotext`` command."""
    from laotext import __version__

    parser = argparse.ArgumentParser(
        prog="laotext", description="Lao text segmentation, normalisation and romanisation."
    )
    parser.add_argument("--version", action="version", version=f"laotext {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    cmd = commands.add_parser("tokenize", help="split lines into words")
    _add_io(cmd)
    _add_engine(cmd)
    cmd.add_argument("--sep", default="|", help="word separator (default: |)")
    cmd.add_argument("--no-whitespace", action="store_true", help="drop whitespace tokens")
    cmd.set_defaults(run=_cmd_tokenize)

    cmd = commands.add_parser("syllables", help="split lines into syllable clusters")
    _add_io(cmd)
    cmd.add_argument("--sep", default="|", help="cluster separator (default: |)")
    cmd.set_defaults(run=_cmd_syllables)

    cmd = commands.add_parser("normalize", help="rewrite lines in canonical Lao spelling")
    _add_io(cmd)
    forms = ["compose", "decompose", "keep"]
    cmd.add_argument("--am", default="compose", choices=forms, help="ຳ or ໍ + າ (default: compose)")
    cmd.add_argument(
        "--ligatures", default="compose", choices=forms, help="ໜ ໝ or ຫນ ຫມ (default: compose)"
    )
    cmd.add_argument(
        "--digits", default="keep", choices=["keep", "ascii", "lao"], help="digits (default: keep)"
    )
    cmd.add_argument("--keep-lo", action="store_true", help="keep ຫລ (no subscript ◌ຼ)")
    cmd.add_argument("--keep-zwsp", action="store_true", help="keep zero-width spaces")
    cmd.add_argument("--keep-thai", action="store_true", help="keep Thai look-alike characters")
    cmd.add_argument("--collapse-tones", action="store_true", help="keep one tone mark a syllable")
    cmd.add_argument("--remove-dangling", action="store_true", help="drop marks without a base")
    cmd.set_defaults(run=_cmd_normalize)

    cmd = commands.add_parser("romanize", help="write lines in Latin letters or IPA")
    _add_io(cmd)
    cmd.add_argument(
        "--system",
        default="bgn",
        choices=["bgn", "alalc", "moh2020", "ipa"],
        help="romanisation system (default: bgn)",
    )
    cmd.set_defaults(run=_cmd_romanize)

    cmd = commands.add_parser("train", help="learn a model from a segmented corpus")
    cmd.add_argument("gold", help="gold file: one sentence a line, words separated by --sep")
    cmd.add_argument("-o", "--output", required=True, metavar="MODEL", help="model file")
    cmd.add_argument("--sep", default="|", help="word separator in GOLD (default: |)")
    cmd.set_defaults(run=_cmd_train)

    cmd = commands.add_parser("eval", help="score word segmentation against a gold file")
    cmd.add_argument("gold", help="gold file: one sentence a line, words separated by --sep")
    _add_engine(cmd)
    cmd.add_argument("--sep", default="|", help="word separator in GOLD (default: |)")
    cmd.set_defaults(run=_cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        args.run(args)
    except CommandError as exc:
        print(f"laotext {args.command}: {exc}", file=sys.stderr)
        return 2
    except (ImportError, ValueError) as exc:
        print(f"laotext {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from complaining again
        # when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
