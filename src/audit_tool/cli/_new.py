"""``audit-tool new ID --theme NAME``: scaffold a themed tool that includes the shared sections."""

from __future__ import annotations

import argparse
from pathlib import Path

from audit_tool.authoring.loading import read_tool
from audit_tool.authoring.scaffold import copy_shared_blocks, scaffold_tool, write_scaffold
from audit_tool.cli._common import CommandError, Streams, Verbs, add_format, print_report
from audit_tool.cli._verbs import help_of
from audit_tool.problems import Report

HELP = help_of("new")
DESCRIPTION = """\
Write DIR/ID.yaml: a draft tool (version 0.1.0) on the theme NAME that
includes the shared case context, meeting attendance and overall judgement,
with one generic starter question for each other standard theme. It checks
with no problems as written; reword and add questions from there. Includes
are written relative to DIR; the building blocks are looked for in
DIR/shared unless --shared says where they are. Without --shared, the
building blocks shipped with audit-tool are copied into DIR/shared where
they are missing (a file already there is kept), so 'new' works in an empty
folder.

examples:
  audit-tool new domestic_abuse --theme "Domestic abuse" -o tools
  audit-tool new exploitation --theme "Child exploitation" -o drafts --shared tools/shared
"""


def register(verbs: Verbs) -> None:
    """Add the ``new`` verb."""
    parser = verbs.add_parser(
        "new", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("id", metavar="ID", help="the new tool's id, lower_snake_case")
    parser.add_argument("--theme", required=True, metavar="NAME",
                        help="the practice theme audited, for example 'Domestic abuse'")
    parser.add_argument("-o", "--output", default=".", metavar="DIR",
                        help="the folder to write ID.yaml in (default: the current folder)")
    parser.add_argument("--shared", metavar="DIR",
                        help="the folder holding the shared building blocks (default: DIR/shared)")
    parser.add_argument("--force", action="store_true", help="overwrite ID.yaml if it exists")
    add_format(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Write the scaffold, then check it as ``check`` would."""
    try:
        if args.shared is None:
            # A bad id or theme, or a tool already there, is refused before anything is copied.
            scaffold_tool(args.id, args.theme)
            target = Path(args.output) / f"{args.id}.yaml"
            if target.exists() and not args.force:
                raise FileExistsError(f"{target} already exists")
            for copied in copy_shared_blocks(args.output):
                streams.note(f"wrote {copied}")
        path = write_scaffold(
            args.id, args.theme, args.output, shared_dir=args.shared, overwrite=args.force
        )
    except (ValueError, OSError) as exc:
        raise CommandError(str(exc)) from None
    streams.note(f"wrote {path}")
    shared = [args.shared] if args.shared else []
    report = Report.from_problems([str(path)], read_tool(path, shared=shared).problems)
    return print_report(report, args.format, streams)
