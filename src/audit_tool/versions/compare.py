"""``diff(old, new)``: the semantic changes between two versions of a tool.

The tools compared are the resolved ones, after includes: a question that
moved from the tool's own file into a building block (or back) is the same
question, and a change inside a building block shows as a change to every
tool that includes it.
"""

from __future__ import annotations

from audit_tool import _args
from audit_tool.authoring.tool import Tool
from audit_tool.versions._checks import successor_problems
from audit_tool.versions._context import Context
from audit_tool.versions._questions import question_changes
from audit_tool.versions._structure import (
    grading_changes,
    scale_changes,
    section_changes,
    tool_changes,
)
from audit_tool.versions.matching import match
from audit_tool.versions.model import Change, Diff
from audit_tool.versions.rules import Impact

__all__ = ["diff", "lead_order"]

_REPLACED, _NEW_AREA, _REMOVED = 0, 1, 2


def lead_order(change: Change) -> tuple[int, int, int]:
    """Sort key: the changes that restructure what is asked first, then by severity.

    First the questions replaced by others (a question rewritten), then new
    areas of questions (a new section, a new repeatable group), then the
    questions taken away; then every other change, breaking before compatible
    before cosmetic. Within each, document order, sections before their
    questions.
    """
    if change.headline:
        if change.code.startswith("question-replaced"):
            tier = _REPLACED
        elif change.code.startswith("question-removed"):
            tier = _REMOVED
        else:
            tier = _NEW_AREA
    else:
        tier = 3 + (Impact.BREAKING.rank - change.severity.rank)
    return (tier, change.position, 0 if change.code.startswith("section-") else 1)


def diff(old: Tool, new: Tool) -> Diff:
    """The changes from ``old`` to ``new``, most important first, and the problems of ``new``
    as the next version of ``old``.
    """
    old, new = _args.typed(old, Tool, "old"), _args.typed(new, Tool, "new")
    m = match(old, new)
    ctx = Context(old, new, m)
    changes = [
        *tool_changes(ctx),
        *grading_changes(ctx),
        *section_changes(ctx),
        *question_changes(ctx),
        *scale_changes(ctx),
    ]
    changes.sort(key=lead_order)  # stable: emission order breaks the last ties
    return Diff(old, new, tuple(changes), tuple(successor_problems(m)), matching=m)
