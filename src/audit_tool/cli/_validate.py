"""``audit-tool validate --tool TOOL RESPONSE...``: check completed questionnaires."""

from __future__ import annotations

import argparse

from .._fs import RESPONSE_SUFFIXES, expand_paths
from ..problems import Report
from ..validation import validate_response
from ._common import (
    CommandError,
    Streams,
    Verbs,
    add_catalogue_option,
    add_format,
    date_argument,
    print_report,
    read_tool_argument,
)

HELP = "check completed questionnaires (responses) against their tool"
DESCRIPTION = """\
Check each response file (YAML or JSON) against the tool: the tool and version
it names, the completion date, audit period and auditor role, and every
answer: does the question exist, does it apply, is the value one it takes, is
the evidence there where the tool asks for it, are the dates sound (none after
today, evidence not dated before the audit period as if it were current).
Every problem is reported with its line and column; messages never quote
answers or evidence. A folder is searched for *.yaml, *.yml and *.json files.

If the tool itself has errors, those are reported instead (exit 1).

examples:
  audit-tool validate --tool tools/neglect_v2.yaml examples/responses/neglect_v2/
  audit-tool validate --tool tools/neglect_v2.yaml return.yaml --format json
  audit-tool validate --tool tools/neglect_v1.yaml old.yaml --today 2017-05-10
"""



def register(verbs: Verbs) -> None:
    """Add the ``validate`` verb."""
    parser = verbs.add_parser(
        "validate", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--tool", required=True, metavar="TOOL", help="the tool file answered")
    parser.add_argument(
        "responses", nargs="+", metavar="RESPONSE", help="response files or folders"
    )
    parser.add_argument(
        "--today",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date no date may fall after (default: the current date)",
    )
    add_catalogue_option(parser)
    add_format(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Validate every response given; exit 0, 1 or 2."""
    # The tool's problems are the output here, so they go to stdout.
    loaded = read_tool_argument(
        args.tool, streams, args.catalogue, args.format, streams.out, shared=args.shared
    )
    if isinstance(loaded, int):
        return loaded
    tool = loaded.tool
    assert tool is not None
    files = expand_paths(args.responses, RESPONSE_SUFFIXES)
    if not files:
        raise CommandError("no response files (*.yaml, *.yml, *.json) in the folders given")
    found = [p for file in files for p in validate_response(tool, file, today=args.today)]
    report = Report.from_problems(files, found)
    return print_report(report, args.format, streams, noun="response")
