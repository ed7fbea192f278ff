"""``--tool FILE`` / ``--tools DIR``: the tool each return is checked against.

With ``--tool`` every return is checked against that file. Without it, each return's
tool is the one it names (``tool: {id, version}``), found by
:func:`audit_tool.authoring.shipped.find_tool` in the ``--tools`` folders,
``AUDIT_TOOL_PATH`` and the tools shipped with audit-tool.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from audit_tool._fs import RESPONSE_SUFFIXES, expand_paths, name_too_long
from audit_tool._yaml import read_document
from audit_tool.authoring.shipped import TOOL_PATH_VARIABLE, find_tool
from audit_tool.cli._common import STDIN, STDIN_NAME, Streams
from audit_tool.codes import problem
from audit_tool.problems import Problem
from audit_tool.responses.response import LoadedResponse, read_response

__all__ = [
    "ToolChoice",
    "add_tool_options",
    "choose_tools",
    "read_stdin_response",
    "response_files",
]

# Only a well-formed tool reference is quoted in a message (never free text).
_REF = re.compile(r"^[a-z][a-z0-9_]{0,63}@\d+\.\d+\.\d+$")


def add_tool_options(parser: argparse.ArgumentParser) -> None:
    """``--tool TOOL`` and ``--tools DIR`` (repeatable), neither required."""
    parser.add_argument(
        "--tool", metavar="TOOL",
        help="the tool file answered (default: the tool each return names, found in the "
        f"--tools folders, ${TOOL_PATH_VARIABLE}, then the tools shipped with audit-tool)",
    )
    parser.add_argument(
        "--tools", action="append", default=[], metavar="DIR",
        help="a folder of tool files to find the tool a return names in (repeatable)",
    )


@dataclass
class ToolChoice:
    """The tool file for each group of returns, and the returns whose tool was not found."""

    groups: dict[str, list[str]] = field(default_factory=dict)
    """Return files by the tool file to check them against, in the order first met."""
    missing: list[Problem] = field(default_factory=list)
    """A located ``tool-not-found`` error for each return whose tool is nowhere."""


def _named_tool(
    file: str, preread: Mapping[str, LoadedResponse]
) -> tuple[str, str, Problem] | None:
    """The (id, version) a return names, with a not-found problem placed at its ``tool``."""
    document = preread[file].document if file in preread else read_document(file)[0]
    if document is None or not isinstance(document.data, dict):
        return None
    named = document.data.get("tool")
    if not isinstance(named, dict):
        return None
    tool_id, version = named.get("id"), named.get("version")
    if not isinstance(tool_id, str) or not isinstance(version, str):
        return None
    named_ref = f"'{tool_id}@{version}'" if _REF.match(f"{tool_id}@{version}") else "its tool"
    missing = document.source.locate(
        problem(
            "tool-not-found",
            f"the return answers {named_ref}, which none of the tools folders holds; "
            "give --tool FILE or --tools DIR",
            "/tool",
        )
    )
    return tool_id, version, missing


def choose_tools(
    tool: str | None,
    folders: Sequence[str],
    files: Sequence[str],
    preread: Mapping[str, LoadedResponse] | None = None,
) -> ToolChoice:
    """Which tool file each return goes with (see the module docstring). ``preread`` holds
    the returns read already (standard input), by the name in ``files``.

    A return whose tool cannot be told (unreadable, no ``tool``) goes with the first tool
    found, or with none, so that validating it reports why.
    """
    choice = ToolChoice()
    if tool is not None:
        choice.groups[tool] = list(files)
        return choice
    found: dict[tuple[str, str], str | None] = {}
    untold: list[str] = []
    for file in files:
        named = _named_tool(file, preread or {})
        if named is None:
            untold.append(file)
            continue
        tool_id, version, missing = named
        key = (tool_id, version)
        if key not in found:
            path = find_tool(tool_id, version, folders)
            found[key] = None if path is None else str(path)
        where = found[key]
        if where is None:
            choice.missing.append(missing)
            continue
        choice.groups.setdefault(where, []).append(file)
    if untold:
        first = next(iter(choice.groups), None)
        if first is None:
            choice.groups[""] = untold
        else:
            choice.groups[first].extend(untold)
    return choice


# Top-level keys that only a tool, a building block, a theme catalogue or a manifest has.
_NOT_A_RETURN = frozenset({"sections", "fragment", "scales", "themes", "cases", "panel_date"})


def _is_other_kind(file: str) -> bool:
    """True for a file that is plainly a tool, building block, catalogue or manifest."""
    document, _ = read_document(file)
    if document is None or not isinstance(document.data, dict):
        return False
    keys = set(document.data)
    return "answers" not in keys and bool(keys & _NOT_A_RETURN)


def response_files(paths: Sequence[str], streams: Streams) -> list[str]:
    """The response files given: files as named; in a folder, the ``*.yaml``, ``*.yml`` and
    ``*.json`` files that are not tools, building blocks, catalogues or manifests (a note
    on stderr says how many were passed over). A file named on its own is always kept."""
    files: list[str] = []
    for given in paths:
        if given == STDIN or name_too_long(given) or not Path(given).is_dir():
            files.append(given)
            continue
        found = expand_paths([given], RESPONSE_SUFFIXES)
        kept = [f for f in found if not _is_other_kind(f)]
        if len(kept) < len(found):
            skipped = len(found) - len(kept)
            streams.note(
                f"{given}: passed over {skipped} file{'s' if skipped != 1 else ''} "
                "that are not returns (tools, building blocks, catalogues or manifests)"
            )
        files.extend(kept)
    return files


def read_stdin_response(files: Sequence[str], streams: Streams) -> dict[str, LoadedResponse]:
    """The return read from standard input when ``-`` is among ``files``, by that name."""
    if STDIN not in files:
        return {}
    return {STDIN: read_response(text=streams.read_stdin(), name=STDIN_NAME)}
