"""The command-line examples in docs/responses.md run and print what the page shows."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable

import pytest

from conftest import ROOT, CliResult

PAGE = (ROOT / "docs" / "responses.md").read_text(encoding="utf-8")
CONSOLE = re.findall(r"```console\n\$ audit-tool (.*?)\n(.*?)```", PAGE, re.DOTALL)
SHELL = re.findall(r"```sh\naudit-tool (.*?)(?: > \S+)?\n```", PAGE)


def test_the_page_has_examples() -> None:
    """docs/responses.md shows several validate runs and the schema command."""
    assert len(CONSOLE) >= 3
    assert SHELL


@pytest.mark.parametrize(("command", "output"), CONSOLE, ids=[c for c, _o in CONSOLE])
def test_console_example_prints_what_the_page_shows(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch, command: str, output: str
) -> None:
    """Run from the repository root, the command prints exactly the output shown."""
    monkeypatch.chdir(ROOT)
    result = cli(*shlex.split(command))
    assert result.out == output


@pytest.mark.parametrize("command", SHELL)
def test_shell_example_runs(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """The command exits 0."""
    monkeypatch.chdir(ROOT)
    assert cli(*shlex.split(command)).code == 0
