"""``audit-tool schema KIND``: print a JSON Schema (2020-12)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from audit_tool.cli._common import (
    EXIT_OK,
    CommandError,
    Streams,
    Verbs,
    add_catalogue_option,
    add_output_option,
    read_tool_argument,
    write_output,
)
from audit_tool.cli._verbs import help_of
from audit_tool.export.schemas import (
    catalogue_schema,
    manifest_schema,
    response_schema,
    tool_schema,
)
from audit_tool.formatters import render_json

HELP = help_of("schema")
DESCRIPTION = """\
Print a JSON Schema (draft 2020-12). Editors use it for completion and
checking as you type; other applications use it to check files without this
library. The tool and catalogue schemas are checked in under schemas/.

A response schema is made for one tool (--tool): the options of each question,
types, limits, required answers and the conditions that make them required,
evidence rules and group entries. It cannot compare dates with each other or
with today, and leaves out warnings; see docs/responses.md. A tool that scores
into a catalogue of your own needs it: --catalogue FILE.

examples:
  audit-tool schema tool -o audit-tool.schema.json
  audit-tool schema catalogue
  audit-tool schema response --tool tools/neglect_v2.yaml > neglect-v2-response.schema.json
"""


SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "tool": tool_schema,
    "catalogue": catalogue_schema,
    "manifest": manifest_schema,
}


def register(verbs: Verbs) -> None:
    """Add the ``schema`` verb."""
    parser = verbs.add_parser(
        "schema", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=sorted([*SCHEMAS, "response"]), help="which schema")
    parser.add_argument(
        "--tool", metavar="TOOL", default=None, help="the tool (for 'response' only)"
    )
    add_output_option(parser, "write to FILE, not stdout")
    add_catalogue_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Print the schema (a response schema needs its tool, which must load)."""
    if args.kind != "response":
        write_output(args.output, render_json(SCHEMAS[args.kind]()), streams,
                     inputs=args.catalogue, force=args.force)
        return EXIT_OK
    if args.tool is None:
        raise CommandError("'schema response' needs the tool: --tool TOOL")
    loaded = read_tool_argument(args.tool, streams, args.catalogue, shared=args.shared)
    if isinstance(loaded, int):
        return loaded
    assert loaded.tool is not None
    write_output(args.output, render_json(response_schema(loaded.tool)), streams,
                 inputs=[*loaded.files, *args.catalogue], force=args.force)
    return EXIT_OK
