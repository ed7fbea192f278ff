"""The broken-response corpus (tests/response_corpus.py): each file gives its one problem,
at its place, and no output repeats the corpus's free text."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from audit_tool import validate_response

from conftest import CliResult
from response_corpus import CORPUS, EXPECTED, HOME_VISITS, NEGLECT_V2, corpus_tool, tool_file

Cli = Callable[..., CliResult]


def test_every_corpus_file_is_in_the_table() -> None:
    """Each file in the corpus has its expected problem in the table, and there are 25 or more."""
    files = sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*.yaml"))
    assert files == sorted(row[0] for row in EXPECTED)
    assert len(files) >= 25


@pytest.mark.parametrize(("name", "code", "line", "column", "pointer"), EXPECTED,
                         ids=[row[0] for row in EXPECTED])
def test_broken_response_gives_its_problem(
    name: str, code: str, line: int, column: int, pointer: str
) -> None:
    """The file gives exactly one problem: this code, at this line, column and pointer,
    an error unless the file is under warnings/."""
    path = CORPUS / name
    found = validate_response(corpus_tool(name), path)
    severity = "warning" if name.startswith("warnings/") else "error"
    assert [(p.file, p.code, p.severity.value, p.line, p.column, p.pointer) for p in found] == [
        (str(path), code, severity, line, column, pointer)
    ]


@pytest.mark.parametrize("name", [row[0] for row in EXPECTED])
def test_cli_exits_1_on_a_broken_file_and_0_on_a_warning(cli: Cli, name: str) -> None:
    """'audit-tool validate' exits 1 on each broken file (0 when it has only a warning) and
    names the expected problem in text output."""
    row = next(r for r in EXPECTED if r[0] == name)
    path = CORPUS / name
    result = cli("validate", "--tool", str(tool_file(name)), str(path))
    assert result.code == (0 if name.startswith("warnings/") else 1)
    assert result.out.startswith(f"{path}:{row[2]}:{row[3]}: ")
    assert f"[{row[1]}]: " in result.out


def test_no_output_repeats_free_text_from_the_corpus(cli: Cli) -> None:
    """Run over the whole corpus, text and JSON output never repeat the word SECRET that marks
    the corpus's free text (case references, rounds, roles, answers, evidence); the JSON
    report holds one problem per file."""
    for tool in (HOME_VISITS, NEGLECT_V2):
        rows = [r for r in EXPECTED if tool_file(r[0]) == tool]
        files = [str(CORPUS / r[0]) for r in rows]
        for fmt in ("text", "json"):
            result = cli("validate", "--tool", str(tool), *files, "--format", fmt)
            assert result.code == 1
            assert "secret" not in result.out.lower()
            if fmt == "json":
                report = json.loads(result.out)
                assert [len(f["problems"]) for f in report["files"]] == [1] * len(rows)
