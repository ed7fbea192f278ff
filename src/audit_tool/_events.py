"""The YAML parser's event stream, from ruamel's C parser when it is installed.

ruamel.yaml's pure-Python parser is most of the time spent reading a file. Its
C parser (``_ruamel_yaml`` from ``ruamel.yaml.clib``, or ``_ruamel_yaml_clibz``
from ``ruamel.yaml.clibz``; the ``fast`` extra installs one) gives the same
events about seven times as fast, and :mod:`audit_tool._yaml` builds the same
data and positions from either.

The pure parser stays the reference: its error messages are the ones problems
quote, and its positions the ones they give. So whenever the C parser stops on
an error, or gives an event the pure parser may give otherwise (an empty value
it places elsewhere, an anchor name it ends sooner), the pure parser reads the
text instead; text the two read differently (tabs, unusual line breaks,
characters YAML does not allow) never reaches the C parser at all. A
well-formed file reads the same either way, and a broken one gives the same
problem either way; tests/test_yaml_parsers.py compares the two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import Reader

__all__ = ["c_parser_available", "parse_events"]


def _load_c_parser() -> Any:
    try:
        from _ruamel_yaml import CParser  # type: ignore[import-not-found]
    except ImportError:
        try:
            from _ruamel_yaml_clibz import CParser  # type: ignore[import-not-found]
        except ImportError:
            return None
    return CParser


# The C parser's class, or None where neither C extension is installed. Tests set
# it to None to exercise the pure-Python path.
_c_parser: Any = _load_c_parser()

# Text the two parsers read differently: what the pure reader refuses, tabs (which
# libyaml allows in more places), a byte-order mark inside the text, and the line
# breaks other than LF and CRLF.
_PURE_ONLY = re.compile(Reader.NON_PRINTABLE.pattern + r"|[\t\x85\u2028\u2029\ufeff]|\r(?!\n)")
# What the pure parser passes over before the token that follows an empty value.
_GAP = re.compile(r"(?: *(?:#[^\r\n]*)?\r?\n)* *(?:#[^\r\n]*)?")


@dataclass(frozen=True, slots=True)
class _Mark:
    """A position as the pure parser gives it (0-based)."""

    line: int
    column: int
    index: int


def c_parser_available() -> bool:
    """True when events come from the C parser."""
    return _c_parser is not None


def _pure_events(text: str) -> Iterator[Event]:
    return iter(YAML(typ="safe", pure=True).parse(text))


def _pure_only(text: str) -> bool:
    """True when ``text`` holds a character the two parsers may read differently.

    Each such character is one Python does not print (a control character, a line or
    paragraph separator, the byte-order mark, a surrogate, a noncharacter), so text
    that prints once its line feeds are spaces has none, and is told so without the
    slower search."""
    return not text.replace("\n", " ").isprintable() and _PURE_ONLY.search(text) is not None


def parse_events(text: str) -> Iterator[Event]:
    """The events of ``text``, as ruamel's pure-Python parser gives them.

    Raises what the pure parser raises (:class:`ruamel.yaml.error.YAMLError`)
    at the event where it raises it.
    """
    events = _c_events(text) if _c_parser is not None and not _pure_only(text) else None
    if events is not None:
        return iter(events)
    # No C parser, text it may read differently, or the C parser stopped (on an
    # error, or on an event the pure parser may give otherwise): the pure parser reads it.
    return _pure_events(text)


def _c_events(text: str) -> list[Event] | None:
    """The C parser's events, each as the pure parser gives it; None on the first that may
    not be.

    The events are collected before any is handed on: the C parser looks ahead, so a
    difference can show only after events that already depend on it.
    """
    try:
        parser = _c_parser(text)
    except (YAMLError, ValueError):  # e.g. a lone surrogate in a str the C side cannot encode
        return None
    events: list[Event] = []
    block_mapping: list[bool] = []  # for each open collection: a block mapping?
    get_event = parser.get_event
    append = events.append
    while True:
        try:
            event = get_event()
        except (YAMLError, ValueError):
            return None
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None and not _node_anchor_fits(text, event):
                return None
            style = event.style
            if style == "":
                event.style = None  # the pure parser's plain style
                if event.value == "":
                    mark = _empty_value_mark(text, event, block_mapping)
                    if mark is None:
                        return None
                    event.start_mark = mark
            elif style in ("|", ">") and _BLANK_LINE.match(
                text, text.find("\n", event.start_mark.index) + 1
            ):
                return None  # the pure parser refuses some blank first lines the C one takes
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None and not _node_anchor_fits(text, event):
                return None
            block_mapping.append(kind is MappingStartEvent and not event.flow_style)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            block_mapping.pop()
        elif kind is AliasEvent:
            if not _name_ends(text, event.start_mark.index, event.anchor):
                return None
        elif kind is DocumentEndEvent and event.explicit:
            return None  # the pure parser may start another document after '...'
        elif kind is DocumentStartEvent and (event.version or event.tags):
            return None  # directives: the pure parser alone says what they mean here
        append(event)
        if kind is StreamEndEvent:
            return events


def _node_anchor_fits(text: str, event: Any) -> bool:
    """True when the C parser marks and names an anchored node as the pure one does."""
    if getattr(event, "tag", None) is not None:
        return False  # the pure parser marks such a node at its anchor, the C one at its tag
    return _name_ends(text, event.start_mark.index, event.anchor)


_BLANK_LINE = re.compile(r" *\r?\n")
_NAME_END = frozenset(" \r\n,[]{}")


def _name_ends(text: str, index: int, name: str) -> bool:
    """True when the anchor or alias at ``index`` ends where the C parser ended it.

    The pure parser takes more characters into a name (``*a:`` is the alias ``a:``).
    """
    if text[index : index + 1] not in ("&", "*"):
        return False
    after = index + 1 + len(name)
    return text[index + 1 : after] == name and (after == len(text) or text[after] in _NAME_END)


def _empty_value_mark(text: str, event: ScalarEvent, block_mapping: list[bool]) -> _Mark | None:
    """Where the pure parser places an empty plain value, or None where that is not known.

    After ``key:`` in a block mapping the C parser marks the end of the colon; the
    pure parser marks the token that follows, past spaces, comments and line breaks.
    """
    mark = event.start_mark
    index = mark.index
    if event.anchor is not None or event.tag is not None:
        return None
    if not (block_mapping and block_mapping[-1]) or text[index - 1 : index] != ":":
        return None
    end = _GAP.match(text, index)
    assert end is not None  # the pattern matches the empty string
    gap = text[index : end.end()]
    breaks = gap.count("\n")
    if not breaks:
        return _Mark(mark.line, mark.column + len(gap), end.end())
    return _Mark(mark.line + breaks, len(gap) - gap.rfind("\n") - 1, end.end())
