"""The checks of a response against its tool, each a generator of problems.

Pointers lead into the response document; :func:`audit_tool.validate_response`
places them in the file. Which questions apply, and where each answer stands,
comes from the one walk, :func:`audit_tool.responses.answers.walk_answers`.

Messages name questions, groups, rules and dates, never a free-text answer,
evidence, the auditor's role or the case reference.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from audit_tool import _pointer
from audit_tool._types import parse_date, parse_semver
from audit_tool._validation import suggestion
from audit_tool.authoring.fingerprints import fingerprint
from audit_tool.authoring.tool import (
    AnyQuestion,
    DateQuestion,
    GroupQuestion,
    SingleChoiceQuestion,
    Tool,
)
from audit_tool.codes import problem
from audit_tool.problems import Problem
from audit_tool.responses._value_checks import check_value, is_given
from audit_tool.responses.answers import AnswerSlot, questions_reading, stray_answers, walk_answers
from audit_tool.responses.pseudonyms import identifying
from audit_tool.responses.response import Answer, Response

__all__ = [
    "CheckContext",
    "check_response",
    "needs_answer",
    "needs_evidence",
    "uncertain_questions",
]


@dataclass(frozen=True)
class CheckContext:
    """What the checks read."""

    tool: Tool
    response: Response
    raw: Mapping[str, Any] | None
    """The document as written (bare or full answers), or ``None`` without one."""
    today: datetime.date
    uncertain: frozenset[str] = field(default_factory=frozenset)
    """Questions whose applicability cannot be judged, because an answer their
    condition reads was left out for a shape error."""


def check_response(ctx: CheckContext) -> Iterator[Problem]:
    """Every problem of ``ctx.response`` as an answer to ``ctx.tool``.

    When the response names another tool or version, its answers are not
    checked: they answer other questions.
    """
    yield from _metadata(ctx)
    ref = list(_tool_ref(ctx))
    yield from ref
    if any(p.code != "fingerprint-mismatch" for p in ref):
        return
    yield from _unknown_answers(ctx)
    yield from _slots(ctx)


# -- which tool ------------------------------------------------------------


def _tool_ref(ctx: CheckContext) -> Iterator[Problem]:
    tool, ref = ctx.tool, ctx.response.tool
    if ref.id != tool.id:
        yield problem(
            "wrong-tool",
            f"the response answers tool '{ref.id}', not '{tool.id}'; its answers are not checked",
            "/tool/id",
        )
    elif ref.version != tool.version:
        older = (parse_semver(ref.version) or ()) < (parse_semver(tool.version) or ())
        then = f", or migrate it to {tool.version}" if older else ""
        yield problem(
            "wrong-tool-version",
            f"the response answers {ref.ref}, not {tool.ref}; validate it against "
            f"version {ref.version}{then}",
            "/tool/version",
        )
    elif ref.fingerprint is not None and ref.fingerprint != fingerprint(tool):
        yield problem(
            "fingerprint-mismatch",
            f"{tool.ref} has changed since this response was completed (the fingerprints "
            "differ): a published version must not change",
            "/tool/fingerprint",
        )


# -- completion date, period, auditor ---------------------------------------


def _metadata(ctx: CheckContext) -> Iterator[Problem]:
    response, today = ctx.response, ctx.today
    if response.completed is None:
        yield problem(
            "missing-metadata",
            "a completed response needs 'completed:', the date it was completed (YYYY-MM-DD)",
            "/completed",
        )
    if response.period is None:
        yield problem(
            "missing-metadata",
            "a completed response needs 'period:', with the 'start' and 'end' of the audit period",
            "/period",
        )
    if response.auditor_role is None or not response.auditor_role.strip():
        yield problem(
            "missing-metadata",
            "a completed response needs 'auditor_role:', the lead auditor's role (never a name)",
            "/auditor_role",
        )
    yield from _pseudonymous(response)
    period = response.period
    dates = [("/completed", "the completion date", response.completed)]
    if period is not None:
        dates += [
            ("/period/start", "the period's start", period.start),
            ("/period/end", "the period's end", period.end),
        ]
    for pointer, name, day in dates:
        if day is not None and day > today:
            yield _future(f"{name} is {day}", today, pointer)
    if period is not None and period.start > period.end:
        yield problem(
            "period-start-after-end",
            f"the audit period starts on {period.start}, after it ends on {period.end}",
            "/period/start",
        )
    if period is not None and response.completed is not None and response.completed < period.end:
        yield problem(
            "completed-before-period-ends",
            f"the response was completed on {response.completed}, before the audit period "
            f"ended on {period.end}",
            "/completed",
        )


def _pseudonymous(response: Response) -> Iterator[Problem]:
    """Warnings for a case reference, agency or role that looks like it identifies someone
    (the value is never quoted)."""
    for pointer, what, value, instead in (
        ("/case", "the case reference", response.case, "the partnership's pseudonym for the case"),
        ("/agency", "the agency", response.agency, "the agency's id"),
        ("/auditor_role", "the auditor's role", response.auditor_role, "a job title"),
    ):
        role = pointer == "/auditor_role"
        kind = identifying(value, role=role) if isinstance(value, str) else None
        if kind is not None:
            yield problem(
                "looks-identifying",
                f"{what} looks like {kind.value}; write {instead}, never a name or other "
                "personal detail",
                pointer,
                kind=kind.name.lower(),
            )


def _future(what: str, today: datetime.date, pointer: str) -> Problem:
    return problem("date-in-future", f"{what}, after today ({today})", pointer)


# -- answers the tool has no place for ----------------------------------------


UNKNOWN_ANSWERS_LISTED = 20
"""How many answers the tool has no place for are listed one by one (each with its
did-you-mean); the rest are counted in one ``more-unknown-answers`` problem."""


def _unknown_answers(ctx: CheckContext) -> Iterator[Problem]:
    tool = ctx.tool
    top = tool._plan.top_ids
    listed, rest = 0, []
    for stray in stray_answers(tool, ctx.response, ctx.raw):
        if listed >= UNKNOWN_ANSWERS_LISTED:
            rest.append(stray.pointer)
            continue
        listed += 1
        key, owner, group = stray.key, stray.owner, stray.group
        if group is not None and owner is not None:
            message = (
                f"'{key}' is not asked per {group.entry_label}; answer it outside "
                f"group '{group.id}'"
            )
        elif group is not None:
            sub_ids = [sub.id for sub in group.questions]
            message = (
                f"group '{group.id}' has no question for this key"
                f"{suggestion(key, sub_ids)}"
            )
        elif owner is not None and owner.group is not None:
            message = (
                f"'{key}' is asked in each {owner.group.entry_label} of group "
                f"'{owner.group.id}'; answer it inside the group's entries"
            )
        elif key in tool.retired_ids:
            message = (
                f"question '{key}' is retired in {tool.ref}; migrate the response "
                "to this version"
            )
        else:
            message = f"{tool.ref} has no question for this key{suggestion(key, top)}"
        yield problem("unknown-answer", message, stray.pointer, at_key=True)
    if rest:
        yield problem(
            "more-unknown-answers",
            f"{len(rest):,} more answers stand where {tool.ref} has no question for them "
            f"(the first {UNKNOWN_ANSWERS_LISTED} are listed); this is the first of them",
            rest[0],
            at_key=True,
            count=len(rest),
        )


# -- each answer slot: applies?, value, evidence, dates -----------------------


def _slots(ctx: CheckContext) -> Iterator[Problem]:
    # The tests before each check only skip what cannot give a problem: a batch
    # meets tens of thousands of slots, nearly all of them fine.
    for slot in walk_answers(ctx.tool, ctx.response, ctx.raw):
        question = slot.question
        answer = slot.answer
        given = answer is not None and is_given(question, answer.value)
        if not slot.applies or (question.required and not given):
            yield from _applicability(ctx, slot)
        if answer is None:
            continue
        if given:
            where = slot.value_pointer
            if not _plainly_an_option(ctx.tool, question, answer.value):
                yield from check_value(ctx.tool, question, answer.value, where)
            if isinstance(question, DateQuestion):
                day = parse_date(answer.value)
                if day is not None and day > ctx.today:
                    yield _future(f"the answer to '{question.id}' is {day}", ctx.today, where)
        if question.evidence is not None:
            yield from _evidence(question, answer, slot.pointer)
        if answer.evidence_date is not None:
            yield from _evidence_date(ctx, question, answer, slot.pointer)


def _plainly_an_option(tool: Tool, question: AnyQuestion, value: Any) -> bool:
    """True for a single choice answered with one of its options: nothing to check."""
    if type(question) is not SingleChoiceQuestion or type(value) is not str:
        return False
    options = tool._plan.options.get(question.scale)
    return options is not None and value in options


def needs_answer(slot: AnswerSlot) -> bool:
    """True when the slot's question applies, is required, and has no answer given."""
    answer = slot.answer
    given = answer is not None and is_given(slot.question, answer.value)
    return slot.applies and slot.question.required and not given


def needs_evidence(question: AnyQuestion, answer: Answer) -> bool:
    """True when ``answer`` is given, its question's evidence rule asks for evidence with
    it, and the evidence is missing or blank."""
    rule = question.evidence
    return (
        is_given(question, answer.value)
        and rule is not None
        and rule.requires(answer.value)
        and not (answer.evidence or "").strip()
    )


def _applicability(ctx: CheckContext, slot: AnswerSlot) -> Iterator[Problem]:
    question, group = slot.question, slot.ref.group
    if question.id in ctx.uncertain or (group is not None and group.id in ctx.uncertain):
        return
    if not slot.group_applies:
        return  # the group's own slot says so, once
    where = _where(slot)
    if needs_answer(slot):
        if isinstance(question, GroupQuestion):
            needs = f" (at least {question.min_entries})" if question.min_entries else ""
            message = (
                f"group '{question.id}' is required: give the list of "
                f"{question.entry_label}s{needs}, an empty list if there were none"
            )
        else:
            when = " applies here and" if question.when is not None else ""
            message = f"question '{question.id}'{when} is required, but {where} does not answer it"
        yield problem("missing-answer", message, slot.pointer, question=question.id)
    elif not slot.applies and slot.answered:
        yield problem(
            "unexpected-answer",
            f"question '{question.id}' does not apply to {where} (its condition does not "
            "hold), so its answer is ignored",
            slot.pointer,
            question=question.id,
        )


def _where(slot: AnswerSlot) -> str:
    group = slot.ref.group
    if group is None or slot.entry is None:
        return "this response"
    return f"{group.entry_label} {slot.entry + 1} of '{group.id}'"


def _evidence(question: AnyQuestion, answer: Answer, pointer: str) -> Iterator[Problem]:
    rule = question.evidence
    if rule is None or not needs_evidence(question, answer):
        return
    trigger = rule.trigger(answer.value)
    when = "with every answer" if rule.required else f"when the answer is '{trigger}'"
    yield problem(
        "evidence-missing",
        f"question '{question.id}' needs evidence {when}: give the answer as "
        "'value:' with 'evidence:'",
        pointer,
        question=question.id,
    )


def _evidence_date(
    ctx: CheckContext, question: AnyQuestion, answer: Answer, pointer: str
) -> Iterator[Problem]:
    day = answer.evidence_date
    if day is None:
        return
    where = _pointer.join(pointer, "evidence_date")
    period = ctx.response.period
    if day > ctx.today:
        yield _future(f"the evidence for '{question.id}' is dated {day}", ctx.today, where)
    elif period is not None and period.start <= period.end and day < period.start:
        yield problem(
            "evidence-before-period",
            f"the evidence for '{question.id}' is dated {day}, before the audit period began "
            f"on {period.start}: if it is historical, say so; the panel reads evidence as "
            "current",
            where,
            question=question.id,
        )


def uncertain_questions(tool: Tool, left_out: Iterable[str]) -> frozenset[str]:
    """The questions left out and those whose applicability depends on them, directly or
    not (:func:`audit_tool.responses.answers.questions_reading`): whether they apply cannot
    be judged."""
    return questions_reading(tool, left_out)
