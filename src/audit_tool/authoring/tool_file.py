"""The tool file format on disk: include items and building blocks.

A tool file is a :class:`~audit_tool.authoring.tool.Tool` whose ``scales`` and
``sections`` lists may also hold *include items*. A building block (for
example ``tools/shared/case_context.yaml``) is a :class:`Fragment`: scales and
sections, with ``fragment:`` in place of the tool's id and version.

Including sections from a fragment brings the fragment's scales with them;
``sections:`` (or ``scales:``) picks some by id, otherwise all are included.
Paths are relative to the including file.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from audit_tool._types import Identifier
from audit_tool.authoring.tool import Scale, Section

__all__ = ["Fragment", "ScaleInclude", "SectionInclude"]

_CONFIG = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class SectionInclude(BaseModel):
    """In a ``sections`` list: the sections of a building-block file, and its scales."""

    model_config = _CONFIG

    include: str = Field(min_length=1, pattern=r"^[^/\\]")
    """The building-block file, relative to this file (``shared/case_context.yaml``)."""
    sections: list[Identifier] | None = None
    """The ids of the sections to include, in this order; all of them when left out."""


class ScaleInclude(BaseModel):
    """In a ``scales`` list: the scales of a building-block file."""

    model_config = _CONFIG

    include: str = Field(min_length=1, pattern=r"^[^/\\]")
    """The building-block file, relative to this file (``shared/scales.yaml``)."""
    scales: list[Identifier] | None = None
    """The ids of the scales to include; all of them when left out."""


class Fragment(BaseModel):
    """A building block: scales and sections that tools include."""

    model_config = ConfigDict(**_CONFIG, title="Audit tool building block")

    fragment: Identifier
    """The building block's id (``case_context``)."""
    title: str = Field(min_length=1)
    """What the building block holds."""
    description: str = ""
    """When to include it."""
    scales: list[Scale] = Field(default_factory=list)
    """Scales the building block defines (or includes)."""
    sections: list[Section] = Field(default_factory=list)
    """Sections the building block defines (or includes)."""
