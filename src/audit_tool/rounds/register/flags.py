"""The flags a register raises for a case, each a warning with a code, in a return file.

- ``register-no-record``: the agency's return was read but has no record of an
  event other agencies recorded (learning 5.11), at the group's answer;
- ``register-no-report``: the agency took part (attendance ``done``) but its
  report answer is ``not_done``, at the report answer;
- ``register-outcome-not-recorded``: the outcome-recorded answer is
  ``not_done``, at that answer;
- ``register-outside-period``: the record's date is outside the audit period,
  at the date;
- ``register-possible-duplicate``: a second record in the same return of the
  same event, at that entry (its parts are not flagged again, nor counted in the
  rates: the first record stands for the agency);
- ``register-event-ambiguous``: the event's records chain over more days than
  the tolerance, at each record's date.

Messages name the kind of event (an option value), dates and agency ids, never
free text or the case reference (which goes in the problem's context).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from audit_tool.authoring.events import EventRegister
from audit_tool.codes import problem
from audit_tool.problems import Problem
from audit_tool.responses.response import Period
from audit_tool.rounds.register.model import CellState, Event, Record

__all__ = ["EventFlags"]


def _names(agencies: tuple[str, ...]) -> str:
    quoted = [f"'{a}'" for a in agencies]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


@dataclass(frozen=True)
class EventFlags:
    """The flags of the events of one case."""

    case: str
    declaration: EventRegister
    label: str
    """What one entry is called (``meeting``)."""
    period_of: Callable[[str], Period | None]
    """The audit period that applies to an agency's return."""
    group_pointer: Mapping[str, str]
    """By agency: where the group's answer stands in its return."""

    def of(self, event: Event) -> Iterator[tuple[str, Problem]]:
        """``(agency, problem)`` for every flag of ``event``; pointers lead into that
        agency's return."""
        what = f"{self.label} '{event.kind}' of {event.date.isoformat()}"
        for agency, cell in event.cells.items():
            if cell.state is CellState.NO_RECORD:  # an event always has a record
                yield agency, self._flag(
                    "register-no-record",
                    f"no record of the {what}, which {_names(event.recorded_by)} recorded",
                    self.group_pointer[agency], agency, event,
                )
            if cell.record is None:
                continue
            for record in (cell.record, *cell.duplicates):
                # A possible duplicate is the same event: its parts are not flagged twice.
                first = record is cell.record
                yield from ((agency, p) for p in self._record(record, event, what, first))
            for extra in cell.duplicates:
                yield agency, self._flag(
                    "register-possible-duplicate",
                    f"{self.label} {extra.entry + 1} looks like the same event as {self.label} "
                    f"{cell.record.entry + 1} ({what})",
                    extra.pointer("entry"), agency, event,
                )

    def _record(self, record: Record, event: Event, what: str, first: bool) -> Iterator[Problem]:
        declaration, period = self.declaration, self.period_of(record.agency)
        parts = record.parts if first else {}
        took_part = parts.get("attendance") in declaration.attendance.done
        if (declaration.report is not None and took_part
                and parts.get("report") in declaration.report.not_done):
            yield self._flag(
                "register-no-report",
                f"the {what}: the agency took part ('{parts['attendance']}') but its report "
                f"answer is '{parts['report']}'",
                record.pointer("report"), record.agency, event,
            )
        if (declaration.outcome_recorded is not None
                and parts.get("outcome_recorded") in declaration.outcome_recorded.not_done):
            yield self._flag(
                "register-outcome-not-recorded",
                f"the {what}: asked whether its outcome is recorded in the agency's own file, "
                f"the return answers '{parts['outcome_recorded']}'",
                record.pointer("outcome_recorded"), record.agency, event,
            )
        if period is not None and not period.start <= record.date <= period.end:
            yield self._flag(
                "register-outside-period",
                f"the {what} is dated {record.date.isoformat()}, outside the audit period "
                f"{period.start.isoformat()} to {period.end.isoformat()}",
                record.pointer("date"), record.agency, event,
            )
        if event.ambiguous:
            yield self._flag(
                "register-event-ambiguous",
                f"the records of this {self.label} '{event.kind}' run from "
                f"{event.date.isoformat()} to {event.dates[-1].isoformat()}, more than "
                f"{declaration.date_tolerance_days} days: one event or several",
                record.pointer("date"), record.agency, event,
            )

    def _flag(self, code: str, message: str, pointer: str, agency: str, event: Event) -> Problem:
        # The case goes in the context, never in a message.
        return problem(code, message, pointer, case=self.case, agency=agency, kind=event.kind,
                       date=event.date.isoformat())
