"""The broken-tool corpus: each file in tests/data/tools/broken/ gives exactly its problems.

Each file ends with the problems it must give, one per line:

    # expect: [OTHER_FILE] CODE LINE:COLUMN POINTER

(``-`` for no line or column, ``''`` for the empty pointer; OTHER_FILE when
the problem stands in an included file). The lines sit at the end so they do
not move the positions they describe. ``theme-not-evidenced`` warnings are
ignored unless a file expects them, since small files evidence few themes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_tool import Severity, check_tool, load_tool
from audit_tool.codes import CODES
from audit_tool.exceptions import InvalidFileError

from conftest import DATA

BROKEN = DATA / "tools" / "broken"

# Files that cannot carry a comment.
SIDECAR = {"empty.yaml": ["# expect: empty-document -:- ''"]}

Record = tuple[str, str, int | None, int | None, str]


def _expected(path: Path) -> list[Record]:
    lines = SIDECAR.get(path.name) or [
        line.decode("utf-8")
        for line in path.read_bytes().splitlines()
        if line.startswith(b"# expect: ")
    ]
    records = []
    for line in lines:
        parts = line.removeprefix("# expect: ").split()
        file = path.name if len(parts) == 3 else parts.pop(0)
        code, where, pointer = parts
        line_no, column = (None if x == "-" else int(x) for x in where.split(":"))
        records.append((file, code, line_no, column, "" if pointer == "''" else pointer))
    return sorted(records, key=str)


def _actual(path: Path, expected: list[Record]) -> list[Record]:
    wanted_codes = {r[1] for r in expected}
    records = []
    for found in check_tool(path):
        if found.code == "theme-not-evidenced" and found.code not in wanted_codes:
            continue
        file = str(Path(found.file or "").relative_to(BROKEN))
        records.append((file, found.code, found.line, found.column, found.pointer))
    return sorted(records, key=str)


CASES = sorted(p for p in BROKEN.glob("*.yaml"))


def test_corpus_is_large_enough() -> None:
    """The corpus holds at least 30 broken tool files, each expecting a problem."""
    assert len(CASES) >= 30
    assert all(_expected(p) for p in CASES)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_broken_file_gives_exactly_its_problems(path: Path) -> None:
    """check_tool reports exactly the codes, lines, columns and pointers the file expects."""
    expected = _expected(path)
    assert _actual(path, expected) == expected


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_load_tool_raises_one_error_carrying_the_errors(path: Path) -> None:
    """load_tool raises one InvalidFileError carrying every error; warnings alone still load."""
    expected = _expected(path)
    errors = [r for r in expected if CODES[r[1]].severity is Severity.ERROR]
    if not errors:
        assert load_tool(path).id
        return
    with pytest.raises(InvalidFileError) as raised:
        load_tool(path)
    codes = sorted(p.code for p in raised.value.problems if p.is_error)
    assert codes == sorted(r[1] for r in errors)


def test_a_shape_error_names_the_fields_wanted() -> None:
    """Bands written as pairs: the message names the fields a band takes, not only 'a mapping'."""
    found = [p for p in check_tool(BROKEN / "bands_as_pairs.yaml") if p.code == "wrong-type"]
    assert [p.message for p in found] == [
        "expected a mapping with grade, min, label, got a list"
    ] * 2
