"""Shared fixtures: running the CLI in-process, and the repository's paths."""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from audit_tool.cli import main

# Example counts live in profiles, not in tests: 'default' keeps `make test` quick; 'ci'
# (chosen when CI=true) draws fewer, derandomized examples, so a shared two-core runner
# stays well inside its time and a failure reproduces; HYPOTHESIS_PROFILE=soak
# (`make soak`) searches much harder before a release.
settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=30, deadline=None, derandomize=True, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "soak", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI", "").lower() in ("true", "1") else "default")
)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
TOOLS = ROOT / "tools"
"""The shipped tools: outside a round's folder, so rounds name it as shared (``--shared``)."""
SHIPPED_TOOLS = ("neglect_v1.yaml", "neglect_v2.yaml")
"""The tools the project ships in tools/; a test must not depend on anything else there
(running the docs' 'audit-tool new domestic_abuse -o tools' in a clone adds a file)."""


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


def copy_shipped_tools(folder: Path) -> Path:
    """Copies of the shipped tools and tools/shared/ in ``folder``, and nothing else."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for name in SHIPPED_TOOLS:
        shutil.copy(ROOT / "tools" / name, folder / name)
    shutil.copytree(ROOT / "tools" / "shared", folder / "shared")
    return folder


@pytest.fixture
def shipped_tools_copy(tmp_path: Path) -> Path:
    """A folder holding copies of the shipped tools and tools/shared/, and nothing else."""
    return copy_shipped_tools(tmp_path / "shipped-tools")


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    """Run ``audit-tool`` with the given arguments, capturing its output."""

    def run(*argv: str, stdin: str | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        given = None if stdin is None else io.StringIO(stdin)
        code = main(list(argv), stdout=out, stderr=err, stdin=given)
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with copies of tools/ and examples/, as the current folder (for the docs'
    commands, which name them relative to the repository's top folder)."""
    copy_shipped_tools(tmp_path / "tools")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


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
