"""Field descriptions from attribute docstrings, given only when a JSON Schema is made.

The models document each field with a docstring under it. pydantic's
``use_attribute_docstrings`` reads them when each class is created, finding and
parsing its source: half the time of importing the models, paid by every
command, though only the JSON Schemas show the descriptions. So the models do
not ask for it; :func:`describe_models` reads each model module's source once,
gives every field its docstring as its description, and rebuilds the models,
before the first schema is made.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import sys
from functools import cache

from pydantic import BaseModel

__all__ = ["describe_models"]


def _models() -> list[type[BaseModel]]:
    """Every model class of this package, bases before the classes that extend them."""
    found: dict[type[BaseModel], None] = {}
    stack: list[type[BaseModel]] = [BaseModel]
    while stack:
        cls = stack.pop(0)
        for sub in cls.__subclasses__():
            if sub not in found:
                found[sub] = None
                stack.append(sub)
    package = __name__.rsplit(".", 1)[0] + "."
    return [cls for cls in found if cls.__module__.startswith(package)]


@cache
def _module_docstrings(module: str) -> dict[str, dict[str, str]]:
    """For each class defined at the top of ``module``: its attributes' docstrings."""
    source = inspect.getsource(sys.modules[module])
    out: dict[str, dict[str, str]] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef):
            out[node.name] = _class_docstrings(node)
    return out


def _class_docstrings(node: ast.ClassDef) -> dict[str, str]:
    docs: dict[str, str] = {}
    for here, after in itertools.pairwise(node.body):
        target = here.target if isinstance(here, ast.AnnAssign) else None
        if (
            isinstance(target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[target.id] = inspect.cleandoc(after.value.value)
    return docs


def _docstring(cls: type, field: str) -> str | None:
    """The docstring of ``field`` in the nearest class of ``cls``'s MRO that documents it."""
    for owner in cls.__mro__:
        module = getattr(owner, "__module__", "")
        if not module.startswith(__name__.rsplit(".", 1)[0] + "."):
            continue
        found = _module_docstrings(module).get(owner.__qualname__, {}).get(field)
        if found is not None:
            return found
    return None


@cache
def describe_models() -> None:
    """Give every field of the package's models its docstring as description (once)."""
    models = _models()
    for cls in models:
        for name, info in cls.__pydantic_fields__.items():
            if info.description is None:
                info.description = _docstring(cls, name)
    # A model's schema holds those of the models it contains, and a build reuses the
    # schema a contained model has: drop every model's schema before rebuilding any.
    for cls in models:
        for built in ("__pydantic_core_schema__", "__pydantic_validator__",
                      "__pydantic_serializer__"):
            if built in cls.__dict__:
                delattr(cls, built)
        cls.__pydantic_complete__ = False
    for cls in models:
        cls.model_rebuild(force=True)
