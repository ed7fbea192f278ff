"""The trend chart: one small panel per theme, written by hand as inline SVG.

In each panel the rounds run left to right on a 0-100% scale with the grade
bands dashed. Each round's whole-theme score is a dot coloured by its grade,
its percent written beside it. Between two rounds whose scoring is the same,
a solid line joins the dots. Where the tool changed how the theme is scored,
there is no line: a grey band marked "scoring changed" breaks the series, and
the like-for-like figures (only the questions that score the same way in
both) are drawn as hollow diamonds joined by a dashed line, with how many
questions stand behind them. Every mark has a ``<title>``; every text is
escaped; nothing depends on colour alone.
"""

from __future__ import annotations

from audit_tool._escape import html_text
from audit_tool.authoring.tool import Grading
from audit_tool.rounds.report.grades import colour, format_percent, grade_label
from audit_tool.rounds.report.svg import svg_open
from audit_tool.rounds.scoring import ThemeScore
from audit_tool.rounds.trend.model import Scope, ThemeSeries, Trend
from audit_tool.rounds.trend.render import format_movement

__all__ = ["trend_chart"]

_PANEL_W, _PANEL_H = 280, 210
_LEFT, _RIGHT, _TOP, _BOTTOM = 34, 16, 30, 44
_COLUMNS = 4
_DARK = "#1b1b1b"


def _y(percent: float) -> float:
    plot = _PANEL_H - _TOP - _BOTTOM
    return _TOP + plot * (1 - percent / 100)


def _x(n: int, count: int) -> float:
    plot = _PANEL_W - _LEFT - _RIGHT
    if count == 1:
        return _LEFT + plot / 2
    return _LEFT + 24 + (plot - 48) * n / (count - 1)


def _short(name: str, limit: int = 38) -> str:
    """A theme's name cut to fit its panel (the full name is in the title)."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _break_words(earlier: str, later: str) -> str:
    return (
        f"Scoring changed between {earlier} and {later}: "
        "the whole-theme figures do not compare"
    )


def _label_y(y: float, diamond: float | None) -> float:
    """Where a dot's percent goes: above the dot, unless a like-for-like diamond (whose own
    label is beside it) stands in that space or the top of the plot is too near; then
    below the dot."""
    above = y - 10
    crowded = diamond is not None and above - 11 <= diamond + 6 and diamond - 6 <= y
    return y + 19 if crowded or above - 9 < _TOP - 12 else above


def _dot(
    x: float, found: ThemeScore, grading: Grading, where: str, diamond: float | None = None
) -> str:
    y = _y(found.percent or 0.0)
    fill = colour(grading, found.grade)
    shown = format_percent(found.percent, suffix="%")
    words = f"{where}: {shown}, {grade_label(grading, found.grade).lower()} " \
            f"({found.answers} scored answers)"
    return (
        f"<g><title>{html_text(words)}</title>"
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{fill}" stroke="{_DARK}" '
        f'stroke-width="1"/>'
        f'<text x="{x:.1f}" y="{_label_y(y, diamond):.1f}" font-size="11" text-anchor="middle" '
        f'fill="{_DARK}">{html_text(shown)}</text></g>'
    )


def _panel(trend: Trend, series: ThemeSeries, ox: int, oy: int) -> str:
    rounds = trend.rounds
    count = len(rounds)
    grading = rounds[-1].tool.grading
    parts = [f'<g transform="translate({ox},{oy})">']
    parts.append(
        f'<rect x="0.5" y="0.5" width="{_PANEL_W - 1}" height="{_PANEL_H - 1}" fill="#ffffff" '
        f'stroke="#bbbbbb"/>'
        f'<text x="8" y="18" font-size="12" font-weight="bold" fill="{_DARK}">'
        f"<title>{html_text(series.name)}</title>{html_text(_short(series.name))}</text>"
    )
    for mark in (0, 50, 100):
        parts.append(
            f'<text x="{_LEFT - 4}" y="{_y(mark) + 4:.1f}" font-size="9" fill="#4a4a4a" '
            f'text-anchor="end">{mark}</text>'
        )
    for band in grading.bands:
        if 0 < band.min < 100:
            y = _y(band.min)
            parts.append(
                f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{_PANEL_W - _RIGHT}" y2="{y:.1f}" '
                f'stroke="#9a9a9a" stroke-width="0.8" stroke-dasharray="3 3"/>'
            )
    parts.append(
        f'<line x1="{_LEFT}" y1="{_y(0):.1f}" x2="{_PANEL_W - _RIGHT}" y2="{_y(0):.1f}" '
        f'stroke="#6b6b6b"/>'
    )
    for n, info in enumerate(rounds):
        parts.append(
            f'<text x="{_x(n, count):.1f}" y="{_PANEL_H - _BOTTOM + 14}" font-size="10" '
            f'text-anchor="middle" fill="{_DARK}">{html_text(info.panel_date.strftime("%b %Y"))}'
            "</text>"
        )
    diamonds: dict[int, float] = {}  # round -> the height of its like-for-like diamond
    for n, step in enumerate(series.steps):
        x1, x2 = _x(n, count), _x(n + 1, count)
        before, after = series.points[n], series.points[n + 1]
        if step.comparable:
            if before is not None and after is not None and before.percent is not None \
                    and after.percent is not None:
                parts.append(
                    f'<line x1="{x1:.1f}" y1="{_y(before.percent):.1f}" x2="{x2:.1f}" '
                    f'y2="{_y(after.percent):.1f}" stroke="{_DARK}" stroke-width="2"/>'
                )
            continue
        mid = (x1 + x2) / 2
        parts.append(
            f"<g><title>{html_text(_break_words(step.earlier, step.later))}</title>"
            f'<rect x="{mid - 7:.1f}" y="{_TOP}" width="14" height="{_y(0) - _TOP:.1f}" '
            f'fill="#e4e4e4"/>'
            f'<text x="{mid:.1f}" y="{_PANEL_H - _BOTTOM + 28}" font-size="9" '
            f'text-anchor="middle" fill="#4a4a4a">scoring changed</text></g>'
        )
        like = step.like_for_like
        if like.before.percent is None or like.after.percent is None:
            parts.append(
                f'<text x="{mid:.1f}" y="{_PANEL_H - _BOTTOM + 38}" font-size="9" '
                f'text-anchor="middle" fill="#4a4a4a">no like-for-like questions</text>'
            )
            continue
        yb, ya = _y(like.before.percent), _y(like.after.percent)
        diamonds[n], diamonds[n + 1] = yb, ya
        words = (
            f"Like for like on {len(like.questions)} questions: "
            f"{format_percent(like.before.percent, suffix='%')} "
            f"({like.before.answers} answers) to {format_percent(like.after.percent, suffix='%')} "
            f"({like.after.answers} answers), {format_movement(like.movement)} points"
        )
        parts.append(
            f"<g><title>{html_text(words)}</title>"
            f'<line x1="{x1:.1f}" y1="{yb:.1f}" x2="{x2:.1f}" y2="{ya:.1f}" stroke="{_DARK}" '
            f'stroke-width="1.5" stroke-dasharray="5 3"/>'
            + "".join(
                f'<path d="M{x:.1f},{y - 6:.1f} L{x + 6:.1f},{y:.1f} L{x:.1f},{y + 6:.1f} '
                f'L{x - 6:.1f},{y:.1f} Z" fill="#ffffff" stroke="{_DARK}" stroke-width="1.5"/>'
                for x, y in ((x1, yb), (x2, ya))
            )
            # Beside the diamonds, outwards, so as not to meet the dots' labels above them.
            + "".join(
                f'<text x="{x:.1f}" y="{y + 4:.1f}" font-size="10" font-style="italic" '
                f'text-anchor="{anchor}" fill="{_DARK}">'
                f"{html_text(format_percent(value, suffix='%'))}</text>"
                for x, y, value, anchor in (
                    (x1 - 9, yb, like.before.percent, "end"),
                    (x2 + 9, ya, like.after.percent, "start"),
                )
            )
            + f'<text x="{mid:.1f}" y="{_PANEL_H - _BOTTOM + 38}" font-size="9" '
            f'text-anchor="middle" fill="{_DARK}">like for like: '
            f"{html_text(format_movement(like.movement))} on {len(like.questions)} "
            f"question{'s' if len(like.questions) != 1 else ''}</text></g>"
        )
    for n, found in enumerate(series.points):
        if found is not None and found.percent is not None:
            grading_n = rounds[n].tool.grading
            parts.append(_dot(_x(n, count), found, grading_n,
                              f"{series.name}, {rounds[n].round}", diamonds.get(n)))
    parts.append("</g>")
    return "".join(parts)


def trend_chart(trend: Trend, scope: Scope | None = None) -> str:
    """The chart of one scope (the whole round by default), one panel per theme."""
    scope = scope if scope is not None else trend.overall
    themes = scope.themes
    rows = (len(themes) + _COLUMNS - 1) // _COLUMNS
    columns = min(len(themes), _COLUMNS) or 1
    width, height = columns * (_PANEL_W + 8), rows * (_PANEL_H + 8) + 28
    breaks = [s.name for s in themes if any(not st.comparable for st in s.steps)]
    description = (
        f"{len(themes)} themes across {len(trend.rounds)} rounds ({scope.name}). "
        + (f"Scoring changed for: {', '.join(breaks)}; only their like-for-like figures "
           "compare." if breaks else "Every theme is scored the same way in every round.")
    )
    parts = [svg_open(width, height, f"Theme scores across rounds: {scope.name}",
                      description, f"trend-{scope.id}")]
    legend_y = 16
    parts.append(
        f'<circle cx="10" cy="{legend_y - 4}" r="5" fill="#74b86b" stroke="{_DARK}"/>'
        f'<text x="20" y="{legend_y}" font-size="11" fill="{_DARK}">whole theme, coloured by '
        "grade</text>"
        f'<path d="M210,{legend_y - 9} L215,{legend_y - 4} L210,{legend_y + 1} L205,'
        f'{legend_y - 4} Z" fill="#ffffff" stroke="{_DARK}"/>'
        f'<text x="222" y="{legend_y}" font-size="11" fill="{_DARK}">like for like (same '
        "questions, same scoring)</text>"
        f'<rect x="470" y="{legend_y - 10}" width="10" height="12" fill="#e4e4e4"/>'
        f'<text x="486" y="{legend_y}" font-size="11" fill="{_DARK}">scoring changed: '
        "series broken</text>"
    )
    for n, series in enumerate(themes):
        ox = (n % _COLUMNS) * (_PANEL_W + 8)
        oy = 28 + (n // _COLUMNS) * (_PANEL_H + 8)
        parts.append(_panel(trend, series, ox, oy))
    parts.append("</svg>")
    return "".join(parts)

