"""validate_response: what it reads, how it locates problems, and what it never does."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit_tool import Response, load_tool, migrate, read_response, validate_response
from audit_tool._yaml import read_document
from audit_tool.authoring import EvidenceRule
from audit_tool.authoring.saving import to_yaml
from audit_tool.responses import check_responses

from conftest import DATA, ROOT

HOME_VISITS = load_tool(DATA / "response_tools" / "home_visits.yaml")
NEGLECT_V2 = load_tool(ROOT / "tools" / "neglect_v2.yaml")
BROKEN = DATA / "responses" / "evidence_missing.yaml"
EXAMPLE = ROOT / "examples" / "responses" / "neglect_v2" / "c2_police.yaml"


def _data(path: Path) -> dict[str, Any]:
    document, _problems = read_document(path)
    assert document is not None
    data: dict[str, Any] = document.data
    return data


def _records(found: list[Any]) -> list[tuple[Any, ...]]:
    return [(p.code, p.file, p.line, p.column, p.pointer) for p in found]


def test_a_path_as_text_or_path_and_a_loaded_response_give_the_same_located_problems() -> None:
    """A path (str or Path) and a LoadedResponse of it give the same problems, with positions."""
    expected = [("evidence-missing", str(BROKEN), 10, 20, "/answers/home_conditions")]
    assert _records(validate_response(HOME_VISITS, str(BROKEN))) == expected
    assert _records(validate_response(HOME_VISITS, BROKEN)) == expected
    assert _records(validate_response(HOME_VISITS, read_response(BROKEN))) == expected


def test_plain_data_gives_pointers_only() -> None:
    """A mapping has no file: problems carry the pointer (following the bare form), no position."""
    assert _records(validate_response(HOME_VISITS, _data(BROKEN))) == [
        ("evidence-missing", None, None, None, "/answers/home_conditions")
    ]


def test_a_model_gives_pointers_to_the_full_answer_form() -> None:
    """A Response has no document: a value's pointer assumes the full form (…/value)."""
    data = _data(DATA / "responses" / "option_not_in_scale.yaml")
    response = Response.model_validate(data)
    assert _records(validate_response(HOME_VISITS, response)) == [
        ("option-not-in-scale", None, None, None, "/answers/home_conditions/value")
    ]


def test_an_evidence_rule_names_the_option_that_triggers_it() -> None:
    """EvidenceRule.trigger gives the first chosen option listed in required_for (None when
    there is none), and requires() holds exactly when there is one or evidence is always due."""
    rule = EvidenceRule(required_for=["no", "partly"])
    assert [rule.trigger(v) for v in ("no", ["yes", "partly", "no"], "yes", ["yes"], 3, None)] == [
        "no", "partly", None, None, None, None,
    ]
    assert [rule.requires(v) for v in ("partly", "yes")] == [True, False]
    always = EvidenceRule(required=True)
    assert (always.trigger("yes"), always.requires("yes")) == (None, True)


def test_an_unreadable_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    """A missing file gives file-unreadable; a folder too."""
    for path in (tmp_path / "missing.yaml", tmp_path):
        assert [p.code for p in validate_response(HOME_VISITS, path)] == ["file-unreadable"]


@pytest.mark.parametrize("source", [[1, 2], 42, None, "tool: [unclosed"])
def test_input_that_is_not_a_response_gives_problems(source: Any, tmp_path: Path) -> None:
    """A list, a number or nothing, as data or in a file, gives problems and never raises."""
    if isinstance(source, str):
        path = tmp_path / "r.yaml"
        path.write_text(source, encoding="utf-8")
        source = path
    found = validate_response(HOME_VISITS, source)
    assert found
    assert all(p.is_error for p in found)


def test_a_shape_error_in_one_answer_hides_nothing_else() -> None:
    """An answer with a shape error is left out; the rest is still checked, and a question
    whose condition reads the left-out answer is not judged (concern_details applies unless
    'none' was chosen, which cannot be told)."""
    text = (DATA / "responses" / "exclusive_choice.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  concerns_seen: [none, hygiene]\n", "  concerns_seen: {value: [none], note: x}\n"
    )
    text = text.replace("  last_visit: 2026-05-20\n", "")
    found = validate_response(HOME_VISITS, read_response(text=text, name="r.yaml"))
    assert sorted((p.code, p.pointer) for p in found) == [
        ("missing-answer", "/answers/last_visit"),
        ("unknown-field", "/answers/concerns_seen/note"),
    ]


def test_answers_to_another_tool_are_not_checked() -> None:
    """A response naming another tool gives wrong-tool, not a problem per answer."""
    found = validate_response(NEGLECT_V2, DATA / "responses" / "missing_answer.yaml")
    assert [p.code for p in found] == ["wrong-tool"]


def test_today_decides_which_dates_are_in_the_future() -> None:
    """With today before the completion date, the completion date is in the future."""
    found = validate_response(NEGLECT_V2, EXAMPLE, today=datetime.date(2026, 11, 9))
    assert [(p.code, p.pointer, p.message) for p in found] == [
        ("date-in-future", "/completed",
         "the completion date is 2026-11-10, after today (2026-11-09)"),
    ]


def test_problems_are_sorted_by_line() -> None:
    """Problems come in the order of the file."""
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "  drift: not_applicable\n", "  drift: maybe\n"
    ).replace("completed: 2026-11-10", "completed: 2099-11-10")
    found = validate_response(NEGLECT_V2, read_response(text=text, name="r.yaml"))
    assert [p.code for p in found] == ["date-in-future", "option-not-in-scale"]
    assert [p.line for p in found] == sorted(p.line or 0 for p in found)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=30,
)


@given(st.dictionaries(
    st.sampled_from(["tool", "case", "agency", "completed", "period", "answers", "auditor_role",
                     "unplaced_answers", "x"]),
    json_values, max_size=8,
))
def test_arbitrary_data_gives_problems_never_an_exception(data: dict[str, Any]) -> None:
    """Whatever the data, validate_response returns problems (as data and as YAML text)."""
    validate_response(NEGLECT_V2, data)
    validate_response(HOME_VISITS, read_response(text=to_yaml(data)))


def test_check_responses_says_which_files_can_be_scored(tmp_path: Path) -> None:
    """Each file in the order given, named as given, with validate_response's problems:
    warnings alone leave it valid; an error, or a file that cannot be read, makes it invalid."""
    returns = ROOT / "examples" / "2017-05-neglect" / "responses"
    paths = [returns / "c4-police.yaml", returns / "c2-housing.yaml", tmp_path / "gone.yaml"]
    neglect_v1 = load_tool(ROOT / "tools" / "neglect_v1.yaml")
    checked = list(check_responses(neglect_v1, paths))
    assert [c.file for c in checked] == [str(p) for p in paths]
    assert [c.valid for c in checked] == [True, False, False]
    assert {p.code for p in checked[0].problems} == {"evidence-before-period"}
    assert checked[1].problems == tuple(validate_response(neglect_v1, paths[1]))
    assert [p.code for p in checked[1].report.errors] == ["wrong-type", "option-not-in-scale"]
    assert [p.code for p in checked[2].problems] == ["file-unreadable"]


@pytest.mark.parametrize("meetings", ['"none"', "[]", '[{meeting_type: icpc, attended: "no"}]'])
def test_migration_lists_what_the_validator_reports_as_missing(meetings: str) -> None:
    """What migrate lists to answer now and to give evidence for is what validate reports as
    missing-answer and evidence-missing, also for a group given a value that is not a list
    (wrong-type, not missing) or an empty list of entries (an answer)."""
    mini = load_tool(DATA / "fhir" / "mini_tool.yaml")
    loaded = read_response(text=
        "tool: {id: fhir_mini, version: 1.2.0}\ncase: C1\nagency: police\nanswers:\n"
        f'  home_seen: "no"\n  meetings: {meetings}\n'
    )
    assert loaded.response is not None
    result = migrate(loaded.response, mini, mini)
    found = validate_response(mini, result.response)
    assert sorted((p.code, p.pointer) for p in found
                  if p.code in ("missing-answer", "evidence-missing")) == sorted(
        [("missing-answer", u.pointer) for u in result.unanswered]
        + [("evidence-missing", n.pointer) for n in result.needs_evidence]
    )
