"""``audit-tool form``: a fillable, offline HTML return, or one for each return of a round."""

from __future__ import annotations

import argparse
from pathlib import Path

from audit_tool._escape import terminal_text
from audit_tool._fs import write_atomic
from audit_tool.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    CommandError,
    Streams,
    Verbs,
    add_catalogue_option,
    add_output_option,
    add_prefill_options,
    check_output,
    load_tool_argument,
    prefill_arguments,
    report_problems,
    write_output,
)
from audit_tool.cli._verbs import help_of
from audit_tool.export.form import FormPrefill, expected_returns, fillable_form, round_forms
from audit_tool.rounds.manifest import read_manifest

HELP = help_of("form")
DESCRIPTION = """\
Write the return as one HTML file that a lead auditor opens in a browser, offline,
and fills in: every question numbered as on the printed form, with its guidance;
conditions and evidence rules applied as they answer; progress per section and a
list of what is still missing; a draft kept in the browser; "Save return" writes
a response file (YAML commented like 'template', or JSON) that 'validate' checks.
The page loads nothing from the network and sends nothing anywhere.

What --case, --agency, --round and --period give is filled in and locked. With
--manifest, one form is written into the folder -o for each return the round
expects (each agency invited to each case, except those unable to take part),
named CASE-AGENCY.html, locked to the round, the case, the agency and the period.
The manifest's tool must lie in its folder (or below it) or in a folder given
with --shared.

examples:
  audit-tool form tools/neglect_v2.yaml --case C1 --agency police -o c1-police.html
  audit-tool form --manifest examples/2019-05-neglect/audit.yaml --shared tools -o out/forms
"""


def register(verbs: Verbs) -> None:
    """Add the ``form`` verb."""
    parser = verbs.add_parser(
        "form", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("tool", metavar="TOOL", nargs="?", help="the tool file")
    parser.add_argument("--manifest", metavar="AUDIT_MANIFEST",
                        help="write one form per expected return of this round (into -o DIR)")
    add_output_option(parser, "the HTML file (default: stdout); with --manifest, the folder",
                      metavar="FILE_OR_DIR")
    add_catalogue_option(parser)
    add_prefill_options(parser, "fill in and lock")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Write the form (or the round's forms); exit 1 (or 2) with the inputs' problems."""
    if args.manifest is not None:
        given = [o for o, v in (("TOOL", args.tool), ("--case", args.case),
                                ("--agency", args.agency), ("--round", args.audit_round),
                                ("--period", args.period)) if v]
        if given:
            raise CommandError(
                f"--manifest gives the tool and what is filled in; do not give {', '.join(given)}"
            )
        if not args.output:
            raise CommandError("--manifest needs -o DIR, the folder to write the forms into")
        return _round(args, streams)
    if args.tool is None:
        raise CommandError("give a TOOL file, or --manifest AUDIT_MANIFEST")
    prefill = FormPrefill(**prefill_arguments(args))
    tool = load_tool_argument(args.tool, streams, args.catalogue, shared=args.shared)
    if isinstance(tool, int):
        return tool
    write_output(args.output, fillable_form(tool, prefill), streams,
                 inputs=[args.tool, *args.catalogue], force=args.force)
    if args.output:
        streams.out.write(f"wrote {args.output}\n")
    return EXIT_OK


def _round(args: argparse.Namespace, streams: Streams) -> int:
    loaded = read_manifest(args.manifest, shared=args.shared)
    if loaded.manifest is None:
        code = report_problems([loaded.file], loaded.problems, "text", streams)
        return code or EXIT_ERRORS
    manifest = loaded.manifest
    tool = load_tool_argument(
        str(loaded.path(manifest.tool.file)), streams, args.catalogue, shared=args.shared
    )
    if isinstance(tool, int):
        return tool
    if tool.ref != manifest.tool.ref:
        streams.err.write(
            f"audit-tool: error: the round uses {manifest.tool.ref}, but its tool file holds "
            f"{tool.ref}; no form was written\n"
        )
        return EXIT_ERRORS
    folder = Path(args.output)
    names = [f"{case}-{agency}.html".lower() for case, agency in expected_returns(manifest)]
    if len(set(names)) != len(names):
        raise CommandError("two returns would get the same file name (case references that "
                           "differ only in capitals); rename a case in the manifest")
    forms = list(round_forms(manifest, tool))
    inputs = [args.manifest, str(loaded.path(manifest.tool.file)), *args.catalogue]
    for form in forms:  # every target checked before the first is written
        check_output(str(folder / form.filename), inputs, args.force)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        count = 0
        for form in forms:
            path = folder / form.filename
            replaced = " (replaced the form written before)" if path.exists() else ""
            write_atomic(path, form.html)
            streams.out.write(f"wrote {terminal_text(str(path))}{replaced}\n")
            count += 1
    except OSError as exc:
        raise CommandError(f"cannot write into {folder}: {exc.strerror or exc}") from None
    for agency, _reason in manifest.unable.items():
        streams.out.write(f"no form for agency '{agency}': the manifest lists it as unable "
                          "to take part\n")
    streams.out.write(f"{count} form{'s' if count != 1 else ''} for round {manifest.round}\n")
    return EXIT_OK
