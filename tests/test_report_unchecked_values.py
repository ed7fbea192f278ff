"""The round's report never publishes a value that failed its check: a return whose case
reference or agency is a name is named by its file, and evidence cut into a key by a
flow-mapping comma appears in no format (tests/data/rounds/unchecked/)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA, ROOT, CliResult, copy_shipped_tools

Cli = Callable[..., CliResult]
UNCHECKED = DATA / "rounds" / "unchecked"
WORDS = ("jane", "smith", "st mary", "gp practice", "mother", "social worker", "drinks daily")


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    """The example round with the three returns of tests/data/rounds/unchecked/ added."""
    copy_shipped_tools(tmp_path / "tools")
    earlier = "2017-05-neglect"  # the round the copied round names as its previous one
    shutil.copytree(ROOT / "examples" / earlier, tmp_path / "examples" / earlier)
    target = tmp_path / "examples" / "round"
    shutil.copytree(ROOT / "examples" / "2019-05-neglect", target)
    for path in UNCHECKED.glob("*.yaml"):
        shutil.copy(path, target / "responses" / path.name)
    return target / "audit.yaml"


def _shared(manifest: Path) -> list[str]:
    """The --shared options that let the copied round read the copied tools and its previous
    round."""
    top = manifest.parent.parent.parent
    return ["--shared", str(top / "tools"), "--shared", str(top / "examples")]


@pytest.mark.parametrize("fmt", ["md", "html", "text", "json"])
def test_no_report_format_shows_what_failed_its_check(cli: Cli, manifest: Path, fmt: str) -> None:
    """Neither the report (md, html, text, json) nor its stderr listing repeats the name given
    as a case reference, the name given as an agency, or the evidence cut into a key."""
    result = cli("report", str(manifest), *_shared(manifest), "--format", fmt)
    assert result.code == 0
    for text in (result.out, result.err):
        found = [w for w in WORDS if w in text.lower()]
        assert not found, text[text.lower().find(found[0]) - 300:][:400]


def test_the_report_names_such_returns_by_their_file(cli: Cli, manifest: Path) -> None:
    """In JSON the returns are named by file, with no case or agency for a value that is not
    one of the round's; the Markdown headings name the file and only what is the round's."""
    data = json.loads(cli("report", str(manifest), *_shared(manifest), "--format", "json").out)
    invalid = {r["file"]: (r["case"], r["agency"]) for r in data["invalid_returns"]}
    assert invalid["responses/case-is-a-name.yaml"] == (None, "police")
    assert invalid["responses/agency-is-a-name.yaml"] == ("C1", None)
    assert invalid["responses/evidence-split-into-a-key.yaml"] == ("C1", "domestic_abuse")
    md = cli("report", str(manifest), *_shared(manifest), "--format", "md").out
    assert "### responses/case-is-a-name.yaml (Police)\n" in md
    assert "### responses/agency-is-a-name.yaml (C1)\n" in md


def test_each_unchecked_return_gives_its_located_problem(cli: Cli, manifest: Path) -> None:
    """validate gives each file its one problem, located, with nothing quoted from it."""
    tool = manifest.parent.parent.parent / "tools" / "neglect_v2.yaml"
    result = cli("validate", "--tool", str(tool), *sorted(str(p) for p in UNCHECKED.glob("*")))
    assert result.code == 1
    lines = sorted(line.split(": ", 1)[1] for line in result.out.splitlines()[:-1])
    assert lines == sorted([
        "error[invalid-id]: the value is not a valid id; use lower_snake_case (a letter, then "
        "letters, digits or underscores)",
        "error[invalid-value]: the case reference must be a pseudonym of letters, digits, '.', "
        "'_' or '-' (no spaces, never a name)",
        "error[unknown-field]: this key is not a field here",
    ])
    places = sorted(line.split(": ", 1)[0] for line in result.out.splitlines()[:-1])
    assert places == [f"{UNCHECKED / 'agency-is-a-name.yaml'}:6:9",
                      f"{UNCHECKED / 'case-is-a-name.yaml'}:5:7",
                      f"{UNCHECKED / 'evidence-split-into-a-key.yaml'}:15:66"]
