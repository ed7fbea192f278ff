"""A tool compiled once for walking responses: its slots, their pointers and option sets.

Validating, scoring and exporting a response walk it against its tool, and a
batch walks thousands of responses against the same tool. What does not depend
on the response is worked out here once per tool (``Tool._plan`` keeps it):
which questions are top-level and in what order, each one's pointer in a
response (escaped), its condition, its scale's option values, and for a
repeatable group the same for each sub-question, with its key escaped for the
entry pointers.

The walk itself (:func:`audit_tool.responses.answers.walk_answers`) and the checks read
the plan; they say what a slot means, the plan only spares working it out again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from audit_tool import _pointer

if TYPE_CHECKING:
    from audit_tool.authoring.conditions import Condition
    from audit_tool.authoring.tool import AnyQuestion, QuestionRef, Tool

__all__ = ["SlotPlan", "ToolPlan", "compile_condition", "compile_plan"]


@dataclass(frozen=True, slots=True)
class SlotPlan:
    """One question as the walk meets it."""

    ref: QuestionRef
    question: AnyQuestion
    id: str
    when: Condition | None
    key: str
    """``/`` and the question's id escaped: what a pointer to its answer ends with."""
    pointer: str
    """Its answer's pointer, for a top-level question (``/answers/ID``); ``key`` otherwise."""
    value_pointer: str
    """``pointer`` and ``/value``: where a full answer's value stands."""
    options: frozenset[str] | None
    """The option values of its scale, for a choice question."""
    subs: tuple[SlotPlan, ...] = ()
    """For a repeatable group, its sub-questions in order."""
    kind: str = ""
    """The question's ``type`` (``single_choice``, ``date``, ``group``...)."""
    required: bool = True
    """Whether the question needs an answer when it applies."""
    sub_ids: frozenset[str] = frozenset()
    """For a repeatable group, the ids of its sub-questions: the keys an entry may hold."""
    holds: Callable[[Mapping[str, Any]], bool] | None = None
    """``when.evaluate``, compiled (:func:`compile_condition`); ``None`` without a condition."""
    evidence_for: frozenset[str] | None = None
    """The option values whose answer needs evidence (``None``: the question has no evidence
    rule); with ``evidence_always``, every answer does."""
    evidence_always: bool = False
    """The evidence rule asks for evidence with every answer."""
    plain_options: frozenset[str] | None = None
    """For a single choice, its option values: an answer that is one needs no check of its
    value."""
    text_limit: int = -1
    """For a text question, the longest answer that needs no check of its value (any, without
    a ``max_length``); -1 for other questions."""
    read: bool = True
    """Some condition of the tool reads this question's answer (else the walk need not
    remember it)."""


@dataclass(frozen=True, slots=True)
class ToolPlan:
    """A tool compiled for walking responses."""

    top: tuple[SlotPlan, ...]
    """The top-level questions in document order."""
    top_ids: tuple[str, ...]
    """Their ids, in the same order."""
    options: dict[str, tuple[str, ...]]
    """Each scale's option values in order, by scale id."""
    top_keys: frozenset[str] | None = None
    """The top-level ids when each is one question's, asked at the top level: a response
    whose every answer has one of these keys has no answer the tool has no place for there
    (``None`` when an id is used twice)."""


def compile_plan(tool: Tool) -> ToolPlan:
    """``tool`` compiled for walking responses (use ``tool._plan``, which keeps it)."""
    from audit_tool.authoring.tool import (
        GroupQuestion,
        MultipleChoiceQuestion,
        SingleChoiceQuestion,
    )

    options = {scale.id: scale.values for scale in reversed(tool.scales)}  # first id wins
    read = {target for ref in tool.iter_questions() if ref.question.when is not None
            for target, _path, _clause in ref.question.when.references()}

    def slot(ref: QuestionRef, base: str) -> SlotPlan:
        question = ref.question
        key = _pointer.join("", question.id)
        pointer = base + key
        choices = None
        if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            choices = frozenset(options.get(question.scale, ()))
        subs: tuple[SlotPlan, ...] = ()
        sub_ids: frozenset[str] = frozenset()
        if isinstance(question, GroupQuestion):
            subs = tuple(slot(sub_ref, "") for sub in question.questions
                         if (sub_ref := tool.question(sub.id)) is not None)
            sub_ids = frozenset(sub.id for sub in question.questions)
        rule = question.evidence
        return SlotPlan(
            ref, question, question.id, question.when, key, pointer, pointer + "/value",
            choices, subs, question.type, question.required, sub_ids,
            compile_condition(question.when) if question.when is not None else None,
            frozenset(rule.required_for) if rule is not None else None,
            rule is not None and rule.required,
            choices if isinstance(question, SingleChoiceQuestion) else None,
            _text_limit(question),
            question.id in read,
        )

    top = tuple(slot(ref, "/answers") for ref in tool.iter_questions() if ref.group is None)
    ids = tuple(s.id for s in top)
    owned = len(set(ids)) == len(ids) and all(
        (ref := tool.question(i)) is not None and ref.group is None for i in ids)
    return ToolPlan(top, ids, options, frozenset(ids) if owned else None)


def _text_limit(question: AnyQuestion) -> int:
    from audit_tool.authoring.tool import TextQuestion

    if not isinstance(question, TextQuestion):
        return -1
    return sys.maxsize if question.max_length is None else question.max_length


def compile_condition(when: Condition) -> Callable[[Mapping[str, Any]], bool]:
    """``when.evaluate`` as a function that gives the same answer on any values, quicker for
    the usual comparison of a text answer with text (any other answer is left to
    ``evaluate`` itself)."""
    from audit_tool.authoring.conditions import AllOf, AnyOf, Equals, InValues, Not

    slow = when.evaluate
    if isinstance(when, Equals) and type(when.equals) is str:
        target, expected = when.question, when.equals

        def equals(values: Mapping[str, Any]) -> bool:
            answer = values.get(target)
            return answer == expected if type(answer) is str else slow(values)

        return equals
    if isinstance(when, InValues) and all(type(v) is str for v in when.in_):
        target, allowed = when.question, frozenset(when.in_)

        def one_of(values: Mapping[str, Any]) -> bool:
            answer = values.get(target)
            return answer in allowed if type(answer) is str else slow(values)

        return one_of
    if isinstance(when, Not):
        inner = compile_condition(when.not_)
        return lambda values: not inner(values)
    if isinstance(when, (AllOf, AnyOf)):
        parts = tuple(compile_condition(c) for c in (when.all if isinstance(when, AllOf)
                                                      else when.any))
        if isinstance(when, AllOf):
            return lambda values: all(part(values) for part in parts)
        return lambda values: any(part(values) for part in parts)
    return slow
