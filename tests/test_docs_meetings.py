"""docs/meetings.md: its commands run as shown, and its case worked by hand is the register."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from docs_pages import commands as page_commands
from docs_pages import matches

from audit_tool import read_round
from audit_tool.rounds.register import CellState, build_register

from conftest import ROOT, CliResult

PAGE = "meetings.md"


def test_every_command_on_the_page_runs_as_shown(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each `audit-tool meetings` command exits 0, quietly, and prints what the page shows
    (run from the repository, as the paths on the page are; it writes nothing)."""
    monkeypatch.chdir(ROOT)
    commands = page_commands((ROOT / "docs" / PAGE).read_text(encoding="utf-8"))
    assert [argv[1] for argv, _ in commands] == ["meetings"]
    for argv, output in commands:
        result = cli(*argv[1:])
        assert (argv, result.code, result.err) == (argv, 0, "")
        assert matches(output, result.out), (argv, result.out)


def _worked_table() -> tuple[list[str], list[list[str]]]:
    text = (ROOT / "docs" / PAGE).read_text(encoding="utf-8")
    block = re.search(r"<!-- worked:C4 -->\n(.*?)<!-- /worked:C4 -->", text, re.DOTALL)
    assert block, "docs/meetings.md lost its worked case"
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in block[1].splitlines()]
    return rows[0][1:], rows[2:]


def _cell_words(state: CellState, attendance: str | None, records: int) -> str:
    if state is CellState.NO_RECORD:
        return "no record"
    words = attendance or state.value
    return words + (f" ({records} records)" if records > 1 else "")


def test_the_case_worked_by_hand_is_what_the_register_gives() -> None:
    """The page's hand-made register of case C4 has the program's rows, columns and cells."""
    loaded = read_round(ROOT / "examples" / "2019-05-neglect" / "audit.yaml",
                        shared=[ROOT / "tools"])
    assert loaded.round is not None
    built = build_register(loaded.round)
    assert built is not None
    case = next(c for c in built.cases if c.case == "C4")
    agencies, rows = _worked_table()
    assert agencies == list(case.agencies)
    program = [
        [f"{e.kind} {e.date.isoformat()}",
         *(_cell_words(e.cells[a].state, e.cells[a].part("attendance"),
                       1 + len(e.cells[a].duplicates)) for a in case.agencies)]
        for e in case.events
    ]
    assert rows == program
