"""Tool fingerprints: the same for files that mean the same, different when the content changes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from audit_tool import Tool, load_tool
from audit_tool.authoring import dump_tool, fingerprint
from audit_tool.authoring.fingerprints import canonical_json
from audit_tool.authoring.saving import to_yaml

from conftest import ROOT
from strategies import tool_data

V2 = ROOT / "tools" / "neglect_v2.yaml"


def test_fingerprint_is_sha256_hex() -> None:
    """A fingerprint is 'sha256:' and 64 lower-case hex digits, as ToolRef.fingerprint accepts."""
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", fingerprint(load_tool(V2)))


def test_includes_and_inlined_sections_have_the_same_fingerprint(tmp_path: Path) -> None:
    """neglect v2 with its shared building blocks included, and written out in one file
    (with comments, another key order), has the same fingerprint."""
    tool = load_tool(V2)
    inlined = "# written out in full\n" + dump_tool(tool)
    path = tmp_path / "inlined.yaml"
    path.write_text(inlined, encoding="utf-8")
    assert fingerprint(load_tool(path)) == fingerprint(tool)


def test_the_two_neglect_versions_differ() -> None:
    """v1 and v2 have different fingerprints."""
    v1 = load_tool(ROOT / "tools" / "neglect_v1.yaml")
    assert fingerprint(v1) != fingerprint(load_tool(V2))


def _reorder(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _reorder(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reorder(v) for v in value]
    return value


def _floats(value: Any) -> Any:
    """Whole numbers written as 1.0 (where the format takes a number, not an id)."""
    if isinstance(value, dict):
        return {k: _floats(v) if k not in ("version",) else v for k, v in value.items()}
    if isinstance(value, list):
        return [_floats(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


@given(tool_data())
def test_spelling_does_not_change_the_fingerprint(data: dict[str, Any]) -> None:
    """Key order, YAML or JSON, 1 or 1.0, defaults written out or left implicit, and status
    give the same fingerprint."""
    tool = load_tool(text=to_yaml(data))
    other = _floats(_reorder(data))
    for section in other["sections"]:
        for question in section["questions"]:
            question.setdefault("required", True)
    other["status"] = "retired" if data["status"] != "retired" else "draft"
    spelled = [load_tool(text=json.dumps(other)), load_tool(text=dump_tool(tool))]
    assert {fingerprint(t) for t in spelled} == {fingerprint(tool)}


@given(tool_data(), st.data())
def test_changing_a_question_text_changes_the_fingerprint(data: dict[str, Any], draw: Any) -> None:
    """Rewording any one question gives another fingerprint."""
    tool = load_tool(text=to_yaml(data))
    section = draw.draw(st.sampled_from(data["sections"]))
    question = draw.draw(st.sampled_from(section["questions"]))
    question["text"] = question["text"] + " (reworded)"
    assert fingerprint(load_tool(text=to_yaml(data))) != fingerprint(tool)


def test_set_like_lists_are_sorted_in_the_canonical_form(tmp_path: Path) -> None:
    """Retired ids listed in another order, and a condition's values in another order, are
    the same tool."""
    copy = tmp_path / "tools"
    shutil.copytree(V2.parent, copy)
    text = V2.read_text(encoding="utf-8")
    swapped = text.replace(
        "retired_ids: [effective_plan, multi_agency_meetings]",
        "retired_ids: [multi_agency_meetings, effective_plan]",
    ).replace('in: ["yes", partly]', 'in: [partly, "yes"]')
    assert swapped != text
    (copy / V2.name).write_text(swapped, encoding="utf-8")
    assert canonical_json(load_tool(copy / V2.name)) == canonical_json(load_tool(V2))


def test_a_changed_copy_of_a_tool_has_its_own_fingerprint() -> None:
    """The fingerprint is worked out once per tool, and a copy with a change (model_copy with
    update) works it out again, as it does its questions; a plain copy keeps it."""
    tool = load_tool(V2)
    first = fingerprint(tool)
    changed = tool.model_copy(update={"title": "Edited", "sections": tool.sections[:1]})
    fresh = Tool.model_validate(changed.model_dump(by_alias=True))
    assert fingerprint(changed) == fingerprint(fresh) != first
    assert list(changed.iter_questions()) == list(fresh.iter_questions())
    assert fingerprint(tool.model_copy()) == first
