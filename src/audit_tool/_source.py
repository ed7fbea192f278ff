"""What every reading verb reads, made one document: a path, text, plain data or a model.

Every file kind (a tool, a building block, a theme catalogue, a response, a
manifest) is read by the same three verbs, and each verb takes the same kinds of
source:

- a path (``str`` or ``os.PathLike``): the file, read under the limits; problems
  name it as given, or as ``name``;
- ``text=``: the file's content (standard input, a database field), named
  ``name`` (default ``<string>``);
- a mapping: the document as data (``json.loads`` output, say), copied under the
  same limits as a file; problems carry pointers, and no line or column;
- a model of the kind (a :class:`~audit_tool.Tool`, say): its data, read again, so
  that the checks a file gets run on it too.

Paths that a document names (includes, a manifest's returns) are relative to the
file's folder, or to ``base_dir`` for text, data and models.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from audit_tool import _args
from audit_tool._plain import plain_copy
from audit_tool._yaml import Document, Limits, SourceMap, parse_document, read_document
from audit_tool.problems import Problem

__all__ = ["Given", "Source", "read_source"]

Source = str | os.PathLike[str] | Mapping[str, Any] | BaseModel
"""A path, a mapping of the document's data, or a model of the file's kind."""


@dataclass
class Given:
    """A source read: the document (``None`` when it cannot be had), its problems, the
    name problems give it, and the folder the paths it names are relative to."""

    name: str
    document: Document | None
    problems: list[Problem]
    base: Path


def read_source(
    source: Any,
    text: Any,
    *,
    name: Any,
    base_dir: Any,
    limits: Limits,
    models: tuple[type[BaseModel], ...],
) -> Given:
    """``source`` (or ``text``) read as one document; see the module docstring.

    Raises ``TypeError`` (the calling program's mistake, never the input's) when both or
    neither of ``source`` and ``text`` are given, or when one is of no kind read here.
    """
    name = _args.optional_text(name, "name")
    base = Path(_args.path(base_dir, "base_dir")) if base_dir is not None else None
    if text is not None:
        if source is not None:
            raise TypeError("text must be None when a source is given (give one of them)")
        shown = name if name is not None else "<string>"
        document, problems = parse_document(_args.text(text, "text"), shown, limits)
        return Given(shown, document, problems, base or Path("."))
    if source is None:
        raise TypeError("source must be a path, a mapping or a model; or give text=")
    if isinstance(source, models):
        data = source.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        return _from_data(data, name, base, limits)
    if isinstance(source, Mapping):
        return _from_data(source, name, base, limits)
    if isinstance(source, BaseModel):
        kinds = " or ".join(m.__name__ for m in models)
        raise TypeError(f"source must be a path, a mapping or a {kinds}, not "
                        f"{type(source).__name__}")
    path = _args.path(source, "source")
    if base is not None:
        raise TypeError("base_dir is for text, data and models: a file's paths are "
                        "relative to its own folder")
    shown = name if name is not None else str(path)
    document, problems = read_document(path, limits, shown)
    return Given(shown, document, problems, Path(path).parent)


def _from_data(
    data: Mapping[str, Any], name: str | None, base: Path | None, limits: Limits
) -> Given:
    shown = name if name is not None else "<data>"
    copied, problems = plain_copy(data, limits)
    located = [p.located(shown, None, None) for p in problems]
    if copied is None:
        return Given(shown, None, located, base or Path("."))
    return Given(shown, Document(copied, SourceMap(shown)), located, base or Path("."))

