"""The reading functions answer an argument of the wrong type with a TypeError naming it.

They never raise for bad *input* (a file's content is reported as problems);
an argument of the wrong type is a mistake in the calling program, and it
gets one documented error, never an AttributeError from deep inside.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import audit_tool
from audit_tool import (
    check_catalogue,
    check_fragment,
    check_manifest,
    check_response,
    check_tool,
    load_catalogue,
    load_fragment,
    load_manifest,
    load_response,
    load_tool,
    read_catalogue,
    read_fragment,
    read_manifest,
    read_response,
    read_round,
    read_tool,
    validate_response,
)
from audit_tool.export.fhir import export_fhir_response
from audit_tool.responses import check_responses
from audit_tool.rounds.trend import check_series, read_previous, read_programme

from conftest import ROOT

PACKAGES = ("authoring", "responses", "rounds", "versions", "export", "rounds.register",
            "rounds.report", "rounds.trend")
TOOL_FILE = ROOT / "tools" / "neglect_v2.yaml"
RESPONSE = ROOT / "examples" / "responses" / "neglect_v2" / "c2_police.yaml"
MANIFEST = ROOT / "examples" / "2017-05-neglect" / "audit.yaml"
TOOL = load_tool(TOOL_FILE)

Call = Callable[[], Any]

# (what is wrong, the call, the argument the error must name)
WRONG: list[tuple[str, Call, str]] = [
    ("read_tool path None", lambda: read_tool(None), "source"),  # type: ignore[arg-type]
    ("read_tool path int", lambda: read_tool(42), "source"),  # type: ignore[arg-type]
    ("read_tool path bytes", lambda: read_tool(b"t.yaml"), "source"),  # type: ignore[arg-type]
    ("read_tool catalogues str", lambda: read_tool(TOOL_FILE, catalogues="standard@1"),  # type: ignore[arg-type]
     "catalogues"),
    ("read_tool catalogues of int", lambda: read_tool(TOOL_FILE, catalogues=[1]),  # type: ignore[list-item]
     "catalogues"),
    ("read_tool limits", lambda: read_tool(TOOL_FILE, limits={"max_bytes": 1}),  # type: ignore[arg-type]
     "limits"),
    ("read_tool name", lambda: read_tool(TOOL_FILE, name=3), "name"),  # type: ignore[arg-type]
    ("read_tool shared str", lambda: read_tool(TOOL_FILE, shared="tools"), "shared"),
    ("read_tool shared of int", lambda: read_tool(TOOL_FILE, shared=[1]), "shared"),  # type: ignore[list-item]
    ("check_tool path", lambda: check_tool([TOOL_FILE]), "source"),  # type: ignore[arg-type]
    ("load_tool path", lambda: load_tool(object()), "source"),  # type: ignore[arg-type]
    ("read_tool text None", lambda: read_tool(text=None), "source"),  # type: ignore[arg-type]
    ("read_tool base_dir", lambda: read_tool(text="id: x", base_dir=5), "base_dir"),  # type: ignore[arg-type]
    ("load_tool text None", lambda: load_tool(text=None), "source"),  # type: ignore[arg-type]
    ("load_tool text bytes", lambda: load_tool(text=b"id: x"), "text"),  # type: ignore[arg-type]
    ("load_tool name", lambda: load_tool(text="id: x", name=1), "name"),  # type: ignore[arg-type]
    ("load_tool base_dir", lambda: load_tool(text="id: x", base_dir=5), "base_dir"),  # type: ignore[arg-type]
    ("load_tool catalogues", lambda: load_tool(text="id: x", catalogues=5), "catalogues"),  # type: ignore[arg-type]
    ("read_fragment path", lambda: read_fragment(3), "source"),  # type: ignore[arg-type]
    ("check_fragment shared", lambda: check_fragment(TOOL_FILE, shared="tools"), "shared"),
    ("load_fragment name", lambda: load_fragment(text="fragment: x", name=1), "name"),  # type: ignore[arg-type]
    ("check_response tools str", lambda: check_response(RESPONSE, tools="tools"), "tools"),
    ("check_response tool str", lambda: check_response(RESPONSE, "neglect"), "tool"),  # type: ignore[arg-type]
    ("check_response both", lambda: check_response(RESPONSE, text="a: 1"), "text"),
    ("read_catalogue path", lambda: read_catalogue(1.5), "source"),  # type: ignore[arg-type]
    ("read_catalogue limits", lambda: read_catalogue(TOOL_FILE, limits=1), "limits"),  # type: ignore[arg-type]
    ("check_catalogue path", lambda: check_catalogue(None), "source"),  # type: ignore[arg-type]
    ("load_catalogue path", lambda: load_catalogue(None), "source"),  # type: ignore[arg-type]
    ("read_manifest path", lambda: read_manifest(None), "source"),  # type: ignore[arg-type]
    ("read_manifest shared", lambda: read_manifest(MANIFEST, shared=7), "shared"),  # type: ignore[arg-type]
    ("read_manifest name", lambda: read_manifest(MANIFEST, name=b"x"), "name"),  # type: ignore[arg-type]
    ("load_manifest path", lambda: load_manifest(3), "source"),  # type: ignore[arg-type]
    ("check_manifest int", lambda: check_manifest(42), "source"),  # type: ignore[arg-type]
    ("read_response path", lambda: read_response(None), "source"),  # type: ignore[arg-type]
    ("read_response limits", lambda: read_response(RESPONSE, limits="big"), "limits"),  # type: ignore[arg-type]
    ("load_response path", lambda: load_response(["a"]), "source"),  # type: ignore[arg-type]
    ("read_response text None", lambda: read_response(text=None), "source"),  # type: ignore[arg-type]
    ("read_response text dict", lambda: read_response(text={"a": 1}), "text"),  # type: ignore[arg-type]
    ("read_response name", lambda: read_response(text="a: 1", name=5), "name"),  # type: ignore[arg-type]
    ("read_round path", lambda: read_round(None), "source"),  # type: ignore[arg-type]
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
    ("check_series of paths", lambda: check_series([MANIFEST]), "rounds"),  # type: ignore[list-item]
    ("read_programme one path", lambda: read_programme(str(MANIFEST)), "paths"),  # type: ignore[arg-type]
    ("read_programme path int", lambda: read_programme([3]), "paths"),  # type: ignore[list-item]
    ("read_programme shared", lambda: read_programme([MANIFEST], shared="tools"), "shared"),
    ("read_programme catalogues", lambda: read_programme([MANIFEST], catalogues=[1]),  # type: ignore[list-item]
     "catalogues"),
    ("read_previous current path", lambda: read_previous(MANIFEST), "current"),  # type: ignore[arg-type]
    ("read_previous shared",
     lambda: read_previous(read_round(MANIFEST, shared=[ROOT / "tools"]).round,  # type: ignore[arg-type]
                           shared="tools"), "shared"),
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
    packages = [audit_tool, *(importlib.import_module(f"audit_tool.{name}") for name in PACKAGES)]
    public = {
        name for package in packages for name in package.__all__
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


# The entry points that take loaded models: a path or a dict where a model belongs is the
# calling program's mistake, a TypeError naming the argument, never an AttributeError.
RESPONSE_MODEL = load_response(RESPONSE)
MODELS_WRONG: list[tuple[str, Call, str]] = [
    ("diff old path", lambda: audit_tool.diff(str(TOOL_FILE), TOOL), "old"),  # type: ignore[arg-type]
    ("diff new dict", lambda: audit_tool.diff(TOOL, {}), "new"),  # type: ignore[arg-type]
    ("migrate response dict", lambda: audit_tool.migrate({}, TOOL, TOOL), "response"),  # type: ignore[arg-type]
    ("migrate old path", lambda: audit_tool.migrate(RESPONSE_MODEL, "t", TOOL), "old"),  # type: ignore[arg-type]
    ("migrate today str",
     lambda: audit_tool.migrate(RESPONSE_MODEL, TOOL, TOOL, today="2024-01-01"), "today"),  # type: ignore[arg-type]
    ("score tool path", lambda: audit_tool.score(str(TOOL_FILE), []), "tool"),  # type: ignore[arg-type]
    ("score catalogue", lambda: audit_tool.score(TOOL, [], catalogue="standard@1"), "catalogue"),  # type: ignore[arg-type]
    ("export_fhir tool path", lambda: audit_tool.export_fhir(str(TOOL_FILE)), "tool"),  # type: ignore[arg-type]
    ("export_fhir_response response path",
     lambda: export_fhir_response(TOOL, str(RESPONSE)), "response"),  # type: ignore[arg-type]
    ("build_report path", lambda: audit_tool.build_report(str(MANIFEST)), "audit"),  # type: ignore[arg-type]
    ("blank_response tool dict", lambda: audit_tool.blank_response({}), "tool"),  # type: ignore[arg-type]
    ("fillable_form tool path", lambda: audit_tool.fillable_form(str(TOOL_FILE)), "tool"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("call", "argument"), [(c, a) for _, c, a in MODELS_WRONG],
                         ids=[name for name, _, _ in MODELS_WRONG])
def test_an_entry_point_given_no_model_says_which_argument(call: Call, argument: str) -> None:
    """diff, migrate, score, the exports, the report and the forms name the argument that
    should have been a model."""
    with pytest.raises(TypeError) as raised:
        call()
    assert str(raised.value).startswith(f"{argument} must be")
