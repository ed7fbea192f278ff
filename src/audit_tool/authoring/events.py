"""A repeatable group declared a register of events shared across agencies.

Several agencies record the same event in their own returns: a strategy
meeting, a conference, a multi-agency risk assessment conference. A group's
``register`` says which of its sub-questions identify the event (its kind, a
single choice, and its date, matched within a tolerance in days) and which
say the agency's part in it (attendance, a report, a contribution, the
outcome recorded in its own file, its actions done). Each part names a
single-choice sub-question and which of its options mean the part was done
and which mean it was not; options in neither list (not required, not
applicable) count for neither.

The declaration is the tool's; :mod:`audit_tool.rounds.register` reads a round's
returns with it. Nothing here knows what the events are: a neglect tool
declares statutory meetings, a domestic-abuse tool could declare MARACs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from audit_tool._types import Identifier, OptionValue

__all__ = ["PART_ROLES", "AttendancePart", "EventRegister", "RegisterPart"]

_CONFIG = ConfigDict(extra="forbid", frozen=True, defer_build=True)

PartRole = Literal["attendance", "report", "contribution", "outcome_recorded", "actions"]

PART_ROLES: tuple[PartRole, ...] = (
    "attendance",
    "report",
    "contribution",
    "outcome_recorded",
    "actions",
)
"""The parts an agency can play in an event, in the order registers show them."""


class RegisterPart(BaseModel):
    """One part an agency plays in an event: the sub-question that says it, and what its
    answers mean."""

    model_config = _CONFIG

    question: Identifier
    """A single-choice sub-question of the same group."""
    done: list[OptionValue] = Field(min_length=1)
    """The options that mean the agency did its part (``on_time``, ``late``)."""
    not_done: list[OptionValue] = Field(default_factory=list)
    """The options that mean it did not (``not_submitted``)."""


class AttendancePart(RegisterPart):
    """How the agency took part: ``done`` is being there, ``not_invited`` is left out of
    the rates."""

    not_invited: list[OptionValue] = Field(default_factory=list)
    """The options that mean the agency was not invited (left out of attendance rates)."""


class EventRegister(BaseModel):
    """The declaration that a repeatable group's entries are events shared across agencies."""

    model_config = _CONFIG

    kind: Identifier | None = None
    """A single-choice sub-question: the kind of event (its options are the kinds). Leave it
    out when every event is of one kind."""
    date: Identifier
    """A date sub-question: when the event was held."""
    date_tolerance_days: int = Field(default=0, ge=0, le=31)
    """Records of the same kind this many days apart or fewer are the same event."""
    attendance: AttendancePart
    """Whether the agency was invited and took part."""
    report: RegisterPart | None = None
    """Whether the agency sent a report to the event."""
    contribution: RegisterPart | None = None
    """Whether the agency contributed to the decision."""
    outcome_recorded: RegisterPart | None = None
    """Whether the outcome is recorded in the agency's own file."""
    actions: RegisterPart | None = None
    """Whether the agency's actions from the event were done."""

    def parts(self) -> Iterator[tuple[PartRole, RegisterPart]]:
        """The declared parts, attendance first."""
        for role in PART_ROLES:
            part = getattr(self, role)
            if part is not None:
                yield role, part
