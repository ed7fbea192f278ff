"""``audit-tool validate --tool TOOL RESPONSE...``: check completed questionnaires."""

from __future__ import annotations

import argparse

from audit_tool.cli._common import (
    STDIN,
    STDIN_NAME,
    CommandError,
    Streams,
    Verbs,
    add_catalogue_option,
    add_format,
    date_argument,
    print_report,
    read_tool_argument,
)
from audit_tool.cli._tools import (
    add_tool_options,
    choose_tools,
    read_stdin_response,
    response_files,
)
from audit_tool.cli._verbs import help_of
from audit_tool.problems import Report
from audit_tool.responses.response import read_response
from audit_tool.responses.validation import validate_response

HELP = help_of("validate")
DESCRIPTION = """\
Check each response file (YAML or JSON) against the tool: the tool and version
it names, the completion date, audit period and auditor role, and every
answer: does the question exist, does it apply, is the value one it takes, is
the evidence there where the tool asks for it, are the dates sound (none after
today, evidence not dated before the audit period as if it were current).
Every problem is reported with its line and column; messages never quote
answers or evidence. A folder is searched for *.yaml, *.yml and *.json files; tools, building
blocks and manifests found there are passed over. - reads a response from
standard input.

If the tool itself has errors, those are reported instead (exit 1).

Without --tool, each response is checked against the tool it names (its id
and version), looked for in the --tools folders, then the folders listed in
AUDIT_TOOL_PATH, then the tools shipped with audit-tool.

examples:
  audit-tool validate --tool tools/neglect_v2.yaml examples/responses/neglect_v2/
  audit-tool validate --tool tools/neglect_v2.yaml return.yaml --format json
  audit-tool validate --tools my_tools/ returns/
  audit-tool validate --tool tools/neglect_v1.yaml old.yaml --today 2017-05-10
"""



def register(verbs: Verbs) -> None:
    """Add the ``validate`` verb."""
    parser = verbs.add_parser(
        "validate", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_tool_options(parser)
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
    files = response_files(args.responses, streams)
    if not files:
        raise CommandError("no response files (*.yaml, *.yml, *.json) in the folders given")
    stdin = read_stdin_response(files, streams)
    choice = choose_tools(args.tool, args.tools, files, stdin)
    found = list(choice.missing)
    for tool_path, group in choice.groups.items():
        sources = [stdin.get(file) or file for file in group]
        if not tool_path:  # no tool can be told: the returns' own problems say why
            found.extend(
                p for file in group for p in (stdin.get(file) or read_response(file)).problems
            )
            continue
        # The tool's problems are the output here, so they go to stdout.
        loaded = read_tool_argument(
            tool_path, streams, args.catalogue, args.format, streams.out, shared=args.shared
        )
        if isinstance(loaded, int):
            return loaded
        tool = loaded.tool
        assert tool is not None
        found.extend(p for src in sources for p in validate_response(tool, src, today=args.today))
    report = Report.from_problems([STDIN_NAME if f == STDIN else f for f in files], found)
    return print_report(report, args.format, streams, noun="response")
