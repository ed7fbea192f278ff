"""The theme scores by agency: each agency's returns pooled, theme by theme.

A board gives agencies actions of their own (the source's learning 5.7 and
5.8 are actions for single agencies), so the report shows agency by theme:
the sum of points over the sum of points available across that agency's
valid returns, graded by the tool's bands, as cases and the round are pooled.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from audit_tool.authoring.tool import Grading
from audit_tool.rounds.scoring import Scores, ThemeScore, percent_of

__all__ = ["agency_scores"]


def agency_scores(
    scores: Scores, grading: Grading, agencies: Iterable[str]
) -> dict[str, dict[str, ThemeScore]]:
    """``agency -> theme -> pooled score`` for every agency with a scored return, in the
    order of ``agencies`` (agencies not listed after them)."""
    sums: dict[str, dict[str, list[float]]] = {}
    for response in scores.responses:
        into = sums.setdefault(response.agency, {t: [0.0, 0.0, 0] for t in scores.themes})
        for theme, found in response.themes.items():
            cell = into.setdefault(theme, [0.0, 0.0, 0])
            cell[0] += found.points
            cell[1] += found.max_points
            cell[2] += found.answers
    order = [a for a in dict.fromkeys(agencies) if a in sums]
    order += [a for a in sums if a not in order]
    return {agency: _graded(sums[agency], grading) for agency in order}


def _graded(cells: Mapping[str, list[float]], grading: Grading) -> dict[str, ThemeScore]:
    out = {}
    for theme, (points, max_points, answers) in cells.items():
        percent = percent_of(points, max_points)
        grade = grading.grade(percent, int(answers), theme)
        out[theme] = ThemeScore(theme, points, max_points, int(answers), percent, grade)
    return out
