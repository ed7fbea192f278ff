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

from ..codes import problem
from ..events import EventRegister
from ..problems import Problem
from ..response import Period
from .model import CellState, Event, Record

__all__ = ["event_flags"]


def _names(agencies: tuple[str, ...]) -> str:
    quoted = [f"'{a}'" for a in agencies]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def event_flags(
    event: Event,
    case: str,
    declaration: EventRegister,
    label: str,
    period_of: Callable[[str], Period | None],
    group_pointer: Mapping[str, str],
) -> Iterator[tuple[str, Problem]]:
    """``(agency, problem)`` for every flag of one event; pointers lead into that agency's return.

    ``period_of(agency)`` is the audit period that applies to its return;
    ``group_pointer`` gives, by agency, where the group's answer stands in its return.
    """
    for agency, found in _flags(event, declaration, label, period_of, group_pointer):
        found.context["case"] = case
        yield agency, found


def _flags(
    event: Event,
    declaration: EventRegister,
    label: str,
    period_of: Callable[[str], Period | None],
    group_pointer: Mapping[str, str],
) -> Iterator[tuple[str, Problem]]:
    what = f"{label} '{event.kind}' of {event.date.isoformat()}"
    recorded = event.recorded_by
    for agency, cell in event.cells.items():
        if cell.state is CellState.NO_RECORD:  # an event always has a record
            yield agency, _flag(
                "register-no-record",
                f"no record of the {what}, which {_names(recorded)} recorded",
                group_pointer[agency], agency, event,
            )
        if cell.record is None:
            continue
        for record in (cell.record, *cell.duplicates):
            # A possible duplicate is the same event: its parts are not flagged twice.
            first = record is cell.record
            yield from ((agency, p) for p in _record_flags(record, event, declaration, what,
                                                            period_of(agency), first))
        for extra in cell.duplicates:
            yield agency, _flag(
                "register-possible-duplicate",
                f"{label} {extra.entry + 1} looks like the same event as {label} "
                f"{cell.record.entry + 1} ({what})",
                extra.pointer("entry"), agency, event,
            )


def _record_flags(
    record: Record,
    event: Event,
    declaration: EventRegister,
    what: str,
    period: Period | None,
    first: bool,
) -> Iterator[Problem]:
    parts = record.parts if first else {}
    took_part = parts.get("attendance") in declaration.attendance.done
    if (declaration.report is not None and took_part
            and parts.get("report") in declaration.report.not_done):
        yield _flag(
            "register-no-report",
            f"the {what}: the agency took part ('{parts['attendance']}') but its report answer "
            f"is '{parts['report']}'",
            record.pointer("report"), record.agency, event,
        )
    if (declaration.outcome_recorded is not None
            and parts.get("outcome_recorded") in declaration.outcome_recorded.not_done):
        yield _flag(
            "register-outcome-not-recorded",
            f"the {what}: asked whether its outcome is recorded in the agency's own file, "
            f"the return answers '{parts['outcome_recorded']}'",
            record.pointer("outcome_recorded"), record.agency, event,
        )
    if period is not None and not period.start <= record.date <= period.end:
        yield _flag(
            "register-outside-period",
            f"the {what} is dated {record.date.isoformat()}, outside the audit period "
            f"{period.start.isoformat()} to {period.end.isoformat()}",
            record.pointer("date"), record.agency, event,
        )
    if event.ambiguous:
        yield _flag(
            "register-event-ambiguous",
            f"the records of this {what.split(' of ')[0]} run from {event.date.isoformat()} to "
            f"{event.dates[-1].isoformat()}, more than {declaration.date_tolerance_days} days: "
            "one event or several",
            record.pointer("date"), record.agency, event,
        )


def _flag(code: str, message: str, pointer: str, agency: str, event: Event) -> Problem:
    return problem(code, message, pointer, agency=agency, kind=event.kind,
                   date=event.date.isoformat())
