"""JSON Pointers: building, splitting and resolving them."""

from __future__ import annotations

from audit_tool import _pointer


def test_join_escapes_slash_and_tilde() -> None:
    """Parts holding '/' or '~' are escaped, and split gives them back."""
    pointer = _pointer.join("/answers", "a/b", "c~d", 0)
    assert pointer == "/answers/a~1b/c~0d/0"
    assert _pointer.split(pointer) == ["answers", "a/b", "c~d", "0"]


def test_resolve_follows_mappings_and_lists() -> None:
    """resolve finds the value a pointer leads to through mappings and list indexes."""
    data = {"answers": {"meetings": [{"meeting_type": "icpc"}]}}
    assert _pointer.resolve(data, "/answers/meetings/0/meeting_type") == (True, "icpc")
    assert _pointer.resolve(data, "") == (True, data)


def test_resolve_reports_pointers_that_lead_nowhere() -> None:
    """A missing key, an index past the end, or a step into text resolves to (False, None)."""
    data = {"answers": {"meetings": [{"meeting_type": "icpc"}]}}
    for pointer in ("/answers/nope", "/answers/meetings/1", "/answers/meetings/0/meeting_type/x",
                    "/answers/meetings/-1"):
        assert _pointer.resolve(data, pointer) == (False, None), pointer
