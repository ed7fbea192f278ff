"""Outputs never destroy inputs: every verb that writes refuses to write over a file it read
(by any spelling or link), and over an existing file unless --force is given."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, CliResult

Cli = Callable[..., CliResult]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the tools and of the example round, as they sit in the repository."""
    shutil.copytree(ROOT / "tools", tmp_path / "tools")
    shutil.copytree(ROOT / "examples" / "2019-05-neglect", tmp_path / "examples" / "round")
    return tmp_path


def _verbs(tree: Path) -> dict[str, list[str]]:
    """Each verb that writes with -o, reading the tool neglect_v2.yaml."""
    tool = str(tree / "tools" / "neglect_v2.yaml")
    return {
        "render": ["render", tool],
        "template": ["template", tool],
        "export": ["export", "fhir", tool],
        "diff": ["diff", str(tree / "tools" / "neglect_v1.yaml"), tool, "--format", "md"],
    }


def _snapshot(tree: Path) -> dict[str, bytes]:
    files = sorted(p for p in tree.rglob("*") if p.is_file())
    return {str(p.relative_to(tree)): p.read_bytes() for p in files}


def _refused(result: CliResult, tree: Path, before: dict[str, bytes]) -> None:
    assert result.code == 2, result.err
    assert "is an input of this run" in result.err
    assert "Traceback" not in result.err
    assert _snapshot(tree) == before


@pytest.mark.parametrize("verb", ["render", "template", "export", "diff"])
def test_a_verb_refuses_to_write_over_its_tool(cli: Cli, tree: Path, verb: str) -> None:
    """'render/template/export fhir/diff TOOL -o TOOL' exits 2 and leaves every file as it was."""
    before = _snapshot(tree)
    argv = _verbs(tree)[verb]
    _refused(cli(*argv, "-o", str(tree / "tools" / "neglect_v2.yaml")), tree, before)


@pytest.mark.parametrize("verb", ["render", "template", "export", "diff"])
def test_a_verb_refuses_the_tool_spelled_otherwise_or_linked(
    cli: Cli, tree: Path, verb: str
) -> None:
    """The tool named through '..' or through a symbolic link is still the tool: refused, even
    with --force."""
    (tree / "link.yaml").symlink_to(tree / "tools" / "neglect_v2.yaml")
    before = _snapshot(tree)
    argv = _verbs(tree)[verb]
    other = str(tree / "tools" / "shared" / ".." / "neglect_v2.yaml")
    _refused(cli(*argv, "-o", other, "--force"), tree, before)
    _refused(cli(*argv, "-o", str(tree / "link.yaml"), "--force"), tree, before)


def test_render_refuses_to_write_over_an_included_building_block(cli: Cli, tree: Path) -> None:
    """A building block the tool includes is an input too: 'render -o shared/scales.yaml'
    is refused."""
    before = _snapshot(tree)
    block = str(tree / "tools" / "shared" / "scales.yaml")
    _refused(cli(*_verbs(tree)["render"], "-o", block, "--force"), tree, before)


def test_an_existing_output_is_kept_unless_force(cli: Cli, tree: Path) -> None:
    """An output file that exists is not overwritten (exit 2, says --force); with --force it is."""
    target = tree / "form.html"
    target.write_text("earlier work", encoding="utf-8")
    argv = _verbs(tree)["render"]
    refused = cli(*argv, "-o", str(target))
    assert refused.code == 2
    assert refused.err == (
        f"audit-tool: error: {target} exists already; give --force to overwrite it\n"
    )
    assert target.read_text(encoding="utf-8") == "earlier work"
    assert cli(*argv, "-o", str(target), "--force").code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_new_output_file_is_written(cli: Cli, tree: Path) -> None:
    """An output that is no input and does not exist yet is written as before (exit 0)."""
    for verb, argv in _verbs(tree).items():
        target = tree / "out" / f"{verb}.out"
        assert cli(*argv, "-o", str(target)).code == 0, verb
        assert target.stat().st_size > 0


@pytest.mark.parametrize(
    "output", ["audit.yaml", "./responses/../audit.yaml", "responses/c1-police.yaml",
               "../../tools/neglect_v2.yaml", "../../tools/shared/case_context.yaml"],
)
def test_report_refuses_to_write_over_the_round(cli: Cli, tree: Path, output: str) -> None:
    """'report audit.yaml -o' the manifest, a return, the tool or a block it includes: exit 2,
    nothing changed, even with --force."""
    round_dir = tree / "examples" / "round"
    before = _snapshot(tree)
    result = cli("report", str(round_dir / "audit.yaml"), "--shared", str(tree / "tools"),
                 "--format", "md", "-o", str(round_dir / output), "--force")
    _refused(result, tree, before)


def test_migrate_keeps_earlier_outputs_unless_force(cli: Cli, tree: Path) -> None:
    """A second 'migrate' into the same folder is refused before anything is written (exit 2);
    with --force it writes them again."""
    v1 = ROOT / "examples" / "responses" / "neglect_v1"
    out = tree / "migrated"
    argv = ["migrate", "--to", str(tree / "tools" / "neglect_v2.yaml"), str(v1), "-o", str(out)]
    assert cli(*argv).code == 0
    first = _snapshot(out)
    (out / sorted(first)[0]).write_text("edited by the auditor", encoding="utf-8")
    edited = _snapshot(out)
    again = cli(*argv)
    assert again.code == 2
    assert "exists already; give --force to overwrite it" in again.err
    assert _snapshot(out) == edited
    assert cli(*argv, "--force").code == 0
    assert _snapshot(out) == first


@pytest.mark.parametrize(
    "argv",
    [["form", "tools/neglect_v2.yaml"], ["schema", "tool"]],
    ids=["form", "schema"],
)
def test_form_and_schema_keep_an_existing_output_unless_force(
    cli: Cli, tree: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """form and schema leave an existing output alone (exit 2) and overwrite it with --force."""
    monkeypatch.chdir(tree)
    target = tree / "out.txt"
    target.write_text("earlier work", encoding="utf-8")
    refused = cli(*argv, "-o", str(target))
    assert refused.code == 2
    assert "exists already; give --force" in refused.err
    assert target.read_text(encoding="utf-8") == "earlier work"
    assert cli(*argv, "-o", str(target), "--force").code == 0
    assert target.read_text(encoding="utf-8") != "earlier work"


def test_round_forms_are_not_replaced_unless_force(cli: Cli, tree: Path) -> None:
    """form --manifest writes no form at all when one of them exists already, unless --force."""
    manifest = tree / "examples" / "round" / "audit.yaml"
    shared = ["--shared", str(tree / "tools"), "--shared", str(tree / "examples")]
    folder = tree / "forms"
    assert cli("form", "--manifest", str(manifest), *shared, "-o", str(folder)).code == 0
    written = sorted(folder.iterdir())
    assert written
    written[-1].write_text("an auditor's copy", encoding="utf-8")
    written[0].unlink()
    refused = cli("form", "--manifest", str(manifest), *shared, "-o", str(folder))
    assert refused.code == 2
    assert not written[0].exists()
    assert written[-1].read_text(encoding="utf-8") == "an auditor's copy"
    assert cli("form", "--manifest", str(manifest), *shared, "-o", str(folder), "--force").code == 0
    assert written[0].exists()
