"""The fast path of :func:`audit_tool.validate_response` for plain data: one walk, no model.

A batch validates thousands of returns given as plain data. The full path
copies each one under the reader's limits (:func:`audit_tool._plain.plain_copy`),
builds the pydantic :class:`~audit_tool.response.Response`, then walks it
against the tool. For a return of the right shape those three steps find only
what one walk over the data itself finds, against the tool's plan
(``Tool._plan``): that walk is :func:`fast_problems`. As it goes it checks each
answer's shape, taking only what it is sure the model takes (exact dicts,
lists and scalars, finite numbers, evidence dates written ``YYYY-MM-DD``),
counts the nodes for the node limit, and runs the checks of
:mod:`audit_tool._response_checks` and :mod:`audit_tool._value_checks` on the
values as written. The few fields around the answers (tool, case, agency,
dates, period) are validated by the model itself, without the answers.

Whenever the data is anything else (a shape error anywhere, a type it does not
know, a return to another tool or version or migrated from one, more nodes
than the limit) it gives
``None`` and the full path reads the return, so every problem, message and
pointer is the full path's. ``tests/test_fast_validation.py`` holds the two to
the same problems on generated tools and returns, damaged and not.
"""

from __future__ import annotations

import datetime
import math
import re
from functools import cache
from typing import Any, cast

from audit_tool import _pointer
from audit_tool._types import ID_PATTERN, REF_PATTERN, parse_date
from audit_tool._yaml import DEFAULT_LIMITS
from audit_tool.authoring.tool import GroupQuestion, Tool
from audit_tool.problems import Problem
from audit_tool.responses._plan import SlotPlan
from audit_tool.responses._response_checks import (
    CheckContext,
    Fields,
    applicability_problems,
    check_fields,
    evidence_date_problems,
    evidence_problems,
    future_date,
    unknown_answer_problems,
)
from audit_tool.responses._value_checks import check_value
from audit_tool.responses.answers import AnswerSlot, StrayAnswer
from audit_tool.responses.response import FINGERPRINT_PATTERN, Answer, Period, Response, ToolRef

__all__ = ["fast_problems"]

_ANSWER_KEYS = frozenset({"value", "evidence", "evidence_date"})
_MAX_BITS = 1024  # as plain_copy: a larger integer is an invalid-number there
_DEEPEST = 8  # the deepest data this walk takes, far inside the depth limit
_SCALAR, _OPTIONS, _ENTRIES = 0, 1, 2
_ABSENT: Any = object()


class _Unsure(Exception):
    """The data is not what this walk takes: the full path reads it."""


def fast_problems(
    tool: Tool, data: dict[str, Any], today: datetime.date
) -> list[Problem] | None:
    """Every problem of the return ``data`` as an answer to ``tool``, sorted by place, as
    the full path gives them; ``None`` when this walk cannot be sure of them."""
    if DEFAULT_LIMITS.max_depth <= _DEEPEST:
        return None
    try:
        return _check(tool, data, today)
    except _Unsure:
        return None


def _check(tool: Tool, data: dict[str, Any], today: datetime.date) -> list[Problem]:
    answers = data.get("answers", _ABSENT)
    if answers is _ABSENT:
        answers = {}
    elif type(answers) is not dict:
        raise _Unsure
    fields, nodes = _fields(tool, data)
    nodes += 1 + len(data) + len(answers)
    head = check_fields(tool, fields, today)
    walk = _Walk(tool, today, fields.period)
    nodes += walk.top(answers)
    strays: list[StrayAnswer] = []
    top_keys = tool._plan.top_keys
    if top_keys is None or not top_keys.issuperset(answers):
        questions = tool._questions
        for key, raw in answers.items():
            if type(key) is not str:
                raise _Unsure
            owner = questions.get(key)
            if owner is None or owner.group is not None:
                strays.append(StrayAnswer(key, _pointer.join("/answers", key), owner, None))
                nodes += _stray_nodes(raw)
    if nodes > DEFAULT_LIMITS.max_nodes:
        raise _Unsure
    strays.extend(walk.strays)
    problems = [*head, *unknown_answer_problems(tool, strays), *walk.problems]
    return sorted(dict.fromkeys(problems), key=Problem.sort_key)


_KEYS = frozenset(Response.model_fields)
_TOOL_KEYS = frozenset(ToolRef.model_fields)
_PERIOD_KEYS = frozenset(Period.model_fields)
# The models' patterns, matched whole (pydantic's '$' is the end of the text; Python's
# would also take a final line break).
_ID = re.compile(ID_PATTERN.removeprefix("^").removesuffix("$"))
_REF = re.compile(REF_PATTERN.removeprefix("^").removesuffix("$"))
_FINGERPRINT = re.compile(FINGERPRINT_PATTERN.removeprefix("^").removesuffix("$"))


def _fields(tool: Tool, data: dict[str, Any]) -> tuple[Fields, int]:
    """The fields around the answers, read as the model reads them when they are plainly
    right (the tool's own id and version), and their nodes."""
    if not _KEYS.issuperset(data):
        raise _Unsure
    ref = data.get("tool")
    if type(ref) is not dict or not _TOOL_KEYS.issuperset(ref):
        raise _Unsure
    tool_id, version, mark = ref.get("id"), ref.get("version"), ref.get("fingerprint")
    if type(tool_id) is not str or tool_id != tool.id:
        raise _Unsure
    if type(version) is not str or version != tool.version:
        raise _Unsure
    if mark is not None and (type(mark) is not str or not _FINGERPRINT.fullmatch(mark)):
        raise _Unsure
    nodes = len(ref)
    for key, kind in (("migrated_from", list), ("unplaced_answers", dict)):
        if key in data and (type(data[key]) is not kind or data[key]):
            raise _Unsure  # a migrated return: the full path reads its steps
    round_id, case, agency = data.get("round"), data.get("case"), data.get("agency")
    if round_id is not None and not _matches(round_id, _REF, 64):
        raise _Unsure
    if not _matches(case, _REF, 40) or not _matches(agency, _ID, 64):
        raise _Unsure
    role = data.get("auditor_role")
    if role is not None and type(role) is not str:
        raise _Unsure
    period = data.get("period")
    span = None
    if period is not None:
        if type(period) is not dict or not _PERIOD_KEYS.issuperset(period):
            raise _Unsure
        nodes += len(period)
        start, end = period.get("start"), period.get("end")
        if start is not None or end is not None:
            first, last = _date(start), _date(end)
            if first is None or last is None:
                raise _Unsure
            span = (first, last)
    fields = Fields(tool_id, version, mark, cast(str, case), cast(str, agency), role,
                    _date(data.get("completed")), span)
    return fields, nodes


def _matches(value: Any, pattern: re.Pattern[str], longest: int) -> bool:
    return type(value) is str and len(value) <= longest and pattern.fullmatch(value) is not None


def _date(value: Any) -> datetime.date | None:
    """A date field as the model reads it: ``None``, a date, or text ``YYYY-MM-DD``."""
    if value is None or type(value) is datetime.date:
        return value
    day = parse_date(value) if type(value) is str else None
    if day is None:
        raise _Unsure
    return day


class _Walk:
    """The answers walked against the plan, slot by slot, as ``walk_answers`` and the
    checks of each slot (``_response_checks._slots``) go."""

    def __init__(
        self, tool: Tool, today: datetime.date, period: tuple[datetime.date, datetime.date] | None
    ) -> None:
        self.tool = tool
        self.today = today
        self.period = period
        self.problems: list[Problem] = []
        self.strays: list[StrayAnswer] = []

    def _context(self) -> CheckContext:
        # Asked only where there may be a problem: whether a question applies reads the
        # slot, never the response (no answer was left out on this path).
        return CheckContext(self.tool, _placeholder(), None, self.today)

    def top(self, answers: dict[str, Any]) -> int:
        """Walk every top-level slot; the nodes of the answers read."""
        return self.slots(self.tool._plan.top, answers, {}, True, "", None)

    def slots(
        self, plans: tuple[SlotPlan, ...], answers: dict[str, Any], values: dict[str, Any],
        group_applies: bool, entry_pointer: str, entry: int | None,
    ) -> int:
        """Walk ``plans`` over ``answers`` (the top-level answers, or one group entry with
        its pointer and index); the nodes of the answers read."""
        nodes = 0
        for plan in plans:
            raw = answers.get(plan.id, _ABSENT)
            holds = plan.holds
            applies = group_applies and (holds is None or holds(values))
            if raw is _ABSENT:
                if applies and plan.required:
                    self._missing(plan, entry_pointer, entry, group_applies)
                continue
            if type(raw) is dict:
                nodes += len(raw)
                value, evidence, day = _in_full(raw)
            else:
                value, evidence, day = raw, None, None
            if type(value) is str:
                form = _SCALAR
                options = plan.plain_options
                if value and applies and (value in options if options is not None
                                          else self._plainly_right(plan, value)):
                    # The usual answer: given, applying, right as it is.
                    wanted = plan.evidence_for
                    if (wanted is not None and (plan.evidence_always or value in wanted)
                            and not (evidence and evidence.strip())):
                        self._evidence(plan, value, evidence, entry_pointer + plan.pointer)
                    if day is not None:
                        self._evidence_date(plan, day, entry_pointer + plan.pointer)
                    if plan.read:  # only conditions read what the walk remembers
                        values[plan.id] = value
                    continue
            else:
                form, count = _form(value)
                nodes += count
            pointer = entry_pointer + plan.pointer
            where = pointer + "/value" if raw is None or type(raw) is dict else pointer
            self._slot(plan, value, evidence, day, applies, pointer, where, entry,
                       entry_pointer or None, group_applies)
            if applies and plan.read:
                values[plan.id] = value
            if form == _ENTRIES:
                if entry is not None or not plan.subs:
                    raise _Unsure  # entries for a question that is no group
                nodes += self._entries(plan, cast(list[dict[str, Any]], value), applies, values,
                                       where)
        return nodes

    def _plainly_right(self, plan: SlotPlan, value: str) -> bool:
        """True when the text ``value`` is an answer its question takes as it is: one of a
        single choice's options, a text no longer than the limit, a date not after today."""
        if plan.plain_options is not None:
            return value in plan.plain_options
        if plan.text_limit >= 0:
            return len(value) <= plan.text_limit
        if plan.kind == "date":
            day = parse_date(value)
            return day is not None and day <= self.today
        return False

    def _entries(
        self, group: SlotPlan, entries: list[dict[str, Any]], applies: bool,
        outer: dict[str, Any], entries_pointer: str,
    ) -> int:
        nodes = 0
        questions = self.tool._questions
        for index, entry in enumerate(entries):
            nodes += len(entry)
            for key in entry:
                if type(key) is not str:
                    raise _Unsure
                if key not in group.sub_ids:
                    _v, _e, _d, form, count = _answer(entry[key])
                    if form == _ENTRIES:
                        raise _Unsure  # groups do not nest
                    nodes += count
                    self.strays.append(StrayAnswer(
                        key, _pointer.join(entries_pointer, index, key), questions.get(key),
                        cast(GroupQuestion, group.question), index))
            nodes += self.slots(group.subs, entry, dict(outer), applies,
                                f"{entries_pointer}/{index}", index)
        return nodes

    def _missing(
        self, plan: SlotPlan, entry_pointer: str, entry: int | None, group_applies: bool
    ) -> None:
        pointer = entry_pointer + plan.pointer
        slot = AnswerSlot(plan.ref, None, True, pointer, pointer + "/value", entry,
                          entry_pointer or None, group_applies)
        self.problems.extend(applicability_problems(self._context(), slot))

    def _evidence(self, plan: SlotPlan, value: Any, evidence: str | None, pointer: str) -> None:
        self.problems.extend(evidence_problems(plan.question, value, evidence, pointer))

    def _evidence_date(self, plan: SlotPlan, day: datetime.date, pointer: str) -> None:
        self.problems.extend(
            evidence_date_problems(plan.question, day, self.today, self.period, pointer))

    def _slot(
        self, plan: SlotPlan, value: Any, evidence: str | None,
        day: datetime.date | None, applies: bool, pointer: str, where: str,
        entry: int | None, entry_pointer: str | None, group_applies: bool,
    ) -> None:
        """The checks of one answered slot, in the order the full path runs them."""
        question = plan.question
        given = value is not None and value != "" and (plan.kind == "group" or value != [])
        out = self.problems
        if (not applies or (plan.required and not given)) and group_applies:
            slot = AnswerSlot(plan.ref, Answer.model_construct(value=value), applies, pointer,
                              where, entry, entry_pointer, group_applies)
            out.extend(applicability_problems(self._context(), slot))
        if given:
            options = plan.options
            plainly = (plan.kind == "single_choice" and type(value) is str
                       and options is not None and value in options)
            if not plainly:
                out.extend(check_value(self.tool, question, value, where))
            if plan.kind == "date":
                answered = parse_date(value)
                if answered is not None and answered > self.today:
                    out.append(future_date(f"the answer to '{question.id}' is {answered}",
                                           self.today, where))
        if plan.evidence_for is not None:
            self._evidence(plan, value, evidence, pointer)
        if day is not None:
            self._evidence_date(plan, day, pointer)


@cache
def _placeholder() -> Response:
    """An empty response, made once, for the checks of a slot that are given one."""
    return Response.model_construct(tool=ToolRef.model_construct(id="", version=""), case="",
                                    agency="")


def _evidence_day(written: Any) -> datetime.date:
    day = parse_date(written) if type(written) is str else None
    if day is None:
        raise _Unsure
    return day


def _form(value: Any) -> tuple[int, int]:
    """The form of an answer's value that is not text (scalar, options or entries) and its
    nodes (for entries, the entries themselves are counted where they are walked)."""
    kind = type(value)
    if kind is list:
        if all(type(item) is str for item in value):
            return _OPTIONS, len(value)
        if all(type(item) is dict for item in value):
            return _ENTRIES, len(value)
        raise _Unsure
    if kind is int:
        if value.bit_length() > _MAX_BITS:
            raise _Unsure
    elif kind is float:
        if not math.isfinite(value):
            raise _Unsure
    elif not (kind is bool or value is None):
        raise _Unsure
    return _SCALAR, 0


def _in_full(raw: dict[str, Any]) -> tuple[Any, str | None, datetime.date | None]:
    """``(value, evidence, evidence date)`` of an answer written in full."""
    if not _ANSWER_KEYS.issuperset(raw):
        raise _Unsure
    evidence = raw.get("evidence")
    if evidence is not None and type(evidence) is not str:
        raise _Unsure
    written = raw.get("evidence_date")
    return raw.get("value"), evidence, None if written is None else _evidence_day(written)


def _answer(raw: Any) -> tuple[Any, str | None, datetime.date | None, int, int]:
    """``(value, evidence, evidence date, form, nodes)`` of an answer as written (bare or
    in full); for entries, the nodes of the entries themselves are not counted yet."""
    evidence = day = None
    nodes = 0
    if type(raw) is dict:
        nodes = len(raw)
        value, evidence, day = _in_full(raw)
    else:
        value = raw
    if type(value) is str:
        return value, evidence, day, _SCALAR, nodes
    form, count = _form(value)
    return value, evidence, day, form, nodes + count


def _stray_nodes(raw: Any) -> int:
    """The nodes of an answer under a key the tool has no question for (its shape checked,
    entries and all)."""
    value, _evidence, _day, form, nodes = _answer(raw)
    if form == _ENTRIES:
        for entry in value:
            nodes += len(entry)
            for key, sub in entry.items():
                if type(key) is not str:
                    raise _Unsure
                _v, _e, _d, sub_form, count = _answer(sub)
                if sub_form == _ENTRIES:
                    raise _Unsure
                nodes += count
    return nodes
