"""Charts as inline SVG, written by hand: no script, no network, no external font.

Each chart is a ``<svg role="img">`` with a title and a description for
screen readers, a ``<title>`` on every mark, and the numbers written beside
the colours so that nothing depends on colour alone. Every piece of text is
escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from audit_tool._escape import html_text
from audit_tool.authoring.tool import Grading
from audit_tool.rounds.report.grades import colour, format_percent, grade_label
from audit_tool.rounds.report.model import RoundReport
from audit_tool.rounds.scoring import ThemeScore

__all__ = ["heat_map", "svg_open", "text_colour", "theme_bars"]

_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def text_colour(fill: str) -> str:
    """Dark or white text, whichever reads better on ``fill`` (``#rrggbb``)."""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#1b1b1b" if luminance > 0.5 else "#ffffff"


def svg_open(width: int, height: int, title: str, description: str, ident: str) -> str:
    """The opening ``<svg>`` of a chart, with its title and description for screen
    readers (``ident`` makes their element ids unique in the page)."""
    return _open(width, height, title, description, ident)


def _open(width: int, height: int, title: str, description: str, ident: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="{html_text(_FONT)}">'
        f'<title id="{ident}-title">{html_text(title)}</title>'
        f'<desc id="{ident}-desc">{html_text(description)}</desc>'
    )


def theme_bars(report: RoundReport) -> str:
    """One horizontal bar per theme: the round's pooled percent, coloured by grade,
    with the grade bands marked."""
    grading = report.grading
    label_w, bar_w, value_w, row_h, top = 330, 300, 240, 30, 28
    width = label_w + bar_w + value_w
    height = top + row_h * len(report.themes) + 8
    parts = [
        _open(width, height, "Theme scores for the round",
              "; ".join(_describe(grading, t.name, t.overall) for t in report.themes), "bars"),
    ]
    for band in grading.bands:
        if 0 < band.min < 100:
            x = label_w + bar_w * band.min / 100
            parts.append(
                f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 6}" '
                f'stroke="#6b6b6b" stroke-width="1" stroke-dasharray="3 3"/>'
                f'<text x="{x:.1f}" y="{top - 10}" font-size="11" fill="#4a4a4a" '
                f'text-anchor="middle">{html_text(f"{band.min:g}")}</text>'
            )
    for n, row in enumerate(report.themes):
        y = top + n * row_h
        found = row.overall
        fill = colour(grading, found.grade)
        parts.append(
            f"<g><title>{html_text(_describe(grading, row.name, found))}</title>"
            f'<text x="{label_w - 10}" y="{y + 19}" font-size="13" fill="#1b1b1b" '
            f'text-anchor="end">{html_text(row.name)}</text>'
            f'<rect x="{label_w}" y="{y + 5}" width="{bar_w}" height="20" fill="#efefef"/>'
        )
        if found.percent is not None:
            parts.append(
                f'<rect x="{label_w}" y="{y + 5}" width="{bar_w * found.percent / 100:.1f}" '
                f'height="20" fill="{fill}"/>'
            )
        # Without a percent, the grade alone: "Not evidenced".
        value = format_percent(found.percent, suffix="%  ", placeholder="")
        value += grade_label(grading, found.grade)
        parts.append(
            f'<text x="{label_w + bar_w + 10}" y="{y + 19}" font-size="13" fill="#1b1b1b">'
            f"{html_text(value)}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _describe(grading: Grading, where: str, found: ThemeScore) -> str:
    """``Recording: 63.5%, requires improvement (40 scored answers)``, for titles and
    descriptions."""
    shown = format_percent(found.percent, suffix="%", placeholder="no scored answers")
    grade = grade_label(grading, found.grade).lower()
    return f"{where}: {shown}, {grade} ({found.answers} scored answers)"


def heat_map(report: RoundReport) -> str:
    """Themes down, cases across (and the round last): each cell the pooled percent,
    coloured by grade."""
    grading = report.grading
    columns: Sequence[str] = [c.ref for c in report.cases if c.ref in report.scores.cases]
    label_w, cell_w, cell_h, top = 330, 78, 30, 30
    width = label_w + cell_w * (len(columns) + 1) + 4
    height = top + cell_h * len(report.themes) + 4
    parts = [
        _open(width, height, "Theme scores by case",
              f"{len(report.themes)} themes by {len(columns)} cases and the whole round", "heat"),
    ]
    heads = [*columns, "All cases"]
    for k, head in enumerate(heads):
        x = label_w + cell_w * k + cell_w / 2
        weight = ' font-weight="bold"' if k == len(columns) else ""
        parts.append(
            f'<text x="{x:.1f}" y="{top - 10}" font-size="12" text-anchor="middle" '
            f'fill="#1b1b1b"{weight}>{html_text(head)}</text>'
        )
    for n, row in enumerate(report.themes):
        y = top + n * cell_h
        parts.append(
            f'<text x="{label_w - 10}" y="{y + 20}" font-size="13" fill="#1b1b1b" '
            f'text-anchor="end">{html_text(row.name)}</text>'
        )
        cells = [(c, row.by_case.get(c)) for c in columns] + [("All cases", row.overall)]
        for k, (where, found) in enumerate(cells):
            if found is None:
                continue
            x = label_w + cell_w * k
            fill = colour(grading, found.grade)
            shown = format_percent(found.percent)
            parts.append(
                f"<g><title>{html_text(_describe(grading, f'{where}, {row.name}', found))}</title>"
                f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{fill}"/>'
                f'<text x="{x + cell_w / 2:.1f}" y="{y + 20}" font-size="12" '
                f'text-anchor="middle" fill="{text_colour(fill)}">{html_text(shown)}</text></g>'
            )
    parts.append("</svg>")
    return "".join(parts)
