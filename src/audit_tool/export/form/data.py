"""The page data of a fillable form: the tool as plain data that the form's script reads.

Everything the script needs to show, check and save a return is here, worked
out once in Python from the loaded tool: numbers, conditions in words and as
the six structured forms (the script interprets them; nothing is evaluated as
code), evidence rules, limits, and the comment lines the saved YAML keeps
above each answer, the same as ``template`` writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from audit_tool.authoring.describe import QuestionWords, Wording, describe_question
from audit_tool.authoring.tool import (
    AnyQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    TextQuestion,
    Tool,
)
from audit_tool.responses.response import Period
from audit_tool.responses.template import header_comment, question_comment, section_comment

__all__ = ["FORM_CHECKS", "FORM_FIELDS", "FormPrefill", "form_checks", "form_data"]

FORM_CHECKS = (
    "missing-field",
    "invalid-value",
    "wrong-tool",
    "wrong-tool-version",
    "fingerprint-mismatch",
    "missing-metadata",
    "date-in-future",
    "period-start-after-end",
    "completed-before-period-ends",
    "unknown-answer",
    "missing-answer",
    "unexpected-answer",
    "answer-wrong-type",
    "option-not-in-scale",
    "duplicate-choice",
    "too-few-choices",
    "too-many-choices",
    "exclusive-choice",
    "text-too-long",
    "not-a-whole-number",
    "number-out-of-range",
    "too-few-entries",
    "too-many-entries",
    "evidence-missing",
    "evidence-before-period",
)
"""The problem codes of ``validate`` that the form's own checker gives, the same way.

The form checks a return as ``validate`` does on these (``missing-field`` and
``invalid-value`` for the case, the agency and the round only: :data:`FORM_FIELDS`); the
rest (the file's shape beyond what the form reads, the round's checks) stay with
``validate``. See docs/form.md.
"""

FORM_FIELDS = ("/case", "/agency", "/round")
"""Where the form checks a field's presence and shape (``missing-field``, ``invalid-value``)."""


def form_checks(code: str, pointer: str) -> bool:
    """True when the form's checker makes the check behind a problem ``code`` at ``pointer``."""
    if code in ("missing-field", "invalid-value"):
        return pointer in FORM_FIELDS
    return code in FORM_CHECKS


@dataclass(frozen=True)
class FormPrefill:
    """What the command line or the round's manifest fills in, and the form locks."""

    audit_round: str | None = None
    case: str | None = None
    agency: str | None = None
    period: Period | None = None

    def locked(self) -> dict[str, str]:
        """The locked metadata fields by the name the script gives them."""
        found = {"round": self.audit_round, "case": self.case, "agency": self.agency}
        out = {k: v for k, v in found.items() if v is not None}
        if self.period is not None:
            out["period_start"] = self.period.start.isoformat()
            out["period_end"] = self.period.end.isoformat()
        return out


def _limits(question: AnyQuestion) -> dict[str, Any]:
    if isinstance(question, MultipleChoiceQuestion):
        return {"minSelected": question.min_selected, "maxSelected": question.max_selected}
    if isinstance(question, TextQuestion):
        return {"maxLength": question.max_length}
    if isinstance(question, NumberQuestion):
        return {
            "integer": question.integer,
            "minimum": question.minimum,
            "maximum": question.maximum,
            "unit": question.unit,
        }
    if isinstance(question, GroupQuestion):
        return {
            "entryLabel": question.entry_label,
            "minEntries": question.min_entries,
            "maxEntries": question.max_entries,
        }
    return {}


def _question(
    question: AnyQuestion, tool: Tool, form: Wording, file: Wording, indent: int = 2
) -> dict[str, Any]:
    words: QuestionWords = describe_question(question, tool, form)
    scale = tool.scale_of(question)
    rule = question.evidence
    data: dict[str, Any] = {
        "id": question.id,
        "type": question.type,
        "number": words.number,
        "text": question.text,
        "required": question.required,
        "guidance": question.guidance,
        "condition": words.condition,
        "when": question.when.model_dump(mode="json", by_alias=True)
        if question.when is not None
        else None,
        "answer": words.answer,
        "evidence": {"required": rule.required, "requiredFor": list(rule.required_for)}
        if rule is not None and (rule.required or rule.required_for)
        else None,
        "evidenceText": words.evidence,
        # at the indent the saved YAML writes it: answers at 2, a group entry's at 6
        "comment": question_comment(describe_question(question, tool, file), indent),
        **_limits(question),
    }
    if scale is not None:
        data["scale"] = scale.id
        data["options"] = [
            {
                "value": o.value,
                "label": o.label,
                "description": o.description,
                "score": w.score,
                "exclusive": o.exclusive,
            }
            for o, w in zip(scale.options, words.options, strict=True)
        ]
    if isinstance(question, GroupQuestion):
        data["questions"] = [
            _question(sub, tool, form, file, indent + 4) for sub in question.questions
        ]
    return data


def form_data(tool: Tool, prefill: FormPrefill | None = None) -> dict[str, Any]:
    """The data the fillable form's script reads: the tool's structure, conditions, rules and
    words, and the metadata the form locks. Plain JSON-able data."""
    prefill = prefill or FormPrefill()
    form, file = Wording.form(tool), Wording.file(tool)
    locked = prefill.locked()
    key = ":".join(
        ["audit-tool-form", tool.ref, locked.get("case", ""), locked.get("agency", "")]
    )
    return {
        "format": "audit-tool-form@1",
        "tool": {
            "id": tool.id,
            "version": tool.version,
            "ref": tool.ref,
            "title": tool.title,
            "theme": tool.theme,
            "description": tool.description,
            "fingerprint": tool.fingerprint,
        },
        "locked": locked,
        "storageKey": key,
        "header": [
            f"# A return for {tool.title} ({tool.ref}), saved from the fillable form.",
            *header_comment(tool)[1:],
        ],
        "sections": [
            {
                "id": section.id,
                "number": str(s),
                "title": section.title,
                "description": section.description,
                "comment": section_comment(s, section.title, section.description, 2),
                "questions": [_question(q, tool, form, file) for q in section.questions],
            }
            for s, section in enumerate(tool.sections, start=1)
        ],
    }
