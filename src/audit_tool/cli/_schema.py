"""``audit-tool schema KIND``: print a JSON Schema (2020-12)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from ..formatters import render_json
from ..schemas import catalogue_schema, manifest_schema, tool_schema
from ._common import Streams

HELP = "print a JSON Schema for tool files, theme catalogues, responses or round manifests"
DESCRIPTION = """\
Print a JSON Schema (draft 2020-12). Editors use it for completion and
checking as you type; other applications use it to check files without this
library. The same schemas are checked in under schemas/.

examples:
  audit-tool schema tool > audit-tool.schema.json
  audit-tool schema catalogue
"""

SCHEMAS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "tool": lambda _args: tool_schema(),
    "catalogue": lambda _args: catalogue_schema(),
    "manifest": lambda _args: manifest_schema(),
}


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``schema`` verb."""
    parser = verbs.add_parser(
        "schema", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=sorted(SCHEMAS), help="which schema")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Print the schema."""
    streams.out.write(render_json(SCHEMAS[args.kind](args)))
    return 0
