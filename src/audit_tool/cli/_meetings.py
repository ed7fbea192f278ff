"""``audit-tool meetings MANIFEST``: the round's register of shared events (statutory meetings)."""

from __future__ import annotations

import argparse

from audit_tool.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    Streams,
    Verbs,
    add_catalogue_option,
    add_format,
    read_catalogues,
    report_problems,
    source_of,
)
from audit_tool.cli._verbs import help_of
from audit_tool.formatters import render_json
from audit_tool.rounds.register import build_register, register_groups
from audit_tool.rounds.report.register_tables import register_csv, register_text
from audit_tool.rounds.round import read_round

HELP = help_of("meetings")
DESCRIPTION = """\
Read an audit round from its manifest and build the register of the events
the tool's register group records (for neglect: strategy meetings, ICPCs,
core groups and review conferences). For each case, one row per event,
reconciled across the returns of the agencies invited to the case (the same
kind, dates within the tool's tolerance), and a column per agency: what its
return says (attended, apologies with or without a report, did not attend,
not invited) or that it has no record of the event. Then the round's rates
by agency and kind of event, and the flags: no record of an event others
recorded, took part but sent no report, outcome not recorded in the agency's
own file, dated outside the audit period, two records in one return that
look like the same event. docs/meetings.md says what the register cannot
tell (who was actually invited, for one).

  text  each case's register as a grid, the rates, then the flags (file:line:col)
  json  the register's data, flags included, for programs
  csv   one row per event and invited agency, for spreadsheets

Flags are warnings: they do not change the exit code. Returns with errors
are still read where they can be (an entry whose date does not parse is
left out, with a flag); the errors in the register group are listed on
stderr, the others counted, and they change the exit code only with
--strict. A manifest with errors (an agency listed twice is worked around:
the first entry counts), or a tool that declares no register, exits 1.

The manifest's paths must lead to its own folder (or below it) or to a folder
given with --shared, as for report.

examples:
  audit-tool meetings examples/2019-05-neglect/audit.yaml --shared tools
  audit-tool meetings examples/2019-05-neglect/audit.yaml --shared tools --format csv > m.csv
"""


def register(verbs: Verbs) -> None:
    """Add the ``meetings`` verb."""
    parser = verbs.add_parser(
        "meetings", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "manifest", metavar="MANIFEST",
        help="the round's manifest (- reads standard input)",
    )
    parser.add_argument(
        "--group", metavar="ID",
        help="the register group to read, when the tool declares more than one",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when any return has errors"
    )
    add_catalogue_option(parser)
    add_format(parser, "text", "json", "csv")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Print the register; exit 1 if the round cannot be read or declares no register."""
    problem_format = "json" if args.format == "json" else "text"
    catalogues, problems = read_catalogues(args.catalogue)
    if problems:
        return report_problems(args.catalogue, problems, problem_format, streams) or EXIT_ERRORS
    loaded = read_round(**source_of(args.manifest, streams), catalogues=catalogues,
                        shared=args.shared, salvage=True)
    manifest_code = EXIT_OK
    if loaded.problems:
        manifest_code = report_problems([loaded.file], loaded.problems, problem_format, streams)
    audit = loaded.round
    if audit is None:
        streams.err.write("audit-tool: error: the round cannot be read; no register was built\n")
        return manifest_code or EXIT_ERRORS
    built = build_register(audit, args.group)
    if built is None:
        groups = ", ".join(g.id for g in register_groups(audit.tool)) or "none"
        streams.err.write(
            f"audit-tool: error: {audit.tool.ref} declares no register"
            f"{f' for group {args.group!r}' if args.group else ''} (register groups: {groups}); "
            "see docs/meetings.md\n"
        )
        return EXIT_ERRORS
    if args.format == "json":
        streams.out.write(render_json(built.to_dict()))
    elif args.format == "csv":
        streams.out.write(register_csv(built))
    else:
        streams.out.write(register_text(built))
    # Only the errors in what the register reads are listed; `validate` gives the rest.
    within = f"/answers/{built.group}"
    errors = [p for r in audit.returns for p in r.report.errors]
    shown = [p for p in errors if p.pointer == within or p.pointer.startswith(within + "/")]
    code = EXIT_OK
    if shown:
        code = report_problems([r.file for r in audit.returns], shown, problem_format, streams)
    if errors:
        others = len(errors) - len(shown)
        streams.err.write(
            f"audit-tool: the returns have {len(errors)} error{'s' if len(errors) != 1 else ''}"
            f" ({len(shown)} in '{built.group}', listed above; {others} elsewhere, which "
            "'audit-tool validate' lists); the register reads what it can\n"
        )
    return manifest_code or (code or EXIT_ERRORS if errors and args.strict else EXIT_OK)
