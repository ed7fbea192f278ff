"""A package's public names, imported when first used rather than when the package is.

``import audit_tool`` (and ``audit-tool --version``) then costs only what is asked
for: a package's ``__init__`` lists where each of its names lives, and the module is
imported the first time one of its names is read. Type checkers and editors read the
same names from the package's ``if TYPE_CHECKING:`` imports;
``tests/test_public_api.py`` checks that the two lists agree.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["exports"]


def exports(
    package: str, homes: Mapping[str, Sequence[str]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package``, whose public names are
    ``homes``: each module (absolute name) with the names it gives."""
    where = {name: module for module, names in homes.items() for name in names}
    if len(where) != sum(len(names) for names in homes.values()):
        raise ValueError(f"{package}: a public name is listed twice")

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals_of_package = importlib.import_module(package).__dict__
        globals_of_package[name] = value  # the next look-up is a plain one
        return value

    def __dir__() -> list[str]:
        return sorted({*where, *importlib.import_module(package).__dict__})

    return __getattr__, __dir__, sorted(where)
