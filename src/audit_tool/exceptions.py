"""Exceptions, for callers who ask to be raised at rather than given problems."""

from __future__ import annotations

from collections.abc import Iterable

from audit_tool.problems import Problem

__all__ = ["AuditToolError", "InvalidFileError", "MigrationError"]


class AuditToolError(ValueError):
    """The base of every exception this library raises for bad input."""


class InvalidFileError(AuditToolError):
    """A file (tool, response, catalogue, manifest) has errors.

    ``problems`` holds every problem found, warnings included, located in
    their files; ``str()`` of the exception lists the errors.
    """

    def __init__(self, file: str, problems: Iterable[Problem]) -> None:
        self.file = file
        self.problems: tuple[Problem, ...] = tuple(problems)
        errors = [p for p in self.problems if p.is_error]
        lines = [f"{file}: {len(errors)} error(s)"]
        for p in errors:
            where = ":".join(str(x) for x in (p.file or file, p.line, p.column) if x is not None)
            lines.append(f"  {where}: {p.code}: {p.message}")
        super().__init__("\n".join(lines))


class MigrationError(AuditToolError):
    """A response cannot be migrated from the tool version given: it answers another one."""
