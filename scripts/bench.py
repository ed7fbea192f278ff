"""Benchmark (not a test): this library against its peers, and against an earlier version.

    make bench                                  # this checkout and the peers
    make bench BENCH_ARGS="--before main"       # and main, from a temporary copy

Prints one Markdown table: each measurement with this library's figure, the
figure of the version named by ``--before`` (same run, same machine), each
peer's figure and the ratio; then growth curves for check, diff and validate
over tools of 100, 1,000 and 5,000 questions and meeting groups of 1, 100 and
1,000 entries. docs/performance.md records a run.

Every figure is CPU time (user + system) of the work alone, the median of
several runs where it is short, so that a busy machine disturbs it less than
wall time. The peers (jsonschema, fastjsonschema, jsonschema-rs,
check-jsonschema) are not dependencies of the library: ``make bench`` installs
them into .venv-bench. Each measurement runs in a fresh process that imports
the library from the source tree being measured.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
TODAY = datetime.date(2026, 11, 25)
SIZES = (100, 1_000, 5_000)
EXAMPLE = "2019-05-neglect"  # the example round answered with neglect_v2
ENTRIES = (1, 100, 1_000)


# -- measuring, inside a child process -------------------------------------------


def _cpu(action: Callable[[], object], runs: int = 1) -> float:
    """Median CPU seconds of ``action`` over ``runs`` runs."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def _generated_returns(count: int) -> tuple[Any, list[dict[str, Any]]]:
    from bench_validate import generate

    from audit_tool import load_tool

    tool = load_tool(ROOT / "tools" / "neglect_v2.yaml")
    return tool, generate(tool, count, 2017)


def m_validate(count: str) -> dict[str, float]:
    """``validate_response`` on generated returns to neglect_v2, as data (no file)."""
    from audit_tool import validate_response

    tool, returns = _generated_returns(int(count))
    seconds = _cpu(lambda: [validate_response(tool, r, today=TODAY) for r in returns], 3)
    return {"seconds": seconds, "per": seconds / len(returns)}


def m_read(_: str) -> dict[str, float]:
    """The example round's returns read from their files and validated, against the same
    data read with json.loads and validated."""
    from audit_tool import load_tool, validate_response

    tool = load_tool(ROOT / "tools" / "neglect_v2.yaml")
    files = sorted((ROOT / "examples" / EXAMPLE / "responses").glob("*.yaml"))
    folder = Path(tempfile.mkdtemp())
    jsons = []
    from audit_tool._yaml import read_document

    for n, path in enumerate(files):
        document, _problems = read_document(path)
        assert document is not None
        target = folder / f"{n}.json"
        target.write_text(json.dumps(document.data), encoding="utf-8")
        jsons.append(target)
    from_files = _cpu(lambda: [validate_response(tool, f, today=TODAY) for f in files], 5)
    from_json = _cpu(lambda: [validate_response(tool, json.loads(f.read_bytes()), today=TODAY)
                              for f in jsons], 5)
    return {"file": from_files / len(files), "json": from_json / len(files),
            "ratio": from_files / from_json}


def _lib(name: str, *homes: str) -> Any:
    """``name`` from the first of ``homes`` that has it: the side measured with --before may
    be a version from before the package's subpackages (``audit_tool.saving``, not
    ``audit_tool.authoring.saving``)."""
    import importlib

    for home in homes:
        try:
            return getattr(importlib.import_module(home), name)
        except (ImportError, AttributeError):
            continue
    raise ImportError(f"{name} is in none of {', '.join(homes)}")


def _synthetic(folder: Path, questions: int) -> tuple[Path, Path]:
    from synthetic import next_version, tool_data

    to_yaml = _lib("to_yaml", "audit_tool.authoring.saving", "audit_tool.saving")
    old, new = folder / f"tool_{questions}.yaml", folder / f"tool_{questions}_next.yaml"
    if not old.exists():
        data = tool_data(questions)
        old.write_text(to_yaml(data), encoding="utf-8")
        new.write_text(to_yaml(next_version(data)), encoding="utf-8")
    return old, new


def m_check(questions: str) -> dict[str, float]:
    """``check_tool`` on a synthetic tool, in a running program."""
    from audit_tool import check_tool, load_tool

    old, _new = _synthetic(Path(os.environ["BENCH_DATA"]), int(questions))
    count = sum(1 for _ in load_tool(old).iter_questions())
    seconds = _cpu(lambda: check_tool(old), 1 if int(questions) >= 1000 else 3)
    return {"seconds": seconds, "questions": count, "per": seconds / count}


def m_diff(questions: str) -> dict[str, float]:
    """``diff`` of a synthetic tool and its next version, both loaded already."""
    from audit_tool import load_tool

    diff = _lib("diff", "audit_tool.versions", "audit_tool")
    old, new = _synthetic(Path(os.environ["BENCH_DATA"]), int(questions))
    a, b = load_tool(old), load_tool(new)
    count = sum(1 for _ in a.iter_questions())
    return {"seconds": _cpu(lambda: diff(a, b), 1), "questions": count}


def m_validate_size(questions: str) -> dict[str, float]:
    """``validate_response`` on returns to a synthetic tool, as data."""
    from synthetic import response_data

    from audit_tool import load_tool, validate_response

    old, _new = _synthetic(Path(os.environ["BENCH_DATA"]), int(questions))
    tool = load_tool(old)
    returns = [response_data(tool, n) for n in range(10)]
    seconds = _cpu(lambda: [validate_response(tool, r, today=TODAY) for r in returns], 3)
    return {"per": seconds / len(returns)}


def m_entries(entries: str) -> dict[str, float]:
    """``validate_response`` on returns to neglect_v2 with a meetings group of N entries."""
    from synthetic import response_data

    from audit_tool import load_tool, validate_response

    tool = load_tool(ROOT / "tools" / "neglect_v2.yaml")
    returns = [response_data(tool, n, entries=int(entries)) for n in range(5)]
    seconds = _cpu(lambda: [validate_response(tool, r, today=TODAY) for r in returns], 3)
    return {"per": seconds / len(returns)}


def m_peers(count: str) -> dict[str, float]:
    """The peers on the same generated returns and this library's exported response schema."""
    import fastjsonschema
    import jsonschema_rs
    from jsonschema import Draft202012Validator

    response_schema = _lib("response_schema", "audit_tool.export", "audit_tool")

    tool, returns = _generated_returns(int(count))
    schema = response_schema(tool)
    out: dict[str, float] = {}
    python = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    out["jsonschema"] = _cpu(lambda: [list(python.iter_errors(r)) for r in returns], 1)
    rust = jsonschema_rs.validator_for(schema)
    out["jsonschema-rs"] = _cpu(lambda: [list(rust.iter_errors(r)) for r in returns], 3)
    draft7 = fastjsonschema.compile({**schema, "$schema": "http://json-schema.org/draft-07/schema#"})

    def fast(r: dict[str, Any]) -> bool:
        try:
            draft7(r)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    out["fastjsonschema"] = _cpu(lambda: [fast(r) for r in returns], 3)
    invalid = dict.fromkeys(("jsonschema", "jsonschema-rs", "fastjsonschema"), 0)
    for r in returns:
        invalid["jsonschema"] += bool(next(python.iter_errors(r), None))
        invalid["jsonschema-rs"] += not rust.is_valid(r)
        invalid["fastjsonschema"] += not fast(r)
    out.update({f"{k} invalid": v for k, v in invalid.items()})
    return out


def m_invalid(count: str) -> dict[str, float]:
    """How many of the generated returns this library finds errors in."""
    from audit_tool import validate_response

    tool, returns = _generated_returns(int(count))
    bad = sum(any(p.is_error for p in validate_response(tool, r, today=TODAY)) for r in returns)
    return {"invalid": bad}


MEASURES: dict[str, Callable[[str], dict[str, float]]] = {
    "validate": m_validate, "read": m_read, "check": m_check, "diff": m_diff,
    "validate_size": m_validate_size, "entries": m_entries, "peers": m_peers,
    "invalid": m_invalid,
}


def _child(name: str, arg: str, src: Path) -> None:
    sys.path[:0] = [str(src), str(SCRIPTS)]
    import audit_tool

    assert Path(audit_tool.__file__).resolve().is_relative_to(src.resolve()), audit_tool.__file__
    print(json.dumps(MEASURES[name](arg)))


# -- running, in the parent -------------------------------------------------------


def _measure(name: str, arg: str, src: Path, data: Path) -> dict[str, float]:
    env = {**os.environ, "BENCH_DATA": str(data), "PYTHONPATH": ""}
    out = subprocess.run(
        [sys.executable, __file__, "--child", name, arg, str(src)],
        capture_output=True, text=True, env=env, check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"{name} {arg} on {src} failed:\n{out.stderr}")
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _process(argv: list[str], runs: int, cwd: Path = ROOT) -> tuple[float, float]:
    """Median CPU seconds of the child processes, and their peak memory in MiB."""
    times, peaks = [], []
    for _ in range(runs):
        code = (
            "import resource, subprocess, sys; "
            "subprocess.run(sys.argv[1:], capture_output=True, check=False); "
            "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(u.ru_utime + u.ru_stime, u.ru_maxrss)"
        )
        out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True,
                             text=True, check=True, cwd=cwd).stdout.split()
        times.append(float(out[0]))
        peaks.append(int(out[1]) / 1024)
    return statistics.median(times), max(peaks)


def _cli(src: Path) -> list[str]:
    return [sys.executable, "-c",
            f"import sys; sys.path.insert(0, {str(src)!r}); from audit_tool.cli import run; run()"]


def _round(folder: Path, cases: int = 150) -> Path:
    """A round of ``cases`` cases, every one of the 11 agencies returning: the example
    round's returns copied under other case references. Read it with ``--shared tools``."""
    import re

    example = ROOT / "examples" / EXAMPLE
    manifest = (example / "audit.yaml").read_text(encoding="utf-8")
    agencies = re.findall(r"- \{id: (\w+), name:", manifest)
    templates = sorted((example / "responses").glob("*.yaml"))
    (folder / "responses").mkdir(parents=True, exist_ok=True)
    tool = os.path.relpath(ROOT / "tools" / "neglect_v2.yaml", folder)
    lines = re.sub(r"(?m)^  file: .*$", f"  file: {tool}", manifest.split("\ncases:")[0])
    listed = ", ".join(agencies)
    entries = [
        f"  - ref: R{c:03d}\n    agencies: [{listed}]\n    family: {{consent: true, "
        "views_obtained: true}"
        for c in range(cases)
    ]
    n = 0
    for c in range(cases):
        for agency in agencies:
            text = templates[n % len(templates)].read_text(encoding="utf-8")
            text = re.sub(r"(?m)^case: .*$", f"case: R{c:03d}", text)
            text = re.sub(r"(?m)^agency: .*$", f"agency: {agency}", text)
            (folder / "responses" / f"r{c:03d}-{agency}.yaml").write_text(text, encoding="utf-8")
            n += 1
    (folder / "audit.yaml").write_text(
        lines + "\ncases:\n" + "\n".join(entries) + "\n\nresponses: [responses]\n",
        encoding="utf-8",
    )
    return folder / "audit.yaml"


def _before_tree(ref: str, folder: Path) -> Path:
    archive = folder / "before.tar"
    with archive.open("wb") as handle:
        repo = os.environ.get("BENCH_GIT", str(ROOT))  # a copy of the tree names its repository
        subprocess.run(["git", "-C", repo, "archive", ref], stdout=handle, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder / "before", filter="data")
    return folder / "before" / "src"


def _fmt_s(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.001:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="REF", help="also measure this git ref (e.g. main)")
    parser.add_argument("--count", type=int, default=2000, help="generated returns to validate")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.child[1], Path(args.child[2]))
        return

    work = Path(tempfile.mkdtemp(prefix="audit-tool-bench-"))
    data = work / "data"
    data.mkdir()
    sides = {"now": ROOT / "src"}
    if args.before:
        sides["before"] = _before_tree(args.before, work)
    bin_dir = Path(sys.executable).parent
    rows: list[tuple[str, ...]] = []

    def row(label: str, figures: dict[str, float], peers: dict[str, float] | None = None,
            fmt: Callable[[float], str] = _fmt_s, better: str = "faster") -> None:
        now = figures["now"]
        before = figures.get("before")
        cells = [label, fmt(now)]
        cells.append(f"{fmt(before)} ({before / now:.1f}x {better} now)" if before else "")
        cells.append("; ".join(f"{k} {fmt(v)} ({v / now:.2f}x)" for k, v in (peers or {}).items()))
        rows.append(tuple(cells))

    def each(name: str, arg: str, key: str) -> dict[str, float]:
        return {side: _measure(name, arg, src, data)[key] for side, src in sides.items()}

    count = str(args.count)
    invalid = _measure("invalid", count, sides["now"], data)["invalid"]
    peers = _measure("peers", count, sides["now"], data)
    validated = each("validate", count, "per")
    row(f"validate_response, {args.count:,} generated returns to neglect_v2 (as data; "
        f"{invalid:.0f} invalid), per return", validated,
        {k: peers[k] / args.count for k in ("jsonschema", "fastjsonschema", "jsonschema-rs")})
    read = {side: _measure("read", "", src, data) for side, src in sides.items()}
    rows.append((
        f"a return read from its file and validated, per return (examples/{EXAMPLE}), "
        "and its ratio to json.loads + validate_response",
        f"{_fmt_s(read['now']['file'])} = {read['now']['ratio']:.1f}x json",
        (f"{_fmt_s(read['before']['file'])} = {read['before']['ratio']:.1f}x json "
         f"({read['before']['file'] / read['now']['file']:.1f}x faster now)")
        if "before" in read else "",
        f"json.loads + validate: {_fmt_s(read['now']['json'])}",
    ))

    check_jsonschema = bin_dir / "check-jsonschema"
    neglect = "tools/neglect_v2.yaml"
    for label, argv, runs in (
        ("audit-tool --version (start-up)", ["--version"], 5),
        ("audit-tool --help", ["--help"], 5),
        (f"audit-tool check {neglect}", ["check", neglect], 5),
    ):
        figures = {side: _process([*_cli(src), *argv], runs)[0] for side, src in sides.items()}
        peer = {}
        if argv[0] == "check" and check_jsonschema.exists():
            peer["check-jsonschema"] = _process(
                [str(check_jsonschema), "--schemafile", "schemas/audit-tool.schema.json",
                 neglect], runs)[0]
        row(f"{label}, as a process, median of {runs}", figures, peer)

    manifest = _round(work / "round")
    reported = {side: _process([*_cli(src), "report", str(manifest), "--shared",
                                str(ROOT / "tools"), "-o", str(work / f"report-{side}.html")], 1)
                for side, src in sides.items()}
    row("audit-tool report, 150 cases x 11 agencies (1,650 returns), as a process",
        {k: v[0] for k, v in reported.items()})
    row("peak memory of that report", {k: v[1] for k, v in reported.items()},
        fmt=lambda mib: f"{mib:.0f} MiB", better="less")

    for size in SIZES:
        checked = {side: _measure("check", str(size), src, data) for side, src in sides.items()}
        row(f"check_tool, {checked['now']['questions']:.0f} questions: per question",
            {k: v["per"] for k, v in checked.items()})
    for size in SIZES:
        row(f"diff, two versions of a {size:,}-question tool",
            each("diff", str(size), "seconds"))
    for size in SIZES:
        row(f"validate_response, a return to a {size:,}-question tool",
            each("validate_size", str(size), "per"))
    for entries in ENTRIES:
        row(f"validate_response, a return to neglect_v2 with {entries:,} meetings",
            each("entries", str(entries), "per"))

    print(f"{datetime.date.today()}: Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}; CPU time (user + system)")
    print()
    before = f" | {args.before}" if args.before else ""
    print(f"| measurement | this checkout{before} | peers (their figure, x ours) |")
    print(f"|---|---|{'---|' if args.before else ''}---|")
    for cells in rows:
        shown = cells if args.before else (cells[0], cells[1], cells[3])
        print("| " + " | ".join(shown) + " |")
    print()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"(largest child process: {peak:.0f} MiB; data in {work})")


if __name__ == "__main__":
    main()
