"""Reading the versions of a tool that ``diff`` compares and ``migrate`` carries between."""

from __future__ import annotations

from collections.abc import Sequence

from audit_tool.authoring.catalogue import ThemeCatalogue
from audit_tool.authoring.loading import LoadedTool
from audit_tool.cli._common import (
    EXIT_ERRORS,
    STDIN,
    STDIN_NAME,
    Streams,
    read_catalogues,
    read_tool_file,
    report_problems,
)


def read_versions(
    paths: Sequence[str],
    catalogue_paths: Sequence[str],
    fmt: str,
    streams: Streams,
    shared: Sequence[str] = (),
) -> tuple[list[LoadedTool], list[ThemeCatalogue]] | int:
    """Each tool file of ``paths`` read with the ``--catalogue`` files, and those catalogues
    (read once: pass them on to read more versions); ``shared`` are the ``--shared`` folders.

    When a catalogue has errors or a file is not a usable tool: the exit code after
    reporting every reason to ``streams.err`` in ``fmt`` (2 if a file cannot be read, else 1).
    """
    catalogues, problems = read_catalogues(list(catalogue_paths))
    loaded = [read_tool_file(path, streams, catalogues, shared) for path in paths]
    blocking = [*problems, *(p for tool in loaded for p in tool.blocking_problems())]
    if any(tool.tool is None for tool in loaded) or any(p.is_error for p in problems):
        files = [*catalogue_paths, *(STDIN_NAME if p == STDIN else p for p in paths)]
        return report_problems(files, blocking, fmt, streams) or EXIT_ERRORS
    return loaded, catalogues
