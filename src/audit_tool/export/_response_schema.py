"""The JSON Schema (2020-12) of the responses to one tool.

It says what :func:`audit_tool.validate_response` says about a response's
*errors*, for every rule a schema can state (``schemas.RESPONSE_SCHEMA_CODES``):
the tool, version and fingerprint; the metadata a return needs; each answer's
type, options, limits and evidence; group entries; and which questions are
required, with conditions written as ``if``/``then``. A question *applies*
as :mod:`audit_tool.responses.answers` walks it: its condition holds, reading only the
answers of questions that apply; ``$defs/applies_ID`` holds that for each
conditional question.

It cannot state what compares two values of the document or needs the date
(``date-in-future``, ``completed-before-period-ends``,
``period-start-after-end``) and leaves out warnings (``unexpected-answer``,
``evidence-before-period``), which never make a response invalid.
"""

from __future__ import annotations

import copy
from typing import Any

from audit_tool._docstrings import describe_models
from audit_tool._types import DATE_PATTERN
from audit_tool.authoring.conditions import AllOf, Answered, AnyOf, Condition, Equals, InValues, Not
from audit_tool.authoring.fingerprints import fingerprint
from audit_tool.authoring.tool import (
    AnyQuestion,
    DateQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    Tool,
)
from audit_tool.export import _formula as f
from audit_tool.responses.response import Response

__all__ = ["build_response_schema"]

_DATE = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
_BLANK: dict[str, Any] = {"enum": [None, "", []]}
_NOT_BLANK = {"not": {"$ref": "#/$defs/blank"}}
_GROUP_GIVEN = {"not": {"enum": [None, ""]}}
_FULL_ANSWER = {
    "description": "An answer written in full: its value, and evidence with its date.",
    "type": "object",
    "properties": {
        "value": True,
        "evidence": {"type": ["string", "null"]},
        "evidence_date": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
    },
    "additionalProperties": False,
}
_EVIDENCE_GIVEN = {
    "type": "object",
    "required": ["evidence"],
    "properties": {"evidence": {"type": "string", "pattern": "\\S"}},
}


def _on_value(schema: Any) -> dict[str, Any]:
    """``schema`` applies to an answer's value, written bare or as ``value:``."""
    return {"if": {"type": "object"}, "then": {"properties": {"value": schema}}, "else": schema}


def _has_value(schema: Any) -> dict[str, Any]:
    """The answer has a value, and ``schema`` holds for it."""
    return {
        "if": {"type": "object"},
        "then": {"required": ["value"], "properties": {"value": schema}},
        "else": schema,
    }


def _matches(values: list[Any]) -> dict[str, Any]:
    # conditions: equal to a value, or (multiple choice) a list that includes one
    return _has_value(
        {"anyOf": [{"enum": values}, {"type": "array", "contains": {"enum": values}}]}
    )


def _in_answers(qid: str, schema: Any, *, required: bool = True) -> dict[str, Any]:
    if not required:
        return {"properties": {"answers": {"properties": {qid: schema}}}}
    return {
        "required": ["answers"],
        "properties": {"answers": {"required": [qid], "properties": {qid: schema}}},
    }


def _in_entry(qid: str, schema: Any) -> dict[str, Any]:
    return {"required": [qid], "properties": {qid: schema}}


# -- one answer -----------------------------------------------------------------


def _typed(tool: Tool, question: AnyQuestion, defs: dict[str, Any]) -> dict[str, Any]:
    """What a given value must be."""
    if isinstance(question, SingleChoiceQuestion):
        scale = tool.scale_of(question)
        return {"enum": list(scale.values) if scale else []}
    if isinstance(question, MultipleChoiceQuestion):
        scale = tool.scale_of(question)
        schema: dict[str, Any] = {
            "type": "array",
            "items": {"enum": list(scale.values) if scale else []},
            "uniqueItems": True,
        }
        if question.min_selected is not None:
            schema["minItems"] = question.min_selected
        if question.max_selected is not None:
            schema["maxItems"] = question.max_selected
        exclusive = [o.value for o in scale.options if o.exclusive] if scale else []
        if exclusive:
            schema["allOf"] = [
                {"if": {"contains": {"const": v}}, "then": {"maxItems": 1}} for v in exclusive
            ]
        return schema
    if isinstance(question, TextQuestion):
        text: dict[str, Any] = {"type": "string"}
        if question.max_length is not None:
            text["maxLength"] = question.max_length
        return text
    if isinstance(question, DateQuestion):
        return {"$ref": "#/$defs/date"}
    if isinstance(question, NumberQuestion):
        number: dict[str, Any] = {"type": "integer" if question.integer else "number"}
        if question.minimum is not None:
            number["minimum"] = question.minimum
        if question.maximum is not None:
            number["maximum"] = question.maximum
        return number
    group: dict[str, Any] = {"type": "array", "items": _entry(tool, question, defs)}
    if question.min_entries:
        group["minItems"] = question.min_entries
    if question.max_entries is not None:
        group["maxItems"] = question.max_entries
    return group


def _value(tool: Tool, question: AnyQuestion, defs: dict[str, Any]) -> dict[str, Any]:
    """A value: blank (null, empty text, or an empty list but for a group), or typed."""
    if isinstance(question, GroupQuestion):
        return {"anyOf": [{"enum": [None, ""]}, _typed(tool, question, defs)]}
    return {"anyOf": [{"$ref": "#/$defs/blank"}, _typed(tool, question, defs)]}


def _evidence_trigger(question: AnyQuestion) -> dict[str, Any] | None:
    rule = question.evidence
    if rule is None:
        return None
    if rule.required:
        return {"$ref": f"#/$defs/{_given(question)}"}
    if rule.required_for:
        return _matches(list(rule.required_for))
    return None


def _answer(tool: Tool, question: AnyQuestion, defs: dict[str, Any]) -> dict[str, Any]:
    """An answer, bare or full; its value's schema goes in ``defs`` (it is used twice)."""
    defs[f"value_{question.id}"] = _value(tool, question, defs)
    value = {"$ref": f"#/$defs/value_{question.id}"}
    schema: dict[str, Any] = {
        "description": question.text,
        "if": {"type": "object"},
        "then": {"$ref": "#/$defs/full_answer", "properties": {"value": value}},
        "else": value,
    }
    trigger = _evidence_trigger(question)
    if trigger is not None:
        schema["allOf"] = [{"if": trigger, "then": {"$ref": "#/$defs/evidence_given"}}]
    return schema


def _entry(tool: Tool, group: GroupQuestion, defs: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {q.id: _answer(tool, q, defs) for q in group.questions},
        "additionalProperties": False,
    }


# -- when questions apply, and what is then required ------------------------------


class _Applies:
    """When each question applies, as formulas (conditions read only applying answers)."""

    def __init__(self, tool: Tool) -> None:
        self.tool = tool
        self.conditional = {
            r.question.id for r in tool.iter_questions() if r.group is None and r.question.when
        }

    def outer(self, qid: str) -> f.Formula:
        """A top-level question applies (through ``$defs/applies_ID``)."""
        if qid not in self.conditional:
            return True
        return f.atom({"$ref": f"#/$defs/applies_{qid}"})

    def condition(self, cond: Condition, inner: dict[str, f.Formula] | None = None) -> f.Formula:
        """``cond`` as a formula; ``inner`` gives, in a group, when each earlier sibling applies."""
        if isinstance(cond, AllOf):
            return f.conj(*(self.condition(c, inner) for c in cond.all))
        if isinstance(cond, AnyOf):
            return f.disj(*(self.condition(c, inner) for c in cond.any))
        if isinstance(cond, Not):
            return f.neg(self.condition(cond.not_, inner))
        assert isinstance(cond, (Equals, InValues, Answered))
        target = cond.question
        if isinstance(cond, Answered):
            test: Any = {"$ref": "#/$defs/answered"}
        else:
            test = _matches(list(cond.values()))
        if inner is not None and target in inner:
            holds = f.conj(inner[target], f.atom(_in_entry(target, test), inner=True))
        elif self.tool.question(target) is not None:
            holds = f.conj(self.outer(target), f.atom(_in_answers(target, test)))
        else:
            holds = False  # an unknown target is never answered
        if isinstance(cond, Answered) and not cond.answered:
            return f.neg(holds)
        return holds


def _rules(tool: Tool, applies: _Applies) -> list[Any]:
    always: dict[str, Any] = {}
    rules: list[Any] = []
    for ref in tool.iter_questions():
        question = ref.question
        if ref.group is not None:
            continue
        if question.required:
            given = {"$ref": f"#/$defs/{_given(question)}"}
            if question.when is None:
                always[question.id] = given
            else:
                rules.append(_when(applies.outer(question.id), _in_answers(question.id, given)))
        if isinstance(question, GroupQuestion):
            rules.extend(_group_rules(question, applies))
    if always:
        rules.insert(0, {
            "required": ["answers"],
            "properties": {"answers": {"required": list(always), "properties": always}},
        })
    return rules


def _given(question: AnyQuestion) -> str:
    """The ``$defs`` entry saying the question is answered (a group: its list is given)."""
    return "group_given" if isinstance(question, GroupQuestion) else "answered"


def _group_rules(group: GroupQuestion, applies: _Applies) -> list[Any]:
    """Required sub-questions: each entry must answer them when they apply."""
    always: dict[str, Any] = {}
    rules: list[Any] = []
    inner: dict[str, f.Formula] = {}
    for question in group.questions:
        holds = True if question.when is None else applies.condition(question.when, inner)
        inner[question.id] = holds
        if not question.required:
            continue
        if holds is True:
            always[question.id] = {"$ref": "#/$defs/answered"}
            continue
        required = _in_entry(question.id, {"$ref": "#/$defs/answered"})
        for outer, in_entry in f.split(holds):
            rules.append(_when(f.conj(applies.outer(group.id), outer),
                               _each_entry(group, _when(in_entry, required))))
    if always:
        entry = {"required": list(always), "properties": always}
        rules.insert(0, _when(applies.outer(group.id), _each_entry(group, entry)))
    return rules


def _each_entry(group: GroupQuestion, schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` holds for every entry of the group, where the group is answered."""
    return _in_answers(group.id, _on_value({"items": schema}), required=False)


def _when(condition: f.Formula, then: dict[str, Any]) -> dict[str, Any]:
    if condition is True:
        return then
    return {"if": f.render(condition), "then": then}


# -- the whole document -------------------------------------------------------------


def build_response_schema(tool: Tool) -> dict[str, Any]:
    """The JSON Schema of a complete response to ``tool``."""
    describe_models()
    model = Response.model_json_schema(ref_template="#/$defs/{model}")
    model_props, model_defs = model["properties"], model["$defs"]
    applies = _Applies(tool)
    top = [r.question for r in tool.iter_questions() if r.group is None]
    defs: dict[str, Any] = {
        "blank": {"description": "No answer: null, empty text or an empty list.", **_BLANK},
        "date": _DATE,
        "answered": _has_value(_NOT_BLANK),
        "group_given": _has_value(_GROUP_GIVEN),
        "evidence_given": _EVIDENCE_GIVEN,
        "full_answer": _FULL_ANSWER,
        "any_answer": _any_answer(),
        "MigrationStep": model_defs["MigrationStep"],
        "ToolRef": model_defs["ToolRef"],
    }
    for question in top:
        if question.when is not None:
            defs[f"applies_{question.id}"] = f.render(applies.condition(question.when))
    properties = {
        "tool": {
            "type": "object",
            "description": model_props["tool"]["description"],
            "properties": {
                "id": {"const": tool.id},
                "version": {"const": tool.version},
                "fingerprint": {"enum": [fingerprint(tool), None]},
            },
            "required": ["id", "version"],
            "additionalProperties": False,
        },
        "round": model_props["round"],
        "case": model_props["case"],
        "agency": model_props["agency"],
        "auditor_role": {
            "description": model_props["auditor_role"]["description"],
            "type": "string",
            "pattern": "\\S",
        },
        "completed": {"description": model_props["completed"]["description"],
                      "$ref": "#/$defs/date"},
        "period": {
            "description": model_props["period"]["description"],
            "type": "object",
            "properties": {"start": {"$ref": "#/$defs/date"}, "end": {"$ref": "#/$defs/date"}},
            "required": ["start", "end"],
            "additionalProperties": False,
        },
        "answers": {
            "description": model_props["answers"]["description"],
            "type": "object",
            "properties": {q.id: _answer(tool, q, defs) for q in top},
            "additionalProperties": False,
        },
        "migrated_from": model_props["migrated_from"],
        "unplaced_answers": {
            "description": model_props["unplaced_answers"]["description"],
            "type": "object",
            "additionalProperties": {"$ref": "#/$defs/any_answer"},
        },
    }
    schema: dict[str, Any] = {
        "title": f"Response to {tool.ref}",
        "description": (
            f"A completed questionnaire answering '{tool.title}' ({tool.ref}), as "
            "audit-tool validates it, less the rules a schema cannot state (dates compared "
            "with each other or with today) and warnings."
        ),
        "type": "object",
        "properties": properties,
        "required": ["tool", "case", "agency", "auditor_role", "completed", "period"],
        "additionalProperties": False,
    }
    rules = _rules(tool, applies)
    if rules:
        schema["allOf"] = rules
    schema["$defs"] = defs
    return copy.deepcopy(schema)


def _any_answer() -> dict[str, Any]:
    """Any answer the response model reads (for ``unplaced_answers``, which are not checked)."""
    value = {
        "anyOf": [
            {"type": ["string", "boolean", "number", "null"]},
            {"type": "array", "items": {"type": "string"}},
            {"type": "array", "items": {
                "type": "object", "additionalProperties": {"$ref": "#/$defs/any_answer"}
            }},
        ]
    }
    return {
        "if": {"type": "object"},
        "then": {"$ref": "#/$defs/full_answer", "properties": {"value": value}},
        "else": value,
    }
