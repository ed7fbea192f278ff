"""Conditions as FHIR ``enableWhen`` (+ ``enableBehavior``), where they can be.

``enableWhen`` is a flat list of tests on one question each (``=``, ``!=``,
``exists``), combined by one ``enableBehavior``: all or any. A condition is
first pushed into negation normal form, where ``not`` reaches the single
tests and flips them exactly:

- ``not equals v``  ->  ``!= v`` (FHIR: true when *no* answer equals v, which is
  also true when there is no answer, as for us);
- ``not answered: b``  ->  ``exists: not b``;
- ``in [a, b]``  ->  any of ``= a``, ``= b``; negated, all of ``!= a``, ``!= b``;
- ``not all``/``not any`` swap into ``any``/``all`` of the negated parts.

Nested ``all`` in ``all`` (or ``any`` in ``any``) flatten. What is left is
expressible when it is one test, or one ``all``/``any`` of tests; a mix of
both cannot be written as ``enableWhen`` and is reported by the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from audit_tool._types import ScalarValue
from audit_tool.authoring.conditions import AllOf, Answered, AnyOf, Condition, Equals, InValues, Not
from audit_tool.authoring.tool import (
    DateQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    Tool,
)
from audit_tool.responses._value_checks import type_mismatch

__all__ = ["CodingFactory", "EnableWhen", "Inexpressible", "enable_when"]

CodingFactory = Callable[[str, str], dict[str, Any]]
"""Makes the Coding of an option: ``(scale_id, value) -> {"system", "code", "display"}``."""

Operator = Literal["=", "!=", "exists"]
Behavior = Literal["all", "any"]


@dataclass(frozen=True)
class _Test:
    question: str
    operator: Operator
    value: ScalarValue


@dataclass(frozen=True)
class _Node:
    behavior: Behavior
    parts: tuple[_Test | _Node, ...]


@dataclass(frozen=True)
class EnableWhen:
    """The FHIR form of a condition: the tests and, for more than one, how they combine."""

    tests: list[dict[str, Any]]
    behavior: Behavior | None


@dataclass(frozen=True)
class Inexpressible:
    """Why a condition cannot be written as ``enableWhen``."""

    reason: str


def _normal(condition: Condition, negated: bool = False) -> _Test | _Node:
    """``condition`` (negated when asked) in negation normal form."""
    if isinstance(condition, Equals):
        return _Test(condition.question, "!=" if negated else "=", condition.equals)
    if isinstance(condition, InValues):
        tests = tuple(_Test(condition.question, "!=" if negated else "=", v) for v in condition.in_)
        return _Node("all" if negated else "any", tests)
    if isinstance(condition, Answered):
        return _Test(condition.question, "exists", condition.answered != negated)
    if isinstance(condition, Not):
        return _normal(condition.not_, not negated)
    if isinstance(condition, AllOf):
        return _Node("any" if negated else "all", tuple(_normal(c, negated) for c in condition.all))
    assert isinstance(condition, AnyOf)
    return _Node("all" if negated else "any", tuple(_normal(c, negated) for c in condition.any))


def _flatten(tree: _Test | _Node) -> _Test | _Node:
    """Merge ``all`` inside ``all`` (``any`` inside ``any``); a one-part node is its part."""
    if isinstance(tree, _Test):
        return tree
    parts: list[_Test | _Node] = []
    for part in (_flatten(p) for p in tree.parts):
        if isinstance(part, _Node) and part.behavior == tree.behavior:
            parts.extend(part.parts)
        else:
            parts.append(part)
    unique = tuple(dict.fromkeys(parts))
    return unique[0] if len(unique) == 1 else _Node(tree.behavior, unique)


def _answer(tool: Tool, coding: CodingFactory, test: _Test) -> dict[str, Any] | str:
    """The ``answer[x]`` of one test, or why it cannot be written."""
    ref = tool.question(test.question)
    if ref is None:
        return f"it reads '{test.question}', which the tool does not have"
    target, value = ref.question, test.value
    if isinstance(target, GroupQuestion):
        return f"it reads the repeatable group '{test.question}', which enableWhen cannot test"
    if test.operator == "exists":
        return {"answerBoolean": value}
    if isinstance(target, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        scale = tool.scale(target.scale)
        if isinstance(value, str) and scale is not None and scale.option(value) is not None:
            return {"answerCoding": coding(scale.id, value)}
    elif type_mismatch(target, value) is None:  # text, a date, a finite number
        if isinstance(target, TextQuestion):
            return {"answerString": value}
        if isinstance(target, DateQuestion):
            return {"answerDate": value}
        if isinstance(target, NumberQuestion) and not target.integer:
            return {"answerDecimal": value}
        if isinstance(target, NumberQuestion) and float(value).is_integer():
            return {"answerInteger": int(value)}
    return f"it compares '{test.question}' with a value that question cannot take"


def enable_when(
    tool: Tool, condition: Condition, coding: CodingFactory
) -> EnableWhen | Inexpressible:
    """``condition`` as ``enableWhen`` tests, or why it cannot be."""
    tree = _flatten(_normal(condition))
    if isinstance(tree, _Test):
        tests: tuple[_Test, ...] = (tree,)
        behavior: Behavior | None = None
    elif all(isinstance(p, _Test) for p in tree.parts):
        tests = tuple(p for p in tree.parts if isinstance(p, _Test))
        behavior = tree.behavior
    else:
        return Inexpressible(
            "it mixes 'all' and 'any' (once 'not' is applied), and enableWhen has "
            "one enableBehavior for all its tests"
        )
    out = []
    for test in tests:
        answer = _answer(tool, coding, test)
        if isinstance(answer, str):
            return Inexpressible(answer)
        out.append({"question": test.question, "operator": test.operator, **answer})
    return EnableWhen(out, behavior)
