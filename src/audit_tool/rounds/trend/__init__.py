"""Rounds of one theme compared over time, like for like where the tool changed.

:func:`read_programme` reads the rounds (oldest first, or back through each
manifest's ``previous`` link) and checks that they form one series;
:func:`build_trend` gives each theme's pooled score in every round, whole
round and by agency, with, between consecutive rounds, whether the theme's
scoring changed (from the diff between the tool versions, :mod:`.compare`)
and the like-for-like figures on the questions that score the same way in
both. :mod:`.render` and :mod:`.html` lay it out.
"""

from __future__ import annotations

from audit_tool.rounds.trend.compare import (
    QuestionPair,
    ThemeComparison,
    VersionComparison,
    compare_versions,
)
from audit_tool.rounds.trend.model import (
    ALL_AGENCIES,
    Figure,
    LikeForLike,
    RoundScores,
    Scope,
    Step,
    ThemeSeries,
    Trend,
    build_trend,
)
from audit_tool.rounds.trend.programme import (
    LoadedProgramme,
    check_series,
    read_previous,
    read_programme,
)

__all__ = [
    "ALL_AGENCIES",
    "Figure",
    "LikeForLike",
    "LoadedProgramme",
    "QuestionPair",
    "RoundScores",
    "Scope",
    "Step",
    "ThemeComparison",
    "ThemeSeries",
    "Trend",
    "VersionComparison",
    "build_trend",
    "check_series",
    "compare_versions",
    "read_previous",
    "read_programme",
]
