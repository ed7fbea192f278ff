"""docs/forms.md: every command and example on the page runs and gives what the page says."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from audit_tool import blank_response, check_tool, load_tool

from conftest import ROOT, CliResult, copy_shipped_tools

PAGE = (ROOT / "docs" / "forms.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", PAGE, re.DOTALL)


def _commands() -> list[tuple[list[str], str]]:
    """Each ``$ audit-tool ...`` line of the console blocks, with the output shown after it."""
    found: list[tuple[list[str], str]] = []
    for block in _blocks("console"):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            found.append((shlex.split(command), output))
    return found


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch folder holding a copy of tools/, as the current folder."""
    copy_shipped_tools(tmp_path / "tools")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_page_has_commands_for_each_verb() -> None:
    """The page shows template, render and new being run."""
    verbs = [argv[1] for argv, _ in _commands()]
    assert {"template", "render", "new", "check"} <= set(verbs)


def test_every_command_on_the_page_runs_as_shown(
    cli: Callable[..., CliResult], repo_copy: Path
) -> None:
    """Each command exits 0 and prints exactly the output the page shows after it."""
    for argv, output in _commands():
        assert argv[0] == "audit-tool"
        result = cli(*argv[1:])
        assert (argv, result.code, result.out) == (argv, 0, output)
    shared = [repo_copy / "tools" / "shared"]
    assert check_tool(repo_copy / "drafts" / "exploitation.yaml", shared=shared) == []
    assert "include: ../tools/shared/case_context.yaml" in (
        repo_copy / "drafts" / "exploitation.yaml"
    ).read_text(encoding="utf-8")
    assert (repo_copy / "returns" / "C1_police.yaml").is_file()
    assert (repo_copy / "forms" / "neglect_v2.html").is_file()


def test_template_excerpt_is_what_template_writes() -> None:
    """The YAML excerpt on the page is part of the v2 template, as written today."""
    (excerpt,) = _blocks("yaml")
    assert excerpt in blank_response(load_tool(ROOT / "tools" / "neglect_v2.yaml"))


def test_python_example_runs(repo_copy: Path) -> None:
    """The Python example runs and scaffolds a tool that checks clean."""
    (code,) = _blocks("python")
    script = repo_copy / "example.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], cwd=repo_copy, capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr) == (0, "")
    shared = [repo_copy / "tools" / "shared"]
    assert check_tool(repo_copy / "drafts" / "neglect_early_help.yaml", shared=shared) == []
