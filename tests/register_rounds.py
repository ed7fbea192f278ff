"""Rounds built in memory for the register's tests: neglect v2, a manifest, returns that
record meetings (only the meetings group is answered; the register reads it all the same)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from audit_tool import load_tool, standard_catalogue
from audit_tool.responses.response import LoadedResponse, Response
from audit_tool.rounds.manifest import AuditManifest
from audit_tool.rounds.round import AuditRound, RoundReturn

from conftest import ROOT

NEGLECT_V2 = load_tool(ROOT / "tools" / "neglect_v2.yaml")
PERIOD = (datetime.date(2017, 1, 1), datetime.date(2017, 12, 31))

Entry = Mapping[str, Any]


def manifest(cases: Mapping[str, Sequence[str]], agencies: Iterable[str]) -> AuditManifest:
    """A manifest inviting ``cases[case]`` to each case, every agency named by its id."""
    return AuditManifest.model_validate({
        "round": "test-round",
        "title": "Test round",
        "tool": {"id": "neglect", "version": "2.0.0", "file": "neglect_v2.yaml"},
        "panel_date": "2018-01-20",
        "period": {"start": PERIOD[0].isoformat(), "end": PERIOD[1].isoformat()},
        "agencies": [{"id": a, "name": a.title()} for a in agencies],
        "cases": [
            {"ref": ref, "agencies": list(invited),
             "family": {"consent": True, "views_obtained": True}}
            for ref, invited in cases.items()
        ],
        "responses": ["."],
    })


def round_return(case: str, agency: str, entries: Sequence[Entry]) -> RoundReturn:
    """One return recording ``entries`` in the meetings group (no file behind it)."""
    response = Response.model_validate({
        "tool": {"id": "neglect", "version": "2.0.0"},
        "case": case,
        "agency": agency,
        "answers": {"meetings": [dict(e) for e in entries]},
    })
    name = f"{case}-{agency}.yaml"
    return RoundReturn(LoadedResponse(name, response), (), name, case, agency)


def make_round(
    cases: Mapping[str, Sequence[str]],
    returns: Sequence[RoundReturn],
    agencies: Iterable[str] | None = None,
) -> AuditRound:
    """A round of ``returns`` for ``cases`` (agencies: every invited one, by default)."""
    listed = list(agencies) if agencies is not None else list(
        dict.fromkeys(a for invited in cases.values() for a in invited)
    )
    return AuditRound("audit.yaml", manifest(cases, listed), NEGLECT_V2, tuple(returns), (),
                      standard_catalogue())


def meeting(kind: str, date: datetime.date, attendance: str = "attended",
            **parts: str) -> dict[str, Any]:
    """One meetings entry: kind, date, attendance and any other sub-question answers."""
    return {"meeting_type": kind, "meeting_date": date.isoformat(),
            "meeting_attendance": attendance, **parts}
