"""Validate what can be validated, so that one bad question hides nothing else.

pydantic validates a document all or nothing. To run the semantic checks on
the rest of a document that has a schema error, the bad part is pruned: an
unknown key is dropped, any other error removes the smallest list item around
it (an option, a question, a section), and a bad top-level field gets its
default or a placeholder. The pruned document is validated again, up to a few
rounds. Only the first round's errors are reported; later rounds only find
what pruning itself disturbed (a section left with no questions).

The pruned model's pointers are mapped back to the original document with
:meth:`Pruned.original_pointer`; ids that were pruned are listed so that a
reference to a pruned question is not reported as unknown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from audit_tool import _pointer
from audit_tool._validation import problems_from_validation_error
from audit_tool.problems import Problem

__all__ = ["Pruned", "validate_partially"]

M = TypeVar("M", bound=BaseModel)

_MAX_ROUNDS = 6


@dataclass
class Pruned(Generic[M]):
    """The outcome of :func:`validate_partially`."""

    model: M | None
    """The model of what survived pruning; ``None`` when nothing usable remained."""
    problems: list[Problem]
    """The schema problems, with pointers into the original document."""
    pruned_ids: set[str] = field(default_factory=set)
    """Every ``id`` (and option ``value``) inside a pruned part."""
    index_maps: dict[str, list[int]] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    """What was left out or replaced, as pointers into the original document, in order."""

    @property
    def partial(self) -> bool:
        """True when the model lacks parts of the document."""
        return bool(self.problems)

    def original_pointer(self, pointer: str) -> str:
        """Map a pointer into the pruned document back to the original document."""
        original = ""
        for token in _pointer.split(pointer):
            surviving = self.index_maps.get(original)
            if surviving is not None and token.isdigit() and int(token) < len(surviving):
                token = str(surviving[int(token)])
            original = _pointer.join(original, token)
        return original


def _copy_without(
    value: Any, here: str, deletions: set[str], index_maps: dict[str, list[int]]
) -> Any:
    if isinstance(value, dict):
        return {
            k: _copy_without(v, _pointer.join(here, k), deletions, index_maps)
            for k, v in value.items()
            if _pointer.join(here, k) not in deletions
        }
    if isinstance(value, list):
        surviving = [i for i in range(len(value)) if _pointer.join(here, i) not in deletions]
        if len(surviving) != len(value):
            index_maps[here] = surviving
        return [_copy_without(value[i], _pointer.join(here, i), deletions, index_maps)
                for i in surviving]
    return value


def _ids_inside(value: Any, into: set[str]) -> None:
    if isinstance(value, dict):
        for key in ("id", "value"):
            if isinstance(value.get(key), str):
                into.add(value[key])
        for v in value.values():
            _ids_inside(v, into)
    elif isinstance(value, list):
        for v in value:
            _ids_inside(v, into)


def _prune_target(data: Any, pointer: str, code: str, units: Sequence[str]) -> str | None:
    """What to remove (a pointer into ``data``) to get past a problem at ``pointer``."""
    tokens = _pointer.split(pointer)
    for unit in units:  # an entry of a keyed map (a response's answer) goes whole
        if pointer.startswith(unit + "/"):
            return _pointer.join(unit, _pointer.split(pointer[len(unit) :])[0])
    if code == "unknown-field":
        return pointer
    # the smallest list item around the problem
    for depth in range(len(tokens), 0, -1):
        prefix = _pointer.join("", *tokens[:depth])
        parent_ok, parent = _pointer.resolve(data, _pointer.parent(prefix))
        if parent_ok and isinstance(parent, list):
            return prefix
    return None


def validate_partially(
    model: type[M],
    data: Mapping[str, Any],
    placeholders: Mapping[str, Any],
    units: Sequence[str] = (),
) -> Pruned[M]:
    """Validate ``data`` as ``model``, pruning bad parts to validate the rest.

    ``placeholders`` gives a stand-in value for each required top-level field,
    used when that field itself is wrong; a top-level field with a default is
    simply dropped. ``units`` are pointers to mappings whose entries are
    dropped whole when anything inside them is wrong (a response's answers),
    rather than the smallest list item inside.
    """
    try:
        return Pruned(model.model_validate(data), [])
    except ValidationError as exc:
        first = problems_from_validation_error(exc, data, model)

    result: Pruned[M] = Pruned(None, first)
    deletions: set[str] = set()
    patches: dict[str, Any] = {}
    pending = first
    for _ in range(_MAX_ROUNDS):
        progress = False
        for found in pending:
            original = result.original_pointer(found.pointer)
            target = _prune_target(data, original, found.code, units)
            if target is None:
                top = _pointer.split(original)[:1]
                if not top or top[0] in patches:
                    return result
                name = top[0]
                if name in placeholders:
                    patches[name] = placeholders[name]
                elif name in model.model_fields and not model.model_fields[name].is_required():
                    deletions.add("/" + name)
                else:
                    return result
                result.removed.append("/" + name)
                progress = True
                continue
            if target not in deletions:
                deletions.add(target)
                result.removed.append(target)
                _ok, removed = _pointer.resolve(data, target)
                _ids_inside(removed, result.pruned_ids)
                progress = True
        if not progress:
            return result
        result.index_maps = {}
        working = _copy_without(dict(data), "", deletions, result.index_maps)
        working.update(patches)
        try:
            result.model = model.model_validate(working)
            return result
        except ValidationError as exc:
            pending = problems_from_validation_error(exc, working, model)
    return result
