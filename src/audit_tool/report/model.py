"""The data of a round's report, built from a read round; renderers only lay it out.

Nothing here quotes an answer or its evidence: the report names questions
(their id and the tool's text), grades, counts and places. Text the board
wrote in the manifest (reasons, the outcome of a separate meeting) is shown
as written.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..codes import CODES
from ..problems import Problem
from ..round import AuditRound, Coverage, RoundReturn
from ..scoring import Scores, ThemeScore
from ..tool import Grading, Tool
from .grades import is_area_for_development, is_strength

__all__ = [
    "PULLED_DOWN_LIMIT",
    "CaseRow",
    "InvalidReturn",
    "QuestionNote",
    "RoundReport",
    "ThemeRow",
    "WarningItem",
    "build_report",
    "warning_heading",
]

PULLED_DOWN_LIMIT = 3
"""How many questions a theme lists as pulling it down."""

WARNING_HEADINGS: Mapping[str, str] = {
    "evidence-before-period": "Historical information presented as current",
    "return-missing": "Missing returns",
    "agency-unable": "Agencies unable to take part",
    "family-views-not-obtained": "Family views not obtained",
}
"""Headings for the warnings a board asks about; others use their code's title."""



def warning_heading(code: str) -> str:
    """The heading warnings with ``code`` are listed under."""
    if code in WARNING_HEADINGS:
        return WARNING_HEADINGS[code]
    info = CODES.get(code)
    return info.title if info is not None else code


_FIRST = ("family-views-not-obtained", "agency-unable", "return-missing", "evidence-before-period")


@dataclass(frozen=True, slots=True)
class QuestionNote:
    """A question that lost a theme points, with its share of the available points."""

    id: str
    text: str
    points: float
    max_points: float
    answers: int
    percent: float | None


@dataclass(frozen=True, slots=True)
class ThemeRow:
    """One theme: its scores overall and by case, and what pulled it down."""

    id: str
    name: str
    description: str
    overall: ThemeScore
    by_case: Mapping[str, ThemeScore]
    pulled_down: tuple[QuestionNote, ...]


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One case: who was invited, what came back, the family's part."""

    ref: str
    coverage: Mapping[str, Coverage]
    """By agency id, for every agency of the round."""
    family_consent: bool
    family_views_obtained: bool
    family_reason: str
    separate_meeting: str | None
    """What the separate meeting established, when the case had one."""
    separate_meeting_date: datetime.date | None
    separate_meeting_reason: str


@dataclass(frozen=True, slots=True)
class WarningItem:
    """One warning for the report: what, and where (case, agency, file and line)."""

    code: str
    message: str
    case: str | None
    agency: str | None
    file: str | None
    line: int | None


@dataclass(frozen=True, slots=True)
class InvalidReturn:
    """A return left out of the scores, with the problems that made it invalid."""

    name: str
    case: str | None
    agency: str | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class RoundReport:
    """Everything a round's report shows, in the order it shows it."""

    title: str
    round: str
    tool_ref: str
    tool_title: str
    panel_date: datetime.date
    period: tuple[datetime.date, datetime.date] | None
    agencies: Mapping[str, str]
    """Agency id -> display name, in manifest order."""
    unable: Mapping[str, str]
    """Agencies that could not take part -> the reason."""
    cases: tuple[CaseRow, ...]
    themes: tuple[ThemeRow, ...]
    grading: Grading
    scores: Scores
    warnings: tuple[WarningItem, ...]
    invalid: tuple[InvalidReturn, ...]
    returns_scored: int

    @property
    def strengths(self) -> tuple[ThemeRow, ...]:
        """Themes graded good or better overall, highest percent first."""
        found = [t for t in self.themes if is_strength(self.grading, t.overall.grade)]
        return tuple(sorted(found, key=lambda t: -(t.overall.percent or 0.0)))

    @property
    def areas_for_development(self) -> tuple[ThemeRow, ...]:
        """Themes graded requires improvement or inadequate overall, lowest percent first."""
        found = [t for t in self.themes if is_area_for_development(self.grading, t.overall.grade)]
        return tuple(sorted(found, key=lambda t: t.overall.percent or 0.0))

    @property
    def not_evidenced(self) -> tuple[ThemeRow, ...]:
        """Themes with too little evidence to grade."""
        graded = {t.id for t in (*self.strengths, *self.areas_for_development)}
        return tuple(t for t in self.themes if t.id not in graded)

    def count(self, state: Coverage) -> int:
        """How many case-and-agency cells of the coverage grid are in ``state``."""
        return sum(1 for c in self.cases for s in c.coverage.values() if s is state)

    def warnings_by_code(self) -> dict[str, list[WarningItem]]:
        """The warnings grouped by code, the ones a board asks about first."""
        grouped: dict[str, list[WarningItem]] = {}
        order = {code: n for n, code in enumerate(_FIRST)}
        for item in sorted(self.warnings, key=lambda w: order.get(w.code, len(order))):
            grouped.setdefault(item.code, []).append(item)
        return grouped

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (``report --format json``)."""
        return {
            "title": self.title,
            "round": self.round,
            "tool": {"ref": self.tool_ref, "title": self.tool_title},
            "panel_date": self.panel_date.isoformat(),
            "period": None if self.period is None else [d.isoformat() for d in self.period],
            "agencies": dict(self.agencies),
            "coverage": {c.ref: {a: s.value for a, s in c.coverage.items()} for c in self.cases},
            "cases": {
                c.ref: {
                    "family_consent": c.family_consent,
                    "family_views_obtained": c.family_views_obtained,
                    "separate_meeting": c.separate_meeting is not None,
                }
                for c in self.cases
            },
            "scores": self.scores.to_dict(),
            "strengths": [_theme_dict(t) for t in self.strengths],
            "areas_for_development": [_theme_dict(t) for t in self.areas_for_development],
            "warnings": [
                {"code": w.code, "message": w.message, "case": w.case, "agency": w.agency,
                 "file": w.file, "line": w.line}
                for w in self.warnings
            ],
            "invalid_returns": [
                {"file": r.name, "case": r.case, "agency": r.agency,
                 "problems": [p.to_dict() for p in r.problems]}
                for r in self.invalid
            ],
        }


def _theme_dict(row: ThemeRow) -> dict[str, Any]:
    return {
        "theme": row.id,
        "percent": row.overall.percent,
        "grade": row.overall.grade,
        "pulled_down": [
            {"question": q.id, "percent": q.percent, "answers": q.answers} for q in row.pulled_down
        ],
    }


def _notes(tool: Tool, found: ThemeScore) -> tuple[QuestionNote, ...]:
    notes = []
    for q in found.shortfalls()[:PULLED_DOWN_LIMIT]:
        ref = tool.question(q.question)
        text = ref.question.text if ref is not None else q.question
        notes.append(QuestionNote(q.question, text, q.points, q.max_points, q.answers, q.percent))
    return tuple(notes)


def _warning(found: Problem, case: str | None, agency: str | None, name: str | None) -> WarningItem:
    return WarningItem(
        found.code,
        found.message,
        found.context.get("case", case),
        found.context.get("agency", agency),
        name,
        found.line,
    )


def _return_warnings(returns: tuple[RoundReturn, ...]) -> list[WarningItem]:
    return [
        _warning(p, r.case, r.agency, r.name) for r in returns if r.valid for p in r.report.warnings
    ]


def build_report(audit: AuditRound) -> RoundReport:
    """The report of a read round: coverage, theme scores, strengths and areas for
    development, warnings, and the invalid returns left out of the scores."""
    manifest = audit.manifest
    scores = audit.scores()
    themes = []
    for theme in scores.themes:
        known = audit.catalogue.theme(theme)
        overall = scores.overall.themes[theme]
        themes.append(
            ThemeRow(
                theme,
                known.name if known else theme,
                known.description if known else "",
                overall,
                {case: group.themes[theme] for case, group in scores.cases.items()},
                _notes(audit.tool, overall),
            )
        )
    agencies = {a.id: a.name for a in manifest.agencies}
    cases = tuple(
        CaseRow(
            c.ref,
            {a: audit.coverage(c.ref, a) for a in agencies},
            c.family.consent,
            c.family.views_obtained,
            c.family.reason,
            c.separate_meeting.outcome if c.separate_meeting else None,
            c.separate_meeting.date if c.separate_meeting else None,
            c.separate_meeting.reason if c.separate_meeting else "",
        )
        for c in manifest.cases
    )
    warnings = [_warning(p, None, None, None) for p in audit.findings]
    warnings += _return_warnings(audit.returns)
    period = (manifest.period.start, manifest.period.end) if manifest.period else None
    return RoundReport(
        title=manifest.title,
        round=manifest.round,
        tool_ref=audit.tool.ref,
        tool_title=audit.tool.title,
        panel_date=manifest.panel_date,
        period=period,
        agencies=agencies,
        unable=manifest.unable,
        cases=cases,
        themes=tuple(themes),
        grading=audit.tool.grading,
        scores=scores,
        warnings=tuple(warnings),
        invalid=tuple(
            InvalidReturn(r.name, r.case, r.agency, r.problems) for r in audit.invalid_returns
        ),
        returns_scored=len(scores.responses),
    )

