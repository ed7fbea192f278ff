"""The report's section on the round's own findings and key learning, with their actions.

What the panel identified and agreed, as the manifest records it (see
:mod:`audit_tool.rounds.learning`): each finding with the themes it concerns, then
each item of learning with its actions, owners, due dates and status. The
next round's report follows the same actions up (:mod:`.previous_sections`).
"""

from __future__ import annotations

from audit_tool._escape import html_text, md_text
from audit_tool.rounds.learning import Action
from audit_tool.rounds.report.model import RoundReport

__all__ = ["learning_html", "learning_markdown"]


def _status(action: Action) -> str:
    words = action.status.value
    if action.status_date is not None:
        words += f" {action.status_date.isoformat()}"
    if action.note:
        words += f": {action.note}"
    return words


def _themes(report: RoundReport, ids: list[str]) -> str:
    """Themes by the names the report's theme table shows (an id when not scored)."""
    names = {t.id: t.name for t in report.themes}
    return ", ".join(names.get(theme, theme) for theme in ids)


def learning_markdown(report: RoundReport) -> str:
    """``## Findings and key learning``, or nothing when the manifest records none."""
    manifest = report.manifest
    if not manifest.findings and not manifest.learning:
        return ""
    out = ["## Findings and key learning\n"]
    if manifest.findings:
        out.append("The panel identified:\n")
        out += [
            f"- {md_text(f.text)}" + (f" ({md_text(_themes(report, f.themes))})"
                                     if f.themes else "")
            for f in manifest.findings
        ]
        out.append("")
    for item in manifest.learning:
        out.append(f"### {md_text(item.id)} {md_text(item.text)}\n")
        if item.questions:
            out.append("Questions: " + ", ".join(f"`{q}`" for q in item.questions)
                       + "\n")
        if item.actions:
            out += ["| Action | Owners | Due | Status |", "|---|---|---|---|"]
            for action in item.actions:
                owners = ", ".join(manifest.agency_name(o) for o in action.owners)
                tool = f" (asked for {action.tool})" if action.tool else ""
                out.append(f"| {md_text(action.text + tool)} | {md_text(owners)} | "
                           f"{action.due.isoformat()} | {md_text(_status(action))} |")
            out.append("")
    return "\n".join(out) + "\n"


def learning_html(report: RoundReport) -> str:
    """The findings and learning section as HTML, or nothing."""
    manifest = report.manifest
    if not manifest.findings and not manifest.learning:
        return ""
    parts = ['<section id="learning"><h2>Findings and key learning</h2>']
    if manifest.findings:
        items = "".join(
            f"<li>{html_text(f.text)}"
            + (f' <span class="note">({html_text(_themes(report, f.themes))})</span>'
               if f.themes else "")
            + "</li>"
            for f in manifest.findings
        )
        parts.append(f"<p>The panel identified:</p><ul>{items}</ul>")
    for item in manifest.learning:
        parts.append(f"<h3>{html_text(item.id)} {html_text(item.text)}</h3>")
        if item.actions:
            rows = "".join(
                f"<tr><td>{html_text(a.text)}"
                + (f" (asked for <code>{html_text(a.tool)}</code>)" if a.tool else "")
                + f"</td><td>{html_text(', '.join(manifest.agency_name(o) for o in a.owners))}"
                f"</td><td>{html_text(a.due.isoformat())}</td><td>{html_text(_status(a))}</td>"
                "</tr>"
                for a in item.actions
            )
            parts.append(
                '<div class="wide"><table><thead><tr><th>Action</th><th>Owners</th>'
                "<th>Due</th><th>Status</th>"
                f"</tr></thead><tbody>{rows}</tbody></table></div>"
            )
    parts.append("</section>")
    return "".join(parts)
