"""One grammar for every file kind: read never raises, load gives the model or one
InvalidFileError, check gives the problems; each takes a path, text, data or a model."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import audit_tool
from audit_tool import InvalidFileError, Problem
from audit_tool._yaml import read_document

from conftest import ROOT

TOOLS = ROOT / "tools"
MANIFEST = ROOT / "examples" / "2017-05-neglect" / "audit.yaml"

# kind: (the file, the model's attribute on the read result, options for every call,
#        options for text, data and models: the folder their paths are relative to)
KINDS: dict[str, tuple[Path, str, dict[str, Any], dict[str, Any]]] = {
    "tool": (TOOLS / "neglect_v2.yaml", "tool", {}, {"base_dir": TOOLS}),
    "fragment": (TOOLS / "shared" / "case_context.yaml", "fragment", {}, {"base_dir": TOOLS}),
    "catalogue": (ROOT / "src" / "audit_tool" / "data" / "standard_catalogue.yaml",
                  "catalogue", {}, {}),
    "response": (ROOT / "examples" / "2019-05-neglect" / "responses" / "c1-police.yaml",
                 "response", {}, {}),
    "manifest": (MANIFEST, "manifest", {"shared": [TOOLS]}, {"base_dir": MANIFEST.parent}),
}


def _verb(verb: str, kind: str) -> Callable[..., Any]:
    return getattr(audit_tool, f"{verb}_{kind}")  # type: ignore[no-any-return]


def _sources(kind: str) -> dict[str, tuple[tuple[Any, ...], dict[str, Any]]]:
    """The same file given each way a verb takes it: (positional, keyword) arguments."""
    path, attribute, common, relative = KINDS[kind]
    model = getattr(_verb("read", kind)(path, **common), attribute)
    document, _ = read_document(path)
    assert model is not None
    assert document is not None
    return {
        "path": ((path,), common),
        "str path": ((str(path),), common),
        "text": ((), {"text": path.read_text(encoding="utf-8"), **common, **relative}),
        "data": ((document.data,), {**common, **relative}),
        "model": ((model,), {**common, **relative}),
    }


CASES = [(kind, how) for kind in KINDS for how in ("path", "str path", "text", "data", "model")]


@pytest.mark.parametrize(("kind", "how"), CASES)
def test_a_good_file_reads_loads_and_checks_the_same_way_given_any_source(
    kind: str, how: str
) -> None:
    """read gives the model with no errors, load the same model, check no errors."""
    args, options = _sources(kind)[how]
    attribute = KINDS[kind][1]
    if kind == "response" and how == "model":
        options = {}
    read = _verb("read", kind)(*args, **options)
    assert read.ok, [p.code for p in read.problems]
    loaded = _verb("load", kind)(*args, **options)
    assert loaded == getattr(read, attribute)
    assert [p for p in _verb("check", kind)(*args, **options) if p.is_error] == []


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_broken_file_is_problems_from_read_and_check_and_one_error_from_load(
    kind: str, tmp_path: Path
) -> None:
    """An unknown top-level key: read does not raise and is not ok; check gives the same
    problems, sorted and located; load raises one InvalidFileError carrying them."""
    path, _, common, relative = KINDS[kind]
    text = path.read_text(encoding="utf-8") + "\nnot_a_field_of_any_kind: 1\n"
    read = _verb("read", kind)(text=text, name="broken.yaml", **common, **relative)
    assert not read.ok
    checked = _verb("check", kind)(text=text, name="broken.yaml", **common, **relative)
    assert checked == sorted(read.problems, key=Problem.sort_key)
    unknown = [p for p in checked if p.code == "unknown-field"]
    assert [(p.file, p.line, p.pointer) for p in unknown] == [
        ("broken.yaml", text.count("\n"), "/not_a_field_of_any_kind")
    ]
    with pytest.raises(InvalidFileError) as raised:
        _verb("load", kind)(text=text, name="broken.yaml", **common, **relative)
    assert set(raised.value.problems) >= {p for p in checked if p.is_error}


@pytest.mark.parametrize("kind", list(KINDS))
def test_nothing_that_is_not_a_document_makes_read_raise(kind: str, tmp_path: Path) -> None:
    """Empty text, a list, a missing file: problems, never an exception."""
    _, _, common, _ = KINDS[kind]
    for source, options in (
        ((), {"text": ""}),
        ((), {"text": "- a\n- b\n"}),
        ((tmp_path / "missing.yaml",), {}),
        (({"a": float("nan")},), {}),
    ):
        read = _verb("read", kind)(*source, **options, **common)
        assert not read.ok
        assert read.problems


def test_the_problems_of_data_have_pointers_and_no_lines() -> None:
    """Data has no file: its problems name '<data>' (or the name given) and no line."""
    problems = audit_tool.check_tool({"id": "x", "version": "1.0.0"})
    assert problems
    assert {(p.file, p.line) for p in problems} == {("<data>", None)}


def test_a_fragment_is_not_a_tool_and_a_tool_is_not_a_fragment() -> None:
    """Each kind's verbs say plainly when given the other kind."""
    fragment = KINDS["fragment"][0]
    assert [p.code for p in audit_tool.read_tool(fragment).blocking_problems()] == ["not-a-tool"]
    read = audit_tool.read_fragment(KINDS["tool"][0])
    assert read.fragment is None
    assert read.problems[0].code == "not-a-building-block"


def test_check_response_finds_the_tool_the_return_names_or_says_it_cannot(
    tmp_path: Path,
) -> None:
    """Without tool=, the tool named in the return is looked up like `audit-tool validate`
    does; a tool found nowhere is one located tool-not-found error."""
    path = KINDS["response"][0]
    assert audit_tool.check_response(path) == []
    moved = tmp_path / "r.yaml"
    moved.write_text(path.read_text(encoding="utf-8").replace("version: 2.0.0", "version: 9.0.0",
                                                              1), encoding="utf-8")
    problems = audit_tool.check_response(moved)
    assert [(p.code, p.file, p.pointer) for p in problems] == [
        ("tool-not-found", str(moved), "/tool")
    ]
    assert problems[0].line is not None


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12,
)


@pytest.mark.parametrize("kind", list(KINDS))
@given(data=st.dictionaries(st.text(max_size=10), _JSON, max_size=6), text=st.text(max_size=200))
def test_any_data_or_text_is_problems_never_another_error(
    kind: str, data: dict[str, Any], text: str
) -> None:
    """Whatever mapping or text is given, read and check return and load raises only
    InvalidFileError: bad input never escapes as any other exception."""
    _, _, common, _ = KINDS[kind]
    for source, options in (((data,), {}), ((), {"text": text})):
        read = _verb("read", kind)(*source, **options, **common)
        assert isinstance(read.problems, list)
        assert isinstance(_verb("check", kind)(*source, **options, **common), list)
        with contextlib.suppress(InvalidFileError):
            _verb("load", kind)(*source, **options, **common)
