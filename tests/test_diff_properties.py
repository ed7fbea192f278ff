"""Properties of diff and migrate over generated tools and generated later versions."""

from __future__ import annotations

import datetime
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from audit_tool import Response, Tool, _pointer, load_tool
from audit_tool.authoring.saving import to_yaml
from audit_tool.authoring.tool import GroupQuestion, MultipleChoiceQuestion
from audit_tool.responses import Answer
from audit_tool.versions import diff
from audit_tool.versions.migration import migrate

from evolution import evolutions
from strategies import tool_data

TODAY = datetime.date(2026, 11, 25)


@given(tool_data())
def test_a_tool_compared_with_itself_has_no_changes(data: dict[str, Any]) -> None:
    """diff(a, a) is empty, with no problems, and suggests no version step."""
    tool = load_tool(text=to_yaml(data))
    result = diff(tool, tool)
    assert (result.changes, result.problems, result.suggested_bump.value) == ((), (), "none")


def _content(tool: Tool) -> str:
    """What auditors see and the panel scores, and how migration carries answers: the tool
    without its bookkeeping (version, changelog, reserved ids, renamed_from, replaces), scales
    in id order (their order means nothing)."""
    data = tool.model_dump(mode="json", exclude={"version", "changelog", "retired_ids"})

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items()
                    if k not in ("renamed_from", "replaces")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    data = strip(data)
    data["scales"] = sorted(data["scales"], key=lambda s: s["id"])
    return json.dumps(data, sort_keys=True)


@given(evolutions())
def test_the_diff_misses_no_change(pair: tuple[Tool, Tool]) -> None:
    """Whenever a later version differs in anything auditors see or the panel scores, the diff
    has at least one change; when the diff is empty, the content is the same."""
    old, new = pair
    result = diff(old, new)
    assert bool(result.changes) == (_content(old) != _content(new))


@given(evolutions())
def test_every_change_has_a_pointer_into_its_side(pair: tuple[Tool, Tool]) -> None:
    """A change's pointer leads to something in the tool its side names."""
    old, new = pair
    dumps = {"old": old.model_dump(by_alias=True), "new": new.model_dump(by_alias=True)}
    for change in diff(old, new).changes:
        assert _pointer.resolve(dumps[change.side], change.pointer)[0], change


# --- migration never loses an answer -------------------------------------------------


def _tagged() -> st.SearchStrategy[str]:
    return st.integers(0, 10**9).map(lambda n: f"tag{n}")


@st.composite
def _answer_value(draw: Any, tool: Tool, question: Any) -> Any:
    scale = tool.scale_of(question)
    anything = st.one_of(st.none(), st.text(max_size=5), st.integers(-5, 5), st.booleans())
    if scale is not None:
        options = st.sampled_from(scale.values)
        if isinstance(question, MultipleChoiceQuestion):
            return draw(st.lists(options | st.text(min_size=1, max_size=3), max_size=3))
        return draw(options | anything)
    return draw(anything)


@st.composite
def _answer(draw: Any, tool: Tool, question: Any, tags: set[str]) -> dict[str, Any]:
    tag = draw(_tagged().filter(lambda t: t not in tags))
    tags.add(tag)
    if isinstance(question, GroupQuestion):
        entries = []
        for _ in range(draw(st.integers(0, 2))):
            chosen = draw(st.lists(st.sampled_from(question.questions), max_size=4,
                                   unique_by=lambda q: q.id))
            entries.append({q.id: draw(_answer(tool, q, tags)) for q in chosen})
        return {"value": entries, "evidence": tag}
    return {"value": draw(_answer_value(tool, question)), "evidence": tag}


@st.composite
def _evolution_and_response(draw: Any) -> tuple[Tool, Tool, Response]:
    old, new = draw(evolutions())
    tags: set[str] = set()
    answers: dict[str, Any] = {}
    top = [r.question for r in old.iter_questions() if r.group is None]
    for question in draw(st.lists(st.sampled_from(top), unique_by=lambda q: q.id)):
        answers[question.id] = draw(_answer(old, question, tags))
    if draw(st.booleans()):  # answers to ids the old version does not have, or sub-questions
        stray = draw(st.sampled_from([r.question.id for r in old.iter_questions()] + ["stray"]))
        tag = draw(_tagged().filter(lambda t: t not in tags))
        answers.setdefault(stray, {"value": "x", "evidence": tag})
    response = Response.model_validate({
        "tool": {"id": old.id, "version": old.version},
        "case": "C1",
        "agency": "police",
        "answers": answers,
        "unplaced_answers": {"kept_before": {"value": "y", "evidence": "earlier"}},
    })
    return old, new, response


def _leaves(answers: dict[str, Answer]) -> list[Answer]:
    """Every answer, with the sub-answers of each group entry."""
    found: list[Answer] = []
    for answer in answers.values():
        found.append(answer)
        for entry in answer.entries:
            found.extend(_leaves(entry))
    return found


def _shape(value: Any) -> Any:
    return len(value) if isinstance(value, list) else "one"


@given(_evolution_and_response())
def test_migration_never_loses_an_answer(triple: tuple[Tool, Tool, Response]) -> None:
    """Every answer of the old response (each group entry's sub-answers too) ends up exactly
    once in the migrated response: kept aside unchanged in unplaced_answers, or carried into
    answers with its evidence and a value of the same shape."""
    old, new, response = triple
    result = migrate(response, old, new, today=TODAY)
    migrated = result.response
    before = {a.evidence: a for a in _leaves(response.answers) + _leaves(response.unplaced_answers)}
    kept = [a for a in _leaves(migrated.unplaced_answers) if a.evidence is not None]
    carried = [a for a in _leaves(migrated.answers) if a.evidence is not None]
    assert sorted(str(a.evidence) for a in kept + carried) == sorted(str(t) for t in before)
    for answer in kept:
        assert answer == before[answer.evidence]
    for answer in carried:
        was = before[answer.evidence]
        assert answer.evidence_date == was.evidence_date
        if not was.entries:
            assert _shape(answer.value) == _shape(was.value)
    assert {c.new for c in result.carried} == set(migrated.answers)
