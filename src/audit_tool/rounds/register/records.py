"""Reading one return's records of events: each entry of the register group, defensively.

A return with errors elsewhere is still read here, entry by entry: an entry
whose kind is no option of its scale, or whose date is not written
``YYYY-MM-DD``, cannot be placed and gives a problem; every other entry is a
record. A part's answer counts only where its sub-question applies (its
condition, read over the entry and the return's top-level answers, holds) and
is an option of its scale.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from audit_tool import _pointer
from audit_tool._types import parse_date
from audit_tool.authoring.events import EventRegister
from audit_tool.authoring.tool import AnyQuestion, GroupQuestion, Tool
from audit_tool.codes import problem
from audit_tool.problems import Problem
from audit_tool.responses.answers import _raw_child, answer_pointer
from audit_tool.responses.response import Response
from audit_tool.rounds.register.model import Record

__all__ = ["RecordReader"]


@dataclass(frozen=True)
class _Sub:
    question: AnyQuestion
    options: frozenset[str]


class RecordReader:
    """Reads the records of one register group from returns; the tool is read once."""

    def __init__(self, tool: Tool, group: GroupQuestion, declaration: EventRegister) -> None:
        self.tool = tool
        self.group = group
        self.declaration = declaration
        subs = {sub.id: sub for sub in group.questions}

        def sub(question_id: str) -> _Sub:
            question = subs[question_id]
            scale = tool.scale_of(question)
            return _Sub(question, frozenset(scale.values) if scale is not None else frozenset())

        self.kind = sub(declaration.kind) if declaration.kind is not None else None
        self.single_kind = group.id
        """The kind every record has when the register declares no kind sub-question."""
        self.date = subs[declaration.date]
        self.parts = {role: sub(part.question) for role, part in declaration.parts()}
        self.order = tuple(group.questions)
        self.questions: dict[str, str] = {"date": declaration.date}
        self.questions.update((role, part.question) for role, part in declaration.parts())
        self._reads = {
            sub.id: tuple(dict.fromkeys(target for target, _, _ in sub.when.references()))
            for sub in self.order
            if sub.when is not None
        }
        self._applies: dict[tuple[str, tuple[Any, ...]], bool] = {}

    def _holds(self, sub: AnyQuestion, entry: Mapping[str, Any], outer: Mapping[str, Any]) -> bool:
        """Whether ``sub`` applies, its condition reading the entry's answers so far and the
        return's top-level ones; worked out once for each combination of the answers it
        reads (a round has thousands of entries and few combinations)."""
        if sub.when is None:
            return True
        read = tuple(entry[t] if t in entry else outer.get(t) for t in self._reads[sub.id])
        key = (sub.id, read)
        try:
            found = self._applies.get(key)
        except TypeError:  # a list (multiple choice) in the key: work it out each time
            return sub.when.evaluate({**outer, **entry})
        if found is None:
            found = self._applies[key] = sub.when.evaluate({**outer, **entry})
        return found

    @staticmethod
    def _full(raw_entry: Any) -> frozenset[str] | None:
        """The keys of an entry as written whose answers are in full form; ``None`` without
        the document (a response built in memory)."""
        if not isinstance(raw_entry, dict):
            return None
        return frozenset(k for k, v in raw_entry.items() if isinstance(v, dict))

    def group_pointer(self, raw: Mapping[str, Any] | None) -> str:
        """Where the group's answer stands in a return (its value, when it is there)."""
        base = _pointer.join("/answers", self.group.id)
        raw_answer = _raw_child(_raw_child(raw, "answers"), self.group.id)
        if raw is not None and raw_answer is None:
            return "/answers" if isinstance(_raw_child(raw, "answers"), dict) else ""
        return answer_pointer(base, raw_answer)

    def asked(self, response: Response) -> bool:
        """True when the group applies to ``response`` (its condition, if any, holds)."""
        when = self.group.when
        return when is None or when.evaluate(response.values())

    def read(
        self, response: Response, raw: Mapping[str, Any] | None, file: str
    ) -> Iterator[Record | Problem]:
        """Every record of ``response``, and a problem for each entry that cannot be placed."""
        answer = response.answers.get(self.group.id)
        if answer is None:
            return
        base = _pointer.join("/answers", self.group.id)
        raw_answer = _raw_child(_raw_child(raw, "answers"), self.group.id)
        entries_pointer = answer_pointer(base, raw_answer)
        raw_entries = (
            _raw_child(raw_answer, "value") if isinstance(raw_answer, dict) else raw_answer
        )
        outer = response.values()
        label = self.group.entry_label
        for index, entry in enumerate(answer.entries):
            entry_pointer = _pointer.join(entries_pointer, index)
            raw_entry = _raw_child(raw_entries, index)

            def where(question_id: str, pointer: str = entry_pointer, raw: Any = raw_entry) -> str:
                place = _pointer.join(pointer, question_id)
                return answer_pointer(place, _raw_child(raw, question_id))

            date_answer = entry.get(self.date.id)
            date_value = date_answer.value if date_answer is not None else None
            date = date_value if isinstance(date_value, datetime.date) else parse_date(date_value)
            kind: Any = self.single_kind
            if self.kind is not None:
                kind_id = self.kind.question.id
                kind_answer = entry.get(kind_id)
                kind = kind_answer.value if kind_answer is not None else None
                if not (isinstance(kind, str) and kind in self.kind.options):
                    yield problem(
                        "register-entry-unmatched",
                        f"{label} {index + 1} of '{self.group.id}' has no kind that is an "
                        f"option of '{kind_id}', so the register leaves it out",
                        where(kind_id) if kind_answer is not None else entry_pointer,
                    )
                    continue
            if date is None:
                yield problem(
                    "register-entry-unmatched",
                    f"{label} {index + 1} of '{self.group.id}' has no date written YYYY-MM-DD "
                    f"in '{self.date.id}', so the register leaves it out",
                    where(self.date.id) if date_answer is not None else entry_pointer,
                )
                continue
            values: dict[str, Any] = {}  # this entry's answers that apply, so far
            applies: dict[str, bool] = {}
            for sub in self.order:
                sub_answer = entry.get(sub.id)
                applies[sub.id] = self._holds(sub, values, outer)
                if applies[sub.id] and sub_answer is not None:
                    values[sub.id] = sub_answer.value
            parts: dict[str, str | None] = {}
            for role, part in self.parts.items():
                question_id = part.question.id
                value = values.get(question_id) if applies[question_id] else None
                parts[role] = value if isinstance(value, str) and value in part.options else None
            full = self._full(raw_entry)
            yield Record(response.case, response.agency, file, index, kind, date, parts,
                         entry_pointer, self.questions, full)
