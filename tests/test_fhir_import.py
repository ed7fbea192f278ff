"""FHIR QuestionnaireResponse back into a return: import_fhir_response and 'import fhir'."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from audit_tool import load_tool, read_response, score
from audit_tool.authoring.saving import to_yaml
from audit_tool.export import export_fhir_response
from audit_tool.export.fhir import import_fhir_response
from audit_tool.responses.validation import validate_response

from conftest import ROOT, CliResult

DATA = ROOT / "tests" / "data" / "fhir"
IMPORTS = DATA / "import"
MINI = DATA / "mini_tool.yaml"
NEGLECT = ROOT / "tools" / "neglect_v2.yaml"
ROUND = [  # the round's returns that have a model to export (one is deliberately invalid)
    path for path in sorted((ROOT / "examples" / "2019-05-neglect" / "responses").glob("*.yaml"))
    if read_response(path).response is not None
]

# Each broken QuestionnaireResponse with the one problem it must give: code, line, column,
# pointer (into the QuestionnaireResponse).
BROKEN = [
    ("not_a_response.json", "fhir-import-not-a-response", 2, 19, "/resourceType"),
    ("other_version.json", "fhir-tool-mismatch", 20, 20, "/questionnaire"),
    ("unknown_code.json", "fhir-import-bad-answer", 142, 13, "/item/2/item/0/answer/0"),
    ("unknown_item.json", "fhir-import-unknown-item", 138, 9, "/item/2/item/0"),
    ("wrong_type.json", "fhir-import-bad-answer", 195, 13, "/item/2/item/2/answer/0"),
]


@pytest.mark.parametrize("path", ROUND, ids=lambda p: p.name)
def test_every_example_return_comes_back_from_its_fhir_export(path: Path) -> None:
    """export then import gives a return with the same problems and the same scores."""
    tool = load_tool(NEGLECT)
    original = read_response(path)
    assert original.response is not None
    resource = export_fhir_response(tool, original.response).resource
    imported = import_fhir_response(tool, resource)
    assert imported.problems == ()
    back = read_response(text=to_yaml(imported.document))
    assert [p.code for p in validate_response(tool, back)] == [
        p.code for p in validate_response(tool, original)
    ]
    assert score(tool, [back]).to_dict()["overall"] == score(tool, [original]).to_dict()["overall"]


@pytest.mark.parametrize(("name", "code", "line", "column", "pointer"), BROKEN)
def test_a_broken_response_gives_its_problem_and_writes_nothing(
    cli: Callable[..., CliResult], tmp_path: Path,
    name: str, code: str, line: int, column: int, pointer: str,
) -> None:
    """Each broken QuestionnaireResponse gives exactly its problem, placed, and no return."""
    out = tmp_path / "return.yaml"
    result = cli("import", "fhir", str(IMPORTS / name), "--tool", str(MINI), "-o", str(out),
                 "--format", "json")
    assert result.code == 1
    [found] = [p for f in json.loads(result.err)["files"] for p in f["problems"]]
    assert (found["code"], found["line"], found["column"], found["pointer"]) == (
        code, line, column, pointer)
    assert not out.exists()


def test_import_writes_a_return_that_validates(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """import fhir writes the return as YAML with plain dates; validate finds no problem."""
    out = tmp_path / "return.yaml"
    result = cli("import", "fhir", str(IMPORTS / "complete.json"), "--tool", str(MINI),
                 "-o", str(out))
    assert (result.code, result.out) == (0, "")
    text = out.read_text(encoding="utf-8")
    assert "completed: 2026-11-20\n" in text
    assert "'" not in text.split("answers:")[0]
    assert cli("validate", "--tool", str(MINI), str(out)).code == 0


def test_import_reads_standard_input_and_finds_the_named_tool(
    cli: Callable[..., CliResult],
) -> None:
    """'import fhir -' reads stdin; without --tool the questionnaire's id|version is looked up."""
    text = (IMPORTS / "complete.json").read_text(encoding="utf-8")
    result = cli("import", "fhir", "-", "--tools", str(DATA), stdin=text)
    assert result.code == 0, result.err
    assert result.out.startswith("tool:\n  id: fhir_mini\n  version: 1.2.0\n")


def test_metadata_comes_from_the_resource_when_the_items_are_missing() -> None:
    """Without the audit-return items, case, agency, round, role, period and date come from
    subject, author, the extensions and authored."""
    tool = load_tool(MINI)
    with_items = json.loads((IMPORTS / "complete.json").read_text(encoding="utf-8"))
    without = json.loads((IMPORTS / "no_metadata_items.json").read_text(encoding="utf-8"))
    a = import_fhir_response(tool, with_items).document
    b = import_fhir_response(tool, without).document
    assert a == b
    assert (b["case"], b["agency"], b["completed"]) == ("C1", "police", "2026-11-20")


def test_an_empty_required_group_comes_back_as_no_entries() -> None:
    """A required group that may be empty and has no repetition imports as [] (no meetings)."""
    tool = load_tool(NEGLECT)
    original = read_response(ROOT / "examples" / "2019-05-neglect" / "responses" / "c5-csc.yaml")
    assert original.response is not None
    assert original.response.answers["meetings"].value == []
    resource = export_fhir_response(tool, original.response).resource
    assert '"linkId": "meetings"' not in json.dumps(resource)
    assert import_fhir_response(tool, resource).document["answers"]["meetings"] == []


def test_a_stdin_or_file_that_is_not_json_is_reported(
    cli: Callable[..., CliResult],
) -> None:
    """A response that cannot be parsed gives its syntax problem (exit 1), no traceback."""
    result = cli("import", "fhir", "-", "--tool", str(MINI), stdin="{not json")
    assert result.code == 1
    assert result.err.startswith("<stdin>:1:")
