"""``audit-tool check TOOL...``: load and check tool files, every problem reported."""

from __future__ import annotations

import argparse

from .._fs import expand_paths
from ..catalogue import ThemeCatalogue
from ..loading import check_catalogue, load_catalogue, read_tool
from ..problems import Problem, Report
from ._common import Streams, Verbs, add_format, print_report

HELP = "load and check tool files; every problem, not just the first"
DESCRIPTION = """\
Load each tool (or building-block) file and report every problem: YAML syntax,
the shape of the document, and its meaning (unknown scales and themes,
conditions on later questions, bands out of order...). Problems in an included
building block are reported at that file's line. A folder is searched for
*.yaml and *.yml files.

examples:
  audit-tool check tools/neglect_v2.yaml
  audit-tool check tools/ --format json
  audit-tool check my_tool.yaml --catalogue our_themes.yaml
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


def add_catalogue_option(parser: argparse.ArgumentParser) -> None:
    """``--catalogue FILE``: a partnership's own theme catalogue (repeatable)."""
    parser.add_argument(
        "--catalogue",
        action="append",
        default=[],
        metavar="FILE",
        help="a theme catalogue of your own, besides the standard one (repeatable)",
    )


def read_catalogues(paths: list[str]) -> tuple[list[ThemeCatalogue], list[Problem]]:
    """The catalogues given with ``--catalogue``, and the problems of those that fail."""
    catalogues: list[ThemeCatalogue] = []
    problems: list[Problem] = []
    for path in paths:
        found = check_catalogue(path)
        problems.extend(found)
        if not any(p.is_error for p in found):
            catalogues.append(load_catalogue(path))
    return catalogues, problems


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Check every tool given; exit 0, 1 or 2."""
    catalogues, problems = read_catalogues(args.catalogue)
    files = expand_paths(args.tools)
    for file in files:
        problems.extend(read_tool(file, catalogues=catalogues).problems)
    report = Report.from_problems([*args.catalogue, *files], problems)
    return print_report(report, args.format, streams)
