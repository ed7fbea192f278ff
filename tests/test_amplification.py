"""Inputs that would multiply the output or the work give bounded output: many unknown
answer keys, many identical returns in a round, the same file given to score twice."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from audit_tool import load_tool, validate_response
from audit_tool.responses._response_checks import UNKNOWN_ANSWERS_LISTED
from audit_tool.rounds.round import DUPLICATES_NAMED, read_round

from conftest import ROOT, TOOLS, CliResult
from rounds import return_header, small_round

Cli = Callable[..., CliResult]
TOOL = ROOT / "tools" / "neglect_v2.yaml"
POLICE = ROOT / "examples" / "2019-05-neglect" / "responses" / "c1-police.yaml"


def _with_unknown_keys(tmp_path: Path, count: int) -> tuple[Path, int]:
    """c1-police.yaml with ``count`` answers under keys the tool has no question for, first
    thing under 'answers:'; and the line of the first."""
    text = POLICE.read_text(encoding="utf-8")
    head, tail = text.split("answers:\n", 1)
    extra = "".join(f"  not_a_question_{n}: 1\n" for n in range(count))
    path = tmp_path / "many.yaml"
    path.write_text(head + "answers:\n" + extra + tail, encoding="utf-8")
    return path, head.count("\n") + 2


def test_many_unknown_answers_are_listed_up_to_a_bound_then_counted(tmp_path: Path) -> None:
    """1,000 unknown answer keys give the first 20 unknown-answer problems (each with its
    did-you-mean) and one more-unknown-answers error at the 21st, counting the other 980."""
    path, first = _with_unknown_keys(tmp_path, 1000)
    found = validate_response(load_tool(TOOL), path)
    assert [p.code for p in found] == ["unknown-answer"] * UNKNOWN_ANSWERS_LISTED + [
        "more-unknown-answers"
    ]
    last = found[-1]
    assert (last.severity.value, last.line, last.column, last.pointer) == (
        "error", first + UNKNOWN_ANSWERS_LISTED, 3,
        f"/answers/not_a_question_{UNKNOWN_ANSWERS_LISTED}",
    )
    assert last.message == (
        "980 more answers stand where neglect@2.0.0 has no question for them (the first 20 "
        "are listed); this is the first of them"
    )
    assert last.context["count"] == 980


def test_as_many_unknown_answers_as_the_bound_are_all_listed(tmp_path: Path) -> None:
    """At the bound exactly, every unknown answer is listed and no summary is added."""
    path, _ = _with_unknown_keys(tmp_path, UNKNOWN_ANSWERS_LISTED)
    found = validate_response(load_tool(TOOL), path)
    assert [p.code for p in found] == ["unknown-answer"] * UNKNOWN_ANSWERS_LISTED


def test_identical_returns_name_a_bounded_number_of_others(tmp_path: Path) -> None:
    """40 returns for one case and agency: each gets one return-duplicate naming at most three
    of the others and how many more, so the output grows with N, not N squared."""
    copies = {f"copy-{n:02}.yaml": return_header("C1", "csc") for n in range(40)}
    manifest = small_round(tmp_path, copies)
    audit = read_round(manifest, shared=[TOOLS]).round
    assert audit is not None
    messages = [p.message for r in audit.returns for p in r.report.errors]
    assert len(messages) == 40
    assert messages[0] == (
        "another return has the same case and agency (returns/copy-01.yaml, "
        f"returns/copy-02.yaml, returns/copy-03.yaml and {39 - DUPLICATES_NAMED} more)"
    )
    assert max(len(m) for m in messages) < 200


def test_score_reads_a_file_given_twice_once_and_says_so(cli: Cli, tmp_path: Path) -> None:
    """The same return given to score by two spellings and through a link is pooled once, with a
    file-given-twice warning for each repeat; the exit code stays 0."""
    link = tmp_path / "link.yaml"
    link.symlink_to(POLICE)
    other = str(POLICE.parent / ".." / POLICE.parent.name / POLICE.name)
    result = cli("score", "--tool", str(TOOL), str(POLICE), other, str(link), "--format", "json")
    assert result.code == 0, result.err
    scores = json.loads(result.out)
    assert [r["file"] for r in scores["responses"]] == [str(POLICE)]
    assert result.err.count("warning[file-given-twice]") == 2
    assert f"{other}: warning[file-given-twice]: this is {POLICE} again; it is read once" in (
        result.err
    )
