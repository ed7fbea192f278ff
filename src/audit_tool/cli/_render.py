"""``audit-tool render TOOL --format md|html``: a printable blank form."""

from __future__ import annotations

import argparse

from audit_tool.cli._common import (
    Streams,
    Verbs,
    add_catalogue_option,
    add_output_option,
    read_tool_argument,
    write_output,
)
from audit_tool.cli._verbs import help_of
from audit_tool.export.render import FORM_FORMATS, render_form

HELP = help_of("render")
DESCRIPTION = """\
Write the tool as a blank form: questions numbered by section (2.3; a group's
sub-questions 7.1a), conditions in words ("Answer if ..."), allowed answers as
tick boxes, space to write. HTML is one self-contained file with print styles
for A4 (open it in a browser and print); Markdown is for wikis.

examples:
  audit-tool render tools/neglect_v2.yaml --format html -o neglect_v2.html
  audit-tool render tools/neglect_v2.yaml --format md > neglect_v2.md
"""


def register(verbs: Verbs) -> None:
    """Add the ``render`` verb."""
    parser = verbs.add_parser(
        "render", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("tool", metavar="TOOL", help="the tool file")
    parser.add_argument("--format", choices=FORM_FORMATS, default="html",
                        help="md (Markdown) or html (default: html)")
    add_catalogue_option(parser)
    add_output_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Write the form; exit 1 (or 2) with the tool's problems if it has errors."""
    loaded = read_tool_argument(args.tool, streams, args.catalogue, shared=args.shared)
    if isinstance(loaded, int):
        return loaded
    assert loaded.tool is not None
    text = render_form(loaded.tool, args.format)
    inputs = [*loaded.files, *args.catalogue]
    write_output(args.output, text, streams, inputs=inputs, force=args.force)
    return 0
