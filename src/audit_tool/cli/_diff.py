"""``audit-tool diff OLD NEW``: the semantic changes between two versions of a tool."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from audit_tool.authoring.loading import LoadedTool
from audit_tool.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    Streams,
    Verbs,
    add_catalogue_option,
    add_format,
    add_output_option,
    report_problems,
    write_output,
)
from audit_tool.cli._verbs import help_of
from audit_tool.cli._versions import read_versions
from audit_tool.problems import Problem, Severity
from audit_tool.versions.compare import diff
from audit_tool.versions.model import Change
from audit_tool.versions.render import diff_json, diff_markdown, diff_text
from audit_tool.versions.rules import Impact

HELP = help_of("diff")
DESCRIPTION = """\
Compare two versions of a tool: every change, with its rule, its impact on
old returns (data) and on theme scores (score), and the version step the
changes call for. Questions, options, scales and sections are matched by id;
renames are declared in the new version with renamed_from, never guessed.
Building blocks are compared as the content the tools include.

Problems of the new version as a successor (an id the old version reserved
used again, a removed question not reserved in retired_ids, a possible
rename) go to standard error with their file and line; errors exit 1.

--format md writes a changelog a board can publish. --fail-on LEVEL exits 1
when any change is at least that severe; --check-version exits 1 when the new
version number is a smaller step than the changes call for, or the content
changed and the version did not.

examples:
  audit-tool diff tools/neglect_v1.yaml tools/neglect_v2.yaml
  audit-tool diff tools/neglect_v1.yaml tools/neglect_v2.yaml --format md -o CHANGES.md
  audit-tool diff published.yaml draft.yaml --check-version --fail-on breaking
"""

_LEVELS = ("breaking", "compatible", "cosmetic")


def register(verbs: Verbs) -> None:
    """Add the ``diff`` verb."""
    parser = verbs.add_parser(
        "diff", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "old", metavar="OLD",
        help="the earlier version's tool file (- reads standard input)",
    )
    parser.add_argument(
        "new", metavar="NEW",
        help="the later version's tool file (- reads standard input)",
    )
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
    add_output_option(parser, "write the diff to FILE instead of stdout")
    add_catalogue_option(parser)
    add_format(parser, "text", "json", "md")
    parser.set_defaults(handler=run)


def _place(loaded: LoadedTool, pointer: str) -> str:
    """``file:line:column`` where ``pointer`` (into the resolved tool) stands: in the file
    it came from, which for an included building block is that block's file.

    ``LoadedTool.locate`` places problems; a bare record carries the pointer to it.
    """
    placed = loaded.locate(Problem("", Severity.WARNING, "", pointer))
    return ":".join(str(p) for p in (placed.file, placed.line, placed.column) if p is not None)


def _where(old: LoadedTool, new: LoadedTool) -> Callable[[Change], str]:
    def where(change: Change) -> str:
        return _place(new if change.side == "new" else old, change.pointer)

    return where


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Compare OLD and NEW; exit 0, 1 or 2."""
    problem_format = "json" if args.format == "json" else "text"
    versions = read_versions(
        [args.old, args.new], args.catalogue, problem_format, streams, shared=args.shared
    )
    if isinstance(versions, int):
        return versions
    (old, new), _catalogues = versions
    assert old.tool is not None
    assert new.tool is not None
    result = diff(old.tool, new.tool)
    if args.format == "text":
        text = diff_text(result, _where(old, new))
    elif args.format == "json":
        text = diff_json(result)
    else:  # the catalogue names the themes
        text = diff_markdown(result, new.catalogue)
    inputs = [*old.files, *new.files, *args.catalogue]
    write_output(args.output, text, streams, inputs=inputs, force=args.force)
    code = EXIT_OK
    located = [new.locate(p) for p in result.problems]
    if located:
        code = report_problems([new.file], located, problem_format, streams)
    if args.fail_on is not None:
        floor = Impact(args.fail_on).rank
        if any(c.severity.rank >= floor for c in result.changes):
            code = EXIT_ERRORS
    if args.check_version:
        for line in result.version_problems():
            code = EXIT_ERRORS
            streams.err.write(f"audit-tool diff: version check failed: {line}\n")
    return code
