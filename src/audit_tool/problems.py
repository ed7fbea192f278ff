"""The problem record: one thing wrong (or doubtful) in one file, and where.

Checkers never raise for bad input. They *yield* :class:`Problem` records that
carry a JSON pointer relative to the document they looked at; the loader that
read the file fills in the file name and the 1-based line and column on the
way out. Formatters render the located records; nothing parses locations back
out of messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["FileReport", "Problem", "Report", "Severity"]


class Severity(StrEnum):
    """How bad a problem is. Errors make a file invalid; warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a file.

    ``code`` is a stable kebab-case identifier from :mod:`audit_tool.codes`;
    ``pointer`` is a JSON Pointer into the document named by ``file``; ``line``
    and ``column`` are 1-based positions in that file, or ``None`` where the
    problem has no single place (an empty file, an unreadable one).
    ``context`` holds machine-readable details (a suggestion, the values
    compared); it never holds free text from a response.
    """

    code: str
    severity: Severity
    message: str
    pointer: str = ""
    file: str | None = None
    line: int | None = None
    column: int | None = None
    context: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def is_error(self) -> bool:
        """True when this problem makes its file invalid."""
        return self.severity is Severity.ERROR

    def at(self, pointer_prefix: str) -> Problem:
        """The same problem, with ``pointer_prefix`` put in front of its pointer."""
        return Problem(self.code, self.severity, self.message, pointer_prefix + self.pointer,
                       self.file, self.line, self.column, self.context)

    def located(self, file: str | None, line: int | None, column: int | None) -> Problem:
        """The same problem, placed in a file at a 1-based line and column."""
        # Made directly, not with dataclasses.replace: a round places tens of thousands.
        return Problem(self.code, self.severity, self.message, self.pointer, file, line,
                       column, self.context)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by file, then line, then column, then pointer and code."""
        return (self.file or "", self.line or 0, self.column or 0, self.pointer, self.code)

    def to_dict(self) -> dict[str, Any]:
        """The whole record, as DESIGN.md's JSON output gives it, with the file it stands
        in (``null`` when it has none)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "pointer": self.pointer,
            "file": self.file,
        }


@dataclass(frozen=True, slots=True)
class FileReport:
    """Every problem found in one file."""

    file: str
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the file has no errors (warnings allowed)."""
        return not any(p.is_error for p in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Only the errors."""
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Only the warnings."""
        return tuple(p for p in self.problems if not p.is_error)

    def to_dict(self) -> dict[str, Any]:
        """The file entry of DESIGN.md's JSON problem output: the file is named once, by
        the entry, not by each of its problems."""
        return {
            "file": self.file,
            "ok": self.ok,
            "problems": [
                {key: value for key, value in p.to_dict().items() if key != "file"}
                for p in self.problems
            ],
        }


@dataclass(frozen=True, slots=True)
class Report:
    """The problems of a run, grouped by file in the order files were given."""

    files: tuple[FileReport, ...] = ()

    @classmethod
    def from_problems(cls, inputs: Iterable[str], problems: Iterable[Problem]) -> Report:
        """Group problems by file.

        Every input gets an entry, even with no problems; a file that is not an
        input but has problems (an included building block) gets its own entry
        after the inputs. The same problem reached twice (a building block
        included by two tools) is reported once.
        """
        order = list(dict.fromkeys(inputs))
        grouped: dict[str, dict[Problem, None]] = {name: {} for name in order}
        for problem in problems:
            name = problem.file or ""
            if name not in grouped:
                grouped[name] = {}
                order.append(name)
            grouped[name][problem] = None
        return cls(
            tuple(
                FileReport(name, tuple(sorted(grouped[name], key=Problem.sort_key)))
                for name in order
            )
        )

    @property
    def ok(self) -> bool:
        """True when no file has an error."""
        return all(f.ok for f in self.files)

    @property
    def problems(self) -> Iterator[Problem]:
        """Every problem of every file."""
        for f in self.files:
            yield from f.problems

    def to_dict(self) -> dict[str, Any]:
        """DESIGN.md's JSON problem output."""
        return {"ok": self.ok, "files": [f.to_dict() for f in self.files]}
