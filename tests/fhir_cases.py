"""The tools and returns the FHIR tests run over, found by globbing so new files count.

Tools: every tool in ``tools/`` (building blocks, with ``fragment:``, are not
tools), the complete example of ``docs/authoring.md`` and the test tools in
``tests/data/fhir/``. Returns: every response under ``examples/`` that loads (a
YAML file with ``case:`` and ``answers:``; audit manifests are not returns) and under
``tests/data/fhir/responses/``. Also the helpers the FHIR tests share to look
into exported resources.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from audit_tool import Tool, load_tool
from audit_tool._yaml import DEFAULT_LIMITS, read_document
from audit_tool.authoring.conditions import is_answered
from audit_tool.responses.response import Answer, Response, load_response, read_response

from conftest import DATA, ROOT, SHIPPED_TOOLS, authoring_example

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
    shipped = [ROOT / "tools" / name for name in SHIPPED_TOOLS]  # not a draft someone added
    own = [p for p in sorted(FHIR_DATA.glob("*.yaml")) if "fragment" not in _top_keys(p)]
    return [str(p.relative_to(ROOT)) for p in [*shipped, *own]] + [AUTHORING_EXAMPLE]


def shipped_tool_names() -> list[str]:
    """Only the tools in ``tools/``."""
    return [name for name in tool_names() if name.startswith("tools/")]


def _loads(path: Path) -> bool:
    return not any(p.is_error for p in read_response(path).problems)


def response_names() -> list[str]:
    """Every return the FHIR tests export, as paths relative to the repository.

    A return under ``examples/`` that does not load (the example round keeps one
    deliberately invalid return, to show the report listing it) is not exported.
    """
    found = [
        p for p in _yaml_files(ROOT / "examples")
        if {"case", "answers"} <= _top_keys(p) and _loads(p)
    ] if (ROOT / "examples").is_dir() else []
    found += _yaml_files(FHIR_DATA / "responses")
    return [str(p.relative_to(ROOT)) for p in found]


@cache
def tool(name: str) -> Tool:
    """The tool called ``name`` (see :func:`tool_names`)."""
    if name == AUTHORING_EXAMPLE:
        return load_tool(text=authoring_example(), name=AUTHORING_EXAMPLE)
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


def find(resource: dict[str, Any], link_id: str) -> dict[str, Any]:
    """The first item with ``link_id``, looking under items and answers."""
    stack = list(resource.get("item", []))
    while stack:
        item = stack.pop(0)
        if item["linkId"] == link_id:
            return item
        nested = [i for answer in item.get("answer", []) for i in answer.get("item", [])]
        stack[:0] = item.get("item", []) + nested
    raise KeyError(link_id)


def _value(answer: dict[str, Any]) -> Any:
    (key,) = [k for k in answer if k.startswith("value")]
    value = answer[key]
    return value["code"] if key == "valueCoding" else value


def read_back(items: list[dict[str, Any]], tool_questions: dict[str, bool]) -> dict[str, Any]:
    """Answers by question id, read out of response items as a return holds them: values,
    lists of values for repeating questions, lists of entries for groups, and evidence."""
    found: dict[str, Any] = {}
    for item in items:
        link = item["linkId"]
        if link == "audit-return":  # the return's metadata, not answers
            continue
        if link.startswith("section:"):
            found.update(read_back(item["item"], tool_questions))
        elif "answer" not in item:  # an entry of a repeatable group
            found.setdefault(link, []).append(read_back(item["item"], tool_questions))
        else:
            values = [_value(a) for a in item["answer"]]
            answer: dict[str, Any] = {"value": values if tool_questions[link] else values[0]}
            for nested in item["answer"][0].get("item", []):
                key = nested["linkId"].removeprefix(link + ".")
                answer[key] = _value(nested["answer"][0])
            found[link] = answer
    return found


def as_held(answers: dict[str, Answer]) -> dict[str, Any]:
    """A return's answers in the shape :func:`read_back` gives (unanswered ones left out,
    as FHIR leaves them out)."""
    out: dict[str, Any] = {}
    for qid, answer in answers.items():
        if not is_answered(answer.value):
            continue
        if answer.entries:
            out[qid] = [as_held(entry) for entry in answer.entries]
            continue
        held: dict[str, Any] = {"value": answer.value}
        if answer.evidence:
            held["evidence"] = answer.evidence
        if answer.evidence_date:
            held["evidence_date"] = answer.evidence_date.isoformat()
        out[qid] = held
    return out
