"""Files: finding the ones a command is given, and writing atomically.

Readers of a written file see the old file or the new one, never half.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePath

__all__ = [
    "MAX_NAME_BYTES",
    "RESPONSE_SUFFIXES",
    "YAML_SUFFIXES",
    "expand_paths",
    "name_too_long",
    "real_roots",
    "within",
    "write_atomic",
]

YAML_SUFFIXES = (".yaml", ".yml")
"""Tool files, catalogues and manifests."""
RESPONSE_SUFFIXES = (".yaml", ".yml", ".json")
"""Response files: YAML, or JSON from other systems."""


MAX_NAME_BYTES = 255
"""The longest file or folder name most file systems take, in bytes."""


def name_too_long(path: str | PurePath) -> bool:
    """True when a part of ``path`` is longer than :data:`MAX_NAME_BYTES`.

    Such a path can name no file; asking the file system about it raises
    ``OSError`` (``File name too long``) even from ``Path.exists``.
    """
    return any(
        len(part.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES
        for part in PurePath(path).parts
    )


def real_roots(roots: Iterable[str | Path]) -> tuple[Path, ...]:
    """``roots`` with links resolved, for :func:`within`; roots that cannot be resolved dropped."""
    found: list[Path] = []
    for root in roots:
        with contextlib.suppress(OSError, RuntimeError):
            found.append(Path(root).resolve())
    return tuple(found)


def within(path: str | Path, roots: Iterable[Path]) -> bool:
    """True when ``path``, every link followed, lies in one of ``roots`` (see :func:`real_roots`).

    Checked before a file is read, so that a path, or a link, leading elsewhere
    (``../../etc/passwd``, a link to ``/dev/zero``) is never opened. A path that
    cannot be resolved (a link loop, a name too long) lies nowhere.
    """
    if name_too_long(path):
        return False
    try:
        real = Path(path).resolve()
    except (OSError, RuntimeError):
        return False
    return any(real == root or root in real.parents for root in roots)


def expand_paths(paths: Iterable[str | Path], suffixes: Iterable[str] = YAML_SUFFIXES) -> list[str]:
    """Files as given; each folder replaced by the files under it with ``suffixes``, sorted.

    A path the file system cannot even look at (a name too long) is kept as
    given, for its reader to report, and so is anything in a folder that is not
    itself a folder.
    """
    wanted = tuple(suffixes)
    files: list[str] = []
    for given in paths:
        path = Path(given)
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            # Not only regular files: a pipe, a device or a dangling link with a wanted
            # suffix is listed too, for its reader to report rather than be passed over.
            found = sorted(p for p in path.rglob("*") if p.suffix in wanted and not p.is_dir())
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


_PIECE = 1 << 18  # characters encoded at a time


def write_atomic(path: str | Path, content: str | bytes | list[str]) -> None:
    """Write ``content`` (text, bytes, or text in parts) to ``path`` through a temporary file
    in the same folder."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(target)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            if isinstance(content, bytes):
                handle.write(content)
            else:
                # Encoded a piece at a time: a report's page is megabytes, and a whole copy
                # of it as bytes would add as much again to the peak.
                for text in [content] if isinstance(content, str) else content:
                    for start in range(0, len(text), _PIECE):
                        handle.write(text[start:start + _PIECE].encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
