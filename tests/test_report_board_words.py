"""The board's sections of the report name no question ids: a warning about one question is
given in words (its number and text); the appendix keeps the id, file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

from audit_tool import build_report, read_round
from audit_tool.rounds.report import render_report_html, render_report_markdown
from audit_tool.rounds.report.words import warning_sections

from conftest import ROOT, copy_shipped_tools


def _round_with_a_stray_answer(tmp_path: Path) -> Path:
    """The May 2019 example round, the police's return for C1 answering 'school_records',
    which only schools are asked (an unexpected-answer warning)."""
    copy_shipped_tools(tmp_path / "tools")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    folder = tmp_path / "examples" / "2019-05-neglect"
    police = folder / "responses" / "c1-police.yaml"
    text = police.read_text(encoding="utf-8")
    police.write_text(text.replace("answers:\n", "answers:\n  school_records: \"yes\"\n", 1),
                      encoding="utf-8")
    return folder / "audit.yaml"


def test_a_warning_about_a_question_is_in_words_for_the_board(tmp_path: Path) -> None:
    """In the board's Warnings the stray answer is 'question N, “text”', never its id; the
    appendix form (with files and lines) still names the id the auditor must find."""
    loaded = read_round(_round_with_a_stray_answer(tmp_path),
                        shared=[tmp_path / "tools", tmp_path / "examples"])
    assert loaded.round is not None
    report = build_report(loaded.round)
    sections = warning_sections(report, where=False)
    board = [s for _, items in sections for s in items]
    stray = [s for heading, items in sections if "does not apply" in heading for s in items]
    question = loaded.round.tool.question("school_records")
    assert question is not None
    assert stray == [f"C1 · Police: Question 3.3, “{question.question.text}”"]
    assert "school_records" not in " ".join(board)
    appendix = [s for _, items in warning_sections(report) for s in items]
    assert any("school_records" in s and "line" in s for s in appendix)
    for page in (render_report_html(report), render_report_markdown(report)):
        board_part = page.split("Warnings", 1)[1].split("Returns left out", 1)[0]
        assert question.question.text.split()[0] in board_part
        assert "school_records" not in board_part
