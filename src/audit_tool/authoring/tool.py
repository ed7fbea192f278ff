"""The audit tool model: scales, sections, questions, grading.

These are the *resolved* models: a tool as the library uses it, after shared
building blocks have been included. The file format on disk adds include items
(see :mod:`audit_tool.authoring.loading` and ``docs/authoring.md``).

Question ids are unique across the whole tool, sub-questions of groups
included, so that an answer, a condition target or a diff entry names one
question without ambiguity.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

from audit_tool import _pointer
from audit_tool._types import MAX_NUMBER, MAX_SCORE, MAX_WEIGHT, Identifier, OptionValue, SemVer
from audit_tool.authoring.catalogue import STANDARD_CATALOGUE_REF
from audit_tool.authoring.conditions import Condition
from audit_tool.authoring.events import EventRegister

if TYPE_CHECKING:
    from audit_tool.responses._plan import ToolPlan
__all__ = [
    "DEFAULT_BANDS",
    "NOT_EVIDENCED",
    "ChangelogEntry",
    "DateQuestion",
    "EvidenceRule",
    "GradeBand",
    "Grading",
    "GroupQuestion",
    "MultipleChoiceQuestion",
    "NumberQuestion",
    "Option",
    "Question",
    "QuestionRef",
    "Scale",
    "Section",
    "SingleChoiceQuestion",
    "SubQuestion",
    "TextQuestion",
    "Tool",
]

NOT_EVIDENCED = "not_evidenced"
"""The grade given when there is no scored answer, or too few to support a grade."""

_CONFIG = ConfigDict(
    extra="forbid",
    frozen=True,
    defer_build=True,
    validate_by_name=True,
    validate_by_alias=True,
    serialize_by_alias=True,
)


class Option(BaseModel):
    """One answer a scale offers."""

    model_config = _CONFIG

    value: OptionValue
    """The stable value stored in responses (``yes``, ``partly``, ``not_applicable``)."""
    label: str = Field(min_length=1)
    """The words auditors see."""
    score: float | None = Field(default=None, ge=0, le=MAX_SCORE)
    """Points for this answer, 0 to 1,000; leave out for an unscored answer (not applicable,
    not known)."""
    description: str = ""
    """What choosing this answer means, for auditors."""
    exclusive: bool = False
    """Multiple choice only: this option cannot be chosen with any other (``none``)."""
    renamed_from: list[OptionValue] = Field(default_factory=list)
    """Values this option had in earlier versions (a re-coding); migration maps them."""

    @property
    def scored(self) -> bool:
        """True when choosing this option gives points."""
        return self.score is not None


class Scale(BaseModel):
    """A reusable list of options (yes / partly / no / not applicable...)."""

    model_config = _CONFIG

    id: Identifier
    """The scale's id, used by questions' ``scale`` field."""
    title: str = Field(min_length=1)
    """A short name for the scale."""
    description: str = ""
    """Guidance on using the scale."""
    options: list[Option] = Field(min_length=1)
    """The options, in the order auditors see them."""
    renamed_from: list[Identifier] = Field(default_factory=list)
    """Ids this scale had in earlier versions."""

    @property
    def values(self) -> tuple[str, ...]:
        """The option values in order."""
        return tuple(o.value for o in self.options)

    def option(self, value: str) -> Option | None:
        """The option with ``value``, or ``None``."""
        return next((o for o in self.options if o.value == value), None)

    @property
    def max_score(self) -> float | None:
        """The largest score any option gives, or ``None`` for an unscored scale."""
        scores = [o.score for o in self.options if o.score is not None]
        return max(scores) if scores else None

    @property
    def scored(self) -> bool:
        """True when at least one option gives points."""
        return any(o.scored for o in self.options)


class EvidenceRule(BaseModel):
    """When a question's answer must come with evidence text."""

    model_config = _CONFIG

    required: bool = False
    """Evidence is required whatever the answer."""
    required_for: list[OptionValue] = Field(default_factory=list)
    """Evidence is required when the answer is (or, for multiple choice, includes) one of these."""

    def requires(self, value: Any) -> bool:
        """True when an answer of ``value`` must come with evidence."""
        return self.required or self.trigger(value) is not None

    def trigger(self, value: Any) -> str | None:
        """The option of ``value`` (the first chosen, for multiple choice) that is listed in
        ``required_for``, or ``None``. An option value, from the tool: safe to quote."""
        chosen = value if isinstance(value, list) else [value]
        return next((v for v in chosen if isinstance(v, str) and v in self.required_for), None)


class _QuestionBase(BaseModel):
    model_config = _CONFIG

    id: Identifier
    """The question's stable id, unique in the tool; responses answer by it."""
    text: str = Field(min_length=1)
    """The question as auditors read it."""
    guidance: str = ""
    """Guidance for auditors: what to look for, where to find it."""
    required: bool = True
    """Whether an answer is required when the question applies."""
    when: Condition | None = None
    """The question applies only when this condition holds; it always applies without one."""
    evidence: EvidenceRule | None = None
    """When evidence text must come with the answer."""
    themes: dict[Identifier, Annotated[float, Field(gt=0, le=MAX_WEIGHT)]] = Field(
        default_factory=dict
    )
    """Themes this question evidences, each with a weight above zero and at most 100
    (usually 1)."""
    renamed_from: list[Identifier] = Field(default_factory=list)
    """Ids this question had in earlier versions: the same question, renamed."""
    replaces: list[Identifier] = Field(default_factory=list)
    """Ids of earlier questions this one supersedes with a different question."""


class _ChoiceBase(_QuestionBase):
    scale: Identifier
    """The id of the scale whose options are the allowed answers."""
    option_map: dict[OptionValue, OptionValue] = Field(default_factory=dict)
    """For migration: an earlier version's answer value -> this version's option value."""


class SingleChoiceQuestion(_ChoiceBase):
    """Choose one option of a scale. The only kind of question that scores."""

    type: Literal["single_choice"]
    """The answer type."""


class MultipleChoiceQuestion(_ChoiceBase):
    """Choose any number of options of a scale."""

    type: Literal["multiple_choice"]
    """The answer type."""
    min_selected: int | None = Field(default=None, ge=0)
    """The fewest options that may be chosen."""
    max_selected: int | None = Field(default=None, ge=1)
    """The most options that may be chosen."""


class TextQuestion(_QuestionBase):
    """A free-text answer."""

    type: Literal["text"]
    """The answer type."""
    max_length: int | None = Field(default=None, ge=1)
    """The longest answer allowed, in characters."""


class DateQuestion(_QuestionBase):
    """A calendar date (YYYY-MM-DD)."""

    type: Literal["date"]
    """The answer type."""


class NumberQuestion(_QuestionBase):
    """A number, optionally whole and within limits."""

    type: Literal["number"]
    """The answer type."""
    integer: bool = False
    """Only whole numbers are allowed."""
    minimum: float | None = Field(default=None, ge=-MAX_NUMBER, le=MAX_NUMBER)
    """The smallest allowed answer (within ±10^15, as every answer is)."""
    maximum: float | None = Field(default=None, ge=-MAX_NUMBER, le=MAX_NUMBER)
    """The largest allowed answer (within ±10^15, as every answer is)."""
    unit: str = ""
    """The unit the number is in (days, meetings), for display."""


SubQuestion = Annotated[
    SingleChoiceQuestion | MultipleChoiceQuestion | TextQuestion | DateQuestion | NumberQuestion,
    Field(discriminator="type"),
]
"""A question inside a repeatable group (groups do not nest)."""


class GroupQuestion(_QuestionBase):
    """A repeatable group: a list of entries, each answering the same sub-questions.

    One entry per meeting is how meeting attendance is recorded. ``required``
    means the auditor must give the list, which may be empty when
    ``min_entries`` is 0 (no meetings in the period).
    """

    type: Literal["group"]
    """The answer type."""
    questions: list[SubQuestion] = Field(min_length=1)
    """The sub-questions every entry answers."""
    min_entries: int = Field(default=0, ge=0)
    """The fewest entries allowed."""
    max_entries: int | None = Field(default=None, ge=1)
    """The most entries allowed."""
    entry_label: str = "entry"
    """What one entry is called (``meeting``), for forms and messages."""
    event_register: EventRegister | None = Field(default=None, alias="register")
    """Declares the entries events shared across agencies (one meeting recorded by each
    agency that took part): which sub-questions identify an event and which say the
    agency's part. Read by the round's register; left out of the fingerprint."""


Question = Annotated[
    SingleChoiceQuestion
    | MultipleChoiceQuestion
    | TextQuestion
    | DateQuestion
    | NumberQuestion
    | GroupQuestion,
    Field(discriminator="type"),
]
"""Any question: the ``type`` field says which kind."""

AnyQuestion = (
    SingleChoiceQuestion
    | MultipleChoiceQuestion
    | TextQuestion
    | DateQuestion
    | NumberQuestion
    | GroupQuestion
)
ChoiceQuestion = SingleChoiceQuestion | MultipleChoiceQuestion


class Section(BaseModel):
    """A titled part of the questionnaire."""

    model_config = _CONFIG

    id: Identifier
    """The section's stable id."""
    title: str = Field(min_length=1)
    """The section's heading."""
    description: str = ""
    """An introduction auditors read before the questions."""
    questions: list[Question] = Field(min_length=1)
    """The questions, in order."""
    renamed_from: list[Identifier] = Field(default_factory=list)
    """Ids this section had in earlier versions."""


class GradeBand(BaseModel):
    """A grade and the lowest percent that reaches it."""

    model_config = _CONFIG

    grade: Identifier
    """The grade's id (``good``)."""
    min: float = Field(ge=0, le=100)
    """The lowest percent that earns this grade."""
    label: str = ""
    """The grade as reports show it (``Good``); derived from the id when empty."""

    @property
    def display(self) -> str:
        """The label, or the id in words."""
        return self.label or self.grade.replace("_", " ").capitalize()


DEFAULT_BANDS: tuple[GradeBand, ...] = (
    GradeBand(grade="outstanding", min=90, label="Outstanding"),
    GradeBand(grade="good", min=70, label="Good"),
    GradeBand(grade="requires_improvement", min=50, label="Requires improvement"),
    GradeBand(grade="inadequate", min=0, label="Inadequate"),
)


class Grading(BaseModel):
    """How theme percentages become grades."""

    model_config = _CONFIG

    bands: list[GradeBand] = Field(default_factory=lambda: list(DEFAULT_BANDS), min_length=1)
    """Grade bands, highest minimum first; the first whose minimum a percent reaches wins."""
    min_answers: dict[Identifier, Annotated[int, Field(ge=1)]] = Field(default_factory=dict)
    """Per theme, the fewest scored answers that support a grade (below it: not_evidenced)."""

    def grade(self, percent: float | None, answers: int, theme: str) -> str:
        """The grade for ``percent`` from ``answers`` scored answers on ``theme``."""
        if percent is None or answers < self.min_answers.get(theme, 1):
            return NOT_EVIDENCED
        for band in self.bands:
            if percent >= band.min:
                return band.grade
        return NOT_EVIDENCED


class ChangelogEntry(BaseModel):
    """What one version changed, in words for the board."""

    model_config = _CONFIG

    version: SemVer
    """The version this entry describes."""
    date: datetime.date | None = None
    """When the version was published (YYYY-MM-DD)."""
    changes: list[str] = Field(min_length=1)
    """The changes, one sentence each."""


@dataclass(frozen=True, slots=True)
class QuestionRef:
    """A question with where it stands: its section, its group, its pointer."""

    question: AnyQuestion
    section: Section
    group: GroupQuestion | None
    pointer: str
    index: int
    """Position in document order over all questions, sub-questions included."""


class Tool(BaseModel):
    """A versioned audit tool."""

    model_config = ConfigDict(
        **_CONFIG,
        title="Audit tool",
        ignored_types=(cached_property,),
    )

    id: Identifier
    """The tool's id, the same across its versions (``neglect``)."""
    version: SemVer
    """The tool's semantic version; a published version never changes."""
    title: str = Field(min_length=1)
    """The tool's title."""
    theme: str = Field(min_length=1)
    """The practice theme audited (Neglect, Domestic abuse, Exploitation)."""
    status: Literal["draft", "active", "retired"] = "draft"
    """draft while being written, active when issued, retired when replaced."""
    description: str = ""
    """What the tool is for and how to use it."""
    catalogue: str = Field(default=STANDARD_CATALOGUE_REF, pattern=r"^[a-z][a-z0-9_]*@[1-9][0-9]*$")
    """The theme catalogue the tool scores into, as ``ID@VERSION``."""
    grading: Grading = Field(default_factory=Grading)
    """Grade bands and evidence thresholds."""
    scales: list[Scale] = Field(default_factory=list)
    """The answer scales questions use."""
    sections: list[Section] = Field(min_length=1)
    """The sections, in order."""
    changelog: list[ChangelogEntry] = Field(default_factory=list)
    """What each version changed, newest first."""
    retired_ids: list[Identifier] = Field(default_factory=list)
    """Question ids earlier versions used and this tool must not reuse."""

    @property
    def ref(self) -> str:
        """``ID@VERSION``."""
        return f"{self.id}@{self.version}"

    @cached_property
    def fingerprint(self) -> str:
        """``sha256:`` and 64 hex digits: the hash of what the tool means
        (:mod:`audit_tool.authoring.fingerprints`), worked out once."""
        from audit_tool.authoring.fingerprints import content_hash  # it imports this module

        return content_hash(self)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with ``update``, what is worked out once from the content is worked out again."""
        copied = super().model_copy(update=update, deep=deep)
        if update:
            for name, value in vars(Tool).items():
                if isinstance(value, cached_property):
                    copied.__dict__.pop(name, None)
        return copied

    def iter_questions(self) -> Iterator[QuestionRef]:
        """Every question in document order, each group followed by its sub-questions."""
        return iter(self._question_refs)

    @cached_property
    def _question_refs(self) -> tuple[QuestionRef, ...]:
        # Worked out once: the tool is frozen, and walking many responses asks often.
        return tuple(self._build_question_refs())

    def _build_question_refs(self) -> Iterator[QuestionRef]:
        index = 0
        for s, section in enumerate(self.sections):
            for q, question in enumerate(section.questions):
                pointer = _pointer.join("/sections", s, "questions", q)
                yield QuestionRef(question, section, None, pointer, index)
                index += 1
                if isinstance(question, GroupQuestion):
                    for k, sub in enumerate(question.questions):
                        sub_pointer = _pointer.join(pointer, "questions", k)
                        yield QuestionRef(sub, section, question, sub_pointer, index)
                        index += 1

    @cached_property
    def _plan(self) -> ToolPlan:
        # Compiled once: a batch walks thousands of responses against one tool.
        from audit_tool.responses._plan import compile_plan  # it imports this module

        return compile_plan(self)

    @cached_property
    def _question_numbers(self) -> Mapping[str, str]:
        # Worked out once: a diff names questions by number thousands of times.
        from audit_tool.authoring.describe import number_questions  # it imports this module

        return MappingProxyType(number_questions(self))

    @cached_property
    def _questions(self) -> dict[str, QuestionRef]:
        found: dict[str, QuestionRef] = {}
        for ref in self.iter_questions():
            found.setdefault(ref.question.id, ref)
        return found

    @cached_property
    def _scales(self) -> dict[str, Scale]:
        found: dict[str, Scale] = {}
        for scale in self.scales:
            found.setdefault(scale.id, scale)
        return found

    def question(self, question_id: str) -> QuestionRef | None:
        """The question with ``question_id`` (sub-questions included), or ``None``."""
        return self._questions.get(question_id)

    def scale(self, scale_id: str) -> Scale | None:
        """The scale with ``scale_id``, or ``None``."""
        return self._scales.get(scale_id)

    def scale_of(self, question: AnyQuestion) -> Scale | None:
        """The scale a choice question uses, or ``None`` for other questions."""
        if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            return self.scale(question.scale)
        return None

    def is_scored(self, question: AnyQuestion) -> bool:
        """True when answers to ``question`` can score: single choice on a scored scale."""
        if not isinstance(question, SingleChoiceQuestion):
            return False
        scale = self.scale(question.scale)
        return scale is not None and scale.scored
