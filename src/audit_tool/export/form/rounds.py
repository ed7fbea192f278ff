"""One fillable form for each return a round expects: every invited case and agency."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from audit_tool.authoring.tool import Tool
from audit_tool.export.form.data import FormPrefill
from audit_tool.export.form.page import fillable_form
from audit_tool.rounds.manifest import AuditManifest

__all__ = ["RoundForm", "expected_returns", "round_forms"]


@dataclass(frozen=True)
class RoundForm:
    """The form for one case and one agency of a round."""

    case: str
    agency: str
    filename: str
    """``C1-police.html``: the case reference and the agency id."""
    html: str


def expected_returns(manifest: AuditManifest) -> list[tuple[str, str]]:
    """``(case, agency)`` for every return the round expects: each agency invited to each
    case, except the agencies the manifest lists as unable to take part."""
    unable = manifest.unable
    return [
        (case.ref, agency)
        for case in manifest.cases
        for agency in case.agencies
        if agency not in unable
    ]


def round_forms(manifest: AuditManifest, tool: Tool) -> Iterator[RoundForm]:
    """The form of each expected return, filled in and locked with the round, the case, the
    agency and the audit period (when the manifest gives one)."""
    for case, agency in expected_returns(manifest):
        prefill = FormPrefill(
            audit_round=manifest.round, case=case, agency=agency, period=manifest.period
        )
        yield RoundForm(case, agency, f"{case}-{agency}.html", fillable_form(tool, prefill))
