"""Printable blank forms: self-contained HTML for A4 and Markdown for wikis."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from audit_tool import load_tool
from audit_tool.authoring.describe import question_numbers
from audit_tool.export.render import render_form, render_html, render_markdown

from conftest import ROOT, CliResult

V1 = ROOT / "tools" / "neglect_v1.yaml"
V2 = ROOT / "tools" / "neglect_v2.yaml"

HOSTILE = """\
id: hostile
version: 1.0.0
title: 'Audit <script>alert("t")</script> & co'
theme: Testing
scales:
  - id: ynp
    title: Yes / no
    options:
      - {value: "yes", label: "<b>Yes</b>", score: 1}
      - {value: "no", label: "No & *never*", score: 0}
sections:
  - id: one
    title: One <i>section</i>
    description: 'Read [this](http://example.invalid) | carefully'
    questions:
      - id: seen
        type: single_choice
        scale: ynp
        text: 'Was the <child> seen? *yes* _or_ `no` # | ~'
        guidance: '"Quoted" & <em>emphatic</em>'
        themes: {recording: 1}
      - id: why
        type: text
        text: Why?
        when: {question: seen, equals: "no"}
"""

_VOID = {"meta", "br", "hr", "img", "input", "link"}


class _Structure(HTMLParser):
    """Collects unbalanced tags and element ids."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [v for k, v in attrs if k == "id" and v is not None]
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with {self.stack[-3:]} open")
            return
        self.stack.pop()


def _structure(html_text: str) -> _Structure:
    parser = _Structure()
    parser.feed(html_text)
    parser.close()
    return parser


@pytest.mark.parametrize("path", [V1, V2], ids=["v1", "v2"])
def test_html_is_balanced_with_unique_ids(path: Path) -> None:
    """Every element of the HTML form is closed in order, and no id is used twice."""
    parsed = _structure(render_html(load_tool(path)))
    assert parsed.errors == []
    assert parsed.stack == []
    assert [i for i, n in Counter(parsed.ids).items() if n > 1] == []


def test_html_is_self_contained_and_prints_on_a4() -> None:
    """The HTML fetches nothing (no scripts, links, images, imports or URLs) and sets A4."""
    text = render_html(load_tool(V2))
    for needle in ("<script", "<link", "<img", "@import", "url(", "http:", "https:", "src="):
        assert needle not in text
    assert "size: A4;" in text
    assert text.startswith("<!DOCTYPE html>\n<html lang=\"en\">")


def test_html_numbers_questions_and_states_conditions() -> None:
    """Each v2 question appears with its number; conditions read by number and label."""
    tool = load_tool(V2)
    text = render_html(tool)
    for number in question_numbers(tool).values():
        assert f'<div class="num">{number}</div>' in text
    assert (
        '<div class="when">Answer if 1.1 is &quot;School or education service&quot;.</div>'
    ) in text
    assert '<div class="when">Answer if 7.1c is not &quot;Not invited&quot;.</div>' in text


def test_html_shows_scales_as_tick_boxes() -> None:
    """Each option of a choice question is a tick box with its label."""
    text = render_html(load_tool(V2))
    assert (
        '<li><span class="box"></span>Apologies sent with a report '
        '<span class="score">(2 points)</span></li>'
    ) in text
    assert text.count("<h3>Meeting 1</h3>") == 1
    assert text.count("<h3>Meeting 2</h3>") == 1


def test_html_escapes_every_text_from_the_tool() -> None:
    """Titles, descriptions, questions, guidance and labels are escaped: no markup gets in."""
    text = render_html(load_tool(text=HOSTILE))
    body = text.split("</style>", 1)[1]
    assert "<script" not in body
    assert "<b>Yes" not in body
    assert "<child>" not in body
    assert "<em>" not in body
    assert "<i>" not in body
    assert "Audit &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; co" in body
    assert "Was the &lt;child&gt; seen?" in body
    assert "&lt;b&gt;Yes&lt;/b&gt;" in body
    assert _structure(text).errors == []


def test_markdown_escapes_markup_from_the_tool() -> None:
    """In Markdown, characters that would be read as markup or HTML are backslash-escaped."""
    text = render_markdown(load_tool(text=HOSTILE))
    assert "<" not in text.replace("\\<", "")
    assert r"**1.1** Was the \<child\> seen? \*yes\* \_or\_ \`no\` \# \| \~" in text
    assert r"- [ ] \<b\>Yes\</b\> (1 point)" in text
    assert r"*Read \[this\](http://example.invalid) \| carefully*" in text
    assert r'*Answer if 1.1 is "No \& \*never\*".*' in text


def test_markdown_form_has_tick_boxes_numbers_and_the_meeting_block() -> None:
    """The Markdown form numbers every question, shows options as task-list boxes and the
    meeting group as a quoted block of lettered sub-questions."""
    tool = load_tool(V2)
    text = render_markdown(tool)
    for number in question_numbers(tool).values():
        assert len(re.findall(rf"\*\*{re.escape(number)}\*\* ", text)) == 1
    assert "## 7. Statutory meetings" in text
    assert "> **7.1c** Was your agency invited, and did it attend?" in text
    assert "> - [ ] Not invited (not scored)" in text
    assert "- [ ] Requires improvement (1 point)" in text


def test_render_form_refuses_an_unknown_format() -> None:
    """Only md and html are forms."""
    with pytest.raises(ValueError, match="unknown form format 'pdf'"):
        render_form(load_tool(V1), "pdf")


def test_cli_render_writes_html_to_the_file_given(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """'render --format html -o FILE' writes the library's HTML to FILE and nothing to stdout."""
    out = tmp_path / "form.html"
    result = cli("render", str(V2), "--format", "html", "-o", str(out))
    assert (result.code, result.out, result.err) == (0, "", "")
    assert out.read_text(encoding="utf-8") == render_html(load_tool(V2))


def test_cli_render_markdown_to_stdout(cli: Callable[..., CliResult]) -> None:
    """'render --format md' prints the Markdown form."""
    result = cli("render", str(V1), "--format", "md")
    assert result.code == 0
    assert result.out == render_markdown(load_tool(V1))


def test_cli_render_of_a_bad_tool_gives_its_problems(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """A tool with errors gives check's problems on stderr and exit 1; a bad format exits 2."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: Bad\n", encoding="utf-8")
    result = cli("render", str(bad), "--format", "md")
    assert (result.code, result.out) == (1, "")
    assert "error[invalid-id]" in result.err
    assert cli("render", str(V1), "--format", "pdf").code == 2


def test_cli_render_reads_a_partnership_catalogue(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """A tool scoring into a partnership's own catalogue renders with --catalogue, and without
    it gives the unknown-catalogue problem (exit 1)."""
    catalogue = tmp_path / "ours.yaml"
    catalogue.write_text(
        "id: ours\nversion: 1\ntitle: Our themes\n"
        "themes:\n  - {id: records, name: Records, description: Good records.}\n",
        encoding="utf-8",
    )
    tool = tmp_path / "tool.yaml"
    tool.write_text(
        HOSTILE.replace("theme: Testing", "theme: Testing\ncatalogue: ours@1").replace(
            "themes: {recording: 1}", "themes: {records: 1}"
        ),
        encoding="utf-8",
    )
    assert cli("render", str(tool), "--format", "md", "--catalogue", str(catalogue)).code == 0
    result = cli("render", str(tool), "--format", "md")
    assert result.code == 1
    assert "error[unknown-catalogue]" in result.err


def test_html_gives_room_for_required_evidence_on_a_date() -> None:
    """A date question whose evidence is required gets a short answer line and evidence lines."""
    tool = load_tool(text=
        HOSTILE.replace(
            "      - id: why\n        type: text\n",
            "      - id: on\n        type: date\n        text: When?\n"
            "        evidence: {required: true}\n"
            "      - id: why\n        type: text\n",
        )
    )
    text = render_html(tool)
    block = text.split('id="q-on"', 1)[1].split('<div class="q', 1)[0]
    assert '<span class="short"></span> <span class="label">a date (YYYY-MM-DD)</span>' in block
    assert (
        '<span class="label">Evidence required.</span><div class="line"></div>'
        '<div class="line"></div>'
    ) in block
