"""Importing the library builds no model and reads no source; schemas still describe fields."""

from __future__ import annotations

import subprocess
import sys

from pydantic._internal._docs_extraction import extract_docstrings_from_cls

from audit_tool import _docstrings
from audit_tool.authoring import tool_file
from audit_tool.export.schemas import tool_schema

from conftest import ROOT


def test_import_builds_no_model_and_reads_no_source() -> None:
    """After `import audit_tool` no model has had its source read, and only GradeBand (for
    the default grade bands, made at import) has built its validator."""
    code = (
        "import inspect, sys\n"
        "read = []\n"
        "real = inspect.getsource\n"
        "inspect.getsource = lambda o: read.append(o) or real(o)\n"
        "import audit_tool, audit_tool.cli\n"
        "for name in audit_tool.__all__: getattr(audit_tool, name)\n"
        "from audit_tool._docstrings import _models\n"
        "built = [m.__name__ for m in _models() if m.__pydantic_complete__]\n"
        "print(built, len(read))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "['GradeBand'] 0"


def test_import_reads_only_what_is_asked_for() -> None:
    """``import audit_tool`` imports none of the library's modules (its names are imported
    when first used); the first use of one imports its home, not the rest."""
    code = (
        "import sys\n"
        "import audit_tool\n"
        "first = sorted(m for m in sys.modules if m.startswith('audit_tool'))\n"
        "audit_tool.Problem\n"
        "then = sorted(m for m in sys.modules if m.startswith('audit_tool'))\n"
        "print(first, 'audit_tool.rounds.report' in then, 'audit_tool.problems' in then)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "['audit_tool', 'audit_tool._lazy'] False True"


def test_every_documented_field_is_described() -> None:
    """Every field with a docstring (pydantic's own reader finds it) has a description once a
    schema is made; the checked-in schemas (test_generated) pin their words."""
    tool_schema()  # describes the models
    models = _docstrings._models()
    assert tool_file.Fragment in models
    undescribed = []
    for cls in models:
        documented: set[str] = set()
        for owner in cls.__mro__:
            if owner.__module__.startswith("audit_tool.") and hasattr(owner, "model_fields"):
                documented.update(extract_docstrings_from_cls(owner, use_inspect=True))
        undescribed += [(cls.__name__, name) for name, info in cls.__pydantic_fields__.items()
                        if name in documented and not info.description]
    assert undescribed == []


def test_a_schema_field_carries_its_docstring() -> None:
    """The exported tool schema describes a field with the docstring written under it."""
    schema = tool_schema()
    assert schema["$defs"]["Option"]["properties"]["label"]["description"] == (
        "The words auditors see."
    )


def test_a_schema_made_after_the_models_were_used_is_the_checked_in_one() -> None:
    """Models built before the first schema (a tool loaded, conditions made) do not leave
    their parts undescribed in it."""
    code = (
        "import sys\n"
        "from audit_tool import load_tool\n"
        "from audit_tool.authoring.conditions import InValues\n"
        "from audit_tool.versions.rules import EXAMPLE_TOOL\n"
        "from audit_tool.formatters import render_json\n"
        "from audit_tool.export.schemas import tool_schema\n"
        "load_tool('tools/neglect_v1.yaml'); load_tool(text=EXAMPLE_TOOL)\n"
        "InValues.model_validate({'question': 'seen', 'in': ['yes', 'partly']})\n"
        "sys.stdout.write(render_json(tool_schema()))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    assert out == (ROOT / "schemas" / "audit-tool.schema.json").read_text(encoding="utf-8")
