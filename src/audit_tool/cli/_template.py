"""``audit-tool template TOOL``: a blank response file, commented for the lead auditor."""

from __future__ import annotations

import argparse

from audit_tool.cli._common import (
    Streams,
    Verbs,
    add_catalogue_option,
    add_format,
    add_output_option,
    add_prefill_options,
    prefill_arguments,
    read_tool_argument,
    write_output,
)
from audit_tool.cli._verbs import help_of
from audit_tool.responses.template import blank_response

HELP = help_of("template")
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
    add_prefill_options(parser, "prefill")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Write the template; exit 1 (or 2) with the tool's problems if it has errors."""
    loaded = read_tool_argument(
        args.tool, streams, args.catalogue, args.format, shared=args.shared
    )
    if isinstance(loaded, int):
        return loaded
    assert loaded.tool is not None
    text = blank_response(loaded.tool, **prefill_arguments(args))
    inputs = [*loaded.files, *args.catalogue]
    write_output(args.output, text, streams, inputs=inputs, force=args.force)
    return 0
