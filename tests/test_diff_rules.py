"""The diff rule catalogue: every rule's example gives exactly that rule, with its impacts."""

from __future__ import annotations

import re

import pytest

from audit_tool import load_tool, standard_catalogue
from audit_tool.versions import RULES, Impact, diff
from audit_tool.versions.rules import EXAMPLE_TOOL

# The catalogue example for catalogue-changed names standard@2, which has the standard themes.
STANDARD_2 = standard_catalogue().model_copy(update={"version": 2})
BASE = load_tool(text=EXAMPLE_TOOL)


def test_the_catalogue_has_at_least_25_rules_in_every_area() -> None:
    """There are 25 rules or more, covering every part of a tool the diff compares."""
    areas = {rule.area for rule in RULES.values()}
    assert len(RULES) >= 25
    assert areas == {
        "tool", "grading", "section", "question", "condition", "evidence", "answer", "group",
        "theme", "scale", "option",
    }


# Areas named for the element their rules change; the others (tool, grading, answer) name
# the field that changed (catalogue-changed, min-answers-changed, number-limits-tightened).
_ELEMENT_AREAS = ("section", "question", "condition", "evidence", "group", "theme", "scale",
                  "option")


def test_rule_codes_are_kebab_case_and_named_for_their_area() -> None:
    """Each code is stable kebab-case, and a rule about one kind of element (a section, a
    question, an option...) starts with that element's name."""
    for code, rule in RULES.items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code), code
        if rule.area in _ELEMENT_AREAS:
            assert code.startswith(f"{rule.area}-"), code


def test_every_rule_has_an_impact() -> None:
    """No rule is without impact: every change it names is at least cosmetic."""
    for rule in RULES.values():
        assert rule.severity is not Impact.NONE, rule.code


def test_scored_variants_differ_only_in_their_score_impact() -> None:
    """X-scored has X's data impact and a breaking score impact; X itself moves no score."""
    pairs = [(RULES[c.removesuffix("-scored")], r) for c, r in RULES.items()
             if c.endswith("-scored") and c.removesuffix("-scored") in RULES]
    assert len(pairs) >= 8
    for plain, rule in pairs:
        assert (plain.data, plain.score) == (rule.data, Impact.NONE), rule.code
        assert rule.score is Impact.BREAKING, rule.code


def test_design_severities_hold_for_the_named_kinds_of_change() -> None:
    """DESIGN §6's examples: removals, type changes, required, re-coding and swaps are
    breaking; an optional question, an option below the maximum, a rename and a dropped
    requirement are compatible; wording, labels and order are cosmetic."""
    breaking = ["question-removed", "option-removed", "question-type-changed",
                "question-made-required", "condition-tightened", "option-recoded",
                "scale-swapped", "option-score-changed", "theme-weight-changed",
                "theme-mapping-added", "grade-bands-changed"]
    compatible = ["question-added", "option-added", "condition-loosened",
                  "question-made-optional", "question-renamed"]
    cosmetic = ["question-text-changed", "question-guidance-changed", "option-label-changed",
                "question-reordered", "section-reordered", "option-reordered"]
    assert {c: RULES[c].severity for c in breaking} == dict.fromkeys(breaking, Impact.BREAKING)
    assert {c: RULES[c].severity for c in compatible} == dict.fromkeys(
        compatible, Impact.COMPATIBLE
    )
    assert {c: RULES[c].severity for c in cosmetic} == dict.fromkeys(cosmetic, Impact.COSMETIC)


@pytest.mark.parametrize("code", list(RULES))
def test_each_example_gives_exactly_its_rule(code: str) -> None:
    """Applying a rule's example to the example tool gives that rule (and only the rules the
    same edit cannot avoid), with no problem."""
    rule = RULES[code]
    old = load_tool(text=rule.example.base(EXAMPLE_TOOL)) if rule.example.old else BASE
    new = load_tool(text=rule.example.apply(EXAMPLE_TOOL), catalogues=[STANDARD_2])
    result = diff(old, new)
    assert sorted(c.code for c in result.changes) == sorted([code, *rule.example.also])
    assert result.problems == ()


def test_an_example_edit_that_does_not_apply_is_refused() -> None:
    """An example whose text is not in the tool exactly once raises, so examples cannot rot."""
    broken = RULES["question-added"].example.__class__((("no such text", "x"),))
    with pytest.raises(ValueError, match="exactly once"):
        broken.apply(EXAMPLE_TOOL)
