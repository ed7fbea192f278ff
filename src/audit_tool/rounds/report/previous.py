"""The previous round of the same theme in a round's report: movement and actions.

When a round's manifest names its ``previous`` round, the report shows, for
each theme, the movement since (like for like where the tool changed between
the two rounds, from :mod:`audit_tool.rounds.trend`), and where each action agreed
at the previous round stands. An action still open after its due date is
*overdue* as of this round's panel date (not today, so that the report of a
round reads the same whenever it is made).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from audit_tool.rounds.learning import Action
from audit_tool.rounds.round import AuditRound
from audit_tool.rounds.scoring import ThemeScore
from audit_tool.rounds.trend import RoundScores, Step, build_trend

__all__ = ["ActionRow", "MovementRow", "PreviousRound", "build_previous"]


@dataclass(frozen=True, slots=True)
class MovementRow:
    """One theme since the previous round."""

    theme: str
    name: str
    before: ThemeScore | None
    after: ThemeScore | None
    step: Step


@dataclass(frozen=True, slots=True)
class ActionRow:
    """One action agreed at the previous round, as it stands at this round's panel."""

    learning: str
    """The learning item's id (``5.1``)."""
    learning_text: str
    action: Action
    owners: tuple[str, ...]
    """The owners' display names."""
    overdue: bool
    tool_note: str = ""
    """For an action that asked for a tool change: whether this round used that version,
    and whether its changelog cites the learning."""


@dataclass(frozen=True)
class PreviousRound:
    """What a round's report shows of the round before it."""

    round: str
    title: str
    panel_date: datetime.date
    tool_ref: str
    as_of: datetime.date
    """This round's panel date: actions are overdue as of it."""
    movements: tuple[MovementRow, ...]
    actions: tuple[ActionRow, ...]

    @property
    def overdue(self) -> tuple[ActionRow, ...]:
        """The actions still open after their due date."""
        return tuple(a for a in self.actions if a.overdue)

    def counts(self) -> Mapping[str, int]:
        """How many actions are done, dropped, open and overdue."""
        out = {"done": 0, "dropped": 0, "open": 0}
        for row in self.actions:
            out[row.action.status.value] += 1
        return {**out, "overdue": len(self.overdue)}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "round": self.round,
            "title": self.title,
            "panel_date": self.panel_date.isoformat(),
            "tool": self.tool_ref,
            "as_of": self.as_of.isoformat(),
            "themes": [
                {"theme": m.theme,
                 "before": m.before.to_dict() if m.before is not None else None,
                 "after": m.after.to_dict() if m.after is not None else None,
                 **m.step.to_dict()}
                for m in self.movements
            ],
            "actions": [
                {"learning": a.learning, "text": a.action.text, "owners": list(a.action.owners),
                 "due": a.action.due.isoformat(), "status": a.action.status.value,
                 "status_date": (a.action.status_date.isoformat()
                                 if a.action.status_date is not None else None),
                 "note": a.action.note, "tool": a.action.tool, "tool_note": a.tool_note,
                 "overdue": a.overdue}
                for a in self.actions
            ],
            "counts": dict(self.counts()),
        }


def _tool_note(current: AuditRound, learning: str, link: str | None) -> str:
    """``this round used neglect@2.0.0, whose changelog cites 5.9`` (or says it does not)."""
    if link is None:
        return ""
    tool = current.tool
    if tool.ref != link:
        return f"this round used {tool.ref}, not {link}"
    cited = re.compile(rf"(?<![0-9.]){re.escape(learning)}(?![0-9])")
    entries = [e for e in tool.changelog if e.version == tool.version]
    if any(cited.search(change) for e in entries for change in e.changes):
        return f"this round used {link}, whose changelog cites {learning}"
    return f"this round used {link}; its changelog does not cite {learning}"


def build_previous(previous: AuditRound, current: AuditRound) -> PreviousRound:
    """The previous round as ``current``'s report shows it (check the pair first with
    :func:`audit_tool.rounds.trend.check_series`)."""
    trend = build_trend([RoundScores.of(previous), RoundScores.of(current)])
    movements = tuple(
        MovementRow(s.theme, s.name, s.points[0], s.points[1], s.steps[0])
        for s in trend.overall.themes
    )
    as_of = current.manifest.panel_date
    names = {a.id: a.name for a in previous.manifest.agencies}
    actions = tuple(
        ActionRow(
            item.id,
            item.text,
            action,
            tuple(names.get(o, o) for o in action.owners),
            action.overdue(as_of),
            _tool_note(current, item.id, action.tool),
        )
        for item in previous.manifest.learning
        for action in item.actions
    )
    manifest = previous.manifest
    return PreviousRound(
        manifest.round, manifest.title, manifest.panel_date, previous.tool.ref, as_of,
        movements, actions,
    )
