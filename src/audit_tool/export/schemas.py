"""JSON Schemas (2020-12) generated from the models.

The files in ``schemas/`` are these functions' output, checked in so that
editors and other applications can use them without the library; a test fails
when they drift from the models.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel

from audit_tool._docstrings import describe_models
from audit_tool.authoring.catalogue import ThemeCatalogue
from audit_tool.authoring.tool import Tool
from audit_tool.authoring.tool_file import Fragment, ScaleInclude, SectionInclude
from audit_tool.export._response_schema import build_response_schema
from audit_tool.rounds.manifest import AuditManifest

__all__ = [
    "DIALECT",
    "RESPONSE_SCHEMA_CODES",
    "catalogue_schema",
    "manifest_schema",
    "response_schema",
    "tool_schema",
]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

RESPONSE_SCHEMA_CODES = frozenset({
    # reading the document
    "missing-field", "unknown-field", "wrong-type", "invalid-value", "invalid-id",
    "invalid-version",
    # the response against the tool
    "wrong-tool", "wrong-tool-version", "fingerprint-mismatch", "missing-metadata",
    "unknown-answer", "more-unknown-answers", "missing-answer", "answer-wrong-type",
    "option-not-in-scale",
    "not-a-whole-number", "number-out-of-range", "text-too-long", "duplicate-choice",
    "too-few-choices", "too-many-choices", "exclusive-choice", "too-few-entries",
    "too-many-entries", "evidence-missing",
})
"""The error codes whose rules the response schema states: a response the
library finds one of these errors in is invalid under the schema too, and a
response without any of them is valid under it."""


def _schema(model: type[BaseModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    describe_models()
    schema = copy.deepcopy(model.model_json_schema(ref_template="#/$defs/{model}"))
    _close_patterned_maps(schema)
    defs = schema.pop("$defs", {})
    return schema, defs


def _close_patterned_maps(schema: Any) -> None:
    """A mapping whose keys must match a pattern (``themes: {ID: weight}``) allows no other key.

    pydantic writes such keys as ``patternProperties`` and leaves other keys
    unconstrained, which the models refuse.
    """
    if isinstance(schema, dict):
        if "patternProperties" in schema and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
        for value in schema.values():
            _close_patterned_maps(value)
    elif isinstance(schema, list):
        for value in schema:
            _close_patterned_maps(value)


def _lone_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every ``$ref`` that has sibling keywords moved into ``allOf``.

    In 2020-12 ``{"$ref": R, "properties": P}`` checks both; draft-7 validators
    (fastjsonschema among them) ignore every keyword beside a ``$ref``.
    ``{"allOf": [{"$ref": R}], "properties": P}`` means the same to both.
    """
    out: dict[str, Any] = {key: _lone_refs_in(value) for key, value in schema.items()}
    if "$ref" in out and len(out) > 1:
        ref = out.pop("$ref")
        out["allOf"] = [{"$ref": ref}, *out.get("allOf", [])]
    return out


def _lone_refs_in(value: Any) -> Any:
    if isinstance(value, list):
        return [_lone_refs_in(item) for item in value]
    return _lone_refs(value) if isinstance(value, dict) else value


def _allow_includes(schema: dict[str, Any]) -> None:
    # 'include' decides which: a generic validator then reports the item's own error.
    props = schema["properties"]
    props["sections"]["items"] = {
        "if": {"type": "object", "required": ["include"]},
        "then": {"$ref": "#/$defs/SectionInclude"},
        "else": {"$ref": "#/$defs/Section"},
    }
    props["scales"]["items"] = {
        "if": {"type": "object", "required": ["include"]},
        "then": {"$ref": "#/$defs/ScaleInclude"},
        "else": {"$ref": "#/$defs/Scale"},
    }


def _discriminated(node: Any) -> Any:
    """Each pydantic ``oneOf`` + ``discriminator`` as if/then on the discriminating field.

    ``oneOf`` makes generic validators (jsonschema's ``best_match``, check-jsonschema,
    editors) report "is not valid under any of the given schemas" for a question with one
    bad field; with if/then they report that field.
    """
    if isinstance(node, list):
        return [_discriminated(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _discriminated(value) for key, value in node.items()}
    discriminator = node.get("discriminator")
    if not isinstance(discriminator, dict) or "oneOf" not in node:
        return node
    field, mapping = discriminator["propertyName"], discriminator["mapping"]
    rest = {k: v for k, v in node.items() if k not in ("oneOf", "discriminator")}
    return {
        **rest,
        "type": "object",
        "required": [field],
        "properties": {field: {"enum": sorted(mapping)}},
        "allOf": [
            {
                "if": {"properties": {field: {"const": value}}, "required": [field]},
                "then": {"$ref": ref},
            }
            for value, ref in sorted(mapping.items())
        ],
    }


def tool_schema() -> dict[str, Any]:
    """The schema of a tool file: a tool or a building block, include items allowed."""
    tool, defs = _schema(Tool)
    fragment, fragment_defs = _schema(Fragment)
    defs.update(fragment_defs)
    for model in (SectionInclude, ScaleInclude):
        schema, more = _schema(model)
        defs.update(more)
        defs[model.__name__] = schema
    _allow_includes(tool)
    _allow_includes(fragment)
    defs["Tool"] = tool
    defs["Fragment"] = fragment
    return _lone_refs({
        "$schema": DIALECT,
        "title": "Audit tool file",
        "description": (
            "A multi-agency case audit tool (id, version, scales, sections of questions) or a "
            "building block that tools include (fragment, scales, sections)."
        ),
        # Discriminated on 'fragment' (not oneOf), so that a generic validator's best match
        # for a broken tool is the tool's own error, not "is not valid under any of ...".
        "type": "object",
        "if": {"required": ["fragment"]},
        "then": {"$ref": "#/$defs/Fragment"},
        "else": {"$ref": "#/$defs/Tool"},
        "$defs": _discriminated(dict(sorted(defs.items()))),
    })


def catalogue_schema() -> dict[str, Any]:
    """The schema of a theme catalogue file."""
    schema, defs = _schema(ThemeCatalogue)
    return _lone_refs({"$schema": DIALECT, **schema, "$defs": dict(sorted(defs.items()))})


def manifest_schema() -> dict[str, Any]:
    """The schema of an audit round manifest (``audit.yaml``)."""
    schema, defs = _schema(AuditManifest)
    return _lone_refs({"$schema": DIALECT, **schema, "$defs": dict(sorted(defs.items()))})


def response_schema(tool: Tool) -> dict[str, Any]:
    """The schema of a complete response to ``tool``.

    It states every rule behind the codes in :data:`RESPONSE_SCHEMA_CODES`,
    conditions included; what it cannot state is in ``docs/responses.md``.
    Date formats are asserted only by validators that check ``format``
    (jsonschema: pass ``format_checker``); a ``pattern`` checks the shape anyway.
    """
    return _lone_refs({"$schema": DIALECT, **build_response_schema(tool)})
