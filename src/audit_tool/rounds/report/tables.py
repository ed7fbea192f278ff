"""Theme scores as an aligned text table (for the terminal) and as CSV (for spreadsheets)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from audit_tool._escape import csv_text, terminal_text
from audit_tool.authoring.tool import Grading
from audit_tool.rounds.report.grades import abbreviations, all_grades, format_percent, grade_label
from audit_tool.rounds.scoring import GroupScore, Scores, ThemeScore, plain_number

__all__ = ["CSV_COLUMNS", "aligned", "legend", "scores_csv", "scores_text", "theme_table"]

CSV_COLUMNS = (
    "level", "file", "case", "agency", "theme",
    "points", "max_points", "percent", "grade", "answers",
)


def aligned(rows: Sequence[Sequence[str]]) -> str:
    """Rows of cells as text columns: the first left-aligned, the others right-aligned.

    Control characters in a cell (a case reference, an agency from a file) are shown
    escaped, never sent to the terminal."""
    rows = [[terminal_text(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _cell(found: ThemeScore | None, short: Mapping[str, str]) -> str:
    if found is None:
        return ""
    return f"{format_percent(found.percent)} {short.get(found.grade, found.grade)}"


def theme_table(
    themes: Sequence[str],
    columns: Sequence[tuple[str, Mapping[str, ThemeScore]]],
    grading: Grading,
) -> str:
    """Themes down, one column per scope (overall, a case, a response): percent and grade."""
    short = abbreviations(grading)
    rows = [["theme", *(title for title, _ in columns)]]
    for theme in themes:
        rows.append([theme, *(_cell(scores.get(theme), short) for _, scores in columns)])
    return aligned(rows)


def legend(grading: Grading) -> str:
    """``grades: O outstanding, G good, ...`` for the short forms a table uses."""
    short = abbreviations(grading)
    parts = [f"{short[g]} {grade_label(grading, g).lower()}" for g in all_grades(grading)]
    return "grades: " + ", ".join(parts) + "; percents are rounded down\n"


def _case_columns(scores: Scores, case: str) -> list[tuple[str, Mapping[str, ThemeScore]]]:
    return [(r.agency, r.themes) for r in scores.responses if r.case == case]


def scores_text(scores: Scores, grading: Grading) -> str:
    """The overall and case scores in one table, then one table per case by agency."""
    n = len(scores.responses)
    head = (
        f"Theme scores: {scores.tool_id} {scores.tool_version}, "
        f"{n} response{'s' if n != 1 else ''} in {len(scores.cases)} "
        f"case{'s' if len(scores.cases) != 1 else ''}\n\n"
    )
    columns: list[tuple[str, Mapping[str, ThemeScore]]] = [("overall", scores.overall.themes)]
    columns += [(case, group.themes) for case, group in scores.cases.items()]
    parts = [head, theme_table(scores.themes, columns, grading)]
    for case in scores.cases:
        parts.append(f"\n{terminal_text(case)}: by agency\n")
        parts.append(theme_table(scores.themes, _case_columns(scores, case), grading))
    parts.append("\n" + legend(grading))
    return "".join(parts)


def _csv_row(
    level: str, file: str | None, case: str | None, agency: str | None, found: ThemeScore
) -> list[object]:
    return [
        level, file or "", case or "", agency or "", found.theme,
        plain_number(found.points), plain_number(found.max_points),
        "" if found.percent is None else found.percent, found.grade, found.answers,
    ]


def _group_rows(level: str, case: str | None, group: GroupScore) -> list[list[object]]:
    return [_csv_row(level, None, case, None, found) for found in group.themes.values()]


def scores_csv(scores: Scores) -> str:
    """One row per theme and scope (response, case, overall), with the columns of CSV_COLUMNS."""
    rows: list[Sequence[object]] = [CSV_COLUMNS]
    for r in scores.responses:
        rows += [
            _csv_row("response", r.file, r.case, r.agency, found) for found in r.themes.values()
        ]
    for case, group in scores.cases.items():
        rows += _group_rows("case", case, group)
    rows += _group_rows("overall", None, scores.overall)
    return csv_text(rows)
