"""The check and schema verbs: output formats, exit codes, help, folders, catalogues."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from audit_tool import read_catalogue

from conftest import DATA, ROOT, CliResult

Cli = Callable[..., CliResult]
BROKEN = DATA / "tools" / "broken"


def test_clean_tools_exit_zero_with_a_summary(cli: Cli, shipped_tools_copy: Path) -> None:
    """Checking the shipped tools prints a no-problems summary and exits 0."""
    result = cli("check", str(shipped_tools_copy))
    assert result.code == 0
    assert result.out.strip().startswith("checked 6 files: no problems")


def test_problems_print_compiler_style_and_exit_one(cli: Cli) -> None:
    """An error is printed as file:line:col: severity[code]: message and the exit code is 1."""
    path = BROKEN / "unknown_theme.yaml"
    result = cli("check", str(path))
    assert result.code == 1
    errors = [line for line in result.out.splitlines() if "error[" in line]
    assert errors == [
        f"{path}:21:18: error[unknown-theme]: question 'chronology' maps to theme 'recordng', "
        "which the catalogue 'standard@1' does not define (did you mean 'recording'?)"
    ]


def test_json_output_has_the_design_shape(cli: Cli) -> None:
    """--format json gives {ok, files: [{file, ok, problems: [{code, severity, ...}]}]}."""
    path = BROKEN / "duplicate_key.yaml"
    result = cli("check", "--format", "json", str(path))
    data = json.loads(result.out)
    assert result.code == 1
    assert data["ok"] is False
    [entry] = data["files"]
    assert entry["file"] == str(path)
    assert entry["ok"] is False
    assert all(
        set(p) == {"code", "severity", "message", "line", "column", "pointer"}
        for p in entry["problems"]
    )
    [error] = [p for p in entry["problems"] if p["severity"] == "error"]
    assert (error["code"], error["line"], error["column"], error["pointer"]) == (
        "duplicate-key", 24, 9, "/sections/0/questions/1/type"
    )


def test_warnings_alone_exit_zero(cli: Cli) -> None:
    """A file with only warnings is valid: exit 0, the warnings still printed."""
    result = cli("check", str(BROKEN / "unmapped_scored_question.yaml"))
    assert result.code == 0
    assert "warning[unmapped-scored-question]" in result.out


def test_unreadable_file_exits_two(cli: Cli, tmp_path: Path) -> None:
    """A file that does not exist is exit 2, not a traceback."""
    result = cli("check", str(tmp_path / "missing.yaml"))
    assert result.code == 2
    assert "error[file-unreadable]" in result.out


def test_usage_error_exits_two(cli: Cli) -> None:
    """An unknown option is a usage error: exit 2 with usage on stderr."""
    result = cli("check", "--frobnicate", "x.yaml")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("usage: audit-tool")
    assert "unrecognized arguments: --frobnicate" in result.err


def test_no_verb_prints_help_and_exits_two(cli: Cli) -> None:
    """Running the program with nothing prints the verbs and exits 2."""
    result = cli()
    assert result.code == 2
    assert "check" in result.err


def test_help_teaches_with_examples(cli: Cli) -> None:
    """check --help explains the verb and shows runnable examples; exit 0."""
    result = cli("check", "--help")
    assert result.code == 0
    assert "audit-tool check tools/neglect_v2.yaml" in result.out
    assert "--catalogue" in result.out


def test_problems_in_a_building_block_are_reported_under_its_own_file(cli: Cli) -> None:
    """A problem inside an included file gets its own files entry in the JSON output."""
    result = cli("check", "--format", "json", str(BROKEN / "problem_in_included_file.yaml"))
    files = {entry["file"]: entry for entry in json.loads(result.out)["files"]}
    block = files[str(BROKEN / "parts" / "bad_fragment.yaml")]
    assert [(p["code"], p["line"], p["column"]) for p in block["problems"]] == [
        ("unknown-scale", 15, 16)
    ]
    assert files[str(BROKEN / "problem_in_included_file.yaml")]["ok"] is True


def test_a_partnership_catalogue_can_be_supplied(cli: Cli, tmp_path: Path) -> None:
    """--catalogue adds a theme catalogue that tools may name and map into."""
    catalogue = tmp_path / "ours.yaml"
    catalogue.write_text(
        "id: ours\nversion: 2\ntitle: Our themes\nthemes:\n"
        "  - {id: recording, name: Recording}\n  - {id: practice, name: Practice}\n",
        encoding="utf-8",
    )
    tool = tmp_path / "tool.yaml"
    tool.write_text(
        (BROKEN / "theme_not_evidenced.yaml").read_text(encoding="utf-8")
        .replace("theme: Neglect\n", "theme: Neglect\ncatalogue: ours@2\n")
        .replace("themes: {recording: 1}", "themes: {recording: 1, practice: 1}"),
        encoding="utf-8",
    )
    without = cli("check", str(tool))
    assert without.code == 1
    assert "error[unknown-catalogue]" in without.out
    result = cli("check", "--catalogue", str(catalogue), str(tool))
    assert (result.code, result.out.splitlines()[-1]) == (0, "checked 2 files: no problems")


def test_a_broken_catalogue_is_reported_with_positions(cli: Cli, tmp_path: Path) -> None:
    """A catalogue file with a duplicate theme id is an error at its line and column."""
    catalogue = tmp_path / "ours.yaml"
    catalogue.write_text(
        "id: ours\nversion: 1\ntitle: Ours\nthemes:\n  - {id: a, name: A}\n  - {id: a, name: B}\n",
        encoding="utf-8",
    )
    result = cli("check", "--catalogue", str(catalogue), str(ROOT / "tools" / "neglect_v1.yaml"))
    assert result.code == 1
    assert f"{catalogue}:6:10: error[duplicate-id]" in result.out


def test_schema_verb_prints_the_checked_in_schema(cli: Cli) -> None:
    """schema tool prints exactly schemas/audit-tool.schema.json."""
    result = cli("schema", "tool")
    assert result.code == 0
    expected = (ROOT / "schemas" / "audit-tool.schema.json").read_text(encoding="utf-8")
    assert result.out == expected


def test_read_catalogue_gives_the_catalogue_or_its_problems(tmp_path: Path) -> None:
    """read_catalogue reads a catalogue file once: the catalogue and no problems, or None and
    every problem (never raising)."""
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text("id: ours\nversion: 1\ntitle: Ours\nthemes:\n  - {id: a, name: A}\n",
                    encoding="utf-8")
    bad.write_text("id: ours\nversion: 1\ntitle: Ours\nthemes:\n  - {id: a, name: A}\n"
                   "  - {id: a, name: B}\n", encoding="utf-8")
    loaded = read_catalogue(good)
    assert (loaded.catalogue is not None and loaded.catalogue.ref, loaded.problems) == (
        "ours@1", []
    )
    loaded = read_catalogue(bad)
    assert (loaded.catalogue, [(p.code, p.line, p.column) for p in loaded.problems]) == (
        None, [("duplicate-id", 6, 10)]
    )
