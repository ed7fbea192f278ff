"""What a round's register holds: records, events, one column per agency, rates.

A *record* is one entry of one agency's return: that agency's account of one
event. An *event* is the records of one case that are the same event (same
kind, dates within the tolerance); its *cells* say, for every agency invited
to the case, what that agency's return says about it. Nothing here quotes an
answer's free text or evidence: a record holds option values and a date.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from audit_tool.authoring.events import PART_ROLES, EventRegister
from audit_tool.problems import Problem
from audit_tool.rounds.scoring import percent_of

__all__ = [
    "CaseRegister",
    "Cell",
    "CellState",
    "Event",
    "Rate",
    "Record",
    "RoundRegister",
]


class CellState(StrEnum):
    """What an invited agency's return says about one event."""

    RECORDED = "recorded"
    """The return records the event; its attendance answer says how the agency took part."""
    NO_RECORD = "no_record"
    """The agency's return has no record of an event other agencies recorded."""
    NOT_ASKED = "not_asked"
    """The return does not ask about events (the group's condition does not hold for it)."""
    NO_RETURN = "no_return"
    """Invited to audit the case, but no return came back."""
    UNABLE = "unable"
    """The agency could not take part in the round."""
    LEFT_OUT = "left_out"
    """A return came back but the register cannot read it (another tool version, a duplicate)."""


@dataclass(frozen=True, slots=True)
class Record:
    """One agency's record of one event: an entry of the register group in its return."""

    case: str
    agency: str
    file: str
    """The return's file, as problems name it."""
    entry: int
    """The entry's index in the group's list (0-based)."""
    kind: str
    """The kind sub-question's option value."""
    date: datetime.date
    parts: Mapping[str, str | None]
    """By part (``attendance``, ``report``...): the option answered, or ``None`` when the
    sub-question does not apply, is not answered, or is answered with no option of its scale."""
    entry_pointer: str
    """JSON pointer to the entry in the return."""
    questions: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """By part, and ``date``: the sub-question's id (the same for every record of a group)."""
    full: frozenset[str] | None = None
    """The sub-questions whose answer the entry writes in full (``value:``, ``evidence:``),
    whose pointers lead to their value; ``None`` when read without the document, where every
    answer is taken to be in full, as :func:`~audit_tool.responses.answers.answer_pointer` does."""

    @property
    def key(self) -> tuple[datetime.date, str, int]:
        """Orders records the same way whatever order the returns were read in."""
        return (self.date, self.agency, self.entry)

    def pointer(self, role: str) -> str:
        """JSON pointer to the value of the sub-question that gives ``role`` (``date``,
        ``report``...), or to the entry for ``entry``. Worked out only when a flag needs it:
        a round has thousands of records and few flags each."""
        if role == "entry":
            return self.entry_pointer
        question = self.questions[role]  # an identifier: nothing to escape
        place = f"{self.entry_pointer}/{question}"
        return place + "/value" if self.full is None or question in self.full else place


@dataclass(frozen=True, slots=True)
class Cell:
    """One agency's column in one event's row."""

    state: CellState
    record: Record | None = None
    """The agency's record of the event (its first, when it has two: see ``duplicates``)."""
    duplicates: tuple[Record, ...] = ()
    """Further records in the same return that look like the same event."""

    def part(self, role: str) -> str | None:
        """The option the agency's record answers for ``role``, or ``None``."""
        return None if self.record is None else self.record.parts.get(role)


@dataclass(frozen=True)
class Event:
    """One event of one case, reconciled across the returns of the agencies invited to it."""

    kind: str
    dates: tuple[datetime.date, ...]
    """Every date the records give, earliest first, each once."""
    cells: Mapping[str, Cell]
    """By agency, for every agency invited to the case, in manifest order."""
    ambiguous: bool = False
    """The records chain together over more days than the tolerance allows."""

    @property
    def date(self) -> datetime.date:
        """The earliest date any record gives."""
        return self.dates[0]

    @cached_property
    def recorded_by(self) -> tuple[str, ...]:
        """The agencies whose returns record the event."""
        return tuple(a for a, c in self.cells.items() if c.state is CellState.RECORDED)

    @property
    def records(self) -> tuple[Record, ...]:
        """Every record of the event, duplicates included, in a fixed order."""
        found = [r for c in self.cells.values() if c.record for r in (c.record, *c.duplicates)]
        return tuple(sorted(found, key=lambda r: r.key))


@dataclass(frozen=True, slots=True)
class CaseRegister:
    """The events of one case, a row each, and a column per invited agency."""

    case: str
    agencies: tuple[str, ...]
    """The agencies invited to the case, in manifest order, each once."""
    events: tuple[Event, ...]
    """Earliest first (ties: in the order of the kind's options)."""
    columns: Mapping[str, CellState]
    """By agency: what the register could read (``recorded`` for a return it read)."""


@dataclass(frozen=True, slots=True)
class Rate:
    """How often a part was done: ``done`` of ``of`` records that say either way."""

    done: int = 0
    of: int = 0

    @property
    def percent(self) -> float | None:
        """``100·done/of``; ``None`` when no record says."""
        return percent_of(self.done, self.of)

    def __add__(self, other: Rate) -> Rate:
        return Rate(self.done + other.done, self.of + other.of)

    def to_dict(self) -> dict[str, Any]:
        """``{"done", "of", "percent"}``."""
        return {"done": self.done, "of": self.of, "percent": self.percent}


RATE_NAMES = ("recorded", *PART_ROLES)
"""The rates a register gives: events recorded (of those others recorded), then each part."""


@dataclass(frozen=True)
class RoundRegister:
    """The register of a round: every case's events, the round's rates, and the flags."""

    round: str
    tool_ref: str
    group: str
    """The id of the repeatable group declared a register."""
    title: str
    """What the register is of, in words: the title of the section the group stands in."""
    entry_label: str
    """What one entry is called (``meeting``)."""
    declaration: EventRegister
    kinds: Mapping[str, str]
    """The kinds of event, option value -> label, in the scale's order."""
    labels: Mapping[str, Mapping[str, str]]
    """By part, option value -> label, for renderers."""
    agencies: Mapping[str, str]
    """Agency id -> name, every agency of the round, in manifest order."""
    cases: tuple[CaseRegister, ...]
    rates: Mapping[str, Mapping[str, Mapping[str, Rate]]]
    """``agency -> kind -> rate name -> Rate``; kind ``all`` sums the kinds."""
    problems: tuple[Problem, ...] = field(default=())
    """Flags and what the register could not read, located in returns or the manifest."""

    def rate(self, agency: str | None, kind: str | None, name: str) -> Rate:
        """One rate: for an agency (``None``: every agency) and a kind (``None``: all)."""
        agencies = self.rates if agency is None else {agency: self.rates.get(agency, {})}
        total = Rate()
        for by_kind in agencies.values():
            total += by_kind.get(kind or "all", {}).get(name, Rate())
        return total

    def to_dict(self) -> dict[str, Any]:
        """The register as JSON-ready data (``meetings --format json``)."""
        d = self.declaration
        return {
            "round": self.round,
            "tool": self.tool_ref,
            "group": self.group,
            "title": self.title,
            "declaration": {
                "kind": d.kind,
                "date": d.date,
                "date_tolerance_days": d.date_tolerance_days,
                "parts": {role: part.question for role, part in d.parts()},
            },
            "kinds": dict(self.kinds),
            "agencies": dict(self.agencies),
            "cases": [_case_dict(c) for c in self.cases],
            "rates": {
                "by_agency": {
                    agency: {
                        kind: {name: r.to_dict() for name, r in rates.items()}
                        for kind, rates in by_kind.items()
                    }
                    for agency, by_kind in self.rates.items()
                },
                "by_kind": {
                    kind: {name: self.rate(None, kind, name).to_dict() for name in RATE_NAMES}
                    for kind in (*self.kinds, "all")
                },
            },
            "problems": [p.to_dict() for p in self.problems],
        }


def _case_dict(case: CaseRegister) -> dict[str, Any]:
    return {
        "case": case.case,
        "agencies": {a: s.value for a, s in case.columns.items()},
        "events": [
            {
                "kind": e.kind,
                "date": e.date.isoformat(),
                "dates": [d.isoformat() for d in e.dates],
                "ambiguous": e.ambiguous,
                "cells": {agency: _cell_dict(c) for agency, c in e.cells.items()},
            }
            for e in case.events
        ],
    }


def _cell_dict(cell: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {"state": cell.state.value}
    if cell.record is not None:
        out.update(cell.record.parts)
        out["dates"] = sorted({r.date.isoformat() for r in (cell.record, *cell.duplicates)})
        out["records"] = 1 + len(cell.duplicates)
    return out
