"""The tool compiled once (``_plan``) walks and checks responses as working it all out does.

The references here are the straightforward way: walk ``tool.iter_questions()``
building every pointer, run every check on every slot. The library's walk and
checks read a plan compiled once per tool and skip checks that cannot find
anything; they must give the same slots, problems and scores.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from hypothesis import given

from audit_tool import Response, Tool, _pointer, validate_response
from audit_tool.authoring.tool import DateQuestion, GroupQuestion
from audit_tool.problems import Problem
from audit_tool.responses import _response_checks as checks
from audit_tool.responses._value_checks import check_value, is_given
from audit_tool.responses.answers import AnswerSlot, walk_answers
from audit_tool.responses.answers import _raw_child as _child
from audit_tool.responses.response import Answer
from audit_tool.rounds.scoring import score

from strategies import tools_with_mutated_responses, tools_with_responses

TODAY = datetime.date(2026, 11, 25)


def _value_at(base: str, raw: Any) -> str:
    return _pointer.join(base, "value") if raw is None or isinstance(raw, dict) else base


def reference_walk(
    tool: Tool, response: Response, raw: Mapping[str, Any] | None = None
) -> Iterator[AnswerSlot]:
    """The walk as the docs of walk_answers describe it, every pointer built as it goes."""
    raw_answers = _child(raw, "answers") if raw is not None else None
    values: dict[str, Any] = {}
    for ref in tool.iter_questions():
        if ref.group is not None:
            continue
        question = ref.question
        answer = response.answers.get(question.id)
        applies = question.when is None or question.when.evaluate(values)
        base = _pointer.join("/answers", question.id)
        raw_answer = _child(raw_answers, question.id)
        yield AnswerSlot(ref, answer, applies, base, _value_at(base, raw_answer))
        if applies and answer is not None:
            values[question.id] = answer.value
        if isinstance(question, GroupQuestion) and answer is not None:
            entries_at = _value_at(base, raw_answer)
            full = isinstance(raw_answer, dict)
            raw_entries = _child(raw_answer, "value") if full else raw_answer
            subs = [r for sub in question.questions if (r := tool.question(sub.id)) is not None]
            for index, entry in enumerate(answer.entries):
                entry_at = _pointer.join(entries_at, index)
                raw_entry = _child(raw_entries, index)
                inner = dict(values)
                for sub_ref in subs:
                    sub = sub_ref.question
                    sub_answer = entry.get(sub.id)
                    sub_applies = applies and (sub.when is None or sub.when.evaluate(inner))
                    at = _pointer.join(entry_at, sub.id)
                    yield AnswerSlot(sub_ref, sub_answer, sub_applies, at,
                                     _value_at(at, _child(raw_entry, sub.id)),
                                     index, entry_at, applies)
                    if sub_applies and sub_answer is not None:
                        inner[sub.id] = sub_answer.value


def reference_slots(ctx: checks.CheckContext) -> Iterator[Problem]:
    """Every check run on every slot of the reference walk, nothing skipped."""
    for slot in reference_walk(ctx.tool, ctx.response, ctx.raw):
        question = slot.question
        yield from checks._applicability(ctx, slot)
        answer: Answer | None = slot.answer
        if answer is None:
            continue
        if is_given(question, answer.value):
            where = slot.value_pointer
            yield from check_value(ctx.tool, question, answer.value, where)
            if isinstance(question, DateQuestion):
                day = checks.parse_date(answer.value)
                if day is not None and day > ctx.today:
                    yield checks._future(f"the answer to '{question.id}' is {day}",
                                         ctx.today, where)
        yield from checks._evidence(question, answer, slot.pointer)
        yield from checks._evidence_date(ctx, question, answer, slot.pointer)


@given(tools_with_responses())
def test_the_walk_gives_the_reference_slots(case: tuple[Tool, dict[str, Any]]) -> None:
    """walk_answers gives the reference walk's slots, with and without the document."""
    tool, data = case
    response = Response.model_validate(data)
    for raw in (data, None):
        assert list(walk_answers(tool, response, raw)) == list(
            reference_walk(tool, response, raw)
        )


@given(tools_with_mutated_responses())
def test_validation_gives_the_reference_problems(
    case: tuple[Tool, dict[str, Any], str | None],
) -> None:
    """A damaged response has the same problems, codes, pointers and messages, as when every
    check runs on every slot of the reference walk."""
    tool, data, _code = case
    found = validate_response(tool, data, today=TODAY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checks, "_slots", reference_slots)
        expected = validate_response(tool, data, today=TODAY)
    assert found == expected


@given(tools_with_responses())
def test_scores_are_the_reference_walks_scores(case: tuple[Tool, dict[str, Any]]) -> None:
    """Scores from the compiled walk are the scores from the reference walk."""
    tool, data = case
    response = Response.model_validate(data)
    found = score(tool, [response])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("audit_tool.rounds.scoring.walk_answers", reference_walk)
        expected = score(tool, [response])
    assert found == expected
