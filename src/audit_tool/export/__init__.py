"""Export: what a tool becomes for people and for other software.

Printable blank forms (HTML, Markdown), the fillable offline form and one per
expected return of a round, JSON Schemas of a tool's responses, and FHIR R4/R5
(a Questionnaire, a return as a QuestionnaireResponse, and a renderer's
QuestionnaireResponse imported back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit_tool._lazy import exports

if TYPE_CHECKING:
    from audit_tool.export.fhir import (
        FhirExport as FhirExport,
    )
    from audit_tool.export.fhir import (
        FhirImport as FhirImport,
    )
    from audit_tool.export.fhir import (
        export_fhir as export_fhir,
    )
    from audit_tool.export.fhir import (
        export_fhir_response as export_fhir_response,
    )
    from audit_tool.export.fhir import (
        import_fhir_response as import_fhir_response,
    )
    from audit_tool.export.form import (
        FORM_CHECKS as FORM_CHECKS,
    )
    from audit_tool.export.form import (
        FormPrefill as FormPrefill,
    )
    from audit_tool.export.form import (
        RoundForm as RoundForm,
    )
    from audit_tool.export.form import (
        fillable_form as fillable_form,
    )
    from audit_tool.export.form import (
        round_forms as round_forms,
    )
    from audit_tool.export.render import (
        FORM_FORMATS as FORM_FORMATS,
    )
    from audit_tool.export.render import (
        render_form as render_form,
    )
    from audit_tool.export.render import (
        render_html as render_html,
    )
    from audit_tool.export.render import (
        render_markdown as render_markdown,
    )
    from audit_tool.export.schemas import (
        RESPONSE_SCHEMA_CODES as RESPONSE_SCHEMA_CODES,
    )
    from audit_tool.export.schemas import (
        manifest_schema as manifest_schema,
    )
    from audit_tool.export.schemas import (
        response_schema as response_schema,
    )
    from audit_tool.export.schemas import (
        tool_schema as tool_schema,
    )

__getattr__, __dir__, __all__ = exports(__name__, {
    "audit_tool.export.render": [
        "FORM_FORMATS", "render_form", "render_html", "render_markdown",
    ],
    "audit_tool.export.form": [
        "FORM_CHECKS", "FormPrefill", "RoundForm", "fillable_form", "round_forms",
    ],
    "audit_tool.export.schemas": [
        "RESPONSE_SCHEMA_CODES", "manifest_schema", "response_schema", "tool_schema",
    ],
    "audit_tool.export.fhir": [
        "FhirExport", "FhirImport", "export_fhir", "export_fhir_response", "import_fhir_response",
    ],
})
