"""A tool described in words, for the forms auditors fill in.

The blank response template and the printable form both say, for every
question, its number, when it applies ("answer if ..."), what kind of answer
it takes and when evidence is needed. The words come from here, so that a
condition reads the same on paper and in the response file.

Two ways of naming things, chosen by the caller: a printed form names
questions by number and options by their labels; a response template names
questions by id and options by the values written in the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from audit_tool.authoring.conditions import AllOf, Answered, AnyOf, Condition, Equals, InValues, Not
from audit_tool.authoring.tool import (
    AnyQuestion,
    DateQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    Option,
    SingleChoiceQuestion,
    TextQuestion,
    Tool,
)

__all__ = [
    "OptionWords",
    "QuestionWords",
    "Wording",
    "describe_answer",
    "describe_condition",
    "describe_evidence",
    "describe_question",
    "describe_score",
    "join_words",
    "plural",
    "question_numbers",
]


def _letters(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: the letter of the n-th sub-question."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def question_numbers(tool: Tool) -> dict[str, str]:
    """Each question's number by id: ``1.1``, ``1.2``...; a group's sub-questions ``4.1a``."""
    return dict(tool._question_numbers)


def number_questions(tool: Tool) -> dict[str, str]:
    """Each question's number by id, worked out (:func:`question_numbers` keeps it on the
    tool)."""
    numbers: dict[str, str] = {}
    for s, section in enumerate(tool.sections, start=1):
        for q, question in enumerate(section.questions, start=1):
            number = f"{s}.{q}"
            numbers.setdefault(question.id, number)
            if isinstance(question, GroupQuestion):
                for k, sub in enumerate(question.questions):
                    numbers.setdefault(sub.id, f"{number}{_letters(k)}")
    return numbers


def join_words(words: Sequence[str], last: str = "or") -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def plural(n: int, noun: str) -> str:
    """``1 answer``, ``0 answers``, ``2 answers``: a count and a noun that takes an s."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class Wording:
    """How descriptions name questions and options.

    On a printed form (``for_file`` false) questions are named by number and
    options by their labels in double quotes; in a response file, questions
    by id and number and options by the values written in the file.
    """

    numbers: Mapping[str, str]
    """Each question's number by id (:func:`question_numbers`)."""
    for_file: bool = False
    """Name things as a response file writes them, not as a form shows them."""

    @classmethod
    def form(cls, tool: Tool) -> Wording:
        """Questions by number, options by label: for a printed form."""
        return cls(tool._question_numbers)

    @classmethod
    def file(cls, tool: Tool) -> Wording:
        """Questions by id and number, options by value: for a response file."""
        return cls(tool._question_numbers, for_file=True)

    def question(self, question_id: str) -> str:
        """A question as this wording names it: ``1.1`` or ``agency_type (1.1)``."""
        number = self.numbers.get(question_id)
        if number is None:
            return question_id
        return f"{question_id} ({number})" if self.for_file else number

    def option(self, option: Option) -> str:
        """An option as this wording shows it: ``"Not invited"`` or ``'not_invited'``."""
        return f"'{option.value}'" if self.for_file else f'"{option.label}"'


def _value(tool: Tool, target: AnyQuestion | None, value: object, wording: Wording) -> str:
    """A value compared with in a condition, in words."""
    scale = tool.scale_of(target) if target is not None else None
    if scale is not None and isinstance(value, str):
        option = scale.option(value)
        if option is not None:
            return wording.option(option)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and not isinstance(target, (DateQuestion, NumberQuestion)):
        return f'"{value}"'
    return str(value)


def _compound(condition: Condition) -> bool:
    return isinstance(condition, (AllOf, AnyOf))


def describe_condition(condition: Condition, tool: Tool, wording: Wording) -> str:
    """``condition`` in words, without the leading "answer if".

    ``{question: child_seen, in: ["yes", partly]}`` on a form reads
    ``8.2 is "Yes" or "Partly"``.
    """
    return _describe(condition, tool, wording, negated=False)


def _describe(condition: Condition, tool: Tool, wording: Wording, *, negated: bool) -> str:
    if isinstance(condition, Not):
        return _describe(condition.not_, tool, wording, negated=not negated)
    if isinstance(condition, (AllOf, AnyOf)):
        parts = condition.all if isinstance(condition, AllOf) else condition.any
        word = "and" if isinstance(condition, AllOf) else "or"
        shown = [
            f"({_describe(p, tool, wording, negated=False)})"
            if _compound(p)
            else _describe(p, tool, wording, negated=False)
            for p in parts
        ]
        text = f" {word} ".join(shown)
        return f"not ({text})" if negated else text
    ref = tool.question(condition.question)
    target = ref.question if ref is not None else None
    name = wording.question(condition.question)
    if isinstance(condition, Answered):
        answered = condition.answered != negated
        if isinstance(target, GroupQuestion):
            label = target.entry_label
            return (
                f"at least one {label} is recorded in {name}"
                if answered
                else f"no {label} is recorded in {name}"
            )
        return f"{name} is answered" if answered else f"{name} is not answered"
    values = [_value(tool, target, v, wording) for v in condition.values()]
    verb = "includes" if isinstance(target, MultipleChoiceQuestion) else "is"
    if not negated:
        return f"{name} {verb} {join_words(values)}"
    if isinstance(condition, Equals) or len(values) == 1:
        return f"{name} {'does not include' if verb == 'includes' else 'is not'} {values[0]}"
    assert isinstance(condition, InValues)
    if len(values) == 2:
        return f"{name} {verb} neither {values[0]} nor {values[1]}"
    return f"{name} {verb} none of {', '.join(values)}"


def describe_score(option: Option) -> str:
    """``2 points``, ``1 point`` or ``not scored``."""
    if option.score is None:
        return "not scored"
    shown = f"{option.score:g}"
    return f"{shown} point" if option.score == 1 else f"{shown} points"


def _count(low: int | None, high: int | None, noun: str) -> str:
    plural = noun if noun.endswith("s") else f"{noun}s"
    if low and high is not None:
        return f"{low} to {high} {plural}" if low != high else f"exactly {low} {plural}"
    if low:
        return f"at least {low} {noun if low == 1 else plural}"
    if high is not None:
        return f"at most {high} {noun if high == 1 else plural}"
    return f"any number of {plural}"


def describe_answer(question: AnyQuestion) -> str:
    """What kind of answer ``question`` takes: ``choose one``, ``a date (YYYY-MM-DD)``..."""
    if isinstance(question, SingleChoiceQuestion):
        return "choose one"
    if isinstance(question, MultipleChoiceQuestion):
        return f"choose {_count(question.min_selected, question.max_selected, 'option')}"
    if isinstance(question, TextQuestion):
        if question.max_length is not None:
            return f"text, at most {question.max_length} characters"
        return "text"
    if isinstance(question, DateQuestion):
        return "a date (YYYY-MM-DD)"
    if isinstance(question, NumberQuestion):
        kind = "a whole number" if question.integer else "a number"
        low, high = question.minimum, question.maximum
        if low is not None and high is not None:
            kind += f" from {low:g} to {high:g}"
        elif low is not None:
            kind += f", {low:g} or more"
        elif high is not None:
            kind += f", {high:g} or less"
        return f"{kind} ({question.unit})" if question.unit else kind
    label = question.entry_label
    return f"one entry per {label}: {_count(question.min_entries, question.max_entries, label)}"


def describe_evidence(question: AnyQuestion, tool: Tool, wording: Wording) -> str | None:
    """When evidence must come with the answer, in words; ``None`` when it never must."""
    rule = question.evidence
    if rule is None or not (rule.required or rule.required_for):
        return None
    if rule.required:
        return "Evidence required."
    scale = tool.scale_of(question)
    shown = []
    for value in rule.required_for:
        option = scale.option(value) if scale is not None else None
        shown.append(wording.option(option) if option is not None else value)
    verb = "includes" if isinstance(question, MultipleChoiceQuestion) else "is"
    return f"Evidence required when the answer {verb} {join_words(shown)}."


@dataclass(frozen=True)
class OptionWords:
    """One allowed answer, as a form or a template shows it."""

    value: str
    """The value a response stores."""
    label: str
    """The words auditors see."""
    score: str | None
    """``2 points`` or ``not scored``; ``None`` when the scale gives no scores at all."""
    exclusive: bool
    """Multiple choice: this option is chosen on its own only."""


@dataclass(frozen=True)
class QuestionWords:
    """Everything a form or a template says about one question."""

    id: str
    type: str
    """The question type (``single_choice``, ``text``, ``group``...)."""
    number: str
    """``2.3``; ``7.1a`` for a group's sub-question."""
    text: str
    required: bool
    condition: str | None
    """``Answer if ...`` in a sentence; ``None`` when the question always applies."""
    guidance: str
    answer: str
    """What kind of answer it takes (:func:`describe_answer`)."""
    options: tuple[OptionWords, ...]
    """The allowed answers of a choice question; empty for other questions."""
    multiple: bool
    """A multiple-choice question: the answer is a list."""
    evidence: str | None
    """When evidence is required, in a sentence; ``None`` when never."""
    entry_label: str | None = None
    """A group's name for one entry (``meeting``); ``None`` for other questions."""
    min_entries: int = 0
    """A group's fewest entries."""
    max_entries: int | None = None
    """A group's most entries, if limited."""
    questions: tuple[QuestionWords, ...] = ()
    """A group's sub-questions."""


def describe_question(question: AnyQuestion, tool: Tool, wording: Wording) -> QuestionWords:
    """``question`` (and a group's sub-questions) in words, for a form or a template."""
    scale = tool.scale_of(question)
    options: tuple[OptionWords, ...] = ()
    if scale is not None:
        options = tuple(
            OptionWords(
                o.value, o.label, describe_score(o) if scale.scored else None, o.exclusive
            )
            for o in scale.options
        )
    condition = None
    if question.when is not None:
        condition = f"Answer if {describe_condition(question.when, tool, wording)}."
    group = question if isinstance(question, GroupQuestion) else None
    return QuestionWords(
        id=question.id,
        type=question.type,
        number=wording.numbers.get(question.id, ""),
        text=question.text,
        required=question.required,
        condition=condition,
        guidance=question.guidance,
        answer=describe_answer(question),
        options=options,
        multiple=isinstance(question, MultipleChoiceQuestion),
        evidence=describe_evidence(question, tool, wording),
        entry_label=group.entry_label if group else None,
        min_entries=group.min_entries if group else 0,
        max_entries=group.max_entries if group else None,
        questions=tuple(describe_question(q, tool, wording) for q in group.questions)
        if group
        else (),
    )
