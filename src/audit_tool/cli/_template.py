"""``audit-tool template TOOL``: a blank response file, commented for the lead auditor."""

from __future__ import annotations

import argparse

from ..response import Period
from ..template import blank_response
from ._common import (
    CommandError,
    Streams,
    Verbs,
    add_catalogue_option,
    add_format,
    add_output_option,
    date_argument,
    read_tool_argument,
    write_output,
)

HELP = "a blank response file, commented with each question and its allowed answers"
DESCRIPTION = """\
Write a blank response file for one case and one agency: every question of the
tool with its number, text, guidance, allowed answers (values, labels, scores),
when it applies and when evidence is needed, as YAML comments above a blank
answer. The lead auditor fills it in; 'validate' checks it.

examples:
  audit-tool template tools/neglect_v2.yaml > C1_police.yaml
  audit-tool template tools/neglect_v2.yaml --case C1 --agency police \\
      --round 2017-05-neglect --period 2016-11-01 2017-04-30 -o returns/C1_police.yaml
"""


def register(verbs: Verbs) -> None:
    """Add the ``template`` verb."""
    parser = verbs.add_parser(
        "template", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("tool", metavar="TOOL", help="the tool file")
    add_output_option(parser)
    add_catalogue_option(parser)
    add_format(parser)
    parser.add_argument("--case", help="prefill the pseudonymised case reference (never a name)")
    parser.add_argument("--agency", help="prefill the agency's id (lower_snake_case)")
    parser.add_argument("--round", dest="audit_round", metavar="ROUND",
                        help="prefill the audit round")
    parser.add_argument("--period", nargs=2, type=date_argument, metavar=("START", "END"),
                        help="prefill the audit period (YYYY-MM-DD YYYY-MM-DD)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Write the template; exit 1 (or 2) with the tool's problems if it has errors."""
    loaded = read_tool_argument(
        args.tool, streams, args.catalogue, args.format, shared=args.shared
    )
    if isinstance(loaded, int):
        return loaded
    tool = loaded.tool
    assert tool is not None
    period = Period(start=args.period[0], end=args.period[1]) if args.period else None
    if period is not None and period.start > period.end:
        raise CommandError("--period: the start is after the end")
    try:
        text = blank_response(
            tool, audit_round=args.audit_round, case=args.case, agency=args.agency, period=period
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    inputs = [*loaded.files, *args.catalogue]
    write_output(args.output, text, streams, inputs=inputs, force=args.force)
    return 0
