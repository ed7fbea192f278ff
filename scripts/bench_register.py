"""Time building the register of a round of 150 cases x 11 agencies (1,650 returns).

    .venv/bin/python scripts/bench_register.py [CASES] [AGENCIES]

The round is generated (seeded, so every run builds the same one) with
tools/neglect_v2.yaml: each case holds 6 statutory meetings; each agency's
return records most of them, some a day or two out, now and then one twice.
The returns are parsed responses in memory, as ``read_round`` leaves them;
only ``build_register()`` (reading every entry, reconciling, flags, rates) is
timed, best of five runs, as wall-clock time and as the process's CPU time (which
a machine busy with other work inflates less).
"""

from __future__ import annotations

import datetime
import random
import sys
import time
from pathlib import Path

from audit_tool import load_tool, standard_catalogue
from audit_tool.responses.response import LoadedResponse, Response
from audit_tool.rounds.manifest import AuditManifest
from audit_tool.rounds.register import build_register
from audit_tool.rounds.round import AuditRound, RoundReturn

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("strategy_discussion", "icpc", "core_group", "core_group", "review_conference",
         "core_group")
ATTENDANCE = ("attended", "attended", "apologies_with_report", "apologies_without_report",
              "did_not_attend", "not_invited")


def build_round(cases: int, agencies: int, rng: random.Random) -> AuditRound:
    """The generated round, every return a parsed response."""
    tool = load_tool(ROOT / "tools" / "neglect_v2.yaml")
    ids = [f"agency_{n}" for n in range(agencies)]
    manifest = AuditManifest.model_validate({
        "round": "bench", "title": "Bench", "panel_date": "2018-06-01",
        "tool": {"id": tool.id, "version": tool.version, "file": "neglect_v2.yaml"},
        "period": {"start": "2017-01-01", "end": "2017-12-31"},
        "agencies": [{"id": a, "name": a} for a in ids],
        "cases": [{"ref": f"C{c}", "agencies": ids,
                   "family": {"consent": True, "views_obtained": True}} for c in range(cases)],
        "responses": ["."],
    })
    returns = []
    start = datetime.date(2017, 1, 10)
    for c in range(cases):
        held = [(kind, start + datetime.timedelta(days=30 * n + rng.randint(0, 9)))
                for n, kind in enumerate(KINDS)]
        for agency in ids:
            entries = []
            for kind, date in held:
                if rng.random() < 0.2:
                    continue  # no record of this one
                for _ in range(2 if rng.random() < 0.03 else 1):
                    entries.append({
                        "meeting_type": kind,
                        "meeting_date": (date + datetime.timedelta(days=rng.randint(0, 2))
                                         ).isoformat(),
                        "meeting_attendance": rng.choice(ATTENDANCE),
                        "meeting_report": rng.choice(["on_time", "late", "not_submitted"]),
                        "meeting_contribution": rng.choice(["named_actions", "information_only"]),
                        "meeting_outcome_recorded": rng.choice(["yes", "partly", "no"]),
                        "meeting_actions_done": rng.choice(["yes", "no"]),
                    })
            response = Response.model_validate({
                "tool": {"id": tool.id, "version": tool.version}, "case": f"C{c}",
                "agency": agency, "answers": {"meetings": entries},
            })
            name = f"C{c}-{agency}.yaml"
            returns.append(RoundReturn(LoadedResponse(name, response), (), name, f"C{c}", agency))
    return AuditRound("audit.yaml", manifest, tool, tuple(returns), (), standard_catalogue())


def main(argv: list[str]) -> int:
    cases = int(argv[0]) if argv else 150
    agencies = int(argv[1]) if len(argv) > 1 else 11
    audit = build_round(cases, agencies, random.Random(2017))
    timings, cpu = [], []
    for _ in range(5):
        start, start_cpu = time.perf_counter(), time.process_time()
        built = build_register(audit)
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    assert built is not None
    records = sum(len(e.records) for c in built.cases for e in c.events)
    events = sum(len(c.events) for c in built.cases)
    print(
        f"register of {len(audit.returns):,} returns ({cases} cases x {agencies} agencies, "
        f"{records:,} records, {events:,} meetings, {len(built.problems):,} flags) built in "
        f"{min(timings) * 1000:.0f} ms (best of 5; slowest {max(timings) * 1000:.0f} ms; "
        f"CPU time {min(cpu) * 1000:.0f} ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
