"""The grammar every file kind shares, written once: ``check_*`` and ``load_*`` from ``read_*``.

Each kind's module writes its ``read_KIND`` (the file as read, never raising for bad
input) and makes the other two verbs of it here, so that they take exactly the same
arguments and mean the same for every kind:

- ``check_KIND``: every problem ``read_KIND`` found, sorted by file, line and column;
- ``load_KIND``: the model, or one :class:`~audit_tool.exceptions.InvalidFileError`
  carrying every problem.

The verbs made keep ``read_KIND``'s signature for type checkers (``ParamSpec``) and for
``help()`` and editors (``__signature__``), and their own name, module and docstring.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import ParamSpec, Protocol, TypeVar

from audit_tool.exceptions import InvalidFileError
from audit_tool.problems import Problem

__all__ = ["check_verb", "load_verb"]

P = ParamSpec("P")
M = TypeVar("M")


class _Read(Protocol):
    """What every ``read_*`` gives: the file's name and its problems."""

    @property
    def file(self) -> str: ...

    @property
    def problems(self) -> list[Problem]: ...


R = TypeVar("R", bound=_Read)


def _named(verb: Callable[..., object], read: Callable[..., object], name: str, doc: str,
           returns: str) -> None:
    verb.__name__ = verb.__qualname__ = name
    verb.__module__ = read.__module__
    verb.__doc__ = doc
    verb.__signature__ = inspect.signature(read).replace(  # type: ignore[attr-defined]
        return_annotation=returns
    )


def check_verb(read: Callable[P, R], kind: str) -> Callable[P, list[Problem]]:
    """``check_KIND`` for the ``read`` of ``kind`` (its name in ``check_KIND``)."""

    def check(*args: P.args, **kwargs: P.kwargs) -> list[Problem]:
        return sorted(read(*args, **kwargs).problems, key=Problem.sort_key)

    _named(check, read, f"check_{kind}",
           f"Every problem of the file, sorted by file, line and column; never raises for "
           f"bad input. The arguments as for :func:`{read.__name__}`.", "list[Problem]")
    return check


def load_verb(
    read: Callable[P, R],
    kind: str,
    model: Callable[[R], M | None],
    returns: str,
    why: Callable[[R], list[Problem]] | None = None,
    note: str = "",
) -> Callable[P, M]:
    """``load_KIND`` for the ``read`` of ``kind``: ``model`` picks the model out of what
    was read (``None`` when it cannot be had), ``why`` the problems to raise then (by
    default every problem, sorted)."""

    def load(*args: P.args, **kwargs: P.kwargs) -> M:
        loaded = read(*args, **kwargs)
        found = model(loaded)
        if found is None:
            problems = why(loaded) if why is not None else loaded.problems
            raise InvalidFileError(loaded.file, sorted(problems, key=Problem.sort_key))
        return found

    _named(load, read, f"load_{kind}",
           f"The {returns} the file holds; the arguments as for :func:`{read.__name__}`. "
           "Raises :class:`~audit_tool.InvalidFileError` carrying every problem when the "
           "file has errors (warnings do not stop loading)." + (f" {note}" if note else ""),
           returns)
    return load
