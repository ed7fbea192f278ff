"""Round-wide rates, by agency and by kind of event.

Each rate counts records, an agency's first record of each event (a possible
duplicate is not counted twice):

- ``recorded``: of the events of cases whose return from the agency was read,
  how many its return records (an event counts only when some agency recorded
  it, so this is the share of the events others knew of that the agency's own
  file has too);
- each part (``attendance``, ``report``...): of the records whose answer is in
  the part's ``done`` or ``not_done`` list, how many are ``done``. Answers in
  neither (not invited, no report expected, not applicable) and parts not
  answered count for neither.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from audit_tool.authoring.events import EventRegister
from audit_tool.rounds.register.model import RATE_NAMES, CaseRegister, CellState, Rate

__all__ = ["round_rates"]

_Counts = dict[str, dict[str, dict[str, list[int]]]]


def round_rates(
    cases: Iterable[CaseRegister],
    declaration: EventRegister,
    agencies: Iterable[str],
    kinds: Iterable[str],
) -> Mapping[str, Mapping[str, Mapping[str, Rate]]]:
    """``agency -> kind -> rate name -> Rate`` over every case; kind ``all`` sums the kinds."""
    kinds = tuple(kinds)
    counts: _Counts = {a: {k: {n: [0, 0] for n in RATE_NAMES} for k in kinds} for a in agencies}
    parts = list(declaration.parts())
    counted = (CellState.RECORDED, CellState.NO_RECORD)
    for case in cases:
        for event in case.events:
            for agency, cell in event.cells.items():
                by_kind = counts.get(agency)
                if by_kind is None or cell.state not in counted:
                    continue
                into = by_kind.setdefault(event.kind, {n: [0, 0] for n in RATE_NAMES})
                into["recorded"][1] += 1
                if cell.record is None:
                    continue
                into["recorded"][0] += 1
                for role, part in parts:
                    value = cell.record.parts.get(role)
                    if value in part.done:
                        into[role][0] += 1
                        into[role][1] += 1
                    elif value in part.not_done:
                        into[role][1] += 1
    for by_kind in counts.values():
        by_kind["all"] = {
            n: [sum(rates[n][0] for rates in by_kind.values()),
                sum(rates[n][1] for rates in by_kind.values())]
            for n in RATE_NAMES
        }
    return {
        agency: {kind: {name: Rate(*pair) for name, pair in rates.items()}
                 for kind, rates in by_kind.items()}
        for agency, by_kind in counts.items()
    }
