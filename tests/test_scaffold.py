"""Scaffolding a new themed tool with 'new': it includes the shared sections and checks clean."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from audit_tool import check_tool, load_tool
from audit_tool.authoring.scaffold import SHARED_BLOCKS, scaffold_tool, write_scaffold

from conftest import ROOT, CliResult

SHARED = ROOT / "tools" / "shared"


def test_scaffold_beside_the_shared_folder_checks_with_no_problems(tmp_path: Path) -> None:
    """A tool scaffolded into a folder that holds shared/ includes 'shared/...' and gives no
    problem at all, warnings included."""
    shutil.copytree(SHARED, tmp_path / "tools" / "shared")
    path = write_scaffold("domestic_abuse", "Domestic abuse", tmp_path / "tools")
    assert path == tmp_path / "tools" / "domestic_abuse.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  - include: shared/case_context.yaml\n" in text
    assert check_tool(path) == []


def test_scaffold_elsewhere_includes_the_shared_folder_by_a_relative_path(tmp_path: Path) -> None:
    """Written far from the shared blocks, the includes lead back to them and the tool checks."""
    path = write_scaffold(
        "exploitation", "Child exploitation", tmp_path / "drafts" / "new", shared_dir=SHARED
    )
    assert check_tool(path, shared=[SHARED]) == []
    assert "include: ../" in path.read_text(encoding="utf-8")
    assert "include-outside" in {p.code for p in check_tool(path)}


def test_scaffolded_tool_has_the_shared_sections_and_its_theme(tmp_path: Path) -> None:
    """The new tool is a 0.1.0 draft on its theme, with the shared case context first, the
    meeting group, and the overall judgement last."""
    shutil.copytree(SHARED, tmp_path / "shared")
    tool = load_tool(write_scaffold("domestic_abuse", "Domestic abuse", tmp_path))
    assert (tool.ref, tool.theme) == ("domestic_abuse@0.1.0", "Domestic abuse")
    assert tool.status == "draft"
    sections = [s.id for s in tool.sections]
    assert sections[0] == "case_context"
    assert sections[-1] == "overall_judgement"
    assert "statutory_meetings" in sections
    impact = tool.question("impact_recorded")
    assert impact is not None
    assert "how domestic abuse affects" in impact.question.text


def test_scaffold_keeps_an_awkward_theme_name_as_text() -> None:
    """A theme with quotes, a colon and a hash is written as YAML text that reads back as is."""
    theme = 'CSE: "county lines" # and more'
    tool = load_tool(text=scaffold_tool("cse", theme, shared="shared"), base_dir=ROOT / "tools")
    assert tool.theme == theme
    assert tool.title == f"Multi-agency case audit - {theme}"


@pytest.mark.parametrize(
    ("tool_id", "theme", "message"),
    [
        ("Domestic-Abuse", "Domestic abuse", "lower_snake_case"),
        ("a" * 65, "Domestic abuse", "at most 64"),
        ("domestic_abuse", "  ", "a name on one line"),
        ("domestic_abuse", "Two\nlines", "a name on one line"),
    ],
)
def test_scaffold_refuses_a_bad_id_or_theme(tool_id: str, theme: str, message: str) -> None:
    """An id that is not lower_snake_case, or a theme that is not one line of text, is refused."""
    with pytest.raises(ValueError, match=message):
        scaffold_tool(tool_id, theme)


def test_write_scaffold_refuses_a_bad_id_before_looking_for_the_shared_blocks(
    tmp_path: Path,
) -> None:
    """A bad id is a ValueError even where the shared blocks are missing, and nothing is written."""
    with pytest.raises(ValueError, match="lower_snake_case"):
        write_scaffold("Domestic-Abuse", "Domestic abuse", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_cli_new_scaffolds_and_checks(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    """'new ID --theme NAME -o DIR --shared DIR' writes DIR/ID.yaml and reports no problems."""
    result = cli(
        "new", "domestic_abuse", "--theme", "Domestic abuse",
        "-o", str(tmp_path), "--shared", str(SHARED),
    )
    path = tmp_path / "domestic_abuse.yaml"
    assert (result.code, result.out) == (0, "checked 1 file: no problems\n")
    assert result.err == f"wrote {path}\n"
    assert path.is_file()


def test_cli_new_never_overwrites_without_force(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """An existing ID.yaml is left alone (exit 2) unless --force is given."""
    path = tmp_path / "domestic_abuse.yaml"
    path.write_text("keep me\n", encoding="utf-8")
    args = ("new", "domestic_abuse", "--theme", "Domestic abuse", "-o", str(tmp_path),
            "--shared", str(SHARED))
    result = cli(*args)
    assert result.code == 2
    assert "already exists" in result.err
    assert path.read_text(encoding="utf-8") == "keep me\n"
    assert cli(*args, "--force").code == 0
    assert path.read_text(encoding="utf-8") != "keep me\n"


def test_cli_new_without_the_shared_blocks_is_a_usage_error(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """With --shared naming a folder without the building blocks, 'new' exits 2, writes nothing."""
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("new", "domestic_abuse", "--theme", "Domestic abuse", "-o", str(tmp_path),
                 "--shared", str(empty))
    assert result.code == 2
    assert "shared building blocks are not in" in result.err
    assert "--shared DIR" in result.err
    assert list(tmp_path.iterdir()) == [empty]
    assert list(empty.iterdir()) == []


def test_cli_new_in_an_empty_folder_copies_the_shipped_blocks(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """In an empty folder 'new' copies the shipped building blocks to shared/ and checks clean."""
    result = cli("new", "domestic_abuse", "--theme", "Domestic abuse", "-o", str(tmp_path))
    assert (result.code, result.out) == (0, "checked 1 file: no problems\n")
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == sorted(SHARED_BLOCKS)
    for name in SHARED_BLOCKS:
        assert (tmp_path / "shared" / name).read_bytes() == (SHARED / name).read_bytes()


def test_cli_new_keeps_a_partnerships_own_building_block(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """A building block already in DIR/shared is kept as it is; only the missing are copied."""
    own = tmp_path / "shared" / "scales.yaml"
    own.parent.mkdir()
    own.write_bytes((SHARED / "scales.yaml").read_bytes() + b"# ours\n")
    result = cli("new", "domestic_abuse", "--theme", "Domestic abuse", "-o", str(tmp_path))
    assert result.code == 0
    assert own.read_bytes().endswith(b"# ours\n")
    assert "scales.yaml" not in result.err
    assert "judgement.yaml" in result.err


def test_cli_new_over_an_existing_tool_copies_nothing(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """A refused 'new' (the tool exists) leaves the folder as it was: no blocks copied."""
    (tmp_path / "domestic_abuse.yaml").write_text("keep me\n", encoding="utf-8")
    result = cli("new", "domestic_abuse", "--theme", "Domestic abuse", "-o", str(tmp_path))
    assert result.code == 2
    assert [p.name for p in tmp_path.iterdir()] == ["domestic_abuse.yaml"]
