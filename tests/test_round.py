"""Reading an audit round: coverage, findings, and each return checked against the round."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from audit_tool import build_report, read_round
from audit_tool.rounds import AuditRound, Coverage
from audit_tool.rounds import round as round_module
from audit_tool.rounds.register import build_register

from conftest import ROOT, TOOLS
from rounds import return_header as _header
from rounds import small_round as _round

EXAMPLE = ROOT / "examples" / "2017-05-neglect"
FOLLOW_UP = ROOT / "examples" / "2019-05-neglect"
TOOL = ROOT / "tools" / "neglect_v2.yaml"


@pytest.fixture(scope="module")
def example() -> AuditRound:
    """The example round, read once."""
    loaded = read_round(EXAMPLE / "audit.yaml", shared=[TOOLS])
    assert loaded.problems == []
    assert loaded.round is not None
    return loaded.round


@pytest.mark.parametrize(
    ("case", "agency", "state"),
    [
        ("C1", "csc", Coverage.RETURNED),
        ("C2", "housing", Coverage.INVALID),
        ("C5", "education", Coverage.NOT_RETURNED),
        ("C1", "domestic_abuse", Coverage.UNABLE),
        ("C4", "crc", Coverage.UNABLE),
        ("C2", "police", Coverage.NOT_INVITED),
    ],
)
def test_example_coverage(example: AuditRound, case: str, agency: str, state: Coverage) -> None:
    """The coverage grid marks returned, invalid, not returned, unable and not invited."""
    assert example.coverage(case, agency) is state


def test_example_findings_are_located_in_the_manifest(example: AuditRound) -> None:
    """Family views not obtained (5), agencies unable (2) and the missing return (1) are
    warnings at their line in the manifest."""
    found = sorted((p.code, p.line, p.context.get("case"), p.context.get("agency"))
                   for p in example.findings)
    assert found == sorted(
        [("family-views-not-obtained", line, case, None)
         for line, case in [(41, "C1"), (47, "C2"), (54, "C3"), (60, "C4"), (74, "C5")]]
        + [("return-missing", 71, "C5", "education"),
           ("agency-unable", 78, None, "domestic_abuse"),
           ("agency-unable", 80, None, "crc")]
    )
    assert {p.severity.value for p in example.findings} == {"warning"}


def test_example_invalid_return_is_kept_with_its_problems(example: AuditRound) -> None:
    """The deliberately invalid return is not scored but stays in the round, with its error
    located in its file."""
    invalid = example.invalid_returns
    assert [r.name for r in invalid] == [os.path.join("responses", "c2-housing.yaml")]
    assert (invalid[0].case, invalid[0].agency) == ("C2", "housing")
    assert [(p.code, p.line, p.column, p.pointer) for p in invalid[0].report.errors] == [
        ("wrong-type", 9, 12, "/completed"),
        ("option-not-in-scale", 83, 23, "/answers/information_shared"),
    ]
    assert len(example.valid_returns) == 27
    scored = example.scores()
    assert ("C2", "housing") not in {(r.case, r.agency) for r in scored.responses}


def test_example_historical_evidence_warns_on_its_return(example: AuditRound) -> None:
    """C4's police return presents historical information as current: it is valid (scored),
    with an evidence-before-period warning at each answer whose evidence predates the period."""
    police = next(r for r in example.returns if (r.case, r.agency) == ("C4", "police"))
    assert police.valid
    assert [(p.code, p.line, p.column) for p in police.report.warnings] == [
        ("evidence-before-period", line, 20) for line in (35, 49, 56, 70, 79, 84, 104)
    ]
    others = [p for r in example.returns if r is not police for p in r.report.warnings]
    assert others == []


def test_returns_that_do_not_fit_the_round_are_invalid(tmp_path: Path) -> None:
    """Unknown case, agency not invited, another round, another tool version, and two returns
    for one case and agency: each an error at its place in the return."""
    manifest = _round(tmp_path, {
        "a-unknown-case.yaml": _header("C9", "csc"),
        "b-not-invited.yaml": _header("C2", "police"),
        "c-other-round.yaml": _header("C1", "police", round_id="r0"),
        "d-other-tool.yaml": _header("C2", "csc", version="1.0.0"),
        "e-twice.yaml": _header("C1", "csc"),
        "f-twice.yaml": _header("C1", "csc"),
    })
    audit = read_round(manifest, shared=[TOOLS]).round
    assert audit is not None
    got = {r.name: [(p.code, p.line, p.pointer) for p in r.report.errors] for r in audit.returns}
    assert got == {
        os.path.join("returns", "a-unknown-case.yaml"): [("return-unknown-case", 3, "/case")],
        os.path.join("returns", "b-not-invited.yaml"): [("return-not-invited", 4, "/agency")],
        os.path.join("returns", "c-other-round.yaml"): [("return-wrong-round", 2, "/round")],
        os.path.join("returns", "d-other-tool.yaml"): [("wrong-tool-version", 1, "/tool/version")],
        os.path.join("returns", "e-twice.yaml"): [("return-duplicate", 4, "/agency")],
        os.path.join("returns", "f-twice.yaml"): [("return-duplicate", 4, "/agency")],
    }
    assert audit.valid_returns == ()


def test_coverage_comes_from_the_returns_then_the_invitations(tmp_path: Path) -> None:
    """A valid return marks its cell returned, a return that does not fit marks its cell
    invalid even where the agency was not invited; other invited cells are not returned."""
    manifest = _round(tmp_path, {"a.yaml": _header("C1", "csc"), "b.yaml": _header("C2", "police")})
    audit = read_round(manifest, shared=[TOOLS]).round
    assert audit is not None
    grid = {(c, a): audit.coverage(c, a) for c in ("C1", "C2", "C9") for a in ("csc", "police")}
    assert grid == {
        ("C1", "csc"): Coverage.RETURNED,
        ("C1", "police"): Coverage.NOT_RETURNED,
        ("C2", "csc"): Coverage.NOT_RETURNED,
        ("C2", "police"): Coverage.INVALID,
        ("C9", "csc"): Coverage.NOT_INVITED,
        ("C9", "police"): Coverage.NOT_INVITED,
    }


def test_a_tool_file_of_another_version_stops_the_round(tmp_path: Path) -> None:
    """A manifest naming neglect@1.0.0 but pointing at the 2.0.0 file: manifest-tool-mismatch
    at /tool, and no round."""
    loaded = read_round(_round(tmp_path, {}, tool_version="1.0.0"), shared=[TOOLS])
    assert loaded.round is None
    assert [(p.code, p.line, p.pointer) for p in loaded.problems] == [
        ("manifest-tool-mismatch", 3, "/tool")
    ]


def test_the_manifest_is_not_read_as_a_return(tmp_path: Path) -> None:
    """With the returns beside the manifest ('responses: [.]'), the manifest itself is not
    taken for a return."""
    manifest = _round(tmp_path, {"c1-csc.yaml": _header("C1", "csc")})
    text = manifest.read_text(encoding="utf-8").replace("responses: [returns]", "responses: [.]")
    manifest.write_text(text, encoding="utf-8")
    audit = read_round(manifest, shared=[TOOLS]).round
    assert audit is not None
    assert [r.name for r in audit.returns] == [os.path.join("returns", "c1-csc.yaml")]


def test_a_round_keeps_no_parsed_data_of_its_checked_returns() -> None:
    """Once checked, a return keeps its model and problems but not its data or every position."""
    audit = read_round(EXAMPLE / "audit.yaml", shared=[TOOLS]).round
    assert audit is not None
    kept = [r.loaded.document for r in audit.returns if r.loaded.document is not None]
    assert len(kept) > 20
    assert [d.data for d in kept] == [None] * len(kept)
    assert all(p.count("/") <= 1 for d in kept for p in d.source.values)
    assert all(r.loaded.response is not None for r in audit.valid_returns)


@pytest.mark.parametrize("example", ["2017-05-neglect", "2019-05-neglect"])
def test_what_a_round_keeps_gives_the_report_everything_does(
    example: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report and the register of a round that keeps every return whole are those of one
    that keeps only what they read."""
    manifest = ROOT / "examples" / example / "audit.yaml"
    slim = read_round(manifest, shared=[TOOLS]).round
    monkeypatch.setattr(round_module, "_checked", lambda loaded, registers=(): loaded)
    whole = read_round(manifest, shared=[TOOLS]).round
    assert slim is not None
    assert whole is not None
    assert build_report(slim).to_dict() == build_report(whole).to_dict()
    assert [r.problems for r in slim.returns] == [r.problems for r in whole.returns]
    slim_register, whole_register = build_register(slim), build_register(whole)
    assert (slim_register is None) == (example == "2017-05-neglect")
    assert slim_register == whole_register
