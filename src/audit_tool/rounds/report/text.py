"""The round's report in brief for the terminal: the theme table and what it leaves out."""

from __future__ import annotations

from collections.abc import Mapping

from audit_tool._escape import terminal_text
from audit_tool.rounds.report.model import RoundReport
from audit_tool.rounds.report.previous_sections import previous_text
from audit_tool.rounds.report.tables import legend, theme_table
from audit_tool.rounds.report.words import coverage_summary
from audit_tool.rounds.scoring import ThemeScore

__all__ = ["render_report_text"]


def render_report_text(report: RoundReport) -> str:
    """Title, the themes by case in an aligned table, and one line each for the rest; control
    characters from the manifest are shown escaped."""
    columns: list[tuple[str, Mapping[str, ThemeScore]]] = [
        ("all cases", {t.id: t.overall for t in report.themes})
    ]
    columns += [
        (c.ref, {t.id: t.by_case[c.ref] for t in report.themes})
        for c in report.cases
        if c.ref in report.scores.cases
    ]
    themes = [t.id for t in report.themes]
    strengths = ", ".join(t.id for t in report.strengths) or "none"
    areas = ", ".join(t.id for t in report.areas_for_development) or "none"
    lines = [
        report.manifest.title,
        f"round {report.manifest.round}, panel {report.manifest.panel_date.isoformat()}, "
        f"tool {report.tool_ref}",
        coverage_summary(report),
        "",
        theme_table(themes, columns, report.grading).rstrip("\n"),
        legend(report.grading).rstrip("\n"),
        "",
        f"strengths: {strengths}",
        f"areas for development: {areas}",
        f"warnings: {len(report.warnings)}; invalid returns left out of the scores: "
        f"{len(report.invalid)}",
        *previous_text(report),
    ]
    if report.by_agency:
        by_agency = [(agency, dict(scores)) for agency, scores in report.by_agency.items()]
        lines += ["", "by agency (each agency's returns pooled):",
                  theme_table(themes, by_agency, report.grading).rstrip("\n")]
    register = report.register
    if register is not None:
        events = sum(len(c.events) for c in register.cases)
        lines += ["", f"{register.title.lower()}: {events} {register.entry_label}s in "
                  f"{len(register.cases)} cases, {len(register.problems)} flags "
                  "(audit-tool meetings for the register)"]
    return "\n".join(terminal_text(line, newlines=True) for line in lines) + "\n"
