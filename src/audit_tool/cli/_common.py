"""What every verb shares: streams, the parser, output options, exit codes."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NoReturn, TextIO

from ..formatters import report_json, report_text
from ..problems import Problem, Report

__all__ = [
    "EXIT_ERRORS",
    "EXIT_OK",
    "EXIT_USAGE",
    "CommandError",
    "Streams",
    "UsageError",
    "add_format",
    "build_parser",
    "exit_code",
    "print_report",
]

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class Streams:
    """Where a command writes: results to ``out``, diagnostics to ``err``."""

    out: TextIO
    err: TextIO


class UsageError(Exception):
    """argparse wanted to exit (bad arguments, or --help)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class CommandError(Exception):
    """A command cannot go on (a file it needs cannot be read); exit 2 by default."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that writes to injected streams and never calls sys.exit."""

    streams: Streams

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            to_err = file is None or getattr(file, "name", "") == "<stderr>"
            (self.streams.err if to_err else self.streams.out).write(message)

    def print_help(self, file: Any = None) -> None:
        (file or self.streams.out).write(self.format_help())

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self.streams.err.write(message)
        raise UsageError(status)

    def error(self, message: str) -> NoReturn:
        self.print_usage(self.streams.err)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def add_format(parser: argparse.ArgumentParser, *choices: str) -> None:
    """The ``--format`` option every verb that reads files has."""
    options = choices or ("text", "json")
    parser.add_argument(
        "--format",
        choices=options,
        default=options[0],
        help=f"output format (default: {options[0]}; json is for programs)",
    )


def exit_code(problems: Iterable[Problem]) -> int:
    """2 if a file could not be read, 1 if there are errors, else 0."""
    found = list(problems)
    if any(p.code == "file-unreadable" for p in found):
        return EXIT_USAGE
    if any(p.is_error for p in found):
        return EXIT_ERRORS
    return EXIT_OK


def print_report(report: Report, fmt: str, streams: Streams, noun: str = "file") -> int:
    """Write ``report`` in ``fmt``; return the exit code it calls for."""
    streams.out.write(report_json(report) if fmt == "json" else report_text(report, noun))
    return exit_code(report.problems)


Registrar = Callable[[argparse._SubParsersAction], None]  # type: ignore[type-arg]


def _registrars() -> list[Registrar]:
    from . import _check, _report, _schema, _score

    return [_check.register, _score.register, _report.register, _schema.register]


def build_parser(streams: Streams) -> argparse.ArgumentParser:
    """The whole command line, every verb registered."""
    from .. import __version__

    _Parser.streams = streams
    parser = _Parser(
        prog="audit-tool",
        description=(
            "Build, check, complete, score and compare multi-agency case audit tools.\n"
            "Run 'audit-tool VERB --help' for the options of one verb."
        ),
        epilog=(
            "exit codes: 0 all good; 1 the inputs have errors (or --fail-on was triggered); "
            "2 usage error or a file that cannot be read"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"audit-tool {__version__}")
    verbs = parser.add_subparsers(title="verbs", metavar="VERB")
    for register in _registrars():
        register(verbs)
    return parser
