"""Reordering: which items moved, counting as few moves as possible."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TypeVar

__all__ = ["moved"]

T = TypeVar("T")


def moved(members: Sequence[tuple[T, int]]) -> list[T]:
    """The items that moved, given ``(item, old position)`` in their new order.

    The items on a longest run whose old positions increase stayed put; the
    rest moved. Swapping two neighbours counts one move, not two.
    """
    tails: list[int] = []  # old position ending the best run of each length
    tail_at: list[int] = []  # index into members of that position
    previous: list[int] = [-1] * len(members)
    for i, (_item, old) in enumerate(members):
        length = bisect.bisect_left(tails, old)
        if length == len(tails):
            tails.append(old)
            tail_at.append(i)
        else:
            tails[length] = old
            tail_at[length] = i
        previous[i] = tail_at[length - 1] if length else -1
    kept: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i != -1:
        kept.add(i)
        i = previous[i]
    return [item for i, (item, _old) in enumerate(members) if i not in kept]
