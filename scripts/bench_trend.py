"""Time the trend: the example programme read and built, and two large generated rounds.

    .venv/bin/python scripts/bench_trend.py [COUNT]

1. ``read_programme`` + ``build_trend`` over the two example rounds (55 returns, neglect
   1.0.0 then 2.0.0): what ``audit-tool trend`` spends, less start-up and writing.
2. ``build_trend`` alone over two generated rounds of COUNT returns each (default 5,000;
   the 1.0.0 round answered at random like bench_score's, the 2.0.0 round with five
   meetings each), whole round and five agencies: the diff between the versions, and the
   pooling of every theme for every scope.
"""

from __future__ import annotations

import datetime
import random
import sys
import time
from pathlib import Path

from audit_tool import Response, load_tool, score
from audit_tool.authoring.catalogue import standard_catalogue
from audit_tool.rounds.trend import RoundScores, build_trend, read_programme

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_score import response_data

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 5_000
    start = time.perf_counter()
    loaded = read_programme([ROOT / "examples" / "2019-05-neglect" / "audit.yaml"])
    read = time.perf_counter() - start
    start = time.perf_counter()
    build_trend([RoundScores.of(r) for r in loaded.rounds])
    built = time.perf_counter() - start
    print(f"example programme (2 rounds, 55 returns): read and checked in {read:.2f} s, "
          f"trend built in {built:.2f} s")
    rounds = []
    for n, name in enumerate(("neglect_v1.yaml", "neglect_v2.yaml")):
        tool = load_tool(ROOT / "tools" / name)
        rng = random.Random(2017 + n)
        responses = [Response.model_validate(response_data(tool, k, rng)) for k in range(count)]
        agencies = {a: a for a in ("csc", "police", "health", "education", "probation")}
        rounds.append(RoundScores(f"r{n}", f"Round {n}", datetime.date(2017 + 2 * n, 5, 1),
                                  tool, score(tool, responses), agencies, standard_catalogue()))
    start = time.perf_counter()
    trend = build_trend(rounds)
    elapsed = time.perf_counter() - start
    print(f"two generated rounds of {count:,} returns each (neglect 1.0.0 -> 2.0.0, "
          f"{len(trend.scopes)} scopes): trend built in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
