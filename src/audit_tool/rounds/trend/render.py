"""The trend as text (for the terminal), Markdown, CSV and JSON.

Every table says, for each theme and each step from one round to the next,
whether the whole figures compare ("same scoring") or the series breaks
("scoring changed"), and gives the like-for-like figures with the questions
and answers behind them, so that no movement mixes incomparable scores
without saying so.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from audit_tool._escape import md_text
from audit_tool.authoring.describe import plural
from audit_tool.authoring.tool import Grading
from audit_tool.formatters import render_json
from audit_tool.rounds.report.grades import abbreviations, format_percent
from audit_tool.rounds.report.tables import legend
from audit_tool.rounds.scoring import ThemeScore, plain_number
from audit_tool.rounds.trend.model import Figure, Scope, Step, ThemeSeries, Trend

__all__ = [
    "CSV_COLUMNS",
    "format_movement",
    "missing_round",
    "render_trend_csv",
    "render_trend_json",
    "render_trend_markdown",
    "render_trend_text",
    "step_words",
]

CSV_COLUMNS = (
    "scope", "theme", "round", "tool", "points", "max_points", "percent", "grade", "answers",
    "compared_with", "same_scoring", "like_for_like_questions", "like_for_like_previous_percent",
    "like_for_like_percent", "like_for_like_previous_answers", "like_for_like_answers",
    "movement",
)


def format_movement(value: float | None) -> str:
    """``+23.7`` / ``-4.1`` / ``0.0`` percentage points, or ``-`` when there is none."""
    if value is None:
        return "-"
    shown = f"{value:+.1f}"
    return "0.0" if shown in ("+0.0", "-0.0") else shown


def _figures(step: Step) -> str:
    like = step.like_for_like
    if not like.questions:
        return "no question scores the same way in both rounds"
    return (
        f"{format_percent(like.before.percent)} -> {format_percent(like.after.percent)} "
        f"({format_movement(like.movement)}) on {plural(len(like.questions), 'question')}, "
        f"{like.before.answers} and {like.after.answers} answers"
    )


def step_words(step: Step) -> str:
    """A step in words: ``same scoring: 57.0 -> 80.7 (+23.7) on 3 questions, 78 and 78
    answers`` or ``scoring changed; like for like: ...``."""
    if step.comparable:
        return f"same scoring: {_figures(step)}"
    return f"scoring changed; like for like: {_figures(step)}"


def missing_round(series: ThemeSeries, n: int) -> str | None:
    """Why step ``n`` of ``series`` has nothing to compare (a round with no scored return in
    this scope), or ``None``."""
    step = series.steps[n]
    for found, round_id in ((series.points[n], step.earlier), (series.points[n + 1], step.later)):
        if found is None:
            return f"no return in {round_id}"
    return None


def _step_cell(series: ThemeSeries, n: int) -> str:
    return missing_round(series, n) or step_words(series.steps[n])


def _cell(found: ThemeScore | None, short: dict[str, str]) -> str:
    if found is None:
        return ""
    return f"{format_percent(found.percent)} {short.get(found.grade, found.grade)}"


def _gradings(trend: Trend) -> list[Grading]:
    return [r.tool.grading for r in trend.rounds]


def _columns(rows: Sequence[Sequence[str]], right: int) -> str:
    """Text columns: the first left, the next ``right`` right-aligned, the rest left."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, (cell, width) in enumerate(zip(row, widths, strict=True)):
            cells.append(cell.rjust(width) if 0 < i <= right else cell.ljust(width))
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _heading(trend: Trend) -> str:
    rounds = ", ".join(
        f"{r.round} ({r.tool.ref}, panel {r.panel_date.isoformat()}, "
        f"{plural(len(r.scores.responses), 'return')})"
        for r in trend.rounds
    )
    tool = trend.rounds[-1].tool
    return f"Trend: {tool.title}, {plural(len(trend.rounds), 'round')}: {rounds}\n"


def _scope_text(trend: Trend, scope: Scope) -> str:
    shorts = [abbreviations(g) for g in _gradings(trend)]
    ids = [r.round for r in trend.rounds]
    head = ["theme", *ids, *(f"{s.earlier} -> {s.later}" for s in scope.themes[0].steps)]
    rows = [head]
    for series in scope.themes:
        row = [series.theme]
        row += [_cell(p, shorts[n]) for n, p in enumerate(series.points)]
        row += [_step_cell(series, n) for n in range(len(series.steps))]
        rows.append(row)
    return f"{scope.name}\n" + _columns(rows, len(ids))


def render_trend_text(trend: Trend) -> str:
    """The trend for the terminal: the whole round with the questions behind each
    like-for-like figure, then each agency."""
    parts = [_heading(trend), "", _scope_text(trend, trend.overall)]
    questions = _questions_lines(trend.overall)
    if questions:
        parts += ["", "like-for-like questions (earlier -> later where renamed):", *questions]
    for scope in trend.scopes[1:]:
        parts += ["", _scope_text(trend, scope)]
    parts += ["", legend(trend.rounds[-1].tool.grading).rstrip(), _NOTE]
    return "\n".join(p.rstrip("\n") for p in parts) + "\n"


_NOTE = (
    "'scoring changed' breaks the series: the tool version changed how the theme is scored, "
    "so compare only the like-for-like figures, computed on the questions that score the "
    "same way in both rounds."
)


def _questions_lines(scope: Scope) -> list[str]:
    lines = []
    for series in scope.themes:
        for step in series.steps:
            if step.comparable:
                continue
            names = [
                q.later if q.earlier == q.later else f"{q.earlier} -> {q.later}"
                for q in step.like_for_like.questions
            ]
            shown = ", ".join(names) if names else "none"
            lines.append(f"  {series.theme} ({step.earlier} -> {step.later}): {shown}")
    return lines


# --- Markdown -------------------------------------------------------------------------


def _md_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def _md_scope(trend: Trend, scope: Scope) -> str:
    shorts = [abbreviations(g) for g in _gradings(trend)]
    ids = [r.round for r in trend.rounds]
    steps = scope.themes[0].steps
    head = ["Theme", *(md_text(i) for i in ids),
            *(f"{md_text(s.earlier)} → {md_text(s.later)}" for s in steps)]
    rows = []
    for series in scope.themes:
        row = [md_text(series.name)]
        row += [md_text(_cell(p, shorts[n])) or "\u2013" for n, p in enumerate(series.points)]
        row += [md_text(_step_cell(series, n)) for n in range(len(series.steps))]
        rows.append(row)
    return _md_table(head, rows)


def _md_changes(trend: Trend) -> list[str]:
    out = []
    for series in trend.overall.themes:
        for step in series.steps:
            if step.comparable:
                continue
            out.append(f"### {md_text(series.name)}: {md_text(step.earlier)} → "
                       f"{md_text(step.later)}\n")
            pairs = step.like_for_like.questions
            if pairs:
                names = ", ".join(
                    f"`{q.later}`" if q.earlier == q.later
                    else f"`{q.earlier}` → `{q.later}`"
                    for q in pairs
                )
                out.append(f"Like for like on {plural(len(pairs), 'question')}: {names}.\n")
            else:
                out.append("No question scores the same way in both rounds: there is no "
                           "like-for-like figure.\n")
            out.append("Why the scoring changed:\n")
            out += [f"- {md_text(reason)}" for reason in step.reasons]
            out.append("")
    return out


def render_trend_markdown(trend: Trend) -> str:
    """The trend as Markdown: the whole round, what changed in the tool for each theme
    whose scoring changed, and each agency."""
    tool = trend.rounds[-1].tool
    parts = [
        f"# Trend: {md_text(tool.title)}\n",
        "| Round | Panel | Tool | Returns scored |",
        "|---|---|---|---|",
        *(f"| {md_text(r.title)} (`{r.round}`) | {r.panel_date.isoformat()} | "
          f"`{r.tool.ref}` | {len(r.scores.responses)} |" for r in trend.rounds),
        "",
        "## All agencies\n",
        _md_scope(trend, trend.overall),
        md_text(_NOTE) + " Percents are rounded down; movements are in percentage points.\n",
    ]
    changes = _md_changes(trend)
    if changes:
        parts += ["## Where the tool changed how a theme is scored\n", *changes]
    if len(trend.scopes) > 1:
        parts.append("## By agency\n")
        for scope in trend.scopes[1:]:
            parts += [f"### {md_text(scope.name)}\n", _md_scope(trend, scope)]
    parts.append(md_text(legend(tool.grading).strip()) + "\n")
    return "\n".join(parts)


# --- CSV and JSON ---------------------------------------------------------------------


def _number(value: float | None) -> str:
    return "" if value is None else str(plain_number(value))


def _csv_rows(trend: Trend, scope: Scope, series: ThemeSeries) -> list[list[str]]:
    rows = []
    for n, (info, found) in enumerate(zip(trend.rounds, series.points, strict=True)):
        row = [scope.id, series.theme, info.round, info.tool.ref]
        if found is None:
            row += ["", "", "", "", ""]
        else:
            row += [_number(found.points), _number(found.max_points), _number(found.percent),
                    found.grade, str(found.answers)]
        if n == 0:
            row += [""] * 8
        else:
            step = series.steps[n - 1]
            like = step.like_for_like
            row += [
                step.earlier,
                "yes" if step.comparable else "no",
                " ".join(q.later for q in like.questions),
                _number(like.before.percent),
                _number(like.after.percent),
                str(like.before.answers),
                str(like.after.answers),
                _number(like.movement),
            ]
        rows.append(row)
    return rows


def render_trend_csv(trend: Trend) -> str:
    """One row per scope, theme and round: the whole figure, and (after the first round)
    the step from the round before: same scoring or not, and the like-for-like figures."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for scope in trend.scopes:
        for series in scope.themes:
            writer.writerows(_csv_rows(trend, scope, series))
    return out.getvalue()


def render_trend_json(trend: Trend) -> str:
    """``trend --format json``."""
    return render_json(trend.to_dict())


def figure_words(figure: Figure) -> str:
    """``57.0% over 78 answers to 3 questions``."""
    shown = format_percent(figure.percent, suffix="%", placeholder="no scored answers")
    return f"{shown} over {figure.answers} answers to {plural(figure.questions, 'question')}"
