"""Generic JSON Schema validators point at the real error of a broken tool file: jsonschema's
best_match on schemas/audit-tool.schema.json names the field, not "not valid under any of"."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from audit_tool._yaml import read_document

from conftest import DATA, ROOT

SCHEMA = json.loads((ROOT / "schemas" / "audit-tool.schema.json").read_text(encoding="utf-8"))
CASES = DATA / "schema"

# Each broken file: the path best_match must name and the keyword that failed there.
BROKEN = [
    ("scale_not_text.yaml", ["sections", 0, "questions", 0, "scale"], "type"),
    ("bad_status.yaml", ["status"], "enum"),
    ("bad_question_type.yaml", ["sections", 0, "questions", 0, "type"], "enum"),
    ("text_is_a_list.yaml", ["sections", 0, "questions", 0, "text"], "type"),
]


def _errors(name: str) -> list[object]:
    document, problems = read_document(CASES / name)
    assert document is not None
    assert problems == []
    return list(Draft202012Validator(SCHEMA).iter_errors(document.data))


def test_the_base_file_is_valid() -> None:
    """The file the broken ones are made from has no schema error."""
    assert _errors("base.yaml") == []


@pytest.mark.parametrize(("name", "path", "keyword"), BROKEN)
def test_best_match_names_the_broken_field(name: str, path: list[object], keyword: str) -> None:
    """best_match of a broken tool is the error at the broken field, not a oneOf summary."""
    errors = _errors(name)
    found = best_match(errors)  # type: ignore[arg-type]
    assert found is not None
    assert (list(found.absolute_path), found.validator) == (path, keyword)
    assert "is not valid under any of the given schemas" not in found.message


def test_the_shipped_building_blocks_validate() -> None:
    """Fragments (building blocks) take the Fragment branch and validate."""
    validator = Draft202012Validator(SCHEMA)
    for path in sorted((ROOT / "tools" / "shared").glob("*.yaml")):
        document, _ = read_document(path)
        assert document is not None
        assert list(validator.iter_errors(document.data)) == [], path.name
