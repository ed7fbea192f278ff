"""The trend as one self-contained HTML page: inline styles and SVG, no script, no network.

The page carries a Content-Security-Policy that allows nothing but its own
inline styles, so that even a copy opened from a shared drive loads nothing.
Every piece of text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable

from audit_tool._escape import html_text
from audit_tool.authoring.describe import plural
from audit_tool.authoring.tool import Grading
from audit_tool.rounds.report.grades import colour, format_percent, grade_label
from audit_tool.rounds.report.svg import text_colour
from audit_tool.rounds.scoring import ThemeScore
from audit_tool.rounds.trend.chart import trend_chart
from audit_tool.rounds.trend.model import Scope, Trend
from audit_tool.rounds.trend.render import format_movement, missing_round, step_words

__all__ = ["CSP", "render_trend_html"]

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
"""The page's Content-Security-Policy: inline styles only."""

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1b1b1b; background: #fff; margin: 0; line-height: 1.45; }
main { max-width: 76rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #1b1b1b; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.grade { display: inline-block; padding: .05rem .4rem; border-radius: 3px; white-space: nowrap; }
.break { background: #f3f3f3; }
.note { color: #444; font-size: .9rem; }
.chart { max-width: 100%; height: auto; display: block; margin: .5rem 0 1rem; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .88em; }
details { margin: .4rem 0; }
@page { size: A4 landscape; margin: 12mm; }
@media print { main { max-width: none; padding: 0; } .chart, table { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def _grade(grading: Grading, found: ThemeScore | None) -> str:
    if found is None:
        return "&ndash;"
    fill = colour(grading, found.grade)
    shown = format_percent(found.percent, suffix="%", placeholder="\u2013")
    return (
        f"{html_text(shown)} "
        f'<span class="grade" style="background:{fill};color:{text_colour(fill)}">'
        f"{html_text(grade_label(grading, found.grade))}</span>"
    )


def _table(head: Iterable[str], rows: Iterable[list[str]]) -> str:
    out = ["<table><thead><tr>"]
    out += [f'<th scope="col">{html_text(h)}</th>' for h in head]
    out.append("</tr></thead><tbody>")
    out += ["<tr>" + "".join(row) + "</tr>" for row in rows]
    out.append("</tbody></table>")
    return "".join(out)


def _scope_table(trend: Trend, scope: Scope) -> str:
    steps = scope.themes[0].steps
    head = ["Theme", *(r.round for r in trend.rounds)]
    for s in steps:
        head += [f"{s.earlier} → {s.later}", "Like for like", "Questions, answers"]
    rows = []
    for series in scope.themes:
        row = [f'<th scope="row">{html_text(series.name)}</th>']
        row += [
            f'<td class="num">{_grade(trend.rounds[n].tool.grading, p)}</td>'
            for n, p in enumerate(series.points)
        ]
        for n, step in enumerate(series.steps):
            like = step.like_for_like
            missing = missing_round(series, n)
            if missing is not None:
                row += [f'<td colspan="3">{html_text(missing)}</td>']
                continue
            kind = "same scoring" if step.comparable else "scoring changed"
            cls = "" if step.comparable else ' class="break"'
            if like.questions:
                figures = (
                    f"{format_percent(like.before.percent, suffix='%')} → "
                    f"{format_percent(like.after.percent, suffix='%')} "
                    f"({format_movement(like.movement)})"
                )
                behind = (f"{plural(len(like.questions), 'question')}; "
                          f"{like.before.answers} and {like.after.answers} answers")
            else:
                figures, behind = "none", "no question scores the same way"
            row += [f"<td{cls}>{html_text(kind)}</td>",
                    f'<td class="num">{html_text(figures)}</td>',
                    f"<td>{html_text(behind)}</td>"]
        rows.append(row)
    return _table(head, rows)


def _changes(trend: Trend) -> str:
    parts = []
    for series in trend.overall.themes:
        for step in series.steps:
            if step.comparable:
                continue
            names = ", ".join(
                f"<code>{html_text(q.later)}</code>" if q.earlier == q.later
                else f"<code>{html_text(q.earlier)}</code> → <code>{html_text(q.later)}</code>"
                for q in step.like_for_like.questions
            ) or "none"
            reasons = "".join(f"<li>{html_text(r)}</li>" for r in step.reasons)
            parts.append(
                f"<details><summary><strong>{html_text(series.name)}</strong>: "
                f"{html_text(step_words(step))}</summary>"
                f"<p>Like-for-like questions: {names}.</p>"
                f"<p>Why the scoring changed ({len(step.reasons)}):</p><ul>{reasons}</ul>"
                "</details>"
            )
    if not parts:
        return ""
    return (
        '<section id="changes"><h2>Where the tool changed how a theme is scored</h2>'
        "<p>For these themes the whole-theme figures of the two rounds do not compare: "
        "read only the like-for-like figures, on the questions listed.</p>"
        + "".join(parts) + "</section>"
    )


def render_trend_html(trend: Trend) -> str:
    """The trend as one self-contained HTML document."""
    from audit_tool import __version__  # here: the package imports this module

    tool = trend.rounds[-1].tool
    rounds = "".join(
        f"<tr><td>{html_text(r.title)} (<code>{html_text(r.round)}</code>)</td>"
        f"<td>{html_text(r.panel_date.isoformat())}</td><td><code>{html_text(r.tool.ref)}"
        f'</code></td><td class="num">{len(r.scores.responses)}</td></tr>'
        for r in trend.rounds
    )
    by_agency = "".join(
        f"<h3>{html_text(scope.name)}</h3>{_scope_table(trend, scope)}"
        for scope in trend.scopes[1:]
    )
    body = (
        f"<h1>Trend: {html_text(tool.title)}</h1>"
        "<table><thead><tr><th>Round</th><th>Panel</th><th>Tool</th><th>Returns scored</th>"
        f"</tr></thead><tbody>{rounds}</tbody></table>"
        '<section id="overall"><h2>All agencies</h2>'
        f"{trend_chart(trend)}{_scope_table(trend, trend.overall)}"
        '<p class="note">Where the scoring changed, the series is broken: the tool version '
        "changed how the theme is scored, so only the like-for-like figures (the questions "
        "that score the same way in both rounds) show a movement of practice. Percents are "
        "rounded down; movements are in percentage points.</p></section>"
        + _changes(trend)
        + (f'<section id="agencies"><h2>By agency</h2>{by_agency}</section>' if by_agency else "")
    )
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html_text(CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html_text(f'Trend: {tool.title}')}</title><style>{_CSS}</style></head>"
        f"<body><main>{body}<footer class=\"note\">Made with audit-tool "
        f"{html_text(__version__)} from the rounds' returns. No answer or evidence text is "
        "reproduced here.</footer></main></body></html>\n"
    )
