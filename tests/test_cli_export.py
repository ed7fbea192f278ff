"""``audit-tool export fhir``: output, warnings, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import DATA, CliResult

Cli = Callable[..., CliResult]
TOOL = str(DATA / "fhir" / "mini_tool.yaml")
RESPONSES = DATA / "fhir" / "responses"


def test_a_tool_is_written_to_stdout_with_warnings_on_stderr(cli: Cli) -> None:
    """The Questionnaire JSON goes to stdout; each inexpressible condition is a compiler-style
    warning line on stderr; warnings alone exit 0."""
    result = cli("export", "fhir", TOOL)
    assert result.code == 0
    assert json.loads(result.out)["resourceType"] == "Questionnaire"
    assert result.err.splitlines() == [
        f"{TOOL}:86:11: warning[fhir-condition-not-expressible]: the condition of question "
        "'home_recorded' cannot be written as FHIR enableWhen: it mixes 'all' and 'any' (once "
        "'not' is applied), and enableWhen has one enableBehavior for all its tests; the export "
        "carries it in the extension urn:audit-tool:fhir:extension:condition and makes the "
        "question always enabled and optional",
        f"{TOOL}:125:15: warning[fhir-condition-not-expressible]: the condition of question "
        "'meeting_notes' cannot be written as FHIR enableWhen: it reads the repeatable group "
        "'meetings', which enableWhen cannot test; the export carries it in the extension "
        "urn:audit-tool:fhir:extension:condition and makes the question always enabled and "
        "optional",
        "checked 1 file: 2 warnings",
    ]


def test_output_file_options_and_json_problems(cli: Cli, tmp_path: Path) -> None:
    """-o writes the file (nothing on stdout); --fhir-version and --base-url shape the
    resource; --format json gives the JSON problem report on stderr."""
    target = tmp_path / "out" / "q.json"
    result = cli("export", "fhir", "--tool", TOOL, "-o", str(target), "--fhir-version", "R5",
                 "--base-url", "https://fhir.example.org", "--format", "json")
    assert (result.code, result.out) == (0, "")
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["url"] == "https://fhir.example.org/Questionnaire/fhir_mini"
    assert written["versionAlgorithmCoding"]["code"] == "semver"
    report = json.loads(result.err)
    assert report["ok"] is True
    assert [p["code"] for f in report["files"] for p in f["problems"]] == [
        "fhir-condition-not-expressible", "fhir-condition-not-expressible"
    ]


def test_a_return_is_exported_against_its_tool(cli: Cli) -> None:
    """--response with --tool writes the QuestionnaireResponse; warnings go to stderr."""
    result = cli("export", "fhir", "--response", str(RESPONSES / "migrated.yaml"), "--tool", TOOL)
    assert result.code == 0
    exported = json.loads(result.out)
    assert exported["resourceType"] == "QuestionnaireResponse"
    assert exported["questionnaire"] == "urn:audit-tool:questionnaire:fhir_mini|1.2.0"
    assert [line.split(": ")[1] for line in result.err.splitlines()] == [
        "warning[fhir-answer-not-applicable]",
        "warning[fhir-unplaced-answer-not-exported]",
        "2 warnings",
    ]


def test_a_return_with_errors_writes_nothing_and_exits_1(cli: Cli, tmp_path: Path) -> None:
    """An answer that has no place in the Questionnaire is an error: exit 1, no JSON."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "tool: {id: fhir_mini, version: 1.2.0}\ncase: C1\nagency: police\n"
        "answers:\n  no_such_question: free text\n",
        encoding="utf-8",
    )
    target = tmp_path / "qr.json"
    result = cli("export", "fhir", TOOL, "--response", str(bad), "-o", str(target))
    assert (result.code, result.out, target.exists()) == (1, "", False)
    assert result.err == (
        f"{bad}:5:21: error[fhir-answer-not-exported]: this key is not a question "
        "of 'fhir_mini@1.2.0'\nchecked 1 file: 1 error\n"
    )


def test_a_broken_tool_gives_its_problems_and_exits_1(cli: Cli, tmp_path: Path) -> None:
    """A tool with errors is not exported: its problems on stderr, exit 1."""
    broken = tmp_path / "broken.yaml"
    broken.write_text('id: x\nversion: "1.0"\ntitle: X\ntheme: Y\nsections: []\n', encoding="utf-8")
    result = cli("export", "fhir", str(broken))
    assert (result.code, result.out) == (1, "")
    assert [line.split(": ")[:2] for line in result.err.splitlines()] == [
        [f"{broken}:2:10", "error[invalid-version]"],
        [f"{broken}:5:11", "error[invalid-value]"],
        ["checked 1 file", "2 errors"],
    ]


def test_a_building_block_is_not_a_tool(cli: Cli) -> None:
    """Exporting a building block gives not-a-tool and exits 1."""
    block = str(DATA / "fhir" / "shared" / "context.yaml")
    result = cli("export", "fhir", block)
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith(f"{block}:1:1: error[not-a-tool]")


def test_a_return_with_a_bad_shape_gives_its_problems(cli: Cli, tmp_path: Path) -> None:
    """A return that is not a return (missing fields) gives its schema problems, exit 1."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("tool: {id: fhir_mini, version: 1.2.0}\nagency: police\n", encoding="utf-8")
    result = cli("export", "fhir", TOOL, "--response", str(bad))
    assert (result.code, result.out) == (1, "")
    assert "error[missing-field]" in result.err


def test_files_that_cannot_be_read_exit_2(cli: Cli, tmp_path: Path) -> None:
    """A missing tool or return file is exit 2, with file-unreadable on stderr."""
    missing = str(tmp_path / "nope.yaml")
    for argv in (("export", "fhir", missing), ("export", "fhir", TOOL, "--response", missing)):
        result = cli(*argv)
        assert (result.code, result.out) == (2, "")
        assert "error[file-unreadable]" in result.err


def test_usage_errors_exit_2(cli: Cli) -> None:
    """No tool, the tool twice, a base URL that is not a URI, or another format: exit 2."""
    cases = [
        (("export", "fhir"), "audit-tool: error: which tool?"),
        (("export", "fhir", TOOL, "--tool", TOOL), "audit-tool: error: give the tool once"),
        (("export", "fhir", TOOL, "--base-url", "example.org"),
         "audit-tool: error: the base URL must be an absolute URI"),
        (("export", "csv", TOOL), "invalid choice: 'csv'"),
        (("export", "fhir", TOOL, "--fhir-version", "R3"), "invalid choice: 'R3'"),
    ]
    for argv, message in cases:
        result = cli(*argv)
        assert (result.code, result.out) == (2, ""), argv
        assert message in result.err, argv
