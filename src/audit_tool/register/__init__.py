"""The register of a round: events shared across agencies, reconciled from their returns.

A tool declares a repeatable group a register (:mod:`audit_tool.events`);
:func:`build_register` reads every return of a round with it and gives, for
each case, one row per event and a column per invited agency, the flags
(each a located warning with a code) and the round's rates by agency and by
kind of event. :mod:`.render` lays it out as text, CSV and JSON; the round's
report shows it too. ``docs/meetings.md`` describes it, and what it cannot tell.
"""

from __future__ import annotations

from .build import build_register, register_groups
from .model import CaseRegister, Cell, CellState, Event, Rate, Record, RoundRegister
from .render import register_csv, register_text

__all__ = [
    "CaseRegister",
    "Cell",
    "CellState",
    "Event",
    "Rate",
    "Record",
    "RoundRegister",
    "build_register",
    "register_csv",
    "register_groups",
    "register_text",
]
