"""Maps keyed by ids in the tool schema (themes, min_answers) refuse other keys, as models do."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from audit_tool import load_tool
from audit_tool.authoring.saving import to_yaml

from conftest import ROOT

SCHEMA = jsonschema.Draft202012Validator(
    json.loads((ROOT / "schemas" / "audit-tool.schema.json").read_text(encoding="utf-8"))
)


def _tool(themes: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "t", "version": "1.0.0", "title": "T", "theme": "Neglect",
        "scales": [
            {"id": "s", "title": "S", "options": [{"value": "a", "label": "A", "score": 1}]}
        ],
        "sections": [{"id": "x", "title": "X", "questions": [
            {"id": "q", "type": "single_choice", "scale": "s", "text": "Q?", "themes": themes},
        ]}],
    }


@pytest.mark.parametrize("themes", [{"": 1}, {"Recording": 1}, {"recording": 1, "": None}])
def test_a_theme_key_that_is_not_an_id_is_refused_by_both(themes: dict[str, Any]) -> None:
    """A theme key that is not an id fails the checked-in schema and the models alike."""
    assert not SCHEMA.is_valid(_tool(themes))
    with pytest.raises(ValueError, match="invalid-id"):
        load_tool(text=to_yaml(_tool(themes)))
