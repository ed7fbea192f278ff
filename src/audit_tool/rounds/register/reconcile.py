"""Reconciling the records of one case into events, the same whatever order they came in.

Records of one kind are sorted by date (then agency, then entry) and chained:
a record starts a new event when it is more than the tolerance after the
record before it. Sorting first makes the result independent of the order of
the returns. Where a chain runs over more days than the tolerance (records
on the 1st, 4th and 7th with a tolerance of 3), the records could be one
event or several; the register keeps them as one and marks the event
*ambiguous*. Only then can taking one agency's records away split an event:
any two records of an event that is not ambiguous are within the tolerance
of each other, so they stay together whatever else is removed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence

from audit_tool.rounds.register.model import Cell, CellState, Event, Record

__all__ = ["chain", "reconcile"]

_EMPTY = {state: Cell(state) for state in CellState}
"""A cell with no record, one per state: cells are frozen, so every row can share them."""


def chain(records: Iterable[Record], tolerance: int) -> list[list[Record]]:
    """Records of one kind grouped into events, earliest first."""
    ordered = sorted(records, key=lambda r: r.key)
    groups: list[list[Record]] = []
    limit = datetime.timedelta(days=tolerance)
    for record in ordered:
        if groups and record.date - groups[-1][-1].date <= limit:
            groups[-1].append(record)
        else:
            groups.append([record])
    return groups


def reconcile(
    records: Sequence[Record],
    agencies: Sequence[str],
    columns: Mapping[str, CellState],
    kinds: Sequence[str],
    tolerance: int,
) -> tuple[Event, ...]:
    """The events of one case: a row per event, a cell per agency of ``agencies``.

    ``columns`` says for each agency whether the register could read its return
    (``recorded``) or why not; an agency whose return was read but has no
    record of an event gets ``no_record`` in that event's row.
    """
    by_kind: dict[str, list[Record]] = {}
    for record in records:
        by_kind.setdefault(record.kind, []).append(record)
    order = {kind: n for n, kind in enumerate(kinds)}
    limit = datetime.timedelta(days=tolerance)
    events: list[Event] = []
    for kind, found in by_kind.items():
        for group in chain(found, tolerance):
            mine: dict[str, list[Record]] = {}
            for record in group:
                mine.setdefault(record.agency, []).append(record)
            cells = {}
            for agency in agencies:
                own = mine.get(agency)
                if own:
                    cells[agency] = Cell(CellState.RECORDED, own[0], tuple(own[1:]))
                elif columns[agency] is CellState.RECORDED:
                    cells[agency] = _EMPTY[CellState.NO_RECORD]
                else:
                    cells[agency] = _EMPTY[columns[agency]]
            dates = tuple(sorted({r.date for r in group}))
            events.append(Event(kind, dates, cells, dates[-1] - dates[0] > limit))
    events.sort(key=lambda e: (e.date, order.get(e.kind, len(order)), e.dates))
    return tuple(events)
