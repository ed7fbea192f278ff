"""Pseudonymity: what looks like a name, a date of birth, an NHS number or a postcode is
told apart from a pseudonym, and a partnership's own reference pattern is enforced."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_tool.responses.pseudonyms import (
    Identifying,
    identifying,
    nhs_number_valid,
    reference_pattern,
)
from audit_tool.rounds.round import read_round

from conftest import TOOLS
from rounds import return_header, small_round


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("943 476 5919", Identifying.NHS_NUMBER), ("9434765919", Identifying.NHS_NUMBER),
        ("C-943-476-5919", Identifying.NHS_NUMBER),
        ("C1-14.03.2009", Identifying.DATE), ("14/3/09", Identifying.DATE),
        ("C1-2009-03-14", Identifying.DATE), ("14032009", Identifying.DATE),
        ("SW1A 1AA", Identifying.POSTCODE), ("sw1a1aa", Identifying.POSTCODE),
        ("B33 8TH", Identifying.POSTCODE), ("case_m1_1ae", Identifying.POSTCODE),
        ("JaneSmith", Identifying.NAME), ("Jane_Smith", Identifying.NAME),
        ("jane", Identifying.NAME), ("mrs_khan", Identifying.NAME),
        ("Dr Patel", Identifying.NAME),
    ],
)
def test_identifying_values_are_recognised(text: str, kind: Identifying) -> None:
    """Names, dates, NHS numbers (spaced or not) and postcodes are recognised in references."""
    assert identifying(text) is kind


@pytest.mark.parametrize(
    "text",
    ["C1", "C12", "R-102", "Case7", "2017-C4", "C1_2016", "9434765918", "1234567890",
     "C1-31.02.2009", "police", "acute_health", "st_marys_gp_practice", "csc"],
)
def test_pseudonyms_and_agency_ids_pass(text: str) -> None:
    """Usual pseudonyms and agency ids, ten digits failing the mod-11 check and impossible
    dates are not taken for identifying values."""
    assert identifying(text) is None


@pytest.mark.parametrize(
    "role",
    ["Team Manager", "Detective sergeant, public protection unit", "Named nurse for "
     "safeguarding children", "Designated Safeguarding Lead", "Senior probation officer"],
)
def test_roles_written_as_titles_pass(role: str) -> None:
    """In a role, capitalised words are a job title, not a name."""
    assert identifying(role, role=True) is None


def test_a_name_in_a_role_is_found() -> None:
    """A given name or an honorific in a role is a name."""
    assert identifying("Jane, team manager", role=True) is Identifying.NAME
    assert identifying("Mr Jones (social worker)", role=True) is Identifying.NAME


def test_the_nhs_mod_11_check() -> None:
    """The mod-11 check: 943 476 5919 is valid, a changed digit is not, and a number whose
    check digit would be 10 is never valid."""
    assert nhs_number_valid("9434765919")
    assert not nhs_number_valid("9434765910")
    assert not nhs_number_valid("943476591")
    assert not nhs_number_valid("0000000060")  # its check digit would be 11 - 12 % 11 = 10
    assert nhs_number_valid("4010232137")


@pytest.mark.parametrize("pattern", ["(C|D)[0-9]+", "(a+)+$", "C\\1", "A|B"])
def test_a_reference_pattern_with_groups_is_refused(pattern: str) -> None:
    """Groups, alternation and back-references are refused (ValueError), so no pattern can
    backtrack exponentially."""
    with pytest.raises(ValueError, match="groups"):
        reference_pattern(pattern)


def test_a_reference_pattern_that_is_no_regex_is_refused() -> None:
    """A pattern that does not compile is a ValueError that says so."""
    with pytest.raises(ValueError, match="not a regular expression"):
        reference_pattern("C[0-9")


def test_a_round_enforces_its_case_reference_pattern(tmp_path: Path) -> None:
    """With case_reference_pattern set, a return whose case does not follow it is invalid with
    case-reference-pattern-mismatch at /case (instead of 'unknown case'); one that follows it
    is checked as before."""
    returns = {"a.yaml": return_header("C1", "csc"), "b.yaml": return_header("X77", "csc")}
    manifest = small_round(tmp_path, returns)
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("cases:\n", "case_reference_pattern: C[0-9]{1,3}\ncases:\n"),
                        encoding="utf-8")
    audit = read_round(manifest, shared=[TOOLS]).round
    assert audit is not None
    got = {r.name: [(p.code, p.line, p.column, p.pointer, p.message) for p in r.report.errors]
           for r in audit.returns}
    assert got == {
        str(Path("returns") / "a.yaml"): [],
        str(Path("returns") / "b.yaml"): [(
            "case-reference-pattern-mismatch", 3, 7, "/case",
            "the return's case reference does not follow the round's case_reference_pattern "
            "(C[0-9]{1,3})",
        )],
    }


def test_report_lists_a_return_whose_role_looks_like_a_name(tmp_path: Path) -> None:
    """A valid return whose auditor's role holds a name is scored, with a looks-identifying
    warning at /auditor_role that does not quote it."""
    header = return_header("C1", "csc").replace("auditor_role: Team manager",
                                                "auditor_role: Jane Doe")
    manifest = small_round(tmp_path, {"a.yaml": header})
    audit = read_round(manifest, shared=[TOOLS]).round
    assert audit is not None
    (only,) = audit.returns
    assert only.valid
    assert [(p.code, p.pointer, p.message) for p in only.report.warnings] == [(
        "looks-identifying", "/auditor_role",
        "the auditor's role looks like a person's name; write a job title, never a name or "
        "other personal detail",
    )]
