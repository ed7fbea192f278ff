"""Printable blank forms: a tool as a questionnaire on paper (HTML) or in a wiki (Markdown).

Questions are numbered by section (``2.3``; a group's sub-questions ``7.1a``),
each with its condition in words ("Answer if ..."), guidance, the allowed
answers as tick boxes, and space to write. The HTML is one self-contained
file: no scripts, fonts or images fetched from anywhere, print styles for A4.
Every piece of text from the tool is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from audit_tool._escape import html_text, md_text
from audit_tool.authoring.describe import QuestionWords, Wording, describe_question
from audit_tool.authoring.tool import Tool
from audit_tool.responses.template import paragraphs

__all__ = ["FORM_FORMATS", "render_form", "render_html", "render_markdown"]

FORM_FORMATS = ("md", "html")
"""The formats :func:`render_form` writes."""

_COVER_FIELDS = (
    ("Case reference", "the pseudonymised reference; never a name"),
    ("Agency", ""),
    ("Auditor's role", "never a name"),
    ("Audit round", ""),
    ("Audit period", "the first and last day audited"),
    ("Date completed", ""),
)
"""The fields at the top of every form: name and a hint."""

_INSTRUCTIONS = (
    "One form per case and per agency, completed by the agency's lead auditor from the "
    "agency's own records for the audit period.",
    "Tick one box unless the question says otherwise. Answer a question only when its "
    "\u201canswer if\u201d holds; otherwise leave it blank.",
    "Never write a child's or a family member's name: use the case reference, initials or "
    "roles.",
)


def _upper_first(text: str) -> str:
    """``text`` with its first letter in capitals, the rest as it is."""
    return text[:1].upper() + text[1:]


def _blank_entries(words: QuestionWords) -> int:
    """How many blank entries a printed group gets: two, or what its limits ask."""
    count = max(words.min_entries, 2)
    return min(count, words.max_entries) if words.max_entries else count


def _choose(words: QuestionWords) -> str:
    if words.multiple:
        return f"Tick all that apply ({words.answer})."
    return "Tick one."


def _sections(tool: Tool) -> Iterator[tuple[int, str, str, list[QuestionWords]]]:
    """Each section's number, title, description and its questions in words."""
    wording = Wording.form(tool)
    for s, section in enumerate(tool.sections, start=1):
        questions = [describe_question(q, tool, wording) for q in section.questions]
        yield s, section.title, section.description, questions


# --- Markdown ---------------------------------------------------------------

_MD_BLANK = "\\_" * 12


def _md_question(words: QuestionWords) -> list[str]:
    """One question in Markdown; a group's sub-questions as a quoted block to copy."""
    optional = " *(optional)*" if not words.required else ""
    out = [f"**{words.number}** {md_text(words.text)}{optional}", ""]
    notes = [f"*{md_text(words.condition)}*"] if words.condition else []
    if words.guidance:
        notes.append(f"Guidance: {md_text(words.guidance)}")
    if notes:
        out += [*(f"{note}  " for note in notes[:-1]), notes[-1], ""]
    if words.type == "group":
        label = md_text(words.entry_label or "entry")
        answer = md_text(_upper_first(words.answer))
        out += [f"{answer}. Copy the block below for each {label}.", ""]
        block: list[str] = []
        for sub in words.questions:
            block += _md_question(sub)
        out += [f"> {line}" if line else ">" for line in block[:-1]]
        return [*out, ""]
    if words.options:
        out += [_choose(words), ""]
        for option in words.options:
            score = f" ({option.score})" if option.score else ""
            out.append(f"- [ ] {md_text(option.label)}{score}")
        out.append("")
    else:
        out += [f"{md_text(_upper_first(words.answer))}: {_MD_BLANK}", ""]
    if words.evidence:
        out += [md_text(words.evidence), ""]
    return out


def render_markdown(tool: Tool) -> str:
    """``tool`` as a blank form in Markdown (tick boxes as task lists), for wikis."""
    out = [
        f"# {md_text(tool.title)}",
        "",
        f"Tool `{tool.id}` version {tool.version} \u00b7 theme: {md_text(tool.theme)} \u00b7 "
        f"status: {tool.status}",
        "",
    ]
    for paragraph in paragraphs(tool.description):
        out += [md_text(paragraph), ""]
    out += ["| Field | Entry |", "|---|---|"]
    for name, hint in _COVER_FIELDS:
        shown = f"{md_text(name)} ({md_text(hint)})" if hint else md_text(name)
        out.append(f"| {shown} | |")
    out.append("")
    out += [f"- {md_text(line)}" for line in _INSTRUCTIONS]
    out.append("")
    for number, title, description, questions in _sections(tool):
        out += [f"## {number}. {md_text(title)}", ""]
        for paragraph in paragraphs(description):
            out += [f"*{md_text(paragraph)}*", ""]
        for words in questions:
            out += _md_question(words)
    return "\n".join(out).rstrip("\n") + "\n"


# --- HTML ---------------------------------------------------------------------

_CSS = """\
@page {
  size: A4;
  margin: 15mm 15mm 17mm;
  @bottom-left { content: "TOOL_REF"; font: 8pt sans-serif; color: #444; }
  @bottom-right { content: "page " counter(page) " of " counter(pages);
                  font: 8pt sans-serif; color: #444; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 10pt/1.35 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000;
       margin: 0; }
@media screen { body { max-width: 190mm; margin: 2em auto; padding: 0 1em; } }
h1 { font-size: 17pt; margin: 0 0 1mm; }
.meta { color: #333; margin: 0 0 3mm; }
.intro p { margin: 0 0 2mm; }
table.cover { width: 100%; border-collapse: collapse; margin: 3mm 0; }
table.cover th, table.cover td { border: 0.75pt solid #000; padding: 1.5mm 2mm; height: 9mm;
                                 text-align: left; vertical-align: top; }
table.cover th { width: 38%; font-weight: 600; }
table.cover .hint { display: block; font-weight: normal; font-size: 8pt; color: #444; }
ul.instructions { margin: 2mm 0 4mm; padding-left: 5mm; }
section.part { margin-top: 6mm; }
h2 { font-size: 13pt; margin: 0 0 2mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #000;
     break-after: avoid; page-break-after: avoid; }
.part > .description { font-style: italic; margin: 0 0 2mm; break-after: avoid; }
.q { display: grid; grid-template-columns: 11mm minmax(0, 1fr); column-gap: 1mm;
     margin-top: 2.5mm; padding-top: 2mm; border-top: 0.5pt solid #888;
     break-inside: avoid; page-break-inside: avoid; }
.part > .q:first-of-type, .entry > .q:first-of-type { border-top: none; margin-top: 0; }
.q.group { break-inside: auto; page-break-inside: auto; }
.num { font-weight: 700; }
.text { font-weight: 600; }
.optional { font-weight: normal; color: #444; }
.when { font-style: italic; margin-top: 0.5mm; }
.guidance { font-size: 8.5pt; color: #333; margin-top: 0.5mm; }
.head, .body { grid-column: 2; min-width: 0; }
.entries { grid-column: 1 / -1; }
.choose { font-size: 8.5pt; color: #333; margin-top: 1mm; }
ul.options { list-style: none; margin: 1mm 0 0; padding: 0; display: flex; flex-wrap: wrap;
             gap: 1mm 6mm; }
ul.options li { white-space: nowrap; }
.box { display: inline-block; width: 3.4mm; height: 3.4mm; border: 0.9pt solid #000;
       vertical-align: -0.6mm; margin-right: 1.5mm; background: #fff; }
.score { font-size: 8pt; color: #555; }
.write { margin-top: 1.5mm; }
.write .label { font-size: 8.5pt; color: #333; }
.line { border-bottom: 0.6pt dotted #555; height: 7mm; }
.short { display: inline-block; border-bottom: 0.6pt dotted #555; width: 45mm; height: 6mm;
         vertical-align: bottom; }
.entry { border: 0.9pt solid #000; padding: 1mm 3mm 2mm; margin: 3mm 0 0 12mm; }
.entry h3 { font-size: 10pt; margin: 1mm 0 2mm; break-after: avoid; page-break-after: avoid; }
.entry .q { grid-template-columns: 12mm minmax(0, 1fr); }
.copy { font-size: 8.5pt; color: #333; margin: 2mm 0 0 12mm; }
"""


def _html_paragraphs(text: str, css: str) -> str:
    return "".join(f'<p class="{css}">{html_text(p)}</p>' for p in paragraphs(text))


def _lines(count: int) -> str:
    return '<div class="line"></div>' * count


def _html_answer(words: QuestionWords) -> list[str]:
    """The answer area (tick boxes, a short line, or lines to write on), then evidence."""
    out: list[str] = []
    if words.options:
        out.append(f'<div class="choose">{html_text(_choose(words))}</div>')
        out.append('<ul class="options">')
        for option in words.options:
            score = (
                f' <span class="score">({html_text(option.score)})</span>' if option.score else ""
            )
            out.append(f'<li><span class="box"></span>{html_text(option.label)}{score}</li>')
        out.append("</ul>")
    elif words.type in ("date", "number"):
        out.append(
            f'<div class="write"><span class="short"></span> '
            f'<span class="label">{html_text(words.answer)}</span></div>'
        )
    else:
        out.append(
            f'<div class="write"><span class="label">{html_text(_upper_first(words.answer))}</span>'
            f"{_lines(4)}</div>"
        )
    if words.evidence or words.options:
        # Choice answers always get room for a comment; others only when evidence is required.
        label = words.evidence or "Evidence or comment"
        rows = 2 if words.evidence else 1
        out.append(
            f'<div class="write"><span class="label">{html_text(label)}</span>{_lines(rows)}</div>'
        )
    return out


def _html_question(words: QuestionWords, anchor: bool = True) -> list[str]:
    """One question; ``anchor`` gives it an ``id`` (not for a group's repeated entries)."""
    group = words.type == "group"
    optional = ' <span class="optional">(optional)</span>' if not words.required else ""
    css = "q group" if group else "q"
    out = [
        f'<div class="{css}" id="q-{html_text(words.id)}">' if anchor else f'<div class="{css}">',
        f'<div class="num">{html_text(words.number)}</div>',
        f'<div class="head"><span class="text">{html_text(words.text)}</span>{optional}',
    ]
    if words.condition:
        out.append(f'<div class="when">{html_text(words.condition)}</div>')
    if words.guidance:
        out.append(f'<div class="guidance">{html_text(words.guidance)}</div>')
    out.append("</div>")
    if not group:
        return [*out, '<div class="body">', *_html_answer(words), "</div>", "</div>"]
    label = words.entry_label or "entry"
    out.append('<div class="entries">')
    for n in range(1, _blank_entries(words) + 1):
        out.append(f'<div class="entry"><h3>{html_text(_upper_first(label))} {n}</h3>')
        for sub in words.questions:
            out += _html_question(sub, anchor=False)
        out.append("</div>")
    out.append(
        f'<div class="copy">{html_text(_upper_first(words.answer))}. For more, copy this '
        f"{html_text(label)} block.</div>"
    )
    return [*out, "</div>", "</div>"]


def render_html(tool: Tool) -> str:
    """``tool`` as a self-contained, printable blank form in HTML (A4)."""
    # An id and a semantic version hold no quote or backslash, so they are safe in CSS.
    css = _CSS.replace("TOOL_REF", tool.ref)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html_text(tool.title)} ({html_text(tool.ref)})</title>",
        f"<style>\n{css}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{html_text(tool.title)}</h1>",
        f'<p class="meta">Tool <b>{html_text(tool.id)}</b> '
        f"version {html_text(tool.version)} \u00b7 "
        f"theme: {html_text(tool.theme)} \u00b7 status: {html_text(tool.status)}</p>",
        f'<div class="intro">{_html_paragraphs(tool.description, "description")}</div>',
        '<table class="cover">',
    ]
    for name, hint in _COVER_FIELDS:
        shown = f'<span class="hint">{html_text(hint)}</span>' if hint else ""
        out.append(f"<tr><th>{html_text(name)}{shown}</th><td></td></tr>")
    out.append("</table>")
    out.append('<ul class="instructions">')
    out += [f"<li>{html_text(line)}</li>" for line in _INSTRUCTIONS]
    out += ["</ul>", "</header>"]
    for number, title, description, questions in _sections(tool):
        out.append(f'<section class="part" id="section-{number}">')
        out.append(f"<h2>{number}. {html_text(title)}</h2>")
        out.append(_html_paragraphs(description, "description"))
        for words in questions:
            out += _html_question(words)
        out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(line for line in out if line) + "\n"


_RENDERERS: dict[str, Callable[[Tool], str]] = {"md": render_markdown, "html": render_html}


def render_form(tool: Tool, fmt: str) -> str:
    """``tool`` as a blank form in ``fmt`` (``md`` or ``html``); ``ValueError`` for others."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown form format {fmt!r}; use one of {', '.join(FORM_FORMATS)}"
        ) from None
    return renderer(tool)
