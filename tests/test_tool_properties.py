"""Properties of loading and saving tools, over generated tools and arbitrary input."""

from __future__ import annotations

import contextlib
import copy
from typing import Any

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from audit_tool import InvalidFileError, load_tool
from audit_tool.authoring import dump_tool
from audit_tool.authoring.loading import read_tool
from audit_tool.authoring.saving import to_yaml
from audit_tool.export.schemas import tool_schema
from audit_tool.problems import Problem

from strategies import tool_data

TOOL_SCHEMA = jsonschema.Draft202012Validator(tool_schema())

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@given(tool_data())
def test_generated_tools_load_without_errors(data: dict[str, Any]) -> None:
    """Every tool the strategy draws loads: it is valid, as the strategy promises."""
    tool = load_tool(text=to_yaml(data))
    assert tool.id == data["id"]


@given(tool_data())
def test_save_then_load_gives_the_same_tool(data: dict[str, Any]) -> None:
    """A tool written with dump_tool reads back equal to itself."""
    tool = load_tool(text=to_yaml(data))
    assert load_tool(text=dump_tool(tool)) == tool


@given(tool_data())
def test_dump_is_stable(data: dict[str, Any]) -> None:
    """Dumping a reloaded tool gives the same text: saves do not churn in version control."""
    text = dump_tool(load_tool(text=to_yaml(data)))
    assert dump_tool(load_tool(text=text)) == text


def _only_our_error(text: str) -> None:
    with contextlib.suppress(InvalidFileError):
        load_tool(text=text)


@given(st.text(max_size=300))
def test_arbitrary_text_raises_only_our_error(text: str) -> None:
    """Whatever the text, load_tool returns a tool or raises InvalidFileError, nothing else."""
    _only_our_error(text)


@given(json_values)
def test_arbitrary_yaml_raises_only_our_error(value: Any) -> None:
    """Any YAML document at all gives a tool or InvalidFileError, nothing else."""
    _only_our_error(to_yaml(value))


def _paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*here, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*here, i))
    return found


@st.composite
def mutated_tools(draw: Any) -> dict[str, Any]:
    """A valid tool with a few random parts deleted, replaced or added."""
    data = copy.deepcopy(draw(tool_data()))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent: Any = data
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["delete", "replace", "add"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = draw(json_values)
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=6))] = draw(json_values)
        else:
            parent.append(draw(json_values))
    return data


@given(mutated_tools())
def test_mutated_tools_give_problems_not_crashes(data: dict[str, Any]) -> None:
    """A damaged tool gives located problems or a tool, never an unexpected exception."""
    _only_our_error(to_yaml(data))


@given(data=mutated_tools())
def test_every_problem_has_a_position(data: dict[str, Any], tmp_path_factory: Any) -> None:
    """Each problem from a damaged tool file carries a 1-based line and column."""
    path = tmp_path_factory.mktemp("t") / "tool.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    for found in read_tool(path).problems:
        assert found.line is not None, found
        assert found.column is not None, found
        assert min(found.line, found.column) >= 1, found


@given(tool_data())
def test_generated_tools_validate_against_the_json_schema(data: dict[str, Any]) -> None:
    """The checked-in JSON Schema accepts every valid tool: schema and models agree."""
    assert [e.message for e in TOOL_SCHEMA.iter_errors(data)] == []


@given(mutated_tools())
def test_schema_rejects_what_the_models_reject(data: dict[str, Any]) -> None:
    """A damaged tool the schema accepts passes the models' shape checks too."""
    if TOOL_SCHEMA.is_valid(data):
        problems = problems_of_text(to_yaml(data))
        schema_codes = {"missing-field", "unknown-field", "wrong-type", "invalid-value",
                        "invalid-id", "invalid-version", "invalid-condition",
                        "unknown-question-type", "invalid-weight", "invalid-score"}
        assert [p for p in problems if p.code in schema_codes] == []


def problems_of_text(text: str) -> list[Problem]:
    """Every problem of a tool given as text."""
    try:
        load_tool(text=text)
    except InvalidFileError as error:
        return list(error.problems)
    return []
