"""Theme catalogues: the standard themes that every tool scores into.

A catalogue is versioned (``standard@1``). The standard catalogue ships with
the library; a partnership can supply its own file with the same format and
point its tools at it with ``catalogue: ID@VERSION``.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict, Field

from audit_tool._types import Identifier

__all__ = ["STANDARD_CATALOGUE_REF", "Theme", "ThemeCatalogue", "standard_catalogue"]

STANDARD_CATALOGUE_REF = "standard@1"


class Theme(BaseModel):
    """One theme: what the panel reads the answers as."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Identifier
    """The theme's stable id, used in tools' theme mappings."""
    name: str = Field(min_length=1)
    """The theme's name as a report shows it."""
    description: str = ""
    """What good practice looks like for this theme."""


class ThemeCatalogue(BaseModel):
    """A versioned list of themes."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, defer_build=True, title="Theme catalogue"
    )

    id: Identifier
    """The catalogue's id (``standard`` for the one shipped with the library)."""
    version: int = Field(ge=1)
    """The catalogue's version; tools name it as ``ID@VERSION``."""
    title: str = Field(min_length=1)
    """A human-readable title."""
    themes: list[Theme] = Field(min_length=1)
    """The themes, in the order reports list them."""

    @property
    def ref(self) -> str:
        """``ID@VERSION``, as a tool's ``catalogue`` field names it."""
        return f"{self.id}@{self.version}"

    @property
    def theme_ids(self) -> tuple[str, ...]:
        """The theme ids in catalogue order."""
        return tuple(t.id for t in self.themes)

    def theme(self, theme_id: str) -> Theme | None:
        """The theme with ``theme_id``, or ``None``."""
        return next((t for t in self.themes if t.id == theme_id), None)


@cache
def standard_catalogue() -> ThemeCatalogue:
    """The standard catalogue shipped with the library (``standard@1``)."""
    from audit_tool._yaml import parse_document

    raw = (files("audit_tool") / "data" / "standard_catalogue.yaml").read_bytes()
    document, problems = parse_document(raw, "standard_catalogue.yaml")
    if document is None or problems:  # pragma: no cover - guarded by tests
        raise RuntimeError("the shipped standard catalogue cannot be read")
    return ThemeCatalogue.model_validate(document.data)
