"""JSON Pointers (RFC 6901): building them and walking them."""

from __future__ import annotations

from collections.abc import Container
from typing import Any

__all__ = ["join", "known_prefix", "parent", "resolve", "split"]


def _escape(part: str | int) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *parts: str | int) -> str:
    """``pointer`` with ``parts`` appended, each escaped."""
    for part in parts:
        text = str(part)
        if "~" in text or "/" in text:
            text = text.replace("~", "~0").replace("/", "~1")
        pointer = f"{pointer}/{text}"
    return pointer


def split(pointer: str) -> list[str]:
    """The unescaped reference tokens of ``pointer``."""
    if not pointer:
        return []
    return [_unescape(p) for p in pointer[1:].split("/")]


def known_prefix(pointer: str, known: Container[str]) -> str:
    """``pointer`` cut before its first token that is neither in ``known`` nor an index."""
    kept: list[str] = []
    for part in split(pointer):
        if part not in known and not part.isdigit():
            break
        kept.append(part)
    return join("", *kept)


def parent(pointer: str) -> str:
    """The pointer one level up ('' stays '')."""
    return pointer.rsplit("/", 1)[0] if pointer else ""


def resolve(data: Any, pointer: str) -> tuple[bool, Any]:
    """``(True, value)`` at ``pointer`` in ``data``, or ``(False, None)`` if it leads nowhere."""
    current = data
    for token in split(pointer):
        if isinstance(current, dict) and token in current:
            current = current[token]
        elif isinstance(current, list) and token.isdigit() and int(token) < len(current):
            current = current[int(token)]
        else:
            return False, None
    return True, current
