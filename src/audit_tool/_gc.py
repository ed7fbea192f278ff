"""Pausing Python's cyclic garbage collector while a big acyclic structure is built.

Reading a document allocates a container or a position for every node, and
keeps them all: the collector runs again and again on the growing heap,
finds nothing to free (plain data holds no cycles), and its passes grow
with the heap, so reading a file of N nodes costs more than N times one node.
:func:`paused` switches automatic collection off for the span of such a build
and back on after, as it found it; reference counting still frees everything
as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """Automatic cyclic garbage collection off while the block runs (when it was on)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
