"""The trend page as a board member sees it: in a real headless Chromium, offline."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from audit_tool.cli import main

from browser import console_errors
from conftest import ROOT, SHARED

pytestmark = pytest.mark.browser

LATER = ROOT / "examples" / "2019-05-neglect" / "audit.yaml"


@pytest.fixture(scope="module")
def trend_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example programme's trend, written as a self-contained HTML file."""
    out = tmp_path_factory.mktemp("trend") / "trend.html"
    streams = io.StringIO(), io.StringIO()
    shared = [a for folder in SHARED for a in ("--shared", str(folder))]
    code = main(["trend", str(LATER), "-o", str(out), *shared], *streams)
    assert code == 0, streams[1].getvalue()
    return out


def test_trend_opens_offline_with_a_panel_per_theme(browser: Any, trend_page: Path) -> None:
    """The page draws its chart (eight theme panels, a break marked in each), loads nothing,
    and its Content-Security-Policy blocks nothing it needs (no console error)."""
    browser.get(trend_page.as_uri())
    console_errors(browser)
    chart = browser.find_element("css selector", "svg")
    assert chart.size["width"] > 800
    assert chart.size["height"] > 300
    panels = browser.find_elements("css selector", "svg > g[transform]")
    assert len(panels) == 8
    breaks = [t for t in browser.find_elements("css selector", "svg text")
              if t.text == "scoring changed"]
    assert len(breaks) == 8
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert resources == []
    assert console_errors(browser) == []
