"""The shipped tools: neglect v1 and v2 and the shared building blocks in tools/."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from audit_tool import check_tool, load_tool, standard_catalogue
from audit_tool._yaml import DEFAULT_LIMITS, read_document
from audit_tool.authoring import GroupQuestion, SingleChoiceQuestion

from conftest import ROOT, SHIPPED_TOOLS

TOOLS = ROOT / "tools"
# The shipped files only: a draft scaffolded into tools/ is not the project's to test.
TOOL_FILES = sorted([*(TOOLS / name for name in SHIPPED_TOOLS), *(TOOLS / "shared").glob("*.yaml")])
V1 = TOOLS / "neglect_v1.yaml"
V2 = TOOLS / "neglect_v2.yaml"


def test_tools_folder_holds_both_versions_and_the_building_blocks() -> None:
    """tools/ has the two neglect versions and the four shared building blocks."""
    names = {str(p.relative_to(TOOLS)) for p in TOOL_FILES}
    assert {
        "neglect_v1.yaml",
        "neglect_v2.yaml",
        "shared/scales.yaml",
        "shared/case_context.yaml",
        "shared/meeting_attendance.yaml",
        "shared/judgement.yaml",
    } <= names


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: str(p.relative_to(TOOLS)))
def test_every_tool_file_checks_with_no_problems(path: Path) -> None:
    """Each file in tools/ gives no problem at all, warnings included."""
    assert check_tool(path) == []


@pytest.mark.parametrize("path", TOOL_FILES, ids=lambda p: str(p.relative_to(TOOLS)))
def test_every_tool_file_validates_against_the_json_schema(path: Path) -> None:
    """Each file in tools/ is valid under schemas/audit-tool.schema.json, read by jsonschema."""
    schema = json.loads((ROOT / "schemas" / "audit-tool.schema.json").read_text(encoding="utf-8"))
    document, problems = read_document(path, DEFAULT_LIMITS)
    assert problems == []
    assert document is not None
    errors = jsonschema.Draft202012Validator(schema).iter_errors(document.data)
    assert [e.message for e in errors] == []


def test_versions_are_one_and_two() -> None:
    """v1 is neglect 1.0.0, v2 is neglect 2.0.0: the same tool id across versions."""
    v1, v2 = load_tool(V1), load_tool(V2)
    assert (v1.ref, v2.ref) == ("neglect@1.0.0", "neglect@2.0.0")


def test_v1_asks_the_original_plan_question_on_yes_partly_no() -> None:
    """v1 keeps 'Is there an effective plan in place?', answered yes / partly / no."""
    v1 = load_tool(V1)
    ref = v1.question("effective_plan")
    assert ref is not None
    assert ref.question.text == "Is there an effective plan in place?"
    scale = v1.scale_of(ref.question)
    assert scale is not None
    assert scale.values[:3] == ("yes", "partly", "no")


def test_v1_has_no_meeting_scrutiny() -> None:
    """v1 has no repeatable group and no question about a particular kind of meeting."""
    v1 = load_tool(V1)
    assert not any(isinstance(r.question, GroupQuestion) for r in v1.iter_questions())
    assert v1.scale("meeting_type") is None


def test_v2_outcome_plan_question_replaces_v1_plan_question() -> None:
    """v2's outcome-focused plan question, and the questions on the plan, declare they replace
    v1's effective_plan, which v2 retires."""
    v2 = load_tool(V2)
    assert v2.question("effective_plan") is None
    assert "effective_plan" in v2.retired_ids
    ref = v2.question("outcome_plan")
    assert ref is not None
    assert ref.question.replaces == ["effective_plan"]
    assert "what must change for the child" in ref.question.text
    assert ref.question.themes == {"outcome_planning": 2}
    replacing = [
        r.question.id for r in v2.iter_questions() if "effective_plan" in r.question.replaces
    ]
    assert replacing == [
        "plan_from_assessment",
        "outcomes_child_focused",
        "outcomes_smart",
        "progress_measured",
        "contingency_plan",
        "child_views_in_plan",
        "outcome_plan",
    ]
    assert {r.section.id for r in v2.iter_questions() if r.question.id in replacing} == {"planning"}


def test_v2_meeting_group_covers_the_four_meeting_types() -> None:
    """v2 records meetings as a repeatable group typed by the four statutory meetings."""
    v2 = load_tool(V2)
    ref = v2.question("meetings")
    assert ref is not None
    assert isinstance(ref.question, GroupQuestion)
    group = ref.question
    assert group.min_entries == 0
    assert group.entry_label == "meeting"
    sub_ids = [q.id for q in group.questions]
    assert sub_ids[:3] == ["meeting_type", "meeting_date", "meeting_attendance"]
    meeting_type = group.questions[0]
    assert isinstance(meeting_type, SingleChoiceQuestion)
    scale = v2.scale(meeting_type.scale)
    assert scale is not None
    assert scale.values == ("strategy_discussion", "icpc", "core_group", "review_conference")
    attendance = v2.scale("attendance")
    assert attendance is not None
    assert attendance.values == (
        "attended",
        "apologies_with_report",
        "apologies_without_report",
        "did_not_attend",
        "not_invited",
    )


def test_v2_evidences_every_standard_theme_at_least_twice() -> None:
    """Every theme of the standard catalogue is evidenced by two or more v2 questions."""
    v2 = load_tool(V2)
    counts = Counter(theme for r in v2.iter_questions() for theme in r.question.themes)
    assert {t.id: counts[t.id] >= 2 for t in standard_catalogue().themes} == {
        t.id: True for t in standard_catalogue().themes
    }


def test_not_applicable_and_not_known_are_unscored() -> None:
    """In every scale of both versions, 'not applicable' and 'not known' options carry no score."""
    for path in (V1, V2):
        for scale in load_tool(path).scales:
            for option in scale.options:
                if option.value in {"not_applicable", "not_known"}:
                    assert option.score is None, f"{scale.id}.{option.value}"


def test_every_v1_question_is_kept_by_id_or_retired_in_v2() -> None:
    """A v1 question id is either a v2 question (the same question) or in v2's retired_ids."""
    v1, v2 = load_tool(V1), load_tool(V2)
    v1_ids = {r.question.id for r in v1.iter_questions()}
    v2_ids = {r.question.id for r in v2.iter_questions()}
    assert v1_ids - v2_ids == set(v2.retired_ids)


def test_v2_changelog_cites_the_learning() -> None:
    """v2's changelog entry for 2.0.0 names the audit's learning that drove the changes."""
    v2 = load_tool(V2)
    entry = next(e for e in v2.changelog if e.version == "2.0.0")
    text = " ".join(entry.changes)
    assert "5.9" in text
    assert "5.11" in text
    assert "effective_plan" in text
