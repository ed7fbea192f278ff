"""Text that fails a pattern gets a message about that kind of text, not about ids."""

from __future__ import annotations

from pathlib import Path

from audit_tool import read_response
from audit_tool.authoring.loading import read_tool


def test_an_absolute_include_path_is_reported_as_a_path(tmp_path: Path) -> None:
    """An include path starting with '/' says the path must be relative, at its position."""
    tool = tmp_path / "tool.yaml"
    tool.write_text(
        "id: t\nversion: 1.0.0\ntitle: T\ntheme: Neglect\nsections:\n  - include: /etc/x.yaml\n",
        encoding="utf-8",
    )
    found = [p for p in read_tool(tool).problems if p.pointer == "/sections/0/include"]
    assert [(p.code, p.line, p.column, p.message) for p in found] == [
        ("invalid-value", 6, 14,
         "the path must be relative to this file's folder (no leading '/' or '\\')")
    ]


def test_a_case_reference_with_a_space_is_reported_without_quoting_it() -> None:
    """A case reference that looks like a name is refused without repeating it."""
    loaded = read_response(text=
        "tool: {id: t, version: 1.0.0}\ncase: Jane Doe\nagency: police\n", name="r.yaml"
    )
    assert [(p.code, p.line, p.column, p.pointer) for p in loaded.problems] == [
        ("invalid-value", 2, 7, "/case")
    ]
    assert "Jane" not in loaded.problems[0].message
