"""Benchmark: the fillable form's size and how long it takes to write.

Run with `make bench` (or `.venv/bin/python scripts/bench_form.py`). Prints a
Markdown table; docs/performance.md records a run. Not a test.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from pathlib import Path

from audit_tool import fillable_form, load_tool
from audit_tool.export import FormPrefill

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Print the size of each shipped tool's form, in parts, and the time to write it."""
    print("| form | file (KB) | gzipped (KB) | page data (KB) | script (KB) | style (KB) "
          "| write (ms) |")
    print("|---|---|---|---|---|---|---|")
    for path in sorted((ROOT / "tools").glob("*.yaml")):
        tool = load_tool(path)
        prefill = FormPrefill(case="C1", agency="police")
        times = []
        for _ in range(5):
            start = time.perf_counter()
            html = fillable_form(tool, prefill)
            times.append(time.perf_counter() - start)
        size = len(html.encode())
        data = re.search(r'id="form-data">(.*?)</script>', html, re.DOTALL)
        script = re.search(r"<script>(.*?)</script>", html, re.DOTALL)
        style = re.search(r"<style>(.*?)</style>", html, re.DOTALL)
        assert data is not None
        assert script is not None
        assert style is not None
        json.loads(data.group(1))
        kb = [len(m.group(1).encode()) / 1000 for m in (data, script, style)]
        print(
            f"| {tool.ref} | {size / 1000:.0f} | {len(gzip.compress(html.encode())) / 1000:.0f} "
            f"| {kb[0]:.0f} | {kb[1]:.0f} | {kb[2]:.0f} | {statistics.median(times) * 1000:.0f} |"
        )


if __name__ == "__main__":
    main()
