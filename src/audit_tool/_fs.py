"""Files: finding the ones a command is given, and writing atomically.

Readers of a written file see the old file or the new one, never half.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["RESPONSE_SUFFIXES", "YAML_SUFFIXES", "expand_paths", "write_atomic"]

YAML_SUFFIXES = (".yaml", ".yml")
"""Tool files, catalogues and manifests."""
RESPONSE_SUFFIXES = (".yaml", ".yml", ".json")
"""Response files: YAML, or JSON from other systems."""


def expand_paths(paths: Iterable[str | Path], suffixes: Iterable[str] = YAML_SUFFIXES) -> list[str]:
    """Files as given; each folder replaced by the files under it with ``suffixes``, sorted."""
    wanted = tuple(suffixes)
    files: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in wanted and p.is_file())
            files.extend(str(p) for p in found)
        else:
            files.append(str(given))
    return files


def _mode_for(target: Path) -> int:
    """The permissions the written file should have: the old file's, or the usual default.

    ``mkstemp`` creates files readable by their owner only; an atomic write should
    not change who can read a file, so the mode is set as a plain write would.
    """
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    mode = _mode_for(target)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
