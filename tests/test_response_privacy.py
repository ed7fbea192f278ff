"""Privacy: no output of 'audit-tool validate' or 'export fhir --response' repeats case data.

A marker is planted in every free-text field of generated responses (the case
reference, round, auditor role, text answers, evidence, unplaced answers), in
answer keys (at the top, in group entries, under unplaced answers) and in
wrong values typed into choice, number and date questions; each response is
then damaged in one targeted way. Neither text nor JSON output may contain
the marker, except in a JSON problem's ``pointer``: a pointer names the place
of an answer, key and all, which is what it is for.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from audit_tool import GroupQuestion, TextQuestion, Tool, dump_tool
from audit_tool.cli import main
from audit_tool.saving import to_yaml

from strategies import entries_of, mutated_response, response_data, tool_data

MARKER = "ZQX-9"


def _places(tool: Tool, answers: dict[str, Any]) -> list[tuple[Any, dict[str, Any]]]:
    found: list[tuple[Any, dict[str, Any]]] = []
    for ref in tool.iter_questions():
        if ref.group is not None or ref.question.id not in answers:
            continue
        found.append((ref.question, answers))
        if isinstance(ref.question, GroupQuestion):
            raw = answers[ref.question.id]
            entries = raw.get("value") if isinstance(raw, dict) else raw
            if isinstance(entries, list):
                found += [(q, e) for e in entries if isinstance(e, dict)
                          for q in ref.question.questions if q.id in e]
    return found


def _plant_text(tool: Tool, data: dict[str, Any]) -> None:
    """The marker in every free-text field: case, round, role, text answers, evidence."""
    data["case"] = MARKER
    data["round"] = f"{MARKER}.round"
    data["auditor_role"] = f"{MARKER} role"
    data["unplaced_answers"] = {
        "old_question": {"value": MARKER, "evidence": MARKER},
        f"{MARKER} old key": {"value": "kept"},
    }
    for question, container in _places(tool, data["answers"]):
        raw = container[question.id]
        full = dict(raw) if isinstance(raw, dict) else {"value": raw}
        full["evidence"] = f"{MARKER} evidence"
        limit = question.max_length if isinstance(question, TextQuestion) else None
        if isinstance(question, TextQuestion) and (limit is None or limit >= len(MARKER)):
            full["value"] = MARKER
        container[question.id] = full
    _plant_keys(tool, data["answers"])


def _plant_keys(tool: Tool, answers: dict[str, Any]) -> None:
    """The marker as an answer key: at the top and in every group entry (any text can be a key)."""
    entries = [e for question, container in _places(tool, answers)
               if isinstance(question, GroupQuestion)
               for e in entries_of(container[question.id]) if isinstance(e, dict)]
    answers[f"{MARKER} key"] = "yes"
    for entry in entries:
        entry[f"{MARKER} entry key"] = "yes"


def _plant_values(tool: Tool, data: dict[str, Any], draw: Any) -> None:
    """The marker typed, now and then, where an option, a number or a date is due."""
    for question, container in _places(tool, data.get("answers", {})):
        if isinstance(question, (TextQuestion, GroupQuestion)) or draw(st.integers(0, 3)):
            continue
        raw = container[question.id]
        full = dict(raw) if isinstance(raw, dict) else {}
        full["value"] = f"{MARKER} typed where it does not belong"
        container[question.id] = full


@st.composite
def planted_responses(draw: Any) -> tuple[Tool, dict[str, Any]]:
    tool = Tool.model_validate(draw(tool_data()))
    data = draw(response_data(tool))
    _plant_text(tool, data)
    damaged, _code = draw(mutated_response(tool, data))
    _plant_values(tool, damaged, draw)
    if draw(st.booleans()):  # a round that is no reference: the response does not load whole
        damaged["round"] = f"{MARKER} round"
    return tool, damaged


@given(case=planted_responses())
def test_no_output_repeats_planted_case_data(
    case: tuple[Tool, dict[str, Any]], tmp_path_factory: Any
) -> None:
    """Text and JSON output of 'validate' and of 'export fhir --response' (which refuses to
    write the resource: an answer under an unknown key has no place) never contain the marker
    planted in free text and keys."""
    tool, data = case
    folder: Path = tmp_path_factory.mktemp("privacy")
    tool_file, response_file = str(folder / "tool.yaml"), str(folder / "r.yaml")
    (folder / "tool.yaml").write_text(dump_tool(tool), encoding="utf-8")
    (folder / "r.yaml").write_text(to_yaml(data), encoding="utf-8")
    for fmt in ("text", "json"):
        for argv in (["validate", "--tool", tool_file, response_file],
                     ["export", "fhir", "--response", response_file, "--tool", tool_file]):
            out, err = io.StringIO(), io.StringIO()
            code = main([*argv, "--format", fmt], out, err)
            assert code == 1 if argv[0] == "export" else code in (0, 1)
            shown = [_without_pointers(text) if fmt == "json" else text
                     for text in (out.getvalue(), err.getvalue())]
            assert all(MARKER.lower() not in text.lower() for text in shown)


def _without_pointers(text: str) -> str:
    """A JSON problem report with each problem's pointer left out (empty text stays empty)."""
    if not text:
        return text
    report = json.loads(text)
    for file in report["files"]:
        for found in file["problems"]:
            found.pop("pointer", None)
    return json.dumps(report)
