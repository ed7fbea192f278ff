"""``audit-tool schema KIND``: print a JSON Schema (2020-12)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from ..formatters import render_json, report_text
from ..loading import read_tool
from ..problems import Report
from ..schemas import catalogue_schema, manifest_schema, response_schema, tool_schema
from ._common import CommandError, Streams, Verbs, exit_code

HELP = "print a JSON Schema for tool files, theme catalogues, responses or round manifests"
DESCRIPTION = """\
Print a JSON Schema (draft 2020-12). Editors use it for completion and
checking as you type; other applications use it to check files without this
library. The tool and catalogue schemas are checked in under schemas/.

A response schema is made for one tool (--tool): the options of each question,
types, limits, required answers and the conditions that make them required,
evidence rules and group entries. It cannot compare dates with each other or
with today, and leaves out warnings; see docs/responses.md.

examples:
  audit-tool schema tool > audit-tool.schema.json
  audit-tool schema catalogue
  audit-tool schema response --tool tools/neglect_v2.yaml > neglect-v2-response.schema.json
"""


def _response(args: argparse.Namespace) -> dict[str, Any]:
    if args.tool is None:
        raise CommandError("'schema response' needs the tool: --tool TOOL")
    loaded = read_tool(args.tool)
    if loaded.tool is None:
        problems = loaded.blocking_problems()
        listing = report_text(Report.from_problems([args.tool], problems))
        raise CommandError(f"the tool cannot be loaded:\n{listing}", exit_code(problems))
    return response_schema(loaded.tool)


SCHEMAS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "tool": lambda _args: tool_schema(),
    "catalogue": lambda _args: catalogue_schema(),
    "manifest": lambda _args: manifest_schema(),
    "response": _response,
}


def register(verbs: Verbs) -> None:
    """Add the ``schema`` verb."""
    parser = verbs.add_parser(
        "schema", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=sorted(SCHEMAS), help="which schema")
    parser.add_argument(
        "--tool", metavar="TOOL", default=None, help="the tool (for 'response' only)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Print the schema."""
    streams.out.write(render_json(SCHEMAS[args.kind](args)))
    return 0
