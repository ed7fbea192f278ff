"""The round's report as Markdown: the same sections as the HTML, tables for charts.

Every piece of text from a file is escaped, so a title or a reason cannot
become markup; nothing from an answer or its evidence is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from audit_tool._escape import md_text
from audit_tool.rounds.report.grades import abbreviations, format_percent, grade_label
from audit_tool.rounds.report.learning_sections import learning_markdown
from audit_tool.rounds.report.meetings import (
    ABOUT,
    KIND_TABLE_NOTE,
    LIMITS,
    case_table,
    flag_sections,
    kind_table,
)
from audit_tool.rounds.report.model import RoundReport, ThemeRow
from audit_tool.rounds.report.previous_sections import previous_markdown
from audit_tool.rounds.report.register_tables import matching_rule
from audit_tool.rounds.report.tables import legend
from audit_tool.rounds.report.words import (
    COVERAGE_WORDS,
    audit_period,
    case_and_agency,
    case_sentence,
    coverage_summary,
    not_evidenced_reason,
    rules_summary,
    warning_sections,
)
from audit_tool.rounds.round import Coverage

__all__ = ["render_report_markdown"]


def _table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table; cells are escaped already."""
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _percent(value: float | None) -> str:
    return format_percent(value, suffix="%", placeholder="–")  # noqa: RUF001


def _header(report: RoundReport) -> str:
    manifest = report.manifest
    lines = [
        f"# {md_text(manifest.title)}",
        "",
        f"Round `{manifest.round}` · panel {manifest.panel_date.isoformat()}"
        f"{audit_period(report)} · tool `{report.tool_ref}` ({md_text(report.tool_title)})",
        "",
        f"- Returns scored: **{report.returns_scored}**",
        f"- Invalid returns left out of the scores: **{len(report.invalid)}**",
        f"- Returns missing: **{report.count(Coverage.NOT_RETURNED)}**",
        f"- Case audits by agencies unable to take part: **{report.count(Coverage.UNABLE)}**",
        "",
        md_text(coverage_summary(report)),
        "",
        "",
    ]
    return "\n".join(lines)


def _themes(report: RoundReport) -> str:
    short = abbreviations(report.grading)
    cases = [c.ref for c in report.cases if c.ref in report.scores.cases]
    rows = []
    for row in report.themes:
        found = row.overall
        cells = [
            md_text(row.name),
            _percent(found.percent),
            md_text(grade_label(report.grading, found.grade)),
            str(found.answers),
        ]
        for case in cases:
            by_case = row.by_case[case]
            cells.append(f"{_percent(by_case.percent)} {short.get(by_case.grade, by_case.grade)}")
        rows.append(cells)
    return (
        "## Themes\n\n"
        "Each theme pools every valid return: the points scored over the points available.\n\n"
        + _table(["Theme", "All cases", "Grade", "Scored answers", *cases], rows)
        + f"\nBy case, {md_text(legend(report.grading).rstrip())}.\n\n"
    )


def _finding(report: RoundReport, row: ThemeRow, lead: str = "Pulled down most by") -> str:
    head = (
        f"### {md_text(row.name)}: {_percent(row.overall.percent)} "
        f"{md_text(grade_label(report.grading, row.overall.grade).lower())}\n\n"
    )
    if not row.pulled_down:
        return head + "Every scored answer reached the top of its scale.\n\n"
    notes = [  # question ids are in the appendix, not here
        f"- {md_text(note.text)} \N{EN DASH} {_percent(note.score.percent)} of "
        f"the points available, over {note.score.answers} "
        f"answer{'s' if note.score.answers != 1 else ''}"
        for note in row.pulled_down
    ]
    return head + f"{lead}:\n\n" + "\n".join(notes) + "\n\n"


def _findings(report: RoundReport) -> str:
    out = ["## Strengths and areas for development\n\n",
           "Strengths are themes graded good or better; areas for development are themes "
           "graded requires improvement or inadequate.\n\n",
           "### Strengths\n\n" if report.strengths else "No theme was graded good or better.\n\n"]
    out += [_finding(report, t, "Weakest questions").replace("### ", "#### ", 1)
            for t in report.strengths]
    out.append("### Areas for development\n\n" if report.areas_for_development else
               "No theme was graded requires improvement or inadequate.\n\n")
    out += [_finding(report, t).replace("### ", "#### ", 1) for t in report.areas_for_development]
    if report.not_evidenced:
        out.append("### Not evidenced\n\n")
        out += [
            f"- {md_text(t.name)}: {md_text(not_evidenced_reason(report, t.overall))}\n"
            for t in report.not_evidenced
        ]
        out.append("\n")
    return "".join(out)


def _by_agency(report: RoundReport) -> str:
    if not report.by_agency:
        return ""
    short = abbreviations(report.grading)
    themes = list(report.themes)
    rows = [
        [md_text(report.agencies.get(agency, agency)),
         *(f"{_percent(scores[t.id].percent)} {short.get(scores[t.id].grade, scores[t.id].grade)}"
           for t in themes)]
        for agency, scores in report.by_agency.items()
    ]
    return (
        "## By agency\n\n"
        "Each agency's valid returns pooled, theme by theme: the points it scored over the "
        "points available, graded by the same bands. For actions a single agency can own.\n\n"
        + _table(["Agency", *(md_text(t.name) for t in themes)], rows)
        + f"\n{md_text(legend(report.grading).rstrip())}.\n\n"
    )


def _meetings(report: RoundReport) -> str:
    register = report.register
    if register is None:
        return ""
    names = dict(report.agencies)
    out = [
        f"## {md_text(register.title)}\n\n",
        md_text(ABOUT.format(label=register.entry_label, rule=matching_rule(register))),
        "\n\n",
        md_text(LIMITS.format(label=register.entry_label)),
        "\n\n",
    ]
    for case in register.cases:
        out.append(f"### Case {md_text(case.case)}\n\n")
        if not case.events:
            out.append(f"No return records a {md_text(register.entry_label)}.\n\n")
            continue
        head, rows = case_table(register, case, names)
        out.append(_table([md_text(h) for h in head],
                          [[md_text(c) for c in row] for row in rows]) + "\n")
    head, rows = kind_table(register, names)
    out.append(f"### By agency and kind of {md_text(register.entry_label)}\n\n")
    out.append(md_text(KIND_TABLE_NOTE) + "\n\n")
    out.append(_table([md_text(h) for h in head], [[md_text(c) for c in r] for r in rows]))
    out.append("\n")
    sections = flag_sections(register, names, dict(report.file_names))
    out.append("### Flags\n\n" + ("" if sections else "None.\n\n"))
    for heading, sentences in sections:
        out.append(f"#### {md_text(heading)}\n\n")
        out += [f"- {md_text(sentence)}\n" for sentence in sentences]
        out.append("\n")
    return "".join(out)


def _coverage(report: RoundReport) -> str:
    rows = [
        [md_text(name), *(COVERAGE_WORDS[c.coverage[agency]] for c in report.cases)]
        for agency, name in report.agencies.items()
    ]
    cases = [f"- **{md_text(c.ref)}**: {md_text(case_sentence(c))}" for c in report.cases]
    return (
        "## Coverage\n\nWhich agencies returned an audit for each case.\n\n"
        + _table(["Agency", *(md_text(c.ref) for c in report.cases)], rows)
        + "\n### Cases\n\n" + "\n".join(cases) + "\n\n"
    )


def _warnings(report: RoundReport) -> str:
    sections = warning_sections(report, where=False)  # files and lines: the appendix
    out = ["## Warnings\n\n", "" if sections else "None.\n\n"]
    for heading, sentences in sections:
        out.append(f"### {md_text(heading)}\n\n")
        out += [f"- {md_text(sentence)}\n" for sentence in sentences]
        out.append("\n")
    return "".join(out)


def _invalid(report: RoundReport) -> str:
    if not report.invalid:
        return "## Returns left out of the scores\n\nNone: every return was valid.\n\n"
    out = ["## Returns left out of the scores\n\n",
           "These returns have errors, so they are not scored. Correct them and run the report "
           "again; the appendix lists each problem and its line.\n\n"]
    for r in report.invalid:
        who = case_and_agency(report, r.case, r.agency) or "a return"
        errors = sum(1 for p in r.problems if p.is_error)
        out.append(f"- {md_text(who)}: {errors} error{'s' if errors != 1 else ''}\n")
    out.append("\n")
    return "".join(out)


def _appendix(report: RoundReport) -> str:
    """Where each point of the report comes from: question ids, files and lines."""
    out = ["## Appendix: where each point comes from\n\n"]
    rows = [
        [md_text(row.name), ", ".join(f"`{n.score.question}`" for n in row.pulled_down)]
        for row in (*report.strengths, *report.areas_for_development) if row.pulled_down
    ]
    if rows:
        out.append("### The questions behind each finding\n\n")
        out.append(_table(["Theme", "Question ids, weakest first"], rows) + "\n")
    for heading, sentences in warning_sections(report):
        out.append(f"### {md_text(heading)}\n\n")
        out += [f"- {md_text(sentence)}\n" for sentence in sentences]
        out.append("\n")
    for r in report.invalid:
        who = case_and_agency(report, r.case, r.agency)
        out.append(f"### {md_text(r.name)}" + (f" ({md_text(who)})" if who else "") + "\n\n")
        for p in r.problems:
            where = f"line {p.line}" if p.line is not None else "file"
            out.append(f"- {where}: {p.severity.value} `{p.code}`: {md_text(p.message)}\n")
        out.append("\n")
    return "".join(out)


def render_report_markdown(report: RoundReport) -> str:
    """The report as a Markdown document."""
    from audit_tool import __version__  # here: the package imports this module

    method = "\n\n".join(md_text(p) for p in rules_summary(report))
    return "".join(
        [
            _header(report),
            _themes(report),
            previous_markdown(report),
            _findings(report),
            _by_agency(report),
            _meetings(report),
            _coverage(report),
            _warnings(report),
            _invalid(report),
            learning_markdown(report),
            f"## How the scores are worked out\n\n{method}\n\n",
            _appendix(report),
            f"---\n\nMade with audit-tool {__version__}. No answer or evidence text is "
            "reproduced here.\n",
        ]
    )
