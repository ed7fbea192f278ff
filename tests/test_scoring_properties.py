"""Properties of scoring, over generated tools and valid responses to them (strategies)."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from audit_tool import Response, Tool
from audit_tool.authoring.tool import AnyQuestion, GroupQuestion, SingleChoiceQuestion
from audit_tool.rounds.scoring import Scores, ThemeScore, score

from strategies import entries_of, read_by_conditions, response_data, tool_data

CASES = ("C1", "C2", "C3")

PROBE_SCALE = {
    "id": "probe_scale",
    "title": "Probe",
    "options": [
        {"value": "low", "label": "Low", "score": 0},
        {"value": "middle", "label": "Middle", "score": 1},
        {"value": "high", "label": "High", "score": 2},
        {"value": "unscored", "label": "Not applicable"},
    ],
}


def _with_probe(data: dict[str, Any]) -> dict[str, Any]:
    """The tool with one more scored question that no condition reads (ids longer than any
    the strategy draws, so they cannot clash)."""
    data = copy.deepcopy(data)
    data["scales"].append(PROBE_SCALE)
    data["sections"][-1]["questions"].append(
        {"id": "probe_question", "type": "single_choice", "scale": "probe_scale",
         "text": "Probe", "themes": {"recording": 1}}
    )
    return data


@st.composite
def rounds(draw: Any, probe: bool = False) -> tuple[Tool, list[dict[str, Any]]]:
    """A generated tool and one to six valid responses to it, as plain data.

    With ``probe``, a tool that has no scored question that no condition reads, with at
    least two scores and an unscored option, gets one, so that the properties about
    changing one answer always have an answer to change.
    """
    data = draw(tool_data())
    tool = Tool.model_validate(data)
    if probe and not any(_fits(tool, q) for q, _group in _places(tool)):
        tool = Tool.model_validate(_with_probe(data))
    responses = draw(st.lists(response_data(tool), min_size=1, max_size=6))
    for data in responses:  # few cases, so that cases pool several responses
        data["case"] = draw(st.sampled_from(CASES))
    return tool, responses


def _fits(tool: Tool, question: AnyQuestion) -> bool:
    return bool(_unscored_values(tool, question)) and len(
        set(_scored_values(tool, question).values())
    ) > 1


def _score(tool: Tool, data: list[dict[str, Any]]) -> Scores:
    return score(tool, [Response.model_validate(d) for d in data])


def _all_theme_scores(scores: Scores) -> Iterator[ThemeScore]:
    for r in scores.responses:
        yield from r.themes.values()
    for group in (*scores.cases.values(), scores.overall):
        yield from group.themes.values()


def _scored_values(tool: Tool, question: AnyQuestion) -> dict[str, float]:
    scale = tool.scale_of(question)
    if scale is None or not tool.is_scored(question) or not question.themes:
        return {}
    return {o.value: o.score for o in scale.options if o.score is not None}


def _unscored_values(tool: Tool, question: AnyQuestion) -> list[str]:
    scale = tool.scale_of(question)
    if scale is None or not isinstance(question, SingleChoiceQuestion):
        return []
    return [o.value for o in scale.options if o.score is None]


@given(rounds())
def test_every_percent_is_within_0_and_100_or_null(drawn: tuple[Tool, list[Any]]) -> None:
    """Theme and question percents, per response, case and overall, lie in 0..100 or are None."""
    tool, data = drawn
    for found in _all_theme_scores(_score(tool, data)):
        assert found.percent is None or 0 <= found.percent <= 100
        assert 0 <= found.points <= found.max_points
        for q in found.questions:
            assert q.percent is None or 0 <= q.percent <= 100


@given(rounds())
def test_overall_equals_the_cases_pooled(drawn: tuple[Tool, list[Any]]) -> None:
    """Pooling the cases' points and maxima gives exactly the overall scores and grades."""
    tool, data = drawn
    scores = _score(tool, data)
    for theme, overall in scores.overall.themes.items():
        cases = [group.themes[theme] for group in scores.cases.values()]
        points = sum(c.points for c in cases)
        max_points = sum(c.max_points for c in cases)
        answers = sum(c.answers for c in cases)
        assert (overall.points, overall.max_points, overall.answers) == (
            points, max_points, answers
        )
        percent = None if max_points == 0 else 100 * points / max_points
        assert overall.percent == percent
        assert overall.grade == tool.grading.grade(percent, answers, theme)


@given(rounds())
def test_overall_equals_the_responses_pooled(drawn: tuple[Tool, list[Any]]) -> None:
    """The overall points, maxima and answers are the sums over the responses."""
    tool, data = drawn
    scores = _score(tool, data)
    for theme, overall in scores.overall.themes.items():
        each = [r.themes[theme] for r in scores.responses]
        assert overall.points == sum(r.points for r in each)
        assert overall.max_points == sum(r.max_points for r in each)
        assert overall.answers == sum(r.answers for r in each)


def _places(tool: Tool) -> Iterator[tuple[AnyQuestion, GroupQuestion | None]]:
    """Scored, theme-mapped questions that no condition reads (nor their group)."""
    read = read_by_conditions(tool)
    for ref in tool.iter_questions():
        question = ref.question
        if not _scored_values(tool, question) or question.id in read:
            continue
        if ref.group is None or ref.group.id not in read:
            yield question, ref.group


def _put(
    answers: dict[str, Any], question: AnyQuestion, group: GroupQuestion | None,
    value: Any, data: st.DataObject,
) -> dict[str, Any]:
    """``answers`` with ``question`` answered ``value``: at the top level, or in an entry of
    its group (an existing one, or a new one)."""
    changed = copy.deepcopy(answers)
    if group is None:
        changed[question.id] = value
        return changed
    if not isinstance(changed.get(group.id), (list, dict)):
        changed[group.id] = []
    entries = entries_of(changed[group.id])
    k = data.draw(st.integers(0, len(entries)))
    if k == len(entries):
        entries.append({})
    entries[k][question.id] = value
    return changed


@given(rounds(probe=True), st.data())
def test_adding_an_unscored_answer_changes_no_score(
    drawn: tuple[Tool, list[Any]], data: st.DataObject
) -> None:
    """Answering a question 'not applicable' (unscored) where it had no answer leaves every
    score as it was."""
    tool, responses = drawn
    places = [(q, g) for q, g in _places(tool) if _unscored_values(tool, q)]
    assume(places)
    question, group = data.draw(st.sampled_from(places))
    n = data.draw(st.integers(0, len(responses) - 1))
    before = copy.deepcopy(responses)
    before[n]["answers"].pop(question.id, None)
    if group is not None:
        for entry in entries_of(before[n]["answers"].get(group.id)):
            entry.pop(question.id, None)
    after = copy.deepcopy(before)
    unscored = data.draw(st.sampled_from(_unscored_values(tool, question)))
    after[n]["answers"] = _put(before[n]["answers"], question, group, unscored, data)
    assert _score(tool, after) == _score(tool, before)


@given(rounds(probe=True), st.data())
def test_a_higher_scoring_answer_never_lowers_a_theme(
    drawn: tuple[Tool, list[Any]], data: st.DataObject
) -> None:
    """Moving one answer to a higher-scoring option never lowers any theme's points, for the
    response, its case or the round (when no condition reads the question)."""
    tool, responses = drawn
    places = [(q, g) for q, g in _places(tool) if len(set(_scored_values(tool, q).values())) > 1]
    assume(places)
    question, group = data.draw(st.sampled_from(places))
    scores = _scored_values(tool, question)
    low = data.draw(st.sampled_from([v for v, s in scores.items() if s < max(scores.values())]))
    high = data.draw(st.sampled_from([v for v, s in scores.items() if s > scores[low]]))
    n = data.draw(st.integers(0, len(responses) - 1))
    before = copy.deepcopy(responses)
    before[n]["answers"] = _put(responses[n]["answers"], question, group, low, data)
    after = copy.deepcopy(before)
    if group is None:
        after[n]["answers"][question.id] = high
    else:
        for entry in entries_of(after[n]["answers"].get(group.id)):
            if entry.get(question.id) == low:
                entry[question.id] = high
                break
    for old, new in zip(_theme_maps(_score(tool, before)), _theme_maps(_score(tool, after)),
                        strict=True):
        for theme, found in old.items():
            assert new[theme].points >= found.points


def _theme_maps(scores: Scores) -> list[Mapping[str, ThemeScore]]:
    """The theme scores of the round, each case and each response, in a fixed order."""
    return [
        scores.overall.themes,
        *(group.themes for group in scores.cases.values()),
        *(r.themes for r in scores.responses),
    ]
