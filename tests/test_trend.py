"""The trend across rounds: comparable or not per theme, like-for-like figures, bad series."""

from __future__ import annotations

import copy
import datetime
import functools
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit_tool import (
    Response,
    Tool,
    load_tool,
    read_response,
    read_round,
    score,
    standard_catalogue,
)
from audit_tool._yaml import read_document
from audit_tool.authoring.saving import to_yaml
from audit_tool.rounds.trend import (
    RoundScores,
    Trend,
    build_trend,
    compare_versions,
    read_programme,
)
from audit_tool.rounds.trend.html import CSP, render_trend_html
from audit_tool.rounds.trend.render import (
    CSV_COLUMNS,
    render_trend_csv,
    render_trend_markdown,
    render_trend_text,
)

from conftest import DATA, ROOT, SHARED, CliResult
from strategies import tools_with_responses

EARLIER = ROOT / "examples" / "2017-05-neglect" / "audit.yaml"
LATER = ROOT / "examples" / "2019-05-neglect" / "audit.yaml"
SCALE = {"yes": 2, "partly": 1, "no": 0}
_SHARED_ARGS = [a for folder in SHARED for a in ("--shared", str(folder))]


@pytest.fixture(scope="module")
def trend() -> Trend:
    """The example programme: May 2017 (neglect 1.0.0) and May 2019 (neglect 2.0.0)."""
    loaded = read_programme([LATER], shared=SHARED)
    assert loaded.problems == []
    return build_trend([RoundScores.of(r) for r in loaded.rounds])


def test_example_programme_says_for_every_theme_what_compares(trend: Trend) -> None:
    """Every theme's scoring changed from neglect 1.0.0 to 2.0.0, so each is a break with
    a like-for-like figure on exactly the questions both versions score the same way
    (none for statutory meetings, whose only v1 question was removed)."""
    steps = {s.theme: s.steps[0] for s in trend.overall.themes}
    assert {theme: step.comparable for theme, step in steps.items()} == dict.fromkeys(
        ["recording", "outcome_planning", "impact_on_child", "assessment", "multi_agency",
         "voice_of_child", "meetings", "oversight"], False
    )
    questions = {t: [q.later for q in s.like_for_like.questions] for t, s in steps.items()}
    assert questions == {
        "recording": ["record_clear_picture", "chronology_current", "contacts_recorded"],
        "outcome_planning": ["child_situation"],
        "impact_on_child": ["neglect_identified_early", "impact_recorded"],
        "assessment": ["assessment_completed", "history_used", "assessment_quality"],
        "multi_agency": ["information_shared", "information_acted_on", "referral_threshold"],
        "voice_of_child": ["child_voice_recorded"],
        "meetings": [],
        "oversight": ["management_oversight", "escalation"],
    }
    plan = steps["outcome_planning"]
    assert any("'effective_plan'" in r and "replaced" in r for r in plan.reasons)
    assert "question 'outcome_plan' counts towards this theme in neglect@2.0.0 only" in (
        plan.reasons
    )
    assert steps["meetings"].movement is None


def test_example_like_for_like_figures_and_what_stands_behind_them(trend: Trend) -> None:
    """The like-for-like figures, with the answers behind them, as the table prints them."""
    shown = {
        s.theme: (round(s.steps[0].like_for_like.before.percent or 0, 2),
                  round(s.steps[0].like_for_like.after.percent or 0, 2),
                  s.steps[0].like_for_like.before.answers, s.steps[0].like_for_like.after.answers)
        for s in trend.overall.themes
    }
    assert shown == {
        "recording": (57.05, 80.77, 78, 78),
        "outcome_planning": (37.5, 66.0, 24, 25),
        "impact_on_child": (60.19, 62.04, 54, 54),
        "assessment": (56.76, 52.38, 79, 81),
        "multi_agency": (87.65, 78.4, 81, 81),
        "voice_of_child": (55.56, 74.07, 27, 27),
        "meetings": (0, 0, 0, 0),
        "oversight": (66.67, 67.05, 45, 44),
    }


def _hand_figure(round_folder: str, questions: list[str], skip: set[str]) -> tuple[int, int, int]:
    """Points, points available and answers of ``questions`` over a round's returns, read
    straight from the YAML (yes 2, partly 1, no 0; not applicable left out)."""
    points = top = answers = 0
    for path in sorted((ROOT / "examples" / round_folder / "responses").glob("*.yaml")):
        if path.name in skip:
            continue
        document, _ = read_document(path)
        assert document is not None
        for question in questions:
            value = document.data["answers"].get(question)
            value = value["value"] if isinstance(value, dict) else value
            if value in SCALE:
                points, top, answers = points + SCALE[value], top + 2, answers + 1
    return points, top, answers


def test_one_like_for_like_figure_recomputed_by_hand(trend: Trend) -> None:
    """Recording, like for like: the three questions both versions score alike, added up
    by hand from the returns (the invalid 2017 return left out), give the trend's figures."""
    questions = ["record_clear_picture", "chronology_current", "contacts_recorded"]
    before = _hand_figure("2017-05-neglect", questions, {"c2-housing.yaml"})
    after = _hand_figure("2019-05-neglect", questions, set())
    like = next(s for s in trend.overall.themes if s.theme == "recording").steps[0].like_for_like
    assert (like.before.points, like.before.max_points, like.before.answers) == before
    assert (like.after.points, like.after.max_points, like.after.answers) == after
    assert like.movement == pytest.approx(100 * after[0] / after[1] - 100 * before[0] / before[1])


def test_by_agency_pools_only_that_agencys_returns(trend: Trend) -> None:
    """An agency's scope pools its own returns: police recording like for like equals the
    hand count over the police returns of each round."""
    police = next(s for s in trend.scopes if s.id == "police")
    like = next(t for t in police.themes if t.theme == "recording").steps[0].like_for_like
    questions = ["record_clear_picture", "chronology_current", "contacts_recorded"]
    others = {p.name for p in (ROOT / "examples").glob("*/responses/*.yaml")
              if "police" not in p.name}
    assert (like.before.points, like.before.max_points) == _hand_figure(
        "2017-05-neglect", questions, others)[:2]
    assert (like.after.points, like.after.max_points) == _hand_figure(
        "2019-05-neglect", questions, others)[:2]
    assert [s.id for s in trend.scopes][:3] == ["all", "csc", "police"]


def test_text_table_shows_breaks_figures_and_questions(trend: Trend) -> None:
    """The text output: each theme's row names the break and the like-for-like figures, and
    the questions behind each like-for-like figure are listed."""
    text = render_trend_text(trend)
    assert ("recording                 57.0 RI           76.3 G  scoring changed; like for "
            "like: 57.0 -> 80.7 (+23.7) on 3 questions, 78 and 78 answers") in text
    assert ("meetings                   77.7 G           81.1 G  scoring changed; like for "
            "like: no question scores the same way in both rounds") in text
    assert ("  outcome_planning (2017-05-neglect -> 2019-05-neglect): child_situation"
            in text)


def test_csv_has_a_row_per_scope_theme_and_round(trend: Trend) -> None:
    """CSV: one row per scope, theme and round; the later round's row carries the step."""
    rows = render_trend_csv(trend).splitlines()
    assert tuple(rows[0].split(",")) == CSV_COLUMNS
    assert len(rows) == 1 + len(trend.scopes) * 8 * 2
    later = next(r for r in rows if r.startswith("all,recording,2019-05-neglect"))
    assert ",2017-05-neglect,no,record_clear_picture chronology_current contacts_recorded," in (
        later
    )


def test_html_is_self_contained_with_a_policy_and_a_chart(trend: Trend) -> None:
    """The HTML page: a CSP allowing only inline styles, one inline SVG chart with a panel
    per theme and a break marker for each changed theme, no script, nothing fetched."""
    page = render_trend_html(trend)
    assert f'content="{CSP.replace(chr(39), "&#x27;")}"' in page
    assert page.count("<svg ") == 1
    assert page.count("scoring changed</text>") == 8
    assert "<script" not in page.lower()
    assert re.search(r"(src|href)\s*=|@import|url\(", page) is None
    assert re.findall(r"https?://[^\s\"']+", page) == ["http://www.w3.org/2000/svg"]


def test_text_from_manifests_is_escaped_in_html_and_markdown(tmp_path: Path) -> None:
    """A round title holding markup reaches the HTML and Markdown only as text."""
    folder = tmp_path / "round"
    folder.mkdir()
    tools = os.path.relpath(ROOT / "tools", folder).replace(os.sep, "/")
    returns = os.path.relpath(EARLIER.parent / "responses", folder).replace(os.sep, "/")
    text = EARLIER.read_text(encoding="utf-8")
    text = text.replace("title: Multi-agency case audit - neglect, May 2017",
                        "title: '<b>x</b> & y'")
    text = text.replace("../../tools", tools).replace("responses: [responses]",
                                                     f"responses: [{returns}]")
    (folder / "audit.yaml").write_text(text, encoding="utf-8")
    loaded = read_round(folder / "audit.yaml", shared=SHARED)
    assert loaded.round is not None, loaded.problems
    built = build_trend([RoundScores.of(loaded.round)])
    page = render_trend_html(built)
    assert "<b>x</b>" not in page
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in page
    assert "| \\<b\\>x\\</b\\> \\& y (`2017-05-neglect`) |" in render_trend_markdown(built)


# --- properties -------------------------------------------------------------------------


@given(tools_with_responses(), st.data())
def test_rounds_on_the_same_version_trend_as_their_own_scores(
    made: tuple[Any, dict[str, Any]], data: st.DataObject
) -> None:
    """Two rounds answered with the same version: every theme compares directly, each
    round's point is that round's own pooled score, and the like-for-like figures are the
    whole figures."""
    tool, first = made
    second = copy.deepcopy(first)
    second["agency"] = data.draw(st.sampled_from(["police", "csc"]))
    responses = [read_response(text=to_yaml(r)).response for r in (first, second)]
    rounds = []
    for n, response in enumerate(responses):
        assert response is not None
        rounds.append(RoundScores(f"r{n}", f"R{n}", datetime.date(2017 + n, 5, 1),
                                  tool, score(tool, [response]), {}, standard_catalogue()))
    built = build_trend(rounds)
    for series in built.overall.themes:
        step = series.steps[0]
        assert step.comparable
        assert step.reasons == ()
        for n, point in enumerate(series.points):
            own = rounds[n].scores.overall.themes[series.theme]
            assert point == own
        like = step.like_for_like
        assert (like.before.points, like.before.max_points, like.before.answers) == (
            series.points[0].points, series.points[0].max_points, series.points[0].answers)
        assert (like.after.points, like.after.max_points, like.after.answers) == (
            series.points[1].points, series.points[1].max_points, series.points[1].answers)


def _example_rounds() -> list[RoundScores]:
    loaded = read_programme([LATER], shared=SHARED)
    return [RoundScores.of(r) for r in loaded.rounds]


_V2 = ROOT / "tools" / "neglect_v2.yaml"


@functools.cache
def _example() -> tuple[dict[str, Any], list[dict[str, Any]], list[RoundScores], list[Any]]:
    """Read once: the later tool and its returns as data, the example rounds, their trend's
    figures."""
    tool = load_tool(_V2).model_dump(mode="json", by_alias=True, exclude_defaults=True)
    later = read_round(LATER, shared=SHARED).round
    assert later is not None
    returns = [
        r.loaded.response.model_dump(mode="json", by_alias=True, exclude_none=True)
        for r in later.valid_returns
        if r.loaded.response is not None
    ]
    rounds = _example_rounds()
    return tool, returns, rounds, _figures(build_trend(rounds))


def _follow(data: Any, old: str, new: str) -> Any:
    """``data`` with every question id ``old`` (ids and condition references) now ``new``."""
    if isinstance(data, dict):
        return {k: (new if k in ("id", "question") and v == old else _follow(v, old, new))
                for k, v in data.items()}
    if isinstance(data, list):
        return [_follow(v, old, new) for v in data]
    return data
_SCORED_V2 = [  # the later version's scored questions outside groups (loaded at collection)
    "record_clear_picture", "chronology_current", "chronology_analysed", "contacts_recorded",
    "neglect_identified_early", "impact_recorded", "school_records", "each_child_considered",
    "assessment_completed", "history_used", "gcp2_used", "assessment_quality",
    "plan_from_assessment", "outcome_plan", "child_situation", "information_shared",
    "think_family", "child_voice_recorded", "child_seen", "drift", "escalation",
]


def _renamed(rounds: list[RoundScores], old: str, new: str) -> list[RoundScores]:
    """The later round with question ``old`` renamed ``new`` (declared with renamed_from),
    its returns' answers carried to the new id, and rescored."""
    tool_data, returns, _rounds, _baseline = _example()
    assert old in json.dumps(tool_data)
    resolved = _follow(tool_data, old, new)
    for section in resolved["sections"]:
        for question in section["questions"]:
            if question["id"] == new:
                question["renamed_from"] = [old]
    tool = Tool.model_validate(resolved)
    responses = []
    for raw in returns:
        answers = {(new if k == old else k): v for k, v in raw["answers"].items()}
        carried = dict(raw, answers=answers)
        responses.append(Response.model_validate(carried))
    base = rounds[1]
    return [rounds[0], RoundScores(base.round, base.title, base.panel_date, tool,
                                   score(tool, responses), base.agencies, base.catalogue)]


def _figures(built: Trend) -> list[Any]:
    out = []
    for scope in built.scopes:
        for series in scope.themes:
            for point in series.points:
                out.append(None if point is None else
                           (point.points, point.max_points, point.answers, point.grade))
            for step in series.steps:
                like = step.like_for_like
                out.append((step.comparable, len(like.questions), like.before, like.after))
    return out




@given(st.sampled_from(_SCORED_V2), st.sampled_from(["renamed_q", "asked_again", "q_new_name"]))
def test_renaming_a_question_changes_no_trend_figure(old: str, new: str) -> None:
    """Renaming a question of the later version through renamed_from (its answers carried
    to the new id) changes no figure of the trend: not a point, not a break, not a
    like-for-like figure or the number of questions behind it."""
    _tool, _returns, rounds, baseline = _example()
    assert _figures(build_trend(_renamed(rounds, old, new))) == baseline


# --- bad series -------------------------------------------------------------------------


def _problems(result: CliResult) -> list[str]:
    return [line for line in result.err.splitlines() if ": error[" in line]


def test_rounds_out_of_date_order_are_a_located_problem(cli: Callable[..., CliResult]) -> None:
    """The later round listed first: programme-out-of-order at the earlier round's
    panel_date, exit 1, nothing on stdout."""
    result = cli("trend", str(LATER), str(EARLIER), *_SHARED_ARGS)
    assert (result.code, result.out) == (1, "")
    assert _problems(result) == [
        f"{EARLIER}:17:13: error[programme-out-of-order]: round '2017-05-neglect' met on "
        "2017-05-10, not after round '2019-05-neglect', which comes before it (2019-05-15)"
    ]


def test_a_round_listed_twice_is_a_located_problem(cli: Callable[..., CliResult]) -> None:
    """The same manifest twice: programme-duplicate-round at its round id."""
    result = cli("trend", str(EARLIER), str(EARLIER), *_SHARED_ARGS)
    assert result.code == 1
    assert _problems(result) == [
        f"{EARLIER}:11:8: error[programme-duplicate-round]: round '2017-05-neglect' is "
        "listed more than once"
    ]


def test_rounds_of_another_tool_are_a_located_problem(cli: Callable[..., CliResult]) -> None:
    """A round of another tool after the neglect round: programme-different-tool at its
    tool id."""
    other = DATA / "programme" / "home-visits-2018" / "audit.yaml"
    result = cli("trend", str(EARLIER), str(other), *_SHARED_ARGS, "--shared",
                 str(DATA / "response_tools"))
    assert result.code == 1
    assert [line.split(": ")[0] + ": " + line.split(": ")[1] for line in _problems(result)] == [
        f"{other}:6:7: error[programme-different-tool]"
    ]


def test_previous_links_that_loop_are_a_located_problem(cli: Callable[..., CliResult]) -> None:
    """Two rounds whose previous links lead to each other: programme-duplicate-round at the
    link that closes the loop."""
    loop_a = DATA / "programme" / "loop-a" / "audit.yaml"
    result = cli("trend", str(loop_a), *_SHARED_ARGS, "--shared", str(DATA / "programme"))
    assert result.code == 1
    loop_b = DATA / "programme" / "loop-b" / "audit.yaml"
    assert f"{loop_b}:6:11: error[programme-duplicate-round]" in result.err


def test_trend_writes_every_format(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    """-o picks the format from the extension; json has both rounds and every scope."""
    for suffix in ("html", "json", "md"):
        out = tmp_path / f"trend.{suffix}"
        result = cli("trend", str(EARLIER), str(LATER), "-o", str(out), *_SHARED_ARGS)
        assert (result.code, result.out) == (0, f"wrote {out}\n")
        assert out.stat().st_size > 1000
    data = json.loads((tmp_path / "trend.json").read_text(encoding="utf-8"))
    assert [r["round"] for r in data["rounds"]] == ["2017-05-neglect", "2019-05-neglect"]
    assert data["scopes"][0]["scope"] == "all"
    assert (tmp_path / "trend.md").read_text(encoding="utf-8").startswith(
        "# Trend: Multi-agency case audit - neglect\n"
    )


def test_a_weight_change_breaks_only_its_theme_and_drops_only_its_question() -> None:
    """neglect 2.0.0 -> 2.1.0 doubling drift's weight in oversight: oversight's scoring
    changed and compares like for like without drift; every other theme compares directly
    on all its questions."""
    earlier = load_tool(_V2)
    data = earlier.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["version"] = "2.1.0"
    for section in data["sections"]:
        for question in section["questions"]:
            if question["id"] == "drift":
                question["themes"] = {"oversight": 2}
    later = Tool.model_validate(data)
    themes = ("recording", "oversight")
    found = compare_versions(earlier, later, themes).themes
    assert not found["oversight"].comparable
    assert [p.later for p in found["oversight"].pairs] == ["management_oversight", "escalation"]
    assert found["recording"].comparable
    assert found["recording"].reasons == ()
    assert [p.later for p in found["recording"].pairs] == [
        "record_clear_picture", "chronology_current", "chronology_analysed", "contacts_recorded",
        "meeting_outcome_recorded",
    ]


def test_a_third_round_on_the_same_version_compares_directly(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """2017 (1.0.0) -> 2019 (2.0.0) -> 2021 (2.0.0 again): the second step has the same
    scoring for every theme, so its like-for-like figures are the whole figures; the
    first step still breaks. Followed back from the last manifest through 'previous'."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "tools", tmp_path / "tools")
    later = tmp_path / "examples" / "2019-05-neglect"
    third = tmp_path / "examples" / "2021-05-neglect"
    shutil.copytree(later, third)
    manifest = (third / "audit.yaml").read_text(encoding="utf-8")
    manifest = manifest.replace("round: 2019-05-neglect", "round: 2021-05-neglect").replace(
        "panel_date: 2019-05-15", "panel_date: 2021-05-12").replace(
        "previous: ../2017-05-neglect/audit.yaml", "previous: ../2019-05-neglect/audit.yaml")
    (third / "audit.yaml").write_text(manifest, encoding="utf-8")
    for path in (third / "responses").glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace("round: 2019-05-neglect",
                                                         "round: 2021-05-neglect")
        path.write_text(text, encoding="utf-8")
    copies = (tmp_path / "tools", tmp_path / "examples")
    loaded = read_programme([third / "audit.yaml"], shared=copies)
    assert loaded.problems == []
    built = build_trend([RoundScores.of(r) for r in loaded.rounds])
    assert [r.round for r in built.rounds] == [
        "2017-05-neglect", "2019-05-neglect", "2021-05-neglect"]
    for series in built.overall.themes:
        first, second = series.steps
        assert not first.comparable
        assert second.comparable
        assert second.like_for_like.after.points == series.points[2].points
        assert second.movement == pytest.approx(0.0) or series.points[2].percent is None
    options = [a for c in copies for a in ("--shared", str(c))]
    text = cli("trend", str(third / "audit.yaml"), *options).out
    assert "same scoring: 76.3 -> 76.3 (0.0) on 5 questions, 171 and 171 answers" in text


def test_new_grade_bands_break_every_theme_but_keep_every_question() -> None:
    """A later version with other grade bands: every theme's grades stop comparing (a
    break), but no question scores differently, so each like-for-like set is the whole
    theme."""
    earlier = load_tool(_V2)
    data = earlier.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["version"] = "3.0.0"
    data["grading"] = {"bands": [{"grade": "good", "min": 60}, {"grade": "inadequate", "min": 0}]}
    later = Tool.model_validate(data)
    found = compare_versions(earlier, later, ("recording", "voice_of_child")).themes
    for theme in ("recording", "voice_of_child"):
        assert not found[theme].comparable
        assert all(p.earlier == p.later for p in found[theme].pairs)
    assert len(found["voice_of_child"].pairs) == 6
