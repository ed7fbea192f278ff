"""The sentences the Markdown, HTML and terminal reports share, so they say the same."""

from __future__ import annotations

from collections.abc import Mapping

from audit_tool.rounds.report.grades import format_percent, grade_label
from audit_tool.rounds.report.model import CaseRow, RoundReport, WarningItem, warning_heading
from audit_tool.rounds.round import Coverage
from audit_tool.rounds.scoring import ThemeScore

__all__ = [
    "COVERAGE_WORDS",
    "audit_period",
    "case_and_agency",
    "case_sentence",
    "coverage_summary",
    "describe",
    "not_evidenced_reason",
    "rules_summary",
    "warning_sections",
]

COVERAGE_WORDS: Mapping[Coverage, str] = {
    Coverage.RETURNED: "Returned",
    Coverage.INVALID: "Invalid return",
    Coverage.NOT_RETURNED: "Not returned",
    Coverage.UNABLE: "Unable to take part",
    Coverage.NOT_INVITED: "Not invited",
}
"""How the coverage grid names each state."""


def coverage_summary(report: RoundReport) -> str:
    """One line: the invited case audits, and what became of them."""
    invited = sum(
        1 for c in report.cases for s in c.coverage.values() if s is not Coverage.NOT_INVITED
    )
    parts = [f"Invited case audits: {invited}", f"returned and scored: "
             f"{report.count(Coverage.RETURNED)}"]
    for state, words in (
        (Coverage.INVALID, "returned with errors, left out of the scores"),
        (Coverage.NOT_RETURNED, "not returned"),
        (Coverage.UNABLE, "for agencies unable to take part"),
    ):
        if report.count(state):
            parts.append(f"{words}: {report.count(state)}")
    return "; ".join(parts) + "."


def audit_period(report: RoundReport) -> str:
    """`` · audit period 2016-05-01 to 2017-03-31``, or nothing when the round has no period."""
    period = report.manifest.period
    if period is None:
        return ""
    return f" · audit period {period.start.isoformat()} to {period.end.isoformat()}"


def case_sentence(case: CaseRow) -> str:
    """The family's part in the audit of ``case`` and, if it had one, its separate meeting."""
    family, meeting = case.entry.family, case.entry.separate_meeting
    text = "family consented" if family.consent else "family did not consent"
    if family.views_obtained:
        text += "; family's views obtained."
    else:
        reason = family.reason.rstrip(".")
        text += "; family's views not obtained" + (f" ({reason})." if reason else ".")
    if meeting is not None:
        date = meeting.date
        text += " Discussed at a separate meeting" + (f" on {date.isoformat()}" if date else "")
        text += f": {meeting.reason}" if meeting.reason else "."
        text += f" Outcome: {meeting.outcome}"
    return text


def _agency(report: RoundReport, agency: str | None) -> str:
    return report.agencies.get(agency or "", agency or "an unknown agency")


def case_and_agency(report: RoundReport, case: str | None, agency: str | None) -> str:
    """``C4 · Police``: the case and the agency's name, whichever are known (or nothing)."""
    return " · ".join(x for x in (case, _agency(report, agency) if agency else None) if x)


def describe(report: RoundReport, item: WarningItem, *, where: bool = True) -> str:
    """A warning as one sentence for the report: what, for which case and agency, and (with
    ``where``, as the appendix has it) in which file and at which line."""
    if item.code == "family-views-not-obtained":
        case = report.manifest.case(item.case or "")
        reason = f" ({case.family.reason.rstrip('.')})" if case and case.family.reason else ""
        return f"{item.case}: the family's views were not obtained{reason}."
    if item.code == "return-missing":
        return f"{item.case}: no return from {_agency(report, item.agency)}."
    if item.code == "agency-unable":
        cases = [c.ref for c in report.cases if c.coverage.get(item.agency or "")
                 is Coverage.UNABLE]
        reason = report.manifest.unable.get(item.agency or "", "")
        invited = f" (invited to {', '.join(cases)})" if cases else ""
        return (
            f"{_agency(report, item.agency)} could not take part{invited}"
            + (f": {reason}" if reason else "")
            + ("" if reason.endswith(".") else ".")
        )
    who = case_and_agency(report, item.case, item.agency)
    # The board's sections name no question ids (the appendix does): under its code's
    # title as heading, a warning about one question is that question in words.
    message = item.message if where or not item.question else item.question
    position = item.file or "" if where else ""
    if where and item.line is not None:
        position += f", line {item.line}"
    place = f"{who} ({position})" if who and position else who or position
    return f"{place}: {message}" if place else message


def warning_sections(
    report: RoundReport, *, where: bool = True
) -> list[tuple[str, list[str]]]:
    """The warnings as the report lists them: a heading with its count, and one sentence
    each, the groups a board asks about first; ``where`` adds each one's file and line."""
    return [
        (
            f"{warning_heading(code)} ({len(items)})",
            [describe(report, item, where=where) for item in items],
        )
        for code, items in report.warnings_by_code().items()
    ]


def not_evidenced_reason(report: RoundReport, found: ThemeScore) -> str:
    """Why a theme is not evidenced, as :func:`rules_summary` puts it: no scored answer, or
    fewer than the tool asks for (the percent is still given)."""
    if found.percent is None:
        return "no scored answers"
    shown = format_percent(found.percent, suffix="%")
    fewest = report.grading.min_answers.get(found.theme, 1)
    if found.answers < fewest:
        return (
            f"too few scored answers to grade: {found.answers}, where the tool asks for "
            f"{fewest} ({shown} of the points available)"
        )
    return f"{shown} of the points available, below every grade band"


def rules_summary(report: RoundReport) -> list[str]:
    """How the scores are worked out, in a few short paragraphs for the board."""
    bands = ", ".join(
        f"{grade_label(report.grading, b.grade).lower()} from {b.min:g}%"
        for b in report.grading.bands
    )
    return [
        "Each answer on a scored scale earns points (for example yes 2, partly 1, no 0); "
        "answers such as not applicable or not known earn none and are left out, so they "
        "neither raise nor lower a score. Questions that did not apply to a return are "
        "left out too.",
        "A theme's percent is the points scored over the points available from the answers "
        "that count, each question weighted as the tool sets. Each statutory meeting "
        "recorded counts as its own answer. A case's and the round's scores pool every "
        "return: the sum of points over the sum of points available.",
        f"Grades: {bands}; a theme with no scored answer (or fewer than the tool asks for) "
        "is not evidenced. Percents are shown rounded down, so a percent shown never "
        "reaches a band the score did not.",
        "The audit is qualitative: the scores are a window on the system, not a "
        "statistically valid measure of practice.",
    ]
