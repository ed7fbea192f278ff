"""Export tools and returns as HL7 FHIR Questionnaire and QuestionnaireResponse, and import
a QuestionnaireResponse that a FHIR forms renderer filled back into a return.

The exports build plain JSON-able data; nothing here needs the optional
``fhir.resources`` package (the ``fhir`` extra), which the tests use to
validate what is produced. ``docs/fhir.md`` has the mapping.
"""

from __future__ import annotations

from audit_tool.export.fhir.common import (
    DEFAULT_BASE_URL,
    EXTENSION_BASE,
    FHIR_VERSIONS,
    FhirExport,
    FhirUrls,
    FhirVersion,
    extension_url,
)
from audit_tool.export.fhir.importing import FhirImport, import_fhir_response
from audit_tool.export.fhir.questionnaire import export_fhir
from audit_tool.export.fhir.response import export_fhir_response

__all__ = [
    "DEFAULT_BASE_URL",
    "EXTENSION_BASE",
    "FHIR_VERSIONS",
    "FhirExport",
    "FhirImport",
    "FhirUrls",
    "FhirVersion",
    "export_fhir",
    "export_fhir_response",
    "extension_url",
    "import_fhir_response",
]
