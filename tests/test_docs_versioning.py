"""docs/versioning.md and docs/diff-rules.md: every command on the pages runs as shown."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, CliResult

PAGES = ("versioning.md", "diff-rules.md")


def _commands(page: str) -> list[tuple[list[str], str]]:
    """Each ``$ audit-tool ...`` line of the page's console blocks, with the output after it."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    found: list[tuple[list[str], str]] = []
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            found.append((shlex.split(command), output))
    return found


def _matches(shown: str, actual: str) -> bool:
    """The page's output with '...' lines standing for any number of lines."""
    pattern = "".join(
        r"(?:.*\n)*?" if line == "..." else re.escape(line) + r"\n"
        for line in shown.splitlines()
    )
    return re.fullmatch(pattern, actual) is not None


def test_the_pages_show_diff_and_migrate() -> None:
    """The pages run diff (text, json, md) and migrate."""
    commands = [argv for page in PAGES for argv, _ in _commands(page)]
    assert {argv[1] for argv in commands} == {"diff", "migrate"}
    assert {"json", "md"} <= {argv[argv.index("--format") + 1] for argv in commands
                              if "--format" in argv}


@pytest.mark.parametrize("page", PAGES)
def test_every_command_on_the_page_runs_as_shown(
    cli: Callable[..., CliResult], scratch: Path, page: str
) -> None:
    """Each command exits 0 and prints what the page shows ('...' for lines left out)."""
    for argv, output in _commands(page):
        assert argv[0] == "audit-tool"
        result = cli(*argv[1:])
        assert (argv, result.code, result.err) == (argv, 0, "")
        assert _matches(output, result.out), (argv, result.out)


def test_the_changelog_written_with_o_is_the_one_on_the_page(
    cli: Callable[..., CliResult], scratch: Path
) -> None:
    """diff --format md -o CHANGES.md writes the changelog the page shows."""
    cli("diff", "tools/neglect_v1.yaml", "tools/neglect_v2.yaml", "--format", "md",
        "-o", "CHANGES.md")
    page = (ROOT / "docs" / "versioning.md").read_text(encoding="utf-8")
    shown = page.split("````markdown\n", 1)[1].split("````\n", 1)[0]
    assert (scratch / "CHANGES.md").read_text(encoding="utf-8") == shown


def test_python_example_runs(scratch: Path) -> None:
    """The Python example on versioning.md runs and prints what its comments say."""
    page = (ROOT / "docs" / "versioning.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", page, re.DOTALL)
    script = scratch / "example.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], cwd=scratch, capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert lines[0] == "major major"
    assert lines[-1] == "['effective_plan', 'multi_agency_meetings']"
