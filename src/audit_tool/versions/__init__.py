"""Versions: what changed between two versions of a tool, and returns carried across.

``diff(old, new)`` matches questions, options, scales, sections and themes by id
(renames are declared, never guessed), gives each change a rule from the catalogue
in :mod:`audit_tool.versions.rules` with its data and score impact, and suggests
the version step; :mod:`audit_tool.versions.render` writes it as text, JSON or a
Markdown changelog. ``migrate`` carries a return to the new version, keeping every
answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit_tool._lazy import exports

if TYPE_CHECKING:
    from audit_tool.versions.compare import diff as diff
    from audit_tool.versions.migration import (
        MigrationResult as MigrationResult,
    )
    from audit_tool.versions.migration import (
        dump_response as dump_response,
    )
    from audit_tool.versions.migration import (
        migrate as migrate,
    )
    from audit_tool.versions.model import (
        Bump as Bump,
    )
    from audit_tool.versions.model import (
        Change as Change,
    )
    from audit_tool.versions.model import (
        Diff as Diff,
    )
    from audit_tool.versions.model import (
        declared_bump as declared_bump,
    )
    from audit_tool.versions.model import (
        suggested_bump as suggested_bump,
    )
    from audit_tool.versions.rules import RULES as RULES
    from audit_tool.versions.rules import DiffRule as DiffRule
    from audit_tool.versions.rules import Impact as Impact

__getattr__, __dir__, __all__ = exports(__name__, {
    "audit_tool.versions.compare": [
        "diff",
    ],
    "audit_tool.versions.model": [
        "Bump", "Change", "Diff", "declared_bump", "suggested_bump",
    ],
    "audit_tool.versions.rules": [
        "RULES", "DiffRule", "Impact",
    ],
    "audit_tool.versions.migration": [
        "MigrationResult", "dump_response", "migrate",
    ],
})
