"""The register of a round: events shared across agencies, reconciled from their returns.

A tool declares a repeatable group a register (:mod:`audit_tool.authoring.events`);
:func:`build_register` reads every return of a round with it and gives, for
each case, one row per event and a column per invited agency, the flags
(each a located warning with a code) and the round's rates by agency and by
kind of event. :meth:`RoundRegister.to_dict` is its JSON;
:mod:`audit_tool.rounds.report.register_tables` lays it out as text and CSV, and the
round's report shows it too. ``docs/meetings.md`` describes it, and what it cannot tell.
"""

from __future__ import annotations

from audit_tool.rounds.register.build import build_register, register_groups
from audit_tool.rounds.register.model import (
    CaseRegister,
    Cell,
    CellState,
    Event,
    Rate,
    Record,
    RoundRegister,
)

__all__ = [
    "CaseRegister",
    "Cell",
    "CellState",
    "Event",
    "Rate",
    "Record",
    "RoundRegister",
    "build_register",
    "register_groups",
]
