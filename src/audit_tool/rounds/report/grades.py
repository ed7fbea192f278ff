"""How grades and percents look in tables and charts: labels, short forms, colours.

Shared by every renderer so that a grade reads the same in the terminal, in
CSV, in Markdown and in HTML.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from audit_tool.authoring.tool import NOT_EVIDENCED, Grading

__all__ = [
    "GRADE_COLOURS",
    "abbreviations",
    "all_grades",
    "colour",
    "format_percent",
    "grade_label",
    "is_area_for_development",
    "is_strength",
]

GRADE_COLOURS: Mapping[str, str] = {
    "outstanding": "#1a7a3d",
    "good": "#74b86b",
    "requires_improvement": "#f0a830",
    "inadequate": "#c9352b",
    NOT_EVIDENCED: "#c4c4c4",
}
"""Fill colours of the default grades (colour-blind safe enough with the text beside them)."""

_OTHER_COLOURS = ("#1a7a3d", "#74b86b", "#b5d96b", "#f0a830", "#e0722b", "#c9352b")


def format_percent(percent: float | None, *, suffix: str = "", placeholder: str = "-") -> str:
    """A percent to one decimal place, rounded *down*, then ``suffix`` (``"%"``); or
    ``placeholder`` when there is none (no scored answers).

    Rounding down means a shown percent never seems to reach a band that the
    score did not (69.96 shows as 69.9, not 70.0, beside "requires improvement").
    """
    if percent is None:
        return placeholder
    return f"{math.floor(percent * 10 + 1e-9) / 10:.1f}{suffix}"


def grade_label(grading: Grading, grade: str) -> str:
    """The grade as reports show it (``Requires improvement``)."""
    for band in grading.bands:
        if band.grade == grade:
            return band.display
    return grade.replace("_", " ").capitalize()


def all_grades(grading: Grading) -> list[str]:
    """Every grade a theme can have, best first: the tool's bands, then ``not_evidenced``."""
    return [*(b.grade for b in grading.bands), NOT_EVIDENCED]


def abbreviations(grading: Grading) -> dict[str, str]:
    """A short form of every grade for narrow tables: the initials of its label.

    ``Requires improvement`` is ``RI`` and ``not_evidenced`` is ``NE``. When two
    grades would share a short form, every grade is written out in full.
    """
    grades = all_grades(grading)
    short = {
        g: "".join(word[0] for word in grade_label(grading, g).split()).upper() for g in grades
    }
    if len(set(short.values())) < len(short):
        return {g: g for g in grades}
    return short


def colour(grading: Grading, grade: str) -> str:
    """The fill colour of ``grade``: the default palette, or one by band order."""
    if grade in GRADE_COLOURS and all(b.grade in GRADE_COLOURS for b in grading.bands):
        return GRADE_COLOURS[grade]
    if grade == NOT_EVIDENCED:
        return GRADE_COLOURS[NOT_EVIDENCED]
    order = [b.grade for b in grading.bands]
    if grade not in order:
        return GRADE_COLOURS[NOT_EVIDENCED]
    if len(order) == 1:
        return _OTHER_COLOURS[0]
    step = (len(_OTHER_COLOURS) - 1) / (len(order) - 1)
    return _OTHER_COLOURS[round(order.index(grade) * step)]


def _strength_count(grading: Grading) -> int:
    grades = [b.grade for b in grading.bands]
    if "good" in grades:
        return grades.index("good") + 1
    return math.ceil(len(grades) / 2)


def is_strength(grading: Grading, grade: str) -> bool:
    """True for a grade of good or better (with other bands: the upper half)."""
    grades = [b.grade for b in grading.bands]
    return grade in grades[: _strength_count(grading)]


def is_area_for_development(grading: Grading, grade: str) -> bool:
    """True for requires improvement or inadequate (with other bands: the lower half)."""
    grades = [b.grade for b in grading.bands]
    return grade in grades[_strength_count(grading) :]
