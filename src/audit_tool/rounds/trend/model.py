"""The trend of a theme's scores across rounds: the data every renderer lays out.

:func:`build_trend` takes rounds of one tool, oldest first, and gives, for the
whole round and for each agency, every theme's pooled score in every round
and, between each round and the next, a :class:`Step`: whether the theme's
scoring changed between the tool versions the two rounds used
(:mod:`audit_tool.rounds.trend.compare`), and the like-for-like figures computed only
on the questions that score the same way in both, with how many questions and
answers stand behind them. A step whose scoring did not change compares the
whole figures; one whose scoring changed is a break in the series, and only
its like-for-like movement is a movement of practice.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from audit_tool.authoring.catalogue import ThemeCatalogue
from audit_tool.authoring.tool import Tool
from audit_tool.rounds.round import AuditRound
from audit_tool.rounds.scoring import Scores, ThemeScore, agency_scores, percent_of, plain_number
from audit_tool.rounds.trend.compare import QuestionPair, VersionComparison, compare_versions

__all__ = [
    "ALL_AGENCIES",
    "Figure",
    "LikeForLike",
    "RoundScores",
    "Scope",
    "Step",
    "ThemeSeries",
    "Trend",
    "build_trend",
]

ALL_AGENCIES = "all"
"""The scope id of the whole round (every agency's returns pooled)."""


@dataclass(frozen=True)
class RoundScores:
    """What a trend needs of one round: its id, title and panel date, its tool, its scores."""

    round: str
    title: str
    panel_date: datetime.date
    tool: Tool
    scores: Scores
    agencies: Mapping[str, str]
    """Agency id -> display name."""
    catalogue: ThemeCatalogue

    @classmethod
    def of(cls, audit: AuditRound) -> RoundScores:
        """The trend's view of a read round (its valid returns, scored)."""
        manifest = audit.manifest
        return cls(
            manifest.round,
            manifest.title,
            manifest.panel_date,
            audit.tool,
            audit.scores(),
            {a.id: a.name for a in manifest.agencies},
            audit.catalogue,
        )


@dataclass(frozen=True, slots=True)
class Figure:
    """Pooled points over a set of questions: the sums and the count of scored answers."""

    points: float
    max_points: float
    answers: int
    questions: int
    """How many questions contributed a scored answer."""

    @property
    def percent(self) -> float | None:
        """``100·points/max_points``, or ``None`` without a scored answer."""
        return percent_of(self.points, self.max_points)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "points": plain_number(self.points),
            "max_points": plain_number(self.max_points),
            "percent": self.percent,
            "answers": self.answers,
            "questions": self.questions,
        }


@dataclass(frozen=True, slots=True)
class LikeForLike:
    """A theme in two rounds, over only the questions that score the same way in both."""

    questions: tuple[QuestionPair, ...]
    """The questions compared, as each version names them."""
    before: Figure
    after: Figure

    @property
    def movement(self) -> float | None:
        """Percentage points from before to after, or ``None`` when either has no answer."""
        if self.before.percent is None or self.after.percent is None:
            return None
        return self.after.percent - self.before.percent

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "questions": [{"earlier": q.earlier, "later": q.later} for q in self.questions],
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "movement": self.movement,
        }


@dataclass(frozen=True, slots=True)
class Step:
    """One theme from one round to the next."""

    earlier: str
    later: str
    comparable: bool
    """True when the theme's scoring did not change: the whole figures compare directly."""
    reasons: tuple[str, ...]
    """Why the scoring changed (empty when comparable)."""
    like_for_like: LikeForLike

    @property
    def movement(self) -> float | None:
        """The movement of practice a board may read: like for like (which, where the
        scoring did not change, is the whole theme)."""
        return self.like_for_like.movement

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "from": self.earlier,
            "to": self.later,
            "comparable": self.comparable,
            "reasons": list(self.reasons),
            "like_for_like": self.like_for_like.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class ThemeSeries:
    """One theme in every round of the trend, and the steps between them."""

    theme: str
    name: str
    points: tuple[ThemeScore | None, ...]
    """The pooled whole-theme score in each round; ``None`` where the round's tool does not
    score the theme."""
    steps: tuple[Step, ...]
    """Between round ``n`` and ``n + 1``."""

    def to_dict(self, rounds: Sequence[str]) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "theme": self.theme,
            "name": self.name,
            "rounds": {
                r: (p.to_dict() if p is not None else None)
                for r, p in zip(rounds, self.points, strict=True)
            },
            "steps": [s.to_dict() for s in self.steps],
        }


@dataclass(frozen=True, slots=True)
class Scope:
    """The trend for the whole round or for one agency."""

    id: str
    """``all``, or an agency id."""
    name: str
    themes: tuple[ThemeSeries, ...]


@dataclass(frozen=True)
class Trend:
    """Themes across rounds of one tool, whole round and by agency."""

    rounds: tuple[RoundScores, ...]
    comparisons: tuple[VersionComparison, ...]
    """Between round ``n`` and ``n + 1``."""
    scopes: tuple[Scope, ...]
    """The whole round first, then each agency that returned in any round."""

    @property
    def overall(self) -> Scope:
        """The whole-round scope."""
        return self.scopes[0]

    def to_dict(self) -> dict[str, Any]:
        """The trend as JSON-ready data (``trend --format json``)."""
        ids = [r.round for r in self.rounds]
        return {
            "rounds": [
                {"round": r.round, "title": r.title, "panel_date": r.panel_date.isoformat(),
                 "tool": {"id": r.tool.id, "version": r.tool.version},
                 "returns": len(r.scores.responses)}
                for r in self.rounds
            ],
            "scopes": [
                {"scope": s.id, "name": s.name, "themes": [t.to_dict(ids) for t in s.themes]}
                for s in self.scopes
            ],
        }


_Cells = dict[str, tuple[float, float, int]]


def _cells(found: Iterable[ThemeScore]) -> _Cells:
    """Question id -> pooled (points, max_points, answers) over theme scores."""
    out: _Cells = {}
    for theme_score in found:
        for q in theme_score.questions:
            points, top, answers = out.get(q.question, (0.0, 0.0, 0))
            out[q.question] = (points + q.points, top + q.max_points, answers + q.answers)
    return out


def _figure(cells: _Cells, questions: Iterable[str] | None = None) -> Figure:
    chosen = [cells[q] for q in (cells if questions is None else questions) if q in cells]
    return Figure(
        sum(c[0] for c in chosen),
        sum(c[1] for c in chosen),
        sum(c[2] for c in chosen),
        sum(1 for c in chosen if c[2]),
    )


def _theme_scores(scores: Scores, theme: str, agency: str) -> list[ThemeScore]:
    if agency == ALL_AGENCIES:
        found = scores.overall.themes.get(theme)
        return [found] if found is not None else []
    return [r.themes[theme] for r in scores.responses if r.agency == agency and theme in r.themes]


def _point(round_scores: RoundScores, theme: str, agency: str) -> ThemeScore | None:
    if theme not in round_scores.scores.themes:
        return None
    if agency == ALL_AGENCIES:
        return round_scores.scores.overall.themes[theme]
    # pooled as the round's report pools an agency's returns: one way to pool
    pooled = agency_scores(round_scores.scores, round_scores.tool.grading, [agency])
    return pooled.get(agency, {}).get(theme)  # None: no scored return from it this round


def _series(
    rounds: Sequence[RoundScores],
    comparisons: Sequence[VersionComparison],
    theme: str,
    name: str,
    agency: str,
) -> ThemeSeries:
    points = tuple(_point(r, theme, agency) for r in rounds)
    steps = []
    for n, comparison in enumerate(comparisons):
        earlier, later = rounds[n], rounds[n + 1]
        found = comparison.themes[theme]
        before = _cells(_theme_scores(earlier.scores, theme, agency))
        after = _cells(_theme_scores(later.scores, theme, agency))
        pairs = found.pairs
        like = LikeForLike(
            pairs,
            _figure(before, [p.earlier for p in pairs]),
            _figure(after, [p.later for p in pairs]),
        )
        steps.append(Step(earlier.round, later.round, found.comparable, found.reasons, like))
    return ThemeSeries(theme, name, points, tuple(steps))


def _themes(rounds: Sequence[RoundScores]) -> list[tuple[str, str]]:
    """Every theme any round scores, in the latest catalogue's order, with its name."""
    latest = rounds[-1].catalogue
    seen = dict.fromkeys(t for r in rounds for t in r.scores.themes)
    order = [t for t in latest.theme_ids if t in seen]
    order += [t for t in seen if t not in latest.theme_ids]
    out = []
    for theme in order:
        known = next((c.theme(theme) for c in (r.catalogue for r in reversed(rounds))
                      if c.theme(theme) is not None), None)
        out.append((theme, known.name if known is not None else theme))
    return out


def build_trend(rounds: Sequence[RoundScores]) -> Trend:
    """The trend across ``rounds`` (oldest first, one tool; see :mod:`.programme` for the
    checks), for the whole round and each agency that returned in any round."""
    if not rounds:
        raise ValueError("a trend needs at least one round")
    themes = _themes(rounds)
    ids = tuple(t for t, _name in themes)
    comparisons = tuple(
        compare_versions(rounds[n].tool, rounds[n + 1].tool, ids) for n in range(len(rounds) - 1)
    )
    names: dict[str, str] = {}
    for r in rounds:
        for response in r.scores.responses:
            names.setdefault(response.agency, response.agency)
    for r in rounds:
        names.update({a: n for a, n in r.agencies.items() if a in names})
    latest = list(rounds[-1].agencies)
    agencies = sorted(names, key=lambda a: (latest.index(a) if a in latest else len(latest), a))
    scopes = [
        Scope(agency, name, tuple(_series(rounds, comparisons, t, n, agency) for t, n in themes))
        for agency, name in [(ALL_AGENCIES, "All agencies"), *((a, names[a]) for a in agencies)]
    ]
    return Trend(tuple(rounds), comparisons, tuple(scopes))
