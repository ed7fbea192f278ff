"""Constrained value types shared by the models (ids, versions, scalars)."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

__all__ = [
    "DATE_PATTERN",
    "ID_PATTERN",
    "MAX_NUMBER",
    "MAX_SCORE",
    "MAX_WEIGHT",
    "REF_PATTERN",
    "RELATIVE_PATH_PATTERN",
    "SEMVER_PATTERN",
    "CaseRef",
    "Identifier",
    "IsoDate",
    "OptionValue",
    "RelativePath",
    "RoundId",
    "ScalarValue",
    "SemVer",
    "parse_date",
    "parse_semver",
]

# The bounds of the numbers a tool or an answer may hold (docs/authoring.md, "Numbers"):
# with them no sum of weighted scores over the largest document can overflow, and
# every number written out (JSON, FHIR) is finite.
MAX_SCORE = 1000
"""The largest score an option may carry."""
MAX_WEIGHT = 100
"""The largest weight of a theme mapping."""
MAX_NUMBER = 1e15
"""The largest magnitude of a number question's limits and of a number answer."""

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
OPTION_PATTERN = r"^[a-z0-9][a-z0-9_]*$"
# semver.org 2.0.0, without build metadata: MAJOR.MINOR.PATCH[-PRERELEASE]
SEMVER_PATTERN = (
    r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"
    r"(?:-((?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)"
    r"(?:\.(?:0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*))*))?$"
)
SEMVER_RE = re.compile(SEMVER_PATTERN)

Identifier = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=64),
    Field(description="lower_snake_case: a letter, then letters, digits or underscores"),
]
OptionValue = Annotated[
    str,
    StringConstraints(pattern=OPTION_PATTERN, max_length=64),
    Field(description="the stored value of an option: lower-case letters, digits, underscores"),
]
SemVer = Annotated[
    str,
    StringConstraints(pattern=SEMVER_PATTERN),
    Field(description="a semantic version, MAJOR.MINOR.PATCH", examples=["2.0.0"]),
]
REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
CaseRef = Annotated[
    str,
    StringConstraints(pattern=REF_PATTERN, max_length=40),
    Field(description="a pseudonymised case reference (C1); never a name"),
]
RoundId = Annotated[
    str,
    StringConstraints(pattern=REF_PATTERN, max_length=64),
    Field(description="an audit round's id (2017-05-neglect)"),
]
RELATIVE_PATH_PATTERN = r"^[^/\\]"
RelativePath = Annotated[
    str,
    StringConstraints(min_length=1, pattern=RELATIVE_PATH_PATTERN),
    Field(description="a path relative to the file that names it"),
]
ScalarValue = str | bool | int | float
"""A plain answer value a condition can compare with."""

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_DATE_RE = re.compile(DATE_PATTERN)


def _iso_date(value: Any) -> Any:
    """Let through a date, or text written YYYY-MM-DD (pydantic then checks the calendar).

    pydantic alone also takes a Unix timestamp or a date-time at midnight for a
    date; in a response those are mistakes, and the response schema refuses them.
    """
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _DATE_RE.match(value):
        return value
    raise PydanticCustomError("date_type", "Input should be a date written YYYY-MM-DD")


def parse_date(value: Any) -> datetime.date | None:
    """The calendar date ``value`` spells as ``YYYY-MM-DD``, or ``None``.

    Only that form: ``datetime.date.fromisoformat`` alone also takes ``20240101``
    and week dates (``2024-W01-1``), which a response must not hold.
    """
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


IsoDate = Annotated[
    datetime.date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
"""A calendar date written ``YYYY-MM-DD`` (never a timestamp or a date-time)."""


def parse_semver(version: str) -> tuple[int, int, int, str] | None:
    """``(major, minor, patch, prerelease)`` of a semantic version, or ``None``."""
    match = SEMVER_RE.match(version)
    if not match:
        return None
    return (int(match[1]), int(match[2]), int(match[3]), match[4] or "")
