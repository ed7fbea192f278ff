"""Time scoring 10,000 responses to tools/neglect_v2.yaml.

    .venv/bin/python scripts/bench_score.py [COUNT]

The responses are generated (seeded, so every run scores the same ones): every
single-choice question answered with a random option of its scale, each with
five meetings. Only ``score()`` is timed; building the responses is not.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path
from typing import Any

from audit_tool import Response, load_tool
from audit_tool.authoring.tool import GroupQuestion, SingleChoiceQuestion, Tool
from audit_tool.rounds.scoring import score

ROOT = Path(__file__).resolve().parent.parent
MEETINGS = 5


def _choice(tool: Tool, question: SingleChoiceQuestion, rng: random.Random) -> str:
    scale = tool.scale(question.scale)
    assert scale is not None
    return rng.choice(scale.values)


def response_data(tool: Tool, n: int, rng: random.Random) -> dict[str, Any]:
    """One response as plain data: every single-choice question answered at random."""
    answers: dict[str, Any] = {}
    for ref in tool.iter_questions():
        question = ref.question
        if ref.group is not None:
            continue
        if isinstance(question, SingleChoiceQuestion):
            answers[question.id] = _choice(tool, question, rng)
        elif isinstance(question, GroupQuestion):
            answers[question.id] = [
                {
                    sub.id: _choice(tool, sub, rng)
                    for sub in question.questions
                    if isinstance(sub, SingleChoiceQuestion)
                }
                for _ in range(MEETINGS)
            ]
    return {
        "tool": {"id": tool.id, "version": tool.version},
        "case": f"C{n % 500}",
        "agency": rng.choice(["csc", "police", "health", "education", "probation"]),
        "answers": answers,
    }


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 10_000
    tool = load_tool(ROOT / "tools" / "neglect_v2.yaml")
    rng = random.Random(2017)
    responses = [Response.model_validate(response_data(tool, n, rng)) for n in range(count)]
    start = time.perf_counter()
    scores = score(tool, responses)
    elapsed = time.perf_counter() - start
    questions = sum(1 for _ in tool.iter_questions())
    print(
        f"scored {count:,} responses ({tool.ref}, {questions} questions, {MEETINGS} meetings "
        f"each) in {elapsed:.1f} s: {1000 * elapsed / count:.2f} ms per response"
    )
    assert len(scores.responses) == count
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
