"""The public surface: every exported name resolves, and nothing private leaks."""

from __future__ import annotations

import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import audit_tool

from conftest import ROOT


def test_every_name_in_all_resolves() -> None:
    """Each name in audit_tool.__all__ is an attribute of the package."""
    missing = [name for name in audit_tool.__all__ if not hasattr(audit_tool, name)]
    assert missing == []


def test_all_has_no_private_names_or_duplicates() -> None:
    """__all__ lists public names only, each once."""
    names = audit_tool.__all__
    assert [n for n in names if n.startswith("_") and n != "__version__"] == []
    assert len(names) == len(set(names))


def test_exported_objects_come_from_public_modules() -> None:
    """No exported class or function is defined in a private (_-prefixed) module."""
    leaks = []
    for name in audit_tool.__all__:
        module = getattr(getattr(audit_tool, name), "__module__", None) or ""
        if any(part.startswith("_") for part in module.split(".")[1:]):
            leaks.append(f"{name} from {module}")
    assert leaks == []


def test_package_ships_py_typed() -> None:
    """The package is marked as typed (PEP 561)."""
    package = files("audit_tool")
    assert (package / "py.typed").is_file()


def test_the_quickstart_in_the_package_docstring_runs(tmp_path: Path) -> None:
    """The package docstring's quickstart runs from the repository root and finds nothing wrong."""
    doc = audit_tool.__doc__ or ""
    block = doc.split("::\n\n", 1)[1].split("\n\n", 1)[0]
    code = "\n".join(line.removeprefix("    ") for line in block.splitlines())
    script = tmp_path / "quickstart.py"
    script.write_text(code + "\nassert problems == [], problems\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=120)
    assert (done.returncode, done.stderr) == (0, "")
