"""Python data given to the library directly, held to the limits a file is held to.

A mapping passed to :func:`audit_tool.validate_response` did not come through
the YAML reader, so nothing has bounded it yet: it may be 5,000 levels deep
(pydantic and every recursive check would end in ``RecursionError``), refer to
itself, or hold ``float("inf")`` or a 10,000-digit integer. :func:`plain_copy`
copies it with an explicit stack, as the reader builds a document, and turns
each of those into a problem with the pointer where it stands.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from audit_tool import _pointer
from audit_tool._yaml import DEFAULT_LIMITS, Limits
from audit_tool.codes import problem
from audit_tool.problems import Problem

__all__ = ["plain_copy"]

_MAX_BITS = 1024  # an integer beyond this is beyond the largest float, as the reader refuses


def _number_problem(value: Any, pointer: str) -> Problem | None:
    if isinstance(value, bool):
        return None
    finite = (
        (isinstance(value, float) and math.isfinite(value))
        or (isinstance(value, int) and value.bit_length() <= _MAX_BITS)
        or not isinstance(value, (int, float))
    )
    if finite:
        return None
    return problem(
        "invalid-number",
        "the number is not finite or is beyond the largest number read (about 1.8e308)",
        pointer,
    )


def plain_copy(
    value: Mapping[str, Any], limits: Limits = DEFAULT_LIMITS
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """A copy of ``value`` in plain dicts and lists, or ``None`` and why it cannot be had.

    Mappings become dicts and lists or tuples become lists; other values are
    kept as they are. The copy stops at the first structure deeper than
    ``limits.max_depth`` (``too-deep``), at more than ``limits.max_nodes`` values
    (``too-many-nodes``), or at a container that holds itself (``data-cycle``);
    numbers that are not finite are ``invalid-number``, all of them reported.
    """
    problems: list[Problem] = []
    root: dict[str, Any] = {}
    # Each frame: the copy, its pointer, the ids of the containers above it and its own
    # (a cycle is a container found among them), and the items still to copy.
    stack: list[tuple[Any, str, frozenset[int], Any]] = []
    nodes = 1

    def items(source: Any) -> Any:
        if isinstance(source, Mapping):
            return iter(list(source.items()))
        return iter(enumerate(list(source)))

    stack.append((root, "", frozenset({id(value)}), items(value)))
    while stack:
        copy, pointer, above, pending = stack[-1]
        step = next(pending, None)
        if step is None:
            stack.pop()
            continue
        key, item = step
        here = _pointer.join(pointer, key if isinstance(key, int) else str(key))
        nodes += 1
        if nodes > limits.max_nodes:
            return None, [
                problem("too-many-nodes", f"the data has more than {limits.max_nodes} nodes", here)
            ]
        if isinstance(item, (Mapping, list, tuple)):
            if id(item) in above:
                return None, [
                    problem("data-cycle", "the data holds itself (a cycle), here", here)
                ]
            if len(stack) >= limits.max_depth:
                return None, [
                    problem(
                        "too-deep",
                        f"the data is nested more than {limits.max_depth} levels deep",
                        here,
                    )
                ]
            child: Any = {} if isinstance(item, Mapping) else []
            stack.append((child, here, above | {id(item)}, items(item)))
        else:
            child = item
            found = _number_problem(item, here)
            if found is not None:
                problems.append(found)
        if isinstance(copy, dict):
            copy[key] = child
        else:
            copy.append(child)
    return (None if problems else root), problems
