"""The board report on paper and on a phone: page numbers, no orphaned headings, tables that
scroll at 390 px; question ids and file:line positions only in the appendix."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from audit_tool import build_report, read_round
from audit_tool.rounds.report import render_report_html, render_report_markdown

from conftest import ROOT, TOOLS

MANIFEST = ROOT / "examples" / "2017-05-neglect" / "audit.yaml"


@pytest.fixture(scope="module")
def report() -> Any:
    """The example round's report model."""
    loaded = read_round(MANIFEST, shared=[TOOLS])
    assert loaded.round is not None
    return build_report(loaded.round)


def _board_part(text: str, appendix: str) -> str:
    """The report up to its appendix: what the board reads."""
    assert appendix in text
    return text.split(appendix, 1)[0]


def test_markdown_board_sections_hold_no_ids_or_positions(report: Any) -> None:
    """Before the appendix: no 'line N', no file names, no question id in the findings;
    strengths name their 'weakest questions', areas what 'pulled them down'."""
    text = render_report_markdown(report)
    board = _board_part(text, "## Appendix: where each point comes from")
    assert not re.search(r"\bline \d+", board)
    assert "responses/" not in board
    findings = board.split("## Strengths and areas for development", 1)[1].split("## Coverage")[0]
    assert "`" not in findings
    strengths, areas = findings.split("### Areas for development", 1)
    assert "Weakest questions:" in strengths
    assert "Pulled down most by:" not in strengths
    assert "Pulled down most by:" in areas
    appendix = text.split("## Appendix: where each point comes from", 1)[1]
    assert re.search(r"line \d+", appendix)
    assert "`chronology_current`" in appendix or "`" in appendix


def test_html_board_sections_hold_no_ids_or_positions(report: Any) -> None:
    """The HTML report keeps ids and positions to its appendix too."""
    page = render_report_html(report)
    board = _board_part(page, '<section id="appendix">')
    assert not re.search(r"\bline \d+", board)
    findings = board.split('<section id="findings">', 1)[1].split("</section>", 1)[0]
    assert "<code>" not in findings
    assert "Weakest questions:" in findings


def test_html_has_print_rules_and_every_table_can_scroll(report: Any) -> None:
    """Page numbers in the @page margin, headings kept with what follows, each table wrapped."""
    page = render_report_html(report)
    assert 'content: "Page " counter(page) " of " counter(pages)' in page
    assert "h1, h2, h3 { break-after: avoid;" in page
    assert page.count("<table>") == page.count('<div class="wide"><table>') > 0




@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory, report: Any) -> Path:
    """The report written to a file."""
    path = tmp_path_factory.mktemp("layout") / "report.html"
    path.write_text(render_report_html(report), encoding="utf-8")
    return path


@pytest.mark.browser
def test_at_390_px_the_page_does_not_overflow(browser: Any, report_file: Path) -> None:
    """On a 390 px phone the page is no wider than the screen; wide tables scroll in place."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True},
    )
    try:
        browser.get(report_file.as_uri())
        width, inner = browser.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]"
        )
        wrappers = browser.execute_script(
            "return [...document.querySelectorAll('.wide')].map("
            "w => [w.scrollWidth > w.clientWidth, getComputedStyle(w).overflowX])"
        )
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert (width, inner) == (390, 390)
    assert any(scrolls for scrolls, _ in wrappers), "no table is wider than the phone"
    assert all(overflow == "auto" for _, overflow in wrappers)


@pytest.mark.browser
def test_printed_report_numbers_its_pages(browser: Any, report_file: Path, tmp_path: Path) -> None:
    """Printed to PDF by Chromium: several A4 pages, each numbered 'Page N of M'."""
    browser.get(report_file.as_uri())
    pdf = base64.b64decode(browser.print_page())
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is missing: the page numbers were not read")
    (tmp_path / "report.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) > 2
    html = report_file.read_text(encoding="utf-8")
    found = re.findall(r"<h[23]>(.*?)</h[23]>", html)
    headings = {re.sub(r"<[^>]+>", "", h).strip() for h in found}
    for n, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[-1] == f"Page {n} of {len(pages)}"
        assert lines[-2] not in headings, f"page {n} ends on the heading {lines[-2]!r}"
