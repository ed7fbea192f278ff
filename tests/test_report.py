"""The round's report: what it shows, in Markdown, HTML and JSON, and what it never shows."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from audit_tool import build_report, load_catalogue, read_round, standard_catalogue
from audit_tool._escape import md_text
from audit_tool._yaml import read_document
from audit_tool.cli._report import RENDERERS
from audit_tool.rounds.report import RoundReport, render_report_html, render_report_markdown
from audit_tool.rounds.report.grades import format_percent

from conftest import ROOT, TOOLS, copy_shipped_tools

EXAMPLE = ROOT / "examples" / "2017-05-neglect"


@pytest.fixture(scope="module")
def report() -> RoundReport:
    """The example round's report data."""
    audit = read_round(EXAMPLE / "audit.yaml", shared=[TOOLS]).round
    assert audit is not None
    return build_report(audit)


def _free_text(value: Any, key: str = "") -> list[str]:
    """Every evidence text and text answer in a response document."""
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in _free_text(v, k)]
    if isinstance(value, list):
        return [t for v in value for t in _free_text(v, key)]
    if isinstance(value, str) and (key in ("evidence", "involvement_summary", "what_worked",
                                           "learning", "value") and " " in value):
        return [value]
    return []


def test_strengths_and_areas_follow_the_grades(report: RoundReport) -> None:
    """Good or better themes are strengths; requires improvement or inadequate, areas for
    development, each with the questions that pulled it down."""
    assert [t.id for t in report.strengths] == ["multi_agency", "meetings"]
    assert {t.id for t in report.areas_for_development} == {
        "recording", "outcome_planning", "impact_on_child", "assessment", "voice_of_child",
        "oversight",
    }
    oversight = next(t for t in report.themes if t.id == "oversight")
    assert [q.score.question for q in oversight.pulled_down] == [
        "management_oversight", "escalation"
    ]


def test_markdown_shows_coverage_warnings_and_the_invalid_return(report: RoundReport) -> None:
    """The Markdown report has each coverage mark, each warning heading and the invalid return."""
    text = render_report_markdown(report)
    coverage = text.split("\n## Coverage\n", 1)[1]
    row = next(line for line in coverage.splitlines()
               if line.startswith("| Housing and benefits"))
    assert row == (
        "| Housing and benefits | Returned | Invalid return | Not invited | Not invited "
        "| Not invited |"
    )
    for words in ("Unable to take part", "Not returned", "### Family views not obtained (5)",
                  "### Historical information presented as current (7)",
                  "- C4 · Police (responses/c4-police.yaml, line 35): the evidence for "
                  "'record\\_clear\\_picture' is dated 2013-10-08, before the audit period",
                  "### Agencies unable to take part (2)", "### Missing returns (1)",
                  "- C5: no return from Schools and education.",
                  "responses/c2-housing.yaml (C2 · Housing and benefits)",
                  "- line 9: error `wrong-type`: expected a date (YYYY-MM-DD), got text",
                  "- line 83: error `option-not-in-scale`: the answer to "
                  "'information\\_shared' is not an option of scale",
                  "Discussed at a separate meeting on 2017-05-24"):
        assert words in text, words


def test_html_is_self_contained_with_two_charts(report: RoundReport) -> None:
    """One HTML file: two inline SVG charts, print styles, no script, no external resource."""
    page = render_report_html(report)
    assert page.count("<svg ") == 2
    assert "@media print" in page
    assert "<script" not in page.lower()
    assert re.search(r"(src|href)\s*=|@import|url\(", page) is None
    assert re.findall(r"https?://[^\s\"']+", page) == ["http://www.w3.org/2000/svg"] * 2


def test_html_lists_the_invalid_return_and_the_warnings(report: RoundReport) -> None:
    """The HTML names the invalid return and every warning group."""
    page = render_report_html(report)
    assert "<code>responses/c2-housing.yaml</code>" in page
    assert "Invalid return</td>" in page
    for heading in ("Family views not obtained (5)", "Agencies unable to take part (2)",
                    "Missing returns (1)", "Historical information presented as current (7)"):
        assert heading in page


def _strings(value: Any) -> list[str]:
    """Every string in decoded JSON, keys included."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _as_read(fmt: str, page: str) -> str:
    """The report as a reader sees its text: entities and escapes undone, JSON decoded,
    whitespace runs as one space."""
    if fmt == "html":
        page = html.unescape(page)
    elif fmt == "md":
        page = re.sub(r"\\(.)", r"\1", page)
    elif fmt == "json":
        page = "\n".join(_strings(json.loads(page)))
    return " ".join(page.split())


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_no_answer_or_evidence_text_reaches_the_report(report: RoundReport, fmt: str) -> None:
    """Not one evidence text or free-text answer of any return appears in the report, in any
    format 'report --format' writes (md, html, text, json)."""
    page = _as_read(fmt, RENDERERS[fmt](report))
    texts = free_texts(EXAMPLE / "responses")
    assert len(texts) > 30
    assert [t for t in texts if t in page] == []


def free_texts(folder: Path) -> set[str]:
    """Every evidence text and free-text answer of the returns in ``folder``, whitespace
    runs as one space."""
    texts = set()
    for path in folder.glob("*.yaml"):
        document, _ = read_document(path)
        assert document is not None
        texts.update(" ".join(t.split()) for t in _free_text(document.data))
    return texts


def test_report_json_names_coverage_and_invalid_returns(report: RoundReport) -> None:
    """to_dict() is JSON-ready and carries coverage, scores, warnings and invalid returns."""
    data = json.loads(json.dumps(report.to_dict()))
    assert data["coverage"]["C2"]["housing"] == "invalid"
    assert data["coverage"]["C5"]["education"] == "not_returned"
    assert set(data["scores"]) == {"tool", "responses", "cases", "overall"}
    assert [r["file"] for r in data["invalid_returns"]] == ["responses/c2-housing.yaml"]
    assert {w["code"] for w in data["warnings"]} == {
        "family-views-not-obtained", "agency-unable", "return-missing", "evidence-before-period"
    }


def _example_with_tool(tmp_path: Path, lines: str) -> Path:
    """A copy of the example round whose tool has ``lines`` added after its status; its
    manifest."""
    copy_shipped_tools(tmp_path / "tools")
    tool = tmp_path / "tools" / "neglect_v1.yaml"
    text = tool.read_text(encoding="utf-8")
    tool.write_text(text.replace("status: retired\n", f"status: retired\n{lines}"),
                    encoding="utf-8")
    shutil.copytree(EXAMPLE, tmp_path / "round")
    manifest = tmp_path / "round" / "audit.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("../../tools", "../tools"), encoding="utf-8")
    return manifest


def test_a_round_on_a_partnership_catalogue_names_its_themes(tmp_path: Path) -> None:
    """A tool scoring into a partnership's own catalogue: the round carries that catalogue,
    and the report names the themes as it does."""
    manifest = _example_with_tool(tmp_path, "catalogue: ours@1\n")
    themes = [{"id": t.id, "name": f"Our {t.name.lower()}"} for t in standard_catalogue().themes]
    ours = tmp_path / "ours.yaml"
    ours.write_text(json.dumps({"id": "ours", "version": 1, "title": "Ours", "themes": themes}),
                    encoding="utf-8")
    audit = read_round(
        manifest, catalogues=[load_catalogue(ours)], shared=[tmp_path / "tools"]
    ).round
    assert audit is not None
    assert audit.catalogue.ref == "ours@1"
    names = [row.name for row in build_report(audit).themes]
    assert names[:2] == ["Our recording and chronologies", "Our outcome-focused planning"]
    assert all(name.startswith("Our ") for name in names)


def test_a_theme_short_of_the_answers_the_tool_asks_for_says_so(tmp_path: Path) -> None:
    """A theme not evidenced because it has fewer scored answers than grading.min_answers is
    listed with its count, the tool's minimum and its percent, not as having none."""
    manifest = _example_with_tool(tmp_path, "grading:\n  min_answers: {oversight: 100}\n")
    audit = read_round(manifest, shared=[tmp_path / "tools"]).round
    assert audit is not None
    built = build_report(audit)
    assert [t.id for t in built.not_evidenced] == ["oversight"]
    reason = (
        "Oversight, drift and escalation: too few scored answers to grade: 45, where the tool "
        "asks for 100 (66.6% of the points available)"
    )
    markdown = render_report_markdown(built)
    assert f"### Not evidenced\n\n- {reason}\n" in markdown
    assert f"<li>{reason}</li>" in render_report_html(built)
    assert "no scored answers" not in markdown


def test_text_from_the_manifest_is_escaped(tmp_path: Path) -> None:
    """A title or reason holding markup is shown as text in HTML and Markdown."""
    folder = tmp_path / "round"
    shutil.copytree(EXAMPLE, folder)
    manifest = folder / "audit.yaml"
    tools = os.path.relpath(ROOT / "tools", folder)
    text = manifest.read_text(encoding="utf-8").replace("../../tools", tools)
    text = text.replace(
        "title: Multi-agency case audit - neglect, May 2017",
        "title: '<script>alert(1)</script> & *bold* | pipe'",
    )
    manifest.write_text(text, encoding="utf-8")
    audit = read_round(manifest, shared=[TOOLS]).round
    assert audit is not None
    built = build_report(audit)
    page = render_report_html(built)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold* | pipe" in page
    assert render_report_markdown(built).startswith(
        "# \\<script\\>alert(1)\\</script\\> \\& \\*bold\\* \\| pipe\n"
    )


def test_md_text_keeps_text_on_one_line() -> None:
    """md_text joins lines and escapes the characters that would become markup."""
    assert md_text("a_b\n[c](d) `e` <f>") == "a\\_b \\[c\\](d) \\`e\\` \\<f\\>"


def test_md_text_keeps_an_entity_as_written() -> None:
    """An HTML entity in a title shows as written in Markdown, never as the character it names."""
    assert md_text("&lt;b&gt; & co") == "\\&lt;b\\&gt; \\& co"


def test_format_percent_rounds_down_and_says_when_there_is_none() -> None:
    """A percent shows rounded down with its suffix; a missing one shows as the placeholder."""
    assert format_percent(69.96) == "69.9"
    assert format_percent(69.96, suffix="%") == "69.9%"
    assert format_percent(None) == "-"
    assert format_percent(None, suffix="%", placeholder="no scored answers") == "no scored answers"
