"""The walk of a response against its tool (answers.py): answer slots and stray answers."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from audit_tool import Tool, load_tool
from audit_tool.responses import stray_answers, walk_answers
from audit_tool.responses.answers import questions_reading
from audit_tool.responses.response import read_response

from conftest import DATA
from strategies import tool_data

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
    loaded = read_response(text=
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
    loaded = read_response(text=
        HEAD + '  agency_involved: "no"\n  involvement_start: 2026-01-05\n'
        "  meetings:\n    - {meeting_type: icpc, attended: \"yes\"}\n"
    )
    assert loaded.response is not None
    assert list(stray_answers(MINI, loaded.response)) == []


GROUPED = load_tool(text="""\
id: grouped
version: 1.0.0
title: Grouped
theme: Neglect
scales:
  - id: yes_no
    title: Yes / no
    options: [{value: "yes", label: "Yes"}, {value: "no", label: "No"}]
sections:
  - id: meetings
    title: Meetings
    questions:
      - id: held
        type: single_choice
        scale: yes_no
        text: Were meetings held?
      - id: meetings
        type: group
        text: Each meeting.
        when: {question: held, equals: "yes"}
        questions:
          - id: attended
            type: single_choice
            scale: yes_no
            text: Attended?
""")


def _slots(text: str) -> list[tuple[str, str, str, str | None, bool, bool]]:
    loaded = read_response(text="tool: {id: grouped, version: 1.0.0}\ncase: C1\nagency: police\n"
                            + text)
    assert loaded.response is not None
    assert loaded.document is not None
    return [(s.question.id, s.pointer, s.value_pointer, s.entry_pointer, s.applies,
             s.group_applies)
            for s in walk_answers(GROUPED, loaded.response, loaded.document.data)]


def test_slots_say_where_the_value_and_the_entry_stand() -> None:
    """A bare answer's value stands at its key, a full one's under 'value'; a sub-question's
    slot names its entry, in the form the group's answer is written in."""
    assert _slots(
        'answers:\n  held: {value: "yes"}\n  meetings:\n    value:\n'
        '      - {attended: "no"}\n      - {attended: {value: "yes"}}\n'
    ) == [
        ("held", "/answers/held", "/answers/held/value", None, True, True),
        ("meetings", "/answers/meetings", "/answers/meetings/value", None, True, True),
        ("attended", "/answers/meetings/value/0/attended", "/answers/meetings/value/0/attended",
         "/answers/meetings/value/0", True, True),
        ("attended", "/answers/meetings/value/1/attended",
         "/answers/meetings/value/1/attended/value", "/answers/meetings/value/1", True, True),
    ]


def test_sub_question_slots_say_when_their_group_does_not_apply() -> None:
    """In a group whose condition does not hold, sub-question slots neither apply nor have
    their group apply; the group's slot alone says it does not apply."""
    assert _slots('answers:\n  held: "no"\n  meetings:\n    - {attended: "no"}\n') == [
        ("held", "/answers/held", "/answers/held", None, True, True),
        ("meetings", "/answers/meetings", "/answers/meetings", None, False, True),
        ("attended", "/answers/meetings/0/attended", "/answers/meetings/0/attended",
         "/answers/meetings/0", False, False),
    ]


def test_questions_reading_follows_conditions_and_groups() -> None:
    """The given ids, the questions whose conditions read them (through others too) and a
    group's sub-questions, with what reads those; nothing for no ids."""
    assert questions_reading(MINI, ["home_seen"]) == {
        "home_seen", "concerns", "concern_detail", "days_between", "hours_spent", "home_recorded",
    }
    assert questions_reading(MINI, ["meetings"]) == {
        "meetings", "meeting_type", "meeting_date", "attended", "report_sent", "meeting_notes",
    }
    assert questions_reading(MINI, ["attended", "not_a_question"]) == {
        "attended", "report_sent", "not_a_question",
    }
    assert questions_reading(MINI, []) == frozenset()


def _fixpoint(tool: Tool, ids: set[str]) -> set[str]:
    """The same closure, worked out the slow way: add readers and sub-questions until
    nothing changes."""
    found = set(ids)
    while True:
        more = {
            ref.question.id for ref in tool.iter_questions()
            if (ref.group is not None and ref.group.id in found)
            or (ref.question.when is not None
                and any(t in found for t, _p, _c in ref.question.when.references()))
        } - found
        if not more:
            return found
        found |= more


@given(tool_data(), st.data())
def test_questions_reading_is_the_closure_of_readers_and_groups(
    data: dict[str, Any], draw: Any
) -> None:
    """On any tool, for any ids, questions_reading is the fixpoint of adding readers and
    sub-questions."""
    tool = Tool.model_validate(data)
    ids = [ref.question.id for ref in tool.iter_questions()]
    chosen = set(draw.draw(st.lists(st.sampled_from(ids), max_size=3)))
    assert questions_reading(tool, chosen) == _fixpoint(tool, chosen)
