"""The round's report on a tool with a register: the Statutory meetings section, the By agency
view, in every format; and the meetings verb."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from test_report import _as_read, free_texts

from audit_tool import build_report, read_round
from audit_tool.cli._report import RENDERERS
from audit_tool.rounds.report import RoundReport
from audit_tool.rounds.report.register_tables import CSV_COLUMNS

from conftest import DATA, ROOT, CliResult

FOLLOW_UP = ROOT / "examples" / "2019-05-neglect"
TOOLS = ROOT / "tools"
Cli = Callable[..., CliResult]


@pytest.fixture(scope="module")
def report() -> RoundReport:
    """The 2019 follow-up round's report data (neglect v2, which declares the register)."""
    audit = read_round(FOLLOW_UP / "audit.yaml", shared=[TOOLS]).round
    assert audit is not None
    return build_report(audit)


def test_markdown_has_the_meetings_section_and_the_agency_view(report: RoundReport) -> None:
    """The Markdown report has a Statutory meetings section (each case, the agency by kind
    table, the flags by code) and a By agency table of theme scores."""
    text = RENDERERS["md"](report)
    for heading in ("## By agency", "## Statutory meetings", "### Case C4",
                    "### By agency and kind of meeting", "### Flags",
                    "#### An agency's return has no record of an event that other agencies "
                    "recorded (36)"):
        assert f"\n{heading}\n" in text, heading
    assert text.index("## By agency") < text.index("## Statutory meetings") < text.index(
        "## Coverage")
    row = next(line for line in text.splitlines()
               if line.startswith("| 2019-01-14 | Core group | Attended |"))
    assert row == ("| 2019-01-14 | Core group | Attended | Apologies sent without a report | "
                   "Attended | no record | Not invited | no record |")


def test_html_and_text_and_json_carry_the_same(report: RoundReport) -> None:
    """HTML has the register and by-agency sections; the text summary counts the meetings
    and prints agency by theme; JSON holds the register and the agency scores."""
    page = RENDERERS["html"](report)
    assert '<section id="register"><h2>Statutory meetings</h2>' in page
    assert '<section id="by-agency"><h2>By agency</h2>' in page
    text = RENDERERS["text"](report)
    assert "statutory meetings: 17 meetings in 5 cases, 78 flags" in text
    assert "by agency (each agency's returns pooled):" in text
    data = json.loads(RENDERERS["json"](report))
    assert [c["case"] for c in data["meetings"]["cases"]] == ["C1", "C2", "C3", "C4", "C5"]
    assert set(data["by_agency"]) == {r.agency for r in report.scores.responses}


def test_an_agencys_scores_pool_its_returns(report: RoundReport) -> None:
    """The By agency score of a theme is the sum of points over the sum of points available
    across that agency's scored returns."""
    for agency, themes in report.by_agency.items():
        mine = [r for r in report.scores.responses if r.agency == agency]
        for theme, found in themes.items():
            points = sum(r.themes[theme].points for r in mine)
            available = sum(r.themes[theme].max_points for r in mine)
            assert (found.points, found.max_points) == pytest.approx((points, available))
            expected = None if available == 0 else 100 * points / available
            assert found.percent == pytest.approx(expected)


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_no_evidence_or_free_text_of_the_follow_up_round_reaches_its_report(
    report: RoundReport, fmt: str
) -> None:
    """The register section quotes no evidence and no free-text answer, in any format."""
    page = _as_read(fmt, RENDERERS[fmt](report))
    texts = free_texts(FOLLOW_UP / "responses")
    assert len(texts) > 30
    assert [t for t in texts if t in page] == []


def test_a_round_on_a_tool_without_a_register_has_no_meetings_section() -> None:
    """The May 2017 round used neglect v1: its report has the By agency view, no register."""
    audit = read_round(ROOT / "examples" / "2017-05-neglect" / "audit.yaml", shared=[TOOLS]).round
    assert audit is not None
    built = build_report(audit)
    assert built.register is None
    text = RENDERERS["md"](built)
    assert "\n## By agency\n" in text
    assert "Statutory meetings\n\nOne row per" not in text


# --- the meetings verb ------------------------------------------------------------------


def _meetings(cli: Cli, manifest: str, *more: str) -> CliResult:
    """``audit-tool meetings MANIFEST --shared tools ...``."""
    return cli("meetings", manifest, "--shared", str(TOOLS), *more)


def test_meetings_prints_the_register_and_exits_0(cli: Cli) -> None:
    """Text: the matching rule, each case's grid, the legend, the rates and the flags."""
    result = _meetings(cli, str(FOLLOW_UP / "audit.yaml"))
    assert (result.code, result.err) == (0, "")
    assert "case C4: 4 meetings" in result.out
    assert "took part, by agency and kind:" in result.out
    assert "warning[register-possible-duplicate]: meeting 4 looks like the same event as " \
           "meeting 3 (meeting 'core_group' of 2018-10-22)" in result.out


def test_meetings_csv_has_a_row_per_meeting_and_invited_agency(cli: Cli) -> None:
    """CSV: the header, then one row for every meeting of every case and every agency
    invited to it."""
    result = _meetings(cli, str(FOLLOW_UP / "audit.yaml"), "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    data = json.loads(
        _meetings(cli, str(FOLLOW_UP / "audit.yaml"), "--format", "json").out
    )
    expected = sum(len(c["events"]) * len(c["agencies"]) for c in data["cases"])
    assert len(rows) - 1 == expected


def test_meetings_json_has_the_register_shape(cli: Cli) -> None:
    """JSON: round, tool, group, title, declaration, kinds, agencies, cases, rates,
    problems (each located in its file)."""
    data = json.loads(_meetings(cli, str(FOLLOW_UP / "audit.yaml"), "--format", "json").out)
    assert list(data) == ["round", "tool", "group", "title", "declaration", "kinds",
                          "agencies", "cases", "rates", "problems"]
    assert data["declaration"]["date_tolerance_days"] == 3
    assert {tuple(p) for p in data["problems"]} == {
        ("code", "severity", "message", "line", "column", "pointer", "file")
    }
    assert data["rates"]["by_kind"]["all"]["attendance"]["of"] > 0


def test_bad_input_gives_located_problems_and_the_rest_of_the_register(cli: Cli) -> None:
    """The test round (an agency listed twice, a date that does not parse, a return from an
    agency not invited, a return to another version): problems on stderr with file, line and
    column, exit 1 for the manifest's error, and the register is still printed."""
    result = _meetings(cli, str(DATA / "register" / "audit.yaml"))
    assert result.code == 1
    assert "audit.yaml:13:10: error[manifest-duplicate-agency]" in result.err
    assert "r1-police.yaml:19:21: error[answer-wrong-type]" in result.err
    assert "r1-police.yaml:19:21: warning[register-entry-unmatched]" in result.out
    assert "r1-health.yaml:4:9: warning[register-return-left-out]" in result.out
    assert "case R1: 4 meetings" in result.out
    assert "Traceback" not in result.err


def test_a_tool_without_a_register_exits_1_and_says_so(cli: Cli) -> None:
    """The 2017 round's tool (neglect v1) declares no register: exit 1 with the reason."""
    result = _meetings(cli, str(ROOT / "examples" / "2017-05-neglect" / "audit.yaml"))
    assert result.code == 1
    assert "neglect@1.0.0 declares no register (register groups: none)" in result.err
    assert _meetings(cli, str(FOLLOW_UP / "audit.yaml"), "--group", "visits").code == 1


def test_strict_exits_1_when_a_return_has_errors(cli: Cli, tmp_path: Path) -> None:
    """Errors in the returns are listed but exit 0; --strict makes them exit 1."""
    shutil.copytree(DATA / "register", tmp_path / "round")
    manifest = tmp_path / "round" / "audit.yaml"
    text = manifest.read_text(encoding="utf-8").replace(
        "  - {id: police, name: Police again}\n", ""
    ).replace("../../../tools/neglect_v2.yaml",
              os.path.relpath(ROOT / "tools" / "neglect_v2.yaml", manifest.parent))
    manifest.write_text(text, encoding="utf-8")
    quiet = _meetings(cli, str(manifest))
    assert quiet.code == 0
    assert "error[answer-wrong-type]" in quiet.err
    assert _meetings(cli, str(manifest), "--strict").code == 1
