"""Render problem reports for people (text) and programs (JSON)."""

from __future__ import annotations

import json
from typing import Any

from audit_tool._escape import terminal_text
from audit_tool.problems import Problem, Report

__all__ = ["format_problem", "render_json", "report_json", "report_text", "summary"]


def format_problem(found: Problem) -> str:
    """``file:line:col: severity[code]: message``, compiler style, on one line: control
    characters from a file name or a message (ESC, BEL, a newline) are shown escaped."""
    where = terminal_text(found.file or "<input>")
    if found.line is not None:
        where += f":{found.line}"
        if found.column is not None:
            where += f":{found.column}"
    return f"{where}: {found.severity.value}[{found.code}]: {terminal_text(found.message)}"


def summary(report: Report, noun: str = "file") -> str:
    """One line: how many files, errors and warnings."""
    errors = sum(1 for p in report.problems if p.is_error)
    warnings = sum(1 for p in report.problems if not p.is_error)
    files = len(report.files)
    counted = f"{files} {noun}{'s' if files != 1 else ''}"
    if not errors and not warnings:
        return f"checked {counted}: no problems"
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"checked {counted}: {', '.join(parts)}"


def report_text(report: Report, noun: str = "file") -> str:
    """Every problem, one per line, sorted by file then line, and a summary line."""
    lines = [format_problem(p) for f in report.files for p in f.problems]
    lines.append(summary(report, noun))
    return "\n".join(lines) + "\n"


def render_json(data: Any) -> str:
    """``data`` as indented JSON with a final newline.

    Never writes ``NaN`` or ``Infinity``, which are not JSON: the bounds on every
    number read (docs/authoring.md, "Numbers") keep scores finite, and a value
    that is not raises ``ValueError`` here rather than reach a consumer.
    """
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def report_json(report: Report) -> str:
    """DESIGN.md's JSON problem output."""
    return render_json(report.to_dict())
