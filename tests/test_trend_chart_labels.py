"""The trend chart writes a dot's percent where no like-for-like diamond stands."""

from __future__ import annotations

from audit_tool.rounds.trend.chart import _label_y


def test_the_percent_goes_above_the_dot_when_the_space_is_free() -> None:
    """No diamond, or one well below the dot: the label stands 10 px above the dot."""
    assert _label_y(100.0, None) == 90.0
    assert _label_y(100.0, 120.0) == 90.0


def test_the_percent_goes_below_the_dot_when_a_diamond_is_above_or_on_it() -> None:
    """A diamond above the dot, or hidden behind it, would meet the label: it goes below."""
    assert _label_y(100.0, 92.0) == 119.0
    assert _label_y(100.0, 100.0) == 119.0


def test_the_percent_goes_below_a_dot_at_the_top_of_the_plot() -> None:
    """A dot near 100% has no room above inside the panel: its label goes below."""
    assert _label_y(30.0, None) == 49.0
