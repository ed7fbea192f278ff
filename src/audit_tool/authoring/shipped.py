"""What ships with the package, and where the tool a return names is found.

A wheel carries the repository's ``tools/`` (the neglect tools and the shared
building blocks) and ``schemas/`` under ``audit_tool/data/`` (``setup.py``
copies them at build time, so the repository keeps one copy). A source checkout
or an editable install reads them where they are in the repository.

A return names its tool by id and version. :func:`find_tool` looks for a tool
file with that id and version in the folders given (``--tools DIR``), then in
the folders of the ``AUDIT_TOOL_PATH`` environment variable (separated as
``PATH`` is), then among the shipped tools.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from audit_tool._fs import YAML_SUFFIXES
from audit_tool._yaml import read_document

__all__ = [
    "TOOL_PATH_VARIABLE",
    "find_tool",
    "shipped_schemas",
    "shipped_shared",
    "shipped_tools",
    "tool_search_path",
]

TOOL_PATH_VARIABLE = "AUDIT_TOOL_PATH"
"""The environment variable listing folders of tools, searched after ``--tools``."""

_PACKAGE = Path(__file__).resolve().parents[1]  # audit_tool/, above authoring/
_CHECKOUT = _PACKAGE.parents[1]


def _data(name: str) -> Path:
    packaged = _PACKAGE / "data" / name
    if packaged.is_dir():
        return packaged
    return _CHECKOUT / name  # a source checkout or an editable install


def shipped_tools() -> Path:
    """The folder of the shipped tools (``neglect_v1.yaml``, ``neglect_v2.yaml``)."""
    return _data("tools")


def shipped_shared() -> Path:
    """The folder of the shipped building blocks (``scales.yaml``, ``case_context.yaml``...)."""
    return shipped_tools() / "shared"


def shipped_schemas() -> Path:
    """The folder of the generated JSON Schemas (``audit-tool.schema.json``...)."""
    return _data("schemas")


def tool_search_path(folders: Iterable[str | Path] = ()) -> list[Path]:
    """Where tools are looked for: ``folders``, then ``AUDIT_TOOL_PATH``, then the shipped."""
    path = [Path(f) for f in folders]
    setting = os.environ.get(TOOL_PATH_VARIABLE, "")
    path.extend(Path(f) for f in setting.split(os.pathsep) if f)
    path.append(shipped_tools())
    return path


def _names(file: Path) -> tuple[object, object] | None:
    document, _ = read_document(file)
    if document is None or not isinstance(document.data, dict):
        return None
    return document.data.get("id"), document.data.get("version")


def find_tool(tool_id: str, version: str, folders: Sequence[str | Path] = ()) -> Path | None:
    """The first tool file with this ``id`` and ``version`` on :func:`tool_search_path`.

    Each folder's own ``*.yaml``/``*.yml`` files are read (not its subfolders: building
    blocks live in ``shared/``); files that cannot be read are passed over. ``None`` when
    no folder holds the tool.
    """
    for folder in tool_search_path(folders):
        if not folder.is_dir():
            continue
        for file in sorted(folder.iterdir()):
            is_yaml = file.suffix in YAML_SUFFIXES and file.is_file()
            if is_yaml and _names(file) == (tool_id, version):
                return file
    return None
