"""The walk of a response against its tool (answers.py): answer slots and stray answers."""

from __future__ import annotations

from audit_tool import load_tool, stray_answers
from audit_tool.response import parse_response

from conftest import DATA

MINI = load_tool(DATA / "fhir" / "mini_tool.yaml")
HEAD = """\
tool: {id: fhir_mini, version: 1.2.0}
case: C9
agency: police
answers:
"""


def test_stray_answers_are_the_keys_no_question_takes_where_they_stand() -> None:
    """Unknown keys, a sub-question answered at the top and a top-level question answered in
    an entry are stray, with the question asked elsewhere and the entry; pointers follow the
    form each group's answer is written in (bare or full)."""
    loaded = parse_response(
        HEAD
        + '  no_such: "yes"\n'
        + '  home_seen: "yes"\n'
        + '  attended: "yes"\n'
        + "  meetings:\n"
        + "    value:\n"
        + '      - {meeting_type: icpc, home_seen: "no"}\n'
        + "      - {meeting_type: icpc, Free text: x}\n"
    )
    assert loaded.response is not None
    assert loaded.document is not None
    found = [
        (s.key, s.pointer, s.owner.question.id if s.owner else None,
         s.group.id if s.group else None, s.entry)
        for s in stray_answers(MINI, loaded.response, loaded.document.data)
    ]
    assert found == [
        ("no_such", "/answers/no_such", None, None, None),
        ("attended", "/answers/attended", "attended", None, None),
        ("home_seen", "/answers/meetings/value/0/home_seen", "home_seen", "meetings", 0),
        ("Free text", "/answers/meetings/value/1/Free text", None, "meetings", 1),
    ]


def test_a_response_that_answers_only_its_questions_has_no_stray_answers() -> None:
    """Answers under question ids, sub-answers in entries: nothing is stray, whether or not
    the questions apply."""
    loaded = parse_response(
        HEAD + '  agency_involved: "no"\n  involvement_start: 2026-01-05\n'
        "  meetings:\n    - {meeting_type: icpc, attended: \"yes\"}\n"
    )
    assert loaded.response is not None
    assert list(stray_answers(MINI, loaded.response)) == []
