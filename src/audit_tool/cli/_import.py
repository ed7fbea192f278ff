"""``audit-tool import fhir QR.json --tool TOOL -o RETURN``: a FHIR response back into a return."""

from __future__ import annotations

import argparse
import re

from audit_tool._yaml import Document, parse_document, read_document
from audit_tool.authoring.saving import to_yaml
from audit_tool.authoring.shipped import find_tool
from audit_tool.cli._common import (
    EXIT_ERRORS,
    STDIN,
    STDIN_NAME,
    CommandError,
    Streams,
    Verbs,
    add_catalogue_option,
    add_format,
    add_output_option,
    exit_code,
    read_tool_argument,
    report_problems,
    write_output,
)
from audit_tool.cli._verbs import help_of
from audit_tool.export.fhir import import_fhir_response
from audit_tool.problems import Problem
from audit_tool.responses.response import read_response
from audit_tool.responses.validation import validate_response

HELP = help_of("import")
DESCRIPTION = """\
Read a FHIR QuestionnaireResponse (JSON) made from the Questionnaire that
'audit-tool export fhir' writes (by LHC-Forms or any FHIR forms renderer) and
write it as a return (a response file, YAML) to RETURN with -o, or to standard
output. The return's case, agency, round, auditor role, period and completion
date come from the 'About this return' items the Questionnaire asks for.

Nothing is written when the response does not fit the tool (an item it has no
question for, an answer of the wrong kind). Otherwise the return is written,
then validated as 'audit-tool validate' would: its problems (a required
question unanswered, a missing date) are reported at their lines in RETURN,
and exit 1 when there are errors. Without --tool, the tool is the one the
response's 'questionnaire' names (ID|VERSION), found as 'validate' finds a
return's tool. - reads the response from standard input.

examples:
  audit-tool import fhir c1-police.fhir.json --tool tools/neglect_v2.yaml -o c1-police.yaml
  audit-tool import fhir saved-by-lhc-forms.json -o c1-police.yaml
"""

# The tool id and version at the end of a Questionnaire canonical (urn:...:neglect|2.0.0).
_CANONICAL = re.compile(r"[:/]([a-z][a-z0-9_]{0,63})\|(\d+\.\d+\.\d+)$")


def register(verbs: Verbs) -> None:
    """Add the ``import`` verb."""
    parser = verbs.add_parser(
        "import", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=["fhir"], help="the format to import from")
    parser.add_argument("response", metavar="QR", help="the QuestionnaireResponse JSON file")
    parser.add_argument("--tool", metavar="TOOL", help="the tool the Questionnaire came from")
    parser.add_argument("--tools", action="append", default=[], metavar="DIR",
                        help="a folder to find the tool the response names in (repeatable)")
    add_output_option(parser, "write the return to RETURN (YAML), not stdout", metavar="RETURN")
    add_catalogue_option(parser)
    add_format(parser)
    parser.set_defaults(handler=run)


def _read(path: str, streams: Streams) -> tuple[Document | None, list[Problem], str]:
    if path == STDIN:
        document, problems = parse_document(streams.read_stdin(), STDIN_NAME)
        return document, problems, STDIN_NAME
    document, problems = read_document(path)
    return document, problems, path


def _tool_path(args: argparse.Namespace, document: Document) -> str:
    if args.tool is not None:
        return str(args.tool)
    data = document.data
    canonical = data.get("questionnaire") if isinstance(data, dict) else None
    found = _CANONICAL.search(canonical) if isinstance(canonical, str) else None
    path = find_tool(found.group(1), found.group(2), args.tools) if found else None
    if path is None:
        raise CommandError(
            "which tool? the response names no tool found in the tools folders: give --tool"
        )
    return str(path)


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Import, write, validate; exit 0, 1 or 2."""
    document, problems, name = _read(args.response, streams)
    if document is None or any(p.is_error for p in problems):
        return report_problems([name], problems, args.format, streams) or EXIT_ERRORS
    loaded = read_tool_argument(
        _tool_path(args, document), streams, args.catalogue, args.format, shared=args.shared
    )
    if isinstance(loaded, int):
        return loaded
    assert loaded.tool is not None
    imported = import_fhir_response(loaded.tool, document.data)
    found = [document.source.locate(p) for p in imported.problems]
    if not imported.ok:
        return report_problems([name], found, args.format, streams)
    text = to_yaml(imported.document)
    written = args.output or "<stdout>"
    back = read_response(text=text, name=written)
    checked = validate_response(loaded.tool, back)
    write_output(args.output, text, streams,
                 inputs=[name, *loaded.files, *args.catalogue], force=args.force)
    if args.output:
        streams.note(f"wrote {args.output}")
    every = [*found, *checked]
    if every:
        report_problems([name, written], every, args.format, streams)
    return exit_code(every)


