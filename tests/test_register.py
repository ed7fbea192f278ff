"""The round's register of shared events: reconciliation, flags, rates, bad input."""

from __future__ import annotations

import datetime
import os

import pytest

from audit_tool import InvalidFileError, load_tool, read_round
from audit_tool.authoring import fingerprint
from audit_tool.responses.response import LoadedResponse, Response
from audit_tool.rounds.register import CellState, build_register
from audit_tool.rounds.round import AuditRound, RoundReturn
from audit_tool.versions import RULES, diff
from audit_tool.versions.rules import EXAMPLE_TOOL

from conftest import DATA, ROOT
from register_rounds import NEGLECT_V2, make_round, meeting, round_return

TEST_ROUND = DATA / "register" / "audit.yaml"
TOOLS = ROOT / "tools"
D = datetime.date


def _test_register():  # type: ignore[no-untyped-def]
    loaded = read_round(TEST_ROUND, salvage=True, shared=[TOOLS])
    assert loaded.round is not None
    built = build_register(loaded.round)
    assert built is not None
    return built


def test_the_test_round_gives_exactly_its_flags() -> None:
    """Every flag and note of the test round, each at its file, line, column and pointer:
    one of each kind the register raises, and one for each piece of bad input."""
    found = [(os.path.basename(p.file or ""), p.code, p.line, p.column, p.pointer)
             for p in _test_register().problems]
    assert found == [
        ("r1-csc.yaml", "register-no-report", 17, 23, "/answers/meetings/1/meeting_report"),
        ("r1-csc.yaml", "register-outcome-not-recorded", 25, 33,
         "/answers/meetings/2/meeting_outcome_recorded"),
        ("r1-csc.yaml", "register-possible-duplicate", 26, 7, "/answers/meetings/3"),
        ("r1-csc.yaml", "register-outside-period", 33, 21, "/answers/meetings/4/meeting_date"),
        ("r1-health.yaml", "register-return-left-out", 4, 9, "/agency"),
        ("r1-police.yaml", "register-no-record", 7, 5, "/answers/meetings"),
        ("r1-police.yaml", "register-no-record", 7, 5, "/answers/meetings"),
        ("r1-police.yaml", "register-outcome-not-recorded", 17, 33,
         "/answers/meetings/1/meeting_outcome_recorded"),
        ("r1-police.yaml", "register-entry-unmatched", 19, 21, "/answers/meetings/2/meeting_date"),
        ("r1-school.yaml", "register-return-left-out", 1, 7, "/tool"),
        ("r2-csc.yaml", "register-event-ambiguous", 7, 48, "/answers/meetings/0/meeting_date"),
        ("r2-police.yaml", "register-event-ambiguous", 7, 48, "/answers/meetings/0/meeting_date"),
        ("r2-school.yaml", "register-event-ambiguous", 7, 48, "/answers/meetings/0/meeting_date"),
    ]


def test_the_test_round_rows_reconcile_the_agencies_records() -> None:
    """Records of one kind within 3 days are one row; a column per invited agency says what
    its return records, that it has no record, or that its return was left out."""
    rows = [
        (c.case, e.kind, e.dates, e.ambiguous,
         {a: (cell.state, cell.part("attendance"), len(cell.duplicates))
          for a, cell in e.cells.items()})
        for c in _test_register().cases for e in c.events
    ]
    rec, none, out = CellState.RECORDED, CellState.NO_RECORD, CellState.LEFT_OUT
    assert rows == [
        ("R1", "review_conference", (D(2016, 12, 1),), False,
         {"csc": (rec, "attended", 0), "police": (none, None, 0), "school": (out, None, 0)}),
        ("R1", "strategy_discussion", (D(2017, 1, 10), D(2017, 1, 12)), False,
         {"csc": (rec, "attended", 0), "police": (rec, "apologies_with_report", 0),
          "school": (out, None, 0)}),
        ("R1", "icpc", (D(2017, 1, 31),), False,
         {"csc": (rec, "attended", 0), "police": (rec, "did_not_attend", 0),
          "school": (out, None, 0)}),
        ("R1", "core_group", (D(2017, 2, 20), D(2017, 2, 21)), False,
         {"csc": (rec, "attended", 1), "police": (none, None, 0), "school": (out, None, 0)}),
        ("R2", "core_group", (D(2017, 3, 1), D(2017, 3, 4), D(2017, 3, 7)), True,
         {"csc": (rec, "attended", 0), "police": (rec, "attended", 0),
          "school": (rec, "attended", 0)}),
    ]


def test_an_agency_listed_twice_is_an_error_but_the_register_is_still_built() -> None:
    """The manifest's duplicate agency is a located error; with salvage the round is read
    (the first entry's name counts), without it there is no round."""
    loaded = read_round(TEST_ROUND, salvage=True, shared=[TOOLS])
    duplicate = [(p.code, p.line, p.column, p.pointer) for p in loaded.problems]
    assert duplicate == [("manifest-duplicate-agency", 13, 10, "/agencies/2/id")]
    assert loaded.round is not None
    built = build_register(loaded.round)
    assert built is not None
    assert built.agencies["police"] == "Police"
    assert read_round(TEST_ROUND, shared=[TOOLS]).round is None


def test_flags_never_quote_free_text_or_the_case_reference() -> None:
    """Messages name kinds, dates, option values and agency ids; the case is in the
    context only."""
    for p in _test_register().problems:
        assert "R1" not in p.message
        assert "R2" not in p.message
    no_record = next(p for p in _test_register().problems if p.code == "register-no-record")
    assert no_record.context["case"] == "R1"
    assert no_record.message == (
        "no record of the meeting 'review_conference' of 2016-12-01, which 'csc' recorded"
    )


def test_rates_count_records_that_say_either_way() -> None:
    """Took part counts attended of the records that are not 'not invited'; a report of
    those expecting one; an agency's 'recorded' rate is the events of its case it records."""
    audit = make_round({"C1": ["csc", "police"]}, [
        round_return("C1", "csc", [
            meeting("icpc", D(2017, 2, 1), meeting_report="on_time",
                    meeting_outcome_recorded="yes"),
            meeting("core_group", D(2017, 3, 1), meeting_report="not_required",
                    meeting_outcome_recorded="no"),
        ]),
        round_return("C1", "police", [
            meeting("icpc", D(2017, 2, 2), "not_invited", meeting_outcome_recorded="partly"),
        ]),
    ])
    built = build_register(audit)
    assert built is not None
    rate = built.rate
    assert (rate("csc", None, "attendance").done, rate("csc", None, "attendance").of) == (2, 2)
    assert (rate("police", None, "attendance").done, rate("police", None, "attendance").of) == (
        0, 0)
    assert (rate("csc", None, "report").done, rate("csc", None, "report").of) == (1, 1)
    assert (rate("police", "core_group", "recorded").done,
            rate("police", "core_group", "recorded").of) == (0, 1)
    assert (rate(None, "icpc", "outcome_recorded").done,
            rate(None, "icpc", "outcome_recorded").of) == (1, 2)
    assert rate(None, None, "recorded").percent == pytest.approx(75.0)


def test_a_return_with_two_returns_for_one_place_is_left_out() -> None:
    """Two returns for the same case and agency: both left out, the column says so."""
    audit = make_round({"C1": ["csc", "police"]}, [
        round_return("C1", "csc", [meeting("icpc", D(2017, 2, 1))]),
        round_return("C1", "police", [meeting("icpc", D(2017, 2, 1))]),
        round_return("C1", "police", [meeting("icpc", D(2017, 2, 3))]),
    ])
    built = build_register(audit)
    assert built is not None
    assert built.cases[0].columns["police"] is CellState.LEFT_OUT
    assert [p.code for p in built.problems] == ["register-return-left-out"] * 2


def test_the_same_declaration_reads_a_marac_register_with_no_kind() -> None:
    """Nothing is meeting-specific: a domestic-abuse tool declares MARACs with no kind
    sub-question and a tolerance of one day, and two agencies' records a day apart are one
    MARAC."""
    text = (DATA / "tools" / "broken" / "register_key_optional.yaml").read_text()
    text = text.replace("            required: false\n", "").split("# expect")[0]
    text = text.replace("          date: marac_date\n",
                        "          date: marac_date\n          date_tolerance_days: 1\n")
    tool = load_tool(text=text)
    audit = make_round({"V1": ["idva", "police"]}, [])
    returns = tuple(
        RoundReturn(LoadedResponse(f"{a}.yaml", Response.model_validate({
            "tool": {"id": "marac_mini", "version": "1.0.0"}, "case": "V1", "agency": a,
            "answers": {"maracs": [{"marac_date": day, "marac_attended": att}]}})),
            (), f"{a}.yaml", "V1", a)
        for a, day, att in (("idva", "2017-05-02", "yes"), ("police", "2017-05-03", "no"))
    )
    marac = AuditRound("audit.yaml", audit.manifest, tool, returns, (), audit.catalogue)
    built = build_register(marac)
    assert built is not None
    assert built.kinds == {"maracs": "MARAC"}
    [event] = built.cases[0].events
    assert {a: c.part("attendance") for a, c in event.cells.items()} == {
        "idva": "yes", "police": "no"}
    assert built.rate(None, None, "attendance").done == 1


def test_a_tool_without_a_register_gives_none() -> None:
    """neglect v1 has no meetings group: there is no register to build."""
    v1 = load_tool(ROOT / "tools" / "neglect_v1.yaml")
    audit = make_round({"C1": ["csc"]}, [])
    assert build_register(AuditRound("a", audit.manifest, v1, (), (), audit.catalogue)) is None


def test_the_register_is_left_out_of_the_fingerprint() -> None:
    """neglect v2 with its register taken out has the same fingerprint: the pinned returns
    of 2.0.0 stay valid."""
    ref = NEGLECT_V2.question("meetings")
    assert ref is not None
    assert ref.question.event_register is not None
    section = ref.section
    group = ref.question.model_copy(update={"event_register": None})
    sections = [
        s.model_copy(update={"questions": [group if q.id == "meetings" else q
                                           for q in s.questions]})
        if s.id == section.id else s
        for s in NEGLECT_V2.sections
    ]
    bare = NEGLECT_V2.model_copy(update={"sections": sections})
    assert bare.question("meetings").question.event_register is None  # type: ignore[union-attr]
    assert fingerprint(bare) == fingerprint(NEGLECT_V2)


def test_declaring_a_register_in_place_keeps_the_version_promise() -> None:
    """A register declared without a new version is a cosmetic change the fingerprint
    leaves out: --check-version is satisfied; a question reworded in place is not."""
    base = load_tool(text=EXAMPLE_TOOL)
    declared = load_tool(text=RULES["group-register-added"].example.apply(EXAMPLE_TOOL))
    result = diff(base, declared)
    assert [c.code for c in result.changes] == ["group-register-added"]
    assert result.version_problems() == []
    reworded = load_tool(text=EXAMPLE_TOOL.replace("Did your agency see the home?", "Seen?"))
    assert diff(base, reworded).version_problems() != []


def test_a_broken_declaration_does_not_load() -> None:
    """A register naming a sub-question that does not exist stops the tool loading."""
    with pytest.raises(InvalidFileError):
        load_tool(DATA / "tools" / "broken" / "register_unknown_question.yaml")


def test_a_renamed_sub_question_in_the_register_is_no_register_change() -> None:
    """Renaming a sub-question the register names (declared with renamed_from) and naming
    it in the register is the rename only; changing which answers count as done is a change."""
    rule = RULES["group-register-removed"].example
    old = load_tool(text=rule.base(EXAMPLE_TOOL))
    renamed_text = rule.base(EXAMPLE_TOOL).replace(
        "          - id: attended\n",
        "          - id: present\n            renamed_from: [attended]\n",
    ).replace("{question: attended,", "{question: present,")
    renamed = load_tool(text=renamed_text)
    assert [c.code for c in diff(old, renamed).changes] == ["question-renamed"]
    moved = load_tool(text=rule.base(EXAMPLE_TOOL).replace(
        'attendance: {question: attended, done: ["yes"], not_done: [partly, "no"]}',
        'attendance: {question: attended, done: ["yes", partly], not_done: ["no"]}'))
    assert [c.code for c in diff(old, moved).changes] == ["group-register-parts-changed"]
