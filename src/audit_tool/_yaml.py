"""Read YAML (and JSON) into plain data, keeping the position of every node.

ruamel.yaml's composer is recursive and its constructors can build objects, so
this module builds the document itself from the parser's event stream with an
explicit stack: plain dicts, lists, str, int, float, bool and None only, by the
YAML 1.2 core schema (``yes``/``no`` stay text; dates stay text for the models
to parse). Doing it here means that every hostile input ends as a problem:

* duplicate keys are all reported, each at the second key;
* aliases are copied within an expansion budget, so a "billion laughs" document
  stops early;
* depth and node count are bounded as the events arrive, so 10,000-deep nesting
  never reaches the recursion limit;
* the byte size is checked before parsing, and the text is decoded strictly;
* any tag that is not plain data (``!!python/object``, ``!!binary``) is refused;
* every number is finite and within a 64-bit float (at most about 1.8e308):
  ``.inf``, ``.nan``, ``1e999`` and integers of more than 309 digits are refused
  before Python converts them (which would raise on 4,301 digits or more);
* a directive other than ``%YAML 1.1``/``%YAML 1.2`` and ``%TAG`` is refused;
* only regular files are read (never a device, pipe or folder), and never more
  than the size limit, however large the file system says the file is.

Positions are kept in a :class:`SourceMap` from JSON pointer to the 1-based
line and column of the value (and, for mapping entries, of the key).
"""

from __future__ import annotations

import copy
import math
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from ruamel.yaml.reader import ReaderError

from audit_tool import _gc, _pointer
from audit_tool._events import parse_events
from audit_tool.codes import problem
from audit_tool.limits import DEFAULT_LIMITS, Limits
from audit_tool.problems import Problem

__all__ = [
    "DEFAULT_LIMITS",
    "Document",
    "Limits",
    "SourceMap",
    "parse_document",
    "read_bounded",
    "read_document",
]

Position = tuple[int, int]


@dataclass(slots=True)
class SourceMap:
    """Where each node of a document stands in its file (1-based)."""

    file: str
    values: dict[str, Position] = field(default_factory=dict)
    keys: dict[str, Position] = field(default_factory=dict)

    def position(self, pointer: str, *, key: bool = False) -> Position | None:
        """The position of ``pointer``, or of its nearest ancestor that has one.

        With ``key=True`` the position of the mapping key is preferred, which
        is where a problem about the key itself (unknown, duplicated) belongs.
        """
        current = pointer
        while True:
            if key and current in self.keys:
                return self.keys[current]
            if current in self.values:
                return self.values[current]
            if not current:
                return None
            current = _pointer.parent(current)

    def locate(self, found: Problem, *, key: bool = False) -> Problem:
        """``found`` placed in this file at its pointer's position."""
        pos = self.position(found.pointer, key=key)
        line, column = pos if pos else (None, None)
        return found.located(self.file, line, column)


@dataclass(slots=True)
class Document:
    """A parsed document: plain data and the positions of its nodes."""

    data: Any
    source: SourceMap
    nodes: int = 0
    """How many nodes the document holds, as the node limit counts them (an alias as one)."""


class _Stop(Exception):
    """Raised inside the builder when a limit is reached; carries the problem."""

    def __init__(self, found: Problem) -> None:
        super().__init__(found.message)
        self.problem = found


class _BadNumber(ValueError):
    """A number the reader refuses: not finite, or beyond a 64-bit float."""


# Decimal digits of the largest finite float (about 1.8e308): longer integers
# are refused before conversion, which is also what keeps Python's 4,300-digit
# conversion limit from ever being reached.
_MAX_DIGITS = 309
_MAX_NUMBER = sys.float_info.max


def _bounded_int(text: str, base: int) -> int:
    if base == 10 and len(text.lstrip("+-").lstrip("0")) > _MAX_DIGITS:
        raise _BadNumber(text)
    value = int(text, base)
    if abs(value) > _MAX_NUMBER:
        raise _BadNumber(text)
    return value


# YAML 1.2 core schema resolution for plain scalars.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")

_SURROGATE = re.compile("[\ud800-\udfff]")
_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {"!", _CORE + "str", _CORE + "int", _CORE + "float", _CORE + "bool", _CORE + "null"}
_CONTAINER_TAGS = {_CORE + "map", _CORE + "seq", _CORE + "omap"}
_KEY_TAGS = frozenset({None, *_PLAIN_TAGS})  # what a mapping key may be tagged


# Every pattern above begins with one of these, or matches the empty text (and, '$' taking
# a final line break, the text "\n"): a plain scalar that begins otherwise is text, without
# trying each.
_RESOLVED_FIRST = frozenset("~nNtTfF+-.0123456789\n")


def _resolve_plain(text: str) -> Any:
    """The value of a plain scalar; :class:`_BadNumber` for a number that is not finite."""
    if text and text[0] not in _RESOLVED_FIRST:
        return text
    if _NULL.match(text):
        return None
    if _TRUE.match(text):
        return True
    if _FALSE.match(text):
        return False
    if _INT10.match(text):
        return _bounded_int(text, 10)
    if _INT8.match(text):
        return _bounded_int(text[2:], 8)
    if _INT16.match(text):
        return _bounded_int(text[2:], 16)
    if _FLOAT.match(text):
        number = float(text)
        if not math.isfinite(number):
            raise _BadNumber(text)
        return number
    if _INF.match(text) or _NAN.match(text):
        raise _BadNumber(text)
    return text


def _resolve_tagged(tag: str, text: str) -> Any:
    """Resolve a scalar carrying an explicit core tag; ``ValueError`` if it does not fit."""
    if tag in ("!", _CORE + "str"):
        return text
    value = _resolve_plain(text)
    kind = tag[len(_CORE) :]
    ok = {
        "int": isinstance(value, int) and not isinstance(value, bool),
        "float": isinstance(value, (int, float)) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
        "null": value is None,
    }[kind]
    if not ok:
        raise ValueError(kind)
    return float(value) if kind == "float" else value


def _tag_text(event: Event) -> str | None:
    tag = getattr(event, "tag", None)
    if tag is None:
        return None
    text = getattr(tag, "value", tag)
    return None if text is None else str(text)


def _blank(event: Event) -> bool:
    """True for an empty plain scalar: a value left out, as in ``key:`` alone."""
    return (
        isinstance(event, ScalarEvent) and event.value == "" and event.style is None
        and _tag_text(event) is None
    )


def _dash_before(lines: list[str], pos: Position) -> Position | None:
    """Right after the ``-`` that a blank sequence item at ``pos`` (the next token's place,
    where the parser puts it) belongs to: the nearest dash before ``pos``, past blank lines
    and comments; ``None`` when something else comes first."""
    line, column = pos
    for index in range(min(line, len(lines)) - 1, max(line - 200, 0) - 1, -1):
        text = lines[index][: column - 1] if index == line - 1 else lines[index]
        text = _COMMENT.sub("", text).rstrip()
        if not text:
            continue
        if text.endswith("-") and (len(text) == 1 or text[-2] in " \t"):
            return (index + 1, len(text) + 1)
        return None
    return None


_COMMENT = re.compile(r"(^|[ \t])#.*$")


def _pos(event: Event) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    pointer: str
    anchor: str | None
    is_map: bool = False
    size: int = 1  # nodes in this subtree once aliases are expanded
    key: str | None = None  # the key waiting for its value (mappings only)
    key_pointer: str = ""  # the pointer of that key's value
    key_end: Position | None = None  # where that key ends (a blank value stands after it)
    skip_value: bool = False  # the pending value belongs to a duplicate key
    awaiting_key: bool = True


class _Builder:
    """Turns the event stream of one document into plain data and a source map."""

    def __init__(self, source: SourceMap, limits: Limits, text: str = "") -> None:
        self.source = source
        self.limits = limits
        self.lines = text.splitlines()  # to place a blank sequence item at its dash
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.have_root = False
        self.nodes = 0
        self.alias_nodes = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.problems: list[Problem] = []
        self.skipped = 0  # frames building the value of a duplicate key

    # -- helpers ---------------------------------------------------------
    def _stop(self, code: str, message: str, pointer: str, pos: Position) -> _Stop:
        return _Stop(problem(code, message, pointer).located(self.source.file, *pos))

    def _child_pointer(self) -> str:
        if not self.stack:
            return ""
        frame = self.stack[-1]
        if not frame.is_map:
            return f"{frame.pointer}/{len(frame.container)}"
        assert frame.key is not None
        return frame.key_pointer

    def _count(self, pos: Position, pointer: str) -> None:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise self._too_many(pos, pointer)

    def _too_many(self, pos: Position, pointer: str) -> _Stop:
        return self._stop(
            "too-many-nodes",
            f"the document has more than {self.limits.max_nodes} nodes",
            pointer,
            pos,
        )

    def _attach(self, value: Any, anchor: str | None, size: int) -> None:
        """Put a finished node of ``size`` expanded nodes into its parent (or the root)."""
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.root = value
            self.have_root = True
            return
        frame = self.stack[-1]
        frame.size += size
        container = frame.container
        if isinstance(container, list):
            container.append(value)
            return
        if frame.skip_value:
            self.skipped -= 1
            frame.skip_value = False
        else:
            assert frame.key is not None
            container[frame.key] = value
        frame.key = None
        frame.awaiting_key = True

    def _characters(self, raw: str, pointer: str, pos: Position) -> str:
        """``raw`` with escaped UTF-16 surrogate pairs joined into one character.

        JSON (and YAML) write U+10000 and above as two escapes, ``\\ud800\\udc00``;
        the parser leaves them as two halves, which are not text. A half without
        its pair is a problem, and becomes U+FFFD.
        """
        if raw.isascii() or not _SURROGATE.search(raw):
            return raw
        halves = raw.encode("utf-16-le", "surrogatepass")
        try:
            return halves.decode("utf-16-le")
        except UnicodeDecodeError:
            self.problems.append(
                problem(
                    "invalid-encoding",
                    "an escaped surrogate (\\ud800 to \\udfff) without its pair is not a "
                    "character",
                    pointer,
                ).located(self.source.file, *pos)
            )
            return halves.decode("utf-16-le", "replace")

    def _take_key(self, event: ScalarEvent) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.container, dict)
        pos = _pos(event)
        key = self._characters(str(event.value), frame.pointer, pos)
        pointer = _pointer.join(frame.pointer, key)
        if key in frame.container:
            first = self.source.keys.get(pointer)
            where = f" (first at line {first[0]})" if first else ""
            self.problems.append(
                problem(
                    "duplicate-key",
                    f"key '{key}' appears more than once in this mapping{where}; "
                    "only one may stay",
                    pointer,
                    key=key,
                ).located(self.source.file, *pos)
            )
            frame.skip_value = True
            self.skipped += 1
        else:
            self.source.keys[pointer] = pos
        frame.key = key
        frame.key_pointer = pointer
        frame.key_end = (event.end_mark.line + 1, event.end_mark.column + 1)
        frame.awaiting_key = False

    # -- events ----------------------------------------------------------
    def feed(self, event: Event) -> None:
        in_mapping = bool(self.stack) and self.stack[-1].is_map
        if in_mapping and self.stack[-1].awaiting_key:
            if isinstance(event, MappingEndEvent):
                self._end()
                return
            if not isinstance(event, ScalarEvent) or _tag_text(event) not in _KEY_TAGS:
                raise self._stop(
                    "yaml-syntax",
                    "mapping keys must be plain text, not lists, mappings or tagged values",
                    self.stack[-1].pointer,
                    _pos(event),
                )
            self._take_key(event)
            return

        if isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            self._end()
            return

        pointer = self._child_pointer()
        mark = event.start_mark
        pos = (mark.line + 1, mark.column + 1)
        if in_mapping and _blank(event) and self.stack[-1].key_end is not None:
            # A blank value ('key:' and nothing more) has the position of the next token,
            # often the next line's key; it belongs right after its own key's colon.
            line, column = self.stack[-1].key_end
            pos = (line, column + 1)
        elif self.stack and not in_mapping and _blank(event):
            # A blank item ('-' and nothing more) likewise stands right after its dash.
            pos = _dash_before(self.lines, pos) or pos
        if isinstance(event, AliasEvent):
            self._alias(event, pointer, pos)
            return
        self.nodes += 1  # _count, inline: every node passes here
        if self.nodes > self.limits.max_nodes:
            raise self._too_many(pos, pointer)
        if not self.skipped:
            self.source.values[pointer] = pos
        tag = _tag_text(event)
        anchor = getattr(event, "anchor", None)

        if isinstance(event, ScalarEvent):
            self._attach(self._scalar(event, tag, pointer, pos), anchor, 1)
            return
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            if tag is not None and tag not in _CONTAINER_TAGS:
                self.problems.append(self._unsafe_tag(tag, pointer, pos))
            if len(self.stack) >= self.limits.max_depth:
                raise self._stop(
                    "too-deep",
                    f"the document is nested more than {self.limits.max_depth} levels deep",
                    pointer,
                    pos,
                )
            is_map = isinstance(event, MappingStartEvent)
            container: dict[str, Any] | list[Any] = {} if is_map else []
            self.stack.append(_Frame(container, pointer, anchor, is_map))

    def skipping(self) -> bool:
        """True while building the value of a duplicate key (kept out of the map)."""
        return self.skipped > 0

    def _end(self) -> None:
        frame = self.stack.pop()
        self._attach(frame.container, frame.anchor, frame.size)

    def _scalar(self, event: ScalarEvent, tag: str | None, pointer: str, pos: Position) -> Any:
        text = self._characters(str(event.value), pointer, pos)
        try:
            return self._resolve(event, tag, text, pointer, pos)
        except _BadNumber:
            self.problems.append(
                problem(
                    "invalid-number",
                    "the number is not finite or is beyond the largest number read "
                    "(about 1.8e308)",
                    pointer,
                ).located(self.source.file, *pos)
            )
            return None

    def _resolve(
        self, event: ScalarEvent, tag: str | None, text: str, pointer: str, pos: Position
    ) -> Any:
        if tag is None:
            plain = bool(event.implicit and event.implicit[0]) and event.style is None
            return _resolve_plain(text) if plain else text
        if tag in _PLAIN_TAGS:
            try:
                return _resolve_tagged(tag, text)
            except _BadNumber:
                raise
            except ValueError as exc:
                self.problems.append(
                    problem(
                        "yaml-syntax",
                        f"the value does not fit its tag '!!{exc.args[0]}'",
                        pointer,
                    ).located(self.source.file, *pos)
                )
                return text
        self.problems.append(self._unsafe_tag(tag, pointer, pos))
        return None

    def _unsafe_tag(self, tag: str, pointer: str, pos: Position) -> Problem:
        shown = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
        return problem(
            "unsafe-tag",
            f"the tag '{shown}' is not plain data and is not read",
            pointer,
            tag=shown,
        ).located(self.source.file, *pos)

    def _alias(self, event: AliasEvent, pointer: str, pos: Position) -> None:
        name = str(event.anchor)
        if name not in self.anchors:
            raise self._stop(
                "yaml-syntax", f"alias '*{name}' has no anchor before it", pointer, pos
            )
        value, size = self.anchors[name]
        self.alias_nodes += size
        if self.alias_nodes > self.limits.max_alias_nodes:
            raise self._stop(
                "alias-limit",
                f"aliases expand to more than {self.limits.max_alias_nodes} nodes "
                "(a 'billion laughs' document?)",
                pointer,
                pos,
            )
        self._count(pos, pointer)
        if not self.skipping():
            self.source.values[pointer] = pos
        self._attach(copy.deepcopy(value), None, size)


def _decode(raw: bytes, file: str) -> tuple[str | None, Problem | None]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        found = problem(
            "invalid-encoding",
            f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
        ).located(file, line, column)
        return None, found
    return text.removeprefix("\ufeff"), None


# A '%' at the start of a line, as str.splitlines breaks lines.
_DIRECTIVE_LINE = re.compile("(?:\\A|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])%")
_DIRECTIVE_OK = re.compile(r"^%(?:YAML[ \t]+1\.[12]|TAG[ \t].*)[ \t]*(?:#.*)?$")


def _directive_problems(text: str, file: str) -> list[Problem]:
    """A ``yaml-directive`` problem for each directive the reader does not accept.

    Directives stand at the start of the stream (or after a ``...`` document end),
    before any content. Only ``%YAML 1.1``, ``%YAML 1.2`` and ``%TAG`` are read:
    the parser itself fails on other versions with an assertion, and ignores
    unknown directives, which then hide what the author meant.
    """
    found: list[Problem] = []
    if "%" not in text or not _DIRECTIVE_LINE.search(text):
        return found  # no line starts with '%': nothing below can be a directive
    prologue = True
    for number, line in enumerate(text.splitlines(), start=1):
        if prologue and line.startswith("%"):
            if not _DIRECTIVE_OK.match(line):
                name = re.match(r"%([A-Za-z]{1,20})\b", line)
                if name and name[1] == "YAML":
                    message = "only YAML 1.2 (or 1.1) is read: '%YAML' names another version"
                else:
                    shown = f"%{name[1]}" if name else "%"
                    message = (
                        f"the directive '{shown}' is not read; only '%YAML 1.2' (or 1.1) "
                        "and '%TAG' are"
                    )
                found.append(problem("yaml-directive", message).located(file, number, 1))
            continue
        stripped = line.strip()
        if line.startswith("..."):
            prologue = True
        elif stripped and not stripped.startswith("#"):
            prologue = False
    return found


def _syntax_problem(exc: YAMLError, text: str, file: str) -> Problem:
    if isinstance(exc, ReaderError):
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character))
        return problem(
            "yaml-syntax", f"character U+{char:04X} is not allowed in YAML"
        ).located(file, line, column)
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        parts = [str(p) for p in (exc.context, exc.problem) if p]
        message = "; ".join(parts) or "the YAML cannot be parsed"
        if mark is not None:
            return problem("yaml-syntax", message).located(file, mark.line + 1, mark.column + 1)
        return problem("yaml-syntax", message).located(file, None, None)
    return problem("yaml-syntax", "the YAML cannot be parsed").located(file, None, None)


def parse_document(
    content: str | bytes, file: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML (or JSON) document.

    Returns the document (``None`` when nothing usable could be read) and every
    problem found on the way, each located in ``file``.
    """
    size = len(content.encode("utf-8")) if isinstance(content, str) else len(content)
    if size > limits.max_bytes:
        return None, [
            problem(
                "file-too-large",
                f"the file is {size:,} bytes; the limit is {limits.max_bytes:,}",
            ).located(file, None, None)
        ]
    if isinstance(content, bytes):
        text, bad = _decode(content, file)
        if text is None:
            return None, [bad] if bad else []
    else:
        text = content.removeprefix("\ufeff")

    directives = _directive_problems(text, file)
    if directives:
        return None, directives
    source = SourceMap(file)
    builder = _Builder(source, limits, text)
    documents = 0
    # Plain data holds no cycles: the collector would only walk the growing heap (_gc).
    with _gc.paused():
        try:
            for event in parse_events(text):
                if isinstance(event, DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        builder.problems.append(problem(
                            "multiple-documents",
                            "the file holds more than one YAML document; only one is allowed",
                        ).located(file, *_pos(event)))
                        break
                    continue
                if isinstance(event, (ScalarEvent, AliasEvent, MappingStartEvent,
                                      MappingEndEvent, SequenceStartEvent, SequenceEndEvent)):
                    builder.feed(event)
        except _Stop as stop:
            return None, [*builder.problems, stop.problem]
        except YAMLError as exc:
            return None, [*builder.problems, _syntax_problem(exc, text, file)]
        except RecursionError:  # pragma: no cover - the depth limit comes first
            return None, [
                problem("too-deep", "the document is nested too deeply").located(file, 1, 1)
            ]
        except (AssertionError, ValueError, TypeError, IndexError):
            # The parser's own consistency checks (not YAMLError): still the file's fault.
            return None, [
                *builder.problems,
                problem("yaml-syntax", "the YAML cannot be parsed").located(file, None, None),
            ]

    if any(p.code in ("unsafe-tag", "invalid-number") for p in builder.problems):
        # Never hand on a document that asked for objects or holds a number nothing can use.
        return None, builder.problems
    if not builder.have_root or (documents == 0):
        return None, [
            *builder.problems,
            problem("empty-document", "the file holds no document").located(file, None, None),
        ]
    return Document(builder.root, source, builder.nodes), builder.problems


def read_document(
    path: str | Path, limits: Limits = DEFAULT_LIMITS, display: str | None = None
) -> tuple[Document | None, list[Problem]]:
    """Read and parse the file at ``path``; see :func:`parse_document`.

    ``display`` is the name problems give for the file (the path as the user
    wrote it); it defaults to ``str(path)``.
    """
    name = display if display is not None else str(path)
    try:
        raw = read_bounded(path, limits.max_bytes)
    except _TooLarge as exc:
        size = f"{exc.size:,} bytes" if exc.exact else f"more than {limits.max_bytes:,} bytes"
        return None, [
            problem(
                "file-too-large", f"the file is {size}; the limit is {limits.max_bytes:,}"
            ).located(name, None, None)
        ]
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        return None, [
            problem("file-unreadable", f"cannot read the file: {reason}").located(name, None, None)
        ]
    return parse_document(raw, name, limits)


class _TooLarge(Exception):
    """The file is larger than the limit: ``size`` bytes (``exact``), or at least that."""

    def __init__(self, size: int, *, exact: bool) -> None:
        super().__init__(size)
        self.size = size
        self.exact = exact


_KINDS_OF_FILE = (
    (stat.S_ISDIR, "it is a folder"),
    (stat.S_ISCHR, "it is a character device, not a regular file"),
    (stat.S_ISBLK, "it is a block device, not a regular file"),
    (stat.S_ISFIFO, "it is a named pipe, not a regular file"),
    (stat.S_ISSOCK, "it is a socket, not a regular file"),
)


def read_bounded(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path`` (links followed), at most ``max_bytes``.

    Raises ``OSError`` (with a reason in ``strerror``) for anything that is not
    a regular file: a folder, a device such as ``/dev/zero``, a named pipe (the
    file is opened without blocking, so a pipe with no writer never hangs). The
    read stops after ``max_bytes + 1`` bytes whatever size the file system
    reports (``/proc`` files report 0), raising :class:`_TooLarge`.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            reason = next((why for test, why in _KINDS_OF_FILE if test(mode)), "not a regular file")
            raise OSError(0, reason)
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise _TooLarge(size, exact=True)
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise _TooLarge(total, exact=False)
        return b"".join(chunks)
    finally:
        os.close(fd)


def expect_mapping(document: Document) -> Problem | None:
    """A ``not-a-mapping`` problem unless the document's root is a mapping."""
    if isinstance(document.data, dict):
        return None
    kind = _kind(document.data)
    return document.source.locate(
        problem("not-a-mapping", f"the document is {kind}; expected a mapping of keys to values")
    )


def _kind(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"
