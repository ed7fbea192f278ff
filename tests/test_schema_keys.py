"""Mappings keyed by ids reject other keys in the JSON Schema, as the models do."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest

from audit_tool.schemas import tool_schema

TOOL: dict[str, Any] = {
    "id": "t", "version": "1.0.0", "title": "T", "theme": "Neglect",
    "scales": [{"id": "s", "title": "S", "options": [{"value": "a", "label": "A", "score": 1}]}],
    "sections": [{"id": "x", "title": "X", "questions": [
        {"id": "q", "type": "single_choice", "scale": "s", "text": "Q",
         "themes": {"recording": 1}},
    ]}],
}


@pytest.mark.parametrize(
    ("where", "key"),
    [("themes", ""), ("themes", "Not An Id"), ("option_map", "Bad Value")],
)
def test_a_key_that_is_not_an_id_fails_the_schema(where: str, key: str) -> None:
    """A theme weight or option map keyed by something other than an id fails the schema
    (the models reject it too)."""
    tool = copy.deepcopy(TOOL)
    tool["sections"][0]["questions"][0][where] = {key: 1 if where == "themes" else "a"}
    validator = jsonschema.Draft202012Validator(tool_schema())
    assert not validator.is_valid(tool)
    assert validator.is_valid(TOOL)
