"""'audit-tool validate' and 'audit-tool schema response': arguments, output, exit codes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from audit_tool import load_tool
from audit_tool.export import response_schema

from conftest import DATA, ROOT, CliResult

Cli = Callable[..., CliResult]
V2 = ROOT / "tools" / "neglect_v2.yaml"
EXAMPLE = ROOT / "examples" / "responses" / "neglect_v2" / "c2_police.yaml"
HOME_VISITS = DATA / "response_tools" / "home_visits.yaml"
BROKEN = DATA / "responses" / "evidence_missing.yaml"


def test_json_output_follows_the_design(cli: Cli) -> None:
    """--format json gives ok, and per file ok and whole problem records."""
    result = cli("validate", "--tool", str(HOME_VISITS), str(BROKEN), "--format", "json")
    assert result.code == 1
    assert json.loads(result.out) == {
        "ok": False,
        "files": [{
            "file": str(BROKEN),
            "ok": False,
            "problems": [{
                "code": "evidence-missing",
                "severity": "error",
                "message": "question 'home_conditions' needs evidence when the answer is "
                "'partly': give the answer as 'value:' with 'evidence:'",
                "line": 10,
                "column": 20,
                "pointer": "/answers/home_conditions",
            }],
        }],
    }


def test_a_folder_expands_to_its_yaml_and_json_files(cli: Cli, tmp_path: Path) -> None:
    """A folder given as RESPONSE is searched for *.yaml, *.yml and *.json; other files are
    left alone, and a JSON response is located by line and column too."""
    shutil.copy(EXAMPLE, tmp_path / "a.yaml")
    shutil.copy(EXAMPLE, tmp_path / "b.yml")
    (tmp_path / "notes.txt").write_text("not a response", encoding="utf-8")
    (tmp_path / "c.json").write_text(
        '{"tool": {"id": "neglect", "version": "2.0.0"},\n "case": "C9", "agency": "gp",\n'
        ' "answers": {"chronology_curent": "yes"}}\n',
        encoding="utf-8",
    )
    result = cli("validate", "--tool", str(V2), str(tmp_path), "--format", "json")
    report = json.loads(result.out)
    assert [Path(f["file"]).name for f in report["files"]] == ["a.yaml", "b.yml", "c.json"]
    assert result.code == 1
    unknown = [p for p in report["files"][2]["problems"] if p["code"] == "unknown-answer"]
    assert [(p["line"], p["column"], p["pointer"]) for p in unknown] == [
        (3, 14, "/answers/chronology_curent")
    ]


def test_an_empty_folder_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    """A folder with no response files exits 2 with a message, rather than 'no problems'."""
    result = cli("validate", "--tool", str(V2), str(tmp_path))
    assert result.code == 2
    assert "no response files" in result.err


def test_a_tool_with_errors_is_reported_instead(cli: Cli, tmp_path: Path) -> None:
    """A tool with errors gives its own problems and exit 1; no response is read."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: Bad\nversion: 1\n", encoding="utf-8")
    result = cli("validate", "--tool", str(bad), str(EXAMPLE))
    assert result.code == 1
    assert result.out.startswith(f"{bad}:")
    assert str(EXAMPLE) not in result.out


def test_an_unreadable_tool_or_response_exits_2(cli: Cli, tmp_path: Path) -> None:
    """A tool or a response file that cannot be read exits 2."""
    missing = str(tmp_path / "missing.yaml")
    assert cli("validate", "--tool", missing, str(EXAMPLE)).code == 2
    assert cli("validate", "--tool", str(V2), missing).code == 2


def test_today_option_moves_today(cli: Cli) -> None:
    """--today sets the day after which dates are in the future; a bad date is a usage error."""
    result = cli("validate", "--tool", str(V2), str(EXAMPLE), "--today", "2026-11-09")
    assert result.code == 1
    assert "error[date-in-future]: the completion date is 2026-11-10" in result.out
    bad = cli("validate", "--tool", str(V2), str(EXAMPLE), "--today", "9 Nov")
    assert bad.code == 2
    assert "not a date (YYYY-MM-DD): '9 Nov'" in bad.err


def test_warnings_alone_exit_0(cli: Cli) -> None:
    """A response with only a warning exits 0 and shows the warning."""
    path = DATA / "responses" / "warnings" / "neglect_v2_historical_evidence.yaml"
    result = cli("validate", "--tool", str(V2), str(path))
    assert result.code == 0
    assert "warning[evidence-before-period]" in result.out
    assert result.out.endswith("checked 1 response: 1 warning\n")


def test_schema_response_prints_the_tools_response_schema(cli: Cli) -> None:
    """'schema response --tool TOOL' prints response_schema(tool) as JSON."""
    result = cli("schema", "response", "--tool", str(V2))
    assert result.code == 0
    assert json.loads(result.out) == response_schema(load_tool(V2))


def test_schema_response_needs_a_tool_that_loads(cli: Cli, tmp_path: Path) -> None:
    """Without --tool, exit 2; with a tool that has errors, its problems and exit 1."""
    assert cli("schema", "response").code == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: Bad\n", encoding="utf-8")
    result = cli("schema", "response", "--tool", str(bad))
    assert (result.code, result.out) == (1, "")
    assert f"{bad}:1:5: error[invalid-id]" in result.err


def _partnership_tool(folder: Path) -> tuple[Path, Path]:
    """A catalogue of our own (ours@2) and a tool that scores into it."""
    catalogue = folder / "ours.yaml"
    catalogue.write_text(
        "id: ours\nversion: 2\ntitle: Our themes\nthemes:\n  - {id: recording, name: Recording}\n",
        encoding="utf-8",
    )
    tool = folder / "tool.yaml"
    tool.write_text(
        (DATA / "tools" / "broken" / "theme_not_evidenced.yaml").read_text(encoding="utf-8")
        .replace("theme: Neglect\n", "theme: Neglect\ncatalogue: ours@2\n"),
        encoding="utf-8",
    )
    return catalogue, tool


def test_schema_response_takes_the_catalogue_its_tool_names(cli: Cli, tmp_path: Path) -> None:
    """A tool that scores into a partnership catalogue needs --catalogue for its response
    schema, as the unknown-catalogue fix says; with it, the schema is printed."""
    catalogue, tool = _partnership_tool(tmp_path)
    without = cli("schema", "response", "--tool", str(tool))
    assert (without.code, without.out) == (1, "")
    assert "error[unknown-catalogue]" in without.err
    result = cli("schema", "response", "--tool", str(tool), "--catalogue", str(catalogue))
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out)["title"].startswith("Response to mini@1.0.0")


def test_validate_reads_no_tool_when_a_catalogue_fails(cli: Cli, tmp_path: Path) -> None:
    """A catalogue with errors is reported on stdout, exit 1, and the tool is not read (its
    unknown catalogue would only repeat the catalogue's failure)."""
    catalogue, tool = _partnership_tool(tmp_path)
    catalogue.write_text("id: ours\nversion: 2\ntitle: Ours\nthemes: []\n", encoding="utf-8")
    result = cli("validate", "--tool", str(tool), "--catalogue", str(catalogue), str(EXAMPLE))
    assert result.code == 1
    assert result.out.startswith(f"{catalogue}:")
    assert "unknown-catalogue" not in result.out
    assert result.err == ""
