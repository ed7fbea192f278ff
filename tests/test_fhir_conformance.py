"""The FHIR rule checker the export tests rely on catches what it claims to catch."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from audit_tool.export.fhir import export_fhir, export_fhir_response

from fhir_cases import find, response, tool
from fhir_conformance import questionnaire_problems, response_problems

TOOL = "tests/data/fhir/mini_tool.yaml"
RESPONSE = "tests/data/fhir/responses/complete.yaml"

Resource = dict[str, Any]


def _duplicate(q: Resource) -> None:
    find(q, "days_between.evidence_date")["linkId"] = "days_between.evidence"


def _r5_type(q: Resource) -> None:
    find(q, "home_seen")["type"] = "coding"


def _no_behavior(q: Resource) -> None:
    del find(q, "hours_spent")["enableBehavior"]


def _foreign_code(q: Resource) -> None:
    find(q, "concerns")["enableWhen"][0]["answerCoding"]["code"] = "maybe"


def _exists_with_coding(q: Resource) -> None:
    test = find(q, "involvement_start")["enableWhen"][0]
    test["operator"] = "exists"


def _options_on_text(q: Resource) -> None:
    find(q, "concern_detail")["answerOption"] = find(q, "home_seen")["answerOption"]


QUESTIONNAIRE_BREAKS: list[tuple[Callable[[Resource], None], str]] = [
    (_duplicate, "que-2: linkId 'days_between.evidence' is not unique"),
    (_no_behavior, "que-12: 'hours_spent' has several enableWhen and no enableBehavior"),
    (_foreign_code, "concerns: enableWhen compares with a code 'home_seen' does not offer"),
    (_exists_with_coding, "que-7: involvement_start: 'exists' needs answerBoolean"),
    (_options_on_text, "que-5: 'concern_detail' of type 'text' has answerOption"),
]
QUESTIONNAIRE_BREAKS_SEVERAL: list[tuple[Callable[[Resource], None], list[str]]] = [
    (_r5_type, [
        "home_seen: type 'coding' is not a R4 item type",
        "que-5: 'home_seen' of type 'coding' has answerOption",
    ]),
]


@pytest.mark.parametrize(
    ("breaks", "messages"),
    [(b, [m]) for b, m in QUESTIONNAIRE_BREAKS] + QUESTIONNAIRE_BREAKS_SEVERAL,
)
def test_questionnaire_checker_reports_each_broken_rule(
    breaks: Callable[[Resource], None], messages: list[str]
) -> None:
    """Each break of a FHIR rule in a valid Questionnaire gives exactly its messages."""
    q = copy.deepcopy(export_fhir(tool(TOOL)).resource)
    assert questionnaire_problems(q, "R4") == []
    breaks(q)
    assert questionnaire_problems(q, "R4") == messages


def _evidence_outside_answer(qr: Resource) -> None:
    item = find(qr, "home_seen")
    item["item"] = item["answer"][0].pop("item")


def _disabled_answered(qr: Resource) -> None:
    find(qr, "agency_involved")["answer"][0]["valueCoding"]["code"] = "no"
    find(qr, "agency_involved")["answer"][0]["valueCoding"]["display"] = "No"


def _required_missing(qr: Resource) -> None:
    section = find(qr, "section:home")
    section["item"] = [i for i in section["item"] if i["linkId"] != "home_seen"]


def _two_answers(qr: Resource) -> None:
    item = find(qr, "home_recorded")
    item["answer"].append({"valueCoding": dict(item["answer"][0]["valueCoding"])})


def _wrong_type(qr: Resource) -> None:
    find(qr, "days_between")["answer"] = [{"valueDecimal": 14.5}]


def _unknown_link(qr: Resource) -> None:
    made_up = {"linkId": "made_up", "answer": [{"valueString": "x"}]}
    find(qr, "section:home")["item"].insert(0, made_up)


def _repeated_section(qr: Resource) -> None:
    qr["item"].insert(2, copy.deepcopy(qr["item"][2]))  # after the metadata and context


def _sections_reversed(qr: Resource) -> None:
    qr["item"].reverse()


RESPONSE_BREAKS: list[tuple[Callable[[Resource], None], list[str]]] = [
    (_evidence_outside_answer, [
        "/section:home/home_seen: items under a question go under its answer",
    ]),
    (_disabled_answered, [
        "/section:context/involvement_start: answered, but its enableWhen does not hold",
    ]),
    (_required_missing, [  # days_between stays enabled: '!=' holds with no answer
        "/section:home/concerns: answered, but its enableWhen does not hold",
        "/section:home/home_seen: required, enabled and missing",
    ]),
    (_two_answers, [  # evidence is required of home_recorded: under each answer
        "/section:home/home_recorded: several answers to a question that does not repeat",
        "/section:home/home_recorded/home_recorded.evidence: required, enabled and missing",
    ]),
    (_wrong_type, ["/section:home/days_between: an answer that is not one valueInteger"]),
    (_unknown_link, [
        "/section:home/made_up: no item 'made_up' at this place in the questionnaire",
    ]),
    (_repeated_section, ["/section:home: appears twice (qrs-2: answers go in one item)"]),
    (_sections_reversed, [
        "/audit-return: items are not in the questionnaire's order",
        "/section:context: items are not in the questionnaire's order",
        "/section:home: items are not in the questionnaire's order",
    ]),
]


@pytest.mark.parametrize(("breaks", "messages"), RESPONSE_BREAKS)
def test_response_checker_reports_each_misfit(
    breaks: Callable[[Resource], None], messages: list[str]
) -> None:
    """Each way of making a fitting QuestionnaireResponse not fit gives exactly its messages."""
    answers = response(RESPONSE)
    q = export_fhir(tool(TOOL)).resource
    qr = copy.deepcopy(export_fhir_response(tool(TOOL), answers).resource)
    assert response_problems(qr, q) == []
    breaks(qr)
    assert sorted(response_problems(qr, q)) == sorted(messages)
