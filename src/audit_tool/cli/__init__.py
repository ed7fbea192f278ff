"""The ``audit-tool`` command line: ``main(argv) -> int``.

Each verb lives in its own module and registers a sub-parser; the logic is in
the library and the output in :mod:`audit_tool.formatters`, so a verb is only
argument handling. ``main`` never lets a traceback out for bad input: exit 0
when all is good, 1 when the inputs have errors, 2 for a usage error or a file
that cannot be read. Should the program itself fail (a bug: an exception no
check foresaw), it exits 70, a code of its own, so that a script never takes
a crash for a finding, and asks for a report.
"""

from __future__ import annotations

import dataclasses
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from audit_tool._escape import terminal_text
from audit_tool.cli._common import EXIT_CRASH, CommandError, Streams, UsageError, build_parser

__all__ = ["main", "run"]


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command line with ``argv``; return the exit code. ``-`` reads ``stdin``."""
    streams = Streams(stdout or sys.stdout, stderr or sys.stderr, stdin=stdin)
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(streams, words)
    try:
        args = parser.parse_args(words)
    except UsageError as exc:
        return exc.code
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(streams.err)
        return 2
    if getattr(args, "quiet", False):
        streams = dataclasses.replace(streams, quiet=True)
    try:
        code: int = handler(args, streams)
    except CommandError as exc:
        streams.err.write(f"audit-tool: error: {terminal_text(exc)}\n")
        return exc.code
    except KeyboardInterrupt:
        streams.err.write("audit-tool: interrupted\n")
        return 130
    except Exception as exc:  # the last line of defence: see the module docstring
        streams.err.write(_crash_message(exc))
        return EXIT_CRASH
    return code


def _crash_message(exc: BaseException) -> str:
    """What a crash prints: the kind of error and where, never its text (which may quote
    what a file holds, and files hold case data)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return (
        f"audit-tool: internal error ({type(exc).__name__}{where}): this is a bug in "
        "audit-tool, not a problem in your files.\n"
        "audit-tool: please report it with the command you ran and the lines above "
        "(not the files: they may hold case data). Exit code 70.\n"
    )


def run() -> None:
    """The console-script entry point."""
    raise SystemExit(main())
