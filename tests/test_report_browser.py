"""The round's HTML report as a board member sees it: in a real headless Chromium."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from audit_tool import read_manifest
from audit_tool.cli import main

from browser import console_errors
from conftest import ROOT, TOOLS

pytestmark = pytest.mark.browser

MANIFEST = ROOT / "examples" / "2017-05-neglect" / "audit.yaml"


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example round's report, written as a self-contained HTML file."""
    out = tmp_path_factory.mktemp("report") / "report.html"
    streams = io.StringIO(), io.StringIO()
    argv = ["report", str(MANIFEST), "--shared", str(TOOLS), "-o", str(out)]
    assert main(argv, *streams) == 0, streams[1].getvalue()
    return out


def test_report_opens_offline_with_its_charts(browser: Any, report_page: Path) -> None:
    """The report shows its title and draws its SVG charts, loading nothing and logging no error."""
    browser.get(report_page.as_uri())
    console_errors(browser)
    title = browser.find_element("css selector", "h1").text
    assert title == read_manifest(MANIFEST, shared=[TOOLS]).manifest.title
    charts = browser.find_elements("css selector", "svg")
    assert charts, "the report drew no chart"
    assert all(chart.size["width"] > 100 and chart.size["height"] > 50 for chart in charts)
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert resources == []
    assert console_errors(browser) == []

