"""Formulas for the response schema: simplification, and the split into (outer, inner) pairs."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from audit_tool.export import _formula as f

OUTER = [f.atom({"const": i}) for i in range(3)]
INNER = [f.atom({"const": i}, inner=True) for i in range(3)]


def _holds(formula: f.Formula, true: set[f.Atom]) -> bool:
    if isinstance(formula, bool):
        return formula
    if isinstance(formula, f.Atom):
        return formula in true
    if isinstance(formula, f._Not):
        return not _holds(formula.part, true)
    parts = [_holds(p, true) for p in formula.parts]
    return all(parts) if isinstance(formula, f._All) else any(parts)


formulas = st.recursive(
    st.sampled_from([*OUTER, *INNER, True, False]),
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3).map(lambda ps: f.conj(*ps)),
        st.lists(inner, min_size=1, max_size=3).map(lambda ps: f.disj(*ps)),
        inner.map(f.neg),
    ),
    max_leaves=8,
)


def test_simplification() -> None:
    """True and False fold away, nesting flattens, repeats go, double negation cancels."""
    a, b = OUTER[0], INNER[0]
    assert f.conj(a, True, f.conj(a, b)) == f.conj(a, b)
    assert f.conj(a, False) is False
    assert f.disj(a, True) is True
    assert f.disj() is False
    assert f.neg(f.neg(a)) == a
    assert f.render(f.disj(a, f.neg(b))) == {"anyOf": [{"const": 0}, {"not": {"const": 0}}]}


@given(formulas)
def test_split_is_equivalent_and_each_side_is_pure(formula: Any) -> None:
    """Under every truth assignment, a formula holds iff some (outer and inner) pair does; outer
    parts read only outer atoms and inner parts only inner ones."""
    pairs = f.split(formula)
    for outer, inner in pairs:
        assert not f._has(outer, inner=True)
        assert not f._has(inner, inner=False)
    atoms = [*OUTER, *INNER]
    for values in itertools.product([False, True], repeat=len(atoms)):
        true = {a for a, v in zip(atoms, values, strict=True) if v}
        expected = _holds(formula, true)
        assert any(_holds(o, true) and _holds(i, true) for o, i in pairs) == expected
