"""The return's metadata (case, agency, round, auditor role, dates) as Questionnaire items.

A FHIR forms renderer collects only what the Questionnaire asks for, and knows nothing of
this library's extensions; so the export asks for the metadata of a return in a first
group item, ``audit-return``, and a return's QuestionnaireResponse answers it. The linkIds
hold a ``-``, which no tool's ids can, so they never clash with a section or question.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from audit_tool.responses.response import Response

__all__ = ["METADATA_ITEMS", "METADATA_LINK_ID", "MetadataItem", "metadata_answers",
           "metadata_group"]

METADATA_LINK_ID = "audit-return"
"""The linkId of the group item that asks for the return's metadata."""


@dataclass(frozen=True)
class MetadataItem:
    """One field of a return asked for as a Questionnaire item."""

    field: str
    """The response file's field: ``case``, ``period.start``..."""
    text: str
    type: str
    """``string`` or ``date``."""
    required: bool

    @property
    def link_id(self) -> str:
        """``audit-return.case``, ``audit-return.period-start``..."""
        return f"{METADATA_LINK_ID}.{self.field.replace('.', '-').replace('_', '-')}"


METADATA_ITEMS = (
    MetadataItem("case", "Case reference (the round's pseudonym, never a name)", "string", True),
    MetadataItem("agency", "Agency (its id in the round, for example police)", "string", True),
    MetadataItem("round", "Audit round (its id, for example 2017-05-neglect)", "string", False),
    MetadataItem("auditor_role", "Lead auditor's role (a role, never a name)", "string", False),
    MetadataItem("period.start", "Audit period: first day", "date", False),
    MetadataItem("period.end", "Audit period: last day", "date", False),
    MetadataItem("completed", "Date this return was completed", "date", False),
)
"""The metadata a return carries, in the order the form asks for it. Only what every
return has is required; a completed return's role, period and date are asked for, and
'audit-tool validate' says when one is missing (as FHIR cannot: it has no "required once
completed")."""


def metadata_group() -> dict[str, Any]:
    """The Questionnaire's first item: a group asking for the return's metadata.

    The group itself is not required (FHIR renderers such as LHC-Forms flag a required
    group, which holds no answer of its own, as missing).
    """
    return {
        "linkId": METADATA_LINK_ID,
        "text": "About this return",
        "type": "group",
        "required": False,
        "item": [
            {"linkId": m.link_id, "text": m.text, "type": m.type, "required": m.required}
            for m in METADATA_ITEMS
        ],
    }


def _value(response: Response, name: str) -> str | None:
    if name.startswith("period."):
        if response.period is None:
            return None
        day: datetime.date = getattr(response.period, name.removeprefix("period."))
        return day.isoformat()
    value = getattr(response, name)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value if isinstance(value, str) else None


def metadata_answers(response: Response) -> dict[str, Any] | None:
    """The QuestionnaireResponse item answering :func:`metadata_group`, or None if empty."""
    items = []
    for m in METADATA_ITEMS:
        value = _value(response, m.field)
        if value is None:
            continue
        kind = "valueDate" if m.type == "date" else "valueString"
        items.append({"linkId": m.link_id, "text": m.text, "answer": [{kind: value}]})
    if not items:
        return None
    return {"linkId": METADATA_LINK_ID, "text": "About this return", "item": items}
