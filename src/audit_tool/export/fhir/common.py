"""What both FHIR exports share: versions, canonical URLs, extension URLs, the result.

Canonical URLs (the Questionnaire's ``url``, the code system of each scale,
the identifier systems of agencies and cases) are built from one base, which
a partnership sets to an address it controls. The default is a URN, because
an ``http`` address this library does not own would look resolvable and is
not. The extensions this library defines have fixed URLs under
:data:`EXTENSION_BASE`, whatever the base: they name the library's concepts,
not a partnership's content. ``docs/fhir.md`` lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import quote

from audit_tool.problems import Problem

__all__ = [
    "DEFAULT_BASE_URL",
    "EXTENSION_BASE",
    "FHIR_VERSIONS",
    "FhirExport",
    "FhirUrls",
    "FhirVersion",
    "extension_url",
]

FhirVersion = Literal["R4", "R5"]
"""The FHIR release an export targets. R4 output is also valid R4B."""

FHIR_VERSIONS: tuple[FhirVersion, ...] = ("R4", "R5")

DEFAULT_BASE_URL = "urn:audit-tool"
"""The base of canonical URLs when the caller gives none."""

EXTENSION_BASE = "urn:audit-tool:fhir:extension:"
"""The URLs of the extensions this library defines start with this."""

_HL7 = "http://hl7.org/fhir/StructureDefinition/"

# Extensions defined by HL7 (core R4 extensions; the same URLs in R5's extension pack).
ORDINAL_VALUE = _HL7 + "ordinalValue"
ITEM_WEIGHT = _HL7 + "itemWeight"
ITEM_CONTROL = _HL7 + "questionnaire-itemControl"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
OPTION_EXCLUSIVE = _HL7 + "questionnaire-optionExclusive"
MIN_OCCURS = _HL7 + "questionnaire-minOccurs"
MAX_OCCURS = _HL7 + "questionnaire-maxOccurs"
MIN_VALUE = _HL7 + "minValue"
MAX_VALUE = _HL7 + "maxValue"
UNIT = _HL7 + "questionnaire-unit"
USAGE_CONTEXT_TYPE = "http://terminology.hl7.org/CodeSystem/usage-context-type"
VERSION_ALGORITHM = "http://hl7.org/fhir/version-algorithm"


def extension_url(name: str) -> str:
    """The URL of one of this library's extensions (``condition``, ``theme``...)."""
    return EXTENSION_BASE + name


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class FhirUrls:
    """Canonical URLs and identifier systems, all derived from one base.

    With a URN base (the default, ``urn:audit-tool``) parts are joined with
    colons: ``urn:audit-tool:questionnaire:neglect``. With an ``http(s)`` base
    they follow FHIR's REST convention: ``https://example.org/fhir/Questionnaire/neglect``.
    """

    base: str = DEFAULT_BASE_URL

    def __post_init__(self) -> None:
        if not _SCHEME.match(self.base) or any(c.isspace() for c in self.base):
            raise ValueError(f"the base URL must be an absolute URI (urn:... or https://...), "
                             f"not {self.base!r}")

    @property
    def _urn(self) -> bool:
        return self.base.lower().startswith("urn:")

    def _join(self, kind: str, *parts: str) -> str:
        safe = [quote(p, safe="-._~") for p in parts]
        if self._urn:
            return ":".join([self.base, kind.lower(), *safe])
        return "/".join([self.base.rstrip("/"), kind, *safe])

    def questionnaire(self, tool_id: str) -> str:
        """The Questionnaire's canonical URL (without version)."""
        return self._join("Questionnaire", tool_id)

    def code_system(self, tool_id: str, scale_id: str) -> str:
        """The code system of one scale's option values."""
        return self._join("CodeSystem", f"{tool_id}-{scale_id}")

    def agency_system(self) -> str:
        """The identifier system of agency ids (``police``, ``health_acute``)."""
        return self._join("agency")

    def case_system(self, audit_round: str | None) -> str:
        """The identifier system of pseudonymised case references, scoped to the round."""
        return self._join("case", *([audit_round] if audit_round else []))


@dataclass(frozen=True)
class FhirExport:
    """A FHIR resource as plain JSON-able data, and what the export had to say about it.

    ``problems`` are warnings (something the resource cannot carry, or carries
    only in an extension) and errors (the input does not fit: the resource is
    incomplete and should not be used).
    """

    resource: dict[str, Any]
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return not any(p.is_error for p in self.problems)
