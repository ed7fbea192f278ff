"""Every exported tool and return is valid FHIR: fhir.resources models, and FHIR's own rules."""

from __future__ import annotations

import pytest

from audit_tool.export.fhir import FhirVersion, export_fhir, export_fhir_response

from fhir_cases import response, response_names, tool, tool_names, tool_of
from fhir_conformance import questionnaire_problems, response_problems
from fhir_models import MODELS

VERSIONS: list[FhirVersion] = ["R4", "R5"]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", tool_names())
def test_questionnaire_validates_with_fhir_resources(name: str, version: FhirVersion) -> None:
    """The Questionnaire of every tool parses with fhir.resources (R4B models for R4) and
    serialises back to the same JSON, so no element was dropped as unknown."""
    exported = export_fhir(tool(name), fhir_version=version).resource
    model = MODELS[version][0].model_validate(exported)
    assert model.model_dump(mode="json", exclude_none=True) == exported


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", tool_names())
def test_questionnaire_keeps_fhir_rules(name: str, version: FhirVersion) -> None:
    """The Questionnaire of every tool keeps FHIR's code lists and invariants (que-0 to que-12)."""
    exported = export_fhir(tool(name), fhir_version=version).resource
    assert questionnaire_problems(exported, version) == []


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", response_names())
def test_response_validates_with_fhir_resources(name: str, version: FhirVersion) -> None:
    """The QuestionnaireResponse of every return parses with fhir.resources and serialises
    back to the same JSON."""
    answers = response(name)
    exported = export_fhir_response(tool_of(answers), answers, fhir_version=version)
    assert [p for p in exported.problems if p.is_error] == []
    model = MODELS[version][1].model_validate(exported.resource)
    assert model.model_dump(mode="json", exclude_none=True) == exported.resource


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", response_names())
def test_response_fits_its_questionnaire(name: str, version: FhirVersion) -> None:
    """Every return's QuestionnaireResponse fits the tool's Questionnaire: linkIds and nesting,
    answer types and codes, repeats, enableWhen and (when completed) required items."""
    answers = response(name)
    questionnaire = export_fhir(tool_of(answers), fhir_version=version).resource
    exported = export_fhir_response(tool_of(answers), answers, fhir_version=version).resource
    assert response_problems(exported, questionnaire) == []
