"""Importing the library builds no model and reads no source; schemas still describe fields."""

from __future__ import annotations

import subprocess
import sys

from pydantic._internal._docs_extraction import extract_docstrings_from_cls

from audit_tool import _docstrings, tool_file
from audit_tool.schemas import tool_schema


def test_import_builds_no_model_and_reads_no_source() -> None:
    """After `import audit_tool` no model has had its source read, and only GradeBand (for
    the default grade bands, made at import) has built its validator."""
    code = (
        "import inspect, sys\n"
        "read = []\n"
        "real = inspect.getsource\n"
        "inspect.getsource = lambda o: read.append(o) or real(o)\n"
        "import audit_tool\n"
        "from audit_tool._docstrings import _models\n"
        "built = [m.__name__ for m in _models() if m.__pydantic_complete__]\n"
        "print(built, len(read))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "['GradeBand'] 0"


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
