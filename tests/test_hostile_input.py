"""Hostile files end as one problem each: no crash, no hang, no memory blow-up.

The stored cases (billion laughs, 10,000-deep nesting, a Python object tag,
invalid UTF-8...) are in the broken-tool corpus; these are the ones better
generated than stored. Timings are measured in scripts/bench_check.py.
"""

from __future__ import annotations

from pathlib import Path

from audit_tool import check_tool
from audit_tool._yaml import Limits, parse_document


def test_fifty_megabyte_file_is_refused_before_parsing(tmp_path: Path) -> None:
    """A 50 MB file gives file-too-large, without its contents being parsed."""
    path = tmp_path / "huge.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id: huge\nnotes: |\n")
        line = "  " + "x" * 98 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line)):
            handle.write(line)
    [found] = check_tool(path)
    where = (found.code, found.line, found.column, found.pointer)
    assert where == ("file-too-large", None, None, "")
    assert "limit is 2,097,152" in found.message


def test_size_limit_applies_to_text_given_directly() -> None:
    """parse_document refuses oversized text too, not only files."""
    document, problems = parse_document("a: " + "x" * 100, "t.yaml", Limits(max_bytes=50))
    assert document is None
    assert [p.code for p in problems] == ["file-too-large"]


def test_deep_block_nesting_stops_at_the_limit() -> None:
    """Deep block-style nesting stops at the depth limit with a located problem."""
    text = "".join("  " * i + "a:\n" for i in range(200))
    document, problems = parse_document(text, "deep.yaml")
    assert document is None
    # 64 levels are allowed; the mapping that starts on line 65 is the 65th.
    assert [(p.code, p.line) for p in problems] == [("too-deep", 65)]


def test_many_nodes_stop_at_the_node_limit() -> None:
    """A flat document with more nodes than the limit is refused at the node that passes it."""
    text = "[" + ", ".join("1" for _ in range(200)) + "]"
    document, problems = parse_document(text, "wide.yaml", Limits(max_nodes=100))
    assert document is None
    assert [(p.code, p.line, p.column, p.pointer) for p in problems] == [
        ("too-many-nodes", 1, 299, "/99")
    ]


def test_unreadable_path_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    """A folder given as a tool file gives file-unreadable, with no position."""
    [found] = check_tool(tmp_path)
    assert (found.code, found.line) == ("file-unreadable", None)


def test_unsafe_tag_refuses_the_whole_document() -> None:
    """A document that asks for Python objects is not handed on, even in part."""
    document, problems = parse_document("a: 1\nb: !!python/name:os.system\n", "t.yaml")
    assert document is None
    assert [(p.code, p.line, p.column, p.pointer) for p in problems] == [
        ("unsafe-tag", 2, 4, "/b")
    ]
