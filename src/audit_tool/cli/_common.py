"""What every verb shares: streams, the parser, output options, exit codes."""

from __future__ import annotations

import argparse
import datetime
import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from audit_tool._escape import terminal_text
from audit_tool._fs import name_too_long, write_atomic
from audit_tool.cli._verbs import VERBS, chosen_verb
from audit_tool.codes import problem
from audit_tool.formatters import format_problem, report_json, report_text
from audit_tool.problems import Problem, Report

if TYPE_CHECKING:
    from audit_tool.authoring.catalogue import ThemeCatalogue
    from audit_tool.authoring.loading import LoadedTool
    from audit_tool.authoring.tool import Tool

# What reads tools and responses is imported where it is used: the parser is built on every
# run, --help and --version included, and each verb imports what it works with
# (audit_tool.cli._verbs).

__all__ = [
    "EXIT_CRASH",
    "EXIT_ERRORS",
    "EXIT_OK",
    "EXIT_USAGE",
    "STDIN",
    "STDIN_NAME",
    "CommandError",
    "Streams",
    "UsageError",
    "Verbs",
    "add_catalogue_option",
    "add_format",
    "add_output_option",
    "add_prefill_options",
    "build_parser",
    "check_output",
    "date_argument",
    "distinct_files",
    "exit_code",
    "format_for_output",
    "load_tool_argument",
    "named_tool_path",
    "prefill_arguments",
    "print_report",
    "read_catalogues",
    "read_tool_argument",
    "read_tool_file",
    "report_problems",
    "source_of",
    "write_output",
]

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2
EXIT_CRASH = 70
"""The program itself failed (a bug), as sysexits.h's EX_SOFTWARE: never 1, which is a finding."""


@dataclass(frozen=True)
class Streams:
    """Where a command writes: results to ``out``, diagnostics to ``err``."""

    out: TextIO
    err: TextIO
    quiet: bool = False
    """``-q``/``--quiet``: results and problems only; no summary line, no notes."""

    stdin: TextIO | None = None
    """Where ``-`` reads from (default: ``sys.stdin``)."""
    _stdin_text: list[str] = field(default_factory=list, repr=False)

    def read_stdin(self) -> str:
        """Standard input, read once: ``-`` given twice reads the same text."""
        if not self._stdin_text:
            self._stdin_text.append((self.stdin or sys.stdin).read())
        return self._stdin_text[0]

    def note(self, text: str) -> None:
        """A line for people on stderr (``wrote FILE``), unless quiet; control characters
        (from a file name) shown escaped."""
        if not self.quiet:
            self.err.write(terminal_text(text.removesuffix("\n")) + "\n")


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
            to_err = (
                file is None
                or file is self.streams.err
                or getattr(file, "name", "") == "<stderr>"
            )
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


if TYPE_CHECKING:
    Verbs = argparse._SubParsersAction[_Parser]
    """What a verb module's ``register`` adds its sub-parser to."""
else:  # not subscriptable at run time
    Verbs = argparse._SubParsersAction


def add_format(parser: argparse.ArgumentParser, *choices: str) -> None:
    """The ``--format`` option every verb that reads files has."""
    options = choices or ("text", "json")
    parser.add_argument(
        "--format",
        choices=options,
        default=options[0],
        help=f"output format (default: {options[0]}; json is for programs)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true",
        help="print results and problems only: no summary line, no notes on stderr",
    )


def date_argument(text: str) -> datetime.date:
    """An option's value read as a date written ``YYYY-MM-DD`` (``type=`` for argparse)."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


OUTPUT_SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".txt": "text",
                   ".json": "json", ".csv": "csv"}
"""The format a file's extension asks for, for verbs that write with ``-o``."""


def format_for_output(
    fmt: str | None, output: str | None, default: str, choices: Iterable[str]
) -> str:
    """The format given with ``--format``; else the one ``-o FILE``'s extension asks for,
    when it is one of ``choices``; else ``default``."""
    if fmt:
        return fmt
    found = OUTPUT_SUFFIXES.get(os.path.splitext(output)[1].lower()) if output else None
    return found if found is not None and found in set(choices) else default


def add_prefill_options(parser: argparse.ArgumentParser, does: str) -> None:
    """``--case``, ``--agency``, ``--round`` and ``--period``: what a blank return is given,
    said with ``does`` (``prefill``; ``fill in and lock``)."""
    parser.add_argument("--case", help=f"{does} the pseudonymised case reference (never a name)")
    parser.add_argument("--agency", help=f"{does} the agency's id (lower_snake_case)")
    parser.add_argument("--round", dest="audit_round", metavar="ROUND",
                        help=f"{does} the audit round")
    parser.add_argument("--period", nargs=2, type=date_argument, metavar=("START", "END"),
                        help=f"{does} the audit period (YYYY-MM-DD YYYY-MM-DD)")


def prefill_arguments(args: argparse.Namespace) -> dict[str, Any]:
    """The prefill options given (``audit_round``, ``case``, ``agency``, ``period``), checked:
    a value a response would not accept is a usage error (:class:`CommandError`)."""
    from audit_tool.responses.response import Period
    from audit_tool.responses.template import check_prefill

    period = Period(start=args.period[0], end=args.period[1]) if args.period else None
    if period is not None and period.start > period.end:
        raise CommandError("--period: the start is after the end")
    given = {"audit_round": args.audit_round, "case": args.case, "agency": args.agency,
             "period": period}
    try:
        check_prefill({"round": args.audit_round, "case": args.case, "agency": args.agency,
                       "period": period})
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    return given


def add_catalogue_option(parser: argparse.ArgumentParser) -> None:
    """The options of every verb that reads a tool: ``--catalogue FILE``, a partnership's
    own theme catalogue, and ``--shared DIR``, a folder of shared building blocks that
    includes may lead to besides the tool's own folder (both repeatable)."""
    parser.add_argument(
        "--catalogue",
        action="append",
        default=[],
        metavar="FILE",
        help="a theme catalogue of your own, besides the standard one (repeatable)",
    )
    parser.add_argument(
        "--shared",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of shared building blocks that includes may lead to, besides the "
        "tool's own folder and the folders below it (repeatable)",
    )


def read_catalogues(paths: list[str]) -> tuple[list[ThemeCatalogue], list[Problem]]:
    """The catalogues given with ``--catalogue``, and the problems of those that fail."""
    from audit_tool.authoring.loading import read_catalogue

    catalogues: list[ThemeCatalogue] = []
    problems: list[Problem] = []
    for path in paths:
        loaded = read_catalogue(path)
        problems.extend(loaded.problems)
        if loaded.catalogue is not None:
            catalogues.append(loaded.catalogue)
    return catalogues, problems


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
    streams.out.write(report_json(report) if fmt == "json" else _text(report, noun, streams))
    return exit_code(report.problems)


def _text(report: Report, noun: str, streams: Streams) -> str:
    """The text report; without its summary line when quiet."""
    if streams.quiet:
        return "".join(format_problem(p) + "\n" for f in report.files for p in f.problems)
    return report_text(report, noun)


def report_problems(
    files: Sequence[str],
    problems: Sequence[Problem],
    fmt: str,
    streams: Streams,
    to: TextIO | None = None,
) -> int:
    """Problems to ``to``, by default ``streams.err`` (the verb's output stays clean), as
    ``check`` gives them, in ``fmt`` (text or json); the exit code they call for."""
    report = Report.from_problems(files, problems)
    (streams.err if to is None else to).write(
        report_json(report) if fmt == "json" else _text(report, "file", streams)
    )
    return exit_code(problems)


def read_tool_argument(
    path: str,
    streams: Streams,
    catalogue_paths: Sequence[str] = (),
    fmt: str = "text",
    to: TextIO | None = None,
    shared: Sequence[str] = (),
) -> LoadedTool | int:
    """The tool file a verb was given, read; or, when it is not a usable tool, the exit code
    after reporting why (exit 2 if a file cannot be read, else 1).

    ``catalogue_paths`` are the ``--catalogue`` files; when one of them fails, the tool is
    not read. ``shared`` are the ``--shared`` folders. The problems go to ``to``, by
    default ``streams.err`` (see :func:`report_problems`). The result's ``tool`` is set;
    keep the :class:`LoadedTool` to place problems found later (``LoadedTool.locate``).
    """
    catalogues, problems = read_catalogues(list(catalogue_paths))
    if not any(p.is_error for p in problems):
        loaded = read_tool_file(path, streams, catalogues, shared)
        if loaded.tool is not None:
            return loaded
        problems = [*problems, *loaded.blocking_problems()]
    files = [*catalogue_paths, STDIN_NAME if path == STDIN else path]
    return report_problems(files, problems, fmt, streams, to) or EXIT_ERRORS


STDIN = "-"
"""The file name that reads standard input."""
STDIN_NAME = "<stdin>"
"""How problems name standard input."""


def source_of(path: str, streams: Streams) -> dict[str, Any]:
    """The source arguments of a reading function for a file given on the command line:
    ``-`` is standard input's text, named ``<stdin>``, its paths relative to the current
    folder."""
    if path == STDIN:
        return {"text": streams.read_stdin(), "name": STDIN_NAME}
    return {"source": path}


def read_tool_file(
    path: str,
    streams: Streams,
    catalogues: Sequence[ThemeCatalogue] = (),
    shared: Sequence[str] = (),
) -> LoadedTool:
    """:func:`read_tool`, where ``-`` reads the tool from standard input (its includes
    relative to the current folder), and ``ID@VERSION`` that is not a file names a tool
    found as the tool a return names is (:func:`audit_tool.authoring.shipped.find_tool`)."""
    from audit_tool.authoring.loading import read_tool

    if path == STDIN:
        return read_tool(
            text=streams.read_stdin(), name=STDIN_NAME, catalogues=catalogues, shared=shared
        )
    return read_tool(named_tool_path(path), catalogues=catalogues, name=path, shared=shared)


def named_tool_path(path: str) -> str | Path:
    """``path``; or, for ``ID@VERSION`` that is not a file, the tool file found by that
    name in ``AUDIT_TOOL_PATH`` or the shipped tools
    (:func:`audit_tool.authoring.shipped.find_tool`)."""
    tool_id, at, version = path.partition("@")
    if at and not name_too_long(path) and not Path(path).exists():
        from audit_tool.authoring.shipped import find_tool

        found = find_tool(tool_id, version)
        if found is not None:
            return found
    return path


def load_tool_argument(
    path: str,
    streams: Streams,
    catalogue_paths: Sequence[str] = (),
    fmt: str = "text",
    shared: Sequence[str] = (),
) -> Tool | int:
    """The tool a verb was given, or, when it has errors, the exit code after reporting them.

    ``catalogue_paths`` are the ``--catalogue`` files. The problems go to
    ``streams.err`` (the verb's output stays clean) as ``check`` gives them,
    in ``fmt`` (text or json): exit 2 if a file cannot be read, else 1.
    """
    loaded = read_tool_argument(path, streams, catalogue_paths, fmt, shared=shared)
    if isinstance(loaded, int):
        return loaded
    assert loaded.tool is not None
    return loaded.tool


def add_output_option(
    parser: argparse.ArgumentParser,
    help: str = "write here (default: stdout)",
    *,
    metavar: str = "FILE",
    required: bool = False,
) -> None:
    """``-o/--output`` and ``--force``: where a verb writes, and whether it may overwrite a file.

    An output is never an input of the run, and an existing file is not overwritten
    unless ``--force`` is given (see :func:`check_output`).
    """
    parser.add_argument("-o", "--output", metavar=metavar, required=required, help=help)
    parser.add_argument(
        "--force", action="store_true", help="overwrite an output file that exists already"
    )


def _same_file(one: Path, other: Path) -> bool:
    """Whether two spellings name one file: the same inode, or (for a file that does not
    exist yet) the same resolved path, symbolic links followed."""
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        pass
    try:
        return one.resolve() == other.resolve()
    except (OSError, RuntimeError, ValueError):
        return False


def distinct_files(paths: Iterable[str]) -> tuple[list[str], list[Problem]]:
    """``paths`` with each file once (whatever its spelling or link), and a
    ``file-given-twice`` warning for every later mention of one already given, so that a
    file is never read, counted or pooled twice without a word."""
    kept: list[str] = []
    seen: dict[object, str] = {}
    repeated: list[Problem] = []
    for path in paths:
        key = _identity(Path(path))
        if key in seen:
            repeated.append(
                problem(
                    "file-given-twice",
                    f"this is {seen[key]} again; it is read once",
                ).located(path, None, None)
            )
            continue
        seen[key] = path
        kept.append(path)
    return kept, repeated


def _identity(path: Path) -> object:
    """What tells two spellings of one file apart from two files: device and inode, or the
    resolved path of a file that cannot be looked at."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        try:
            return str(path.resolve())
        except (OSError, RuntimeError, ValueError):
            return str(path)
    return (info.st_dev, info.st_ino)


def check_output(path: str, inputs: Iterable[str], force: bool) -> None:
    """Refuse (:class:`CommandError`, exit 2) to write ``path`` when it is one of ``inputs``
    by any spelling or link, or, unless ``force``, when it exists already."""
    target = Path(path)
    for given in inputs:
        if _same_file(target, Path(given)):
            spelled = "" if given == path else f" ({given})"
            raise CommandError(
                f"will not write {path}: it is an input of this run{spelled}; "
                "choose another output"
            )
    if not force and (target.exists() or target.is_symlink()):
        raise CommandError(f"{path} exists already; give --force to overwrite it")


def write_output(
    path: str | None,
    text: str | list[str],
    streams: Streams,
    *,
    inputs: Iterable[str],
    force: bool = False,
) -> None:
    """``text`` (or its parts, in order) to the file ``path`` (atomically), or to stdout
    when ``path`` is ``None``.

    ``inputs`` are every file the run read: ``path`` is never one of them, and is not
    overwritten unless ``force`` (:func:`check_output`).
    """
    if path is None:
        for part in [text] if isinstance(text, str) else text:
            streams.out.write(part)
        return
    check_output(path, inputs, force)
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None


def build_parser(streams: Streams, argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The command line: every verb listed, and the one ``argv`` runs registered whole.

    Only that verb's module is imported (:mod:`audit_tool.cli._verbs`); the others are
    listed with their help, as ``--help`` shows them.
    """
    from audit_tool import __version__

    _Parser.streams = streams
    parser = _Parser(
        prog="audit-tool",
        description=(
            "Build, check, complete, score and compare multi-agency case audit tools.\n"
            "Run 'audit-tool VERB --help' for the options of one verb."
        ),
        epilog=(
            "conventions: -o is where a verb's output goes: a FILE for the verbs that write\n"
            "one (template, render, report, export, schema; standard output without it), a\n"
            "folder for those that write several (new, migrate). - reads standard input\n"
            "where a verb reads one file. A tool given as ID@VERSION that is not a file is\n"
            "found in $AUDIT_TOOL_PATH or among the tools shipped with audit-tool.\n"
            "exit codes: 0 all good; 1 the inputs have errors (or --fail-on was triggered); "
            "2 usage error or a file that cannot be read; 70 audit-tool itself failed (a bug: "
            "please report it)"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"audit-tool {__version__}")
    verbs = parser.add_subparsers(title="verbs", metavar="VERB")
    chosen = chosen_verb(list(argv))
    for verb in VERBS:
        if verb is chosen:
            importlib.import_module(verb.module).register(verbs)
        else:
            verbs.add_parser(verb.name, help=verb.help)
    return parser
