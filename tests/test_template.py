"""Blank response templates: YAML the loader reads, commented for auditors, fillable."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from audit_tool import Tool, load_tool, validate_response
from audit_tool.authoring import (
    DateQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    SingleChoiceQuestion,
    TextQuestion,
)
from audit_tool.authoring.saving import to_yaml
from audit_tool.authoring.tool import AnyQuestion
from audit_tool.responses.response import Period, read_response
from audit_tool.responses.template import blank_response, paragraphs, yaml_scalar

from conftest import ROOT, CliResult

V1 = ROOT / "tools" / "neglect_v1.yaml"
V2 = ROOT / "tools" / "neglect_v2.yaml"
PERIOD = Period(start=datetime.date(2016, 11, 1), end=datetime.date(2017, 4, 30))
TODAY = datetime.date(2017, 5, 10)


def _data(text: str) -> dict[str, Any]:
    loaded = read_response(text=text)
    assert loaded.document is not None
    data = loaded.document.data
    assert isinstance(data, dict)
    return data


# --- the fill logic: the first allowed answer everywhere the question applies ----------------


def _first_answer(tool: Tool, question: AnyQuestion) -> Any:
    """The first allowed answer of a (non-group) question."""
    if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        scale = tool.scale_of(question)
        assert scale is not None
        if isinstance(question, MultipleChoiceQuestion):
            return list(scale.values[: max(question.min_selected or 1, 1)])
        return scale.values[0]
    if isinstance(question, TextQuestion):
        return "Synthetic answer for a test."
    if isinstance(question, DateQuestion):
        return "2017-03-01"
    if isinstance(question, NumberQuestion):
        low = question.minimum if question.minimum is not None else 0
        return int(low) if question.integer else low
    raise AssertionError(f"no first answer for {question.type}")


def _fill_slot(slot: Any, question: AnyQuestion, value: Any) -> Any:
    """Write ``value`` into the template's slot: bare, or value and evidence in the full form."""
    if isinstance(slot, dict):
        slot["value"] = value
        needs = question.evidence is not None and question.evidence.requires(value)
        slot["evidence"] = "Synthetic evidence for a test." if needs else None
        return slot
    assert slot is None, f"{question.id}: the template's slot is not blank"
    return value


def _fill(tool: Tool, answers: dict[str, Any]) -> None:
    """Fill the template's answers in place, in order, skipping questions that do not apply."""
    values: dict[str, Any] = {}
    for section in tool.sections:
        for question in section.questions:
            assert question.id in answers, f"{question.id} missing from the template"
            if question.when is not None and not question.when.evaluate(values):
                continue
            if isinstance(question, GroupQuestion):
                entries = answers[question.id]
                assert isinstance(entries, list)
                assert len(entries) == 1
                entry = entries[0]
                seen: dict[str, Any] = {}
                for sub in question.questions:
                    assert sub.id in entry, f"{sub.id} missing from the template's entry"
                    if sub.when is not None and not sub.when.evaluate({**values, **seen}):
                        continue
                    seen[sub.id] = _first_answer(tool, sub)
                    entry[sub.id] = _fill_slot(entry[sub.id], sub, seen[sub.id])
                values[question.id] = entries
                continue
            values[question.id] = _first_answer(tool, question)
            answers[question.id] = _fill_slot(answers[question.id], question, values[question.id])


def _complete_header(data: dict[str, Any]) -> None:
    """What the auditor writes at the top besides the prefilled case, agency and period."""
    data["round"] = "2017-05-neglect"
    data["auditor_role"] = "Safeguarding lead"
    data["completed"] = "2017-05-02"


# --- tests --------------------------------------------------------------------------------


def test_blank_template_reads_with_only_the_header_left_to_fill() -> None:
    """The blank v2 template is read by the response loader; only the case and agency (which
    identify a return, so even a draft needs them) are reported, and no answer."""
    loaded = read_response(text=blank_response(load_tool(V2)))
    assert sorted(p.pointer for p in loaded.problems) == ["/agency", "/case"]


def test_a_draft_with_case_and_agency_loads_and_validation_lists_what_is_left() -> None:
    """With only the case and agency written, the template loads as a draft; validation reports
    the missing period and other metadata as missing-metadata, not as shape errors."""
    text = blank_response(load_tool(V2)).replace("case:    ", "case: C1").replace(
        "agency:  ", "agency: police"
    )
    loaded = read_response(text=text)
    assert loaded.problems == []
    assert loaded.response is not None
    assert loaded.response.period is None
    codes = {(p.code, p.pointer) for p in validate_response(load_tool(V2), loaded, today=TODAY)}
    assert ("missing-metadata", "/period") in codes


def test_prefilled_template_is_a_valid_response_shape() -> None:
    """With case, agency, round and period prefilled the template reads with no problem."""
    text = blank_response(
        load_tool(V2), audit_round="2017-05-neglect", case="C1", agency="police", period=PERIOD
    )
    loaded = read_response(text=text)
    assert loaded.problems == []
    assert loaded.response is not None
    assert loaded.response.tool.ref == "neglect@2.0.0"
    assert (loaded.response.case, loaded.response.agency) == ("C1", "police")
    assert loaded.response.round == "2017-05-neglect"
    assert loaded.response.period == PERIOD


@pytest.mark.parametrize("path", [V1, V2], ids=["v1", "v2"])
def test_template_has_a_blank_slot_for_every_question(path: Path) -> None:
    """Every top-level question has a key under answers, and a group's one entry has a key
    for every sub-question."""
    tool = load_tool(path)
    answers = _data(blank_response(tool))["answers"]
    top = [r.question.id for r in tool.iter_questions() if r.group is None]
    assert list(answers) == top
    for ref in tool.iter_questions():
        if isinstance(ref.question, GroupQuestion):
            (entry,) = answers[ref.question.id]
            assert list(entry) == [q.id for q in ref.question.questions]


@pytest.mark.parametrize("path", [V1, V2], ids=["v1", "v2"])
def test_filled_with_first_allowed_answers_the_template_is_complete(path: Path) -> None:
    """Filled with each question's first allowed answer wherever it applies, the template is a
    complete response: validate_response finds no error and no warning."""
    tool = load_tool(path)
    data = _data(blank_response(tool, case="C1", agency="police", period=PERIOD))
    _fill(tool, data["answers"])
    _complete_header(data)
    loaded = read_response(text=to_yaml(data))
    assert validate_response(tool, loaded, today=TODAY) == []


def test_filled_v2_template_follows_the_conditions() -> None:
    """In the filled v2 template, questions whose condition fails stay blank and the
    conditional ones that hold are answered (first answers: children's social care, early help,
    child seen, attended with named actions)."""
    tool = load_tool(V2)
    data = _data(blank_response(tool, case="C1", agency="police", period=PERIOD))
    _fill(tool, data["answers"])
    loaded = read_response(text=to_yaml(data))
    assert loaded.response is not None
    answers = loaded.response.answers
    assert answers["school_records"].value is None
    assert answers["think_family"].value is None
    assert answers["progress_measured"].value is None
    assert answers["child_seen_alone"].value == "yes"
    (meeting,) = answers["meetings"].entries
    assert meeting["meeting_type"].value == "strategy_discussion"
    assert meeting["meeting_actions_done"].value == "yes"


def test_filled_template_missing_an_answer_and_evidence_is_not_complete() -> None:
    """The same fill with one required answer blanked and one piece of evidence removed gives
    exactly those two errors, so the completeness test above can fail. (The attendance change
    also leaves two answers where they no longer apply: warnings, not errors.)"""
    tool = load_tool(V2)
    data = _data(blank_response(tool, case="C1", agency="police", period=PERIOD))
    _fill(tool, data["answers"])
    _complete_header(data)
    data["answers"]["drift"]["value"] = None
    data["answers"]["meetings"][0]["meeting_attendance"]["evidence"] = None
    data["answers"]["meetings"][0]["meeting_attendance"]["value"] = "did_not_attend"
    loaded = read_response(text=to_yaml(data))
    problems = validate_response(tool, loaded, today=TODAY)
    errors = sorted((p.code, p.pointer) for p in problems if p.is_error)
    assert errors == [
        ("evidence-missing", "/answers/meetings/0/meeting_attendance"),
        ("missing-answer", "/answers/drift"),
    ]


def test_comments_give_text_allowed_answers_condition_and_evidence() -> None:
    """Above each answer the comments give the number and text, each allowed value with its
    label and score, the condition in words and when evidence is required."""
    text = blank_response(load_tool(V2))
    expected = """\
  # 3.3 Do school records go beyond attainment to record signs of neglect in the child's
  #     daily life?
  #     Answer if agency_type (1.1) is 'education'.
  #     Guidance: Attendance and punctuality, hunger, hygiene and clothing, friendships
  #       and emotional wellbeing, and what the school did about them.
  #     Answer: one of these values:
  #       "yes"           Yes (2 points)
  #       partly          Partly (1 point)
  #       "no"            No (0 points)
  #       not_applicable  Not applicable (not scored)
  #     Evidence required when the answer is 'no' or 'partly'.
  school_records:
    value:
    evidence:
"""
    assert expected in text
    assert (
        "      # 7.1e Did your agency contribute to the decision and the plan?\n"
        "      #      Answer if meeting_attendance (7.1c) is 'attended' or\n"
        "      #        'apologies_with_report'.\n"
    ) in text


def test_yaml_scalar_quotes_what_a_reader_could_misread() -> None:
    """Option values that YAML 1.1 reads as booleans, numbers or versions are quoted."""
    shown = [yaml_scalar(v) for v in ("partly", "yes", "No", "off", "2.0.0", "5_to_11", "C1")]
    assert shown == ["partly", '"yes"', '"No"', '"off"', '"2.0.0"', '"5_to_11"', "C1"]


def test_prefill_refuses_a_case_reference_that_is_not_pseudonymised() -> None:
    """A case reference with a space (a name, perhaps) cannot be prefilled."""
    with pytest.raises(ValueError, match="cannot prefill case"):
        blank_response(load_tool(V2), case="Jane Smith")


def test_cli_template_writes_the_file_given(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    """'template -o FILE' writes the same template the library gives, and nothing to stdout."""
    out = tmp_path / "returns" / "C1_police.yaml"
    result = cli(
        "template", str(V2), "--case", "C1", "--agency", "police",
        "--period", "2016-11-01", "2017-04-30", "-o", str(out),
    )
    assert (result.code, result.out, result.err) == (0, "", "")
    tool = load_tool(V2)
    assert out.read_text(encoding="utf-8") == blank_response(
        tool, case="C1", agency="police", period=PERIOD
    )


def test_cli_template_of_a_bad_tool_gives_its_problems(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """A tool with errors gives check's problems on stderr, nothing on stdout, and exit 1."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nversion: 1.0.0\ntitle: t\ntheme: t\nsections: []\n", encoding="utf-8")
    result = cli("template", str(bad))
    assert (result.code, result.out) == (1, "")
    assert f"{bad}:5:11: error[" in result.err


def test_cli_template_of_a_building_block_says_it_is_not_a_tool(
    cli: Callable[..., CliResult],
) -> None:
    """A building block given as TOOL gives a not-a-tool problem and exit 1."""
    result = cli("template", str(ROOT / "tools" / "shared" / "judgement.yaml"))
    assert result.code == 1
    assert "error[not-a-tool]" in result.err


def test_cli_template_of_a_missing_file_exits_2(cli: Callable[..., CliResult]) -> None:
    """A TOOL that cannot be read exits 2 with a file-unreadable problem, never a traceback."""
    result = cli("template", "no/such/tool.yaml")
    assert result.code == 2
    assert "error[file-unreadable]" in result.err


def test_cli_template_rejects_a_period_that_ends_before_it_starts(
    cli: Callable[..., CliResult],
) -> None:
    """--period with the end before the start is a usage error (exit 2)."""
    result = cli("template", str(V2), "--period", "2017-04-30", "2016-11-01")
    assert (result.code, result.out) == (2, "")
    assert "start is after the end" in result.err


def test_cli_template_reports_problems_as_json_on_request(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """With --format json, a bad tool's problems are check's JSON report, on stderr."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\n", encoding="utf-8")
    result = cli("template", str(bad), "--format", "json")
    assert (result.code, result.out) == (1, "")
    report = json.loads(result.err)
    assert report["ok"] is False
    assert {p["code"] for p in report["files"][0]["problems"]} == {"missing-field"}


def test_paragraphs_split_at_blank_lines_and_join_lines() -> None:
    """Text splits at blank lines (spaces on them too); each paragraph becomes one line."""
    assert paragraphs("  One\n  two.\n \t\nThree.\n\n\n") == ["One two.", "Three."]
    assert paragraphs(" \n ") == []
