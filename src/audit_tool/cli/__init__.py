"""The ``audit-tool`` command line: ``main(argv) -> int``.

Each verb lives in its own module and registers a sub-parser; the logic is in
the library and the output in :mod:`audit_tool.formatters`, so a verb is only
argument handling. ``main`` never lets a traceback out for bad input: exit 0
when all is good, 1 when the inputs have errors, 2 for a usage error or a file
that cannot be read.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from .._escape import terminal_text
from ._common import CommandError, Streams, UsageError, build_parser

__all__ = ["main", "run"]


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line with ``argv``; return the exit code."""
    streams = Streams(stdout or sys.stdout, stderr or sys.stderr)
    parser = build_parser(streams)
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except UsageError as exc:
        return exc.code
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(streams.err)
        return 2
    try:
        code: int = handler(args, streams)
    except CommandError as exc:
        streams.err.write(f"audit-tool: error: {terminal_text(exc)}\n")
        return exc.code
    except KeyboardInterrupt:
        streams.err.write("audit-tool: interrupted\n")
        return 130
    return code


def run() -> None:
    """The console-script entry point."""
    raise SystemExit(main())
