"""Benchmark: how long checking takes, how fast the CLI starts, what hostile files cost.

Run with `make bench` (or `.venv/bin/python scripts/bench_check.py`). Prints a
Markdown table; docs/performance.md records a run. Not a test: timings vary
with the machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from audit_tool import check_tool

ROOT = Path(__file__).resolve().parent.parent
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


def _peak_kib(path: Path) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) to check ``path`` in a fresh process."""
    code = (
        "import resource, sys, time; from audit_tool import check_tool; "
        "t = time.perf_counter(); check_tool(sys.argv[1]); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1])


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
    broken = ROOT / "tests" / "data" / "tools" / "broken"
    with tempfile.TemporaryDirectory() as folder:
        huge = Path(folder) / "huge.yaml"
        with huge.open("w", encoding="utf-8") as handle:
            handle.write("notes: |\n")
            for _ in range(50 * 1024 * 1024 // 100):
                handle.write("  " + "x" * 97 + "\n")
        hostile = {
            "50 MB file": huge,
            "billion laughs": broken / "billion_laughs.yaml",
            "10,000-deep nesting": broken / "deep_10000.yaml",
            "Python object tag": broken / "python_tag.yaml",
            "invalid UTF-8": broken / "invalid_utf8.yaml",
        }
        for name, path in hostile.items():
            spent, kib = _peak_kib(path)
            rows.append((f"hostile: {name}", f"{spent * 1000:.0f} ms, peak {kib / 1024:.0f} MiB"))
    print("| measurement | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
