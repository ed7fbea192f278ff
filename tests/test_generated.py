"""Generated files (schemas/, tables in docs/) match the code that generates them."""

from __future__ import annotations

from audit_tool._generate import drifted

from conftest import ROOT


def test_generated_files_have_not_drifted() -> None:
    """schemas/*.json and generated doc blocks equal what the models give (run 'make schemas')."""
    assert [str(p.relative_to(ROOT)) for p in drifted(ROOT)] == []
