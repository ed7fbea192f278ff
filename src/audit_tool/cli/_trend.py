"""``audit-tool trend MANIFEST...``: theme scores across rounds, like for like where the
tool changed."""

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
    write_output,
)
from audit_tool.cli._verbs import help_of
from audit_tool.rounds.trend import RoundScores, Trend, build_trend, read_programme
from audit_tool.rounds.trend.html import render_trend_html
from audit_tool.rounds.trend.render import (
    render_trend_csv,
    render_trend_json,
    render_trend_markdown,
    render_trend_text,
)

HELP = help_of("trend")
DESCRIPTION = """\
Compare the rounds of one audit theme: each theme's pooled score in every
round, for the whole round and for each agency. Give the rounds' manifests
oldest first, or one manifest whose 'previous' links lead back through the
earlier rounds.

Where two rounds used different versions of the tool, the diff between the
versions decides what compares. A theme whose scoring did not change is
compared directly ("same scoring"). A theme whose scoring changed breaks its
series ("scoring changed"): the figure given is like for like, computed only
on the questions that score the same way in both versions (matched through
declared renames), with how many questions and answers stand behind it.

Rounds of different tools, a round listed twice, or rounds out of date order
are problems (file:line:col) and no trend is written: exit code 1.

  text  the tables, for the terminal (default)
  md    Markdown, for a board paper
  html  one self-contained HTML file with a chart per theme
  json  the trend's data, for programs
  csv   one row per scope, theme and round, for spreadsheets

The format follows the extension of -o (.html, .md, .txt, .json, .csv) unless
--format says otherwise.

Like every path of a manifest, the tool file and (when followed) 'previous'
must stay in the manifest's folder or a folder given with --shared.

examples:
  audit-tool trend examples/2017-05-neglect/audit.yaml examples/2019-05-neglect/audit.yaml \
      --shared tools --shared examples
  audit-tool trend examples/2019-05-neglect/audit.yaml --shared tools --shared examples \
      -o out/neglect-trend.html
"""

RENDERERS: dict[str, Callable[[Trend], str]] = {
    "text": render_trend_text,
    "md": render_trend_markdown,
    "html": render_trend_html,
    "json": render_trend_json,
    "csv": render_trend_csv,
}


def register(verbs: Verbs) -> None:
    """Add the ``trend`` verb."""
    parser = verbs.add_parser(
        "trend", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("manifests", nargs="+", metavar="MANIFEST",
                        help="the rounds' manifests, oldest first")
    parser.add_argument("--format", choices=sorted(RENDERERS), help="text, md, html, json or csv")
    add_output_option(parser, "write the trend to FILE (default: stdout)")
    add_catalogue_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Write the trend; exit 1 if a round cannot be read or the rounds do not form a series."""
    catalogues, problems = read_catalogues(args.catalogue)
    if problems:
        return report_problems(args.catalogue, problems, "text", streams) or EXIT_ERRORS
    loaded = read_programme(args.manifests, catalogues=catalogues, shared=args.shared)
    if not loaded.ok or not loaded.rounds:
        code = report_problems(loaded.files or args.manifests, loaded.problems, "text", streams)
        streams.err.write("audit-tool: error: the rounds do not form a series; no trend "
                          "was written\n")
        return code or EXIT_ERRORS
    trend = build_trend([RoundScores.of(r) for r in loaded.rounds])
    fmt = format_for_output(args.format, args.output, "text", RENDERERS)
    inputs = [
        *args.catalogue,
        *loaded.files,
        *(f for r in loaded.rounds for f in (*r.tool_files, *(ret.file for ret in r.returns))),
    ]
    write_output(args.output, RENDERERS[fmt](trend), streams, inputs=inputs, force=args.force)
    if args.output:
        streams.out.write(f"wrote {terminal_text(args.output)}\n")
    invalid = sum(len(r.invalid_returns) for r in loaded.rounds)
    if invalid:
        streams.err.write(
            f"audit-tool: {invalid} invalid return{'s' if invalid != 1 else ''} left out of "
            "the scores (see each round's report)\n"
        )
    return EXIT_OK
