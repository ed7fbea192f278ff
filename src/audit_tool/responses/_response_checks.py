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
from audit_tool.responses.answers import (
    AnswerSlot,
    StrayAnswer,
    questions_reading,
    stray_answers,
    walk_answers,
)
from audit_tool.responses.pseudonyms import identifying
from audit_tool.responses.response import Answer, Response

__all__ = [
    "CheckContext",
    "Fields",
    "applicability_problems",
    "check_fields",
    "check_metadata",
    "check_response",
    "evidence_date_problems",
    "evidence_problems",
    "evidence_wanted",
    "future_date",
    "needs_answer",
    "needs_evidence",
    "uncertain_questions",
    "unknown_answer_problems",
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
    head = check_metadata(ctx)
    yield from head
    if any(p.code in _OTHER_TOOL for p in head):
        return
    yield from _unknown_answers(ctx)
    yield from _slots(ctx)


_OTHER_TOOL = frozenset({"wrong-tool", "wrong-tool-version"})


def check_metadata(ctx: CheckContext) -> list[Problem]:
    """The problems of everything but the answers: the completion date, period and auditor,
    then which tool is answered (``wrong-tool``, ``wrong-tool-version``, after which the
    answers are not checked, or ``fingerprint-mismatch``)."""
    response = ctx.response
    period = response.period
    fields = Fields(
        response.tool.id,
        response.tool.version,
        response.tool.fingerprint,
        response.case,
        response.agency,
        response.auditor_role,
        response.completed,
        (period.start, period.end) if period is not None else None,
    )
    return check_fields(ctx.tool, fields, ctx.today)


@dataclass(frozen=True, slots=True)
class Fields:
    """A response's fields around its answers, as the checks read them."""

    tool_id: str
    tool_version: str
    fingerprint: str | None
    case: str
    agency: str
    auditor_role: str | None
    completed: datetime.date | None
    period: tuple[datetime.date, datetime.date] | None
    """The audit period's start and end."""


def check_fields(tool: Tool, fields: Fields, today: datetime.date) -> list[Problem]:
    """:func:`check_metadata` for the fields as read."""
    return [*_metadata(fields, today), *_tool_ref(tool, fields)]


# -- which tool ------------------------------------------------------------


def _tool_ref(tool: Tool, fields: Fields) -> Iterator[Problem]:
    if fields.tool_id != tool.id:
        yield problem(
            "wrong-tool",
            f"the response answers tool '{fields.tool_id}', not '{tool.id}'; its answers are "
            "not checked",
            "/tool/id",
        )
    elif fields.tool_version != tool.version:
        version = fields.tool_version
        older = (parse_semver(version) or ()) < (parse_semver(tool.version) or ())
        then = f", or migrate it to {tool.version}" if older else ""
        yield problem(
            "wrong-tool-version",
            f"the response answers {fields.tool_id}@{version}, not {tool.ref}; validate it "
            f"against version {version}{then}",
            "/tool/version",
        )
    elif fields.fingerprint is not None and fields.fingerprint != fingerprint(tool):
        yield problem(
            "fingerprint-mismatch",
            f"{tool.ref} has changed since this response was completed (the fingerprints "
            "differ): a published version must not change",
            "/tool/fingerprint",
        )


# -- completion date, period, auditor ---------------------------------------


def _metadata(fields: Fields, today: datetime.date) -> Iterator[Problem]:
    completed, period = fields.completed, fields.period
    if completed is None:
        yield problem(
            "missing-metadata",
            "a completed response needs 'completed:', the date it was completed (YYYY-MM-DD)",
            "/completed",
        )
    if period is None:
        yield problem(
            "missing-metadata",
            "a completed response needs 'period:', with the 'start' and 'end' of the audit period",
            "/period",
        )
    if fields.auditor_role is None or not fields.auditor_role.strip():
        yield problem(
            "missing-metadata",
            "a completed response needs 'auditor_role:', the lead auditor's role (never a name)",
            "/auditor_role",
        )
    yield from _pseudonymous(fields)
    dates = [("/completed", "the completion date", completed)]
    if period is not None:
        dates += [
            ("/period/start", "the period's start", period[0]),
            ("/period/end", "the period's end", period[1]),
        ]
    for pointer, name, day in dates:
        if day is not None and day > today:
            yield _future(f"{name} is {day}", today, pointer)
    if period is not None and period[0] > period[1]:
        yield problem(
            "period-start-after-end",
            f"the audit period starts on {period[0]}, after it ends on {period[1]}",
            "/period/start",
        )
    if period is not None and completed is not None and completed < period[1]:
        yield problem(
            "completed-before-period-ends",
            f"the response was completed on {completed}, before the audit period "
            f"ended on {period[1]}",
            "/completed",
        )


def _pseudonymous(fields: Fields) -> Iterator[Problem]:
    """Warnings for a case reference, agency or role that looks like it identifies someone
    (the value is never quoted)."""
    for pointer, what, value, instead in (
        ("/case", "the case reference", fields.case, "the partnership's pseudonym for the case"),
        ("/agency", "the agency", fields.agency, "the agency's id"),
        ("/auditor_role", "the auditor's role", fields.auditor_role, "a job title"),
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


def future_date(what: str, today: datetime.date, pointer: str) -> Problem:
    """``date-in-future``: ``what`` (a date, in words) falls after ``today``."""
    return problem("date-in-future", f"{what}, after today ({today})", pointer)


_future = future_date


# -- answers the tool has no place for ----------------------------------------


UNKNOWN_ANSWERS_LISTED = 20
"""How many answers the tool has no place for are listed one by one (each with its
did-you-mean); the rest are counted in one ``more-unknown-answers`` problem."""


def _unknown_answers(ctx: CheckContext) -> Iterator[Problem]:
    yield from unknown_answer_problems(ctx.tool, stray_answers(ctx.tool, ctx.response, ctx.raw))


def unknown_answer_problems(tool: Tool, strays: Iterable[StrayAnswer]) -> Iterator[Problem]:
    """``unknown-answer`` for each of ``strays`` (the answers that stand where ``tool`` has
    no question for them, in the order :func:`audit_tool.answers.stray_answers` gives),
    the first :data:`UNKNOWN_ANSWERS_LISTED` one by one, then one ``more-unknown-answers``."""
    top = tool._plan.top_ids
    listed, rest = 0, []
    for stray in strays:
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
    return evidence_wanted(question, answer.value, answer.evidence)


def evidence_wanted(question: AnyQuestion, value: Any, evidence: str | None) -> bool:
    """:func:`needs_evidence` for an answer's ``value`` and ``evidence`` as written."""
    rule = question.evidence
    return (
        is_given(question, value)
        and rule is not None
        and rule.requires(value)
        and not (evidence or "").strip()
    )


def applicability_problems(ctx: CheckContext, slot: AnswerSlot) -> Iterator[Problem]:
    """``missing-answer`` for a required question that applies and is not answered,
    ``unexpected-answer`` for an answer to one that does not apply."""
    return _applicability(ctx, slot)


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
    return evidence_problems(question, answer.value, answer.evidence, pointer)


def evidence_problems(
    question: AnyQuestion, value: Any, evidence: str | None, pointer: str
) -> Iterator[Problem]:
    """``evidence-missing`` when the answer's ``value`` needs evidence and ``evidence``
    is missing or blank; ``pointer`` is the answer's."""
    rule = question.evidence
    if rule is None or not evidence_wanted(question, value, evidence):
        return
    trigger = rule.trigger(value)
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
    period = ctx.response.period
    span = (period.start, period.end) if period is not None else None
    yield from evidence_date_problems(question, day, ctx.today, span, pointer)


def evidence_date_problems(
    question: AnyQuestion,
    day: datetime.date,
    today: datetime.date,
    period: tuple[datetime.date, datetime.date] | None,
    pointer: str,
) -> Iterator[Problem]:
    """An evidence date (``day``) after ``today``, or before the audit ``period`` (its start
    and end) began; ``pointer`` is the answer's."""
    where = _pointer.join(pointer, "evidence_date")
    if day > today:
        yield _future(f"the evidence for '{question.id}' is dated {day}", today, where)
    elif period is not None and period[0] <= period[1] and day < period[0]:
        yield problem(
            "evidence-before-period",
            f"the evidence for '{question.id}' is dated {day}, before the audit period began "
            f"on {period[0]}: if it is historical, say so; the panel reads evidence as "
            "current",
            where,
            question=question.id,
        )


def uncertain_questions(tool: Tool, left_out: Iterable[str]) -> frozenset[str]:
    """The questions left out and those whose applicability depends on them, directly or
    not (:func:`audit_tool.responses.answers.questions_reading`): whether they apply cannot
    be judged."""
    return questions_reading(tool, left_out)
