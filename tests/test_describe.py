"""Tools in words: question numbers, conditions, answer kinds and evidence rules."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from audit_tool import Tool, load_tool
from audit_tool.authoring import Condition
from audit_tool.authoring.describe import (
    Wording,
    describe_answer,
    describe_condition,
    describe_evidence,
    plural,
    question_numbers,
)

from conftest import ROOT

V2 = ROOT / "tools" / "neglect_v2.yaml"

SMALL = """\
id: small
version: 1.0.0
title: Small
theme: Testing
scales:
  - id: ynp
    title: Yes / partly / no
    options:
      - {value: "yes", label: "Yes", score: 2}
      - {value: partly, label: Partly, score: 1}
      - {value: "no", label: "No", score: 0}
  - id: concerns
    title: Concerns
    options:
      - {value: food, label: No food}
      - {value: heat, label: No heating}
      - {value: none, label: None of these, exclusive: true}
sections:
  - id: one
    title: One
    questions:
      - {id: seen, type: single_choice, scale: ynp, text: Seen?, themes: {recording: 1}}
      - {id: found, type: multiple_choice, scale: concerns, text: Found?, min_selected: 1}
      - {id: visits, type: number, integer: true, minimum: 0, unit: visits, text: How many?}
      - {id: when, type: date, text: When?}
      - id: rows
        type: group
        text: Rows
        entry_label: visit
        questions:
          - {id: row_date, type: date, text: Date}
          - {id: row_seen, type: single_choice, scale: ynp, text: Seen, themes: {recording: 1}}
      - id: last
        type: text
        text: Last?
        evidence: {required: true}
"""


@pytest.fixture(scope="module")
def small() -> Tool:
    """A small tool with every kind of question."""
    return load_tool(text=SMALL)


def test_numbers_follow_sections_and_letter_sub_questions() -> None:
    """v2's questions are numbered section.question; a group's sub-questions get letters."""
    numbers = question_numbers(load_tool(V2))
    assert numbers["agency_type"] == "1.1"
    assert numbers["chronology_current"] == "2.2"
    assert numbers["meetings"] == "7.1"
    assert [numbers[q] for q in ("meeting_type", "meeting_date", "meeting_actions_done")] == [
        "7.1a",
        "7.1b",
        "7.1g",
    ]


@pytest.mark.parametrize(
    ("condition", "form", "file"),
    [
        ({"question": "seen", "equals": "yes"}, '1.1 is "Yes"', "seen (1.1) is 'yes'"),
        (
            {"question": "seen", "in": ["yes", "partly"]},
            '1.1 is "Yes" or "Partly"',
            "seen (1.1) is 'yes' or 'partly'",
        ),
        (
            {"not": {"question": "seen", "equals": "no"}},
            '1.1 is not "No"',
            "seen (1.1) is not 'no'",
        ),
        (
            {"not": {"question": "seen", "in": ["yes", "no"]}},
            '1.1 is neither "Yes" nor "No"',
            "seen (1.1) is neither 'yes' nor 'no'",
        ),
        (
            {"not": {"question": "seen", "in": ["yes", "partly", "no"]}},
            '1.1 is none of "Yes", "Partly", "No"',
            "seen (1.1) is none of 'yes', 'partly', 'no'",
        ),
        (
            {"question": "found", "equals": "food"},
            '1.2 includes "No food"',
            "found (1.2) includes 'food'",
        ),
        ({"question": "visits", "equals": 3}, "1.3 is 3", "visits (1.3) is 3"),
        ({"question": "when", "answered": True}, "1.4 is answered", "when (1.4) is answered"),
        (
            {"question": "when", "answered": False},
            "1.4 is not answered",
            "when (1.4) is not answered",
        ),
        (
            {"not": {"question": "when", "answered": True}},
            "1.4 is not answered",
            "when (1.4) is not answered",
        ),
        (
            {"question": "rows", "answered": True},
            "at least one visit is recorded in 1.5",
            "at least one visit is recorded in rows (1.5)",
        ),
        (
            {"all": [{"question": "seen", "equals": "yes"},
                     {"any": [{"question": "visits", "equals": 1},
                              {"question": "when", "answered": True}]}]},
            '1.1 is "Yes" and (1.3 is 1 or 1.4 is answered)',
            "seen (1.1) is 'yes' and (visits (1.3) is 1 or when (1.4) is answered)",
        ),
        (
            {"not": {"any": [{"question": "seen", "equals": "yes"},
                             {"question": "visits", "equals": 1}]}},
            'not (1.1 is "Yes" or 1.3 is 1)',
            "not (seen (1.1) is 'yes' or visits (1.3) is 1)",
        ),
    ],
)
def test_conditions_in_words(
    small: Tool, condition: dict[str, object], form: str, file: str
) -> None:
    """Each condition form reads as a sentence: by number and label on a form, by id and
    value in a response file."""
    parsed = TypeAdapter(Condition).validate_python(condition)
    assert describe_condition(parsed, small, Wording.form(small)) == form
    assert describe_condition(parsed, small, Wording.file(small)) == file


def test_answer_kinds_in_words(small: Tool) -> None:
    """Each question type says what answer it takes."""
    kinds = {r.question.id: describe_answer(r.question) for r in small.iter_questions()}
    assert kinds == {
        "seen": "choose one",
        "found": "choose at least 1 option",
        "visits": "a whole number, 0 or more (visits)",
        "when": "a date (YYYY-MM-DD)",
        "rows": "one entry per visit: any number of visits",
        "row_date": "a date (YYYY-MM-DD)",
        "row_seen": "choose one",
        "last": "text",
    }


def test_evidence_rules_in_words() -> None:
    """Evidence rules read as a sentence naming the options, or say evidence is always needed."""
    tool = load_tool(V2)
    form, file = Wording.form(tool), Wording.file(tool)
    drift = tool.question("drift")
    grade = tool.question("overall_grade")
    plain = tool.question("chronology_analysed")
    assert drift is not None
    assert grade is not None
    assert plain is not None
    assert describe_evidence(drift.question, tool, form) == (
        'Evidence required when the answer is "No" or "Partly".'
    )
    assert describe_evidence(drift.question, tool, file) == (
        "Evidence required when the answer is 'no' or 'partly'."
    )
    assert describe_evidence(grade.question, tool, form) == "Evidence required."
    assert describe_evidence(plain.question, tool, form) is None


def test_plural_adds_an_s_to_every_count_but_one() -> None:
    """plural(n, noun): '1 answer', but '0 answers' and '2 answers'."""
    assert [plural(n, "answer") for n in (0, 1, 2)] == ["0 answers", "1 answer", "2 answers"]
