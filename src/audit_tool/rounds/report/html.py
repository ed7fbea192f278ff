"""The round's report as one self-contained HTML file: inline styles and SVG charts,
no script, no network, no external font, with print styles for A4.

Every piece of text is escaped; nothing from an answer or its evidence is shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from audit_tool._escape import html_text
from audit_tool.rounds.report.grades import (
    abbreviations,
    all_grades,
    colour,
    format_percent,
    grade_label,
)
from audit_tool.rounds.report.learning_sections import learning_html
from audit_tool.rounds.report.meetings import (
    ABOUT,
    KIND_TABLE_NOTE,
    LIMITS,
    case_table,
    flag_sections,
    kind_table,
)
from audit_tool.rounds.report.model import RoundReport, ThemeRow
from audit_tool.rounds.report.previous_sections import previous_html
from audit_tool.rounds.report.register_tables import matching_rule
from audit_tool.rounds.report.svg import heat_map, text_colour, theme_bars
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

__all__ = ["render_report_html", "report_html_parts"]

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; color: #1b1b1b; background: #fff; margin: 0; line-height: 1.45; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid #1b1b1b; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: .95rem; margin: 1rem 0 .3rem; }
.meta { color: #444; margin: 0 0 1rem; }
.summary { display: flex; flex-wrap: wrap; gap: .6rem; margin: 1rem 0; padding: 0;
  list-style: none; }
.summary li { border: 1px solid #bbb; border-radius: 4px; padding: .4rem .7rem; }
.summary strong { font-size: 1.25rem; display: block; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.grade { display: inline-block; padding: .05rem .4rem; border-radius: 3px; white-space: nowrap; }
.cov { text-align: center; white-space: nowrap; }
th.when { min-width: 7.4rem; }
.cov-returned { background: #dcefd9; }
.cov-invalid { background: #f6d0cc; font-weight: bold; }
.cov-not_returned { background: #fbe3b8; }
.cov-unable { background: #e4e4e4; }
.cov-not_invited { color: #767676; }
.chart { max-width: 100%; height: auto; display: block; margin: .5rem 0 1rem; }
.legend { display: flex; flex-wrap: wrap; gap: .8rem; font-size: .88rem; padding: 0;
  list-style: none; }
.swatch { display: inline-block; width: .9rem; height: .9rem; vertical-align: -.1rem;
  margin-right: .3rem; border: 1px solid #888; }
.finding { border-left: 4px solid #888; padding: .1rem .8rem; margin: .6rem 0; }
.finding.strength { border-color: #1a7a3d; }
.finding.development { border-color: #c9352b; }
.note { color: #444; font-size: .9rem; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .88em; }
footer { margin-top: 3rem; color: #555; font-size: .85rem; }
.wide { overflow-x: auto; max-width: 100%; }
.wide table { margin-top: 0; }
#appendix { border-top: 1px dashed #888; margin-top: 2.5rem; }
@media (max-width: 40rem) {
  main { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.4rem; }
  table { font-size: .85rem; }
  th, td { padding: .25rem .35rem; }
}
@page {
  size: A4; margin: 14mm 14mm 18mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
    font: 8pt system-ui, sans-serif; color: #555; }
}
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h1, h2, h3 { break-after: avoid; break-inside: avoid; }
  h2 + p, h3 + p, h3 + ul { break-before: avoid; }
  .chart, table, figure, .finding, .summary, .legend { break-inside: avoid; }
  .wide { overflow: visible; }
  #appendix { break-before: page; }
  footer { margin-top: 1rem; break-before: avoid; break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _grade(report: RoundReport, grade: str, short: bool = False) -> str:
    fill = colour(report.grading, grade)
    label = grade_label(report.grading, grade)
    shown = abbreviations(report.grading).get(grade, grade) if short else label
    title = f' title="{html_text(label)}"' if short else ""
    return (
        f'<span class="grade" style="background:{fill};color:{text_colour(fill)}"{title}>'
        f"{html_text(shown)}</span>"
    )


def _percent(value: float | None) -> str:
    return format_percent(value, suffix="%", placeholder="&ndash;")


def _table(head: Iterable[str], rows: Iterable[Iterable[str]], caption: str = "") -> str:
    """A table; ``head`` cells are escaped here, ``rows`` cells are HTML already."""
    out = ["<table>"]
    if caption:
        out.append(f"<caption class=\"note\">{html_text(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f'<th scope="col">{html_text(h)}</th>' for h in head))
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(row) + "</tr>")
    out.append("</tbody></table>")
    # Wide tables scroll sideways on a phone rather than squeezing their cells.
    return '<div class="wide">' + "".join(out) + "</div>"


def _legend(report: RoundReport) -> str:
    items = []
    for grade in all_grades(report.grading):
        fill = colour(report.grading, grade)
        band = next((b for b in report.grading.bands if b.grade == grade), None)
        reach = f" (from {band.min:g}%)" if band is not None else " (too few scored answers)"
        items.append(
            f'<li><span class="swatch" style="background:{fill}"></span>'
            f"{html_text(grade_label(report.grading, grade))}{html_text(reach)}</li>"
        )
    return f'<ul class="legend" aria-label="Grades">{"".join(items)}</ul>'


def _header(report: RoundReport) -> str:
    manifest = report.manifest
    counts = [
        (len(report.cases), "case", "cases"),
        (report.returns_scored, "return scored", "returns scored"),
        (len(report.invalid), "invalid return left out", "invalid returns left out"),
        (report.count(Coverage.NOT_RETURNED), "return missing", "returns missing"),
        (report.count(Coverage.UNABLE), "case audit by an agency unable to take part",
         "case audits by agencies unable to take part"),
    ]
    summary = "".join(
        f"<li><strong>{n}</strong>{html_text(one if n == 1 else many)}</li>"
        for n, one, many in counts
    )
    return (
        f"<header><h1>{html_text(manifest.title)}</h1>"
        f'<p class="meta">Round <code>{html_text(manifest.round)}</code> · panel '
        f"{html_text(manifest.panel_date.isoformat())}{html_text(audit_period(report))} · tool "
        f"<code>{html_text(report.tool_ref)}</code> ({html_text(report.tool_title)})</p>"
        f'<ul class="summary">{summary}</ul>'
        f'<p class="note">{html_text(coverage_summary(report))}</p></header>'
    )


def _themes(report: RoundReport) -> str:
    cases = [c.ref for c in report.cases if c.ref in report.scores.cases]
    rows = []
    for row in report.themes:
        cells = [
            f'<th scope="row">{html_text(row.name)}</th>',
            f'<td class="num">{_percent(row.overall.percent)}</td>',
            f"<td>{_grade(report, row.overall.grade)}</td>",
            f'<td class="num">{row.overall.answers}</td>',
        ]
        cells += [f'<td class="num">{_percent(row.by_case[c].percent)}</td>' for c in cases]
        rows.append(cells)
    return (
        '<section id="themes"><h2>Themes</h2>'
        '<p>Each theme pools every valid return: the points scored over the points '
        "available. The dashed lines mark the grade bands.</p>"
        f"{theme_bars(report)}{_legend(report)}"
        + _table(["Theme", "All cases", "Grade", "Scored answers", *cases], rows)
        + "<h3>By case</h3>"
        '<p>The same scores case by case; the last column is the whole round.</p>'
        f"{heat_map(report)}</section>"
    )


def _finding(report: RoundReport, row: ThemeRow, kind: str) -> str:
    notes = []
    for note in row.pulled_down:  # question ids are in the appendix, not here
        q = note.score
        notes.append(
            f"<li>{html_text(note.text)} &ndash; "
            f"{_percent(q.percent)} of the points available, "
            f"over {q.answers} answer{'s' if q.answers != 1 else ''}</li>"
        )
    lead = "Weakest questions" if kind == "strength" else "Pulled down most by"
    pulled = (
        f"<p>{lead}:</p><ul>{''.join(notes)}</ul>"
        if notes
        else "<p>Every scored answer reached the top of its scale.</p>"
    )
    return (
        f'<div class="finding {kind}"><h3>{html_text(row.name)}: {_percent(row.overall.percent)} '
        f"{_grade(report, row.overall.grade)}</h3>"
        f'<p class="note">{html_text(row.description)}</p>{pulled}</div>'
    )


def _findings(report: RoundReport) -> str:
    strengths = "".join(_finding(report, t, "strength") for t in report.strengths)
    areas = "".join(_finding(report, t, "development") for t in report.areas_for_development)
    missing = "".join(
        f"<li>{html_text(t.name)}: {html_text(not_evidenced_reason(report, t.overall))}</li>"
        for t in report.not_evidenced
    )
    return (
        '<section id="findings"><h2>Strengths and areas for development</h2>'
        "<h3>Strengths: themes graded good or better</h3>"
        + (strengths or "<p>No theme was graded good or better.</p>")
        + "<h3>Areas for development: themes graded requires improvement or inadequate</h3>"
        + (areas or "<p>No theme was graded requires improvement or inadequate.</p>")
        + (f"<h3>Not evidenced</h3><ul>{missing}</ul>" if missing else "")
        + "</section>"
    )


def _by_agency(report: RoundReport) -> str:
    if not report.by_agency:
        return ""
    rows = []
    for agency, scores in report.by_agency.items():
        cells = [f'<th scope="row">{html_text(report.agencies.get(agency, agency))}</th>']
        for theme in report.themes:
            found = scores[theme.id]
            cells.append(
                f'<td class="num">{_percent(found.percent)} '
                f"{_grade(report, found.grade, short=True)}</td>"
            )
        rows.append(cells)
    return (
        '<section id="by-agency"><h2>By agency</h2>'
        "<p>Each agency's valid returns pooled, theme by theme: the points it scored over the "
        "points available, graded by the same bands. For actions a single agency can own.</p>"
        + _table(["Agency", *(t.name for t in report.themes)], rows)
        + _legend(report)
        + "</section>"
    )


def _text_rows(rows: list[list[str]], head_class: str = "") -> list[list[str]]:
    """Rows of plain text as HTML cells, escaped: the first a row heading."""
    return [
        [f'<th scope="row"{head_class}>{html_text(row[0])}</th>',
         *(f"<td>{html_text(cell)}</td>" for cell in row[1:])]
        for row in rows
    ]


def _meetings_parts(report: RoundReport) -> list[str]:
    """The register's section in its parts (for 1,650 returns, megabytes of tables)."""
    register = report.register
    if register is None:
        return []
    names = dict(report.agencies)
    label = register.entry_label
    parts = [
        f'<section id="register"><h2>{html_text(register.title)}</h2>',
        f"<p>{html_text(ABOUT.format(label=label, rule=matching_rule(register)))}</p>",
        f'<p class="note">{html_text(LIMITS.format(label=label))}</p>',
    ]
    for case in register.cases:
        parts.append(f"<h3>Case {html_text(case.case)}</h3>")
        if not case.events:
            parts.append(f"<p>No return records a {html_text(label)}.</p>")
            continue
        head, rows = case_table(register, case, names)
        parts.append(_table(head, _text_rows(rows, ' class="when"')))
    head, rows = kind_table(register, names)
    parts.append(f"<h3>By agency and kind of {html_text(label)}</h3>")
    parts.append(f'<p class="note">{html_text(KIND_TABLE_NOTE)}</p>')
    parts.append(_table(head, _text_rows(rows)))
    sections = flag_sections(register, names, dict(report.file_names))
    parts.append("<h3>Flags</h3>" + ("" if sections else "<p>None.</p>"))
    for heading, sentences in sections:
        items = "".join(f"<li>{html_text(sentence)}</li>" for sentence in sentences)
        parts.append(f"<h4>{html_text(heading)}</h4><ul>{items}</ul>")
    parts.append("</section>")
    return parts


def _coverage(report: RoundReport) -> str:
    rows = []
    for agency, name in report.agencies.items():
        cells = [f'<th scope="row">{html_text(name)}</th>']
        for case in report.cases:
            state = case.coverage[agency]
            cells.append(
                f'<td class="cov cov-{state.value}">{html_text(COVERAGE_WORDS[state])}</td>'
            )
        rows.append(cells)
    return (
        '<section id="coverage"><h2>Coverage</h2>'
        "<p>Which agencies returned an audit for each case.</p>"
        + _table(["Agency", *(c.ref for c in report.cases)], rows)
        + _cases(report)
        + "</section>"
    )


def _cases(report: RoundReport) -> str:
    items = [
        f"<li><strong>{html_text(c.ref)}</strong>: {html_text(case_sentence(c))}</li>"
        for c in report.cases
    ]
    return f"<h3>Cases</h3><ul>{''.join(items)}</ul>"


def _warnings(report: RoundReport) -> str:
    sections = warning_sections(report, where=False)  # files and lines: the appendix
    parts = ['<section id="warnings"><h2>Warnings</h2>']
    for heading, sentences in sections:
        items = "".join(f"<li>{html_text(sentence)}</li>" for sentence in sentences)
        parts.append(f"<h3>{html_text(heading)}</h3><ul>{items}</ul>")
    parts.append("" if sections else "<p>None.</p>")
    return "".join(parts) + "</section>"


def _invalid(report: RoundReport) -> str:
    if not report.invalid:
        return (
            '<section id="invalid"><h2>Returns left out of the scores</h2>'
            "<p>None: every return was valid.</p></section>"
        )
    items = []
    for r in report.invalid:
        who = case_and_agency(report, r.case, r.agency) or "a return"
        errors = sum(1 for p in r.problems if p.is_error)
        items.append(
            f"<li>{html_text(who)}: {errors} error{'s' if errors != 1 else ''}</li>"
        )
    return (
        '<section id="invalid"><h2>Returns left out of the scores</h2>'
        "<p>These returns have errors, so they are not scored. Correct them and run the "
        "report again; the appendix lists each problem and its line.</p>"
        f"<ul>{''.join(items)}</ul></section>"
    )


def _appendix(report: RoundReport) -> str:
    """Where each point of the report comes from: question ids, files and lines."""
    parts = ['<section id="appendix"><h2>Appendix: where each point comes from</h2>']
    rows = [
        [f'<th scope="row">{html_text(row.name)}</th>',
         "<td>" + ", ".join(f"<code>{html_text(n.score.question)}</code>"
                            for n in row.pulled_down) + "</td>"]
        for row in (*report.strengths, *report.areas_for_development) if row.pulled_down
    ]
    if rows:
        parts.append("<h3>The questions behind each finding</h3>"
                     + _table(["Theme", "Question ids, weakest first"], rows))
    for heading, sentences in warning_sections(report):
        items = "".join(f"<li>{html_text(sentence)}</li>" for sentence in sentences)
        parts.append(f"<h3>{html_text(heading)}</h3><ul>{items}</ul>")
    for r in report.invalid:
        who = case_and_agency(report, r.case, r.agency)
        shown = f" ({who})" if who else ""
        parts.append(f"<h3><code>{html_text(r.name)}</code>{html_text(shown)}</h3><ul>")
        for p in r.problems:
            where = f"line {p.line}" if p.line is not None else "file"
            parts.append(
                f"<li>{html_text(where)}: {html_text(p.severity.value)} "
                f"<code>{html_text(p.code)}</code>: {html_text(p.message)}</li>"
            )
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def _method(report: RoundReport) -> str:
    return (
        '<section id="method"><h2>How the scores are worked out</h2>'
        + "".join(f"<p>{html_text(p)}</p>" for p in rules_summary(report))
        + "</section>"
    )


def render_report_html(report: RoundReport) -> str:
    """The report as one self-contained HTML document."""
    return "".join(report_html_parts(report))


def report_html_parts(report: RoundReport) -> list[str]:
    """:func:`render_report_html` in its parts, in order: a round's page is megabytes, and
    ``audit-tool report`` writes the parts one after the other, never the whole page at once."""
    from audit_tool import __version__  # here: the package imports this module

    return [
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html_text(report.manifest.title)}</title><style>{_CSS}</style></head>"
        "<body><main>",
        _header(report),
        _themes(report),
        previous_html(report),
        _findings(report),
        _by_agency(report),
        *_meetings_parts(report),
        _coverage(report),
        _warnings(report),
        _invalid(report),
        learning_html(report),
        _method(report),
        _appendix(report),
        f"<footer>Made with audit-tool {html_text(__version__)} from the returns named in "
        "the round's manifest. Scores come from the answers' scales only; no answer or "
        "evidence text is reproduced here.</footer></main></body></html>\n",
    ]
