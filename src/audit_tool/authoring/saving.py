"""Saving tools built in code as YAML that people can read and review.

The output is stable (the same tool always gives the same text, so diffs in
version control show only real changes) and readable: fields at their
defaults are left out, ``id``/``type``/``text`` lead each question, whole
numbers are written without ``.0``, multi-line text uses ``|`` blocks, and
words that older YAML readers take for true/false (``yes``, ``no``, ``on``)
are quoted.
"""

from __future__ import annotations

import datetime
import io
import math
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from audit_tool._fs import write_atomic

__all__ = ["dump_model", "dump_tool", "save_tool", "to_yaml", "to_yaml_keeping"]

_LEADING_KEYS = (
    "id", "fragment", "value", "type", "text", "scale", "label", "version", "title", "question"
)
_YAML11_WORDS = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
# ruamel.yaml writes '?x' plain but reads '?' in a flow list as a key indicator; quote
# anything that starts with an indicator, and keep flow lists to plainly safe items.
_STARTS_WITH_INDICATOR = re.compile(r"^[?:\-]")
_FLOW_SAFE = re.compile(r"^[\w][\w .'()/+]*$")


def _prepare(value: Any) -> Any:
    if isinstance(value, dict):
        keys = [k for k in _LEADING_KEYS if k in value]
        keys += [k for k in value if k not in keys]
        out = CommentedMap()
        for key in keys:
            out[key] = _prepare(value[key])
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_prepare(v) for v in value)
        if value and all(_flow_safe(v) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        day = _as_date(value)
        if day is not None:
            return day  # written plain, 2017-04-16, as people write dates (not '2017-04-16')
        if "\n" in value:
            return LiteralScalarString(value)
        if _YAML11_WORDS.match(value) or _STARTS_WITH_INDICATOR.match(value):
            return DoubleQuotedScalarString(value)
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _as_date(text: str) -> datetime.date | None:
    """``text`` as a date when it is one written ``YYYY-MM-DD``: this library reads a plain
    date back as that same text, and YAML 1.1 readers as the date."""
    if not _ISO_DATE.match(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _flow_safe(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return False
    text = str(value)
    return len(text) < 24 and bool(_FLOW_SAFE.match(text))


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100
    return yaml


def to_yaml(data: Any) -> str:
    """Plain data (dicts, lists, scalars) as readable, stable YAML."""
    stream = io.StringIO()
    _yaml().dump(_prepare(data), stream)
    return stream.getvalue()


def _plain(value: Any) -> Any:
    """Round-trip YAML data, or model data, compared as plain JSON-like values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (int, float)):
        return value
    return str(value)


def _merge(old: CommentedMap, new: dict[str, Any]) -> CommentedMap:
    """``old`` changed into ``new``: unchanged values keep their node, style and comments."""
    for key in [k for k in old if k not in new]:
        del old[key]
    for key, value in new.items():
        if key in old and _plain(old[key]) == _plain(value):
            continue
        if key in old and isinstance(old[key], CommentedMap) and isinstance(value, dict):
            _merge(old[key], value)
            continue
        old[key] = _prepare(value)
    return old


def to_yaml_keeping(data: dict[str, Any], original: str) -> str:
    """``data`` as YAML written over ``original`` (the file it was read from): the comments
    and the way of writing of every value that did not change are kept; what changed is
    written as :func:`to_yaml` writes it. ``original`` must have been read safely first
    (it is parsed again here to keep its comments)."""
    yaml = _yaml()
    yaml.preserve_quotes = True
    yaml.width = 4096  # lines kept as they were written, not re-wrapped
    try:
        old = yaml.load(original)
    except Exception:  # any failure: write afresh, never lose the data
        return to_yaml(data)
    if not isinstance(old, CommentedMap):
        return to_yaml(data)
    stream = io.StringIO()
    yaml.dump(_merge(old, data), stream)
    return stream.getvalue()


def dump_model(model: BaseModel) -> str:
    """A model as YAML, fields at their defaults left out."""
    data = model.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return to_yaml(data)


def dump_tool(tool: BaseModel) -> str:
    """A tool (or building block) as YAML that :func:`~audit_tool.load_tool` reads back."""
    return dump_model(tool)


def save_tool(tool: BaseModel, path: str | Path) -> None:
    """Write ``tool`` to ``path`` as YAML, atomically."""
    write_atomic(path, dump_tool(tool))
