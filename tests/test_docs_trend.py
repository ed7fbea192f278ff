"""docs/trend.md: every command and example on the page runs and gives what the page says."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from docs_pages import blocks, commands, matches

from conftest import ROOT, CliResult

PAGE = (ROOT / "docs" / "trend.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return blocks(PAGE, language)


def _commands(language: str) -> list[tuple[list[str], str]]:
    """Each ``$ audit-tool ...`` line of the page's blocks, with the output shown after it."""
    return commands(PAGE, language)


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with copies of tools/ and examples/, as the current folder."""
    shutil.copytree(ROOT / "tools", tmp_path / "tools")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_command_on_the_page_runs_as_shown(
    cli: Callable[..., CliResult], scratch: Path
) -> None:
    """Each console command exits 0 and prints what the page shows ('...' for the rest)."""
    commands = _commands("console")
    assert len(commands) == 2
    for argv, output in commands:
        assert argv[0] == "audit-tool"
        result = cli(*argv[1:])
        assert result.code == 0, argv
        assert matches(output, result.out), (argv, result.out)
    assert (scratch / "out" / "neglect-trend.html").is_file()


def test_the_problem_shown_is_the_one_given(cli: Callable[..., CliResult], scratch: Path) -> None:
    """The rounds given out of order: exit 1 and the located problem the page shows."""
    ((argv, output),) = _commands("text")
    result = cli(*argv[1:])
    assert result.code == 1
    assert result.err.splitlines()[0] == output.strip()


def test_python_example_prints_what_the_page_says(scratch: Path) -> None:
    """The Python example runs from the repository's folder and prints the shown lines."""
    (code,) = _blocks("python")
    printed = next(b for b in _blocks("text") if not b.startswith("$ "))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=scratch, capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr, done.stdout) == (0, "", printed)
