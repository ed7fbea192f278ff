"""Boolean formulas over JSON Schema atoms, for writing conditions into a schema.

An atom is a JSON Schema that holds or not for an instance; it is either
*outer* (evaluated on the whole response) or *inner* (evaluated on one entry
of a repeatable group). Formulas simplify as they are built (``True``,
``False``, nesting, repeats), and :func:`split` rewrites a formula that mixes
outer and inner atoms as a disjunction of (outer part, inner part) pairs:
JSON Schema cannot look from inside a list item back at the document root, so
a rule on group entries that depends on answers outside the group is written
as one ``if outer then items: if inner then ...`` per pair.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Atom", "Formula", "atom", "conj", "disj", "neg", "render", "split"]


@dataclass(frozen=True, slots=True)
class Atom:
    """A JSON Schema, kept as canonical JSON so that equal atoms compare equal."""

    schema: str
    inner: bool


@dataclass(frozen=True, slots=True)
class _Not:
    part: Formula


@dataclass(frozen=True, slots=True)
class _All:
    parts: tuple[Formula, ...]


@dataclass(frozen=True, slots=True)
class _Any:
    parts: tuple[Formula, ...]


Formula = bool | Atom | _Not | _All | _Any


def atom(schema: Any, *, inner: bool = False) -> Atom:
    """An atom holding when ``schema`` validates the (outer or inner) instance."""
    return Atom(json.dumps(schema, sort_keys=True), inner)


def _join(parts: Iterable[Formula], kind: type[_All] | type[_Any]) -> Formula:
    # all: True is neutral and False absorbs; any: the other way round
    neutral = kind is _All
    flat: list[Formula] = []
    for part in parts:
        for p in part.parts if isinstance(part, kind) else (part,):
            if p is (not neutral):
                return not neutral
            if p is not neutral and p not in flat:
                flat.append(p)
    if not flat:
        return neutral
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


def conj(*parts: Formula) -> Formula:
    """All of ``parts``."""
    return _join(parts, _All)


def disj(*parts: Formula) -> Formula:
    """Any of ``parts``."""
    return _join(parts, _Any)


def neg(part: Formula) -> Formula:
    """Not ``part``."""
    if isinstance(part, bool):
        return not part
    if isinstance(part, _Not):
        return part.part
    return _Not(part)


def _has(formula: Formula, inner: bool) -> bool:
    if isinstance(formula, bool):
        return False
    if isinstance(formula, Atom):
        return formula.inner is inner
    if isinstance(formula, _Not):
        return _has(formula.part, inner)
    return any(_has(p, inner) for p in formula.parts)


Term = tuple[Formula, Formula]


def _product(left: list[Term], right: list[Term]) -> list[Term]:
    out: list[Term] = []
    for o1, i1 in left:
        for o2, i2 in right:
            o, i = conj(o1, o2), conj(i1, i2)
            if o is not False and i is not False and (o, i) not in out:
                out.append((o, i))
    return out


def split(formula: Formula) -> list[Term]:
    """Pairs (outer, inner) such that ``formula`` holds iff some ``outer and inner`` does."""
    if formula is False:
        return []
    if not _has(formula, inner=True):
        return [(formula, True)]
    if not _has(formula, inner=False):
        return [(True, formula)]
    if isinstance(formula, _Any):
        return [t for p in formula.parts for t in split(p)]
    if isinstance(formula, _All):
        terms: list[Term] = [(True, True)]
        for p in formula.parts:
            terms = _product(terms, split(p))
        return terms
    assert isinstance(formula, _Not)
    # not (O1 and I1 or O2 and I2 ...) = (not O1 or not I1) and (not O2 or not I2) ...
    terms = [(True, True)]
    for o, i in split(formula.part):
        terms = _product(terms, [(neg(o), True), (True, neg(i))])
    return terms


def render(formula: Formula) -> Any:
    """The formula as a JSON Schema."""
    if isinstance(formula, bool):
        return formula
    if isinstance(formula, Atom):
        return json.loads(formula.schema)
    if isinstance(formula, _Not):
        return {"not": render(formula.part)}
    key = "allOf" if isinstance(formula, _All) else "anyOf"
    return {key: [render(p) for p in formula.parts]}
