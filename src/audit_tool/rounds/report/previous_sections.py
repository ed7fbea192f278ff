"""The report's section on the previous round, in Markdown, HTML and text.

Kept apart from the other sections so that each renderer adds it with one
call. The movement of each theme is like for like where the tool changed
(and says so); actions still open after their due date, as of this round's
panel date, stand out: first in their table, marked *overdue*.
"""

from __future__ import annotations

from audit_tool._escape import html_text, md_text
from audit_tool.authoring.describe import plural
from audit_tool.rounds.report.grades import abbreviations, format_percent
from audit_tool.rounds.report.model import RoundReport
from audit_tool.rounds.report.previous import ActionRow, MovementRow, PreviousRound
from audit_tool.rounds.trend.render import format_movement

__all__ = ["previous_html", "previous_markdown", "previous_text"]


def _figure(row: MovementRow, report: RoundReport) -> tuple[str, str]:
    short = abbreviations(report.grading)
    cells = []
    for found in (row.before, row.after):
        if found is None:
            cells.append("-")
        else:
            cells.append(f"{format_percent(found.percent, suffix='%')} "
                         f"{short.get(found.grade, found.grade)}")
    return cells[0], cells[1]


def _like(row: MovementRow) -> tuple[str, str, str]:
    step = row.step
    like = step.like_for_like
    kind = "same scoring" if step.comparable else "scoring changed"
    if not like.questions:
        return kind, "none", "no question scores the same way in both rounds"
    figures = (f"{format_percent(like.before.percent, suffix='%')} → "
               f"{format_percent(like.after.percent, suffix='%')} "
               f"({format_movement(like.movement)})")
    behind = (f"{plural(len(like.questions), 'question')}; "
              f"{like.before.answers} and {like.after.answers} answers")
    return kind, figures, behind


def _status(row: ActionRow) -> str:
    action = row.action
    words = action.status.value
    if action.status_date is not None:
        words += f" {action.status_date.isoformat()}"
    if row.overdue:
        words = f"OVERDUE (due {action.due.isoformat()}, still open)"
    words += f": {action.note}" if action.note else ""
    return words + (f" ({row.tool_note})" if row.tool_note else "")


def _ordered(previous: PreviousRound) -> list[ActionRow]:
    return sorted(previous.actions, key=lambda a: (not a.overdue, a.action.status.value != "open"))


def _summary(previous: PreviousRound) -> str:
    counts = previous.counts()
    return (
        f"{plural(len(previous.actions), 'action')} agreed at the previous round: "
        f"{counts['done']} done, {counts['dropped']} dropped, {counts['open']} open, of which "
        f"{counts['overdue']} overdue as of this round's panel "
        f"({previous.as_of.isoformat()})."
    )


def _intro(previous: PreviousRound) -> str:
    return (
        f"Previous round: {previous.title} ({previous.round}), panel "
        f"{previous.panel_date.isoformat()}, tool {previous.tool_ref}. Where the tool changed "
        "how a theme is scored, only the like-for-like figure (the questions that score the "
        "same way in both rounds) shows a movement of practice."
    )


def previous_markdown(report: RoundReport) -> str:
    """``## Since the previous round``, or nothing when the report has no previous round."""
    previous = report.previous
    if previous is None:
        return ""
    rows = []
    for row in previous.movements:
        before, after = _figure(row, report)
        kind, figures, behind = _like(row)
        rows.append(f"| {md_text(row.name)} | {before} | {after} | {kind} | "
                    f"{md_text(figures)} | {md_text(behind)} |")
    actions = []
    for item in _ordered(previous):
        status = md_text(_status(item))
        if item.overdue:
            status = f"**{status}**"
        actions.append(
            f"| {md_text(item.learning)} | {md_text(item.action.text)} | "
            f"{md_text(', '.join(item.owners))} | {item.action.due.isoformat()} | {status} |"
        )
    out = [
        "## Since the previous round\n",
        md_text(_intro(previous)) + "\n",
        "| Theme | Previous | This round | Scoring | Like for like | Questions, answers |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        "### Actions agreed at the previous round\n",
        md_text(_summary(previous)) + "\n",
    ]
    if actions:
        out += ["| Learning | Action | Owners | Due | Status |", "|---|---|---|---|---|",
                *actions]
    return "\n".join(out) + "\n\n"


def previous_html(report: RoundReport) -> str:
    """The previous-round section as HTML, or nothing."""
    previous = report.previous
    if previous is None:
        return ""
    rows = []
    for row in previous.movements:
        before, after = _figure(row, report)
        kind, figures, behind = _like(row)
        cls = "" if row.step.comparable else ' style="background:#f3f3f3"'
        rows.append(
            f'<tr><th scope="row">{html_text(row.name)}</th><td class="num">'
            f'{html_text(before)}</td><td class="num">{html_text(after)}</td>'
            f"<td{cls}>{html_text(kind)}</td><td class=\"num\">"
            f"{html_text(figures)}</td><td>{html_text(behind)}</td></tr>"
        )
    actions = []
    for item in _ordered(previous):
        style = ' style="background:#f6d0cc;font-weight:bold"' if item.overdue else ""
        actions.append(
            f"<tr{style}><td>{html_text(item.learning)}</td><td>{html_text(item.action.text)}"
            f"</td><td>{html_text(', '.join(item.owners))}</td>"
            f"<td>{html_text(item.action.due.isoformat())}</td>"
            f"<td>{html_text(_status(item))}</td></tr>"
        )
    return (
        '<section id="previous"><h2>Since the previous round</h2>'
        f"<p>{html_text(_intro(previous))}</p>"
        '<div class="wide"><table><thead><tr><th>Theme</th><th>Previous</th>'
        "<th>This round</th><th>Scoring</th>"
        "<th>Like for like</th><th>Questions, answers</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
        "<h3>Actions agreed at the previous round</h3>"
        f"<p>{html_text(_summary(previous))}</p>"
        + (
            '<div class="wide"><table><thead><tr><th>Learning</th><th>Action</th>'
            "<th>Owners</th><th>Due</th>"
            f"<th>Status</th></tr></thead><tbody>{''.join(actions)}</tbody></table></div>"
            if actions else ""
        )
        + "</section>"
    )


def previous_text(report: RoundReport) -> list[str]:
    """Lines for the terminal summary: the movements and the overdue actions."""
    previous = report.previous
    if previous is None:
        return []
    lines = ["", f"since {previous.round}:"]
    for row in previous.movements:
        kind, figures, _behind = _like(row)
        lines.append(f"  {row.theme}: {kind}; like for like {figures.replace('→', '->')}")
    lines.append("  " + _summary(previous))
    lines += [f"  overdue: {a.learning} {a.action.text}" for a in previous.overdue]
    return lines
