"""The broken-response corpus in tests/data/responses/: each file and the one problem it gives.

Files are responses to the small test tool ``tests/data/response_tools/home_visits.yaml``
(one question of each kind), or, when named ``neglect_v2_*``, to ``tools/neglect_v2.yaml``.
Files under ``warnings/`` give a warning only; the others an error. The free text in
them (case references, rounds, auditor roles, answers, evidence) is marked SECRET, which no
output may repeat.
"""

from __future__ import annotations

from pathlib import Path

from audit_tool import Tool, load_tool

from conftest import DATA, ROOT

CORPUS = DATA / "responses"
HOME_VISITS = DATA / "response_tools" / "home_visits.yaml"
NEGLECT_V2 = ROOT / "tools" / "neglect_v2.yaml"

# file, code, line, column, pointer
EXPECTED: list[tuple[str, str, int, int, str]] = [
    # a blank value stands right after its key, not at the next question's line
    ("blank_answer.yaml", "missing-answer", 10, 19, "/answers/home_conditions"),
    # and a blank list item right after its dash
    ("blank_list_item.yaml", "wrong-type", 13, 6, "/answers/concerns_seen/1"),
    ("answer_with_unknown_field.yaml", "unknown-field", 12, 5, "/answers/home_conditions/comment"),
    ("case_is_a_name.yaml", "invalid-value", 4, 7, "/case"),
    ("completed_before_period_ends.yaml", "completed-before-period-ends", 7, 12, "/completed"),
    ("completed_in_future.yaml", "date-in-future", 7, 12, "/completed"),
    ("date_in_future.yaml", "date-in-future", 13, 15, "/answers/last_visit"),
    ("duplicate_choice.yaml", "duplicate-choice", 11, 38, "/answers/concerns_seen/2"),
    ("evidence_blank.yaml", "evidence-missing", 19, 5, "/answers/summary"),
    ("evidence_date_in_future.yaml", "date-in-future", 21, 20, "/answers/summary/evidence_date"),
    ("evidence_missing.yaml", "evidence-missing", 10, 20, "/answers/home_conditions"),
    ("evidence_missing_in_entry.yaml", "evidence-missing", 17, 20,
     "/answers/visits/0/child_alone"),
    ("evidence_missing_multiple.yaml", "evidence-missing", 11, 18, "/answers/concerns_seen"),
    ("exclusive_choice.yaml", "exclusive-choice", 11, 19, "/answers/concerns_seen/0"),
    ("fingerprint_mismatch.yaml", "fingerprint-mismatch", 5, 16, "/tool/fingerprint"),
    ("missing_answer.yaml", "missing-answer", 10, 3, "/answers/home_conditions"),
    ("missing_answer_in_entry.yaml", "missing-answer", 15, 7, "/answers/visits/0/child_seen"),
    ("missing_auditor_role.yaml", "missing-metadata", 6, 15, "/auditor_role"),
    ("missing_completed.yaml", "missing-metadata", 2, 1, "/completed"),
    ("missing_group.yaml", "missing-answer", 10, 3, "/answers/visits"),
    ("missing_period.yaml", "missing-metadata", 2, 1, "/period"),
    ("neglect_v2_condition_holds_unanswered.yaml", "missing-answer", 11, 3,
     "/answers/school_records"),
    ("neglect_v2_meeting_not_invited_no_evidence.yaml", "evidence-missing", 53, 27,
     "/answers/meetings/0/meeting_attendance"),
    ("neglect_v2_retired_question.yaml", "unknown-answer", 47, 3, "/answers/effective_plan"),
    ("not_a_whole_number.yaml", "not-a-whole-number", 14, 23, "/answers/days_since_contact"),
    ("number_out_of_range.yaml", "number-out-of-range", 14, 21, "/answers/hours_of_support"),
    ("number_310_digits.yaml", "invalid-number", 14, 21, "/answers/hours_of_support"),
    ("number_infinite.yaml", "invalid-number", 14, 21, "/answers/hours_of_support"),
    ("number_beyond_bound.yaml", "number-out-of-range", 14, 21, "/answers/hours_of_support"),
    ("option_not_in_scale.yaml", "option-not-in-scale", 10, 20, "/answers/home_conditions"),
    ("option_not_in_scale_multiple.yaml", "option-not-in-scale", 11, 28,
     "/answers/concerns_seen/1"),
    ("period_start_after_end.yaml", "period-start-after-end", 8, 17, "/period/start"),
    ("sub_question_outside_group.yaml", "unknown-answer", 14, 3, "/answers/visit_on"),
    ("text_too_long.yaml", "text-too-long", 12, 20, "/answers/concern_details"),
    ("timestamp_for_date.yaml", "wrong-type", 7, 12, "/completed"),
    ("too_few_choices.yaml", "too-few-choices", 13, 20, "/answers/support_offered"),
    ("too_few_entries.yaml", "too-few-entries", 14, 11, "/answers/visits"),
    ("too_many_choices.yaml", "too-many-choices", 12, 12, "/answers/concerns_seen/value"),
    ("too_many_entries.yaml", "too-many-entries", 15, 5, "/answers/visits"),
    ("unknown_answer.yaml", "unknown-answer", 14, 3, "/answers/days_since_contct"),
    ("unknown_answer_in_entry.yaml", "unknown-answer", 18, 7, "/answers/visits/0/seen_alone"),
    ("warnings/agency_looks_like_a_postcode.yaml", "looks-identifying", 5, 9, "/agency"),
    ("warnings/case_looks_like_a_date.yaml", "looks-identifying", 4, 7, "/case"),
    ("warnings/case_looks_like_nhs_number.yaml", "looks-identifying", 4, 7, "/case"),
    ("warnings/role_is_a_name.yaml", "looks-identifying", 6, 15, "/auditor_role"),
    ("warnings/evidence_before_period.yaml", "evidence-before-period", 21, 20,
     "/answers/summary/evidence_date"),
    ("warnings/neglect_v2_historical_evidence.yaml", "evidence-before-period", 55, 20,
     "/answers/child_voice_recorded/evidence_date"),
    ("warnings/unexpected_answer.yaml", "unexpected-answer", 12, 20, "/answers/concern_details"),
    ("warnings/unexpected_answer_in_entry.yaml", "unexpected-answer", 17, 20,
     "/answers/visits/0/child_alone"),
    ("wrong_tool.yaml", "wrong-tool", 2, 12, "/tool/id"),
    ("wrong_tool_version.yaml", "wrong-tool-version", 2, 34, "/tool/version"),
    ("wrong_type_bool_for_number.yaml", "answer-wrong-type", 14, 21, "/answers/hours_of_support"),
    ("wrong_type_bool_for_option.yaml", "answer-wrong-type", 10, 20, "/answers/home_conditions"),
    ("wrong_type_date.yaml", "answer-wrong-type", 13, 15, "/answers/last_visit"),
    ("wrong_type_entry.yaml", "answer-wrong-type", 15, 7, "/answers/visits/0"),
    ("wrong_type_group.yaml", "answer-wrong-type", 14, 11, "/answers/visits"),
    ("wrong_type_impossible_date.yaml", "answer-wrong-type", 13, 15, "/answers/last_visit"),
    ("wrong_type_multiple.yaml", "answer-wrong-type", 11, 18, "/answers/concerns_seen"),
    ("wrong_type_number.yaml", "answer-wrong-type", 14, 23, "/answers/days_since_contact"),
    ("wrong_type_text.yaml", "answer-wrong-type", 12, 20, "/answers/concern_details"),
]


def tool_file(name: str) -> Path:
    """The tool the corpus file ``name`` answers."""
    return NEGLECT_V2 if Path(name).name.startswith("neglect_v2") else HOME_VISITS


_TOOLS: dict[Path, Tool] = {}


def corpus_tool(name: str) -> Tool:
    """The loaded tool the corpus file ``name`` answers (loaded once)."""
    path = tool_file(name)
    if path not in _TOOLS:
        _TOOLS[path] = load_tool(path)
    return _TOOLS[path]
