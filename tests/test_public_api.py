"""The public surface: every exported name resolves, and nothing private leaks."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

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


SUBPACKAGES = ("authoring", "responses", "rounds", "versions", "export")


def _type_checking_names(init: Path) -> dict[str, str]:
    """The names an ``__init__``'s ``if TYPE_CHECKING:`` block imports, by their module."""
    tree = ast.parse(init.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for imported in node.body:
                assert isinstance(imported, ast.ImportFrom)
                for alias in imported.names:
                    assert alias.asname == alias.name, "re-exported as itself"
                    found[alias.name] = imported.module or ""
    return found


@pytest.mark.parametrize("package", ["", *SUBPACKAGES])
def test_what_type_checkers_see_is_what_the_package_gives(package: str) -> None:
    """Each package's TYPE_CHECKING imports name exactly its __all__, each from the module
    the lazy look-up imports it from, and each name resolves to that module's object."""
    name = "audit_tool" + (f".{package}" if package else "")
    module = importlib.import_module(name)
    init = Path(module.__file__ or "")
    seen = _type_checking_names(init)
    assert sorted(seen) == sorted(n for n in module.__all__ if n != "__version__")
    for exported, home in seen.items():
        assert getattr(module, exported) is getattr(importlib.import_module(home), exported)


@pytest.mark.parametrize("package", SUBPACKAGES)
def test_subpackages_export_public_names_with_docs(package: str) -> None:
    """Each pipeline subpackage has a docstring and an __all__ of public, resolvable names."""
    module = importlib.import_module(f"audit_tool.{package}")
    assert (module.__doc__ or "").strip()
    assert module.__all__
    assert not [n for n in module.__all__ if n.startswith("_")]
    assert [n for n in module.__all__ if not hasattr(module, n)] == []


def test_the_top_level_is_the_entry_points() -> None:
    """The package's own namespace stays small: the verbs for each file kind and the jobs
    of the README, not every model and helper (those live in the subpackages)."""
    assert len(audit_tool.__all__) <= 50
    for kind in ("tool", "fragment", "catalogue", "response", "manifest"):
        for verb in ("read", "load", "check"):
            assert f"{verb}_{kind}" in audit_tool.__all__


def test_an_unknown_name_is_an_attribute_error() -> None:
    """A name the package does not give is an AttributeError naming it, as for any module."""
    with pytest.raises(AttributeError, match="no_such_thing"):
        audit_tool.no_such_thing  # noqa: B018
