"""Hostile files made at run time: tools whose includes lead out, include bombs.

Used by tests/test_hostile_input.py and scripts/bench_check.py (which times
them), so that both measure the same files.
"""

from __future__ import annotations

from pathlib import Path

TOOL_HEAD = "id: t\nversion: 1.0.0\ntitle: T\ntheme: Neglect\nsections:\n"
OWN_SECTION = "  - id: own\n    title: Own\n    questions: [{id: own, type: text, text: Q}]\n"
TOOL_TAIL = "changelog:\n  - version: 1.0.0\n    changes: [First version.]\n"
LEAF = (
    "fragment: leaf\ntitle: Leaf\nsections:\n  - id: s\n    title: S\n    questions:\n"
    "      - {id: q, type: text, text: Q}\n"
)


def write_tool(folder: Path, *includes: str) -> Path:
    """``folder/t.yaml``: a tool including each of ``includes`` as sections, then its own."""
    path = folder / "t.yaml"
    items = "".join(f"  - include: {name}\n" for name in includes)
    path.write_text(TOOL_HEAD + items + OWN_SECTION + TOOL_TAIL, encoding="utf-8")
    return path


def write_leaf(folder: Path, name: str = "leaf.yaml") -> Path:
    """A building block of one section at ``folder/name`` (the folder made if need be)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(LEAF, encoding="utf-8")
    return path


def include_bomb(folder: Path, levels: int) -> Path:
    """``levels`` building blocks, each including the next one twice, and a tool including
    the first twice: 2 ** levels copies of one section once expanded."""
    for level in range(1, levels):
        (folder / f"b{level}.yaml").write_text(
            f"fragment: b{level}\ntitle: B\nsections:\n"
            f"  - include: b{level + 1}.yaml\n  - include: b{level + 1}.yaml\n",
            encoding="utf-8",
        )
    write_leaf(folder, f"b{levels}.yaml")
    return write_tool(folder, "b1.yaml", "b1.yaml")
