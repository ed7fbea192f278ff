"""Privacy: no output of 'audit-tool validate' repeats case data from a response.

A marker is planted in every free-text field of generated responses (the case
reference, round, auditor role, text answers, evidence, unplaced answers) and
in wrong values typed into choice, number and date questions; each response
is then damaged in one targeted way. Neither text nor JSON output may
contain the marker.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from audit_tool import GroupQuestion, TextQuestion, Tool, dump_tool
from audit_tool.cli import main
from audit_tool.saving import to_yaml

from strategies import mutated_response, response_data, tool_data

MARKER = "ZQX-9"


def _plant(tool: Tool, data: dict[str, Any], draw: Any) -> None:
    data["case"] = MARKER
    data["round"] = f"{MARKER} round"
    data["auditor_role"] = f"{MARKER} role"
    data["unplaced_answers"] = {"old_question": {"value": MARKER, "evidence": MARKER}}
    answers = data["answers"]
    for ref in tool.iter_questions():
        if ref.group is not None or ref.question.id not in answers:
            continue
        places = [(ref.question, answers)]
        if isinstance(ref.question, GroupQuestion):
            raw = answers[ref.question.id]
            entries = raw.get("value") if isinstance(raw, dict) else raw
            places += [(q, e) for e in entries or [] for q in ref.question.questions if q.id in e]
        for question, container in places:
            raw = container[question.id]
            full = dict(raw) if isinstance(raw, dict) else {"value": raw}
            full["evidence"] = f"{MARKER} evidence"
            limit = question.max_length if isinstance(question, TextQuestion) else None
            if isinstance(question, TextQuestion) and (limit is None or limit >= len(MARKER)):
                full["value"] = MARKER
            elif not isinstance(question, GroupQuestion) and draw(st.integers(0, 3)) == 0:
                full["value"] = f"{MARKER} typed where it does not belong"
            container[question.id] = full


@st.composite
def planted_responses(draw: Any) -> tuple[Tool, dict[str, Any]]:
    tool = Tool.model_validate(draw(tool_data()))
    data = draw(response_data(tool))
    _plant(tool, data, draw)
    damaged, _code = draw(mutated_response(tool, data))
    return tool, damaged


@given(case=planted_responses())
def test_no_output_repeats_planted_case_data(
    case: tuple[Tool, dict[str, Any]], tmp_path_factory: Any
) -> None:
    """Text and JSON output of 'validate' never contain the marker planted in free text."""
    tool, data = case
    folder: Path = tmp_path_factory.mktemp("privacy")
    (folder / "tool.yaml").write_text(dump_tool(tool), encoding="utf-8")
    (folder / "r.yaml").write_text(to_yaml(data), encoding="utf-8")
    for fmt in ("text", "json"):
        out, err = io.StringIO(), io.StringIO()
        code = main(["validate", "--tool", str(folder / "tool.yaml"), str(folder / "r.yaml"),
                     "--format", fmt], out, err)
        assert code in (0, 1)
        assert MARKER.lower() not in (out.getvalue() + err.getvalue()).lower()
