"""The types of the public functions' arguments, checked where they come in.

The reading functions (``read_*``, ``check_*``, ``parse_*``, ``validate_response``)
never raise for bad *input*: what a file holds is reported as problems. An
argument of the wrong type is a mistake in the calling program instead, and
these checks make it one documented error, a ``TypeError`` naming the argument,
rather than an ``AttributeError`` from somewhere inside.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["date", "optional_text", "path", "paths", "text", "typed", "values_of"]

T = TypeVar("T")


def _name(value: Any) -> str:
    return type(value).__name__


def path(value: Any, argument: str) -> str | Path:
    """``value`` if it is a path (``str`` or ``os.PathLike``); else ``TypeError``."""
    if isinstance(value, (str, Path)):
        return value
    if isinstance(value, os.PathLike) and isinstance(os.fspath(value), str):
        return Path(value)
    raise TypeError(f"{argument} must be a path (str or os.PathLike), not {_name(value)}")


def paths(value: Any, argument: str) -> tuple[Path, ...]:
    """``value``, a collection of paths (a list of folders, say), as paths; else ``TypeError``.

    A single ``str`` is refused too: it would be read as a collection of characters.
    """
    if isinstance(value, (str, bytes, os.PathLike)) or not isinstance(value, Iterable):
        raise TypeError(f"{argument} must be a list of paths, not {_name(value)}")
    return tuple(Path(path(item, f"each of {argument}")) for item in value)


def text(value: Any, argument: str) -> str:
    """``value`` if it is a ``str``; else ``TypeError``."""
    if not isinstance(value, str):
        raise TypeError(f"{argument} must be a str, not {_name(value)}")
    return value


def optional_text(value: Any, argument: str) -> str | None:
    """``value`` if it is a ``str`` or ``None``; else ``TypeError``."""
    return None if value is None else text(value, argument)


def typed(value: Any, kind: type[T], argument: str) -> T:
    """``value`` if it is a ``kind``; else ``TypeError``."""
    if isinstance(value, kind):
        return value
    raise TypeError(f"{argument} must be a {kind.__name__}, not {_name(value)}")


def values_of(value: Any, kind: type[T], argument: str) -> tuple[T, ...]:
    """``value``, a collection of ``kind``, as a tuple; else ``TypeError``."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(f"{argument} must be a list of {kind.__name__}, not {_name(value)}")
    items = tuple(value)
    for item in items:
        if not isinstance(item, kind):
            raise TypeError(f"each of {argument} must be a {kind.__name__}, not {_name(item)}")
    return items


def date(value: Any, argument: str) -> datetime.date | None:
    """``value`` if it is a date or ``None``; else ``TypeError``."""
    if value is None or (
        isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    ):
        return value
    raise TypeError(f"{argument} must be a datetime.date or None, not {_name(value)}")
