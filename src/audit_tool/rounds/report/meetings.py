"""The register's section of the round's report, as plain text cells the renderers escape.

The section is titled as the tool's section holding the register group
("Statutory meetings" for neglect): each case's register (a row per event, a
column per invited agency), the round's agency by kind-of-event table, and the
flags grouped by code.
"""

from __future__ import annotations

from collections.abc import Sequence

from audit_tool.codes import CODES
from audit_tool.rounds.register.model import CaseRegister, RoundRegister
from audit_tool.rounds.report.register_tables import cell_words, rate_names

__all__ = [
    "ABOUT",
    "KIND_TABLE_NOTE",
    "LIMITS",
    "TABLE_RATES",
    "case_table",
    "flag_sections",
    "kind_table",
]

ABOUT = (
    "One row per {label}, reconciled across the returns of the agencies invited to the case; "
    "one column per agency, saying what its own return records. {rule}"
)

LIMITS = (
    "The register shows what the returns record, nothing more. It cannot tell who was "
    "actually invited (an agency's return may say it was not invited, or have no record at "
    "all), nor whether an event no return records took place; two records are matched only "
    "by their kind and dates, so {label}s of one kind held close together can look like one."
)

KIND_TABLE_NOTE = (
    "Each figure counts the agency's records, done of those that say either way: took part "
    "(not invited counts for neither), report sent (where one was expected), outcome recorded "
    "in the agency's own file, and in own file: the events others recorded that its own "
    "return records too."
)

TABLE_RATES = {
    "attendance": "took part",
    "report": "report sent",
    "outcome_recorded": "outcome recorded",
    "recorded": "in own file",
}
"""The rates the agency by kind table shows (all of them are in the JSON), in words."""


def case_table(
    register: RoundRegister, case: CaseRegister, names: dict[str, str]
) -> tuple[list[str], list[list[str]]]:
    """The head and rows of one case's register: date, kind, then a cell per agency."""
    head = ["Date", "Kind", *(names.get(a, a) for a in case.agencies)]
    rows = []
    for event in case.events:
        when = event.date.isoformat()
        if len(event.dates) > 1:
            when += " to " + event.dates[-1].isoformat()
        if event.ambiguous:
            when += " (dates chain beyond the tolerance)"
        kind = register.kinds.get(event.kind, event.kind)
        rows.append([when, kind, *(cell_words(register, event.cells[a]) for a in case.agencies)])
    return head, rows


def kind_table(
    register: RoundRegister, names: dict[str, str]
) -> tuple[list[str], list[list[str]]]:
    """Agencies down, kinds of event across (and all kinds): in each cell, for each rate of
    :data:`TABLE_RATES` the register gives, done of those that say either way."""
    kinds: Sequence[str | None] = [*register.kinds, None]
    head = ["Agency", *(register.kinds[k] for k in register.kinds), "All kinds"]
    names_given = rate_names(register)
    rows = []
    for agency in [*register.agencies, None]:
        if agency is not None and register.rate(agency, None, "recorded").of == 0:
            continue  # no return read: nothing to rate
        cells = [names.get(agency, agency) if agency else "All agencies"]
        for kind in kinds:
            lines = [
                f"{words} {rate.done}/{rate.of}"
                for n, words in TABLE_RATES.items()
                if n in names_given and (rate := register.rate(agency, kind, n)).of
            ]
            cells.append(" · ".join(lines) or "-")
        rows.append(cells)
    return head, rows


def flag_sections(
    register: RoundRegister, names: dict[str, str], file_names: dict[str, str]
) -> list[tuple[str, list[str]]]:
    """The flags grouped by code, in catalogue order: a heading with its count, a sentence
    each (case and agency, file and line, the message)."""
    grouped: dict[str, list[str]] = {}
    order = {code: n for n, code in enumerate(CODES)}
    for p in sorted(register.problems, key=lambda p: order.get(p.code, len(order))):
        case, agency = p.context.get("case"), p.context.get("agency")
        who = " · ".join(x for x in (case, names.get(agency, agency) if agency else None) if x)
        where = file_names.get(p.file or "", p.file or "")
        if p.line is not None:
            where += f", line {p.line}"
        grouped.setdefault(p.code, []).append(f"{who} ({where}): {p.message}")
    return [
        (f"{CODES[code].title} ({len(items)})", items) for code, items in grouped.items()
    ]
