"""The data of a round's report, built from a read round; renderers only lay it out.

Nothing here quotes an answer or its evidence: the report names questions
(their id and the tool's text), grades, counts and places. Text the board
wrote in the manifest (reasons, the outcome of a separate meeting) is shown
as written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from audit_tool import _args, _pointer
from audit_tool.authoring.describe import question_numbers
from audit_tool.authoring.tool import NOT_EVIDENCED, Grading, Tool
from audit_tool.codes import CODES
from audit_tool.problems import Problem
from audit_tool.responses.answers import public_keys
from audit_tool.rounds.manifest import AuditManifest, CaseEntry
from audit_tool.rounds.register import RoundRegister, build_register
from audit_tool.rounds.report.grades import is_area_for_development, is_strength
from audit_tool.rounds.report.previous import PreviousRound, build_previous
from audit_tool.rounds.round import AuditRound, Coverage, RoundReturn
from audit_tool.rounds.scoring import QuestionScore, Scores, ThemeScore, agency_scores

__all__ = [
    "PULLED_DOWN_LIMIT",
    "CaseRow",
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
    """A question that lost a theme points: its part in the theme, and its text."""

    score: QuestionScore
    text: str


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
    """One case: its entry in the manifest (the family's part, any separate meeting), and
    what came back from each agency."""

    entry: CaseEntry
    coverage: Mapping[str, Coverage]
    """By agency id, for every agency of the round."""

    @property
    def ref(self) -> str:
        """The case reference."""
        return self.entry.ref


@dataclass(frozen=True, slots=True)
class WarningItem:
    """One warning for the report: what, and where (case, agency, file and line)."""

    code: str
    message: str
    case: str | None
    agency: str | None
    file: str | None
    line: int | None
    question: str = ""
    """The question it is about, in words (its number and text), for the board's sections,
    which name no question ids; empty when it is about no one question."""


@dataclass(frozen=True)
class RoundReport:
    """Everything a round's report shows, in the order it shows it."""

    manifest: AuditManifest
    """The round's manifest: title, round, panel date, period, agencies unable to take part."""
    tool_ref: str
    tool_title: str
    agencies: Mapping[str, str]
    """Agency id -> display name, in manifest order."""
    cases: tuple[CaseRow, ...]
    themes: tuple[ThemeRow, ...]
    grading: Grading
    scores: Scores
    warnings: tuple[WarningItem, ...]
    invalid: tuple[RoundReturn, ...]
    """The returns left out of the scores, with the problems that made them invalid."""
    identifiers: frozenset[str] = frozenset()
    """The tool's question ids and the response format's field names: the only keys of a
    return the report may show (in a problem's pointer)."""
    by_agency: Mapping[str, Mapping[str, ThemeScore]] = field(default_factory=dict)
    """Agency id -> theme -> the agency's returns pooled (:mod:`.agencies`)."""
    register: RoundRegister | None = None
    """The round's register of shared events, when the tool declares one."""
    file_names: Mapping[str, str] = field(default_factory=dict)
    """A return's file as problems name it -> its name relative to the manifest."""
    previous: PreviousRound | None = None
    """The previous round of the theme, when the manifest names it and it was read."""

    @property
    def returns_scored(self) -> int:
        """How many returns were scored."""
        return len(self.scores.responses)

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
        return tuple(t for t in self.themes if t.overall.grade == NOT_EVIDENCED)

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
        period = self.manifest.period
        return {
            "title": self.manifest.title,
            "round": self.manifest.round,
            "tool": {"ref": self.tool_ref, "title": self.tool_title},
            "panel_date": self.manifest.panel_date.isoformat(),
            "period": (
                None if period is None else [period.start.isoformat(), period.end.isoformat()]
            ),
            "agencies": dict(self.agencies),
            "coverage": {c.ref: {a: s.value for a, s in c.coverage.items()} for c in self.cases},
            "cases": {
                c.ref: {
                    "family_consent": c.entry.family.consent,
                    "family_views_obtained": c.entry.family.views_obtained,
                    "separate_meeting": c.entry.separate_meeting is not None,
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
                 "problems": [_public(p, self.identifiers) for p in r.problems]}
                for r in self.invalid
            ],
            "by_agency": {
                agency: {theme: s.to_dict() for theme, s in themes.items()}
                for agency, themes in self.by_agency.items()
            },
            "meetings": None if self.register is None else self.register.to_dict(),
            "findings": [f.model_dump(mode="json") for f in self.manifest.findings],
            "learning": [item.model_dump(mode="json") for item in self.manifest.learning],
            "previous": self.previous.to_dict() if self.previous is not None else None,
        }


def _public(found: Problem, identifiers: frozenset[str]) -> dict[str, Any]:
    """A problem of a return as the report publishes it: its pointer cut before the first
    key that is not one of ``identifiers`` or an entry's index (any text can be a key, and
    a key may be case data); the line and column still say exactly where."""
    return {**found.to_dict(), "pointer": _pointer.known_prefix(found.pointer, identifiers)}


def _theme_dict(row: ThemeRow) -> dict[str, Any]:
    return {
        "theme": row.id,
        "percent": row.overall.percent,
        "grade": row.overall.grade,
        "pulled_down": [
            {"question": q.score.question, "percent": q.score.percent, "answers": q.score.answers}
            for q in row.pulled_down
        ],
    }


def _notes(tool: Tool, found: ThemeScore) -> tuple[QuestionNote, ...]:
    notes = []
    for q in found.shortfalls()[:PULLED_DOWN_LIMIT]:
        ref = tool.question(q.question)
        notes.append(QuestionNote(q, ref.question.text if ref is not None else q.question))
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


def _return_warnings(tool: Tool, returns: tuple[RoundReturn, ...]) -> list[WarningItem]:
    numbers = question_numbers(tool)
    found = []
    for returned in returns:
        if not returned.valid:
            continue
        for p in returned.report.warnings:
            item = _warning(p, returned.case, returned.agency, returned.name)
            parts = _pointer.split(p.pointer)
            ref = tool.question(parts[1]) if parts[:1] == ["answers"] and len(parts) > 1 else None
            if ref is not None:
                words = f"Question {numbers.get(ref.question.id, '')}, “{ref.question.text}”"
                item = dataclasses.replace(item, question=words)
            found.append(item)
    return found


def build_report(audit: AuditRound, previous: AuditRound | None = None) -> RoundReport:
    """The report of a read round: coverage, theme scores (pooled, by case and by agency),
    strengths and areas for development, warnings, the invalid returns left out of the
    scores, and the register of shared events when the tool declares one; with
    ``previous`` (the round the manifest names as previous, read and checked with
    :func:`audit_tool.rounds.trend.check_series`), the movement since and its actions."""
    audit = _args.typed(audit, AuditRound, "audit")
    if previous is not None:
        previous = _args.typed(previous, AuditRound, "previous")
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
        CaseRow(c, {a: audit.coverage(c.ref, a) for a in agencies}) for c in manifest.cases
    )
    warnings = [_warning(p, None, None, None) for p in audit.findings]
    warnings += _return_warnings(audit.tool, audit.returns)
    return RoundReport(
        manifest=manifest,
        tool_ref=audit.tool.ref,
        tool_title=audit.tool.title,
        agencies=agencies,
        cases=cases,
        themes=tuple(themes),
        grading=audit.tool.grading,
        scores=scores,
        warnings=tuple(warnings),
        invalid=audit.invalid_returns,
        identifiers=public_keys(audit.tool),
        by_agency=agency_scores(scores, audit.tool.grading, agencies),
        register=build_register(audit),
        file_names={r.file: r.name for r in audit.returns},
        previous=build_previous(previous, audit) if previous is not None else None,
    )

