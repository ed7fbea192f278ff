"""Findings, learning and actions in a round's manifest: the example's, and broken links."""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest

from audit_tool import build_report, read_manifest, read_round
from audit_tool.rounds import ActionStatus
from audit_tool.rounds.report import render_report_html, render_report_markdown

from conftest import DATA, ROOT, SHARED, TOOLS, expected_problems

EXAMPLE = ROOT / "examples" / "2017-05-neglect" / "audit.yaml"
LINKS = sorted((DATA / "learning").glob("*/audit.yaml"))


def test_the_example_round_carries_its_findings_and_learning_5_1_to_5_11() -> None:
    """May 2017: six findings and learning 5.1 to 5.11, each action owned by agencies of the
    round, and the two actions that asked for the tool change link to neglect 2.0.0."""
    manifest = read_manifest(EXAMPLE, shared=SHARED).manifest
    assert manifest is not None
    assert len(manifest.findings) == 6
    assert [item.id for item in manifest.learning] == [f"5.{n}" for n in range(1, 12)]
    linked = {(item.id, a.tool) for item in manifest.learning for a in item.actions if a.tool}
    assert linked == {("5.2", "neglect@2.0.0"), ("5.9", "neglect@2.0.0")}
    statuses = {a.status for item in manifest.learning for a in item.actions}
    assert statuses == set(ActionStatus)


def test_overdue_is_relative_to_a_given_date() -> None:
    """An open action is overdue only after its due date, as of the date asked about."""
    manifest = read_manifest(EXAMPLE, shared=SHARED).manifest
    assert manifest is not None
    action = next(a for item in manifest.learning if item.id == "5.3" for a in item.actions)
    assert action.status is ActionStatus.OPEN
    assert not action.overdue(datetime.date(2018, 6, 30))
    assert action.overdue(datetime.date(2018, 7, 1))
    done = next(a for item in manifest.learning if item.id == "5.1" for a in item.actions)
    assert not done.overdue(datetime.date(2030, 1, 1))


@pytest.mark.parametrize("path", LINKS, ids=[p.parent.name for p in LINKS])
def test_links_the_tool_or_catalogue_does_not_have_are_located(path: Path) -> None:
    """A link to a question the round's tool does not have, or to a theme its catalogue
    does not define: the problem its '# expect:' lines name, where they name it, and no
    round."""
    loaded = read_round(path, shared=[TOOLS])
    assert loaded.round is None
    got = [(p.code, p.line, p.column, p.pointer) for p in loaded.problems]
    assert got == expected_problems(path)


def test_an_unknown_link_suggests_the_nearest_theme() -> None:
    """A misspelt theme gets a did-you-mean; the message quotes only ids."""
    loaded = read_round(DATA / "learning" / "unknown-theme" / "audit.yaml", shared=[TOOLS])
    assert loaded.problems[0].message == (
        "finding 'recording_variable' links to theme 'recordng', which the catalogue "
        "'standard@1' does not define (did you mean 'recording'?)"
    )


def test_the_report_lists_the_rounds_findings_learning_and_actions() -> None:
    """The round's report shows each finding, each item of learning and its actions, with
    the tool version an action asked for; the JSON carries them as data."""
    audit = read_round(EXAMPLE, shared=SHARED).round
    assert audit is not None
    built = build_report(audit)
    markdown = render_report_markdown(built)
    assert "## Findings and key learning\n" in markdown
    assert "- The child's voice was heard in some records and not in others. (Voice of the " \
           "child)" in markdown
    assert "### 5.10 Help auditors plan and carry out audits on behalf of the partnership." in (
        markdown
    )
    assert ("| Publish a new version of the neglect audit tool. (asked for neglect@2.0.0) | "
            "Children's social care | 2017-11-30 | done 2018-06-01:") in markdown
    assert render_report_html(built).count('<section id="learning">') == 1
    data = built.to_dict()
    assert [item["id"] for item in data["learning"]][-1] == "5.11"
    assert data["learning"][0]["actions"][0]["due"] == "2017-09-30"


def test_learning_text_is_escaped_in_the_report(tmp_path: Path) -> None:
    """Learning text holding markup is shown as text in HTML and Markdown."""
    folder = tmp_path / "round"
    shutil.copytree(EXAMPLE.parent, folder)
    manifest = folder / "audit.yaml"
    tools = os.path.relpath(ROOT / "tools", folder).replace(os.sep, "/")
    text = manifest.read_text(encoding="utf-8").replace("../../tools", tools).replace(
        "text: Keep chronologies and case records accurate and up to date.",
        "text: '<img src=x> *keep* | records'",
    )
    manifest.write_text(text, encoding="utf-8")
    audit = read_round(manifest, shared=SHARED).round
    assert audit is not None
    built = build_report(audit)
    assert "<img" not in render_report_html(built)
    assert "&lt;img src=x&gt; *keep* | records" in render_report_html(built)
    assert "### 5.1 \\<img src=x\\> \\*keep\\* \\| records" in render_report_markdown(built)
