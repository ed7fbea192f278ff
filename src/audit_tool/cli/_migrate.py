"""``audit-tool migrate --to NEW RESPONSE... -o DIR``: carry responses to a new tool version."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from audit_tool._fs import RESPONSE_SUFFIXES, YAML_SUFFIXES, expand_paths
from audit_tool.authoring.catalogue import ThemeCatalogue
from audit_tool.authoring.loading import read_tool
from audit_tool.authoring.tool import Tool
from audit_tool.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    CommandError,
    Streams,
    Verbs,
    add_catalogue_option,
    add_format,
    add_output_option,
    check_output,
    date_argument,
    exit_code,
    write_output,
)
from audit_tool.cli._verbs import help_of
from audit_tool.cli._versions import read_versions
from audit_tool.codes import problem
from audit_tool.exceptions import MigrationError
from audit_tool.problems import Problem
from audit_tool.responses.response import read_response
from audit_tool.versions.migration import dump_response, migrate
from audit_tool.versions.migration_report import MigratedFile, migration_json, migration_text

HELP = help_of("migrate")
DESCRIPTION = """\
Carry each response to the new version of its tool: answers follow the
renames and re-codings the new version declares (renamed_from, option_map).
An answer the new version has no place for is kept in the output under
unplaced_answers, never dropped, and the report lists it with the reason. The
output records the version it came from (migrated_from). Inputs are never
changed; outputs are written atomically to DIR under the same file names.

The old version is found next to NEW (a tool file in the same folder with
the id and version the response names), or given with --from.

The report lists, per file, what was carried, re-coded and kept aside, and
the required questions of the new version the auditor must now answer.

examples:
  audit-tool migrate --to tools/neglect_v2.yaml examples/responses/neglect_v1/*.yaml -o migrated/
  audit-tool migrate --to new.yaml --from old.yaml returns/ -o migrated/ --format json
"""


def register(verbs: Verbs) -> None:
    """Add the ``migrate`` verb."""
    parser = verbs.add_parser(
        "migrate", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "responses", nargs="+", metavar="RESPONSE", help="response files or folders"
    )
    parser.add_argument(
        "--to", required=True, metavar="NEW",
        help="the new version's tool file (- reads standard input)",
    )
    parser.add_argument(
        "--from", dest="old", metavar="OLD",
        help="the version the responses answer (default: found next to NEW)",
    )
    add_output_option(
        parser,
        "the folder to write to; a file there already is not overwritten without --force",
        metavar="DIR",
        required=True,
    )
    parser.add_argument(
        "--today", type=date_argument, metavar="YYYY-MM-DD",
        help="the date recorded in migrated_from (default: today)",
    )
    add_catalogue_option(parser)
    add_format(parser)
    parser.set_defaults(handler=run)


class _OldTools:
    """The old versions: the one given with --from, or tool files next to NEW."""

    def __init__(
        self,
        new_path: str,
        given: Tool | None,
        catalogues: list[ThemeCatalogue],
        shared: Sequence[str] = (),
    ) -> None:
        self.given = given
        self.folder = Path(new_path).parent
        self.catalogues = catalogues
        self.shared = shared
        self._found: dict[tuple[str, str], Tool] | None = None
        self._paths: list[Path] = []

    def find(self, tool_id: str, version: str) -> Tool | None:
        """The version ``tool_id`` ``version``: the one given, else a tool file next to NEW."""
        if self.given is not None:
            return self.given
        if self._found is None:
            self._found = {}
            files = (p for p in self.folder.iterdir() if p.suffix in YAML_SUFFIXES)
            self._paths = sorted(p for p in files if p.is_file())
            for path in self._paths:
                tool = read_tool(path, catalogues=self.catalogues, shared=self.shared).tool
                if tool is not None:
                    self._found.setdefault((tool.id, tool.version), tool)
        return self._found.get((tool_id, version))

    @property
    def files(self) -> list[str]:
        """The tool files read to find old versions."""
        return [] if self._found is None else [str(p) for p in self._paths]


def _outputs(
    files: list[str], folder: Path, inputs: list[str], force: bool
) -> dict[str, Path]:
    """Where each response goes, checked before anything is written: never over an input,
    never two to one file, never over an earlier output unless ``force``."""
    outputs: dict[str, Path] = {}
    taken: dict[Path, str] = {}
    for file in files:
        target = folder / Path(file).name
        if target in taken:
            raise CommandError(f"{file} and {taken[target]} would both be written to {target}")
        check_output(str(target), inputs, force)
        taken[target] = file
        outputs[file] = target
    return outputs


def run(args: argparse.Namespace, streams: Streams) -> int:
    """Migrate every response given; exit 0, 1 or 2."""
    paths = [args.to] if args.old is None else [args.to, args.old]
    versions = read_versions(paths, args.catalogue, args.format, streams, shared=args.shared)
    if isinstance(versions, int):
        return versions
    tools, catalogues = versions
    new = tools[0].tool
    given = tools[1].tool if args.old is not None else None
    assert new is not None
    olds = _OldTools(args.to, given, catalogues, args.shared)
    files = expand_paths(args.responses, RESPONSE_SUFFIXES)
    if not files:
        raise CommandError("no response files (*.yaml, *.yml, *.json) in the folders given")
    inputs = [*files, *(f for t in tools for f in t.files), *args.catalogue]
    outputs = _outputs(files, Path(args.output), inputs, args.force)
    report: list[MigratedFile] = []
    for file in files:
        entry = MigratedFile(file)
        report.append(entry)
        loaded = read_response(file)
        entry.problems.extend(loaded.problems)
        response = loaded.response
        if response is None or any(p.is_error for p in loaded.problems):
            continue
        old = olds.find(response.tool.id, response.tool.version)
        if old is None:
            entry.problems.append(_no_old(file, response.tool.ref, olds.folder))
            continue
        try:
            result = migrate(response, old, new, today=args.today)
        except MigrationError as exc:
            entry.problems.append(
                problem("migration-tool-mismatch", str(exc), "/tool").located(file, None, None)
            )
            continue
        original = Path(file).read_text(encoding="utf-8", errors="replace")
        text = dump_response(result.response, original=original)
        write_output(
            str(outputs[file]), text, streams, inputs=[*inputs, *olds.files], force=args.force
        )
        entry.result, entry.output = result, str(outputs[file])
    render = migration_json if args.format == "json" else migration_text
    streams.out.write(render(new, report))
    found = exit_code(p for f in report for p in f.problems)
    return found or (EXIT_OK if all(f.ok for f in report) else EXIT_ERRORS)


def _no_old(file: str, ref: str, folder: Path) -> Problem:
    return problem(
        "migration-tool-mismatch",
        f"the response answers {ref}, and no tool file in {folder} is that version; "
        "give it with --from",
        "/tool",
    ).located(file, None, None)
