"""Big synthetic tools and their returns, for the benchmarks (not shipped, not a test).

A tool of N questions is tools/neglect_v2.yaml's sections copied until there are
N questions, each copy's ids (and the ids its conditions and replacements name)
given a suffix, so conditions, groups, evidence rules and themes stay realistic.
Its next version changes a few questions the way authors do: new wording, a new
question, a question retired. Returns answer every question that applies, with
a meetings group of as many entries as asked.

    .venv/bin/python scripts/synthetic.py --questions 5000 -o /tmp/big.yaml

Everything is seeded: every run makes the same files.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import random
from pathlib import Path
from typing import Any

from audit_tool import Tool, load_tool

try:
    from audit_tool.authoring.saving import to_yaml
    from audit_tool.authoring.tool import (
        AnyQuestion,
        DateQuestion,
        GroupQuestion,
        MultipleChoiceQuestion,
        NumberQuestion,
        SingleChoiceQuestion,
        TextQuestion,
    )
except ImportError:  # a version from before the subpackages, measured by bench.py --before
    from audit_tool.saving import to_yaml  # type: ignore[import-not-found,no-redef]
    from audit_tool.tool import (  # type: ignore[import-not-found,no-redef]
        AnyQuestion,
        DateQuestion,
        GroupQuestion,
        MultipleChoiceQuestion,
        NumberQuestion,
        SingleChoiceQuestion,
        TextQuestion,
    )

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tools" / "neglect_v2.yaml"
TEXTS = [
    "Recorded in the case notes after the home visit.",
    "The chronology was updated at the core group.",
    "Seen in the school's safeguarding log.",
]


def _renamed(value: Any, ids: set[str], suffix: str) -> Any:
    """``value`` with every question id in ``ids`` given ``suffix``, wherever it names one."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in ("id", "question") and isinstance(item, str) and item in ids:
                out[key] = item + suffix
            elif key == "replaces" and isinstance(item, list):
                out[key] = [i + suffix if i in ids else i for i in item]
            elif key == "register" and isinstance(item, dict):
                # a group's register names its sub-questions by id: kind, date, each part's
                renamed = {k: v + suffix if k in ("kind", "date") and v in ids else v
                           for k, v in item.items()}
                out[key] = _renamed(renamed, ids, suffix)
            else:
                out[key] = _renamed(item, ids, suffix)
        return out
    if isinstance(value, list):
        return [_renamed(item, ids, suffix) for item in value]
    return value


def tool_data(questions: int) -> dict[str, Any]:
    """A tool of about ``questions`` questions (sub-questions included), as plain data."""
    base = load_tool(SOURCE)
    data = base.model_dump(mode="json", exclude_defaults=True)
    data.pop("retired_ids", None)
    data["changelog"] = [{"version": "1.0.0", "date": "2026-10-01", "changes": ["First issue."]}]
    data["id"] = "synthetic"
    data["version"] = "1.0.0"
    data["title"] = f"Synthetic tool of {questions:,} questions"
    ids = {ref.question.id for ref in base.iter_questions()}
    per_copy = len(ids)
    sections: list[dict[str, Any]] = []
    copies = max(1, -(-questions // per_copy))
    for n in range(copies):
        suffix = "" if n == 0 else f"_{n}"
        for section in data["sections"]:
            copied = _renamed(copy.deepcopy(section), ids, suffix)
            copied["id"] = section["id"] + suffix
            sections.append(copied)
    data["sections"] = sections
    return data


def next_version(data: dict[str, Any], seed: int = 2) -> dict[str, Any]:
    """The next minor version: some questions reworded, one added per section in ten."""
    rng = random.Random(seed)
    new = copy.deepcopy(data)
    new["version"] = "1.1.0"
    for s, section in enumerate(new["sections"]):
        for question in section["questions"]:
            if rng.random() < 0.05:
                question["text"] = question["text"].rstrip("?") + ", in the audit period?"
            if rng.random() < 0.03:
                question["guidance"] = "Look at the case notes first."
        if s % 10 == 0:
            section["questions"].append({
                "id": f"added_{s}",
                "type": "text",
                "text": "Anything else the panel should know?",
                "required": False,
            })
    new["changelog"] = [
        {"version": "1.1.0", "date": "2026-11-01",
         "changes": ["Clearer wording; a free-text question per theme."]},
        *data["changelog"],
    ]
    return new


def _value(rng: random.Random, tool: Tool, question: AnyQuestion, values: dict[str, Any],
           day: datetime.date, entries: int) -> Any:
    if isinstance(question, SingleChoiceQuestion):
        scale = tool.scale_of(question)
        assert scale is not None
        return rng.choice(scale.values)
    if isinstance(question, MultipleChoiceQuestion):
        scale = tool.scale_of(question)
        assert scale is not None
        return rng.sample(scale.values, 1)
    if isinstance(question, TextQuestion):
        return rng.choice(TEXTS)
    if isinstance(question, DateQuestion):
        return str(day - datetime.timedelta(days=rng.randint(0, 150)))
    if isinstance(question, NumberQuestion):
        return int(question.minimum or 0)
    assert isinstance(question, GroupQuestion), question
    out = []
    for _ in range(entries):
        inner = dict(values)
        entry: dict[str, Any] = {}
        for sub in question.questions:
            if sub.when is None or sub.when.evaluate(inner):
                value = _value(rng, tool, sub, inner, day, entries)
                entry[sub.id] = _written(rng, sub, value)
                inner[sub.id] = value
        out.append(entry)
    return out


def _written(rng: random.Random, question: AnyQuestion, value: Any) -> Any:
    if question.evidence is not None and question.evidence.requires(value):
        return {"value": value, "evidence": rng.choice(TEXTS)}
    return value


def response_data(tool: Tool, n: int, *, entries: int = 3, seed: int = 2017) -> dict[str, Any]:
    """Return number ``n`` to ``tool``: every applying question answered, ``entries`` entries in
    each group."""
    rng = random.Random(seed * 100_003 + n)
    day = datetime.date(2026, 9, 30)
    values: dict[str, Any] = {}
    answers: dict[str, Any] = {}
    for ref in tool.iter_questions():
        question = ref.question
        if ref.group is not None or not (question.when is None or question.when.evaluate(values)):
            continue
        value = _value(rng, tool, question, values, day, entries)
        answers[question.id] = _written(rng, question, value)
        values[question.id] = value
    return {
        "tool": {"id": tool.id, "version": tool.version},
        "round": "bench",
        "case": f"C{n:04d}",
        "agency": rng.choice(["police", "school", "health_visiting", "gp"]),
        "auditor_role": "Safeguarding lead",
        "completed": "2026-10-15",
        "period": {"start": "2026-04-01", "end": "2026-09-30"},
        "answers": answers,
    }


def main() -> None:
    """Write a synthetic tool (and, with ``--next``, its next version) as YAML."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--next", action="store_true", help="write the next version instead")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    data = tool_data(args.questions)
    args.output.write_text(to_yaml(next_version(data) if args.next else data), encoding="utf-8")


if __name__ == "__main__":
    main()
