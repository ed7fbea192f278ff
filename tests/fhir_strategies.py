"""Hypothesis strategies for the FHIR tests: complete, valid returns to any tool.

``complete_returns(tool)`` answers every question that applies (and some optional
ones), in order, so that each condition reads the answers drawn before it, as an
auditor works through the form. Values are ones the question allows; evidence
comes wherever the question's rule asks for it.
"""

from __future__ import annotations

import datetime
import math
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from audit_tool import Response, Tool
from audit_tool.tool import (
    AnyQuestion,
    DateQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    SingleChoiceQuestion,
    TextQuestion,
)

free_text = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF), min_size=1,
                    max_size=40).map(str.strip).filter(bool)
dates = st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 12, 31)).map(str)


def _value(draw: Any, tool: Tool, question: AnyQuestion) -> Any:
    if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        scale = tool.scale(question.scale)
        assert scale is not None
        if isinstance(question, SingleChoiceQuestion):
            return draw(st.sampled_from(scale.values))
        exclusive = [o.value for o in scale.options if o.exclusive]
        if exclusive and draw(st.booleans()):
            return [draw(st.sampled_from(exclusive))]
        others = [o.value for o in scale.options if not o.exclusive]
        low = min(max(question.min_selected or 1, 1), len(others))
        high = min(question.max_selected or len(others), len(others))
        return draw(st.lists(st.sampled_from(others), min_size=low, max_size=max(low, high),
                             unique=True))
    if isinstance(question, NumberQuestion):
        low = question.minimum if question.minimum is not None else -1000
        high = question.maximum if question.maximum is not None else 1000
        if question.integer:
            return draw(st.integers(math.ceil(low), math.floor(high)))
        quarters = draw(st.integers(math.ceil(low * 4), math.floor(high * 4)))
        return quarters / 4
    if isinstance(question, DateQuestion):
        return draw(dates)
    assert isinstance(question, TextQuestion)
    text = draw(free_text)
    return (text[: question.max_length].strip() or "x") if question.max_length else text


def _answer(draw: Any, tool: Tool, question: AnyQuestion, value: Any) -> Any:
    """The value, written bare or in full with evidence (always when the rule asks)."""
    needs = question.evidence is not None and question.evidence.requires(value)
    if not needs and draw(st.integers(0, 3)):
        return value
    full: dict[str, Any] = {"value": value}
    if needs or draw(st.booleans()):
        full["evidence"] = draw(free_text)
    if draw(st.booleans()):
        full["evidence_date"] = draw(dates)
    return full


def _answers(
    draw: Any, tool: Tool, questions: list[AnyQuestion], outer: dict[str, Any]
) -> dict[str, Any]:
    """Answers to ``questions`` in order; ``outer`` holds what earlier questions were given."""
    values = dict(outer)
    answers: dict[str, Any] = {}
    for question in questions:
        if question.when is not None and not question.when.evaluate(values):
            continue
        if not question.required and draw(st.integers(0, 2)) == 0:
            continue
        if isinstance(question, GroupQuestion):
            low = question.min_entries
            high = min(question.max_entries or low + 3, low + 3)
            count = draw(st.integers(low, max(low, high)))
            entries = [_answers(draw, tool, list(question.questions), values)
                       for _ in range(count)]
            # An entry that answers nothing has no place in FHIR (docs/fhir.md).
            entries = [e for e in entries if e]
            assume(len(entries) >= low)
            answers[question.id] = entries
            values[question.id] = entries
            continue
        value = _value(draw, tool, question)
        answers[question.id] = _answer(draw, tool, question, value)
        values[question.id] = value
    return answers


@st.composite
def complete_returns(draw: Any, tool: Tool) -> Response:
    """A completed return to ``tool`` that answers everything that applies and is required."""
    questions = [q for section in tool.sections for q in section.questions]
    data = {
        "tool": {"id": tool.id, "version": tool.version},
        "round": draw(st.sampled_from([None, "2026-11-neglect"])),
        "case": draw(st.sampled_from(["C1", "C2", "case.7"])),
        "agency": draw(st.sampled_from(["police", "health_acute", "school"])),
        "completed": "2026-11-20",
        "answers": _answers(draw, tool, questions, {}),
    }
    return Response.model_validate(data)
