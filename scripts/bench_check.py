"""Benchmark: how long checking takes, how fast the CLI starts, what hostile files cost.

Run with `make bench` (or `.venv/bin/python scripts/bench_check.py`). Prints a
Markdown table; docs/performance.md records a run. Not a test: timings vary
with the machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from audit_tool import check_tool

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from hostile_files import include_bomb  # noqa: E402 - the tests' own hostile files

CLI = [sys.executable, "-m", "audit_tool"]


def _median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _run(args: list[str]) -> None:
    subprocess.run(args, capture_output=True, check=False)


_MEASURE = """
import resource, sys, time
from audit_tool import check_tool, load_tool, validate_response
{setup}
t = time.perf_counter()
found = {action}
spent = time.perf_counter() - t
codes = sorted({{p.code for p in found if p.is_error}})
print(spent, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, ",".join(codes))
"""


def _measure(action: str, setup: str = "", *args: str) -> tuple[float, int, str]:
    """Seconds, peak resident memory (KiB) and the error codes of ``action`` (an expression
    giving problems) in a fresh process; ``sys.argv[1:]`` are ``args``."""
    code = _MEASURE.format(setup=setup, action=action)
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]), out[2] if len(out) > 2 else ""


def _peak_kib(path: Path) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) to check ``path`` in a fresh process."""
    spent, kib, _codes = _measure("check_tool(sys.argv[1])", "", str(path))
    return spent, kib


def hostile_rows(folder: Path) -> list[tuple[str, float, int, str]]:
    """(case, seconds, peak KiB, error codes) for every hostile input, each in a fresh process."""
    broken = ROOT / "tests" / "data" / "tools" / "broken"
    responses = ROOT / "tests" / "data" / "responses"
    huge = folder / "huge.yaml"
    with huge.open("w", encoding="utf-8") as handle:
        handle.write("notes: |\n")
        for _ in range(50 * 1024 * 1024 // 100):
            handle.write("  " + "x" * 97 + "\n")
    zero = folder / "zero.yaml"
    zero.symlink_to("/dev/zero")
    pipe = folder / "pipe.yaml"
    os.mkfifo(pipe)
    tool_files = {
        "50 MB file": huge,
        "billion laughs (9 levels of 10 aliases)": broken / "billion_laughs.yaml",
        "10,000-deep nesting (`[[[...]]]`)": broken / "deep_10000.yaml",
        "`!!python/object/apply:os.system`": broken / "python_tag.yaml",
        "invalid UTF-8": broken / "invalid_utf8.yaml",
        "4,301-digit integer (an option score)": broken / "number_huge_integer.yaml",
        "`themes: {recording: .inf}`": broken / "number_weight_inf.yaml",
        "weight `1.0e308`": broken / "number_weight_too_large.yaml",
        "`%YAML 1.3`": broken / "yaml_directive_version.yaml",
        "tool file a link to /dev/zero": zero,
        "tool file a named pipe, no writer": pipe,
        "`include: ../../../../etc/passwd`": broken / "include_outside.yaml",
        "tool file name of 300 bytes": folder / ("n" * 300 + ".yaml"),
    }
    rows = []
    for name, path in tool_files.items():
        rows.append((name, *_measure("check_tool(sys.argv[1])", "", str(path))))
    for levels in (16, 24):
        bomb = folder / f"bomb{levels}"
        bomb.mkdir()
        rows.append((f"include bomb, {levels} levels (each block includes the next twice)",
                     *_measure("check_tool(sys.argv[1])", "", str(include_bomb(bomb, levels)))))
    home_visits = ROOT / "tests" / "data" / "response_tools" / "home_visits.yaml"
    setup = "tool = load_tool(sys.argv[1])"
    rows.append(("310-digit answer to a number question", *_measure(
        "validate_response(tool, sys.argv[2])", setup, str(home_visits),
        str(responses / "number_310_digits.yaml"))))
    deep = "d = {}\nc = d\nfor _ in range(5000):\n    c['a'] = {}\n    c = c['a']\n"
    rows.append(("5,000-deep mapping given to `validate_response`",
                 *_measure("validate_response(tool, d)", setup + "\n" + deep, str(home_visits))))
    cycle = "d = {'answers': {}}\nd['answers']['x'] = d\n"
    rows.append(("cyclic mapping given to `validate_response`",
                 *_measure("validate_response(tool, d)", setup + "\n" + cycle, str(home_visits))))
    return rows


def main() -> None:
    """Measure and print the table."""
    rows: list[tuple[str, str]] = []
    largest = max((ROOT / "tools").glob("*.yaml"), key=lambda p: p.stat().st_size)
    check_tool(largest)  # warm caches (schemas, catalogue)
    seconds = _median_seconds(lambda: check_tool(largest), 20)
    rows.append(
        (f"check_tool({largest.name}), in process, median of 20", f"{seconds * 1000:.0f} ms")
    )
    rows.append((
        "audit-tool --version (start-up), median of 10",
        f"{_median_seconds(lambda: _run([*CLI, '--version']), 10) * 1000:.0f} ms",
    ))
    rows.append((
        f"audit-tool check {largest.relative_to(ROOT)}, median of 10",
        f"{_median_seconds(lambda: _run([*CLI, 'check', str(largest)]), 10) * 1000:.0f} ms",
    ))
    _seconds, baseline_kib = _peak_kib(largest)
    rows.append((f"peak memory checking {largest.name}", f"{baseline_kib / 1024:.0f} MiB"))
    print("| measurement | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    with tempfile.TemporaryDirectory() as folder:
        hostile = hostile_rows(Path(folder))
    print("\n| file | time | peak memory | problem |\n|---|---|---|---|")
    for name, spent, kib, codes in hostile:
        shown = ", ".join(f"`{c}`" for c in codes.split(",") if c)
        print(f"| {name} | {spent * 1000:.0f} ms | {kib / 1024:.0f} MiB | {shown} |")


if __name__ == "__main__":
    main()
