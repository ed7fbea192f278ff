"""The fast path of validate_response over plain data gives exactly the full path's problems.

``_fast_validation.fast_problems`` walks a return given as plain data once,
without copying it or building the model, and gives ``None`` when it is not
sure. The reference is the full path (``validation._validate``: copy under the
limits, build the model, salvage shape errors, run every check): wherever the
fast path gives an answer, it must be the same list of problems, with the
same codes, messages, pointers and context, on generated tools and returns,
returns damaged in the targeted ways of tests/strategies.py, and returns
damaged anywhere with any value Python data can hold.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import difflib
import enum
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit_tool import Problem, Tool, validate_response
from audit_tool._validation import did_you_mean
from audit_tool.authoring.saving import to_yaml
from audit_tool.responses import _response_checks as checks
from audit_tool.responses._fast_validation import fast_problems
from audit_tool.responses.response import read_response
from audit_tool.responses.validation import _fast_file, _validate

from strategies import identifiers, tools_with_mutated_responses, tools_with_responses
from test_plan import reference_slots

TODAY = datetime.date(2026, 11, 25)


def _records(problems: list[Problem]) -> list[tuple[Any, ...]]:
    return [(p.code, p.severity, p.message, p.pointer, p.line, p.column, p.context)
            for p in problems]


def _agree(tool: Tool, data: dict[str, Any]) -> list[Problem] | None:
    """The fast path's problems, after checking they are the full path's (when it gives any)."""
    before = copy.deepcopy(data)
    found = fast_problems(tool, data, TODAY)
    assert data == before, "the fast path changed its input"
    if found is not None:
        assert _records(found) == _records(_validate(tool, data, TODAY))
    return found


@given(tools_with_responses())
def test_a_valid_return_takes_the_fast_path_and_has_no_problems(
    case: tuple[Tool, dict[str, Any]],
) -> None:
    """Every valid generated return is read by the fast path, which finds what the full
    path finds: nothing."""
    tool, data = case
    assert _agree(tool, data) == []


@given(tools_with_mutated_responses())
def test_a_damaged_return_has_the_full_paths_problems(
    case: tuple[Tool, dict[str, Any], str | None],
) -> None:
    """A return damaged in one targeted way has, on the fast path, the problems of the full
    path; only a shape error (a case reference that is no pseudonym) or a return to another
    tool or version leaves it to the full path."""
    tool, data, code = case
    found = _agree(tool, data)
    assert (found is None) == (code in ("wrong-tool", "wrong-tool-version", "invalid-value"))


@given(tools_with_mutated_responses())
def test_the_fast_path_gives_the_problems_of_every_check_on_every_slot(
    case: tuple[Tool, dict[str, Any], str | None],
) -> None:
    """The fast path's problems are those of the full path with every check run on every slot
    of the reference walk (tests/test_plan.py), nothing skipped."""
    tool, data, _code = case
    found = validate_response(tool, data, today=TODAY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checks, "_slots", reference_slots)
        expected = _validate(tool, data, TODAY)
    assert _records(found) == _records(expected)


@given(tools_with_mutated_responses())
def test_a_file_read_has_the_full_paths_problems_placed_in_it(
    case: tuple[Tool, dict[str, Any], str | None],
) -> None:
    """A return read from its text (a file as read, its model validated from its document)
    has the same problems, lines and columns, as the full path gives it; a copy of it, or
    one whose model was changed, goes the full way."""
    tool, data, code = case
    loaded = read_response(text=to_yaml(data), name="r.yaml")
    found = validate_response(tool, loaded, today=TODAY)
    assert _records(found) == _records(_validate(tool, loaded, TODAY))
    assert all(p.file == "r.yaml" and p.line is not None for p in found)
    if loaded.response is not None:
        if code not in ("wrong-tool", "wrong-tool-version"):
            assert _fast_file(tool, loaded, TODAY) is not None
        assert _fast_file(tool, dataclasses.replace(loaded), TODAY) is None
        changed = dataclasses.replace(loaded)
        changed.response = loaded.response
        assert _fast_file(tool, changed, TODAY) is None


@given(tools_with_mutated_responses())
def test_a_file_validated_by_its_path_has_the_full_paths_problems(
    case: tuple[Tool, dict[str, Any], str | None],
) -> None:
    """A return validated by its path (the model built only when the fast path is not sure)
    has the problems, files, lines and columns the full path gives it."""
    tool, data, _code = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.yaml"
        path.write_text(to_yaml(data), encoding="utf-8")
        found = validate_response(tool, path, today=TODAY)
        assert _records(found) == _records(_validate(tool, path, TODAY))
        assert all(p.file == str(path) for p in found)


class _Kind(enum.StrEnum):
    YES = "yes"


class _Text(str):
    """A text that is not exactly ``str``."""


_odd_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**1030), 2**1030), st.floats(),
    st.sampled_from(["", " ", "yes", "no", "2020-01-01", "2020-02-30", "2020-01-01\n",
                     "20200101", "C1", "sha256:" + "0" * 64, "value"]),
    st.text(max_size=5), st.dates(), st.just(_Kind.YES), st.just(_Text("yes")),
    st.datetimes(max_value=datetime.datetime(2030, 1, 1)),
)
_odd_values = st.recursive(
    _odd_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.one_of(st.sampled_from(["value", "evidence", "evidence_date",
                                                   "start", "end", "id", "version"]),
                                  identifiers, st.integers(0, 3)), inner, max_size=3),
    ),
    max_leaves=6,
)


def _places(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in ``data`` (dict keys and list indexes)."""
    found = [here]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*here, index))
    return found


@st.composite
def _damaged_anywhere(draw: Any) -> tuple[Tool, dict[str, Any]]:
    tool, data = draw(tools_with_responses())
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_places(data)[1:]))
        container = data
        for step in path[:-1]:
            container = container[step]
        if draw(st.booleans()) and isinstance(container, dict):
            key = draw(st.one_of(identifiers, st.integers(0, 3), st.just(path[-1] + "_x")
                                 if isinstance(path[-1], str) else st.just(0)))
            container[key] = draw(_odd_values)
        else:
            container[path[-1]] = draw(_odd_values)
    return tool, data


@given(_damaged_anywhere())
def test_a_return_damaged_anywhere_has_the_full_paths_problems_or_takes_the_full_path(
    case: tuple[Tool, dict[str, Any]],
) -> None:
    """Any value put anywhere in a return (odd types, tuples, text that is not exactly str,
    numbers past the limits, dates of every spelling, keys that are not text): the fast path
    gives the full path's problems, or leaves the return to it."""
    tool, data = case
    _agree(tool, data)


@given(tools_with_responses(), st.integers(0, 2))
def test_a_return_to_another_version_or_migrated_takes_the_full_path(
    case: tuple[Tool, dict[str, Any]], which: int,
) -> None:
    """A return to another version, to another tool, or migrated from one, is left to the
    full path."""
    tool, data = case
    if which == 0:
        data["tool"]["version"] = "99.0.0"
    elif which == 1:
        data["tool"]["id"] = "other_tool"
    else:
        data["migrated_from"] = [{"tool": {"id": tool.id, "version": "0.1.0"},
                                  "date": "2020-01-01"}]
    assert fast_problems(tool, data, TODAY) is None


def test_a_cyclic_or_too_large_return_takes_the_full_path() -> None:
    """A return that holds itself, or has more nodes than the limit, is left to the full path
    (which says so with its problem)."""
    from audit_tool import load_tool
    from audit_tool._yaml import DEFAULT_LIMITS

    from conftest import TOOLS

    tool = load_tool(TOOLS / "neglect_v2.yaml")
    data: dict[str, Any] = {"tool": {"id": tool.id, "version": tool.version}, "case": "C1",
                            "agency": "police", "answers": {}}
    data["answers"]["chronology_current"] = data
    assert fast_problems(tool, data, TODAY) is None
    assert [p.code for p in validate_response(tool, data, today=TODAY)] == ["data-cycle"]
    big = {**data, "answers": {f"q{n}": ["x"] * 10 for n in range(DEFAULT_LIMITS.max_nodes // 10)}}
    assert fast_problems(tool, big, TODAY) is None
    assert [p.code for p in validate_response(tool, big, today=TODAY)] == ["too-many-nodes"]


_words = st.text("abcde_", max_size=8)


@given(_words, st.lists(_words, max_size=40))
def test_did_you_mean_is_difflibs_closest_match(word: str, choices: list[str]) -> None:
    """did_you_mean, which works out the full ratio only where it can still win, gives what
    difflib.get_close_matches gives."""
    others = [c for c in choices if c != word]
    expected = difflib.get_close_matches(word, others, n=1, cutoff=0.6)
    assert did_you_mean(word, choices) == (expected[0] if expected else None)
