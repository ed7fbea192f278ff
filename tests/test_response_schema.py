"""response_schema(tool): a JSON Schema 2020-12 that says what the library says, where it can."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from jsonschema import Draft7Validator, Draft202012Validator

from audit_tool import Tool, load_tool, validate_response
from audit_tool._yaml import read_document
from audit_tool.authoring import fingerprint
from audit_tool.codes import CODES
from audit_tool.export import RESPONSE_SCHEMA_CODES, response_schema
from audit_tool.export.schemas import catalogue_schema, manifest_schema, tool_schema

from conftest import DATA, ROOT
from response_corpus import EXPECTED, corpus_tool
from strategies import tool_data, tools_with_mutated_responses

TOOLS = [ROOT / "tools" / "neglect_v1.yaml", ROOT / "tools" / "neglect_v2.yaml",
         DATA / "response_tools" / "home_visits.yaml"]


def _validator(tool: Tool) -> Draft202012Validator:
    return Draft202012Validator(
        response_schema(tool), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize("path", TOOLS, ids=lambda p: p.name)
def test_schema_is_valid_2020_12(path: Path) -> None:
    """The response schema of each shipped and test tool is a valid 2020-12 schema."""
    schema = response_schema(load_tool(path))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@given(tool_data())
def test_schema_of_any_generated_tool_is_valid_2020_12(data: dict[str, Any]) -> None:
    """The response schema of any tool the strategy draws is a valid 2020-12 schema."""
    Draft202012Validator.check_schema(response_schema(Tool.model_validate(data)))


def test_schema_pins_the_tool_version_and_fingerprint() -> None:
    """The tool id and version are constants; the fingerprint is this tool's, or absent."""
    tool = load_tool(TOOLS[1])
    ref = response_schema(tool)["properties"]["tool"]
    assert ref["properties"] == {
        "id": {"const": "neglect"},
        "version": {"const": "2.0.0"},
        "fingerprint": {"enum": [fingerprint(tool), None]},
    }


def test_schema_codes_are_error_codes_of_the_catalogue() -> None:
    """Every code the schema states is a catalogued error; no warning is among them."""
    assert set(CODES) >= RESPONSE_SCHEMA_CODES
    assert all(CODES[c].severity.value == "error" for c in RESPONSE_SCHEMA_CODES)
    stated_response_codes = {c for c in RESPONSE_SCHEMA_CODES if CODES[c].area == "response"}
    left_out = {c for c, info in CODES.items() if info.area == "response"} - stated_response_codes
    assert left_out == {
        "date-in-future", "completed-before-period-ends", "period-start-after-end",
        "unexpected-answer", "evidence-before-period", "looks-identifying",
        "tool-not-found",  # where the tool is, not what the return says
    }


# Files the reader refuses (a number that is not finite) hold no data for a schema to judge.
READABLE = [row for row in EXPECTED if CODES[row[1]].area != "file"]


@pytest.mark.parametrize("row", READABLE, ids=[row[0] for row in READABLE])
def test_schema_agrees_with_the_library_on_the_broken_corpus(row: tuple[Any, ...]) -> None:
    """jsonschema rejects a corpus file exactly when its problem is an error the schema states."""
    name, code = row[0], row[1]
    path = DATA / "responses" / name
    document, _problems = read_document(path)
    assert document is not None
    errors = [p.code for p in validate_response(corpus_tool(name), path) if p.is_error]
    assert _validator(corpus_tool(name)).is_valid(document.data) == (
        not [c for c in errors if c in RESPONSE_SCHEMA_CODES]
    )
    assert errors in ([], [code])


GROUP_TOOL = """
id: visits
version: 1.0.0
title: Visits
theme: Neglect
scales:
  - id: yn
    title: Yes or no
    options: [{value: "yes", label: "Yes"}, {value: "no", label: "No"}]
sections:
  - id: s
    title: S
    questions:
      - {id: family_known, type: single_choice, scale: yn, text: Known?}
      - id: visits
        type: group
        text: Visits
        questions:
          - {id: seen, type: single_choice, scale: yn, text: Seen?}
          - id: why_not
            type: text
            text: Why not?
            when:
              any:
                - {question: family_known, equals: "no"}
                - {question: seen, equals: "no"}
"""


@pytest.mark.parametrize(
    ("family_known", "seen", "why_not", "valid"),
    [
        ("yes", "yes", None, True),
        ("yes", "no", None, False),
        ("no", "yes", None, False),
        ("no", "yes", "not at home", True),
        ("yes", "no", "not at home", True),
    ],
)
def test_a_sub_question_condition_reading_outside_its_group(
    family_known: str, seen: str, why_not: str | None, valid: bool
) -> None:
    """A sub-question required when an answer outside the group, or one in its entry, holds:
    the schema and the library both require it exactly then."""
    tool = load_tool(text=GROUP_TOOL)
    entry = {"seen": seen} | ({"why_not": why_not} if why_not else {})
    data = {
        "tool": {"id": "visits", "version": "1.0.0"}, "case": "C1", "agency": "police",
        "auditor_role": "Sergeant", "completed": "2020-02-01",
        "period": {"start": "2019-01-01", "end": "2019-12-31"},
        "answers": {"family_known": family_known, "visits": [entry]},
    }
    codes = [p.code for p in validate_response(tool, data)]
    assert codes == ([] if valid else ["missing-answer"])
    assert _validator(tool).is_valid(data) is valid


def _refs_with_siblings(schema: Any) -> list[dict[str, Any]]:
    if isinstance(schema, list):
        return [found for item in schema for found in _refs_with_siblings(item)]
    if not isinstance(schema, dict):
        return []
    here = [schema] if "$ref" in schema and len(schema) > 1 else []
    return here + [found for value in schema.values() for found in _refs_with_siblings(value)]


@pytest.mark.parametrize("path", TOOLS, ids=lambda p: p.name)
def test_no_ref_has_sibling_keywords(path: Path) -> None:
    """No exported schema puts keywords beside a $ref, which draft-7 validators ignore."""
    for schema in (response_schema(load_tool(path)), tool_schema(), manifest_schema(),
                   catalogue_schema()):
        assert _refs_with_siblings(schema) == []


@given(tools_with_mutated_responses())
def test_draft_7_reads_the_response_schema_as_2020_12_does(
    case: tuple[Tool, dict[str, Any], str | None],
) -> None:
    """A draft-7 validator finds the same errors in a damaged response as a 2020-12 one."""
    tool, data, _code = case
    schema = response_schema(tool)
    checker = Draft202012Validator.FORMAT_CHECKER

    def errors(validator: Any) -> list[tuple[Any, ...]]:
        return sorted((tuple(e.absolute_path), e.validator, e.message)
                      for e in validator.iter_errors(data))

    assert errors(Draft7Validator(schema, format_checker=checker)) == errors(
        Draft202012Validator(schema, format_checker=checker)
    )
