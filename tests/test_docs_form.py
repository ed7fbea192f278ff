"""docs/form.md: its commands run and print what the page shows; its lists match the code."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

from audit_tool.export.form import FORM_CHECKS

from conftest import ROOT, CliResult

PAGE = (ROOT / "docs" / "form.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[list[str], list[str]]]:
    """Each ``$ audit-tool ...`` line of the console blocks, with the lines shown after it."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", PAGE, re.DOTALL):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            found.append((shlex.split(command), output.splitlines()))
    return found


def test_every_command_on_the_page_runs_as_shown(
    cli: Callable[..., CliResult], scratch: Path
) -> None:
    """Each command exits 0, and every line the page shows after it is among those printed."""
    commands = _commands()
    assert {argv[1] for argv, _ in commands} == {"form"}
    assert any("--manifest" in argv for argv, _ in commands)
    for argv, shown in commands:
        result = cli(*argv[1:])
        assert (argv, result.code) == (argv, 0), result.err
        printed = result.out.splitlines()
        assert [line for line in shown if line not in printed] == []
    assert (scratch / "c1-police.html").is_file()


def test_page_says_what_the_form_checks() -> None:
    """The page's table marks exactly the codes of FORM_CHECKS (the response area) as checked."""
    rows = re.findall(r"^\| `([a-z-]+)` \|.*\| (yes|no) \|$", PAGE, re.MULTILINE)
    assert rows
    assert {code for code, checked in rows if checked == "yes"} == (
        set(FORM_CHECKS) - {"missing-field", "invalid-value"}
    )
    assert "`missing-field`" in PAGE
    assert "`invalid-value`" in PAGE
