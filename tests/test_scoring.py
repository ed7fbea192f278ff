"""Scoring by example: the worked example of docs/scoring.md, the JSON shape, each rule."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import pytest

from audit_tool import AuditToolError, LoadedResponse, Response, Tool, load_tool, read_response
from audit_tool.rounds.scoring import ThemeScore, score

from conftest import ROOT

DOC = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")


def _block(name: str) -> str:
    """The fenced block or table that follows ``<!-- example:NAME -->`` in docs/scoring.md."""
    match = re.search(rf"<!-- example:{name} -->\n(.*?)(?:\n\n|\Z)", DOC, re.DOTALL)
    assert match, f"docs/scoring.md has no example '{name}'"
    text = match.group(1)
    fenced = re.fullmatch(r"```\w*\n(.*)```", text, re.DOTALL)
    return fenced.group(1) if fenced else text


def _table(name: str) -> list[dict[str, str]]:
    lines = [line for line in _block(name).splitlines() if line.startswith("|")]
    head = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [
        dict(zip(head, (cell.strip() for cell in line.strip("|").split("|")), strict=True))
        for line in lines[2:]
    ]


def _number(cell: str) -> float | None:
    return None if cell == "null" else float(cell)


def _example() -> tuple[Tool, dict[str, LoadedResponse]]:
    tool = load_tool(text=_block("scoring-tool"), name="scoring.md")
    responses = {
        "A": read_response(text=_block("scoring-response-a"), name="a.yaml"),
        "B": read_response(text=_block("scoring-response-b"), name="b.yaml"),
    }
    return tool, responses


def test_worked_example_results_table_matches_the_code() -> None:
    """Every number of docs/scoring.md's result table is what score() gives."""
    tool, responses = _example()
    scores = score(tool, responses.values())
    found: dict[str, dict[str, ThemeScore]] = {
        "A": dict(scores.responses[0].themes),
        "B": dict(scores.responses[1].themes),
        "case C1": dict(scores.cases["C1"].themes),
        "overall": dict(scores.overall.themes),
    }
    rows = _table("scoring-result")
    assert {(r["scope"], r["theme"]) for r in rows} == {
        (scope, theme) for scope, themes in found.items() for theme in themes
    }
    for row in rows:
        got = found[row["scope"]][row["theme"]]
        percent = None if got.percent is None else round(got.percent, 2)
        assert (got.points, got.max_points, percent, got.grade, got.answers) == (
            float(row["points"]),
            float(row["max points"]),
            _number(row["percent"]),
            row["grade"],
            int(row["answers"]),
        ), row


def test_worked_example_answers_table_matches_the_code() -> None:
    """Each counted row of the answers table is w·score of w·max, and they add up to the
    code's per-question totals; the rows marked ignored are the ones the code ignores."""
    tool, responses = _example()
    scores = score(tool, responses.values())
    summed: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for row in _table("scoring-answers"):
        question = row["question"].split(" ")[0]
        if row["points"].startswith("ignored"):
            continue
        weight, points, max_points = float(row["w"]), float(row["points"]), float(row["max points"])
        assert (points, max_points) == (weight * float(row["score"]), weight * float(row["max"]))
        cell = summed[(row["return"], row["theme"], question)]
        cell[0] += points
        cell[1] += max_points
        cell[2] += 1
    code = {
        (label, theme, q.question): [q.points, q.max_points, q.answers]
        for label, r in zip("AB", scores.responses, strict=True)
        for theme, found in r.themes.items()
        for q in found.questions
    }
    assert dict(summed) == code


def _neglect() -> Tool:
    from audit_tool import load_tool

    return load_tool(ROOT / "tools" / "neglect_v2.yaml")


def test_json_has_exactly_the_design_shape() -> None:
    """score().to_dict() has DESIGN §5's keys and nothing else, at every level."""
    tool, responses = _example()
    data = score(tool, responses.values()).to_dict()
    assert set(data) == {"tool", "responses", "cases", "overall"}
    assert data["tool"] == {"id": "scoring_example", "version": "1.0.0"}
    assert [set(r) for r in data["responses"]] == [{"file", "case", "agency", "themes"}] * 2
    assert data["responses"][0]["file"] == "a.yaml"
    assert set(data["cases"]) == {"C1"}
    assert set(data["cases"]["C1"]) == {"themes"}
    assert set(data["overall"]) == {"themes"}
    entry = {"points", "max_points", "percent", "grade", "answers"}
    for themes in [r["themes"] for r in data["responses"]] + [data["overall"]["themes"]]:
        assert list(themes) == ["recording", "outcome_planning", "voice_of_child", "meetings"]
        assert all(set(t) == entry for t in themes.values())
    assert data["overall"]["themes"]["recording"] == {
        "points": 4, "max_points": 8, "percent": 50.0,
        "grade": "requires_improvement", "answers": 4,
    }
    assert data["responses"][1]["themes"]["meetings"]["percent"] is None


def test_themes_come_in_catalogue_order() -> None:
    """A tool on the standard catalogue scores its themes in the catalogue's order."""
    tool = _neglect()
    response = Response.model_validate(
        {"tool": {"id": "neglect", "version": "2.0.0"}, "case": "C1", "agency": "police"}
    )
    assert score(tool, [response]).themes == (
        "recording", "outcome_planning", "impact_on_child", "assessment",
        "multi_agency", "voice_of_child", "meetings", "oversight",
    )


def _answers(tool: Tool, answers: dict[str, Any]) -> dict[str, ThemeScore]:
    response = Response.model_validate(
        {"tool": {"id": tool.id, "version": tool.version}, "case": "C1", "agency": "police",
         "answers": answers}
    )
    return dict(score(tool, [response]).responses[0].themes)


def test_an_answer_that_is_not_an_option_is_ignored() -> None:
    """An answer outside the scale scores nothing either way (validation reports it)."""
    tool, _ = _example()
    themes = _answers(tool, {"chronology_current": "sometimes", "plan_outcomes": "yes"})
    assert (themes["recording"].points, themes["recording"].max_points) == (2, 2)


def test_a_scale_whose_best_score_is_zero_gives_no_percent() -> None:
    """Answers worth at most 0 leave nothing to divide by: percent None, not evidenced."""
    tool = load_tool(text=
        "id: t\nversion: 1.0.0\ntitle: T\ntheme: Neglect\n"
        "scales: [{id: s, title: S, options: [{value: a, label: A, score: 0}]}]\n"
        "sections: [{id: x, title: X, questions: [{id: q, type: single_choice, scale: s,"
        " text: Q, themes: {recording: 1}}]}]\n"
    )
    found = _answers(tool, {"q": "a"})["recording"]
    assert (found.percent, found.grade, found.answers) == (None, "not_evidenced", 1)


def test_shortfalls_list_the_questions_that_lost_most_first() -> None:
    """ThemeScore.shortfalls(): questions below their maximum, most points lost first."""
    tool, responses = _example()
    recording = score(tool, responses.values()).overall.themes["recording"]
    assert [(q.question, q.lost) for q in recording.shortfalls()] == [
        ("chronology_current", 3.0), ("plan_outcomes", 1.0)
    ]


def test_a_response_to_another_tool_version_is_refused() -> None:
    """Scoring a response to another version raises, rather than scoring it wrongly."""
    tool, _ = _example()
    other = Response.model_validate(
        {"tool": {"id": "scoring_example", "version": "2.0.0"}, "case": "C1", "agency": "x"}
    )
    with pytest.raises(AuditToolError, match=r"scoring_example@2\.0\.0"):
        score(tool, [other])


def test_a_file_that_did_not_load_is_refused() -> None:
    """A LoadedResponse without a model cannot be scored: the caller must check it first."""
    tool, _ = _example()
    with pytest.raises(AuditToolError, match="did not load"):
        score(tool, [read_response(text="case: [", name="broken.yaml")])


def test_no_responses_give_empty_scores() -> None:
    """Scoring nothing gives no responses, no cases, and an overall with nothing evidenced."""
    tool, _ = _example()
    scores = score(tool, [])
    assert scores.responses == ()
    assert dict(scores.cases) == {}
    assert {t.grade for t in scores.overall.themes.values()} == {"not_evidenced"}


def test_score_takes_what_validate_response_takes() -> None:
    """A path, a mapping as a file holds it and a loaded file score the same; a mapping of
    the wrong shape is an AuditToolError, not an AttributeError."""
    from audit_tool import load_tool, read_response
    from audit_tool._yaml import read_document

    tool = load_tool(ROOT / "tools" / "neglect_v2.yaml")
    path = ROOT / "examples" / "2019-05-neglect" / "responses" / "c1-police.yaml"
    document, _ = read_document(path)
    assert document is not None
    expected = score(tool, [read_response(path)]).to_dict()["overall"]
    assert score(tool, [document.data]).to_dict()["overall"] == expected
    assert score(tool, [str(path)]).to_dict()["overall"] == expected
    with pytest.raises(AuditToolError):
        score(tool, [{"answers": {}}])
