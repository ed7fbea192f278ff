"""``audit-tool report AUDIT_MANIFEST``: the audit round's report."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from audit_tool._escape import terminal_text
from audit_tool.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    Streams,
    Verbs,
    add_catalogue_option,
    add_output_option,
    format_for_output,
    read_catalogues,
    report_problems,
    source_of,
    write_output,
)
from audit_tool.cli._verbs import help_of
from audit_tool.formatters import render_json
from audit_tool.rounds.report import (
    build_report,
    render_report_html,
    render_report_markdown,
    render_report_text,
)
from audit_tool.rounds.report.html import report_html_parts
from audit_tool.rounds.report.model import RoundReport
from audit_tool.rounds.round import AuditRound, read_round
from audit_tool.rounds.trend import read_previous

HELP = help_of("report")
DESCRIPTION = """\
Read an audit round from its manifest (audit.yaml: the tool, the cases and the
agencies invited to each, where the returns are), check every return, score
the valid ones, and write the round's report: coverage (case by agency), theme
scores overall and per case, strengths and areas for development with the
questions that pulled each theme down, warnings (missing returns, agencies
unable to take part, family views not obtained, historical information
presented as current), and the invalid returns left out of the scores. When
the manifest names its previous round ('previous:'), the report shows each
theme's movement since (like for like where the tool changed) and where the
previous round's actions stand, overdue ones marked as of this round's panel.

  md    Markdown, for a board paper or a wiki
  html  one self-contained HTML file with SVG charts and print styles
  text  the theme table and a summary, for the terminal
  json  the report's data, for programs

The format follows the extension of -o (.html, .md, .txt, .json) unless
--format says otherwise; without -o the report goes to stdout as Markdown.
With -o, the text summary is printed. Invalid returns are listed on stderr;
they do not change the exit code unless --strict is given. A manifest with
errors gives its problems (file:line:col) and exit code 1.

The tool and the returns the manifest names must lie in the manifest's folder
(or below it) or in a folder given with --shared; any other path is an error
and is never read.

examples:
  audit-tool report examples/2017-05-neglect/audit.yaml --shared tools -o out/report.html
  audit-tool report examples/2017-05-neglect/audit.yaml --shared tools --format md > report.md
"""

RENDERERS: dict[str, Callable[[RoundReport], str]] = {
    "md": render_report_markdown,
    "html": render_report_html,
    "text": render_report_text,
    "json": lambda report: render_json(report.to_dict()),
}
_PROGRESS_FROM = 200


def register(verbs: Verbs) -> None:
    """Add the ``report`` verb."""
    parser = verbs.add_parser(
        "report", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "manifest", metavar="AUDIT_MANIFEST",
        help="the round's manifest (- reads it from standard input; its paths are then "
        "relative to the current folder)",
    )
    parser.add_argument("--format", choices=sorted(RENDERERS), help="md, html, text or json")
    add_output_option(parser, "write the report to FILE")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when any return is invalid"
    )
    add_catalogue_option(parser)
    parser.set_defaults(handler=run)


def _inputs(args: argparse.Namespace, audit: AuditRound) -> list[str]:
    """Every file the report was made from: the manifest, the tool and its building blocks,
    the catalogues and every return."""
    return [args.manifest, *audit.tool_files, *args.catalogue, *(r.file for r in audit.returns)]


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Write the report; exit 1 if the manifest (or, with --strict, a return) has errors."""
    catalogues, problems = read_catalogues(args.catalogue)
    if problems:
        return report_problems(args.catalogue, problems, "text", streams) or EXIT_ERRORS

    def progress(done: int, total: int) -> None:
        if total >= _PROGRESS_FROM and (done % 100 == 0 or done == total):
            streams.err.write(f"read {done} of {total} returns\n")

    loaded = read_round(
        **source_of(args.manifest, streams), catalogues=catalogues, progress=progress,
        shared=args.shared,
    )
    if loaded.round is None:
        code = report_problems([loaded.file], loaded.problems, "text", streams)
        streams.err.write("audit-tool: error: the round cannot be read; no report was written\n")
        return code or EXIT_ERRORS
    audit = loaded.round
    previous, previous_problems = read_previous(audit, catalogues=catalogues, shared=args.shared)
    if previous_problems:
        report_problems([audit.file], previous_problems, "text", streams)
    report = build_report(audit, previous)
    fmt = format_for_output(args.format, args.output, "md", RENDERERS)
    # The page in its parts: written one after the other, it is never held twice.
    rendered = report_html_parts(report) if fmt == "html" else RENDERERS[fmt](report)
    write_output(args.output, rendered, streams, inputs=_inputs(args, audit), force=args.force)
    if args.output:
        streams.out.write(render_report_text(report))
        streams.out.write(f"wrote {terminal_text(args.output)}\n")
    invalid = audit.invalid_returns
    if invalid:
        errors = [p for r in invalid for p in r.report.errors]
        report_problems([r.file for r in audit.returns], errors, "text", streams)
        streams.err.write(
            f"audit-tool: {len(invalid)} invalid return{'s' if len(invalid) != 1 else ''} "
            "left out of the scores (listed in the report)\n"
        )
    if any(p.is_error for p in previous_problems):
        streams.err.write("audit-tool: the previous round cannot be shown (see above); the "
                          "report was written without it\n")
        return EXIT_ERRORS
    return EXIT_ERRORS if invalid and args.strict else EXIT_OK
