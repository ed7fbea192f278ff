"""Rounds: an audit round's manifest, its returns read together, and their scores.

The manifest (``read_manifest`` / ``load_manifest`` / ``check_manifest``), the
panel's findings, learning and actions, the round read whole (``read_round``), and
scoring. The round's register of meetings, its report and the trend over rounds
are the subpackages :mod:`audit_tool.rounds.register`, :mod:`audit_tool.rounds.report`
and :mod:`audit_tool.rounds.trend`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit_tool._lazy import exports

if TYPE_CHECKING:
    from audit_tool.rounds.learning import (
        Action as Action,
    )
    from audit_tool.rounds.learning import (
        ActionStatus as ActionStatus,
    )
    from audit_tool.rounds.learning import (
        Finding as Finding,
    )
    from audit_tool.rounds.learning import (
        LearningItem as LearningItem,
    )
    from audit_tool.rounds.manifest import (
        AgencyEntry as AgencyEntry,
    )
    from audit_tool.rounds.manifest import (
        AuditManifest as AuditManifest,
    )
    from audit_tool.rounds.manifest import (
        CaseEntry as CaseEntry,
    )
    from audit_tool.rounds.manifest import (
        Family as Family,
    )
    from audit_tool.rounds.manifest import (
        LoadedManifest as LoadedManifest,
    )
    from audit_tool.rounds.manifest import (
        ManifestTool as ManifestTool,
    )
    from audit_tool.rounds.manifest import (
        SeparateMeeting as SeparateMeeting,
    )
    from audit_tool.rounds.manifest import (
        UnableToTakePart as UnableToTakePart,
    )
    from audit_tool.rounds.manifest import (
        check_manifest as check_manifest,
    )
    from audit_tool.rounds.manifest import (
        load_manifest as load_manifest,
    )
    from audit_tool.rounds.manifest import (
        read_manifest as read_manifest,
    )
    from audit_tool.rounds.round import (
        AuditRound as AuditRound,
    )
    from audit_tool.rounds.round import (
        Coverage as Coverage,
    )
    from audit_tool.rounds.round import (
        LoadedRound as LoadedRound,
    )
    from audit_tool.rounds.round import (
        RoundReturn as RoundReturn,
    )
    from audit_tool.rounds.round import (
        read_round as read_round,
    )
    from audit_tool.rounds.scoring import (
        GroupScore as GroupScore,
    )
    from audit_tool.rounds.scoring import (
        QuestionScore as QuestionScore,
    )
    from audit_tool.rounds.scoring import (
        ResponseScore as ResponseScore,
    )
    from audit_tool.rounds.scoring import (
        Scores as Scores,
    )
    from audit_tool.rounds.scoring import (
        ThemeScore as ThemeScore,
    )
    from audit_tool.rounds.scoring import (
        score as score,
    )

__getattr__, __dir__, __all__ = exports(__name__, {
    "audit_tool.rounds.manifest": [
        "AgencyEntry", "AuditManifest", "CaseEntry", "Family", "LoadedManifest", "ManifestTool",
        "SeparateMeeting", "UnableToTakePart", "check_manifest", "load_manifest", "read_manifest",
    ],
    "audit_tool.rounds.learning": [
        "Action", "ActionStatus", "Finding", "LearningItem",
    ],
    "audit_tool.rounds.round": [
        "AuditRound", "Coverage", "LoadedRound", "RoundReturn", "read_round",
    ],
    "audit_tool.rounds.scoring": [
        "GroupScore", "QuestionScore", "ResponseScore", "Scores", "ThemeScore", "score",
    ],
})
