"""Is an answer's value one its question can take? One generator per answer type.

The checks read only the value, never whether the question applies: a value
the question could never take is wrong wherever it stands. Messages name the
question and the rule and never quote the value (it may be case data); the
allowed values, which come from the tool, are quoted.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterator
from typing import Any

from . import _pointer
from ._types import DATE_PATTERN
from ._validation import describe_value, suggestion
from .codes import problem
from .problems import Problem
from .tool import (
    AnyQuestion,
    DateQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    Tool,
)

__all__ = ["check_value", "is_given", "parse_date"]

_DATE = re.compile(DATE_PATTERN.removeprefix("^").removesuffix("$"))


def is_given(question: AnyQuestion, value: Any) -> bool:
    """True when ``value`` is an answer rather than a blank.

    Blank is null, empty text or, except for a repeatable group, an empty list:
    an empty group list is an answer ("there were no meetings").
    """
    if value is None or value == "":
        return False
    return isinstance(question, GroupQuestion) or value != []


def parse_date(value: Any) -> datetime.date | None:
    """The date ``value`` spells as ``YYYY-MM-DD``, or ``None``."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def check_value(tool: Tool, question: AnyQuestion, value: Any, pointer: str) -> Iterator[Problem]:
    """Problems with ``value`` as an answer to ``question``; ``pointer`` is where it stands.

    Only call it for a given value (see :func:`is_given`).
    """
    if isinstance(question, SingleChoiceQuestion):
        yield from _single(tool, question, value, pointer)
    elif isinstance(question, MultipleChoiceQuestion):
        yield from _multiple(tool, question, value, pointer)
    elif isinstance(question, TextQuestion):
        yield from _text(question, value, pointer)
    elif isinstance(question, DateQuestion):
        if parse_date(value) is None:
            got = "text that is not a date" if isinstance(value, str) else describe_value(value)
            yield _wrong_type(question, "a date written YYYY-MM-DD", got, pointer)
    elif isinstance(question, NumberQuestion):
        yield from _number(question, value, pointer)
    else:
        yield from _group(question, value, pointer)


def _wrong_type(question: AnyQuestion, wanted: str, got: str, pointer: str) -> Problem:
    return problem(
        "answer-wrong-type",
        f"question '{question.id}' takes {wanted}, not {got}",
        pointer,
        question=question.id,
    )


def _options(tool: Tool, question: SingleChoiceQuestion | MultipleChoiceQuestion) -> list[str]:
    scale = tool.scale_of(question)
    return list(scale.values) if scale is not None else []


def _not_in_scale(
    question: SingleChoiceQuestion | MultipleChoiceQuestion,
    value: str,
    options: list[str],
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


def _single(
    tool: Tool, question: SingleChoiceQuestion, value: Any, pointer: str
) -> Iterator[Problem]:
    options = _options(tool, question)
    if not isinstance(value, str):
        hint = ""
        if not isinstance(value, list) and str(value).lower() in options:
            hint = " (write the option value in quotes)"
        wanted = f"one option of scale '{question.scale}'"
        yield _wrong_type(question, wanted, describe_value(value) + hint, pointer)
    elif value not in options:
        yield _not_in_scale(question, value, options, pointer)


def _multiple(
    tool: Tool, question: MultipleChoiceQuestion, value: Any, pointer: str
) -> Iterator[Problem]:
    options = _options(tool, question)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        got = "a list of entries" if isinstance(value, list) else describe_value(value)
        yield _wrong_type(
            question, f"a list of options of scale '{question.scale}'", got, pointer
        )
        return
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


def _text(question: TextQuestion, value: Any, pointer: str) -> Iterator[Problem]:
    if not isinstance(value, str):
        yield _wrong_type(question, "text", describe_value(value), pointer)
    elif question.max_length is not None and len(value) > question.max_length:
        yield problem(
            "text-too-long",
            f"the answer to '{question.id}' is {len(value):,} characters long; "
            f"the limit is {question.max_length:,}",
            pointer,
            question=question.id,
        )


def _number(question: NumberQuestion, value: Any, pointer: str) -> Iterator[Problem]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        yield _wrong_type(question, "a number", describe_value(value), pointer)
        return
    if isinstance(value, float) and not math.isfinite(value):
        yield _wrong_type(question, "a number", "an infinite or undefined number", pointer)
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


def _group(question: GroupQuestion, value: Any, pointer: str) -> Iterator[Problem]:
    label = question.entry_label
    if not isinstance(value, list):
        yield _wrong_type(
            question, f"a list of entries (one per {label})", describe_value(value), pointer
        )
        return
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
