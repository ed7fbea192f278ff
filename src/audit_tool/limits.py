"""The bounds every reader keeps to, so that a hostile file cannot exhaust time or memory.

Every ``read_*`` / ``load_*`` / ``check_*`` takes ``limits=``; the defaults suit the
largest real tools and returns many times over.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_LIMITS", "Limits"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep hostile files from exhausting time or memory."""

    max_bytes: int = 2 * 1024 * 1024
    """The largest file read, in bytes (``file-too-large``)."""
    max_depth: int = 64
    """The deepest nesting of mappings and sequences (``too-deep``)."""
    max_nodes: int = 250_000
    """The most values in one document, includes expanded (``too-many-nodes``)."""
    max_alias_nodes: int = 10_000
    """The most values that aliases may bring in (``alias-limit``)."""


DEFAULT_LIMITS = Limits()
