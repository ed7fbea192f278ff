"""Properties of the register: it does not depend on the order of the returns, and taking
one agency's returns away changes only that agency's column and the flags that depend on it.

Generated rounds put the records of one meeting within the tolerance of each other and
meetings of one kind further apart, so no event is ambiguous: an ambiguous chain is the
one case where a record can join two others (docs/meetings.md says why, and the register
flags it).
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from audit_tool.rounds.register import CellState, RoundRegister, build_register
from audit_tool.rounds.round import AuditRound, RoundReturn

from register_rounds import make_round, meeting, round_return

AGENCIES = ("csc", "police", "health", "school", "housing", "probation")
KINDS = ("strategy_discussion", "icpc", "core_group", "review_conference")
TOLERANCE = 3  # neglect v2's
START = datetime.date(2016, 12, 20)  # some meetings fall before the 2017 audit period

_ATTENDANCE = st.sampled_from(
    ["attended", "apologies_with_report", "apologies_without_report", "did_not_attend",
     "not_invited"]
)
_REPORT = st.sampled_from(["on_time", "late", "not_submitted", "not_required"])
_OUTCOME = st.sampled_from(["yes", "partly", "no", "not_applicable"])


@st.composite
def _entry(draw: st.DrawFn, kind: str, base: datetime.date) -> dict[str, Any]:
    date = base + datetime.timedelta(days=draw(st.integers(0, TOLERANCE)))
    return meeting(kind, date, draw(_ATTENDANCE), meeting_report=draw(_REPORT),
                   meeting_outcome_recorded=draw(_OUTCOME))


@st.composite
def rounds(draw: st.DrawFn) -> AuditRound:
    """A round of 1-3 cases, each inviting 2-5 agencies, most of which sent a return."""
    cases: dict[str, list[str]] = {}
    returns: list[RoundReturn] = []
    for n in range(draw(st.integers(1, 3))):
        case = f"C{n + 1}"
        invited = draw(st.lists(st.sampled_from(AGENCIES), min_size=2, max_size=5, unique=True))
        cases[case] = invited
        slots = draw(st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 12)),
                              max_size=6, unique=True))
        # Same-kind meetings are 10 days apart: more than twice the tolerance.
        events = [(kind, START + datetime.timedelta(days=10 * slot)) for kind, slot in slots]
        for agency in invited:
            if not draw(st.booleans()) and draw(st.booleans()):
                continue  # no return from this agency
            entries = []
            for kind, base in events:
                copies = draw(st.sampled_from([0, 1, 1, 1, 2]))
                entries += [draw(_entry(kind, base)) for _ in range(copies)]
            entries = draw(st.permutations(entries))
            returns.append(round_return(case, agency, entries))
    return make_round(cases, returns, AGENCIES)


def _register(audit: AuditRound) -> RoundRegister:
    built = build_register(audit)
    assert built is not None
    return built


@given(rounds(), st.randoms())
def test_the_register_does_not_depend_on_the_order_of_returns(audit: AuditRound,
                                                              random: Any) -> None:
    """Shuffling the returns gives the same register, flags and rates, in the same order."""
    shuffled = list(audit.returns)
    random.shuffle(shuffled)
    again = AuditRound(audit.file, audit.manifest, audit.tool, tuple(shuffled), (),
                       audit.catalogue)
    assert _register(again).to_dict() == _register(audit).to_dict()


def _event_keys(built: RoundRegister, without: str) -> dict[tuple[str, frozenset[Any]], Any]:
    """Each event, keyed by its case and the records of agencies other than ``without``,
    with the cells of those agencies."""
    found = {}
    for case in built.cases:
        for event in case.events:
            key = frozenset((r.agency, r.entry) for r in event.records if r.agency != without)
            cells = {a: c for a, c in event.cells.items() if a != without}
            found[(case.case, key)] = (event, cells)
    return found


@given(rounds(), st.data())
def test_taking_one_agency_away_changes_only_its_column_and_its_flags(
    audit: AuditRound, data: st.DataObject
) -> None:
    """Without one agency's returns every other agency's cells are the same, in the same
    events (events only it recorded are gone); its own column becomes 'no return'; the flags
    lost are those in its returns and the 'no record' flags of events only it recorded."""
    full = _register(audit)
    agency = data.draw(st.sampled_from(sorted({r.agency or "" for r in audit.returns} or {""})))
    kept = tuple(r for r in audit.returns if r.agency != agency)
    reduced = _register(AuditRound(audit.file, audit.manifest, audit.tool, kept, (),
                                   audit.catalogue))
    before, after = _event_keys(full, agency), _event_keys(reduced, agency)
    assert not any(e.ambiguous for c in full.cases for e in c.events)
    assert {k: v[1] for k, v in before.items() if k[1]} == {k: v[1] for k, v in after.items()}
    for case in reduced.cases:
        if agency in case.agencies:
            assert case.columns[agency] is CellState.NO_RETURN
            assert all(e.cells[agency].state is CellState.NO_RETURN for e in case.events)
    only_theirs = {(case.case, e.kind, e.date.isoformat()) for case in full.cases
                   for e in case.events if {r.agency for r in e.records} == {agency}}
    files = {r.file for r in audit.returns if r.agency == agency}

    def depends(p: Any) -> bool:
        event = (p.context.get("case"), p.context.get("kind"), p.context.get("date"))
        return p.file in files or (p.code == "register-no-record" and event in only_theirs)

    expected = Counter((p.code, p.file, p.pointer) for p in full.problems if not depends(p))
    assert Counter((p.code, p.file, p.pointer) for p in reduced.problems) == expected
    for other in AGENCIES:
        if other != agency:
            for name in ("attendance", "report", "outcome_recorded"):
                assert reduced.rate(other, None, name) == full.rate(other, None, name)
