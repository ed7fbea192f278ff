"""Reading pauses the cyclic garbage collector and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from audit_tool import _gc
from audit_tool._yaml import parse_document


def test_collection_is_off_inside_and_on_again_after_even_on_error() -> None:
    """Inside paused() automatic collection is off; after it, on again, also when the block
    raised."""
    assert gc.isenabled()
    with _gc.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), _gc.paused():
        1 / 0  # noqa: B018 - the block fails
    assert gc.isenabled()


def test_collection_left_off_stays_off() -> None:
    """A program that switched collection off finds it off after a read."""
    gc.disable()
    try:
        with _gc.paused():
            pass
        parse_document("a: 1\n", "a.yaml")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_read_that_fails_leaves_collection_on() -> None:
    """A document that stops the reader (a syntax error, an alias without its anchor) leaves
    collection on."""
    for text in ("a: [1, 2\n", "a: *nowhere\n"):
        document, problems = parse_document(text, "a.yaml")
        assert document is None
        assert problems
        assert gc.isenabled()
