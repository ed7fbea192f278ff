"""The response model and loader: what shapes of file read as a response."""

from __future__ import annotations

import pytest

from audit_tool import read_response

HEAD = "tool: {id: neglect, version: 2.0.0}\ncase: C1\nagency: police\n"


@pytest.mark.parametrize(
    "written", ["1489449600", "2017-03-14T00:00:00", "2017-3-14", "2017-02-30", "soon"]
)
def test_a_date_must_be_written_yyyy_mm_dd(written: str) -> None:
    """A timestamp, a date-time, a short or impossible date is a wrong-type problem at its place."""
    loaded = read_response(text=HEAD + f"completed: {written}\n")
    assert loaded.response is None
    assert [(p.code, p.line, p.column, p.pointer) for p in loaded.problems] == [
        ("wrong-type", 4, 12, "/completed")
    ]
    assert loaded.problems[0].message.startswith("expected a date (YYYY-MM-DD)")


def test_dates_written_yyyy_mm_dd_are_read_everywhere() -> None:
    """completed, the period, evidence dates and migration dates read as dates."""
    loaded = read_response(text=
        HEAD
        + "completed: 2017-04-20\nperiod: {start: 2016-11-01, end: 2017-03-31}\n"
        + "answers:\n  drift: {value: partly, evidence: x, evidence_date: 2017-01-09}\n"
        + "migrated_from: [{tool: {id: neglect, version: 1.0.0}, date: 2026-11-25}]\n"
    )
    assert loaded.problems == []
    assert loaded.response is not None
    assert str(loaded.response.answers["drift"].evidence_date) == "2017-01-09"
    assert str(loaded.response.migrated_from[0].date) == "2026-11-25"


def test_an_unknown_field_is_never_suggested_as_itself() -> None:
    """'id' at the top of a response is unknown there; the message does not suggest 'id'
    (a field of the tool reference) as the fix."""
    loaded = read_response(text=HEAD + "id: neglect\n")
    assert [(p.code, p.message, p.line, p.column, p.pointer) for p in loaded.problems] == [
        ("unknown-field", "'id' is not a field here", 4, 1, "/id")
    ]
