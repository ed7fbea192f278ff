"""Walking a response against its tool: which questions apply, and each answer's place.

Validation, scoring and exports all need the same walk, so it lives here once,
and so does its counterpart, :func:`stray_answers`: the answers that stand
where the tool has no place for them.
Questions are visited in document order. A question *applies* when it has no
condition or its condition holds; conditions read only the answers of
questions that apply (an answer given where its question does not apply is
ignored, so it cannot switch on a later question). Inside a repeatable group,
each entry is walked on its own: a sub-question's condition reads its earlier
siblings in the same entry and the questions before the group.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from audit_tool import _pointer
from audit_tool._validation import field_names
from audit_tool.authoring.conditions import is_answered
from audit_tool.authoring.tool import AnyQuestion, GroupQuestion, QuestionRef, Tool
from audit_tool.responses._plan import SlotPlan
from audit_tool.responses.response import Answer, Response

__all__ = [
    "AnswerSlot",
    "StrayAnswer",
    "answer_pointer",
    "public_keys",
    "questions_reading",
    "stray_answers",
    "walk_answers",
]


def public_keys(tool: Tool) -> frozenset[str]:
    """The keys of a return that published output may show: the tool's question ids and the
    response format's field names. Any other key may be case data (evidence cut into a key
    by a flow-mapping comma), so a published pointer stops before it
    (:func:`audit_tool._pointer.known_prefix`)."""
    return frozenset({r.question.id for r in tool.iter_questions()} | field_names(Response))


@dataclass(frozen=True, slots=True)
class AnswerSlot:
    """One place an answer can stand: a question, or a sub-question in one group entry."""

    ref: QuestionRef
    """The question and where it is in the tool."""
    answer: Answer | None
    """The answer given, or ``None``."""
    applies: bool
    """True when the question's condition holds (and, in a group, the group applies)."""
    pointer: str
    """JSON pointer to the answer's place in the response document."""
    value_pointer: str
    """JSON pointer to the answer's value: ``pointer`` for a bare answer, ``pointer/value``
    for a full one (and when the walk was given no document)."""
    entry: int | None = None
    """The entry's index for a sub-question of a repeatable group."""
    entry_pointer: str | None = None
    """JSON pointer to that entry, for a sub-question of a repeatable group."""
    group_applies: bool = True
    """False for a sub-question whose group does not apply (its own slot says so)."""

    @property
    def question(self) -> AnyQuestion:
        """The question answered here."""
        return self.ref.question

    @property
    def answered(self) -> bool:
        """True when there is a non-empty answer value."""
        return self.answer is not None and is_answered(self.answer.value)


def answer_pointer(base: str, raw: Any) -> str:
    """Where the value of an answer written at ``base`` stands.

    A bare answer (``q: yes``) has its value at ``base``; a full one
    (``q: {value: yes}``) at ``base/value``. ``raw`` is the answer as written,
    or ``None`` when there is no source document (the full form is assumed).
    """
    if raw is None or isinstance(raw, dict):
        return _pointer.join(base, "value")
    return base


def _raw_child(raw: Any, key: str | int) -> Any:
    if isinstance(raw, dict) and isinstance(key, str):
        return raw.get(key)
    if isinstance(raw, list) and isinstance(key, int) and 0 <= key < len(raw):
        return raw[key]
    return None


def walk_answers(
    tool: Tool, response: Response, raw: Mapping[str, Any] | None = None
) -> Iterator[AnswerSlot]:
    """Every answer slot of ``response`` in document order.

    ``raw`` is the response document as read (``LoadedResponse.document.data``);
    with it, pointers follow the form the auditor wrote (bare or full).
    Sub-question slots follow their group's slot, entry by entry.
    """
    raw_answers = _raw_child(raw, "answers") if raw is not None else None
    if not isinstance(raw_answers, dict):
        raw_answers = None
    answers = response.answers
    values: dict[str, Any] = {}
    for plan in tool._plan.top:
        answer = answers.get(plan.id)
        when = plan.when
        applies = when is None or when.evaluate(values)
        raw_answer = raw_answers.get(plan.id) if raw_answers is not None else None
        full = raw_answer is None or isinstance(raw_answer, dict)
        yield AnswerSlot(plan.ref, answer, applies, plan.pointer,
                         plan.value_pointer if full else plan.pointer)
        if answer is not None:
            if applies:
                values[plan.id] = answer.value
            if plan.subs:
                yield from _walk_group(plan, answer, applies, values, raw_answer)


def _walk_group(
    group: SlotPlan,
    answer: Answer,
    applies: bool,
    outer: Mapping[str, Any],
    raw_answer: Any,
) -> Iterator[AnswerSlot]:
    entries_pointer = answer_pointer(group.pointer, raw_answer)
    raw_entries = _raw_child(raw_answer, "value") if isinstance(raw_answer, dict) else raw_answer
    for index, entry in enumerate(answer.entries):
        entry_pointer = f"{entries_pointer}/{index}"
        raw_entry = _raw_child(raw_entries, index)
        if not isinstance(raw_entry, dict):
            raw_entry = None
        values = dict(outer)
        for sub in group.subs:
            sub_answer = entry.get(sub.id)
            when = sub.when
            sub_applies = applies and (when is None or when.evaluate(values))
            sub_pointer = entry_pointer + sub.key
            raw_sub = raw_entry.get(sub.id) if raw_entry is not None else None
            full = raw_sub is None or isinstance(raw_sub, dict)
            yield AnswerSlot(
                sub.ref,
                sub_answer,
                sub_applies,
                sub_pointer,
                sub_pointer + "/value" if full else sub_pointer,
                index,
                entry_pointer,
                applies,
            )
            if sub_applies and sub_answer is not None:
                values[sub.id] = sub_answer.value


class StrayAnswer(NamedTuple):
    """An answer under a key the tool has no question for where it stands."""

    key: str
    """The key as written. Any text can be a key, so it may be case data: repeat it
    in words only when it looks like a question id."""
    pointer: str
    """JSON pointer to the answer in the response document."""
    owner: QuestionRef | None
    """The tool's question with this id, asked elsewhere; ``None`` when there is none."""
    group: GroupQuestion | None
    """The repeatable group whose entry holds the key; ``None`` for a key of ``answers``."""
    entry: int | None = None
    """The entry's index, for a key in a group entry."""


def stray_answers(
    tool: Tool, response: Response, raw: Mapping[str, Any] | None = None
) -> Iterator[StrayAnswer]:
    """Every answer of ``response`` that no question of ``tool`` takes where it stands.

    First the keys of ``answers`` that are no top-level question (unknown,
    retired, or a group's sub-question answered outside the group), in the
    response's order; then, group by group and entry by entry, the keys of an
    entry that are no sub-question of its group. Whether a question applies
    does not matter here. ``raw`` is as for :func:`walk_answers`.
    """
    for key in response.answers:
        owner = tool.question(key)
        if owner is None or owner.group is not None:
            yield StrayAnswer(key, _pointer.join("/answers", key), owner, None)
    raw_answers = _raw_child(raw, "answers") if raw is not None else None
    for plan in tool._plan.top:
        group = plan.question
        answer = response.answers.get(plan.id)
        if not isinstance(group, GroupQuestion) or answer is None:
            continue
        entries = answer_pointer(plan.pointer, _raw_child(raw_answers, group.id))
        sub_ids = {sub.id for sub in group.questions}
        for index, entry in enumerate(answer.entries):
            for key in entry:
                if key not in sub_ids:
                    pointer = _pointer.join(entries, index, key)
                    yield StrayAnswer(key, pointer, tool.question(key), group, index)


def questions_reading(tool: Tool, ids: Iterable[str]) -> frozenset[str]:
    """``ids`` and every question of ``tool`` whose applicability follows from them.

    The questions whose conditions read one of them, the questions whose
    conditions read those, and so on; for a repeatable group, its sub-questions
    (whether they apply follows from whether the group does). The given ids are
    included, so the result is what an answer left out, or a changed question,
    can make uncertain; take them out (``- set(ids)``) for the readers alone.
    """
    found = set(ids)
    stack = list(found)
    if not stack:
        return frozenset()
    readers: dict[str, list[str]] = {}
    for ref in tool.iter_questions():
        if ref.question.when is not None:
            for target, _path, _clause in ref.question.when.references():
                readers.setdefault(target, []).append(ref.question.id)
    while stack:
        current = stack.pop()
        follow = list(readers.get(current, ()))
        owner = tool.question(current)
        if owner is not None and isinstance(owner.question, GroupQuestion):
            follow.extend(sub.id for sub in owner.question.questions)
        for question_id in follow:
            if question_id not in found:
                found.add(question_id)
                stack.append(question_id)
    return frozenset(found)
