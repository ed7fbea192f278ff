"""The register of a round as text (for the terminal) and CSV (one row per event and agency).

JSON is :meth:`RoundRegister.to_dict`. What the register shows in words (a
cell, a rate, the matching rule) is worked out here once, for these and for
the round's report.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from audit_tool._escape import csv_text, terminal_text
from audit_tool.authoring.events import PART_ROLES
from audit_tool.formatters import format_problem
from audit_tool.rounds.register.model import (
    RATE_NAMES,
    CaseRegister,
    Cell,
    CellState,
    Event,
    Rate,
    RoundRegister,
)
from audit_tool.rounds.report.grades import format_percent
from audit_tool.rounds.report.tables import aligned

__all__ = [
    "CSV_COLUMNS",
    "RATE_WORDS",
    "STATE_WORDS",
    "attendance_symbols",
    "cell_words",
    "matching_rule",
    "rate_text",
    "register_csv",
    "register_text",
]

CSV_COLUMNS = ("case", "kind", "date", "dates", "agency", "state", *PART_ROLES, "records",
               "ambiguous")

STATE_WORDS = {
    CellState.NO_RECORD: "no record",
    CellState.NOT_ASKED: "not asked",
    CellState.NO_RETURN: "no return",
    CellState.UNABLE: "unable to take part",
    CellState.LEFT_OUT: "return left out",
    CellState.RECORDED: "recorded",
}
"""A cell without a record, in words."""

_STATE_SYMBOLS = {
    CellState.NO_RECORD: "-",
    CellState.NOT_ASKED: "n",
    CellState.NO_RETURN: ".",
    CellState.UNABLE: "u",
    CellState.LEFT_OUT: "x",
}

RATE_WORDS = {
    "recorded": "recorded (of the events others recorded)",
    "attendance": "took part",
    "report": "report sent",
    "contribution": "contributed",
    "outcome_recorded": "outcome recorded in own file",
    "actions": "actions done",
}
"""What each rate counts, in words."""


def matching_rule(register: RoundRegister) -> str:
    """How records are matched, in one sentence."""
    d = register.declaration
    days = d.date_tolerance_days
    within = (
        "on the same date" if days == 0 else f"at most {days} day{'s' if days != 1 else ''} apart"
    )
    return (
        f"Two agencies' records are the same {register.entry_label} when they give the same "
        f"kind ('{d.kind}') and dates {within} ('{d.date}')."
    )


def attendance_symbols(register: RoundRegister) -> dict[str, str]:
    """A short symbol for each attendance option (its position in the scale: 1, 2...)."""
    return {value: str(n) for n, value in enumerate(register.labels.get("attendance", {}), 1)}


def cell_words(register: RoundRegister, cell: Cell) -> str:
    """A cell in words: the attendance answer's label, or why there is no record."""
    if cell.record is None:
        return STATE_WORDS[cell.state]
    value = cell.part("attendance")
    if value is None:
        words = "recorded, attendance not answered"
    else:
        words = register.labels["attendance"].get(value, value)
    return words + (f" ({1 + len(cell.duplicates)} records)" if cell.duplicates else "")


def rate_text(rate: Rate) -> str:
    """``done/of`` and the percent, or a dash when no record says."""
    if rate.of == 0:
        return "-"
    return f"{rate.done}/{rate.of} {format_percent(rate.percent)}%"


def rate_names(register: RoundRegister) -> tuple[str, ...]:
    """The rates this register gives: recorded, then the declared parts."""
    declared = {role for role, _ in register.declaration.parts()}
    return tuple(n for n in RATE_NAMES if n == "recorded" or n in declared)


def _symbol(register: RoundRegister, cell: Cell, symbols: dict[str, str]) -> str:
    if cell.record is None:
        return _STATE_SYMBOLS[cell.state]
    value = cell.part("attendance")
    found = symbols.get(value, "?") if value is not None else "r"
    return found + ("*" if cell.duplicates else "")


def _event_label(event: Event) -> str:
    dates = event.date.isoformat()
    if len(event.dates) > 1:
        dates += f"..{event.dates[-1].isoformat()[5:]}"
    return dates + ("?" if event.ambiguous else "")


def _case_text(register: RoundRegister, case: CaseRegister) -> Iterator[str]:
    yield f"case {case.case}: {len(case.events)} {register.entry_label}s"
    if not case.events:
        return
    symbols = attendance_symbols(register)
    rows = [["date", "kind", *case.agencies]]
    rows += [
        [_event_label(e), e.kind, *(_symbol(register, e.cells[a], symbols) for a in case.agencies)]
        for e in case.events
    ]
    yield from ("  " + line for line in aligned(rows).splitlines())


def _legend(register: RoundRegister) -> str:
    symbols = attendance_symbols(register)
    labels = register.labels.get("attendance", {})
    parts = [f"{symbols[v]} {label.lower()}" for v, label in labels.items()]
    parts += [f"{s} {STATE_WORDS[state]}" for state, s in _STATE_SYMBOLS.items()]
    return (
        "legend: " + ", ".join(parts) + "; r recorded, attendance not answered; "
        "* two or more records in one return; date? records chain beyond the tolerance"
    )


def _rates_text(register: RoundRegister) -> Iterator[str]:
    kinds = list(register.kinds)
    for name in rate_names(register):
        yield f"{RATE_WORDS[name]}, by agency and kind:"
        rows = [["agency", *kinds, "all"]]
        for agency in register.agencies:
            rows.append([agency, *(rate_text(register.rate(agency, k, name)) for k in kinds),
                         rate_text(register.rate(agency, None, name))])
        rows.append(["all agencies", *(rate_text(register.rate(None, k, name)) for k in kinds),
                     rate_text(register.rate(None, None, name))])
        yield from ("  " + line for line in aligned(rows).splitlines())
        yield ""


def register_text(register: RoundRegister) -> str:
    """Every case's register as a grid, the rates by agency and kind, then the flags; control
    characters from the files shown escaped."""
    events = sum(len(c.events) for c in register.cases)
    lines = [
        f"{register.title}: the register of round {register.round} "
        f"(tool {register.tool_ref}, group '{register.group}')",
        matching_rule(register),
        f"{events} {register.entry_label}s in {len(register.cases)} cases; "
        f"{len(register.problems)} flags and notes",
        "",
    ]
    for case in register.cases:
        lines += [*_case_text(register, case), ""]
    lines += [_legend(register), "", *_rates_text(register)]
    if register.problems:
        lines.append("flags:")
        lines += [format_problem(p) for p in register.problems]
    shown = "\n".join(terminal_text(line, newlines=True) for line in lines)
    return shown.rstrip("\n") + "\n"


def _csv_rows(register: RoundRegister) -> Iterator[Sequence[object]]:
    for case in register.cases:
        for event in case.events:
            for agency, cell in event.cells.items():
                parts = [cell.part(role) or "" for role in PART_ROLES]
                records = 0 if cell.record is None else 1 + len(cell.duplicates)
                yield [case.case, event.kind, event.date.isoformat(),
                       " ".join(d.isoformat() for d in event.dates), agency, cell.state.value,
                       *parts, records, "yes" if event.ambiguous else "no"]


def register_csv(register: RoundRegister) -> str:
    """One row per event and invited agency, with the columns of :data:`CSV_COLUMNS`."""
    return csv_text([CSV_COLUMNS, *_csv_rows(register)])
