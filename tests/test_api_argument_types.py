"""The reading functions answer an argument of the wrong type with a TypeError naming it.

They never raise for bad *input* (a file's content is reported as problems);
an argument of the wrong type is a mistake in the calling program, and it
gets one documented error, never an AttributeError from deep inside.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import audit_tool
from audit_tool import (
    check_catalogue,
    check_manifest,
    check_responses,
    check_tool,
    load_catalogue,
    load_manifest,
    load_response,
    load_tool,
    parse_response,
    parse_tool,
    read_catalogue,
    read_manifest,
    read_response,
    read_round,
    read_tool,
    read_tool_text,
    validate_response,
)

from conftest import ROOT

TOOL_FILE = ROOT / "tools" / "neglect_v2.yaml"
RESPONSE = ROOT / "examples" / "responses" / "neglect_v2" / "c2_police.yaml"
MANIFEST = ROOT / "examples" / "2017-05-neglect" / "audit.yaml"
TOOL = load_tool(TOOL_FILE)

Call = Callable[[], Any]

# (what is wrong, the call, the argument the error must name)
WRONG: list[tuple[str, Call, str]] = [
    ("read_tool path None", lambda: read_tool(None), "path"),  # type: ignore[arg-type]
    ("read_tool path int", lambda: read_tool(42), "path"),  # type: ignore[arg-type]
    ("read_tool path bytes", lambda: read_tool(b"t.yaml"), "path"),  # type: ignore[arg-type]
    ("read_tool catalogues str", lambda: read_tool(TOOL_FILE, catalogues="standard@1"),  # type: ignore[arg-type]
     "catalogues"),
    ("read_tool catalogues of int", lambda: read_tool(TOOL_FILE, catalogues=[1]),  # type: ignore[list-item]
     "catalogues"),
    ("read_tool limits", lambda: read_tool(TOOL_FILE, limits={"max_bytes": 1}),  # type: ignore[arg-type]
     "limits"),
    ("read_tool display", lambda: read_tool(TOOL_FILE, display=3), "display"),  # type: ignore[arg-type]
    ("read_tool shared str", lambda: read_tool(TOOL_FILE, shared="tools"), "shared"),
    ("read_tool shared of int", lambda: read_tool(TOOL_FILE, shared=[1]), "shared"),  # type: ignore[list-item]
    ("check_tool path", lambda: check_tool([TOOL_FILE]), "path"),  # type: ignore[arg-type]
    ("load_tool path", lambda: load_tool(object()), "path"),  # type: ignore[arg-type]
    ("read_tool_text text None", lambda: read_tool_text(None), "text"),  # type: ignore[arg-type]
    ("read_tool_text base_dir", lambda: read_tool_text("id: x", base_dir=None), "base_dir"),  # type: ignore[arg-type]
    ("parse_tool text None", lambda: parse_tool(None), "text"),  # type: ignore[arg-type]
    ("parse_tool text bytes", lambda: parse_tool(b"id: x"), "text"),  # type: ignore[arg-type]
    ("parse_tool name", lambda: parse_tool("id: x", name=1), "name"),  # type: ignore[arg-type]
    ("parse_tool base_dir", lambda: parse_tool("id: x", base_dir=None), "base_dir"),  # type: ignore[arg-type]
    ("parse_tool catalogues", lambda: parse_tool("id: x", catalogues=5), "catalogues"),  # type: ignore[arg-type]
    ("read_catalogue path", lambda: read_catalogue(1.5), "path"),  # type: ignore[arg-type]
    ("read_catalogue limits", lambda: read_catalogue(TOOL_FILE, limits=1), "limits"),  # type: ignore[arg-type]
    ("check_catalogue path", lambda: check_catalogue(None), "path"),  # type: ignore[arg-type]
    ("load_catalogue path", lambda: load_catalogue(None), "path"),  # type: ignore[arg-type]
    ("read_manifest path", lambda: read_manifest(None), "path"),  # type: ignore[arg-type]
    ("read_manifest shared", lambda: read_manifest(MANIFEST, shared=7), "shared"),  # type: ignore[arg-type]
    ("read_manifest display", lambda: read_manifest(MANIFEST, display=b"x"), "display"),  # type: ignore[arg-type]
    ("load_manifest path", lambda: load_manifest(3), "path"),  # type: ignore[arg-type]
    ("check_manifest dict", lambda: list(check_manifest({"round": "r"})), "manifest"),  # type: ignore[arg-type]
    ("read_response path", lambda: read_response(None), "path"),  # type: ignore[arg-type]
    ("read_response limits", lambda: read_response(RESPONSE, limits="big"), "limits"),  # type: ignore[arg-type]
    ("load_response path", lambda: load_response(["a"]), "path"),  # type: ignore[arg-type]
    ("parse_response text None", lambda: parse_response(None), "text"),  # type: ignore[arg-type]
    ("parse_response text dict", lambda: parse_response({"a": 1}), "text"),  # type: ignore[arg-type]
    ("parse_response name", lambda: parse_response("a: 1", name=None), "name"),  # type: ignore[arg-type]
    ("read_round path", lambda: read_round(None), "path"),  # type: ignore[arg-type]
    ("read_round catalogues", lambda: read_round(MANIFEST, catalogues=[None]), "catalogues"),  # type: ignore[list-item]
    ("read_round progress", lambda: read_round(MANIFEST, progress=1), "progress"),  # type: ignore[arg-type]
    ("read_round shared", lambda: read_round(MANIFEST, shared="tools"), "shared"),
    ("validate_response tool path", lambda: validate_response(str(TOOL_FILE), RESPONSE), "tool"),  # type: ignore[arg-type]
    ("validate_response tool None", lambda: validate_response(None, RESPONSE), "tool"),  # type: ignore[arg-type]
    ("validate_response today str",
     lambda: validate_response(TOOL, RESPONSE, today="2024-01-01"), "today"),  # type: ignore[arg-type]
    ("validate_response today datetime",
     lambda: validate_response(TOOL, RESPONSE, today=datetime.datetime(2024, 1, 1)), "today"),
    ("check_responses tool", lambda: list(check_responses("neglect", [RESPONSE])), "tool"),  # type: ignore[arg-type]
    ("check_responses one path", lambda: list(check_responses(TOOL, str(RESPONSE))), "sources"),
    ("check_responses source int", lambda: list(check_responses(TOOL, [1])), "sources"),  # type: ignore[list-item]
]


@pytest.mark.parametrize(("call", "argument"), [(c, a) for _, c, a in WRONG],
                         ids=[name for name, _, _ in WRONG])
def test_wrong_argument_type_is_a_type_error_naming_it(call: Call, argument: str) -> None:
    """Each public reading function, given an argument of the wrong type, raises TypeError
    whose message starts with the argument's name (or 'each of' it)."""
    with pytest.raises(TypeError) as raised:
        call()
    assert str(raised.value).removeprefix("each of ").startswith(f"{argument} must be")


def test_every_public_reading_function_is_in_the_table() -> None:
    """The table above covers every public read_, check_, parse_, load_ and validate_ function."""
    public = {
        name for name in audit_tool.__all__
        if name.startswith(("read_", "check_", "parse_", "load_", "validate_"))
    }
    covered = {name.split()[0] for name, _, _ in WRONG}
    assert public == covered


def test_a_source_of_no_known_kind_is_a_problem_not_an_error() -> None:
    """validate_response reports a source that is neither path, model nor mapping as a problem."""
    assert [p.code for p in validate_response(TOOL, 42)] == ["not-a-mapping"]  # type: ignore[arg-type]


def test_right_types_still_work(tmp_path: Path) -> None:
    """A pathlib path and a str path, and a tuple of shared folders, are all accepted."""
    assert read_tool(TOOL_FILE, shared=(ROOT / "tools",)).tool is not None
    assert read_tool(str(TOOL_FILE), catalogues=()).tool is not None
