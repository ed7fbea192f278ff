"""``audit-tool diff OLD NEW``: the semantic changes between two versions of a tool."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..codes import problem
from ..diffing import Change, Impact, diff
from ..diffing.render import diff_json, diff_markdown, diff_text
from ..formatters import format_problem
from ..loading import LoadedTool, read_tool
from ..problems import Problem, Report, Severity
from ._check import add_catalogue_option, read_catalogues
from ._common import EXIT_ERRORS, EXIT_OK, Streams, add_format, print_report

HELP = "semantic changes between two versions of a tool, and whether the version says so"
DESCRIPTION = """\
Compare two versions of a tool: every change, with its rule, its impact on
old returns (data) and on theme scores (score), and the version step the
changes call for. Questions, options, scales and sections are matched by id;
renames are declared in the new version with renamed_from, never guessed.
Building blocks are compared as the content the tools include.

Problems of the new version as a successor (an id the old version reserved
used again, a removed question not reserved in retired_ids, a possible
rename) are reported with their file and line; errors exit 1.

--format md writes a changelog a board can publish. --fail-on LEVEL exits 1
when any change is at least that severe; --check-version exits 1 when the new
version number is a smaller step than the changes call for, or the content
changed and the version did not.

examples:
  audit-tool diff tools/neglect_v1.yaml tools/neglect_v2.yaml
  audit-tool diff tools/neglect_v1.yaml tools/neglect_v2.yaml --format md > CHANGES.md
  audit-tool diff published.yaml draft.yaml --check-version --fail-on breaking
"""

_LEVELS = ("breaking", "compatible", "cosmetic")


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``diff`` verb."""
    parser = verbs.add_parser(
        "diff", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", help="the earlier version's tool file")
    parser.add_argument("new", metavar="NEW", help="the later version's tool file")
    parser.add_argument(
        "--fail-on",
        choices=_LEVELS,
        metavar="LEVEL",
        help="exit 1 when a change is at least this severe: " + ", ".join(_LEVELS),
    )
    parser.add_argument(
        "--check-version",
        action="store_true",
        help="exit 1 when the declared version step is smaller than the changes call for",
    )
    add_catalogue_option(parser)
    add_format(parser, "text", "json", "md")
    parser.set_defaults(handler=run)


def _where(old: LoadedTool, new: LoadedTool) -> Callable[[Change], str]:
    def where(change: Change) -> str:
        loaded = new if change.side == "new" else old
        placed = loaded.locate(Problem("", Severity.WARNING, "", change.pointer))
        parts = [placed.file or loaded.file, placed.line, placed.column]
        return ":".join(str(p) for p in parts if p is not None)

    return where


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Compare OLD and NEW; exit 0, 1 or 2."""
    catalogues, problems = read_catalogues(args.catalogue)
    old = read_tool(args.old, catalogues=catalogues)
    new = read_tool(args.new, catalogues=catalogues)
    for loaded in (old, new):
        if loaded.tool is None and loaded.fragment is not None:
            loaded.problems.append(
                problem(
                    "not-a-tool",
                    "this is a building block (it has 'fragment:'); compare the tools that "
                    "include it",
                ).located(loaded.file, 1, 1)
            )
    if old.tool is None or new.tool is None or problems:
        every = [*problems, *old.problems, *new.problems]
        report = Report.from_problems([*args.catalogue, old.file, new.file], every)
        return print_report(report, "json" if args.format == "json" else "text", streams)
    result = diff(old.tool, new.tool)
    located = sorted((new.locate(p) for p in result.problems), key=Problem.sort_key)
    if args.format == "text":
        streams.out.write(diff_text(result, _where(old, new), located))
    else:
        streams.out.write(diff_json(result) if args.format == "json" else diff_markdown(result))
        for found in located:
            streams.err.write(format_problem(found) + "\n")
    code = EXIT_OK
    if any(p.is_error for p in located):
        code = EXIT_ERRORS
    if args.fail_on is not None:
        floor = Impact(args.fail_on).rank
        if any(c.severity.rank >= floor for c in result.changes):
            code = EXIT_ERRORS
    if args.check_version:
        verdict = result.version_problems()
        if verdict:
            code = EXIT_ERRORS
            if args.format != "text":
                for line in verdict:
                    streams.err.write(f"audit-tool diff: version check failed: {line}\n")
    return code
