"""FHIR export properties over generated tools and generated complete returns."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit_tool import Tool, load_tool
from audit_tool.authoring.saving import to_yaml
from audit_tool.export.fhir import export_fhir, export_fhir_response

from fhir_cases import as_held, read_back, tool, tool_names
from fhir_conformance import questionnaire_problems, response_problems
from fhir_models import MODELS
from fhir_strategies import complete_returns
from strategies import tool_data


def _exports_fit(source: Tool, answers: Any) -> None:
    """The return's export has no problems, fits the Questionnaire, validates, reads back."""
    for version in ("R4", "R5"):
        questionnaire = export_fhir(source, fhir_version=version).resource
        exported = export_fhir_response(source, answers, fhir_version=version)
        assert exported.problems == ()
        assert response_problems(exported.resource, questionnaire) == []
        MODELS[version][1].model_validate(exported.resource)
    repeats = {r.question.id: r.question.type == "multiple_choice"
               for r in source.iter_questions()}
    assert read_back(exported.resource.get("item", []), repeats) == as_held(answers.answers)


@given(tool_data())
def test_any_valid_tool_exports_a_valid_questionnaire(data: dict[str, Any]) -> None:
    """Every tool that loads exports, in R4 and R5, a Questionnaire that fhir.resources accepts
    and that keeps FHIR's rules; the only warnings are conditions FHIR cannot express."""
    source = load_tool(text=to_yaml(data))
    for version in ("R4", "R5"):
        exported = export_fhir(source, fhir_version=version)
        MODELS[version][0].model_validate(exported.resource)
        assert questionnaire_problems(exported.resource, version) == []
        assert {p.code for p in exported.problems} <= {"fhir-condition-not-expressible"}


@pytest.mark.parametrize("name", tool_names())
@given(data=st.data())
def test_any_complete_return_to_a_shipped_tool_exports_and_fits(name: str, data: Any) -> None:
    """A complete, valid return to any tool exports without problems, fits the tool's
    Questionnaire (required items, enableWhen, codes), validates, and reads back whole."""
    source = tool(name)
    _exports_fit(source, data.draw(complete_returns(source)))


@given(tool_data(), st.data())
def test_any_complete_return_to_any_tool_exports_and_fits(
    tool_dict: dict[str, Any], data: Any
) -> None:
    """The same for generated tools: the Questionnaire's required and enableWhen agree with
    the library's own conditions on every complete return."""
    source = load_tool(text=to_yaml(tool_dict))
    _exports_fit(source, data.draw(complete_returns(source)))
