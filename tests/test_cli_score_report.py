"""The score and report verbs: outputs, exit codes, and problems on stderr, never tracebacks."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from audit_tool.rounds.report.tables import CSV_COLUMNS

from conftest import DATA, ROOT, TOOLS, CliResult

Cli = Callable[..., CliResult]
EXAMPLE = ROOT / "examples" / "2017-05-neglect"
TOOL = str(ROOT / "tools" / "neglect_v1.yaml")
VALID = [str(EXAMPLE / "responses" / f"c1-{a}.yaml") for a in ("csc", "police")]
INVALID = str(EXAMPLE / "responses" / "c2-housing.yaml")


def test_score_json_of_valid_responses(cli: Cli) -> None:
    """score --format json prints DESIGN §5's document and exits 0 when all responses are valid."""
    result = cli("score", "--tool", TOOL, *VALID, "--format", "json")
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["tool"] == {"id": "neglect", "version": "1.0.0"}
    assert [(r["case"], r["agency"]) for r in data["responses"]] == [
        ("C1", "csc"), ("C1", "police")
    ]
    assert list(data["cases"]) == ["C1"]
    assert len(data["overall"]["themes"]) == 8


def test_score_leaves_out_invalid_responses_and_exits_1(cli: Cli) -> None:
    """An invalid response is listed on stderr with file:line:col, the valid ones are scored,
    and the exit code is 1."""
    result = cli("score", "--tool", TOOL, *VALID, INVALID, "--format", "json")
    assert result.code == 1
    assert len(json.loads(result.out)["responses"]) == 2
    problem = f"{INVALID}:9:12: error[wrong-type]: expected a date (YYYY-MM-DD), got text"
    assert problem in result.err
    assert "1 invalid response left out of the scores" in result.err


def test_score_text_is_an_aligned_table(cli: Cli) -> None:
    """The text table: themes down, overall and each case across, percent rounded down and
    the grade's initials, right-aligned; then each case by agency and the legend."""
    result = cli("score", "--tool", TOOL, *VALID)
    assert result.code == 0
    assert result.out.startswith(
        "Theme scores: neglect 1.0.0, 2 responses in 1 case\n"
        "\n"
        "theme             overall       C1\n"
        "recording         60.0 RI  60.0 RI\n"
        "outcome_planning   25.0 I   25.0 I\n"
        "impact_on_child    37.5 I   37.5 I\n"
        "assessment         71.4 G   71.4 G\n"
        "multi_agency       81.2 G   81.2 G\n"
        "voice_of_child     25.0 I   25.0 I\n"
        "meetings          100.0 O  100.0 O\n"
        "oversight         62.5 RI  62.5 RI\n"
        "\n"
        "C1: by agency\n"
        "theme                 csc   police\n"
    )
    assert result.out.endswith(
        "grades: O outstanding, G good, RI requires improvement, I inadequate, "
        "NE not evidenced; percents are rounded down\n"
    )


def test_score_csv_has_a_row_per_theme_and_scope(cli: Cli) -> None:
    """CSV: the header, then 8 themes for each of 2 responses, 1 case and the round."""
    result = cli("score", "--tool", TOOL, *VALID, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["level"] for r in rows] == ["response"] * 16 + ["case"] * 8 + ["overall"] * 8


def test_score_a_missing_response_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    """A response that cannot be read is a file problem: exit 2, no traceback."""
    result = cli("score", "--tool", TOOL, str(tmp_path / "nope.yaml"))
    assert result.code == 2
    assert "error[file-unreadable]" in result.err


def test_score_with_a_broken_tool_scores_nothing(cli: Cli, tmp_path: Path) -> None:
    """A tool with errors: its problems on stderr, nothing on stdout, exit 1."""
    tool = tmp_path / "tool.yaml"
    tool.write_text("id: t\nversion: 1\n", encoding="utf-8")
    result = cli("score", "--tool", str(tool), *VALID)
    assert (result.code, result.out) == (1, "")
    assert f"{tool}:1:1: error[missing-field]: 'sections' is required here" in result.err
    assert result.err.endswith("the tool cannot be used; nothing was scored\n")


def test_report_writes_html_and_prints_the_theme_table(cli: Cli, tmp_path: Path) -> None:
    """report -o FILE.html writes the HTML and prints the theme table; invalid returns go to
    stderr; exit 0."""
    out = tmp_path / "report.html"
    result = cli("report", str(EXAMPLE / "audit.yaml"), "--shared", str(TOOLS), "-o", str(out))
    assert result.code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "theme             all cases       C1       C2       C3       C4       C5" in result.out
    assert result.out.endswith(f"wrote {out}\n")
    assert [line.split(": ")[0] for line in result.err.splitlines()] == [
        f"{INVALID}:9:12",
        f"{INVALID}:83:23",
        "checked 28 files",
        "audit-tool",
    ]
    assert result.err.endswith(
        "checked 28 files: 2 errors\n"
        "audit-tool: 1 invalid return left out of the scores (listed in the report)\n"
    )


def test_report_strict_fails_on_an_invalid_return(cli: Cli, tmp_path: Path) -> None:
    """With --strict, an invalid return makes the exit code 1 (the report is still written)."""
    out = tmp_path / "report.md"
    result = cli(
        "report", str(EXAMPLE / "audit.yaml"), "--shared", str(TOOLS), "-o", str(out), "--strict"
    )
    assert result.code == 1
    assert out.read_text(encoding="utf-8").startswith("# Multi-agency case audit")


def test_report_to_stdout_is_markdown(cli: Cli) -> None:
    """Without -o or --format, the report is Markdown on stdout."""
    result = cli("report", str(EXAMPLE / "audit.yaml"), "--shared", str(TOOLS))
    assert result.out.startswith("# Multi-agency case audit - neglect, May 2017\n")


def test_report_on_a_broken_manifest_gives_its_problems(cli: Cli, tmp_path: Path) -> None:
    """A manifest with errors: problems with line and column on stderr, exit 1, no file."""
    out = tmp_path / "report.html"
    manifest = DATA / "manifest" / "unknown-agency.yaml"
    result = cli("report", str(manifest), "-o", str(out))
    assert result.code == 1
    assert f"{manifest}:9:16: error[manifest-unknown-agency]" in result.err
    assert not out.exists()


def test_report_on_a_missing_manifest_exits_2(cli: Cli, tmp_path: Path) -> None:
    """A manifest that cannot be read: exit 2."""
    result = cli("report", str(tmp_path / "audit.yaml"))
    assert result.code == 2
    assert "error[file-unreadable]" in result.err


def test_schema_manifest_prints_the_checked_in_schema(cli: Cli) -> None:
    """audit-tool schema manifest prints schemas/audit-manifest.schema.json."""
    result = cli("schema", "manifest")
    assert result.out == (ROOT / "schemas" / "audit-manifest.schema.json").read_text("utf-8")
