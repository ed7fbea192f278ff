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
from audit_tool._source import read_source
from audit_tool._validation import problems_from_validation_error
from audit_tool._yaml import DEFAULT_LIMITS, Document, SourceMap
from audit_tool.authoring.loading import read_tool
from audit_tool.authoring.shipped import find_tool
from audit_tool.authoring.tool import Tool
from audit_tool.codes import problem
from audit_tool.problems import FileReport, Problem
from audit_tool.responses import _response_checks
from audit_tool.responses._fast_validation import fast_problems
from audit_tool.responses._response_checks import CheckContext, uncertain_questions
from audit_tool.responses.response import LoadedResponse, Response, loaded_from, read_response

__all__ = [
    "CheckedResponse",
    "ResponseSource",
    "check_response",
    "check_responses",
    "validate_response",
]

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
    elif isinstance(source, LoadedResponse):
        found = _fast_file(tool, source, today or datetime.date.today())
        if found is not None:
            return found
    elif isinstance(source, (str, os.PathLike)):
        # Only the problems are asked for: the model is built only if the fast path
        # cannot be sure of them.
        source = _args.path(source, "source")
        given = read_source(source, None, name=os.fspath(source), base_dir=None,
                            limits=DEFAULT_LIMITS, models=(Response,))
        document = given.document
        if document is not None and type(document.data) is dict:
            found = fast_problems(tool, document.data, today or datetime.date.today())
            if found is not None:
                return _placed(found, document, given.problems)
        source = loaded_from(given)
    return _validate(tool, source, today)


def _placed(found: list[Problem], document: Document, read: list[Problem]) -> list[Problem]:
    """The fast path's problems placed in the file, with those of reading it, sorted."""
    located = [document.source.locate(p, key=bool(p.context.get("at_key"))) for p in found]
    return sorted(dict.fromkeys([*read, *located]), key=Problem.sort_key)


def _fast_file(
    tool: Tool, loaded: LoadedResponse, today: datetime.date
) -> list[Problem] | None:
    """The fast path for a file as read, whose model was validated from its document's
    data (and neither was changed since): the data walked, each problem placed in the file;
    ``None`` to go the full way."""
    pair = loaded._read_as
    document = loaded.document
    if pair is None or pair[0] is not loaded.response or pair[1] is not document:
        return None
    assert document is not None
    if type(document.data) is not dict:
        return None
    found = fast_problems(tool, document.data, today)
    return None if found is None else _placed(found, document, loaded.problems)


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
        for found in _response_checks.check_response(context):
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
    return read_response(Path(path), name=os.fspath(path))


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


def check_response(
    source: ResponseSource | None = None,
    tool: Tool | None = None,
    *,
    text: str | None = None,
    name: str | None = None,
    tools: Iterable[str | os.PathLike[str]] = (),
    today: datetime.date | None = None,
) -> list[Problem]:
    """Every problem of a response, sorted by place: the file kinds' ``check`` verb.

    ``source`` (or ``text``, named ``name``) as for :func:`~audit_tool.read_response`.
    Checked against ``tool`` when given (as :func:`validate_response` does); otherwise
    against the tool the response names (``tool: {id, version}``), found as
    ``audit-tool validate`` finds it: in the ``tools`` folders, ``AUDIT_TOOL_PATH``, then
    the shipped tools. A tool found nowhere is a ``tool-not-found`` error at ``/tool``.
    Never raises for bad input; ``TypeError`` for an argument of the wrong type.
    """
    if text is not None:
        if source is not None:
            raise TypeError("text must be None when a source is given (give one of them)")
        source = read_response(text=text, name=name)
    elif isinstance(source, str | os.PathLike):
        source = read_response(source, name=name)
    if source is None:
        raise TypeError("source must be a path, a mapping or a model; or give text=")
    if tool is not None:
        return validate_response(tool, source, today=today)
    named = _named_tool(source)
    if named is None:  # no tool is named: validating says what is wrong with the return
        return sorted(_read(source).problems, key=Problem.sort_key)
    found = find_tool(*named, _args.paths(tools, "tools"))
    if found is None:
        missing = problem(
            "tool-not-found",
            "the return answers a tool that none of the tools folders holds; give tool= "
            "or tools=",
            "/tool",
        )
        if isinstance(source, LoadedResponse):
            document = source.document
            missing = (document.source.locate(missing) if document is not None
                       else missing.located(source.file, None, None))
        return [missing]
    loaded_tool = read_tool(found)
    if loaded_tool.tool is None:
        return sorted(loaded_tool.blocking_problems(), key=Problem.sort_key)
    return validate_response(loaded_tool.tool, source, today=today)


def _named_tool(source: Any) -> tuple[str, str] | None:
    """The (id, version) a response names, whatever shape the rest of it has."""
    if isinstance(source, Response):
        return source.tool.id, source.tool.version
    if isinstance(source, LoadedResponse):
        if source.response is not None:
            return source.response.tool.id, source.response.tool.version
        source = source.document.data if source.document is not None else None
    named = source.get("tool") if isinstance(source, Mapping) else None
    if isinstance(named, Mapping):
        tool_id, version = named.get("id"), named.get("version")
        if isinstance(tool_id, str) and isinstance(version, str):
            return tool_id, version
    return None
