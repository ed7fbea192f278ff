"""Conditions: when a question applies, as data the library evaluates.

A condition is one of six small mappings, never an expression string::

    {question: has_plan, equals: "yes"}
    {question: meeting_type, in: [icpc, rcpc]}
    {question: child_seen, answered: true}
    {all: [COND, ...]}   {any: [COND, ...]}   {not: COND}

Evaluation takes the answers as plain values by question id (``None`` or a
missing key means unanswered). For a multiple-choice answer (a list),
``equals`` holds when the value is among those chosen and ``in`` when any
chosen value is in the list.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from audit_tool._types import Identifier, ScalarValue

__all__ = [
    "AllOf",
    "Answered",
    "AnyOf",
    "Condition",
    "Equals",
    "InValues",
    "Not",
    "is_answered",
]

_CONFIG = ConfigDict(
    extra="forbid",
    frozen=True,
    defer_build=True,
    validate_by_name=True,
    validate_by_alias=True,
    serialize_by_alias=True,
)


def is_answered(value: Any) -> bool:
    """True when ``value`` counts as an answer: not missing, not empty text or list."""
    if value is None:
        return False
    if isinstance(value, (str, list, tuple, dict)):
        return len(value) > 0
    return True


def _matches(answer: Any, expected: ScalarValue) -> bool:
    if isinstance(answer, (list, tuple)):
        return any(_same(a, expected) for a in answer)
    return _same(answer, expected)


def _same(answer: Any, expected: ScalarValue) -> bool:
    # True == 1 in Python; a yes/no answer must not equal the number 1.
    if isinstance(answer, bool) != isinstance(expected, bool):
        return False
    return bool(answer == expected)


class _Condition(BaseModel):
    model_config = _CONFIG
    kind: ClassVar[str]

    def evaluate(self, answers: Mapping[str, Any]) -> bool:  # pragma: no cover - abstract
        """True when the condition holds for ``answers`` (plain values by question id)."""
        raise NotImplementedError

    def references(self) -> Iterator[tuple[str, str, Comparison]]:  # pragma: no cover
        """Each question id this condition reads, with its relative pointer and clause."""
        raise NotImplementedError


class Equals(_Condition):
    """Holds when the target question's answer equals ``equals``."""

    kind: ClassVar[str] = "equals"
    question: Identifier
    """The id of the question whose answer is compared."""
    equals: ScalarValue
    """The value the answer must equal (for multiple choice: be among those chosen)."""

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        """True when the answer equals the value."""
        return _matches(answers.get(self.question), self.equals)

    def references(self) -> Iterator[tuple[str, str, Comparison]]:
        """The one question this clause reads."""
        yield self.question, "", self

    def values(self) -> tuple[ScalarValue, ...]:
        """The values this clause compares with."""
        return (self.equals,)


class InValues(_Condition):
    """Holds when the target question's answer is one of ``in``."""

    kind: ClassVar[str] = "in"
    question: Identifier
    """The id of the question whose answer is compared."""
    in_: list[ScalarValue] = Field(alias="in", min_length=1)
    """The values any of which the answer may take."""

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        """True when the answer is one of the values."""
        answer = answers.get(self.question)
        return any(_matches(answer, v) for v in self.in_)

    def references(self) -> Iterator[tuple[str, str, Comparison]]:
        """The one question this clause reads."""
        yield self.question, "", self

    def values(self) -> tuple[ScalarValue, ...]:
        """The values this clause compares with."""
        return tuple(self.in_)


class Answered(_Condition):
    """Holds when the target question is answered (or, with ``false``, when it is not)."""

    kind: ClassVar[str] = "answered"
    question: Identifier
    """The id of the question that must (or must not) be answered."""
    answered: bool
    """``true``: the question has an answer; ``false``: it has none."""

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        """True when the answered-ness of the target is as required."""
        return is_answered(answers.get(self.question)) is self.answered

    def references(self) -> Iterator[tuple[str, str, Comparison]]:
        """The one question this clause reads."""
        yield self.question, "", self

    def values(self) -> tuple[ScalarValue, ...]:
        """No values: only whether there is an answer."""
        return ()


class AllOf(_Condition):
    """Holds when every condition in ``all`` holds."""

    kind: ClassVar[str] = "all"
    all: list[Condition] = Field(min_length=1)
    """Conditions that must all hold."""

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        """True when every part holds."""
        return all(c.evaluate(answers) for c in self.all)

    def references(self) -> Iterator[tuple[str, str, Comparison]]:
        """The questions read by every part."""
        for i, c in enumerate(self.all):
            for q, p, clause in c.references():
                yield q, f"/all/{i}{p}", clause


class AnyOf(_Condition):
    """Holds when at least one condition in ``any`` holds."""

    kind: ClassVar[str] = "any"
    any: list[Condition] = Field(min_length=1)
    """Conditions at least one of which must hold."""

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        """True when some part holds."""
        return any(c.evaluate(answers) for c in self.any)

    def references(self) -> Iterator[tuple[str, str, Comparison]]:
        """The questions read by every part."""
        for i, c in enumerate(self.any):
            for q, p, clause in c.references():
                yield q, f"/any/{i}{p}", clause


class Not(_Condition):
    """Holds when the condition in ``not`` does not."""

    kind: ClassVar[str] = "not"
    not_: Condition = Field(alias="not")
    """The condition that must not hold."""

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        """True when the inner condition fails."""
        return not self.not_.evaluate(answers)

    def references(self) -> Iterator[tuple[str, str, Comparison]]:
        """The questions read by the inner condition."""
        for q, p, clause in self.not_.references():
            yield q, f"/not{p}", clause


Comparison = Equals | InValues | Answered
"""The clauses that read one question."""

_KINDS = ("all", "any", "not", "equals", "in", "answered")


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        for kind in _KINDS:
            if kind in value:
                return kind
        return None
    found = getattr(value, "kind", None)
    return found if isinstance(found, str) else None


Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")]
    | Annotated[Equals, Tag("equals")]
    | Annotated[InValues, Tag("in")]
    | Annotated[Answered, Tag("answered")],
    Discriminator(
        _condition_kind,
        custom_error_type="invalid_condition",
        custom_error_message=(
            "a condition needs one of: all, any, not, or question with equals/in/answered"
        ),
    ),
]
"""A structured condition: one of the six forms above."""

# AllOf, AnyOf and Not name Condition before it exists: their validators are built on
# first use (defer_build), when it does.

