"""The diff's classifier is sound: what it calls non-breaking really is.

For generated tools and generated later versions: where the diff finds no
change breaking on data, every generated response valid under the old version
(carried by ``migrate`` through the declared renames) is valid under the new
one, and migration keeps nothing aside; where it finds no change breaking on
score, the same answers score the same. Responses come from the response
strategy, half of them with answers added where a question does not apply (a
warning, so still valid), because those are what a loosened condition wakes.
"""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import assume, event, given
from hypothesis import strategies as st

from audit_tool import Response, Tool, diff, migrate, score, validate_response
from audit_tool.responses import walk_answers
from audit_tool.versions import Impact

from evolution import EDITS, GENTLE, evolutions
from strategies import response_data

TODAY = datetime.date(2026, 11, 25)


def _errors(tool: Tool, response: Any) -> list[Any]:
    return [p for p in validate_response(tool, response, today=TODAY) if p.is_error]


def _with_stale_answers(tool: Tool, data: dict[str, Any], other: dict[str, Any]) -> None:
    """Copy into ``data`` the answers ``other`` gives to questions that do not apply in
    ``data``: answers where a question does not apply (a warning, still valid)."""
    response = Response.model_validate(data)
    for slot in walk_answers(tool, response):
        qid = slot.question.id
        stale = slot.entry is None and not slot.applies and qid not in data["answers"]
        if stale and qid in other["answers"]:
            data["answers"][qid] = other["answers"][qid]


@st.composite
def _cases(draw: Any) -> tuple[Tool, Tool, Response]:
    old, new = draw(evolutions(draw(st.sampled_from([EDITS, GENTLE, GENTLE]))))
    data = draw(response_data(old))
    if draw(st.booleans()):
        _with_stale_answers(old, data, draw(response_data(old)))
    response = Response.model_validate(data)
    return old, new, response


def _checkable(case: tuple[Tool, Tool, Response], impact: str) -> list[str]:
    """The rules of the diff; the case is rejected (``assume``) when a change is breaking on
    ``impact`` ('data' or 'score') or the response is invalid under the old version, so a run
    that checks no case fails instead of passing."""
    old, new, response = case
    changes = diff(old, new).changes
    breaking = any(getattr(c, impact) is Impact.BREAKING for c in changes)
    if breaking:
        event(f"breaking on {impact}")
    assume(not breaking)
    invalid = bool(_errors(old, response))
    if invalid:
        event("not valid under the old version")
    assume(not invalid)
    event("checked")
    return [c.code for c in changes]


@given(_cases())
def test_non_breaking_on_data_keeps_valid_responses_valid(
    case: tuple[Tool, Tool, Response],
) -> None:
    """No change breaking on data: a response valid under the old version, migrated, is valid
    under the new one, and migration kept nothing aside."""
    rules = _checkable(case, "data")
    old, new, response = case
    result = migrate(response, old, new, today=TODAY)
    assert result.unplaced == (), rules
    assert _errors(new, result.response) == [], rules


def _themes(tool: Tool, response: Response) -> dict[str, Any]:
    scored = score(tool, [response]).responses[0]
    return {theme: s.to_dict() for theme, s in scored.themes.items()}


_NOTHING = {"points": 0, "max_points": 0, "percent": None, "grade": "not_evidenced", "answers": 0}


@given(_cases())
def test_non_breaking_on_score_scores_the_same(case: tuple[Tool, Tool, Response]) -> None:
    """No change breaking on score: a valid response, migrated, scores the same on every theme
    (a theme one version does not evidence counts as not evidenced)."""
    rules = _checkable(case, "score")
    old, new, response = case
    before = _themes(old, response)
    after = _themes(new, migrate(response, old, new, today=TODAY).response)
    for theme in sorted({*before, *after}):
        assert before.get(theme, _NOTHING) == after.get(theme, _NOTHING), (theme, rules)
