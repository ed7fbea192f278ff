"""Is an answer's value one its question can take?

First its type (:func:`type_mismatch`: one option, a list of options, text, a
date, a finite number, a list of entries), which the FHIR export and the
tool's checks of conditions ask too; then, for a value of the right type, the
rules of its question (:func:`check_value`: options of the scale, counts,
length, range, whole numbers).

The checks read only the value, never whether the question applies: a value
the question could never take is wrong wherever it stands. Messages name the
question and the rule and never quote the value (it may be case data); the
allowed values, which come from the tool, are quoted.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from audit_tool import _pointer
from audit_tool._types import MAX_NUMBER, parse_date
from audit_tool._validation import describe_value, suggestion
from audit_tool.authoring.tool import (
    AnyQuestion,
    DateQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    Tool,
)
from audit_tool.codes import problem
from audit_tool.problems import Problem

__all__ = ["check_value", "is_given", "type_mismatch"]


def is_given(question: AnyQuestion, value: Any) -> bool:
    """True when ``value`` is an answer rather than a blank.

    Blank is null, empty text or, except for a repeatable group, an empty list:
    an empty group list is an answer ("there were no meetings").
    """
    if value is None or value == "":
        return False
    return isinstance(question, GroupQuestion) or value != []


def type_mismatch(question: AnyQuestion, value: Any) -> str | None:
    """What ``question`` takes, in words, when ``value`` is not of that type; ``None`` when it is.

    The type only: a text for a single choice (not which option), a list of
    texts for a multiple choice, text, a date written ``YYYY-MM-DD``, a finite
    number (true/false is not one; a fraction is, for a whole-number question),
    a list for a repeatable group (not what its entries hold).
    """
    if isinstance(question, SingleChoiceQuestion):
        return None if isinstance(value, str) else f"one option of scale '{question.scale}'"
    if isinstance(question, MultipleChoiceQuestion):
        fits = isinstance(value, list) and all(isinstance(v, str) for v in value)
        return None if fits else f"a list of options of scale '{question.scale}'"
    if isinstance(question, TextQuestion):
        return None if isinstance(value, str) else "text"
    if isinstance(question, DateQuestion):
        return None if parse_date(value) is not None else "a date written YYYY-MM-DD"
    if isinstance(question, NumberQuestion):
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if number and math.isfinite(value) else "a number"
    if isinstance(value, list):
        return None
    return f"a list of entries (one per {question.entry_label})"


def check_value(tool: Tool, question: AnyQuestion, value: Any, pointer: str) -> Iterator[Problem]:
    """Problems with ``value`` as an answer to ``question``; ``pointer`` is where it stands.

    A value of the wrong type gives one problem; one of the right type, one per
    rule it breaks. Only call it for a given value (see :func:`is_given`).
    """
    wanted = type_mismatch(question, value)
    if wanted is not None:
        yield problem(
            "answer-wrong-type",
            f"question '{question.id}' takes {wanted}, not {_got(tool, question, value)}",
            pointer,
            question=question.id,
        )
    elif isinstance(question, SingleChoiceQuestion):
        options = _options(tool, question)
        if value not in options:
            yield _not_in_scale(question, value, options, pointer)
    elif isinstance(question, MultipleChoiceQuestion):
        yield from _multiple(tool, question, value, pointer)
    elif isinstance(question, TextQuestion):
        yield from _text(question, value, pointer)
    elif isinstance(question, NumberQuestion):
        yield from _number(question, value, pointer)
    elif isinstance(question, GroupQuestion):
        yield from _group(question, value, pointer)


def _got(tool: Tool, question: AnyQuestion, value: Any) -> str:
    """What a value of the wrong type is, in words (never the value itself)."""
    if isinstance(question, SingleChoiceQuestion):
        quoted = not isinstance(value, list) and str(value).lower() in _options(tool, question)
        return describe_value(value) + (" (write the option value in quotes)" if quoted else "")
    if isinstance(question, MultipleChoiceQuestion) and isinstance(value, list):
        return "a list of entries"
    if isinstance(question, DateQuestion) and isinstance(value, str):
        return "text that is not a date"
    if isinstance(question, NumberQuestion) and isinstance(value, float):
        return "an infinite or undefined number"  # the only float a number question refuses
    return describe_value(value)


def _options(
    tool: Tool, question: SingleChoiceQuestion | MultipleChoiceQuestion
) -> tuple[str, ...]:
    return tool._plan.options.get(question.scale, ())


def _not_in_scale(
    question: SingleChoiceQuestion | MultipleChoiceQuestion,
    value: str,
    options: tuple[str, ...],
    pointer: str,
) -> Problem:
    # The value itself is not quoted: text typed into a choice may be case data.
    return problem(
        "option-not-in-scale",
        f"the answer to '{question.id}' is not an option of scale '{question.scale}'"
        f"{suggestion(value, options)}; use one of: {', '.join(options)}",
        pointer,
        question=question.id,
    )


def _multiple(
    tool: Tool, question: MultipleChoiceQuestion, value: list[str], pointer: str
) -> Iterator[Problem]:
    options = _options(tool, question)
    seen: set[str] = set()
    for i, chosen in enumerate(value):
        here = _pointer.join(pointer, i)
        if chosen not in options:
            yield _not_in_scale(question, chosen, options, here)
        elif chosen in seen:
            yield problem(
                "duplicate-choice",
                f"the answer to '{question.id}' lists option '{chosen}' twice",
                here,
                question=question.id,
            )
        seen.add(chosen)
    count = len(seen)
    yield from _count_limits(
        question, count, (question.min_selected, question.max_selected),
        ("too-few-choices", "too-many-choices"), "option chosen", pointer,
    )
    scale = tool.scale_of(question)
    if scale is not None and count > 1:
        for i, chosen in enumerate(value):
            option = scale.option(chosen)
            if option is not None and option.exclusive and value.index(chosen) == i:
                yield problem(
                    "exclusive-choice",
                    f"option '{chosen}' of '{question.id}' must be chosen on its own",
                    _pointer.join(pointer, i),
                    question=question.id,
                )


def _text(question: TextQuestion, value: str, pointer: str) -> Iterator[Problem]:
    if question.max_length is not None and len(value) > question.max_length:
        yield problem(
            "text-too-long",
            f"the answer to '{question.id}' is {len(value):,} characters long; "
            f"the limit is {question.max_length:,}",
            pointer,
            question=question.id,
        )


def _number(question: NumberQuestion, value: float, pointer: str) -> Iterator[Problem]:
    if not -MAX_NUMBER <= value <= MAX_NUMBER:  # also what keeps float() from overflowing
        yield problem(
            "number-out-of-range",
            f"the answer to '{question.id}' is beyond ±{MAX_NUMBER:.0e}, the largest number "
            "an answer may be",
            pointer,
            question=question.id,
        )
        return
    if question.integer and not float(value).is_integer():
        yield problem(
            "not-a-whole-number",
            f"question '{question.id}' takes a whole number",
            pointer,
            question=question.id,
        )
    if question.minimum is not None and value < question.minimum:
        yield problem(
            "number-out-of-range",
            f"the answer to '{question.id}' is below its minimum of {question.minimum:g}",
            pointer,
            question=question.id,
        )
    if question.maximum is not None and value > question.maximum:
        yield problem(
            "number-out-of-range",
            f"the answer to '{question.id}' is above its maximum of {question.maximum:g}",
            pointer,
            question=question.id,
        )


def _group(question: GroupQuestion, value: list[Any], pointer: str) -> Iterator[Problem]:
    label = question.entry_label
    for i, entry in enumerate(value):
        if not isinstance(entry, dict):
            yield problem(
                "answer-wrong-type",
                f"{label} {i + 1} of group '{question.id}' should map each of its question "
                f"ids to an answer, not be {describe_value(entry)}",
                _pointer.join(pointer, i),
                question=question.id,
            )
    yield from _count_limits(
        question, len(value), (question.min_entries, question.max_entries),
        ("too-few-entries", "too-many-entries"), question.entry_label, pointer,
    )


def _count_limits(
    question: MultipleChoiceQuestion | GroupQuestion,
    count: int,
    limits: tuple[int | None, int | None],
    codes: tuple[str, str],
    noun: str,
    pointer: str,
) -> Iterator[Problem]:
    """Too few or too many (options chosen, entries), against the question's limits."""
    kind = "group" if isinstance(question, GroupQuestion) else "question"
    low, high = limits
    if low is not None and count < low:
        yield problem(
            codes[0],
            f"{kind} '{question.id}' needs at least {_count(low, noun)}; it has {count}",
            pointer,
            question=question.id,
        )
    if high is not None and count > high:
        yield problem(
            codes[1],
            f"{kind} '{question.id}' allows at most {_count(high, noun)}; it has {count}",
            pointer,
            question=question.id,
        )


def _count(number: int, noun: str) -> str:
    if number == 1:
        return f"1 {noun}"
    head, _sep, tail = noun.partition(" ")
    return f"{number} {head}s" + (f" {tail}" if tail else "")
