"""Diffing tool versions: semantic changes, their impacts, and version discipline.

``diff(old, new)`` matches questions, options, scales, sections and themes by
id (renames are declared, never guessed), gives each change a rule from the
catalogue in :mod:`audit_tool.versions.rules` with its data and score impact,
and suggests the version step. :mod:`audit_tool.versions.render` writes the
result as text, JSON (DESIGN.md §6) or a Markdown changelog.
"""

from __future__ import annotations

from audit_tool.versions.compare import diff, lead_order
from audit_tool.versions.matching import Matching, match
from audit_tool.versions.model import Bump, Change, Diff, declared_bump, suggested_bump
from audit_tool.versions.rules import EXAMPLE_TOOL, RULES, DiffRule, Example, Impact

__all__ = [
    "EXAMPLE_TOOL",
    "RULES",
    "Bump",
    "Change",
    "Diff",
    "DiffRule",
    "Example",
    "Impact",
    "Matching",
    "declared_bump",
    "diff",
    "lead_order",
    "match",
    "suggested_bump",
]
