"""What a tool works out once (question numbers) is what working it out each time gives."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from audit_tool import Tool, load_tool
from audit_tool.authoring import question_numbers
from audit_tool.authoring.describe import Wording, number_questions
from audit_tool.authoring.saving import to_yaml
from audit_tool.authoring.tool import GroupQuestion
from audit_tool.versions import diff
from audit_tool.versions.render import diff_json

from evolution import evolutions
from strategies import tool_data


def _reference_numbers(tool: Tool) -> dict[str, str]:
    """Section and place, a letter for each sub-question; the first use of an id wins."""
    numbers: dict[str, str] = {}
    for s, section in enumerate(tool.sections, start=1):
        for q, question in enumerate(section.questions, start=1):
            numbers.setdefault(question.id, f"{s}.{q}")
            if isinstance(question, GroupQuestion):
                for k, sub in enumerate(question.questions):
                    numbers.setdefault(sub.id, f"{s}.{q}{'abcdefghijklmnopqrstuvwxyz'[k]}")
    return numbers


@given(tool_data())
def test_question_numbers_kept_on_the_tool_are_the_worked_out_ones(data: dict[str, Any]) -> None:
    """question_numbers and both wordings give the straightforward numbering of a tool."""
    tool = load_tool(text=to_yaml(data))
    expected = _reference_numbers(tool)
    assert question_numbers(tool) == expected
    assert dict(Wording.form(tool).numbers) == expected
    assert dict(Wording.file(tool).numbers) == expected


@given(tool_data())
def test_a_changed_copy_numbers_its_own_questions(data: dict[str, Any]) -> None:
    """A copy with other sections is numbered afresh, not with the original's numbers."""
    tool = load_tool(text=to_yaml(data))
    question_numbers(tool)  # worked out and kept on the original
    copied = tool.model_copy(update={"sections": list(reversed(tool.sections))})
    assert question_numbers(copied) == _reference_numbers(copied)


def test_question_numbers_hands_out_a_copy() -> None:
    """Changing the dict question_numbers returns leaves the tool's own numbers alone."""
    tool = load_tool(text=to_yaml(_one_question_tool()))
    question_numbers(tool)["q1"] = "9.9"
    assert question_numbers(tool) == {"q1": "1.1"}


def _one_question_tool() -> dict[str, Any]:
    return {
        "id": "t", "version": "1.0.0", "title": "T", "theme": "Neglect",
        "sections": [{"id": "s", "title": "S", "questions": [
            {"id": "q1", "type": "text", "text": "Q?"}]}],
        "changelog": [{"version": "1.0.0", "date": "2026-01-01", "changes": ["First."]}],
    }


@given(evolutions())
def test_diff_with_numbers_kept_is_diff_with_numbers_worked_out(pair: tuple[Tool, Tool]) -> None:
    """diff gives the same changes whether question numbers are kept or worked out each time."""
    old, new = pair
    kept = diff_json(diff(old, new))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Tool, "_question_numbers", property(number_questions))
        worked_out = diff_json(diff(old.model_copy(), new.model_copy()))
    assert kept == worked_out
