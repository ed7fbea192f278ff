"""The audit round's report: its data (:mod:`.model`) and how it is laid out.

``build_report`` turns a read round into a :class:`RoundReport`; the
renderers lay it out as Markdown, self-contained HTML with inline SVG charts,
or a short summary for the terminal. Score tables for the ``score`` verb
(text and CSV) are in :mod:`.tables`.
"""

from __future__ import annotations

from audit_tool.rounds.report.html import render_report_html
from audit_tool.rounds.report.markdown import render_report_markdown
from audit_tool.rounds.report.model import RoundReport, build_report
from audit_tool.rounds.report.tables import scores_csv, scores_text
from audit_tool.rounds.report.text import render_report_text

__all__ = [
    "RoundReport",
    "build_report",
    "render_report_html",
    "render_report_markdown",
    "render_report_text",
    "scores_csv",
    "scores_text",
]
