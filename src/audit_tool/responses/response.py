"""Responses: one agency's completed questionnaire for one case.

A response names the tool id and version it answers, the audit round, a
pseudonymised case reference, the agency, the auditor's role (never a name),
the completion date and the audit period, and the answers by question id.

An answer is written either as the bare value::

    chronology_current: partly

or in full, with evidence text and the date of that evidence::

    chronology_current:
      value: partly
      evidence: Chronology last updated before the core group in March.
      evidence_date: 2017-03-14

A repeatable group's answer is a list of entries, each a mapping of
sub-question id to answer. A multiple-choice answer is a list of option values.

This module holds the model and the loader; checking a response against its
tool is :mod:`audit_tool.responses.validation`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from audit_tool import _args
from audit_tool._grammar import load_verb
from audit_tool._source import Given, Source, read_source
from audit_tool._types import CaseRef, Identifier, IsoDate, RoundId, SemVer
from audit_tool._yaml import DEFAULT_LIMITS, Document, Limits
from audit_tool.authoring.loading import validate_document
from audit_tool.problems import Problem

__all__ = [
    "Answer",
    "LoadedResponse",
    "MigrationStep",
    "Period",
    "Response",
    "ToolRef",
    "load_response",
    "read_response",
]

_CONFIG = ConfigDict(extra="forbid", frozen=True, defer_build=True)

FINGERPRINT_PATTERN = r"^sha256:[0-9a-f]{64}$"


class ToolRef(BaseModel):
    """Which tool, and which version of it, a response answers."""

    model_config = _CONFIG

    id: Identifier
    """The tool's id."""
    version: SemVer
    """The tool's version."""
    fingerprint: str | None = Field(default=None, pattern=FINGERPRINT_PATTERN)
    """The tool's content fingerprint (``sha256:...``), to catch a tool changed in place."""

    @property
    def ref(self) -> str:
        """``ID@VERSION``."""
        return f"{self.id}@{self.version}"


class Period(BaseModel):
    """The period of work the audit looked at."""

    model_config = _CONFIG

    start: IsoDate
    """The first day audited (YYYY-MM-DD)."""
    end: IsoDate
    """The last day audited (YYYY-MM-DD)."""


ScalarAnswer = str | bool | int | float


def _value_form(value: Any) -> str | None:
    if value is None or isinstance(value, (str, bool, int, float)):
        return "scalar"
    if isinstance(value, list):
        return "entries" if any(isinstance(v, (dict, Answer)) for v in value) else "options"
    return None


AnswerValue = Annotated[
    Annotated[ScalarAnswer | None, Tag("scalar")]
    | Annotated[list[str], Tag("options")]
    | Annotated[list[dict[str, "Answer"]], Tag("entries")],
    Discriminator(
        _value_form,
        custom_error_type="answer_form",
        custom_error_message=(
            "an answer is one value, a list of option values, or a list of entries "
            "(mappings of sub-question id to answer)"
        ),
    ),
]
"""An answer's value: one of three forms, told apart by its shape."""


class Answer(BaseModel):
    """One answer: a value, and optionally evidence and the date of that evidence."""

    model_config = _CONFIG

    value: AnswerValue = None
    """The answer: an option value, text, a number, a date (YYYY-MM-DD), a list of
    option values (multiple choice) or a list of entries (repeatable group)."""
    evidence: str | None = None
    """What in the agency's records supports the answer (case data: never quoted)."""
    evidence_date: IsoDate | None = None
    """The date of the record the evidence comes from."""

    @model_validator(mode="before")
    @classmethod
    def _bare_value(cls, data: Any) -> Any:
        """A bare value is short for ``{value: ...}``."""
        if isinstance(data, dict):
            return data
        if isinstance(data, Answer):
            return data
        return {"value": data}

    @property
    def entries(self) -> list[dict[str, Answer]]:
        """The entries of a repeatable group's answer (empty for other answers)."""
        if isinstance(self.value, list) and all(isinstance(e, dict) for e in self.value):
            return [e for e in self.value if isinstance(e, dict)]
        return []


class MigrationStep(BaseModel):
    """A record that a response was carried forward from an earlier tool version."""

    model_config = _CONFIG

    tool: ToolRef
    """The tool version the response answered before this step."""
    date: IsoDate
    """When the response was migrated."""


class Response(BaseModel):
    """A completed (or partly completed) questionnaire."""

    model_config = ConfigDict(**_CONFIG, title="Audit response")
    HOLDS_CASE_DATA: ClassVar[bool] = True
    """Its keys may be case data: messages quote only the format's field names."""

    tool: ToolRef
    """The tool and version answered."""
    round: RoundId | None = None
    """The audit round this return belongs to (``2017-05-neglect``)."""
    case: CaseRef
    """The pseudonymised case reference (``C1``); never a name."""
    agency: Identifier
    """The auditing agency's id (``police``, ``health_acute``)."""
    auditor_role: str | None = None
    """The lead auditor's role (``Safeguarding lead``); never a name."""
    completed: IsoDate | None = None
    """The date the questionnaire was completed."""
    period: Period | None = None
    """The period of work audited."""

    answers: dict[str, Answer] = Field(default_factory=dict)
    """Answers by question id."""
    migrated_from: list[MigrationStep] = Field(default_factory=list)
    """Earlier tool versions this response was migrated from, oldest first."""
    unplaced_answers: dict[str, Answer] = Field(default_factory=dict)
    """Answers kept by migration that the current version has no question for, by their
    old question id. Kept so nothing is lost; not scored or validated."""

    @field_validator("period", mode="before")
    @classmethod
    def _blank_period(cls, value: Any) -> Any:
        """A period whose dates are both left blank (a draft) is no period yet."""
        blank = isinstance(value, dict) and all(value.get(k) is None for k in ("start", "end"))
        if blank and set(value) <= {"start", "end"}:
            return None
        return value

    def values(self) -> dict[str, Any]:
        """Top-level answer values by question id, as conditions read them."""
        return {qid: answer.value for qid, answer in self.answers.items()}


@dataclass
class LoadedResponse:
    """A response file as read: the model (when it has the right shape), its
    problems, and the parsed document (for positions)."""

    file: str
    response: Response | None = None
    document: Document | None = None
    problems: list[Problem] = field(default_factory=list)
    _read_as: tuple[Response, Document] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    """The model and the document it was validated from, as read (a copy or a change
    loses it): while both are still these, the document's data is the model's."""

    @property
    def ok(self) -> bool:
        """True when no problem is an error (of the file's shape: its tool is not asked)."""
        return self.response is not None and not any(p.is_error for p in self.problems)


def read_response(
    source: Source | None = None,
    *,
    text: str | None = None,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> LoadedResponse:
    """A response file (YAML or JSON) read; never raises for bad input.

    ``source`` is a path, a mapping of the file's data or a :class:`Response`; or give
    the file's content as ``text``. ``name`` is how problems name the file (default: the
    path as given, ``<string>`` for text, ``<data>`` for data). Only the shape of the
    file is checked here; :func:`audit_tool.check_response` checks it against its tool.
    Raises ``TypeError`` for an argument of the wrong type (a mistake in the calling
    program, not bad input).
    """
    limits = _args.typed(limits, Limits, "limits")
    given = read_source(source, text, name=name, base_dir=None, limits=limits,
                        models=(Response,))
    return loaded_from(given)


def loaded_from(given: Given) -> LoadedResponse:
    """The response a source read as one document gives (:func:`read_response`'s last step)."""
    result = LoadedResponse(given.name, document=given.document, problems=given.problems)
    if given.document is None:
        return result
    response, found = validate_document(given.document, Response)
    result.problems.extend(found)
    result.response = response
    if response is not None:
        result._read_as = (response, given.document)
    return result


load_response = load_verb(
    read_response, "response", lambda loaded: loaded.response if loaded.ok else None,
    "Response",
    note="Only the file's shape is asked here: :func:`audit_tool.check_response` checks the "
    "return against its tool.",
)
