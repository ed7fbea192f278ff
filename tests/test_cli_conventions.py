"""Command-line conventions: '-' for standard input, -q, folders, the tool a return names."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from audit_tool.authoring.shipped import TOOL_PATH_VARIABLE, find_tool, shipped_tools

from conftest import ROOT, CliResult

ROUND = ROOT / "examples" / "2019-05-neglect"
RETURN = ROUND / "responses" / "c1-police.yaml"
TOOL = ROOT / "tools" / "neglect_v2.yaml"


def test_validate_reads_a_return_from_standard_input(cli: Callable[..., CliResult]) -> None:
    """'validate -' reads the return from stdin, names it <stdin>, and finds its tool."""
    result = cli("validate", "-", "--format", "json", stdin=RETURN.read_text(encoding="utf-8"))
    assert result.code == 0, result.err
    assert [f["file"] for f in json.loads(result.out)["files"]] == ["<stdin>"]


def test_validate_stdin_problems_are_placed_in_stdin(cli: Callable[..., CliResult]) -> None:
    """A broken return on stdin is reported as <stdin>:LINE:COL."""
    text = RETURN.read_text(encoding="utf-8").replace("completed: 2019-04-10", "completed: soon")
    assert "completed: soon" in text
    result = cli("validate", "--tool", str(TOOL), "-", stdin=text)
    assert result.code == 1
    assert result.out.startswith("<stdin>:9:12: error[")


def test_check_reads_a_tool_from_standard_input(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'check -' reads a tool from stdin, its includes relative to the current folder."""
    monkeypatch.chdir(ROOT / "tools")
    result = cli("check", "-", stdin=TOOL.read_text(encoding="utf-8"))
    assert (result.code, result.out) == (0, "checked 1 file: no problems\n")
    broken = cli("check", "-", stdin="id: x\n")
    assert broken.code == 1
    assert broken.out.startswith("<stdin>:1:1: error[")


def test_score_reads_a_return_from_standard_input(cli: Callable[..., CliResult]) -> None:
    """'score -' scores the return on stdin as if it were the file."""
    piped = cli("score", "-", "--format", "json", stdin=RETURN.read_text(encoding="utf-8"))
    named = cli("score", str(RETURN), "--format", "json")
    assert piped.code == named.code == 0
    a, b = json.loads(piped.out), json.loads(named.out)
    assert a["responses"][0]["file"] == "<stdin>"
    assert a["overall"] == b["overall"]


def test_quiet_drops_the_summary_line(cli: Callable[..., CliResult]) -> None:
    """-q prints the problems and no summary line."""
    assert cli("check", "-q", str(TOOL)).out == ""
    loud = cli("validate", str(ROUND / "responses"))
    quiet = cli("validate", "--quiet", str(ROUND / "responses"))
    assert loud.code == quiet.code
    assert loud.out.splitlines()[:-1] == quiet.out.splitlines()
    assert loud.out.splitlines()[-1].startswith("checked ")
    assert quiet.err == ""


def test_a_folder_given_to_validate_passes_over_tools_and_manifests(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """In a folder, tools, building blocks and manifests are passed over, not called returns."""
    shutil.copy(RETURN, tmp_path / "c1-police.yaml")
    shutil.copy(TOOL, tmp_path / "neglect_v2.yaml")
    shutil.copytree(ROOT / "tools" / "shared", tmp_path / "shared")
    shutil.copy(ROUND / "audit.yaml", tmp_path / "audit.yaml")
    for verb in ("validate", "score"):
        result = cli(verb, str(tmp_path))
        assert result.code == 0, result.err
        assert "passed over 6 files that are not returns" in result.err
    assert cli("validate", str(tmp_path)).out == "checked 1 response: no problems\n"


def test_a_file_named_on_its_own_is_always_read_as_a_return(
    cli: Callable[..., CliResult],
) -> None:
    """A tool named explicitly as a response is still reported, not passed over."""
    result = cli("validate", "--tool", str(TOOL), str(TOOL))
    assert result.code == 1
    assert "error[" in result.out


def test_the_tool_a_return_names_is_found_in_the_shipped_tools() -> None:
    """find_tool finds neglect@2.0.0 among the shipped tools, and nothing for an unknown one."""
    assert find_tool("neglect", "2.0.0") == shipped_tools() / "neglect_v2.yaml"
    assert find_tool("neglect", "9.9.9") is None


def test_tools_folder_and_environment_come_before_the_shipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--tools folders, then AUDIT_TOOL_PATH, then the shipped tools, in that order."""
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        shutil.copy(TOOL, folder / "mine.yaml")
    monkeypatch.setenv(TOOL_PATH_VARIABLE, str(second))
    assert find_tool("neglect", "2.0.0", [first]) == first / "mine.yaml"
    assert find_tool("neglect", "2.0.0") == second / "mine.yaml"


def test_a_return_whose_tool_is_nowhere_gives_tool_not_found(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """validate without --tool: a return naming an unknown tool gets tool-not-found at 'tool'."""
    text = RETURN.read_text(encoding="utf-8").replace("version: 2.0.0", "version: 9.0.0", 1)
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    result = cli("validate", str(tmp_path / "r.yaml"), "--format", "json")
    assert result.code == 1
    [found] = json.loads(result.out)["files"][0]["problems"]
    assert (found["code"], found["pointer"], found["line"], found["column"]) == (
        "tool-not-found", "/tool", 4, 7)
    assert "'neglect@9.0.0'" in found["message"]


def test_score_refuses_returns_of_different_tools(cli: Callable[..., CliResult]) -> None:
    """score without --tool on returns of two tools is a usage error, not a mixed score."""
    v1 = next((ROOT / "examples" / "responses" / "neglect_v1").glob("*.yaml"))
    result = cli("score", str(RETURN), str(v1))
    assert result.code == 2
    assert "different tools" in result.err


def test_diff_reads_either_version_from_standard_input(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'diff OLD -' compares with the tool on stdin, exactly as with its file."""
    monkeypatch.chdir(ROOT / "tools")
    old = "neglect_v1.yaml"
    filed = cli("diff", old, "neglect_v2.yaml", "--format", "json")
    piped = cli("diff", old, "-", "--format", "json",
                stdin=(ROOT / "tools" / "neglect_v2.yaml").read_text(encoding="utf-8"))
    assert (piped.code, piped.out) == (filed.code, filed.out)
    broken = cli("diff", old, "-", stdin="id: x\n")
    assert broken.code == 1
    assert broken.err.startswith("<stdin>:1:1: error[")


def test_report_and_meetings_read_the_manifest_from_standard_input(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """'report -' and 'meetings -' read the manifest on stdin, its paths relative to the
    current folder, and give what they give for the file."""
    monkeypatch.chdir(ROUND)
    manifest = (ROUND / "audit.yaml").read_text(encoding="utf-8")
    shared = ["--shared", str(ROOT / "tools"), "--shared", str(ROOT / "examples")]
    filed = cli("report", "audit.yaml", "--format", "json", *shared)
    piped = cli("report", "-", "--format", "json", *shared, stdin=manifest)
    assert (piped.code, piped.out) == (filed.code, filed.out.replace("audit.yaml", "<stdin>"))
    filed = cli("meetings", "audit.yaml", "--format", "csv", *shared)
    piped = cli("meetings", "-", "--format", "csv", *shared, stdin=manifest)
    assert (piped.code, piped.out) == (filed.code, filed.out)
    broken = cli("report", "-", *shared, stdin="round: [\n")
    assert broken.code == 1
    assert broken.err.startswith("<stdin>:2:1: error[yaml-syntax]")


def test_export_reads_the_return_from_standard_input(cli: Callable[..., CliResult]) -> None:
    """'export fhir --response -' exports the return on stdin as it exports its file."""
    filed = cli("export", "fhir", str(TOOL), "--response", str(RETURN))
    piped = cli("export", "fhir", str(TOOL), "--response", "-",
                stdin=RETURN.read_text(encoding="utf-8"))
    assert (piped.code, piped.out) == (0, filed.out)
