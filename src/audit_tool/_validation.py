"""Turn pydantic's validation errors into problem records.

pydantic reports each error with a ``loc`` tuple. It is close to a JSON
pointer but carries extra elements: the tag of a discriminated union (the
question ``type``, the condition kind), the member names of plain unions
(``str``, ``int``), and ``[key]`` for an error in a mapping's key. The walker
below follows ``loc`` through the data itself, so the pointer names only
places that exist in the document, and then says in words what is wrong.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Container, Iterable, Sequence
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from audit_tool import _pointer
from audit_tool._types import (
    ID_PATTERN,
    MAX_NUMBER,
    MAX_SCORE,
    MAX_WEIGHT,
    REF_PATTERN,
    RELATIVE_PATH_PATTERN,
)
from audit_tool.codes import problem
from audit_tool.problems import Problem

__all__ = [
    "describe_value",
    "did_you_mean",
    "field_names",
    "holds_case_data",
    "key_name",
    "problems_from_validation_error",
]

_KINDS = {
    "string": "text",
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "list": "a list",
    "dict": "a mapping",
    "model": "a mapping",
    "model_attributes": "a mapping",
    "date": "a date (YYYY-MM-DD)",
    "date_from_datetime": "a date (YYYY-MM-DD)",
    "none_required": "nothing (null)",
}


_CLOSE_ENOUGH = 0.6


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word``, if one is close enough to suggest (never ``word``).

    What ``difflib.get_close_matches(word, others, n=1, cutoff=0.6)`` gives (the
    highest ratio, then the greatest choice), sooner: the full ratio is worked out
    only for the choices whose upper bound (``quick_ratio``) can still reach the best.
    """
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    bounds = []
    for choice in choices:
        if choice == word:
            continue
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() >= _CLOSE_ENOUGH:
            bound = matcher.quick_ratio()
            if bound >= _CLOSE_ENOUGH:
                bounds.append((bound, choice))
    best: tuple[float, str] | None = None
    for bound, choice in sorted(bounds, reverse=True):
        if best is not None and bound < best[0]:
            break  # no ratio above its bound: neither this one nor any after can win
        matcher.set_seq1(choice)
        ratio = matcher.ratio()
        if ratio >= _CLOSE_ENOUGH and (best is None or (ratio, choice) > best):
            best = (ratio, choice)
    return best[1] if best is not None else None


def suggestion(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` or the empty string."""
    best = did_you_mean(word, choices)
    return f" (did you mean '{best}'?)" if best else ""


@cache
def field_names(model: type[BaseModel]) -> frozenset[str]:
    """Every field name (by alias) of ``model`` and the models it contains."""
    names: set[str] = set()

    def collect(schema: Any) -> None:
        if isinstance(schema, dict):
            props = schema.get("properties")
            if isinstance(props, dict):
                names.update(props)
            for value in schema.values():
                collect(value)
        elif isinstance(schema, list):
            for value in schema:
                collect(value)

    collect(model.model_json_schema())
    return frozenset(names)


@cache
def _fields_of(model: type[BaseModel], class_name: str) -> tuple[str, ...]:
    """The fields (required first) of the model named ``class_name`` inside ``model``."""
    schema = model.model_json_schema()
    found = schema if schema.get("title") == class_name else None
    found = schema.get("$defs", {}).get(class_name, found)
    if not isinstance(found, dict) or not isinstance(found.get("properties"), dict):
        return ()
    required = [name for name in found.get("required", []) if name in found["properties"]]
    return (*required, *(n for n in found["properties"] if n not in required))


def _wanted_mapping(model: type[BaseModel], class_name: str) -> str:
    """``a mapping with grade, min`` (its fields, required first, at most six named)."""
    fields = _fields_of(model, class_name)
    if not fields:
        return "a mapping"
    named = ", ".join(fields[:6]) + (", ..." if len(fields) > 6 else "")
    return f"a mapping with {named}"


def _walk(loc: Sequence[int | str], data: Any) -> tuple[str, Any, bool, bool]:
    """Follow ``loc`` through ``data``.

    Returns the pointer reached, the value there, whether the last element
    was a mapping key (``[key]``), and whether the whole ``loc`` was followed.
    """
    pointer = ""
    current = data
    at_key = False
    complete = True
    tag_seen = False  # the union tag comes once per mapping: a field may share its name
    for element in loc:
        if element == "[key]":
            at_key = True
            continue
        if isinstance(current, dict):
            if current.get("type") == element and isinstance(element, str) and not tag_seen:
                tag_seen = True
                continue  # the tag of a discriminated union, not a field
            tag_seen = False
            if element in current:
                pointer = _pointer.join(pointer, element)
                current = current[element]
                complete = True
                continue
        elif (
            isinstance(current, list)
            and isinstance(element, int)
            and not isinstance(element, bool)
            and 0 <= element < len(current)
        ):
            pointer = _pointer.join(pointer, element)
            current = current[element]
            complete = True
            continue
        # a union tag or member name ('str', 'list[str]'): not a place in the data
        complete = isinstance(element, str) and not _looks_like_field(element)
    return pointer, current, at_key, complete


def _looks_like_field(element: str) -> bool:
    """True for a field name pydantic could not find (as opposed to a union member name)."""
    return element.isidentifier() and element not in _MEMBER_NAMES


_MEMBER_NAMES = frozenset({"str", "int", "float", "bool", "none", "list", "dict", "scalar"})
_SAFE_TO_QUOTE = frozenset(
    {"id", "version", "scale", "value", "grade", "question", "fragment", "catalogue", "agency",
     "renamed_from", "replaces", "retired_ids", "required_for", "sections", "scales", "themes",
     "min_answers", "option_map", "tool"}
)
_ID = re.compile(ID_PATTERN)


def key_name(key: str, known: Container[str]) -> str:
    """A key of a response's mapping (an answer's question id) as a message names it.

    Any text can be a key, so a key may be case data: only one of the tool's own
    identifiers (``known``: its question ids, the format's field names) is quoted; any
    other is "this key", and the problem's pointer and position say where it stands.
    """
    return f"'{key}'" if key in known else "this key"


def holds_case_data(model: type[BaseModel]) -> bool:
    """Whether ``model`` (a response) holds case data: then a message quotes no key of its
    documents that is not a field name of the format."""
    return bool(getattr(model, "HOLDS_CASE_DATA", False))


def describe_value(value: Any) -> str:
    """What kind of value ``value`` is, in words (never the value itself)."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _last_name(loc: Sequence[int | str]) -> str:
    for element in reversed(loc):
        if isinstance(element, str) and element != "[key]":
            return element
    return ""


def _convert(
    error: ErrorDetails, data: Any, vocabulary: frozenset[str], model: type[BaseModel]
) -> Problem:
    private = holds_case_data(model)
    loc = error["loc"]
    kind = error["type"]
    ctx = error.get("ctx") or {}
    pointer, value, at_key, complete = _walk(loc, data)
    name = _last_name(loc)

    if kind == "missing":
        pointer = _pointer.join(pointer, name) if name else pointer
        return problem("missing-field", f"'{name}' is required here", pointer, field=name)
    if kind == "extra_forbidden":
        # In a response any text can be a key (evidence cut by a comma in a flow mapping):
        # only the format's own field names are quoted there.
        quotable = name in vocabulary or (not private and len(name) <= 64 and _ID.fullmatch(name))
        shown = f"'{name}'" if quotable else "this key"
        return problem(
            "unknown-field",
            f"{shown} is not a field here{suggestion(name, vocabulary)}",
            pointer,
            at_key=True,
            field=name,
        )
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag", ""))
        tags = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        return problem(
            "unknown-question-type",
            f"question type '{tag}' is not known{suggestion(tag, tags)}; "
            f"use one of: {', '.join(tags)}",
            _pointer.join(pointer, "type"),
        )
    if kind == "union_tag_not_found":
        return problem("missing-field", "'type' is required here", _pointer.join(pointer, "type"))
    if kind == "invalid_condition":
        return problem("invalid-condition", error["msg"], pointer)
    if kind == "answer_form":
        return problem("wrong-type", error["msg"], pointer)
    if kind == "string_pattern_mismatch":
        # Quote only identifiers; other text (a case reference) may be case data, and in a
        # response a value that fails its pattern is no identifier of the tool.
        quotable = not private and isinstance(value, str) and len(value) <= 64 and (
            at_key or name in _SAFE_TO_QUOTE or any(str(e) in _SAFE_TO_QUOTE for e in loc)
        )
        shown = f"'{value}'" if quotable else "the value"
        # Told apart by the pattern, not only the field name: several fields share one.
        pattern = str(ctx.get("pattern", ""))
        if name == "case" or (pattern == REF_PATTERN and name == "ref"):
            return problem(
                "invalid-value",
                "the case reference must be a pseudonym of letters, digits, '.', '_' or '-' "
                "(no spaces, never a name)",
                pointer,
            )
        if pattern == REF_PATTERN:
            return problem(
                "invalid-value",
                "a reference is letters, digits, '.', '_' or '-', starting with a letter or "
                "digit (no spaces)",
                pointer,
            )
        if pattern == RELATIVE_PATH_PATTERN:
            return problem(
                "invalid-value",
                "the path must be relative to this file's folder (no leading '/' or '\\')",
                pointer,
            )
        if name == "version":
            return problem(
                "invalid-version",
                f"{shown} is not a semantic version; write MAJOR.MINOR.PATCH, such as 2.0.0",
                pointer,
            )
        if name == "catalogue":
            return problem(
                "invalid-value",
                f"{shown} does not name a catalogue; write ID@VERSION, such as standard@1",
                pointer,
            )
        return problem(
            "invalid-id",
            f"{shown} is not a valid id; use lower_snake_case (a letter, then letters, "
            "digits or underscores)",
            pointer,
            at_key=at_key,
        )
    if kind in ("greater_than", "less_than_equal") and name not in ("",) and _in_themes(loc):
        return problem(
            "invalid-weight",
            f"the weight for theme '{name}' must be above 0 and at most {MAX_WEIGHT}",
            pointer,
        )
    if kind in ("greater_than_equal", "less_than_equal") and name == "score":
        return problem(
            "invalid-score", f"an option's score must be from 0 to {MAX_SCORE:,}", pointer
        )
    if kind in ("greater_than_equal", "less_than_equal") and name in ("minimum", "maximum"):
        return problem(
            "invalid-value", f"'{name}' must be within ±{MAX_NUMBER:.0e}", pointer
        )
    if kind.endswith("_type") or kind.endswith("_parsing") or kind == "model_attributes_type":
        base = kind.removesuffix("_type").removesuffix("_parsing")
        expected = _KINDS.get(base, base.replace("_", " "))
        if base in ("model", "model_attributes") and ctx.get("class_name"):
            expected = _wanted_mapping(model, str(ctx["class_name"]))
        return problem(
            "wrong-type",
            f"expected {expected}, got {describe_value(value) if complete else 'something else'}",
            pointer,
            expected=expected,
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return problem("invalid-value", f"must be one of: {expected}", pointer)
    return problem("invalid-value", _plain(error["msg"]), pointer)


def _in_themes(loc: Sequence[int | str]) -> bool:
    return len(loc) >= 2 and loc[-2] == "themes"


def _plain(message: str) -> str:
    """pydantic's message, without its 'Input should' phrasing."""
    text = message.replace("Input should be", "must be").replace("List should", "the list must")
    text = text.replace("Value should", "must").replace("String should", "the text must")
    return text[0].lower() + text[1:] if text else text


def problems_from_validation_error(
    error: ValidationError, data: Any, model: type[BaseModel]
) -> list[Problem]:
    """One problem per distinct error of ``error``, with pointers into ``data``.

    Several errors from the members of one plain union (text *or* number)
    become one ``wrong-type`` problem naming everything that was allowed.
    """
    vocabulary = field_names(model)
    merged: dict[tuple[str, str], Problem] = {}
    for details in error.errors(include_url=False, include_input=False):
        found = _convert(details, data, vocabulary, model)
        key = (found.pointer, found.code)
        earlier = merged.get(key)
        if earlier is None:
            merged[key] = found
        elif found.code == "wrong-type":
            wanted = [*earlier.context.get("kinds", [earlier.context.get("expected")])]
            wanted.append(found.context.get("expected"))
            kinds = list(dict.fromkeys(str(k) for k in wanted if k))
            got = earlier.message.split(", got ", 1)[-1]
            merged[key] = problem(
                "wrong-type",
                f"expected {' or '.join(kinds)}, got {got}",
                found.pointer,
                kinds=kinds,
            )
    return list(merged.values())
