"""``audit-tool export fhir``: a tool as FHIR Questionnaire, a return as QuestionnaireResponse."""

from __future__ import annotations

import argparse

from audit_tool.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    STDIN,
    STDIN_NAME,
    CommandError,
    Streams,
    Verbs,
    add_catalogue_option,
    add_format,
    add_output_option,
    read_tool_argument,
    report_problems,
    source_of,
    write_output,
)
from audit_tool.cli._verbs import help_of
from audit_tool.export.fhir import (
    DEFAULT_BASE_URL,
    FHIR_VERSIONS,
    FhirExport,
    FhirUrls,
    export_fhir,
    export_fhir_response,
)
from audit_tool.formatters import render_json
from audit_tool.responses.response import read_response

HELP = help_of("export")
DESCRIPTION = """\
Write a tool as an HL7 FHIR Questionnaire (JSON), or a completed return as a
QuestionnaireResponse to that Questionnaire, for FHIR form software and health
records. The JSON goes to standard output, or to FILE with -o. Problems and
warnings (a condition FHIR cannot express, an answer that has no place) go to
standard error, as text or, with --format json, as the JSON problem report.
Nothing is written when there are errors. docs/fhir.md has the mapping.

Export a return with the same --base-url as its tool, so that the response
names the Questionnaire (url|version).

examples:
  audit-tool export fhir tools/neglect_v2.yaml -o neglect-2.0.0.fhir.json
  audit-tool export fhir tools/neglect_v2.yaml --fhir-version R5
  audit-tool export fhir --response c1_police.yaml --tool tools/neglect_v2.yaml
  audit-tool export fhir tools/neglect_v2.yaml --base-url https://fhir.example.org/audit
"""


def register(verbs: Verbs) -> None:
    """Add the ``export`` verb."""
    parser = verbs.add_parser(
        "export", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=["fhir"], help="the format to export to")
    parser.add_argument("tool_file", nargs="?", metavar="TOOL", help="the tool file")
    parser.add_argument("--tool", metavar="TOOL", help="the tool file (same as TOOL)")
    parser.add_argument(
        "--response", metavar="RESPONSE",
        help="export this return instead of the tool (- reads standard input)"
    )
    add_output_option(parser, "write to FILE, not stdout")
    parser.add_argument(
        "--fhir-version", choices=FHIR_VERSIONS, default="R4",
        help="the FHIR release (default: R4, also valid R4B)",
    )
    parser.add_argument(
        "--base-url", default=DEFAULT_BASE_URL, metavar="URL",
        help=f"base of canonical URLs, urn:... or https://... (default: {DEFAULT_BASE_URL})",
    )
    add_catalogue_option(parser)
    add_format(parser)
    parser.set_defaults(handler=run)


def _tool_path(args: argparse.Namespace) -> str:
    if args.tool_file and args.tool:
        raise CommandError("give the tool once: as TOOL or as --tool, not both")
    path: str | None = args.tool_file or args.tool
    if path is None:
        raise CommandError(
            "which tool? give TOOL (and with --response, the tool the return answers)"
        )
    return path


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Export the tool, or the return; exit 0, 1 or 2."""
    tool_path = _tool_path(args)
    try:
        FhirUrls(args.base_url)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    loaded = read_tool_argument(
        tool_path, streams, args.catalogue, args.format, shared=args.shared
    )
    if isinstance(loaded, int):
        return loaded
    assert loaded.tool is not None
    export: FhirExport
    if args.response is None:
        files = [tool_path]
        export = export_fhir(
            loaded.tool, base_url=args.base_url, fhir_version=args.fhir_version
        )
        problems = [loaded.locate(p) for p in export.problems]
    else:
        files = [STDIN_NAME if args.response == STDIN else args.response]
        read = read_response(**source_of(args.response, streams))
        if read.response is None or read.document is None or any(p.is_error for p in read.problems):
            return report_problems(files, read.problems, args.format, streams) or EXIT_ERRORS
        export = export_fhir_response(
            loaded.tool,
            read.response,
            base_url=args.base_url,
            fhir_version=args.fhir_version,
            document=read.document.data,
        )
        problems = [read.document.source.locate(p) for p in export.problems]
    code = report_problems(files, problems, args.format, streams) if problems else EXIT_OK
    if code < EXIT_ERRORS:
        inputs = [*loaded.files, *args.catalogue, *files]
        write_output(
            args.output, render_json(export.resource), streams, inputs=inputs, force=args.force
        )
    return code
