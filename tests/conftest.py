"""Shared fixtures: running the CLI in-process, and the repository's paths."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from audit_tool.cli import main

# Example counts live in profiles, not in tests: 'default' keeps `make test` quick,
# HYPOTHESIS_PROFILE=soak searches much harder before a release.
settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "soak", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
TOOLS = ROOT / "tools"
"""The shipped tools: outside a round's folder, so rounds name it as shared (``--shared``)."""


def authoring_example() -> str:
    """The complete example tool of docs/authoring.md, as YAML text."""
    text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- example:complete-tool -->\n```yaml\n(.*?)```", text, re.DOTALL)
    assert match, "docs/authoring.md lost its complete example"
    return match.group(1)


@dataclass
class CliResult:
    """What one run of the command line gave."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    """Run ``audit-tool`` with the given arguments, capturing its output."""

    def run(*argv: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), stdout=out, stderr=err)
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


# Browser tests: a real headless Chromium, or a skip that `make test` reports plainly.
_BROWSER_SKIPPED: list[str] = []


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium (Selenium WebDriver) shared by the session's browser tests."""
    import browser as support

    reason = support.missing()
    if reason is not None:
        _BROWSER_SKIPPED.append(reason)
        pytest.skip(f"browser tests did not run: {reason}")
    with support.chromium() as driver:
        yield driver


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say plainly, at the end of the run, that the browser tests could not run."""
    if _BROWSER_SKIPPED:
        terminalreporter.write_sep(
            "!", f"BROWSER TESTS DID NOT RUN: {_BROWSER_SKIPPED[0]}", red=True, bold=True
        )
        terminalreporter.write_line("Install them, then run `make test-browser`.")
