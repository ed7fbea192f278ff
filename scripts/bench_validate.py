"""Benchmark (not a test): validating responses with audit-tool and with jsonschema.

Generates N responses to tools/neglect_v2.yaml (default 10,000; seeded, so every
run sees the same ones), about one in ten damaged in one way, then times:

* audit-tool: ``validate_response(tool, data)`` on each (every problem, no file
  positions: the same in-memory data the other side gets);
* jsonschema: ``iter_errors`` of a ``Draft202012Validator`` on
  ``response_schema(tool)``, formats asserted, every error collected.

Both sides check the same documents and must agree on which are invalid (the
generator makes no damage outside RESPONSE_SCHEMA_CODES, and keeps every date
before today). Run from the repository root:

    .venv/bin/python scripts/bench_validate.py [--count N] [--seed S]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import time
from collections.abc import Callable
from typing import Any

from jsonschema import Draft202012Validator

from audit_tool import Tool, load_tool, validate_response

try:
    from audit_tool.authoring.tool import (
        AnyQuestion,
        DateQuestion,
        GroupQuestion,
        SingleChoiceQuestion,
        TextQuestion,
    )
    from audit_tool.export import response_schema
except ImportError:  # a version from before the subpackages, measured by bench.py --before
    from audit_tool import response_schema  # type: ignore[attr-defined,no-redef]
    from audit_tool.tool import (  # type: ignore[import-not-found,no-redef]
        AnyQuestion,
        DateQuestion,
        GroupQuestion,
        SingleChoiceQuestion,
        TextQuestion,
    )

TOOL = "tools/neglect_v2.yaml"
TEXTS = [
    "Recorded in the case notes after the home visit.",
    "The chronology was updated at the core group.",
    "Seen in the school's safeguarding log.",
    "Discussed in supervision; actions agreed.",
]


def _value(rng: random.Random, tool: Tool, question: AnyQuestion, values: dict[str, Any],
           period: tuple[datetime.date, datetime.date]) -> Any:
    if isinstance(question, SingleChoiceQuestion):
        scale = tool.scale_of(question)
        assert scale is not None
        return rng.choice(scale.values)
    if isinstance(question, TextQuestion):
        return rng.choice(TEXTS)
    if isinstance(question, DateQuestion):
        days = (period[1] - period[0]).days
        return str(period[0] + datetime.timedelta(days=rng.randint(0, days)))
    assert isinstance(question, GroupQuestion), question
    entries = []
    for _ in range(rng.randint(0, 4)):
        inner = dict(values)
        entry: dict[str, Any] = {}
        for sub in question.questions:
            if sub.when is None or sub.when.evaluate(inner):
                entry[sub.id] = _written(rng, sub, _value(rng, tool, sub, inner, period))
                inner[sub.id] = entry[sub.id]["value"]
        entries.append(entry)
    return entries


def _written(rng: random.Random, question: AnyQuestion, value: Any) -> dict[str, Any]:
    answer: dict[str, Any] = {"value": value}
    if (question.evidence is not None and question.evidence.requires(value)) or rng.random() < 0.2:
        answer["evidence"] = rng.choice(TEXTS)
    return answer


def generate(tool: Tool, count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` responses: valid ones, and about one in ten damaged in one way."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        start = datetime.date(2026, 4, 1) - datetime.timedelta(days=rng.randint(0, 900))
        period = (start, start + datetime.timedelta(days=183))
        values: dict[str, Any] = {}
        answers: dict[str, Any] = {}
        for ref in tool.iter_questions():
            q = ref.question
            if ref.group is not None or not (q.when is None or q.when.evaluate(values)):
                continue
            value = _value(rng, tool, q, values, period)
            answer = _written(rng, q, value)
            answers[q.id] = answer if "evidence" in answer or rng.random() < 0.3 else value
            values[q.id] = value
        data = {
            "tool": {"id": tool.id, "version": tool.version},
            "round": "bench",
            "case": f"C{n}",
            "agency": rng.choice(["police", "school", "health_visiting", "gp"]),
            "auditor_role": "Safeguarding lead",
            "completed": str(period[1] + datetime.timedelta(days=rng.randint(0, 30))),
            "period": {"start": str(period[0]), "end": str(period[1])},
            "answers": answers,
        }
        if rng.random() < 0.1:
            _damage(rng, data)
        out.append(data)
    return out


def _damage(rng: random.Random, data: dict[str, Any]) -> None:
    answers = data["answers"]
    key = rng.choice(sorted(answers))
    kind = rng.choice(["drop", "unknown", "value"])
    if kind == "drop":
        del answers[key]
    elif kind == "unknown":
        answers[key + "_x"] = "yes"
    else:
        answers[key] = "maybe"


def _time(label: str, check: Callable[[dict[str, Any]], bool],
          responses: list[dict[str, Any]]) -> tuple[float, int]:
    started = time.perf_counter()
    invalid = sum(1 for r in responses if not check(r))
    seconds = time.perf_counter() - started
    print(f"{label:<12} {seconds:8.2f} s  {seconds / len(responses) * 1e6:8.0f} µs/response  "
          f"({invalid} invalid)")
    return seconds, invalid


def main() -> None:
    """Generate, time both validators, print both figures and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args()
    tool = load_tool(TOOL)
    responses = generate(tool, args.count, args.seed)
    validator = Draft202012Validator(
        response_schema(tool), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    today = datetime.date(2026, 11, 25)
    print(f"{len(responses):,} responses to {tool.ref}; Python {platform.python_version()}, "
          f"{os.cpu_count()} cores")

    def ours(r: dict[str, Any]) -> bool:
        return not any(p.is_error for p in validate_response(tool, r, today=today))

    def theirs(r: dict[str, Any]) -> bool:
        return not list(validator.iter_errors(r))

    mine, mine_invalid = _time("audit-tool", ours, responses)
    other, other_invalid = _time("jsonschema", theirs, responses)
    assert mine_invalid == other_invalid, "the two disagree on which responses are invalid"
    print(f"ratio        jsonschema / audit-tool = {other / mine:.2f}")


if __name__ == "__main__":
    main()
