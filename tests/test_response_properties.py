"""Properties of validation over generated tools and responses (tests/strategies.py).

The strategies draw valid responses to generated tools, and damage them in one
targeted way each (drop a required answer, an option not in the scale, a wrong
type, evidence removed, an unknown question id, dates out of order...), naming
the one problem code the damage must give.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from jsonschema import Draft202012Validator

from audit_tool import Problem, Tool, read_response, validate_response
from audit_tool.authoring.saving import to_yaml
from audit_tool.export import RESPONSE_SCHEMA_CODES, response_schema

from strategies import tools_with_mutated_responses, tools_with_responses


def _problems(tool: Tool, data: dict[str, Any]) -> list[Problem]:
    return validate_response(tool, read_response(text=to_yaml(data), name="r.yaml"))


def _schema_valid(tool: Tool, data: dict[str, Any]) -> bool:
    validator = Draft202012Validator(
        response_schema(tool), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return bool(validator.is_valid(data))


@given(tools_with_responses())
def test_generated_responses_have_no_problems(case: tuple[Tool, dict[str, Any]]) -> None:
    """A response drawn by the strategy validates with no problem, warnings included."""
    tool, data = case
    assert [(p.code, p.pointer, p.message) for p in _problems(tool, data)] == []


@given(tools_with_responses())
def test_generated_responses_are_valid_under_the_response_schema(
    case: tuple[Tool, dict[str, Any]],
) -> None:
    """jsonschema, with the tool's response schema, accepts every response the strategy draws."""
    tool, data = case
    assert _schema_valid(tool, data)


@given(tools_with_mutated_responses())
def test_each_targeted_mutation_gives_exactly_its_code(
    case: tuple[Tool, dict[str, Any], str | None],
) -> None:
    """One targeted damage to a valid response file gives exactly the one problem it should,
    located in the file (1-based line and column)."""
    tool, data, code = case
    found = _problems(tool, data)
    assert [(p.code, p.file) for p in found] == [(code, "r.yaml")]
    assert found[0].line is not None
    assert found[0].column is not None
    assert min(found[0].line, found[0].column) >= 1


@given(tools_with_mutated_responses())
def test_schema_and_library_agree_on_each_mutation(
    case: tuple[Tool, dict[str, Any], str | None],
) -> None:
    """jsonschema rejects a damaged response exactly when the library finds an error whose rule
    the schema states (RESPONSE_SCHEMA_CODES); it lets other errors and warnings pass."""
    tool, data, code = case
    stated = [p.code for p in validate_response(tool, data)
              if p.is_error and p.code in RESPONSE_SCHEMA_CODES]
    assert stated == ([code] if code in RESPONSE_SCHEMA_CODES else [])
    assert _schema_valid(tool, data) == (not stated)
