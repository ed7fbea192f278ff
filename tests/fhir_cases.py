"""The tools and returns the FHIR tests run over, found by globbing so new files count.

Tools: every tool in ``tools/`` (building blocks, with ``fragment:``, are not
tools), the complete example of ``docs/authoring.md`` and the test tools in
``tests/data/fhir/``. Returns: every response under ``examples/`` (a YAML file
with ``case:`` and ``answers:``; audit manifests are not returns) and under
``tests/data/fhir/responses/``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from conftest import DATA, ROOT

from audit_tool import Tool, load_tool, parse_tool
from audit_tool._yaml import DEFAULT_LIMITS, read_document
from audit_tool.response import Response, load_response

FHIR_DATA = DATA / "fhir"
AUTHORING_EXAMPLE = "docs/authoring.md#complete-tool"


def _top_keys(path: Path) -> set[str]:
    document, _problems = read_document(path, DEFAULT_LIMITS, str(path))
    data = document.data if document is not None else None
    return set(data) if isinstance(data, dict) else set()


def _yaml_files(folder: Path) -> list[Path]:
    return sorted({*folder.rglob("*.yaml"), *folder.rglob("*.yml")})


def tool_names() -> list[str]:
    """Every tool the FHIR tests export, as paths relative to the repository."""
    shipped = [p for p in sorted((ROOT / "tools").glob("*.y*ml")) if "fragment" not in _top_keys(p)]
    own = [p for p in sorted(FHIR_DATA.glob("*.yaml")) if "fragment" not in _top_keys(p)]
    return [str(p.relative_to(ROOT)) for p in [*shipped, *own]] + [AUTHORING_EXAMPLE]


def shipped_tool_names() -> list[str]:
    """Only the tools in ``tools/``."""
    return [name for name in tool_names() if name.startswith("tools/")]


def response_names() -> list[str]:
    """Every return the FHIR tests export, as paths relative to the repository."""
    found = [
        p for p in _yaml_files(ROOT / "examples") if {"case", "answers"} <= _top_keys(p)
    ] if (ROOT / "examples").is_dir() else []
    found += _yaml_files(FHIR_DATA / "responses")
    return [str(p.relative_to(ROOT)) for p in found]


@cache
def tool(name: str) -> Tool:
    """The tool called ``name`` (see :func:`tool_names`)."""
    if name == AUTHORING_EXAMPLE:
        text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
        match = re.search(r"<!-- example:complete-tool -->\n```yaml\n(.*?)```", text, re.DOTALL)
        assert match is not None, "docs/authoring.md lost its complete example"
        return parse_tool(match.group(1), name=AUTHORING_EXAMPLE)
    return load_tool(ROOT / name)


@cache
def response(name: str) -> Response:
    """The return called ``name`` (see :func:`response_names`)."""
    return load_response(ROOT / name)


def tool_of(answers: Response) -> Tool:
    """The tool (among :func:`tool_names`) that a return answers."""
    for name in tool_names():
        candidate = tool(name)
        if (candidate.id, candidate.version) == (answers.tool.id, answers.tool.version):
            return candidate
    raise LookupError(f"no tool {answers.tool.ref} among {tool_names()}")
