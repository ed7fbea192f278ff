"""audit-tool diff: formats, --fail-on, --check-version, problems and exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from audit_tool.versions.rules import EXAMPLE_TOOL, Example

from conftest import ROOT, CliResult

V1 = str(ROOT / "tools" / "neglect_v1.yaml")
V2 = str(ROOT / "tools" / "neglect_v2.yaml")
Cli = Callable[..., CliResult]


def _write(tmp_path: Path, name: str, *edits: tuple[str, str]) -> str:
    path = tmp_path / name
    path.write_text(Example(edits).apply(EXAMPLE_TOOL), encoding="utf-8")
    return str(path)


@pytest.fixture
def base(tmp_path: Path) -> str:
    """The example tool, written to a file."""
    return _write(tmp_path, "base.yaml")


def test_neglect_v1_to_v2_text_leads_with_the_amendments(cli: Cli) -> None:
    """The text output's first two lines are the plan question replaced and the new meetings
    section, each at its file and line; the summary suggests major, as declared."""
    result = cli("diff", V1, V2)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith(f"{V2}:142:9: breaking[question-replaced-scored]: question "
                               "'effective_plan'")
    shared = str(ROOT / "tools" / "shared" / "meeting_attendance.yaml")
    assert lines[1].startswith(f"{shared}:42:5: cosmetic[section-added]: section "
                               "'statutory_meetings'")
    assert lines[-1] == (
        "suggested version step: major; declared: major (the version keeps its promise)"
    )


def test_neglect_v1_to_v2_passes_the_version_check(cli: Cli) -> None:
    """2.0.0 is the major step the changes call for: --check-version exits 0."""
    assert cli("diff", V1, V2, "--check-version", "--format", "json").code == 0


def test_json_output_is_the_design_shape(cli: Cli) -> None:
    """--format json prints DESIGN §6's object and nothing else."""
    result = cli("diff", V1, V2, "--format", "json")
    data = json.loads(result.out)
    assert list(data) == ["old", "new", "changes", "suggested_bump", "declared_bump"]
    assert data["changes"][0]["rule"] == "question-replaced-scored"
    assert result.err == ""


def test_markdown_output_is_a_changelog(cli: Cli) -> None:
    """--format md writes the board's changelog, headed by the tool and version."""
    result = cli("diff", V1, V2, "--format", "md")
    assert result.code == 0
    assert result.out.startswith(
        "# Multi-agency case audit - neglect: what changed in version 2.0.0\n"
    )


def test_markdown_names_the_themes_of_a_partnership_catalogue(cli: Cli, tmp_path: Path) -> None:
    """With --catalogue, the changelog names a partnership catalogue's themes, not their ids."""
    catalogue = tmp_path / "ours.yaml"
    names = {"recording": "Keeping records", "voice_of_child": "The child's voice",
             "impact_on_child": "Impact", "meetings": "Meetings"}
    catalogue.write_text(
        "id: ours\nversion: 1\ntitle: Our themes\nthemes:\n"
        + "".join(f"  - {{id: {t}, name: {n}}}\n" for t, n in names.items()),
        encoding="utf-8",
    )
    ours = ("status: active\n", "status: active\ncatalogue: ours@1\n")
    old = _write(tmp_path, "old.yaml", ours)
    weight = ("themes: {recording: 1, impact_on_child: 1}",
              "themes: {recording: 2, impact_on_child: 1}")
    new = _write(tmp_path, "new.yaml", ours, weight)
    result = cli("diff", old, new, "--format", "md", "--catalogue", str(catalogue))
    assert result.code == 0, result.err
    assert "| Can theme scores be compared with 1.0.0? | Yes, except Keeping records:" in result.out


@pytest.mark.parametrize(
    ("level", "code"), [("breaking", 1), ("compatible", 1), ("cosmetic", 1)]
)
def test_fail_on_is_triggered_by_a_breaking_change_at_every_level(
    cli: Cli, level: str, code: int
) -> None:
    """A breaking change triggers --fail-on breaking, compatible and cosmetic alike."""
    assert cli("diff", V1, V2, "--fail-on", level).code == code


@pytest.mark.parametrize(("level", "code"), [("breaking", 0), ("compatible", 1), ("cosmetic", 1)])
def test_fail_on_counts_only_changes_at_least_that_severe(
    cli: Cli, tmp_path: Path, base: str, level: str, code: int
) -> None:
    """A compatible change (a requirement dropped) triggers compatible and cosmetic, not
    breaking."""
    new = _write(tmp_path, "new.yaml", (
        "        text: Overall, how well did your agency respond to the home conditions?\n",
        "        text: Overall, how well did your agency respond to the home conditions?\n"
        "        required: false\n",
    ), ("version: 1.0.0", "version: 1.1.0"))
    assert cli("diff", base, new, "--fail-on", level).code == code


def test_check_version_fails_when_content_changes_under_the_same_version(
    cli: Cli, tmp_path: Path, base: str
) -> None:
    """Rewording a question without a new version fails --check-version, with the reason."""
    new = _write(tmp_path, "new.yaml", (
        "text: Did your agency see the home?", "text: Did anyone see the home?",
    ))
    result = cli("diff", base, new, "--check-version", "--format", "json")
    assert result.code == 1
    assert result.err == (
        "audit-tool diff: version check failed: the content changed but the version is still "
        "1.0.0; a published version never changes\n"
    )
    assert cli("diff", base, new).code == 0


def test_check_version_fails_when_the_step_is_too_small(
    cli: Cli, tmp_path: Path, base: str
) -> None:
    """A breaking change published as a minor version fails, and the text says why."""
    new = _write(
        tmp_path, "new.yaml", ("        max_entries: 10\n", "        max_entries: 5\n"),
        ("version: 1.0.0", "version: 1.1.0"),
    )
    result = cli("diff", base, new, "--check-version")
    assert result.code == 1
    assert result.out.splitlines()[-1] == (
        "suggested version step: major; declared: minor (the changes call for a major version "
        "step, but 1.0.0 -> 1.1.0 is a minor step)"
    )


def test_problems_of_the_successor_are_located_and_exit_1(
    cli: Cli, tmp_path: Path, base: str
) -> None:
    """A removed question not reserved is an error at the new file's line; a possible rename is
    a warning at the added question's id; both go to stderr, and the changes to stdout."""
    new = _write(tmp_path, "new.yaml", ("      - id: summary\n", "      - id: home_summary\n"))
    result = cli("diff", base, new)
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{new}:1:1: error[removed-id-not-reserved]: question 'summary' is removed but not "
        "reserved in this version; add it to retired_ids so no later version reuses it: "
        "`retired_ids: [summary]`",
        f"{new}:83:13: warning[possible-rename]: question 'home_summary' looks like 'summary', "
        "which this version removes; if it is the same question, add `renamed_from: [summary]` "
        "to 'home_summary' so that migration carries its answers",
        "checked 1 file: 1 error, 1 warning",
    ]
    assert "[question-removed]" in result.out
    as_json = cli("diff", base, new, "--format", "json")
    assert json.loads(as_json.out)["suggested_bump"] == "major"
    codes = [p["code"] for p in json.loads(as_json.err)["files"][0]["problems"]]
    assert codes == ["removed-id-not-reserved", "possible-rename"]


def test_a_bad_tool_file_gives_its_problems_and_exit_1(
    cli: Cli, tmp_path: Path, base: str
) -> None:
    """A new version with an unknown scale is not compared: its problems are listed, exit 1."""
    new = _write(tmp_path, "new.yaml", ("        scale: yes_no\n", "        scale: yes_nope\n"))
    result = cli("diff", base, new)
    assert (result.code, result.out) == (1, "")
    assert "error[unknown-scale]" in result.err
    data = json.loads(cli("diff", base, new, "--format", "json").err)
    assert data["ok"] is False


def test_an_unreadable_file_exits_2(cli: Cli, base: str, tmp_path: Path) -> None:
    """A file that cannot be read is exit 2, never a traceback."""
    result = cli("diff", base, str(tmp_path / "missing.yaml"))
    assert result.code == 2
    assert "error[file-unreadable]" in result.err


def test_a_building_block_is_not_a_tool(cli: Cli) -> None:
    """Giving a building block instead of a tool is an error at its first line."""
    block = str(ROOT / "tools" / "shared" / "scales.yaml")
    result = cli("diff", block, V2)
    assert result.code == 1
    assert f"{block}:1:1: error[not-a-tool]" in result.err


def test_usage_errors_exit_2(cli: Cli) -> None:
    """A missing argument or an unknown --fail-on level is a usage error."""
    assert cli("diff", V1).code == 2
    assert cli("diff", V1, V2, "--fail-on", "sometimes").code == 2
