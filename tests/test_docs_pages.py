"""docs/fhir.md, rounds.md, scoring.md, diff-rules.md and python.md: every command and Python
block on the page runs (the other pages have their own test_docs_*.py, which also check outputs)."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from audit_tool import load_tool, score
from audit_tool.responses.response import read_response

from conftest import ROOT, CliResult, copy_shipped_tools

PAGES = ("fhir.md", "rounds.md", "scoring.md", "diff-rules.md")
PYTHON_PAGES = (*PAGES, "python.md")


def _blocks(page: str, language: str) -> list[str]:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.DOTALL | re.MULTILINE)


def _commands(page: str) -> list[tuple[list[str], int]]:
    """Each ``$ audit-tool ...`` line of the page's console blocks, with the exit code a
    trailing ``# exit N`` gives (default 0). Other commands (``make bench``'s scripts) are
    timings, run by ``make bench``, not here."""
    found = []
    for block in _blocks(page, "console"):
        for line in block.splitlines():
            if line.startswith("$ audit-tool "):
                expected = re.search(r"#\s*exit (\d)", line)
                argv = shlex.split(line[2:], comments=True)
                found.append((argv, int(expected.group(1)) if expected else 0))
    return found


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch folder holding copies of tools/ and examples/, as the current folder."""
    copy_shipped_tools(tmp_path / "tools")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("page", PAGES)
def test_every_command_on_the_page_runs(
    cli: Callable[..., CliResult], scratch: Path, page: str
) -> None:
    """Each audit-tool command of the page, in order, exits as the page says, no traceback."""
    commands = _commands(page)
    assert commands, f"docs/{page} shows no audit-tool command"
    for argv, expected in commands:
        assert argv[0] == "audit-tool"
        result = cli(*argv[1:])
        assert (argv, result.code) == (argv, expected), result.err
        assert "Traceback" not in result.err


@pytest.mark.parametrize("page", PYTHON_PAGES)
def test_every_python_block_on_the_page_runs(scratch: Path, page: str) -> None:
    """Each Python block of the page runs without error in the scratch folder."""
    for code in _blocks(page, "python"):
        script = scratch / "example.py"
        script.write_text(code, encoding="utf-8")
        done = subprocess.run([sys.executable, str(script)], cwd=scratch, capture_output=True,
                              text=True, check=False, timeout=120)
        assert (done.returncode, done.stderr) == (0, "")


def _example(name: str) -> str:
    text = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- example:{name} -->\n```\w*\n(.*?)```", text, re.DOTALL)
    assert match, name
    return match.group(1)


def test_the_worked_example_scores_the_same_through_the_command_line(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """scoring.md's returns, saved as files, are valid and 'score' gives score()'s numbers."""
    (tmp_path / "tool.yaml").write_text(_example("scoring-tool"), encoding="utf-8")
    files = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.yaml"
        path.write_text(_example(f"scoring-response-{name}"), encoding="utf-8")
        files.append(str(path))
    result = cli("score", "--tool", str(tmp_path / "tool.yaml"), *files, "--format", "json")
    assert result.code == 0, result.err
    tool = load_tool(text=_example("scoring-tool"))
    expected = score(tool, [read_response(text=_example(f"scoring-response-{n}")) for n in "ab"])
    assert json.loads(result.out)["overall"] == expected.to_dict()["overall"]
