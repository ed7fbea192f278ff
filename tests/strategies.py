"""Hypothesis strategies: valid tools, built the way an author would write them, and
valid responses to them, answered the way an auditor would.

``tool_data()`` draws a tool that passes ``check`` without errors: unique ids,
scales that exist, conditions that only read earlier questions and compare
with values their targets can take, theme mappings only on scored
single-choice questions. Other property tests (responses, scoring, diffs)
start from it.

``response_data(tool)`` draws a response to ``tool`` that validates with no
problem at all; ``tools_with_responses()`` draws both. ``mutated_response``
damages a response in one targeted way and names the code that must give.
"""

from __future__ import annotations

import copy
import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from audit_tool import Tool, standard_catalogue
from audit_tool.authoring import (
    DateQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    fingerprint,
)
from audit_tool.authoring.tool import AnyQuestion
from audit_tool.responses._value_checks import is_given
from audit_tool.responses.pseudonyms import identifying

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
    if len(options) > 1 and draw(st.integers(0, 4)) == 0:
        options[-1]["exclusive"] = True  # 'none of these': chosen alone in multiple choice
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
            # more than one choice needs that many options that may go with others
            others = [o for o in scale["options"] if not o.get("exclusive")]
            low = draw(st.integers(0, max(1, len(others))))
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


# --- responses ---------------------------------------------------------------
#
# ``response_data(tool)`` draws a response that validates with no problem at all
# (warnings included): it walks the tool in order as an auditor would, answers
# every required question that applies and some optional ones, never answers a
# question that does not apply, and gives each value its question allows, with
# evidence where the tool asks for it. Dates fall in the audit period, which ends
# before the completion date, years before today.
#
# ``mutated_response(tool, data)`` then damages it in one targeted way and says
# which problem code that must give (and nothing else).

FIRST_DAY = datetime.date(2010, 1, 1)
UNKNOWN_KEY = "zz_not_a_question"  # longer than any generated id, so never one
NOT_AN_OPTION = "zz_not_an_option"


def _top_questions(tool: Tool) -> list[AnyQuestion]:
    return [r.question for r in tool.iter_questions() if r.group is None]


def _applies(question: AnyQuestion, values: dict[str, Any]) -> bool:
    return question.when is None or question.when.evaluate(values)


def _choice_values(
    tool: Tool, question: MultipleChoiceQuestion
) -> st.SearchStrategy[list[str]]:
    scale = tool.scale_of(question)
    assert scale is not None
    alone = [o.value for o in scale.options if o.exclusive]
    others = [o.value for o in scale.options if not o.exclusive]
    low = max(question.min_selected or 0, 1)
    high = min(question.max_selected or len(others), len(others))
    options: list[st.SearchStrategy[list[str]]] = []
    if alone and (question.min_selected or 0) <= 1:
        options.append(st.sampled_from(alone).map(lambda v: [v]))
    if low <= high:
        options.append(
            st.permutations(others).flatmap(
                lambda order: st.integers(low, high).map(lambda k: list(order[:k]))
            )
        )
    return st.one_of(options) if options else st.nothing()


def _number_values(question: NumberQuestion) -> st.SearchStrategy[int | float]:
    low = math.ceil(question.minimum if question.minimum is not None else -100)
    high = math.floor(question.maximum if question.maximum is not None else 100)
    whole = st.integers(low, max(low, high))
    if question.integer:
        return whole
    return st.one_of(whole, whole.filter(lambda n: n + 0.5 <= high).map(lambda n: n + 0.5))


@st.composite
def _value(
    draw: Any,
    tool: Tool,
    question: AnyQuestion,
    period: tuple[datetime.date, datetime.date],
    outer: dict[str, Any],
) -> Any:
    """A value ``question`` takes; for a group, entries answered as an auditor would."""
    if isinstance(question, SingleChoiceQuestion):
        scale = tool.scale_of(question)
        assert scale is not None
        return draw(st.sampled_from(scale.values))
    if isinstance(question, MultipleChoiceQuestion):
        return draw(_choice_values(tool, question))
    if isinstance(question, TextQuestion):
        limit = question.max_length or 30
        return draw(words.map(lambda s: s[:limit].strip() or "x"))
    if isinstance(question, DateQuestion):
        return str(draw(st.dates(*period)))
    if isinstance(question, NumberQuestion):
        return draw(_number_values(question))
    assert isinstance(question, GroupQuestion)
    most = question.max_entries if question.max_entries is not None else question.min_entries + 2
    entries = []
    for _ in range(draw(st.integers(question.min_entries, most))):
        values = dict(outer)
        entry: dict[str, Any] = {}
        for sub in question.questions:
            if not _applies(sub, values) or (not sub.required and draw(st.booleans())):
                continue
            value = draw(_value(tool, sub, period, values))
            entry[sub.id] = draw(_written(sub, value, period))
            values[sub.id] = value
        entries.append(entry)
    return entries


@st.composite
def _written(
    draw: Any, question: AnyQuestion, value: Any, period: tuple[datetime.date, datetime.date]
) -> Any:
    """``value`` written bare, or in full with evidence (always when the tool asks for it)."""
    rule = question.evidence
    needs = rule is not None and rule.requires(value)
    if not needs and draw(st.integers(0, 2)) > 0:
        return value
    answer: dict[str, Any] = {"value": value}
    if needs or draw(st.booleans()):
        answer["evidence"] = draw(words)
    if draw(st.booleans()):
        answer["evidence_date"] = str(draw(st.dates(*period)))
    return answer


@st.composite
def response_data(draw: Any, tool: Tool) -> dict[str, Any]:
    """A response to ``tool``, as plain data, that validates with no problem at all."""
    start = draw(st.dates(FIRST_DAY, datetime.date(2019, 12, 31)))
    end = start + datetime.timedelta(days=draw(st.integers(0, 400)))
    completed = end + datetime.timedelta(days=draw(st.integers(0, 60)))
    values: dict[str, Any] = {}
    answers: dict[str, Any] = {}
    for question in _top_questions(tool):
        if not _applies(question, values) or (
            not question.required and draw(st.integers(0, 2)) == 0
        ):
            continue
        value = draw(_value(tool, question, (start, end), values))
        answers[question.id] = draw(_written(question, value, (start, end)))
        values[question.id] = value
    ref: dict[str, Any] = {"id": tool.id, "version": tool.version}
    if draw(st.booleans()):
        ref["fingerprint"] = fingerprint(tool)
    data: dict[str, Any] = {
        "tool": ref,
        "case": f"C{draw(st.integers(1, 99))}",
        # A generated id or role can spell a postcode or a given name by chance, which
        # looks-identifying would rightly warn about: a valid response has none.
        "agency": draw(identifiers.filter(lambda a: identifying(a) is None)),
        "auditor_role": draw(words.filter(lambda r: identifying(r, role=True) is None)),
        "completed": str(completed),
        "period": {"start": str(start), "end": str(end)},
        "answers": answers,
    }
    if draw(st.booleans()):
        data["round"] = f"{start:%Y-%m}-{tool.id}"
    return data


@st.composite
def tools_with_responses(draw: Any) -> tuple[Tool, dict[str, Any]]:
    """A generated tool and a valid response to it."""
    tool = Tool.model_validate(draw(tool_data()))
    return tool, draw(response_data(tool))


# --- one targeted mutation, and the code it must give ---------------------------


@dataclass
class _Place:
    """Where one answer stands in the data: its container and key."""

    question: AnyQuestion
    container: dict[str, Any]
    key: str

    @property
    def value(self) -> Any:
        raw = self.container[self.key]
        return raw.get("value") if isinstance(raw, dict) else raw

    def set(self, value: Any) -> None:
        """Give the answer a new value, in its form, with evidence if the new value needs it."""
        raw = self.container[self.key]
        rule = self.question.evidence
        if isinstance(raw, dict) or (rule is not None and rule.requires(value)):
            full = dict(raw) if isinstance(raw, dict) else {}
            full["value"] = value
            if rule is not None and rule.requires(value) and not full.get("evidence"):
                full["evidence"] = "Seen in the case notes."
            self.container[self.key] = full
        else:
            self.container[self.key] = value


def entries_of(raw: Any) -> list[Any]:
    """A group's answer as written (bare or in full): its list of entries, in place."""
    value = raw.get("value") if isinstance(raw, dict) else raw
    return value if isinstance(value, list) else []


def _places(tool: Tool, data: dict[str, Any]) -> list[_Place]:
    answers = data["answers"]
    places = []
    for question in _top_questions(tool):
        if question.id not in answers:
            continue
        places.append(_Place(question, answers, question.id))
        if isinstance(question, GroupQuestion):
            for entry in entries_of(answers[question.id]):
                places += [_Place(q, entry, q.id) for q in question.questions if q.id in entry]
    return places


def read_by_conditions(tool: Tool) -> set[str]:
    """Every question id that some condition of ``tool`` reads."""
    read: set[str] = set()
    for ref in tool.iter_questions():
        if ref.question.when is not None:
            read.update(target for target, _p, _c in ref.question.when.references())
    return read


def _not_applying(tool: Tool, data: dict[str, Any]) -> list[AnyQuestion]:
    """Top-level questions whose condition does not hold for ``data``."""
    values: dict[str, Any] = {}
    found = []
    for question in _top_questions(tool):
        place = data["answers"].get(question.id)
        if not _applies(question, values):
            found.append(question)
        elif place is not None:
            values[question.id] = place.get("value") if isinstance(place, dict) else place
    return found


def _day(text: str, days: int) -> str:
    return str(datetime.date.fromisoformat(text) + datetime.timedelta(days=days))


Mutation = Callable[[Any, Tool, dict[str, Any]], str | None]
"""Damages the data in place and returns the code it must give; None when it does not fit."""


def _drop_required(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    read = read_by_conditions(tool)
    places = [p for p in _places(tool, data) if p.question.required and p.question.id not in read]
    if not places:
        return None
    place = draw(st.sampled_from(places))
    del place.container[place.key]
    return "missing-answer"


def _unknown_answer(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    entries = [e for q in _top_questions(tool) if isinstance(q, GroupQuestion)
               for e in entries_of(data["answers"].get(q.id))]
    target = draw(st.sampled_from([data["answers"], *entries]))
    target[UNKNOWN_KEY] = "yes"
    return "unknown-answer"


def _changeable(tool: Tool, data: dict[str, Any], kinds: tuple[type, ...]) -> list[_Place]:
    read = read_by_conditions(tool)
    return [p for p in _places(tool, data)
            if isinstance(p.question, kinds) and p.question.id not in read]


def _not_an_option(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    places = _changeable(tool, data, (SingleChoiceQuestion, MultipleChoiceQuestion))
    if not places:
        return None
    place = draw(st.sampled_from(places))
    if isinstance(place.question, MultipleChoiceQuestion) and isinstance(place.value, list):
        chosen = list(place.value)
        chosen[draw(st.integers(0, len(chosen) - 1))] = NOT_AN_OPTION
        place.set(chosen)
    else:
        place.set(NOT_AN_OPTION)
    return "option-not-in-scale"


_WRONG_TYPES: dict[type, Any] = {
    SingleChoiceQuestion: 7,
    MultipleChoiceQuestion: "yes",
    TextQuestion: 42,
    DateQuestion: "last spring",
    NumberQuestion: "many",
    GroupQuestion: "none",
}


def _wrong_type(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    places = _changeable(tool, data, tuple(_WRONG_TYPES))
    if not places:
        return None
    place = draw(st.sampled_from(places))
    place.set(_WRONG_TYPES[type(place.question)])
    return "answer-wrong-type"


def _number_rule(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    places = _changeable(tool, data, (NumberQuestion,))
    fits: list[tuple[_Place, Any, str]] = []
    for place in places:
        q, value = place.question, place.value
        assert isinstance(q, NumberQuestion)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if q.maximum is not None:
            fits.append((place, math.floor(q.maximum) + 1, "number-out-of-range"))
        if q.minimum is not None:
            fits.append((place, math.ceil(q.minimum) - 1, "number-out-of-range"))
        if q.integer and (q.maximum is None or value + 0.5 <= q.maximum):
            fits.append((place, value + 0.5, "not-a-whole-number"))
    if not fits:
        return None
    place, value, code = _pick(draw, fits)
    place.set(value)
    return code


def _pick(draw: Any, fits: list[tuple[_Place, Any, str]]) -> tuple[_Place, Any, str]:
    """One of ``fits``, each code as likely as the others however many places fit it."""
    code = draw(st.sampled_from(sorted({c for _p, _v, c in fits})))
    return draw(st.sampled_from([f for f in fits if f[2] == code]))


def _too_long(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    places = [p for p in _changeable(tool, data, (TextQuestion,))
              if isinstance(p.question, TextQuestion) and p.question.max_length]
    if not places:
        return None
    place = draw(st.sampled_from(places))
    assert isinstance(place.question, TextQuestion)
    assert place.question.max_length
    place.set("x" * (place.question.max_length + 1))
    return "text-too-long"


def _choice_rule(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    fits: list[tuple[_Place, Any, str]] = []
    for place in _changeable(tool, data, (MultipleChoiceQuestion,)):
        q = place.question
        if not isinstance(place.value, list) or not place.value:
            continue
        scale = tool.scale_of(q)
        assert isinstance(q, MultipleChoiceQuestion)
        assert scale is not None
        chosen = list(place.value)
        alone = [o.value for o in scale.options if o.exclusive]
        others = [o.value for o in scale.options if not o.exclusive]
        fits.append((place, [*chosen, chosen[0]], "duplicate-choice"))
        if q.max_selected is not None and len(others) > q.max_selected:
            fits.append((place, others[: q.max_selected + 1], "too-many-choices"))
        if q.min_selected is not None and q.min_selected >= 2:
            fits.append((place, others[:1], "too-few-choices"))
        roomy = (q.max_selected or 2) >= 2 and (q.min_selected or 0) <= 2
        if alone and others and roomy:
            fits.append((place, [others[0], alone[0]], "exclusive-choice"))
    if not fits:
        return None
    place, value, code = _pick(draw, fits)
    place.set(value)
    return code


def _entry_count(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    fits: list[tuple[_Place, Any, str]] = []
    for place in _changeable(tool, data, (GroupQuestion,)):
        q, entries = place.question, list(place.value)
        assert isinstance(q, GroupQuestion)
        if q.min_entries:
            fits.append((place, entries[: q.min_entries - 1], "too-few-entries"))
        if q.max_entries is not None and entries:
            extra = [copy.deepcopy(entries[-1]) for _ in range(q.max_entries + 1 - len(entries))]
            fits.append((place, entries + extra, "too-many-entries"))
    if not fits:
        return None
    place, value, code = _pick(draw, fits)
    place.set(value)
    return code


def _evidence_missing(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    places = [p for p in _places(tool, data)
              if p.question.evidence is not None and p.question.evidence.requires(p.value)
              and is_given(p.question, p.value)]
    if not places:
        return None
    place = draw(st.sampled_from(places))
    place.container[place.key] = place.value
    return "evidence-missing"


def _evidence_dated(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    places = _places(tool, data)
    if not places:
        return None
    place = draw(st.sampled_from(places))
    future = draw(st.booleans())
    day = (str(datetime.date.today() + datetime.timedelta(days=30)) if future
           else _day(data["period"]["start"], -1))
    raw = place.container[place.key]
    full = dict(raw) if isinstance(raw, dict) else {"value": raw}
    full["evidence_date"] = day
    place.container[place.key] = full
    return "date-in-future" if future else "evidence-before-period"


def _dates(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    period = data["period"]
    dated = _changeable(tool, data, (DateQuestion,))
    choices = ["future completion", "completed early", "period reversed"]
    if dated:
        choices.append("future answer")
    choice = draw(st.sampled_from(choices))
    if choice == "future completion":
        data["completed"] = str(datetime.date.today() + datetime.timedelta(days=30))
        return "date-in-future"
    if choice == "completed early":
        data["completed"] = _day(period["end"], -1)
        return "completed-before-period-ends"
    if choice == "period reversed":
        period["start"] = _day(period["end"], 1)
        return "period-start-after-end"
    draw(st.sampled_from(dated)).set(str(datetime.date.today() + datetime.timedelta(days=30)))
    return "date-in-future"


def _metadata(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    choice = draw(st.sampled_from(
        ["completed", "period", "auditor_role", "blank role", "tool", "version", "fingerprint",
         "case"]
    ))
    if choice == "blank role":
        data["auditor_role"] = "  "
    elif choice == "tool":
        data["tool"]["id"] = tool.id + "x"
        return "wrong-tool"
    elif choice == "version":
        major = int(tool.version.split(".")[0])
        data["tool"]["version"] = f"{major + 1}.0.0"
        return "wrong-tool-version"
    elif choice == "fingerprint":
        data["tool"]["fingerprint"] = "sha256:" + "0" * 64
        return "fingerprint-mismatch"
    elif choice == "case":
        data["case"] = "Child A"
        return "invalid-value"
    else:
        del data[choice]
    return "missing-metadata"


def _unexpected(draw: Any, tool: Tool, data: dict[str, Any]) -> str | None:
    read = read_by_conditions(tool)
    questions = [q for q in _not_applying(tool, data) if q.id not in read]
    if not questions:
        return None
    question = draw(st.sampled_from(questions))
    period = (datetime.date.fromisoformat(data["period"]["start"]),
              datetime.date.fromisoformat(data["period"]["end"]))
    value = draw(_value(tool, question, period, {}).filter(lambda v: v != []))
    data["answers"][question.id] = draw(_written(question, value, period))
    return "unexpected-answer"


MUTATIONS: tuple[Mutation, ...] = (
    _drop_required, _unknown_answer, _not_an_option, _wrong_type, _number_rule, _too_long,
    _choice_rule, _entry_count, _evidence_missing, _evidence_dated, _dates, _metadata,
    _unexpected,
)


@st.composite
def mutated_response(
    draw: Any, tool: Tool, data: dict[str, Any], mutation: Mutation | None = None
) -> tuple[dict[str, Any], str | None]:
    """``data`` damaged in one targeted way, and the one problem code that must give.

    With ``mutation``, that one (the code is ``None`` when it does not fit the
    data); otherwise one drawn from those that fit.
    """
    if mutation is not None:
        damaged = copy.deepcopy(data)
        return damaged, mutation(draw, tool, damaged)
    first = draw(st.sampled_from(MUTATIONS))
    for candidate in (first, *MUTATIONS):
        damaged = copy.deepcopy(data)
        code = candidate(draw, tool, damaged)
        if code is not None:
            return damaged, code
    raise AssertionError("no mutation fits")  # _dates and _metadata always fit


@st.composite
def tools_with_mutated_responses(
    draw: Any, mutation: Mutation | None = None
) -> tuple[Tool, dict[str, Any], str | None]:
    """A generated tool, a response to it damaged in one way, and the code it must give."""
    tool, data = draw(tools_with_responses())
    damaged, code = draw(mutated_response(tool, data, mutation))
    return tool, damaged, code
