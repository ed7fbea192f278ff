"""Generated files: the JSON Schemas in ``schemas/`` and generated blocks in ``docs/``.

``python -m audit_tool._generate`` rewrites them from the code;
``--check`` lists those that drifted and exits 1 (the tests do the same).
A generated block in a Markdown file sits between ``<!-- generated:NAME -->``
and ``<!-- /generated:NAME -->``; the text around it is written by hand.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from audit_tool.authoring.loading import load_tool
from audit_tool.codes import CODES
from audit_tool.export.form import form_checks
from audit_tool.export.schemas import (
    RESPONSE_SCHEMA_CODES,
    catalogue_schema,
    manifest_schema,
    tool_schema,
)
from audit_tool.formatters import render_json
from audit_tool.versions.compare import diff
from audit_tool.versions.render import diff_markdown, rules_examples, rules_table
from audit_tool.versions.rules import EXAMPLE_TOOL

__all__ = ["BLOCKS", "FILES", "drifted", "expected_files", "main"]

FILES: dict[str, Callable[[], str]] = {
    "schemas/audit-tool.schema.json": lambda: render_json(tool_schema()),
    "schemas/theme-catalogue.schema.json": lambda: render_json(catalogue_schema()),
    "schemas/audit-manifest.schema.json": lambda: render_json(manifest_schema()),
}


def _codes_table(area: str | None, extra: tuple[str, Callable[[str], str]] | None) -> str:
    head = "| code | severity | what it means | how to fix it |"
    rule = "|---|---|---|---|"
    if extra is not None:
        head, rule = head + f" {extra[0]} |", rule + "---|"
    lines = [head, rule]
    areas = list(dict.fromkeys(info.area for info in CODES.values()))
    for each in areas if area is None else [area]:
        for info in CODES.values():
            if info.area == each:
                row = f"| `{info.code}` | {info.severity.value} | {info.title} | {info.fix} |"
                lines.append(row + (f" {extra[1](info.code)} |" if extra is not None else ""))
    return "\n".join(lines) + "\n"


def problem_codes_table() -> str:
    """A Markdown table of every problem code, grouped by area."""
    return _codes_table(None, None)


def response_codes_table() -> str:
    """A Markdown table of the codes validating a response gives, and which the schema states."""
    stated = ("in the schema", lambda code: "yes" if code in RESPONSE_SCHEMA_CODES else "no")
    return _codes_table("response", stated)


def form_codes_table() -> str:
    """A Markdown table of the codes validating a response gives, and which the form checks."""
    checked = ("the form checks it", lambda code: "yes" if form_checks(code, "") else "no")
    return _codes_table("response", checked)


def register_codes_table() -> str:
    """A Markdown table of the codes the round's register gives."""
    return _codes_table("register", None)


def neglect_changelog() -> str:
    """The board's changelog of the shipped neglect tool, 1.0.0 to 2.0.0, in a fence."""
    tools = Path(__file__).resolve().parents[2] / "tools"
    old, new = load_tool(tools / "neglect_v1.yaml"), load_tool(tools / "neglect_v2.yaml")
    text = diff_markdown(diff(old, new))
    return f"````markdown\n{text}````\n"


def scoring_rules() -> str:
    """The scoring rules, word for word from :mod:`audit_tool.rounds.scoring`'s docstring."""
    from audit_tool.rounds import scoring
    text = scoring.__doc__ or ""
    start = text.index("\n1. ")
    end = text.index("\nBeside the totals")
    return text[start:end].strip("\n") + "\n"


BLOCKS: dict[tuple[str, str], Callable[[], str]] = {
    ("docs/authoring.md", "problem-codes"): problem_codes_table,
    ("docs/scoring.md", "scoring-rules"): scoring_rules,
    ("docs/responses.md", "response-codes"): response_codes_table,
    ("docs/form.md", "form-codes"): form_codes_table,
    ("docs/meetings.md", "register-codes"): register_codes_table,
    ("docs/diff-rules.md", "diff-rules"): rules_table,
    ("docs/diff-rules.md", "example-tool"): lambda: f"```yaml\n{EXAMPLE_TOOL}```\n",
    ("docs/diff-rules.md", "diff-examples"): rules_examples,
    ("docs/versioning.md", "neglect-changelog"): neglect_changelog,
}


def _replace_block(text: str, name: str, content: str, file: str) -> str:
    pattern = re.compile(
        rf"(<!-- generated:{re.escape(name)} -->\n).*?(<!-- /generated:{re.escape(name)} -->)",
        re.DOTALL,
    )
    if not pattern.search(text):
        raise LookupError(f"{file} has no generated block '{name}'")
    return pattern.sub(lambda m: m.group(1) + content + m.group(2), text)


def expected_files(root: Path) -> dict[Path, str]:
    """What every generated file should hold, by path under ``root``."""
    out = {root / name: make() for name, make in FILES.items()}
    for (file, name), make in BLOCKS.items():
        path = root / file
        current = out.get(path) or path.read_text(encoding="utf-8")
        out[path] = _replace_block(current, name, make(), file)
    return out


def drifted(root: Path) -> list[Path]:
    """The generated files whose content differs from what the code generates."""
    return [
        path
        for path, content in expected_files(root).items()
        if not path.is_file() or path.read_text(encoding="utf-8") != content
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Write the generated files (or, with ``--check``, list those that drifted)."""
    args = list(sys.argv[1:] if argv is None else argv)
    root = Path.cwd()
    if "--check" in args:
        stale = drifted(root)
        for path in stale:
            print(f"out of date: {path.relative_to(root)} (run 'make schemas')")
        return 1 if stale else 0
    for path, content in expected_files(root).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        print(f"wrote {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
