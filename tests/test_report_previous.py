"""The round's report shows the previous round: each theme's movement and its actions."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from audit_tool import build_report, read_round
from audit_tool.rounds.report import (
    RoundReport,
    render_report_html,
    render_report_markdown,
    render_report_text,
)
from audit_tool.rounds.trend import read_previous

from conftest import DATA, ROOT, SHARED, CliResult

LATER = ROOT / "examples" / "2019-05-neglect" / "audit.yaml"


def _report(manifest: Path, shared: tuple[Path, ...] = SHARED) -> RoundReport:
    audit = read_round(manifest, shared=shared).round
    assert audit is not None
    previous, problems = read_previous(audit, shared=shared)
    assert problems == []
    return build_report(audit, previous)


@pytest.fixture(scope="module")
def report() -> RoundReport:
    """The May 2019 round's report, with May 2017 as its previous round."""
    return _report(LATER)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of examples/ and tools/; the 2019 manifest in it."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "tools", tmp_path / "tools")
    return tmp_path / "examples" / "2019-05-neglect" / "audit.yaml"


def test_movement_is_like_for_like_where_the_tool_changed(report: RoundReport) -> None:
    """Each theme's row: both rounds' whole figures, the break, and the like-for-like step."""
    previous = report.previous
    assert previous is not None
    assert (previous.round, previous.tool_ref) == ("2017-05-neglect", "neglect@1.0.0")
    recording = next(m for m in previous.movements if m.theme == "recording")
    assert not recording.step.comparable
    assert [q.later for q in recording.step.like_for_like.questions] == [
        "record_clear_picture", "chronology_current", "contacts_recorded"
    ]
    text = render_report_markdown(report)
    assert ("| Recording and chronologies | 57.0% RI | 76.3% G | scoring changed | "
            "57.0% → 80.7% (+23.7) | 3 questions; 78 and 78 answers |") in text


def test_overdue_actions_stand_out_first(report: RoundReport) -> None:
    """Actions still open after their due date, as of the 2019 panel, are listed first and
    marked; the counts add up."""
    previous = report.previous
    assert previous is not None
    assert [a.learning for a in previous.overdue] == ["5.3", "5.5", "5.8"]
    assert dict(previous.counts()) == {"done": 9, "dropped": 1, "open": 4, "overdue": 3}
    markdown = render_report_markdown(report)
    table = markdown.split("### Actions agreed at the previous round")[1]
    rows = [line for line in table.splitlines() if line.startswith("| 5.")]
    assert [r.split(" | ")[0] for r in rows[:4]] == ["| 5.3", "| 5.5", "| 5.8", "| 5.11"]
    assert rows[0].endswith("| **OVERDUE (due 2018-06-30, still open): Children's social care "
                            "and health done; the drug and alcohol service not yet.** |")
    assert "font-weight:bold" in render_report_html(report).split('id="previous"')[1]
    assert "  overdue: 5.8 Add child protection plan markers to the address records." in (
        render_report_text(report)
    )


def test_overdue_is_judged_at_the_later_panel_date_not_today(copy: Path) -> None:
    """With the later panel moved to 2018-07-15, only the action due 2018-06-30 and still
    open is overdue: the report reads the same whenever it is made."""
    text = copy.read_text(encoding="utf-8").replace("panel_date: 2019-05-15",
                                                    "panel_date: 2018-07-15")
    copy.write_text(text, encoding="utf-8")
    root = copy.parent.parent.parent
    previous = _report(copy, (root / "tools", root / "examples")).previous
    assert previous is not None
    assert [a.learning for a in previous.overdue] == ["5.3", "5.8"]


def test_a_round_without_previous_shows_no_such_section() -> None:
    """The 2017 round names no previous round: no section, and null in JSON."""
    built = _report(ROOT / "examples" / "2017-05-neglect" / "audit.yaml")
    assert built.previous is None
    assert "Since the previous round" not in render_report_markdown(built)
    assert json.loads(json.dumps(built.to_dict()))["previous"] is None


def test_report_json_carries_the_previous_round(report: RoundReport) -> None:
    """to_dict()['previous']: the themes with their steps and every action with its status."""
    data = json.loads(json.dumps(report.to_dict()))["previous"]
    assert data["as_of"] == "2019-05-15"
    assert len(data["actions"]) == 14
    assert {t["theme"]: t["comparable"] for t in data["themes"]}["meetings"] is False


def test_a_previous_round_of_another_tool_is_a_located_problem(
    cli: Callable[..., CliResult], copy: Path, tmp_path: Path
) -> None:
    """A previous link to a round of another tool: programme-different-tool on stderr, the
    report written without the section, exit 1."""
    other = tmp_path / "other"
    shutil.copytree(DATA / "programme" / "home-visits-2018", other / "home-visits-2018")
    shutil.copytree(DATA / "response_tools", tmp_path / "response_tools")
    text = copy.read_text(encoding="utf-8").replace(
        "previous: ../2017-05-neglect/audit.yaml",
        "previous: ../../other/home-visits-2018/audit.yaml",
    )
    copy.write_text(text, encoding="utf-8")
    out = tmp_path / "report.md"
    shared = [tmp_path / "tools", tmp_path / "examples", other, tmp_path / "response_tools"]
    options = [a for f in shared for a in ("--shared", str(f))]
    result = cli("report", str(copy), "-o", str(out), *options)
    assert result.code == 1
    assert f"{copy}:15:7: error[programme-different-tool]" in result.err
    assert "Since the previous round" not in out.read_text(encoding="utf-8")


def test_an_action_that_asked_for_the_tool_change_is_checked_against_the_changelog(
    report: RoundReport,
) -> None:
    """5.2 and 5.9 asked for neglect 2.0.0: this round used it, and its changelog cites
    each; an action with no tool link has no such note."""
    previous = report.previous
    assert previous is not None
    notes = {(a.learning, a.tool_note) for a in previous.actions if a.action.tool}
    assert notes == {
        ("5.2", "this round used neglect@2.0.0, whose changelog cites 5.2"),
        ("5.9", "this round used neglect@2.0.0, whose changelog cites 5.9"),
    }
    assert all(a.tool_note == "" for a in previous.actions if a.action.tool is None)


def test_a_previous_link_outside_the_shared_folders_is_a_located_problem(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """The round reads on its own with only its tools shared; following its previous link
    outside the manifest's folder and the shared folders is manifest-path-outside at
    /previous: the report is written without the section, exit 1."""
    out = tmp_path / "report.md"
    result = cli("report", str(LATER), "--shared", str(ROOT / "tools"), "-o", str(out))
    assert result.code == 1
    assert f"{LATER}:21:11: error[manifest-path-outside]" in result.err
    assert "Since the previous round" not in out.read_text(encoding="utf-8")
    assert read_round(LATER, shared=[ROOT / "tools"]).round is not None


def test_a_previous_link_to_no_file_is_a_located_problem(
    cli: Callable[..., CliResult], copy: Path
) -> None:
    """A previous link to a manifest that does not exist: manifest-path-not-found at
    /previous when the trend follows it, and no trend."""
    text = copy.read_text(encoding="utf-8").replace(
        "previous: ../2017-05-neglect/audit.yaml", "previous: ../2015-05-neglect/audit.yaml")
    copy.write_text(text, encoding="utf-8")
    root = copy.parent.parent.parent
    result = cli("trend", str(copy), "--shared", str(root / "tools"), "--shared",
                 str(root / "examples"))
    assert result.code == 1
    assert f"{copy}:21:11: error[manifest-path-not-found]" in result.err
