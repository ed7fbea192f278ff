"""ruamel's C parser and its pure-Python parser give the same documents and problems.

``audit_tool._events`` takes events from the C parser when it is installed, and
from the pure one otherwise (or after the C one stops on an error). Either way a
file must read to the same data, the same positions and the same problems, with
the same messages: the pure parser is the reference.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from audit_tool import _events
from audit_tool._yaml import parse_document

from conftest import ROOT

needs_c = pytest.mark.skipif(
    not _events.c_parser_available(), reason="no C parser installed (the 'fast' extra)"
)

_FILES = sorted(
    p
    for folder in ("tools", "examples", "tests/data")
    for p in (ROOT / folder).rglob("*")
    if p.suffix in (".yaml", ".yml", ".json") and p.is_file()
)


def _read_both(content: str | bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    """What parse_document gives with the C parser, and with the pure one, as comparable data."""
    fast = _outcome(*parse_document(content, "f.yaml"))
    with monkeypatch.context() as patch:
        patch.setattr(_events, "_c_parser", None)
        pure = _outcome(*parse_document(content, "f.yaml"))
    return fast, pure


def _outcome(document: Any, problems: list[Any]) -> Any:
    if document is None:
        return None, problems
    # repr keeps NaN comparable and tells 1 from 1.0 from True
    return repr(document.data), document.source.values, document.source.keys, problems


@needs_c
def test_c_parser_is_used_when_installed() -> None:
    """With a C extension installed, the events come from it (so the speed-up is real)."""
    parser = _events._c_parser
    assert parser is not None
    assert "ruamel" in type(parser("a: 1").get_event()).__module__ or parser.__module__


@needs_c
@pytest.mark.parametrize("path", _FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_file_reads_the_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every tool, example and test file reads to the same data, positions and problems."""
    fast, pure = _read_both(path.read_bytes(), monkeypatch)
    assert fast == pure


def test_the_pure_parser_reads_without_the_c_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a C extension the pure parser reads a file, positions included."""
    monkeypatch.setattr(_events, "_c_parser", None)
    document, problems = parse_document("a:\n  b: [1, 'x']\n", "f.yaml")
    assert problems == []
    assert document is not None
    assert document.data == {"a": {"b": [1, "x"]}}
    assert document.source.values["/a/b/1"] == (2, 10)


@needs_c
def test_a_syntax_error_keeps_the_pure_parsers_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A broken file gives the pure parser's words and place, though the C parser found it."""
    fast, pure = _read_both("a: [1, 2\nb: c\n", monkeypatch)
    assert fast == pure
    assert fast[0] is None
    assert [p.code for p in fast[1]] == ["yaml-syntax"]


# Fragments that make YAML: most joins are broken, many are not, and the broken ones
# break in every part of the grammar (flow, block, quotes, anchors, tags, escapes).
_PIECES = st.sampled_from([
    "a", "b", "x1", "1", "-2", "0x1F", "1.5", ".inf", "~", "null", "true", "no", "é", "😀",
    ": ", ":", "- ", "-", "? ", "[", "]", "{", "}", ", ", ",", "\n", "\n  ", "\n    ", "  ",
    "'", "''", '"', '\\"', "\\n", "\\ud83d\\ude00", "\\ud800", "\\x41", "&a ", "*a", "&b ",
    "*b", "!!str ", "!!int ", "!!python/object ", "! ", "#c", " #c", "|\n  ", ">-\n  ",
    "---\n", "...\n", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "!x ", "!<tag:a> ", "<<: ",
    "\t", "\r\n", "\r", "\ufeff", "\x00", "\x85",
])
_yaml_texts = st.lists(_PIECES, max_size=40).map("".join)

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.text(max_size=12),
)
_data = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


def _dumped(data: Any, flow: bool | None, width: int) -> str:
    out = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    yaml.width = width
    yaml.allow_unicode = True
    yaml.dump(data, out)
    return out.getvalue()


@needs_c
@given(_yaml_texts)
def test_any_text_reads_the_same(text: str) -> None:
    """Fragments of YAML joined at random read the same by either parser, broken or not."""
    with pytest.MonkeyPatch.context() as patch:
        fast, pure = _read_both(text, patch)
    assert fast == pure


@needs_c
@given(_data, st.sampled_from([None, True, False]), st.sampled_from([20, 80]))
def test_dumped_data_reads_the_same(data: Any, flow: bool | None, width: int) -> None:
    """Data written as YAML in block or flow style, or as JSON, reads the same either way."""
    with pytest.MonkeyPatch.context() as patch:
        for text in (_dumped(data, flow, width), json.dumps(data, indent=1),
                     json.dumps(data, ensure_ascii=False)):
            fast, pure = _read_both(text.encode("utf-8"), patch)
            assert fast == pure
