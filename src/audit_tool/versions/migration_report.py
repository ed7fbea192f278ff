"""The report of a migration run, for people (text) and programs (JSON).

One entry per response file: where it was written, what was carried,
re-coded and kept aside, and what the auditor must now answer. Only ids,
option values and reasons appear: never a free-text answer or evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from audit_tool._escape import terminal_text
from audit_tool.authoring.describe import plural
from audit_tool.authoring.tool import Tool
from audit_tool.formatters import format_problem, render_json
from audit_tool.problems import Problem
from audit_tool.versions.migration import MigrationResult

__all__ = ["MigratedFile", "migration_json", "migration_text"]


@dataclass
class MigratedFile:
    """One response file of a run: its result, or the problems that stopped it."""

    file: str
    output: str | None = None
    result: MigrationResult | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the response was migrated and written."""
        return self.result is not None and self.output is not None

    def to_dict(self) -> dict[str, Any]:
        """The file's entry in the JSON report."""
        entry: dict[str, Any] = {"file": self.file, "ok": self.ok, "output": self.output}
        if self.result is not None:
            entry.update(self.result.to_dict())
        entry["problems"] = [p.to_dict() for p in self.problems]
        return entry


def migration_json(new: Tool, files: list[MigratedFile]) -> str:
    """``{"ok", "to": {"id", "version"}, "files": [...]}``."""
    return render_json(
        {
            "ok": all(f.ok for f in files),
            "to": {"id": new.id, "version": new.version},
            "files": [f.to_dict() for f in files],
        }
    )


def _where(question: str | None, entry: int | None) -> str:
    named = "an answer under a key that is no question id" if question is None else f"'{question}'"
    return named if entry is None else f"{named} (entry {entry + 1})"


def _lines(result: MigrationResult) -> list[str]:
    lines = [f"  carried: {plural(len(result.carried), 'answer')}"]
    renamed = [c for c in result.carried if c.old != c.new]
    if renamed:
        lines.append("  renamed: " + ", ".join(f"'{c.old}' -> '{c.new}'" for c in renamed))
    for r in result.recoded:
        recoded = f"'{r.old_value}' -> '{r.new_value}'"
        lines.append(f"  re-coded: {_where(r.question, r.entry)}: {recoded}")
    for u in result.unplaced:
        key = u.shown_key
        under = f" (under '{key}')" if key is not None and key != u.question else ""
        lines.append(f"  kept aside: {_where(u.shown_question, u.entry)}{under}: {u.reason}")
    if result.unanswered:
        lines.append(
            "  to answer now (required in the new version, no answer yet): "
            + ", ".join(_where(u.question, u.entry) for u in result.unanswered)
        )
    if result.needs_evidence:
        lines.append(
            "  evidence now needed: "
            + ", ".join(_where(n.question, n.entry) for n in result.needs_evidence)
        )
    return lines


def migration_text(new: Tool, files: list[MigratedFile]) -> str:
    """Per file what happened, then a summary line; control characters shown escaped."""
    lines: list[str] = []
    for f in files:
        if f.result is None or f.output is None:
            lines.append(f"{f.file}: not migrated")
            lines.extend(f"  {format_problem(p)}" for p in f.problems)
            continue
        step = f.result.response.migrated_from[-1].tool
        lines.append(f"{f.file} -> {f.output} ({step.id} {step.version} -> {new.version})")
        lines.extend(_lines(f.result))
    done = [f.result for f in files if f.ok and f.result is not None]
    lines.append(
        f"migrated {len(done)} of {plural(len(files), 'response')} to "
        f"{new.ref}: {plural(sum(len(r.carried) for r in done), 'answer')} carried, "
        f"{sum(len(r.unplaced) for r in done)} kept aside, "
        f"{plural(sum(len(r.unanswered) for r in done), 'question')} to answer"
    )
    return "\n".join(terminal_text(line, newlines=True) for line in lines) + "\n"
