"""What a round's panel found and agreed, as data: findings, key learning and its actions.

A round's manifest may carry, beside its cases and agencies:

- ``findings``: the themes the panel identified (the source summary's 4.1),
  each in the panel's words and linked to the catalogue themes it concerns;
- ``learning``: the numbered key learning (``"5.1"``, ``"5.2"`` ...), each
  linked to the findings, themes and questions it concerns, with its
  ``actions``: the agencies that own each one, a due date, and its status
  (open, done or dropped, with the date and a short note). An action that
  asked for a change to the audit tool names the tool version that made it
  (``neglect@2.0.0``).

The checks of this module need the manifest only (agencies, ids, dates);
links to questions and themes are checked once the round's tool is loaded
(:func:`check_links`). Every problem has a pointer into the manifest.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from audit_tool import _pointer
from audit_tool._types import REF_PATTERN, Identifier, parse_semver
from audit_tool._validation import suggestion
from audit_tool.authoring.catalogue import ThemeCatalogue
from audit_tool.authoring.tool import Tool
from audit_tool.codes import problem
from audit_tool.problems import Problem

__all__ = [
    "Action",
    "ActionStatus",
    "Finding",
    "LearningItem",
    "ToolLink",
    "check_learning",
    "check_links",
]

_CONFIG = ConfigDict(extra="forbid", frozen=True, defer_build=True)

LearningId = Annotated[
    str,
    StringConstraints(pattern=REF_PATTERN, max_length=32),
    Field(
        description="the item's number or id as the panel wrote it; quote numbers ('5.10')",
        examples=["5.1"],
    ),
]
ToolLink = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*@[0-9]+\.[0-9]+\.[0-9]+$", max_length=96),
    Field(description="a tool version, ID@VERSION", examples=["neglect@2.0.0"]),
]


class ActionStatus(StrEnum):
    """Where an action stands."""

    OPEN = "open"
    """Not done yet."""
    DONE = "done"
    """Done; ``status_date`` says when."""
    DROPPED = "dropped"
    """Will not be done; ``status_date`` says when that was agreed, ``note`` why."""


class Finding(BaseModel):
    """A theme the panel identified, in its own words."""

    model_config = _CONFIG

    id: Identifier
    """The finding's id, for learning to link to (``recording_variable``)."""
    text: str = Field(min_length=1)
    """The finding as the panel wrote it (never names)."""
    themes: list[Identifier] = Field(default_factory=list)
    """The catalogue themes it concerns."""


class Action(BaseModel):
    """One thing agreed to act on an item of learning."""

    model_config = _CONFIG

    text: str = Field(min_length=1)
    """What will be done (never names: roles only)."""
    owners: list[Identifier] = Field(min_length=1)
    """The agencies that own it: ids from the manifest's ``agencies``."""
    due: datetime.date
    """When it is due (YYYY-MM-DD)."""
    status: ActionStatus = ActionStatus.OPEN
    """``open``, ``done`` or ``dropped``."""
    status_date: datetime.date | None = None
    """When the status was last set; required for ``done`` and ``dropped``."""
    note: str = ""
    """A short note on the status, in words for the board (never names)."""
    tool: ToolLink | None = None
    """The tool version whose change this action asked for (``neglect@2.0.0``)."""

    def overdue(self, on: datetime.date) -> bool:
        """True when the action is still open after its due date, as of ``on``."""
        return self.status is ActionStatus.OPEN and self.due < on


class LearningItem(BaseModel):
    """One numbered item of the round's key learning, and its actions."""

    model_config = _CONFIG

    id: LearningId
    """Its number (``"5.1"``); unique in the round."""
    text: str = Field(min_length=1)
    """The learning in the panel's words (never names)."""
    findings: list[Identifier] = Field(default_factory=list)
    """Ids of the round's findings it follows from."""
    themes: list[Identifier] = Field(default_factory=list)
    """The catalogue themes it concerns."""
    questions: list[Identifier] = Field(default_factory=list)
    """The questions of the round's tool it concerns."""
    actions: list[Action] = Field(default_factory=list)
    """What was agreed to act on it."""


def _duplicates(ids: Iterable[str]) -> Iterator[tuple[int, str]]:
    seen: set[str] = set()
    for index, value in enumerate(ids):
        if value in seen:
            yield index, value
        seen.add(value)


def check_learning(
    findings: list[Finding],
    learning: list[LearningItem],
    agencies: list[str],
    tool_id: str,
    tool_version: str,
) -> Iterator[Problem]:
    """The findings and learning against the rest of the manifest, with pointers into it.

    Ids listed twice, links to findings the round does not have, actions owned
    by agencies the round does not have, a done or dropped action without a
    date, and a tool link that is not a later version of the round's tool.
    """
    for index, ident in _duplicates(f.id for f in findings):
        yield problem("learning-duplicate", f"finding '{ident}' is listed twice",
                      _pointer.join("/findings", index, "id"))
    for index, ident in _duplicates(item.id for item in learning):
        yield problem("learning-duplicate", f"learning '{ident}' is listed twice",
                      _pointer.join("/learning", index, "id"))
    finding_ids = [f.id for f in findings]
    known = set(agencies)
    for i, item in enumerate(learning):
        base = _pointer.join("/learning", i)
        for k, ident in enumerate(item.findings):
            if ident not in finding_ids:
                yield problem(
                    "learning-unknown-finding",
                    f"learning '{item.id}' links to finding '{ident}', which the round's "
                    f"'findings' do not have{suggestion(ident, finding_ids)}",
                    _pointer.join(base, "findings", k),
                )
        for a, action in enumerate(item.actions):
            where = _pointer.join(base, "actions", a)
            for k, owner in enumerate(action.owners):
                if owner not in known:
                    yield problem(
                        "action-unknown-agency",
                        f"an action of learning '{item.id}' is owned by agency '{owner}', "
                        f"which the round's 'agencies' do not have{suggestion(owner, agencies)}",
                        _pointer.join(where, "owners", k),
                    )
            if action.status is not ActionStatus.OPEN and action.status_date is None:
                yield problem(
                    "action-status-undated",
                    f"an action of learning '{item.id}' is {action.status.value} "
                    "with no status_date",
                    _pointer.join(where, "status"),
                )
            if action.tool is not None:
                yield from _tool_link(action.tool, tool_id, tool_version,
                                      _pointer.join(where, "tool"), item.id)


def _tool_link(
    link: str, tool_id: str, tool_version: str, pointer: str, item: str
) -> Iterator[Problem]:
    ident, _, version = link.partition("@")
    later = parse_semver(version)
    current = parse_semver(tool_version)
    if ident != tool_id or later is None or current is None or later[:3] <= current[:3]:
        yield problem(
            "action-tool-not-later",
            f"an action of learning '{item}' links to {link}, which is not a later version "
            f"of the round's tool {tool_id}@{tool_version}",
            pointer,
        )


def check_links(
    findings: list[Finding],
    learning: list[LearningItem],
    tool: Tool,
    catalogue: ThemeCatalogue,
) -> Iterator[Problem]:
    """Links from findings and learning to questions the round's tool has and themes its
    catalogue defines, with pointers into the manifest."""
    theme_ids = list(catalogue.theme_ids)
    question_ids = [ref.question.id for ref in tool.iter_questions()]

    def themes(owner: str, ids: list[str], base: str) -> Iterator[Problem]:
        for k, theme in enumerate(ids):
            if theme not in theme_ids:
                yield problem(
                    "learning-unknown-theme",
                    f"{owner} links to theme '{theme}', which the catalogue "
                    f"'{catalogue.ref}' does not define{suggestion(theme, theme_ids)}",
                    _pointer.join(base, "themes", k),
                )

    for f, finding in enumerate(findings):
        yield from themes(f"finding '{finding.id}'", finding.themes, _pointer.join("/findings", f))
    for i, item in enumerate(learning):
        base = _pointer.join("/learning", i)
        yield from themes(f"learning '{item.id}'", item.themes, base)
        for k, question in enumerate(item.questions):
            if question not in question_ids:
                yield problem(
                    "learning-unknown-question",
                    f"learning '{item.id}' links to question '{question}', which "
                    f"{tool.ref} does not have{suggestion(question, question_ids)}",
                    _pointer.join(base, "questions", k),
                )
