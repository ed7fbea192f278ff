"""``audit-tool score --tool TOOL RESPONSE...``: theme scores per response, per case, overall."""

from __future__ import annotations

import argparse

from audit_tool.cli._common import (
    EXIT_OK,
    STDIN,
    STDIN_NAME,
    CommandError,
    Streams,
    Verbs,
    add_catalogue_option,
    add_format,
    distinct_files,
    read_tool_argument,
    report_problems,
)
from audit_tool.cli._tools import (
    add_tool_options,
    choose_tools,
    read_stdin_response,
    response_files,
)
from audit_tool.cli._verbs import help_of
from audit_tool.formatters import render_json
from audit_tool.responses.validation import check_responses
from audit_tool.rounds.report.tables import scores_csv, scores_text
from audit_tool.rounds.scoring import score

HELP = help_of("score")
DESCRIPTION = """\
Score completed questionnaires by theme, as docs/scoring.md sets out: per
response, pooled per case, and pooled over all of them. A folder is searched
for *.yaml, *.yml and *.json files; tools, building blocks and manifests
found there are passed over. - reads a response from standard input.

Every response is checked against the tool first. Invalid responses are left
out of the scores and listed with their problems on stderr; the scores of the
valid ones are still printed, and the exit code is 1. Warnings are listed on
stderr too but do not change the exit code.

Without --tool, the tool is the one the responses name (all the same id and
version), found in the --tools folders, AUDIT_TOOL_PATH, then the tools
shipped with audit-tool; a response whose tool is not found is left out.

  text  an aligned table: themes by overall and case, then each case by agency
  json  {"tool", "responses", "cases", "overall"}, as DESIGN.md section 5 fixes it
  csv   one row per theme and response, case or overall, for spreadsheets

examples:
  audit-tool score --tool tools/neglect_v1.yaml examples/2017-05-neglect/responses/
  audit-tool score --tool tools/neglect_v2.yaml c1-police.yaml --format json
"""


def register(verbs: Verbs) -> None:
    """Add the ``score`` verb."""
    parser = verbs.add_parser(
        "score", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_tool_options(parser)
    parser.add_argument(
        "responses", nargs="+", metavar="RESPONSE", help="response files or folders"
    )
    add_catalogue_option(parser)
    add_format(parser, "text", "json", "csv")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Score the valid responses; list the problems of the others on stderr."""
    files, repeated = distinct_files(response_files(args.responses, streams))
    stdin = read_stdin_response(files, streams)
    choice = choose_tools(args.tool, args.tools, files, stdin)
    tools = [path for path in choice.groups if path]
    if len(tools) > 1:
        raise CommandError(
            "the responses answer different tools; score one tool at a time, or give --tool"
        )
    if not tools:
        raise CommandError("no tool to score against: give --tool FILE or --tools DIR")
    loaded_tool = read_tool_argument(tools[0], streams, args.catalogue, shared=args.shared)
    if isinstance(loaded_tool, int):
        streams.err.write("audit-tool: error: the tool cannot be used; nothing was scored\n")
        return loaded_tool
    tool = loaded_tool.tool
    assert tool is not None
    ordered = [stdin.get(f) or f for group in choice.groups.values() for f in group]
    checked = list(check_responses(tool, ordered))
    valid = [c.loaded for c in checked if c.valid]
    problems = [*repeated, *choice.missing, *(p for c in checked for p in c.problems)]
    scores = score(tool, valid, catalogue=loaded_tool.catalogue)
    if args.format == "json":
        streams.out.write(render_json(scores.to_dict()))
    elif args.format == "csv":
        streams.out.write(scores_csv(scores))
    else:
        streams.out.write(scores_text(scores, tool.grading))
    if not problems:
        return EXIT_OK
    names = [STDIN_NAME if f == STDIN else f for f in files]
    names += [p.file for p in repeated if p.file]
    code = report_problems(names, problems, "text", streams)
    invalid = len(files) - len(valid)
    if invalid:
        streams.err.write(
            f"audit-tool: {invalid} invalid response{'s' if invalid != 1 else ''} "
            "left out of the scores\n"
        )
    return code
