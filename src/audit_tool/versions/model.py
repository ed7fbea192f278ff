"""What a diff gives: impacts, changes, bumps, and the diff itself.

A change has two impacts, because a board cares about both:

- **data**: can a response valid under the old version be invalid under the
  new one (after ``migrate`` has carried it through declared renames)?
- **score**: would the same answers score differently, so that theme scores
  stop being comparable across audits?

Its severity is the higher of the two. Every change names a rule of the
catalogue (:mod:`audit_tool.versions.rules`), which fixes both impacts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from audit_tool._types import parse_semver
from audit_tool.authoring.tool import Tool
from audit_tool.problems import Problem
from audit_tool.versions.matching import Matching
from audit_tool.versions.rules import RULES, Impact

__all__ = ["Bump", "Change", "Diff", "declared_bump", "suggested_bump"]


class Bump(StrEnum):
    """A semantic-version step (``downgrade`` when the version went backwards)."""

    NONE = "none"
    PATCH = "patch"
    MINOR = "minor"
    MAJOR = "major"
    DOWNGRADE = "downgrade"

    @property
    def rank(self) -> int:
        """-1 for a downgrade, 0 for none up to 3 for major."""
        return -1 if self is Bump.DOWNGRADE else _BUMP_ORDER.index(self)


_BUMP_ORDER = (Bump.NONE, Bump.PATCH, Bump.MINOR, Bump.MAJOR)
_BUMP_FOR = {
    Impact.BREAKING: Bump.MAJOR,
    Impact.COMPATIBLE: Bump.MINOR,
    Impact.COSMETIC: Bump.PATCH,
    Impact.NONE: Bump.NONE,
}


@dataclass(frozen=True, slots=True)
class Change:
    """One semantic change between two versions of a tool.

    ``pointer`` leads into the new tool, or into the old one for what the new
    version no longer has (``side`` says which). Pointers are into the
    resolved tool, after includes; a formatter places them in files.
    ``message`` names ids and, where they are not case data, old and new
    values. The other fields are for renderers: ``target`` is the id of what
    changed (question, section, scale), ``subject`` the same in words (a
    question's text, a section's title), ``detail`` how it changed, in words,
    ``section`` the title of the section it stands in, ``themes`` the themes
    whose scores it moves for the same answers (grade bands and the catalogue
    reach every theme and name none), and ``related`` the ids it brings with it
    (the questions replacing one, a new group's sub-questions).
    """

    code: str
    """The rule of the catalogue the change falls under (:data:`audit_tool.versions.RULES`),
    as a problem's ``code`` is a row of :data:`audit_tool.codes.CODES`; the diff JSON
    calls it ``rule`` (DESIGN.md)."""
    pointer: str
    message: str
    side: Literal["old", "new"] = "new"
    target: str = ""
    subject: str = ""
    detail: str = ""
    section: str = ""
    themes: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    position: int = 0
    """Document order in the tool ``side`` names, for sorting."""
    headline: bool = False
    """A change that restructures what is asked (a question replaced, a new area of
    questions, a question taken away): reports lead with these."""

    @property
    def data(self) -> Impact:
        """Can an old response become invalid?"""
        return RULES[self.code].data

    @property
    def score(self) -> Impact:
        """Can the same answers score differently?"""
        return RULES[self.code].score

    @property
    def severity(self) -> Impact:
        """The higher of the data and score impacts."""
        return Impact.highest(self.data, self.score)

    def to_dict(self) -> dict[str, Any]:
        """The change as DESIGN.md's diff JSON gives it."""
        return {
            "rule": self.code,
            "severity": self.severity.value,
            "data": self.data.value,
            "score": self.score.value,
            "pointer": self.pointer,
            "message": self.message,
        }


def suggested_bump(changes: tuple[Change, ...] | list[Change]) -> Bump:
    """Major for any breaking change, minor for any compatible one, patch for cosmetic."""
    return _BUMP_FOR[Impact.highest(*(c.severity for c in changes))]


def declared_bump(old_version: str, new_version: str) -> Bump:
    """The step from ``old_version`` to ``new_version``.

    Only MAJOR.MINOR.PATCH counts: a pre-release label alone is no step.
    ``downgrade`` when the new version is lower.
    """
    old, new = parse_semver(old_version), parse_semver(new_version)
    if old is None or new is None:
        return Bump.NONE
    if new[:3] < old[:3]:
        return Bump.DOWNGRADE
    if new[0] > old[0]:
        return Bump.MAJOR
    if new[1] > old[1]:
        return Bump.MINOR
    if new[2] > old[2]:
        return Bump.PATCH
    return Bump.NONE


@dataclass(frozen=True)
class Diff:
    """The semantic changes from ``old`` to ``new``, most important first.

    ``problems`` are what the comparison finds wrong with the new version as a
    successor of the old one (an id the old version reserved used again, a
    removed id not reserved) and possible renames worth declaring; their
    pointers lead into the new tool. ``matching`` is what is what between the
    two versions, as the changes were found with it: a renderer asks it
    whether a question is new, never the raw ids.
    """

    old: Tool
    new: Tool
    changes: tuple[Change, ...] = ()
    problems: tuple[Problem, ...] = field(default=())
    matching: Matching = field(kw_only=True, repr=False, compare=False)

    @property
    def suggested_bump(self) -> Bump:
        """The version step the changes call for."""
        return suggested_bump(self.changes)

    @property
    def declared_bump(self) -> Bump:
        """The version step the two versions declare."""
        return declared_bump(self.old.version, self.new.version)

    @property
    def severity(self) -> Impact:
        """The highest severity of any change (``none`` for no change)."""
        return Impact.highest(*(c.severity for c in self.changes))

    def version_problems(self) -> list[str]:
        """Why the declared version breaks the promise, in words (empty when it keeps it).

        The declared step must be at least the suggested one, and content that
        changed needs a new version: a published version is immutable. What the
        fingerprint leaves out (the status, a group's register) may change under the
        same version, since no return it pinned reads differently.
        """
        declared, suggested = self.declared_bump, self.suggested_bump
        found: list[str] = []
        if declared is Bump.DOWNGRADE:
            found.append(
                f"version {self.new.version} is lower than {self.old.version}"
            )
        elif declared.rank < suggested.rank:
            if declared is Bump.NONE:
                if self.old.fingerprint == self.new.fingerprint:
                    return found  # only what the fingerprint leaves out (status, registers)
                found.append(
                    f"the content changed but the version is still {self.new.version}; "
                    "a published version never changes"
                )
            else:
                found.append(
                    f"the changes call for a {suggested.value} version step, but "
                    f"{self.old.version} -> {self.new.version} is a {declared.value} step"
                )
        return found

    def to_dict(self) -> dict[str, Any]:
        """DESIGN.md's diff JSON."""
        return {
            "old": {"id": self.old.id, "version": self.old.version},
            "new": {"id": self.new.id, "version": self.new.version},
            "changes": [c.to_dict() for c in self.changes],
            "suggested_bump": self.suggested_bump.value,
            "declared_bump": self.declared_bump.value,
        }
