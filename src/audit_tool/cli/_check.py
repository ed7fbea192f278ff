"""``audit-tool check TOOL...``: load and check tool files, every problem reported."""

from __future__ import annotations

import argparse

from audit_tool._fs import expand_paths
from audit_tool.cli._common import (
    STDIN,
    STDIN_NAME,
    Streams,
    Verbs,
    add_catalogue_option,
    add_format,
    print_report,
    read_catalogues,
    read_tool_file,
)
from audit_tool.cli._verbs import help_of
from audit_tool.problems import Report

HELP = help_of("check")
DESCRIPTION = """\
Load each tool (or building-block) file and report every problem: YAML syntax,
the shape of the document, and its meaning (unknown scales and themes,
conditions on later questions, bands out of order...). Problems in an included
building block are reported at that file's line. A folder is searched for
*.yaml and *.yml files; - reads a tool from standard input (its includes
relative to the current folder).

examples:
  audit-tool check tools/neglect_v2.yaml
  audit-tool check tools/ --format json
  audit-tool check my_tool.yaml --catalogue our_themes.yaml
  cat my_tool.yaml | audit-tool check -
"""


def register(verbs: Verbs) -> None:
    """Add the ``check`` verb."""
    parser = verbs.add_parser(
        "check", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("tools", nargs="+", metavar="TOOL", help="tool files or folders")
    add_catalogue_option(parser)
    add_format(parser)
    parser.set_defaults(handler=run)




def run(args: argparse.Namespace, streams: Streams) -> int:
    """Check every tool given; exit 0, 1 or 2."""
    catalogues, problems = read_catalogues(args.catalogue)
    files = expand_paths(args.tools)
    for file in files:
        problems.extend(read_tool_file(file, streams, catalogues, args.shared).problems)
    names = [STDIN_NAME if f == STDIN else f for f in files]
    report = Report.from_problems([*args.catalogue, *names], problems)
    return print_report(report, args.format, streams)
