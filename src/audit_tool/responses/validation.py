"""Validate a completed questionnaire against its tool.

:func:`validate_response` reads the response (a file, a loaded or parsed
response, or plain data), checks its shape, then checks it against the tool:
the tool and version it names, the completion date, period and auditor role,
every answer (does its question exist, apply, take that value, need evidence),
and the dates. Every problem carries a JSON pointer, and a file, line and
column when the response came from a file.

A shape error in one answer does not hide the rest: that answer is left out,
the others are checked, and questions whose condition reads it are not
reported as missing or unexpected (their applicability cannot be judged).

:func:`check_responses` does it for many files at once and says which of
them can be scored (:class:`CheckedResponse`).

The rules, their codes and severities are listed in ``docs/responses.md``.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from audit_tool import _args, _pointer
from audit_tool._partial import validate_partially
from audit_tool._plain import plain_copy
from audit_tool._validation import problems_from_validation_error
from audit_tool._yaml import SourceMap
from audit_tool.authoring.tool import Tool
from audit_tool.codes import problem
from audit_tool.problems import FileReport, Problem
from audit_tool.responses._fast_validation import fast_problems
from audit_tool.responses._response_checks import CheckContext, check_response, uncertain_questions
from audit_tool.responses.response import LoadedResponse, Response, read_response

__all__ = ["CheckedResponse", "ResponseSource", "check_responses", "validate_response"]

ResponseSource = str | os.PathLike[str] | LoadedResponse | Response | Mapping[str, Any]
"""What :func:`validate_response` reads: a path, a loaded response, a model, or plain data."""

_ANSWER_MAPS = ("/answers", "/unplaced_answers")


@dataclass
class _Input:
    """A response as read, whatever it came from."""

    response: Response | None
    data: Any = None
    source: SourceMap | None = None
    problems: list[Problem] = field(default_factory=list)


def validate_response(
    tool: Tool, source: ResponseSource, *, today: datetime.date | None = None
) -> list[Problem]:
    """Every problem of the response ``source`` as an answer to ``tool``, sorted by place.

    ``source`` is a path to a YAML or JSON file, a :class:`LoadedResponse`, a
    :class:`Response`, or a mapping as it would be written in a file. Problems
    are located (file, line, column) when there is a source document, and
    carry only a pointer otherwise. ``today`` (default: the current date) is
    the day after which no date may fall. Never raises for bad input (a
    ``source`` of no known kind is a ``not-a-mapping`` problem); raises
    ``TypeError`` when ``tool`` is not a :class:`Tool` or ``today`` not a date.
    """
    tool = _args.typed(tool, Tool, "tool")
    today = _args.date(today, "today")
    if type(source) is dict:
        # Plain data of the right shape needs no copy and no model (_fast_validation).
        found = fast_problems(tool, source, today or datetime.date.today())
        if found is not None:
            return found
    return _validate(tool, source, today)


def _validate(
    tool: Tool, source: ResponseSource, today: datetime.date | None
) -> list[Problem]:
    """:func:`validate_response` the full way: read, copy, build the model, walk it."""
    given = _read(source)
    problems = list(given.problems)
    response, left_out = given.response, list[str]()
    if response is None and isinstance(given.data, dict):
        # Leave out the parts with shape errors (a whole answer, a bad field; the tool's
        # own id and version for a bad 'tool') so that the rest is still checked.
        stand_ins = {
            "tool": {"id": tool.id, "version": tool.version},
            "case": "unknown",
            "agency": "unknown",
        }
        pruned = validate_partially(Response, given.data, stand_ins, _ANSWER_MAPS)
        response, left_out = pruned.model, pruned.removed
    if response is not None:
        context = CheckContext(
            tool,
            response,
            given.data if isinstance(given.data, dict) else None,
            today or datetime.date.today(),
            uncertain_questions(tool, (_pointer.split(p)[-1] for p in left_out
                                       if p.startswith("/answers/"))),
        )
        for found in check_response(context):
            if any(found.pointer == p or found.pointer.startswith(p + "/") for p in left_out):
                continue
            if given.source is not None:
                found = given.source.locate(found, key=bool(found.context.get("at_key")))
            problems.append(found)
    return sorted(dict.fromkeys(problems), key=Problem.sort_key)


@dataclass(frozen=True)
class CheckedResponse:
    """A response file as read, with every problem found in it."""

    loaded: LoadedResponse
    """The file as read."""
    problems: tuple[Problem, ...]
    """Every problem found in it, errors and warnings."""

    @property
    def file(self) -> str:
        """The file as problems name it."""
        return self.loaded.file

    @cached_property
    def valid(self) -> bool:
        """True when the response loaded and has no errors: it can be scored."""
        return self.loaded.response is not None and self.report.ok

    @cached_property
    def report(self) -> FileReport:
        """The problems as a file report (``errors``, ``warnings``, ``ok``)."""
        return FileReport(self.file, self.problems)


def check_responses(
    tool: Tool,
    sources: Iterable[str | os.PathLike[str] | LoadedResponse],
    *,
    today: datetime.date | None = None,
) -> Iterator[CheckedResponse]:
    """Each response file read (or as read already) and checked against ``tool`` with
    :func:`validate_response`, one at a time, in the order given.

    A file is named in problems as its path was given. Never raises for bad input;
    raises ``TypeError`` (when iterated) for an argument of the wrong type.
    """
    tool = _args.typed(tool, Tool, "tool")
    today = _args.date(today, "today")
    if isinstance(sources, (str, bytes, os.PathLike)):
        raise TypeError("sources must be a list of response files, not a single path")
    for source in sources:
        loaded = (
            source
            if isinstance(source, LoadedResponse)
            else _read_file(_args.path(source, "each of sources"))
        )
        yield CheckedResponse(loaded, tuple(validate_response(tool, loaded, today=today)))


def _read_file(path: str | os.PathLike[str]) -> LoadedResponse:
    return read_response(Path(path), display=os.fspath(path))


def _read(source: ResponseSource) -> _Input:
    if isinstance(source, LoadedResponse):
        document = source.document
        return _Input(
            source.response,
            document.data if document is not None else None,
            document.source if document is not None else None,
            list(source.problems),
        )
    if isinstance(source, Response):
        return _Input(source)
    if isinstance(source, (str, os.PathLike)):
        return _read(_read_file(source))
    if isinstance(source, Mapping):
        copied, bad = plain_copy(source)
        if copied is None:
            return _Input(None, None, None, bad)
        data = copied
        try:
            return _Input(Response.model_validate(data), data)
        except ValidationError as exc:
            return _Input(None, data, None, problems_from_validation_error(exc, data, Response))
    return _Input(
        None,
        problems=[problem("not-a-mapping", "a response is a mapping of keys to values")],
    )
