"""The example responses in examples/responses/: synthetic returns for both neglect tools."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from audit_tool import load_response, load_tool, validate_response
from audit_tool._yaml import read_document
from audit_tool.export import response_schema

from conftest import ROOT, CliResult

EXAMPLES = ROOT / "examples" / "responses"
TOOLS = {"neglect_v1": ROOT / "tools" / "neglect_v1.yaml",
         "neglect_v2": ROOT / "tools" / "neglect_v2.yaml"}
FILES = sorted(EXAMPLES.rglob("*.yaml"))


def _tool_file(path: Path) -> Path:
    return TOOLS[path.parent.name]


def test_there_are_examples_for_both_tools_from_several_agencies_and_cases() -> None:
    """Each neglect tool has at least three example returns, from more than one case."""
    for folder in TOOLS:
        responses = [load_response(p) for p in FILES if p.parent.name == folder]
        assert len(responses) >= 3
        assert len({r.case for r in responses}) >= 2
        assert len({r.agency for r in responses}) >= 3


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_example_validates_with_no_problem(path: Path) -> None:
    """The example gives no problem at all against its tool, warnings included."""
    assert validate_response(load_tool(_tool_file(path)), path) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_example_is_valid_under_the_response_schema(path: Path) -> None:
    """jsonschema accepts the example under its tool's response schema."""
    schema = response_schema(load_tool(_tool_file(path)))
    document, problems = read_document(path)
    assert problems == []
    assert document is not None
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(document.data)] == []


def test_v2_examples_record_meetings_and_answers_needing_evidence() -> None:
    """The v2 examples include meeting entries, and 'no' or 'partly' answers with evidence."""
    v2 = [load_response(p) for p in FILES if p.parent.name == "neglect_v2"]
    meetings = [e for r in v2 if "meetings" in r.answers for e in r.answers["meetings"].entries]
    assert len(meetings) >= 4
    weak = [a for r in v2 for a in r.answers.values() if a.value in ("no", "partly")]
    assert len([a for a in weak if a.evidence]) >= 3


def test_cli_exits_0_on_the_example_folders(cli: Callable[..., CliResult]) -> None:
    """'audit-tool validate' over each examples folder exits 0 and reports no problems."""
    for folder, tool in TOOLS.items():
        result = cli("validate", "--tool", str(tool), str(EXAMPLES / folder))
        count = len([p for p in FILES if p.parent.name == folder])
        assert (result.code, result.out) == (0, f"checked {count} responses: no problems\n")
