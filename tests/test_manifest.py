"""The audit round manifest: the example loads clean, broken ones give located problems."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from audit_tool import InvalidFileError, load_manifest, read_manifest
from audit_tool._yaml import read_document

from conftest import DATA, ROOT, TOOLS

EXAMPLE = ROOT / "examples" / "2017-05-neglect" / "audit.yaml"
BROKEN = sorted((DATA / "manifest").glob("*.yaml"))


def _expected(path: Path) -> list[tuple[str, int, int, str]]:
    """The ``# expect: CODE LINE:COL POINTER`` lines at the top of a broken manifest."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"# expect: (\S+) (\d+):(\d+) (\S+)", line)
        if match:
            found.append((match[1], int(match[2]), int(match[3]), match[4]))
    return found


def test_the_example_manifest_has_no_problems() -> None:
    """examples/2017-05-neglect/audit.yaml loads with no problem at all."""
    loaded = read_manifest(EXAMPLE, shared=[TOOLS])
    assert loaded.problems == []
    assert loaded.manifest is not None
    assert [c.ref for c in loaded.manifest.cases] == ["C1", "C2", "C3", "C4", "C5"]


def test_the_example_manifest_validates_against_the_checked_in_schema() -> None:
    """schemas/audit-manifest.schema.json accepts the example, read by the jsonschema library."""
    schema = json.loads((ROOT / "schemas" / "audit-manifest.schema.json").read_text("utf-8"))
    document, _ = read_document(EXAMPLE)
    assert document is not None
    jsonschema.Draft202012Validator(schema).validate(document.data)


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_a_broken_manifest_gives_exactly_its_problems(path: Path) -> None:
    """Each file in tests/data/manifest gives the problems its '# expect:' lines name, where
    they name them, and the manifest is not returned."""
    loaded = read_manifest(path, shared=[TOOLS])
    got = [(p.code, p.line, p.column, p.pointer) for p in loaded.problems]
    assert got == _expected(path)
    assert loaded.manifest is None


def test_an_unknown_agency_message_suggests_the_nearest() -> None:
    """A misspelt agency id gets a did-you-mean."""
    problems = read_manifest(DATA / "manifest" / "unknown-agency.yaml").problems
    assert problems[0].message == (
        "agency 'polce' is not in the manifest's 'agencies' list (did you mean 'police'?)"
    )


def test_load_manifest_raises_with_every_problem() -> None:
    """load_manifest raises InvalidFileError carrying the problems, sorted by line."""
    with pytest.raises(InvalidFileError) as raised:
        load_manifest(DATA / "manifest" / "path-not-found.yaml", shared=[TOOLS])
    assert [p.line for p in raised.value.problems] == [5, 12]


def test_an_unreadable_manifest_is_one_problem(tmp_path: Path) -> None:
    """A manifest that does not exist gives file-unreadable, no position."""
    loaded = read_manifest(tmp_path / "missing.yaml")
    assert [(p.code, p.line) for p in loaded.problems] == [("file-unreadable", None)]
