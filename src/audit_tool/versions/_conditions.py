"""Comparing two conditions: the same, tighter, looser, or neither.

A condition reads a few questions and compares their answers with a few
values. Every answer a question can have falls in one of finitely many
classes that no condition can tell apart: unanswered, each value some clause
names, or "any other value" (and, for a multiple-choice question, each set of
those). Evaluating both conditions on one representative of every class
decides exactly whether one holds whenever the other does. When there are too
many classes to try, the answer is "changed": a loosening that cannot be
proved is not claimed.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

from audit_tool.authoring.conditions import AllOf, Answered, AnyOf, Condition, Equals, InValues, Not

__all__ = ["Relation", "compare", "relabel", "targets"]

_MAX_CASES = 50_000
_MAX_CHOICES = 10


class Relation(Enum):
    """How a new condition relates to an old one."""

    SAME = "same"
    """Written the same way."""
    EQUIVALENT = "equivalent"
    """Written differently, holding in exactly the same cases."""
    TIGHTER = "tighter"
    """Holds only where the old one held, and not everywhere it did."""
    LOOSER = "looser"
    """Holds wherever the old one held, and somewhere it did not."""
    CHANGED = "changed"
    """Neither, or not provably either."""


class _Other:
    """An answer equal to no value any clause names."""

    def __repr__(self) -> str:
        return "<other>"


_OTHER = _Other()


def targets(condition: Condition | None) -> set[str]:
    """The question ids ``condition`` reads."""
    if condition is None:
        return set()
    return {question for question, _pointer, _clause in condition.references()}


def relabel(
    condition: Condition, question: Callable[[str], str], value: Callable[[str, Any], Any]
) -> Condition:
    """``condition`` with each question id and compared value mapped to another vocabulary.

    Used to read an old version's condition in the new version's ids and
    option values before comparing.
    """
    if isinstance(condition, AllOf):
        return condition.model_copy(
            update={"all": [relabel(c, question, value) for c in condition.all]}
        )
    if isinstance(condition, AnyOf):
        return condition.model_copy(
            update={"any": [relabel(c, question, value) for c in condition.any]}
        )
    if isinstance(condition, Not):
        return condition.model_copy(update={"not_": relabel(condition.not_, question, value)})
    if isinstance(condition, Equals):
        return condition.model_copy(
            update={
                "question": question(condition.question),
                "equals": value(condition.question, condition.equals),
            }
        )
    if isinstance(condition, InValues):
        return condition.model_copy(
            update={
                "question": question(condition.question),
                "in_": [value(condition.question, v) for v in condition.in_],
            }
        )
    assert isinstance(condition, Answered)
    return condition.model_copy(update={"question": question(condition.question)})


def _named_values(conditions: list[Condition]) -> dict[str, list[Any]]:
    named: dict[str, list[Any]] = {}
    for condition in conditions:
        for question, _pointer, clause in condition.references():
            bucket = named.setdefault(question, [])
            for v in clause.values():
                if not any(type(v) is type(seen) and v == seen for seen in bucket):
                    bucket.append(v)
    return named


def _answer_classes(values: list[Any], many: bool) -> list[Any] | None:
    """One representative answer for each class no condition can tell apart."""
    scalars: list[Any] = [None, *values, _OTHER]
    if not many:
        return scalars
    if len(values) + 1 > _MAX_CHOICES:
        return None
    pool = [*values, _OTHER]
    subsets = [
        list(chosen)
        for size in range(len(pool) + 1)
        for chosen in itertools.combinations(pool, size)
    ]
    # A question whose kind differs between versions may be read either way.
    return [*scalars, *subsets]


def _written(condition: Condition | None) -> str:
    # As JSON, where 1 and true differ (as models they compare equal).
    if condition is None:
        return "null"
    return json.dumps(condition.model_dump(mode="json", by_alias=True), sort_keys=True)


def _holds(condition: Condition | None, answers: Mapping[str, Any]) -> bool:
    return True if condition is None else condition.evaluate(answers)


def compare(
    old: Condition | None, new: Condition | None, many: Callable[[str], bool]
) -> Relation:
    """How ``new`` relates to ``old`` (both in the new version's vocabulary).

    ``many(question_id)`` says whether that question's answer may be a list
    (multiple choice, or a question whose kind changed): its answers are then
    tried as sets of values too. No condition holds always.
    """
    if _written(old) == _written(new):
        return Relation.SAME
    present = [c for c in (old, new) if c is not None]
    named = _named_values(present)
    classes: list[list[Any]] = []
    total = 1
    for question, values in named.items():
        found = _answer_classes(values, many(question))
        if found is None:
            return Relation.CHANGED
        classes.append(found)
        total *= len(found)
        if total > _MAX_CASES:
            return Relation.CHANGED
    questions = list(named)
    old_only = new_only = False
    for combination in itertools.product(*classes):
        answers = dict(zip(questions, combination, strict=True))
        was, now = _holds(old, answers), _holds(new, answers)
        old_only |= was and not now
        new_only |= now and not was
        if old_only and new_only:
            return Relation.CHANGED
    if old_only:
        return Relation.TIGHTER
    if new_only:
        return Relation.LOOSER
    return Relation.EQUIVALENT
