"""Hypothesis strategies: valid tools, built the way an author would write them.

``tools()`` draws a tool that passes ``check`` without errors: unique ids,
scales that exist, conditions that only read earlier questions and compare
with values their targets can take, theme mappings only on scored
single-choice questions. Other property tests (responses, scoring, diffs)
start from it.
"""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import strategies as st

from audit_tool import standard_catalogue

THEMES = standard_catalogue().theme_ids

# Text as authors write it: any printable character, sometimes on several lines.
_chars = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff"
)
words = st.text(_chars, min_size=1, max_size=30).filter(lambda s: s.strip() == s and s != "")
paragraphs = st.lists(words, min_size=1, max_size=3).map("\n".join)
labels = st.one_of(words, paragraphs)

_id_heads = "abcdefghijklmnopqrstuvwxyz"
_id_tail = st.text("abcdefghijklmnopqrstuvwxyz0123456789_", max_size=8)
identifiers = st.builds(lambda h, t: h + t, st.sampled_from(_id_heads), _id_tail)

scores = st.one_of(st.none(), st.integers(0, 4), st.sampled_from([0.5, 1.5, 2.5]))
weights = st.sampled_from([0.5, 1, 1, 1, 2, 3])
dates = st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 12, 31)).map(str)


class _Ids:
    """Hands out ids that are unique within one tool."""

    def __init__(self, draw: Any) -> None:
        self.draw = draw
        self.used: set[str] = set()

    def new(self) -> str:
        value = self.draw(identifiers)
        if value in self.used:
            # A suffix, not a filter: short ids collide often, and a filter that keeps
            # failing makes hypothesis abandon the whole example.
            n = len(self.used)
            while f"{value}_{n}" in self.used:
                n += 1
            value = f"{value}_{n}"
        self.used.add(value)
        return value


@st.composite
def scales(draw: Any, ids: _Ids) -> dict[str, Any]:
    """A scale with distinct option values, scored or not."""
    values = draw(st.lists(identifiers, min_size=1, max_size=5, unique=True))
    scored = draw(st.booleans())
    options = []
    for value in values:
        option: dict[str, Any] = {"value": value, "label": draw(words)}
        score = draw(scores) if scored else None
        if score is not None:
            option["score"] = score
        if draw(st.integers(0, 9)) == 0:
            option["description"] = draw(labels)
        options.append(option)
    if scored and all("score" not in o for o in options):
        options[0]["score"] = 1
    return {"id": ids.new(), "title": draw(words), "options": options}


def _possible_values(
    question: dict[str, Any], scale_by_id: dict[str, Any]
) -> st.SearchStrategy[Any]:
    kind = question["type"]
    if kind in ("single_choice", "multiple_choice"):
        return st.sampled_from([o["value"] for o in scale_by_id[question["scale"]]["options"]])
    if kind == "number":
        low = question.get("minimum", -100)
        high = question.get("maximum", 100)
        return st.integers(int(low), int(high))
    if kind == "date":
        return dates
    return words


@st.composite
def conditions(
    draw: Any,
    readable: list[dict[str, Any]],
    scale_by_id: dict[str, Any],
    depth: int = 0,
) -> dict[str, Any]:
    """A condition over ``readable`` (earlier questions), comparing with possible values."""
    if depth < 2 and draw(st.integers(0, 4)) == 0:
        kind = draw(st.sampled_from(["all", "any", "not"]))
        if kind == "not":
            return {"not": draw(conditions(readable, scale_by_id, depth + 1))}
        parts = draw(st.lists(conditions(readable, scale_by_id, depth + 1), min_size=1, max_size=3))
        return {kind: parts}
    target = draw(st.sampled_from(readable))
    if target["type"] == "group":
        return {"question": target["id"], "answered": draw(st.booleans())}
    form = draw(st.sampled_from(["equals", "in", "answered"]))
    values = _possible_values(target, scale_by_id)
    if form == "equals":
        return {"question": target["id"], "equals": draw(values)}
    if form == "in":
        return {"question": target["id"], "in": draw(st.lists(values, min_size=1, max_size=3))}
    return {"question": target["id"], "answered": draw(st.booleans())}


@st.composite
def questions(
    draw: Any,
    ids: _Ids,
    scale_list: list[dict[str, Any]],
    readable: list[dict[str, Any]],
    *,
    in_group: bool = False,
) -> dict[str, Any]:
    """One question of any type (no groups inside groups)."""
    kinds = ["single_choice", "single_choice", "multiple_choice", "text", "date", "number"]
    if not in_group:
        kinds.append("group")
    kind = draw(st.sampled_from(kinds))
    scale_by_id = {s["id"]: s for s in scale_list}
    q: dict[str, Any] = {"id": ids.new(), "type": kind, "text": draw(labels)}
    if draw(st.integers(0, 3)) == 0:
        q["guidance"] = draw(labels)
    if draw(st.integers(0, 3)) == 0:
        q["required"] = False
    if kind in ("single_choice", "multiple_choice"):
        scale = draw(st.sampled_from(scale_list))
        q["scale"] = scale["id"]
        values = [o["value"] for o in scale["options"]]
        if draw(st.integers(0, 3)) == 0:
            q["evidence"] = {
                "required_for": draw(st.lists(st.sampled_from(values), max_size=2, unique=True))
            } if draw(st.booleans()) else {"required": True}
        if kind == "multiple_choice" and draw(st.booleans()):
            low = draw(st.integers(0, len(values)))
            q["min_selected"] = low
            q["max_selected"] = draw(st.integers(max(low, 1), max(len(values), 1)))
        scored = any("score" in o for o in scale["options"])
        if kind == "single_choice" and scored:
            q["themes"] = draw(
                st.dictionaries(st.sampled_from(THEMES), weights, min_size=1, max_size=2)
            )
    elif kind == "number":
        if draw(st.booleans()):
            q["integer"] = True
        if draw(st.booleans()):
            q["minimum"] = draw(st.integers(-50, 0))
            q["maximum"] = draw(st.integers(0, 50))
        q["unit"] = draw(st.sampled_from(["", "days", "meetings"]))
        if not q["unit"]:
            del q["unit"]
    elif kind == "text":
        if draw(st.booleans()):
            q["max_length"] = draw(st.integers(1, 2000))
        if draw(st.integers(0, 3)) == 0:
            q["evidence"] = {"required": True}
    elif kind == "group":
        subs: list[dict[str, Any]] = []
        for _ in range(draw(st.integers(1, 3))):
            subs.append(draw(questions(ids, scale_list, readable + subs, in_group=True)))
        q["questions"] = subs
        q["entry_label"] = draw(st.sampled_from(["entry", "meeting", "visit"]))
        low = draw(st.integers(0, 2))
        if low:
            q["min_entries"] = low
        if draw(st.booleans()):
            q["max_entries"] = draw(st.integers(max(low, 1), 5))
    if readable and draw(st.integers(0, 2)) == 0:
        q["when"] = draw(conditions(readable, scale_by_id))
    return q


@st.composite
def tool_data(draw: Any) -> dict[str, Any]:
    """A valid tool as plain data, the way it would be written in YAML."""
    ids = _Ids(draw)
    scale_list = [draw(scales(ids)) for _ in range(draw(st.integers(1, 3)))]
    sections = []
    readable: list[dict[str, Any]] = []  # top-level questions so far
    for _ in range(draw(st.integers(1, 3))):
        section_questions = []
        for _ in range(draw(st.integers(1, 4))):
            q = draw(questions(ids, scale_list, readable))
            section_questions.append(q)
            readable.append(q)
        section: dict[str, Any] = {
            "id": ids.new(), "title": draw(words), "questions": section_questions
        }
        if draw(st.integers(0, 3)) == 0:
            section["description"] = draw(labels)
        sections.append(section)
    version = "{}.{}.{}".format(*draw(st.tuples(*[st.integers(0, 12)] * 3)))
    data: dict[str, Any] = {
        "id": ids.new(),
        "version": version,
        "title": draw(words),
        "theme": draw(st.sampled_from(["Neglect", "Domestic abuse", "Exploitation"])),
        "status": draw(st.sampled_from(["draft", "active", "retired"])),
        "scales": scale_list,
        "sections": sections,
        "changelog": [{"version": version, "date": draw(dates), "changes": [draw(words)]}],
    }
    if draw(st.booleans()):
        mins = sorted(draw(st.lists(st.integers(0, 100), min_size=1, max_size=4, unique=True)),
                      reverse=True)
        data["grading"] = {
            "bands": [{"grade": f"band_{i}", "min": m} for i, m in enumerate(mins)]
        }
    if draw(st.booleans()):
        data["description"] = draw(paragraphs)
    return data
