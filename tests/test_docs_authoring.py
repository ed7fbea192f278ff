"""docs/authoring.md: its complete example is a valid tool, and what it says about it holds."""

from __future__ import annotations

from audit_tool import check_tool, load_tool

from conftest import ROOT, authoring_example

DOC = ROOT / "docs" / "authoring.md"


def _example() -> str:
    return authoring_example()


def test_complete_example_loads() -> None:
    """The complete example in the authoring guide is a valid tool using every question type."""
    tool = load_tool(text=_example())
    kinds = {ref.question.type for ref in tool.iter_questions()}
    assert kinds == {"single_choice", "multiple_choice", "text", "date", "number", "group"}


def test_complete_example_warns_only_about_the_five_themes_it_leaves_out(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """As the guide says: exactly five theme-not-evidenced warnings and nothing else."""
    path = tmp_path / "example.yaml"
    path.write_text(_example(), encoding="utf-8")
    assert [p.code for p in check_tool(path)] == ["theme-not-evidenced"] * 5
