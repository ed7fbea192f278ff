"""Atomic writes: whole files only, and the permissions a plain write would give."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from audit_tool._fs import write_atomic


def test_new_file_gets_the_umask_default_not_owner_only(tmp_path: Path) -> None:
    """A new file is created 0666 less the umask, as open() would, not mkstemp's 0600."""
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.html", "<p>hi</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == 0o644


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    """Rewriting a file the user made private keeps it private."""
    target = tmp_path / "return.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_no_temporary_file_is_left_behind(tmp_path: Path) -> None:
    """After a write the folder holds only the target file."""
    write_atomic(tmp_path / "sub" / "out.txt", b"bytes")
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["out.txt"]
