"""Hypothesis strategies for tool versions: a tool and a later version of it.

``evolutions()`` draws a valid tool (``strategies.tool_data``) and makes a new
version by one to four random edits of the kinds authors make between
audits: reword, add, remove (reserving the id), rename (declared), replace,
move and reorder questions; make them required or optional; add, remove or
change conditions; add, remove, re-code (declared), relabel and rescore
options; change theme mappings and weights, grade bands, evidence rules and
limits; swap a question's scale; map old answers to other options; rename
sections and scales. Every edit keeps
the tool valid where it can (references follow a rename, nothing referenced
is removed); the rare new version that does not load is rejected.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from audit_tool import InvalidFileError, Tool, load_tool
from audit_tool.authoring.saving import to_yaml

from strategies import THEMES, conditions, tool_data, weights, words

Data = dict[str, Any]
Edit = Callable[[Any, Data], None]


# --- looking around a tool written as data ---------------------------------------------


def _places(data: Data) -> list[tuple[Data, Data | None, Data]]:
    """Every question as (section, group or None, question), in document order."""
    found: list[tuple[Data, Data | None, Data]] = []
    for section in data["sections"]:
        for q in section["questions"]:
            found.append((section, None, q))
            for sub in q.get("questions", []) if q["type"] == "group" else []:
                found.append((section, q, sub))
    return found


def _conditions(data: Data) -> Iterator[Data]:
    for _s, _g, q in _places(data):
        if "when" in q:
            yield from _clauses(q["when"])


def _clauses(condition: Data) -> Iterator[Data]:
    if "all" in condition or "any" in condition:
        for part in condition.get("all", condition.get("any", [])):
            yield from _clauses(part)
    elif "not" in condition:
        yield from _clauses(condition["not"])
    else:
        yield condition


def _referenced(data: Data, question_id: str) -> bool:
    return any(c["question"] == question_id for c in _conditions(data))


def _used_ids(data: Data) -> set[str]:
    used = {data["id"], *data.get("retired_ids", [])}
    used.update(s["id"] for s in data["sections"])
    used.update(s["id"] for s in data["scales"])
    used.update(o["value"] for s in data["scales"] for o in s["options"])
    for _s, _g, q in _places(data):
        used.add(q["id"])
        used.update(q.get("renamed_from", []))
        used.update(q.get("replaces", []))
    return used


def _fresh(data: Data, stem: str) -> str:
    used = _used_ids(data)
    n = 2
    while f"{stem}_{n}" in used:
        n += 1
    return f"{stem}_{n}"


def _scale(data: Data, scale_id: str) -> Data:
    return next(s for s in data["scales"] if s["id"] == scale_id)


def _scored(scale: Data) -> bool:
    return any("score" in o for o in scale["options"])


def _users(data: Data, scale_id: str) -> list[Data]:
    return [q for _s, _g, q in _places(data) if q.get("scale") == scale_id]


def _readable(data: Data, section: Data, group: Data | None, question: Data) -> list[Data]:
    """The questions a condition on ``question`` may read: earlier ones, siblings in a group."""
    found: list[Data] = []
    for _s, g, q in _places(data):
        if q is question:
            break
        if (g is None and q is not group) or (g is not None and g is group):
            found.append(q)
    return found


def _retire(data: Data, *ids: str) -> None:
    data["retired_ids"] = [*data.get("retired_ids", []), *ids]


def _value_targets(data: Data, scale_id: str) -> Iterator[Data]:
    """The condition clauses comparing with values of questions on ``scale_id``."""
    on_scale = {q["id"] for q in _users(data, scale_id)}
    for clause in _conditions(data):
        if clause["question"] in on_scale and ("equals" in clause or "in" in clause):
            yield clause


def _option_used(data: Data, scale_id: str, value: str) -> bool:
    for clause in _value_targets(data, scale_id):
        if clause.get("equals") == value or value in clause.get("in", []):
            return True
    for q in _users(data, scale_id):
        if value in q.get("evidence", {}).get("required_for", []):
            return True
        if value in q.get("option_map", {}).values():
            return True
    return False


# --- the edits --------------------------------------------------------------------------


def _pick(draw: Any, items: list[Any]) -> Any:
    assume(items)
    return draw(st.sampled_from(items))


def reword(draw: Any, data: Data) -> None:
    """Change a question's text or guidance, a section's or scale's title, an option label."""
    kind = draw(st.sampled_from(["text", "guidance", "section", "scale", "label", "tool"]))
    if kind in ("text", "guidance"):
        _s, _g, q = _pick(draw, _places(data))
        q[kind] = draw(words)
    elif kind == "section":
        _pick(draw, data["sections"])["title"] = draw(words)
    elif kind == "scale":
        _pick(draw, data["scales"])["title"] = draw(words)
    elif kind == "label":
        _pick(draw, [o for s in data["scales"] for o in s["options"]])["label"] = draw(words)
    else:
        data["title"] = draw(words)


def _new_question(draw: Any, data: Data, readable: list[Data]) -> Data:
    kind = draw(st.sampled_from(["single_choice", "multiple_choice", "text", "date", "number"]))
    q: Data = {"id": _fresh(data, "added"), "type": kind, "text": draw(words)}
    if kind in ("single_choice", "multiple_choice"):
        scale = _pick(draw, data["scales"])
        q["scale"] = scale["id"]
        if kind == "single_choice" and _scored(scale) and draw(st.booleans()):
            q["themes"] = {draw(st.sampled_from(THEMES)): draw(weights)}
    if readable and draw(st.booleans()):
        by_id = {s["id"]: s for s in data["scales"]}
        q["when"] = draw(conditions(readable, by_id))
    return q


def add_question(draw: Any, data: Data) -> None:
    """Add a question (required or not) at the end of the last section, or of a group."""
    section = data["sections"][-1]
    groups = [q for _s, g, q in _places(data) if g is None and q["type"] == "group"]
    if groups and draw(st.integers(0, 3)) == 0:
        group = draw(st.sampled_from(groups))
        owner = next(s for s, _g, q in _places(data) if q is group)
        readable = [*_readable(data, owner, None, group), *group["questions"]]
        q = _new_question(draw, data, readable)
        group["questions"].append(q)
    else:
        readable = [q for _s, g, q in _places(data) if g is None]
        q = _new_question(draw, data, readable)
        section["questions"].append(q)
    if draw(st.booleans()):
        q["required"] = False


def remove_question(draw: Any, data: Data, replace: bool = False) -> None:
    """Remove a question nothing reads (its id reserved), or replace it with a new one."""
    candidates = [
        (s, g, q)
        for s, g, q in _places(data)
        if not _referenced(data, q["id"])
        and not any(_referenced(data, sub["id"]) for sub in q.get("questions", [])
                    if q["type"] == "group")
        and (len(g["questions"]) > 1 if g is not None else True)
    ]
    section, group, q = _pick(draw, candidates)
    holder = group if group is not None else section
    holder["questions"].remove(q)
    ids = [q["id"], *(sub["id"] for sub in q.get("questions", []) if q["type"] == "group")]
    _retire(data, *ids)
    if not section["questions"]:
        data["sections"].remove(section)
        assume(data["sections"])
    if replace:
        readable = [x for _s, g, x in _places(data) if g is None]
        new = _new_question(draw, data, readable)
        new["replaces"] = [q["id"]]
        data["sections"][-1]["questions"].append(new)


def replace_question(draw: Any, data: Data) -> None:
    """Replace a question with a different one (declared with replaces)."""
    remove_question(draw, data, replace=True)


def rename_question(draw: Any, data: Data) -> None:
    """Give a question a new id, declared with renamed_from; conditions follow."""
    _s, _g, q = _pick(draw, _places(data))
    old = q["id"]
    q["id"] = _fresh(data, "renamed")
    q["renamed_from"] = [old]
    for clause in _conditions(data):
        if clause["question"] == old:
            clause["question"] = q["id"]


def toggle_required(draw: Any, data: Data) -> None:
    """Make a question required, or optional."""
    _s, _g, q = _pick(draw, _places(data))
    if q.get("required", True):
        q["required"] = False
    else:
        del q["required"]


def change_condition(draw: Any, data: Data) -> None:
    """Remove a question's condition, or give it a new one over earlier questions."""
    section, group, q = _pick(draw, _places(data))
    readable = _readable(data, section, group, q)
    if "when" in q and (not readable or draw(st.booleans())):
        del q["when"]
        return
    assume(readable)
    by_id = {s["id"]: s for s in data["scales"]}
    q["when"] = draw(conditions(readable, by_id))


def add_option(draw: Any, data: Data) -> None:
    """Add an option to a scale, scored (maybe above the old maximum) or not."""
    scale = _pick(draw, data["scales"])
    option: Data = {"value": _fresh(data, "opt"), "label": draw(words)}
    if _scored(scale) and draw(st.booleans()):
        option["score"] = draw(st.integers(0, 5))
    scale["options"].insert(draw(st.integers(0, len(scale["options"]))), option)


def remove_option(draw: Any, data: Data) -> None:
    """Remove an option nothing refers to, keeping a scored scale scored."""
    choices = [
        (s, o)
        for s in data["scales"]
        for o in s["options"]
        if len(s["options"]) > 1 and not _option_used(data, s["id"], o["value"])
        and not ("score" in o and sum("score" in x for x in s["options"]) == 1)
    ]
    scale, option = _pick(draw, choices)
    scale["options"].remove(option)
    for q in _users(data, scale["id"]):
        if q.get("min_selected", 0) > len(scale["options"]):
            q["min_selected"] = len(scale["options"])
        if "max_selected" in q and q["max_selected"] < q.get("min_selected", 0):
            q["max_selected"] = q["min_selected"]


def recode_option(draw: Any, data: Data) -> None:
    """Give an option a new value, declared with renamed_from; references follow."""
    scale = _pick(draw, data["scales"])
    option = draw(st.sampled_from(scale["options"]))
    old = option["value"]
    option["value"] = _fresh(data, "recoded")
    option["renamed_from"] = [old]
    for clause in _value_targets(data, scale["id"]):
        if clause.get("equals") == old:
            clause["equals"] = option["value"]
        if "in" in clause:
            clause["in"] = [option["value"] if v == old else v for v in clause["in"]]
    for q in _users(data, scale["id"]):
        if "option_map" in q:
            q["option_map"] = {
                k: option["value"] if v == old else v for k, v in q["option_map"].items()
            }
        rule = q.get("evidence", {})
        if "required_for" in rule:
            rule["required_for"] = [
                option["value"] if v == old else v for v in rule["required_for"]
            ]


def rescore_option(draw: Any, data: Data) -> None:
    """Change an option's score, or make it scored or unscored, keeping themed scales scored."""
    scale = _pick(draw, [s for s in data["scales"] if _scored(s)])
    option = draw(st.sampled_from(scale["options"]))
    if "score" in option and draw(st.booleans()):
        themed = any("themes" in q for q in _users(data, scale["id"]))
        assume(not themed or sum("score" in o for o in scale["options"]) > 1)
        del option["score"]
    else:
        option["score"] = draw(st.sampled_from([0, 0.5, 1, 2, 3, 5]))


def toggle_exclusive(draw: Any, data: Data) -> None:
    """Make an option exclusive, or no longer exclusive."""
    option = _pick(draw, [o for s in data["scales"] for o in s["options"]])
    if option.get("exclusive"):
        del option["exclusive"]
    else:
        option["exclusive"] = True


def change_themes(draw: Any, data: Data) -> None:
    """Change a themed question's weight, add a theme, or remove one."""
    q = _pick(draw, [q for _s, _g, q in _places(data) if q.get("themes")])
    kind = draw(st.sampled_from(["weight", "add", "remove"]))
    theme = draw(st.sampled_from(sorted(q["themes"])))
    if kind == "weight":
        q["themes"][theme] = draw(weights.filter(lambda w: w != q["themes"][theme]))
    elif kind == "add":
        q["themes"][draw(st.sampled_from(THEMES))] = draw(weights)
    else:
        del q["themes"][theme]
        if not q["themes"]:
            del q["themes"]


def change_bands(draw: Any, data: Data) -> None:
    """New grade bands, or the default ones."""
    mins = sorted(draw(st.lists(st.integers(0, 100), min_size=1, max_size=4, unique=True)),
                  reverse=True)
    data["grading"] = {"bands": [{"grade": f"grade_{i}", "min": m} for i, m in enumerate(mins)]}


def change_evidence(draw: Any, data: Data) -> None:
    """Require evidence always, for some answers, or never."""
    _s, _g, q = _pick(draw, _places(data))
    kind = draw(st.sampled_from(["none", "always", "some"]))
    if kind == "none":
        q.pop("evidence", None)
    elif kind == "always":
        q["evidence"] = {"required": True}
    else:
        assume(q["type"] in ("single_choice", "multiple_choice"))
        values = [o["value"] for o in _scale(data, q["scale"])["options"]]
        q["evidence"] = {"required_for": draw(st.lists(st.sampled_from(values), unique=True,
                                                       min_size=1, max_size=2))}


def change_limits(draw: Any, data: Data) -> None:
    """Change a number's, a text's, a multiple choice's or a group's limits."""
    _s, _g, q = _pick(draw, [
        p for p in _places(data)
        if p[2]["type"] in ("number", "text", "multiple_choice", "group")
    ])
    if q["type"] == "number":
        assume(not _referenced(data, q["id"]))
        for key in ("minimum", "maximum"):
            q.pop(key, None)
        low = draw(st.none() | st.integers(-50, 0))
        high = draw(st.none() | st.integers(0, 50))
        if low is not None:
            q["minimum"] = low
        if high is not None:
            q["maximum"] = high
        if draw(st.booleans()):
            q["integer"] = not q.get("integer", False)
    elif q["type"] == "text":
        q["max_length"] = draw(st.integers(1, 3000))
    elif q["type"] == "multiple_choice":
        count = len(_scale(data, q["scale"])["options"])
        low = draw(st.integers(0, count))
        q["min_selected"] = low
        q["max_selected"] = draw(st.integers(max(low, 1), max(count, 1)))
    else:
        low = draw(st.integers(0, 2))
        q["min_entries"] = low
        q["max_entries"] = draw(st.integers(max(low, 1), 6))


def swap_scale(draw: Any, data: Data) -> None:
    """Put a choice question nothing compares with on another scale."""
    q = _pick(draw, [
        q for _s, _g, q in _places(data)
        if q["type"] in ("single_choice", "multiple_choice") and not _referenced(data, q["id"])
    ])
    other = _pick(draw, [s for s in data["scales"] if s["id"] != q["scale"]])
    q["scale"] = other["id"]
    q.pop("evidence", None)
    q.pop("option_map", None)
    if q["type"] == "multiple_choice":
        q.pop("min_selected", None)
        q.pop("max_selected", None)
    if not _scored(other) or q["type"] != "single_choice":
        q.pop("themes", None)


def remap_options(draw: Any, data: Data) -> None:
    """Give a choice question an option_map that carries an old value to another option."""
    q = _pick(draw, [q for _s, _g, q in _places(data) if q.get("scale")])
    values = [o["value"] for o in _scale(data, q["scale"])["options"]]
    assume(len(values) > 1)
    old = draw(st.sampled_from(values))
    q["option_map"] = {old: draw(st.sampled_from([v for v in values if v != old]))}


def move_question(draw: Any, data: Data) -> None:
    """Move a top-level question that neither reads nor is read to another section or place."""
    free = [
        (s, q) for s, g, q in _places(data)
        if g is None and "when" not in q and not _referenced(data, q["id"])
        and not (q["type"] == "group" and any(
            _referenced(data, sub["id"]) or "when" in sub for sub in q["questions"]))
    ]
    section, q = _pick(draw, free)
    section["questions"].remove(q)
    target = draw(st.sampled_from(data["sections"]))
    target["questions"].insert(draw(st.integers(0, len(target["questions"]))), q)
    if not section["questions"]:
        data["sections"].remove(section)


def rename_container(draw: Any, data: Data) -> None:
    """Give a section or a scale a new id, declared with renamed_from."""
    if draw(st.booleans()):
        section = draw(st.sampled_from(data["sections"]))
        section["renamed_from"] = [section["id"]]
        section["id"] = _fresh(data, "section")
        return
    scale = draw(st.sampled_from(data["scales"]))
    old, scale["id"] = scale["id"], _fresh(data, "scale")
    scale["renamed_from"] = [old]
    for _s, _g, q in _places(data):
        if q.get("scale") == old:
            q["scale"] = scale["id"]


def add_section(draw: Any, data: Data) -> None:
    """Add a section at the end with one new question."""
    readable = [q for _s, g, q in _places(data) if g is None]
    question = _new_question(draw, data, readable)
    data["sections"].append({"id": _fresh(data, "section"), "title": draw(words),
                             "questions": [question]})


EDITS: tuple[Edit, ...] = (
    reword, add_question, remove_question, replace_question, rename_question, toggle_required,
    change_condition, add_option, remove_option, recode_option, rescore_option,
    toggle_exclusive, change_themes, change_bands, change_evidence, change_limits, swap_scale,
    move_question, rename_container, add_section, remap_options,
)


GENTLE: tuple[Edit, ...] = (
    reword, add_question, rename_question, toggle_required, change_condition, add_option,
    rename_container, move_question, change_limits, change_evidence, toggle_exclusive,
    rescore_option, change_themes,
)
"""Edits that are often compatible or cosmetic, so that properties about non-breaking
versions see many of them (the diff still decides what each one is)."""


@st.composite
def evolutions(draw: Any, edits: tuple[Edit, ...] = EDITS) -> tuple[Tool, Tool]:
    """A valid tool and a valid later version of it, one to four ``edits`` apart."""
    old = draw(tool_data())
    new = copy.deepcopy(old)
    for _ in range(draw(st.integers(1, 4))):
        edit = draw(st.sampled_from(edits))
        edit(draw, new)
    try:
        return load_tool(text=to_yaml(old)), load_tool(text=to_yaml(new))
    except InvalidFileError:
        assume(False)
        raise  # unreachable: assume(False) stops the example
