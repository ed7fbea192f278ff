"""JSON Pointers (RFC 6901): building them and walking them."""

from __future__ import annotations

__all__ = ["join", "parent", "split"]


def _escape(part: str | int) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *parts: str | int) -> str:
    """``pointer`` with ``parts`` appended, each escaped."""
    return pointer + "".join("/" + _escape(p) for p in parts)


def split(pointer: str) -> list[str]:
    """The unescaped reference tokens of ``pointer``."""
    if not pointer:
        return []
    return [_unescape(p) for p in pointer[1:].split("/")]


def parent(pointer: str) -> str:
    """The pointer one level up ('' stays '')."""
    return pointer.rsplit("/", 1)[0] if pointer else ""
