"""Escaped characters beyond U+FFFF, as JSON writes them, read as one character."""

from __future__ import annotations

import json

from audit_tool._yaml import parse_document


def test_escaped_surrogate_pairs_are_joined() -> None:
    """'\\ud800\\udc00' (JSON's escape for U+10000) in a key or a value reads as U+10000."""
    document, problems = parse_document(json.dumps({"k\U00010000": "v\U00010000"}), "f.json")
    assert problems == []
    assert document is not None
    assert document.data == {"k\U00010000": "v\U00010000"}


def test_a_lone_escaped_surrogate_is_a_problem_not_a_crash() -> None:
    """Half a surrogate pair is an invalid-encoding problem at its place, read as U+FFFD."""
    document, problems = parse_document('{"a": "x\\ud800y"}', "f.json")
    assert document is not None
    assert document.data == {"a": "x\ufffdy"}
    assert [(p.code, p.line, p.column, p.pointer) for p in problems] == [
        ("invalid-encoding", 1, 7, "/a")
    ]
