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

from dataclasses import dataclass
from typing import TYPE_CHECKING

from audit_tool import _pointer

if TYPE_CHECKING:
    from audit_tool.authoring.conditions import Condition
    from audit_tool.authoring.tool import AnyQuestion, QuestionRef, Tool

__all__ = ["SlotPlan", "ToolPlan", "compile_plan"]


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


@dataclass(frozen=True, slots=True)
class ToolPlan:
    """A tool compiled for walking responses."""

    top: tuple[SlotPlan, ...]
    """The top-level questions in document order."""
    top_ids: tuple[str, ...]
    """Their ids, in the same order."""
    options: dict[str, tuple[str, ...]]
    """Each scale's option values in order, by scale id."""


def compile_plan(tool: Tool) -> ToolPlan:
    """``tool`` compiled for walking responses (use ``tool._plan``, which keeps it)."""
    from audit_tool.authoring.tool import (
        GroupQuestion,
        MultipleChoiceQuestion,
        SingleChoiceQuestion,
    )

    options = {scale.id: scale.values for scale in reversed(tool.scales)}  # first id wins

    def slot(ref: QuestionRef, base: str) -> SlotPlan:
        question = ref.question
        key = _pointer.join("", question.id)
        pointer = base + key
        choices = None
        if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            choices = frozenset(options.get(question.scale, ()))
        subs: tuple[SlotPlan, ...] = ()
        if isinstance(question, GroupQuestion):
            subs = tuple(slot(sub_ref, "") for sub in question.questions
                         if (sub_ref := tool.question(sub.id)) is not None)
        return SlotPlan(ref, question, question.id, question.when, key, pointer,
                        pointer + "/value", choices, subs)

    top = tuple(slot(ref, "/answers") for ref in tool.iter_questions() if ref.group is None)
    return ToolPlan(top, tuple(s.id for s in top), options)
