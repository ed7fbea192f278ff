"""export_fhir: a tool as a FHIR Questionnaire, element by element."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import TypeAdapter

from audit_tool import load_tool, read_tool
from audit_tool.authoring import Condition
from audit_tool.export.fhir import FhirUrls, export_fhir, extension_url

from conftest import DATA
from fhir_cases import find, tool, tool_names

MINI = "tests/data/fhir/mini_tool.yaml"
CONDITION = extension_url("condition")
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight"
CONDITION_ADAPTER: TypeAdapter[Condition] = TypeAdapter(Condition)


def items(resource: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every item of a Questionnaire, depth first."""
    stack = list(resource.get("item", []))
    while stack:
        item = stack.pop(0)
        yield item
        stack[:0] = item.get("item", [])


def references(condition: Condition) -> set[str]:
    """The question ids a condition reads."""
    return {question for question, _pointer, _clause in condition.references()}


@pytest.mark.parametrize("name", tool_names())
def test_every_question_option_and_condition_target_is_in_the_export(name: str) -> None:
    """Each question id is an item's linkId, each choice question offers exactly its scale's
    option values as codes, and each condition's targets are read by enableWhen or carried
    whole in the condition extension."""
    source = tool(name)
    exported = {item["linkId"]: item for item in items(export_fhir(source).resource)}
    for ref in source.iter_questions():
        question = ref.question
        assert question.id in exported, question.id
        item = exported[question.id]
        scale = source.scale_of(question)
        if scale is not None:
            codes = [o["valueCoding"]["code"] for o in item["answerOption"]]
            assert codes == list(scale.values), question.id
        if question.when is not None:
            read = {test["question"] for test in item.get("enableWhen", [])}
            carried = [e["valueString"] for e in item.get("extension", []) if e["url"] == CONDITION]
            if carried:
                read = references(_parse_condition(carried[0]))
            assert read == references(question.when), question.id


def _parse_condition(text: str) -> Condition:
    """A condition from the JSON the condition extension holds."""
    return CONDITION_ADAPTER.validate_python(json.loads(text))


def test_question_types_map_to_fhir_item_types() -> None:
    """Each kind of question becomes its FHIR item type, R4 and R5."""
    source = tool(MINI)
    for version, choice in (("R4", "choice"), ("R5", "coding")):
        exported = export_fhir(source, fhir_version=version).resource
        kinds = {
            link: (find(exported, link)["type"], find(exported, link).get("repeats"))
            for link in ("home_seen", "concerns", "concern_detail", "days_between",
                         "hours_spent", "involvement_start", "meetings", "section:home")
        }
        assert kinds == {
            "home_seen": (choice, None),
            "concerns": (choice, True),
            "concern_detail": ("text", None),
            "days_between": ("integer", None),
            "hours_spent": ("decimal", None),
            "involvement_start": ("date", None),
            "meetings": ("group", True),
            "section:home": ("group", None),
        }


def test_questionnaire_header_carries_identity_status_and_date() -> None:
    """url, version, name, title, status and the date of this version's changelog entry."""
    exported = export_fhir(tool(MINI)).resource
    header = {k: v for k, v in exported.items() if k not in {"item", "extension", "useContext"}}
    assert header == {
        "resourceType": "Questionnaire",
        "id": "fhir-mini-1.2.0",
        "url": "urn:audit-tool:questionnaire:fhir_mini",
        "version": "1.2.0",
        "name": "FhirMini",
        "title": "FHIR export test tool",
        "status": "active",
        "date": "2026-11-01",
        "description": "Every question type, condition form and evidence rule, in few questions.",
    }
    assert exported["extension"] == [
        {"url": extension_url("theme-catalogue"), "valueString": "standard@1"}
    ]
    assert exported["useContext"][0]["valueCodeableConcept"] == {"text": "Neglect"}


def test_r5_declares_semver_and_options_only() -> None:
    """R5 says the version is semver and choice questions accept only their options."""
    exported = export_fhir(tool(MINI), fhir_version="R5").resource
    assert exported["versionAlgorithmCoding"]["code"] == "semver"
    assert find(exported, "home_seen")["answerConstraint"] == "optionsOnly"
    assert "versionAlgorithmCoding" not in export_fhir(tool(MINI)).resource


def test_an_http_base_url_gives_rest_style_canonicals() -> None:
    """With an https base, the Questionnaire and code systems sit under it, REST style."""
    exported = export_fhir(tool(MINI), base_url="https://fhir.example.org/audit/").resource
    assert exported["url"] == "https://fhir.example.org/audit/Questionnaire/fhir_mini"
    coding = find(exported, "home_seen")["answerOption"][0]["valueCoding"]
    assert coding["system"] == "https://fhir.example.org/audit/CodeSystem/fhir_mini-ypn"


@pytest.mark.parametrize("base", ["", "neglect", "has space:x", "/relative/path"])
def test_a_base_url_that_is_not_an_absolute_uri_is_refused(base: str) -> None:
    """A base that is not an absolute URI raises ValueError, before anything is built."""
    with pytest.raises(ValueError, match="absolute URI"):
        FhirUrls(base)


def test_scores_become_ordinal_values_in_r4_and_item_weights_in_r5() -> None:
    """Scored options carry their score (R4 ordinalValue on the Coding, R5 itemWeight on the
    option); unscored options, and options of questions that do not score, carry none."""
    r4 = find(export_fhir(tool(MINI)).resource, "home_seen")["answerOption"]
    assert [o["valueCoding"].get("extension") for o in r4] == [
        [{"url": ORDINAL, "valueDecimal": 2}],
        [{"url": ORDINAL, "valueDecimal": 1.5}],
        [{"url": ORDINAL, "valueDecimal": 0}],
        None,
    ]
    r5 = find(export_fhir(tool(MINI), fhir_version="R5").resource, "home_seen")["answerOption"]
    assert [o.get("extension") for o in r5] == [
        [{"url": ITEM_WEIGHT, "valueDecimal": 2}],
        [{"url": ITEM_WEIGHT, "valueDecimal": 1.5}],
        [{"url": ITEM_WEIGHT, "valueDecimal": 0}],
        None,
    ]
    options = find(export_fhir(tool(MINI)).resource, "concerns")["answerOption"]
    assert [o.get("extension") for o in options] == [
        None,
        None,
        [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive",
          "valueBoolean": True}],
    ]


def test_themes_and_weights_are_carried_in_an_extension() -> None:
    """Each theme mapping is one theme extension with the theme id and its weight."""
    item = find(export_fhir(tool(MINI)).resource, "home_recorded")
    themes = [e["extension"] for e in item["extension"] if e["url"] == extension_url("theme")]
    assert themes == [
        [{"url": "theme", "valueCode": "recording"}, {"url": "weight", "valueDecimal": 1}],
        [{"url": "theme", "valueCode": "impact_on_child"}, {"url": "weight", "valueDecimal": 2}],
    ]


def test_limits_units_and_lengths_use_the_core_extensions() -> None:
    """min/max selected and entries become minOccurs/maxOccurs, number limits minValue/maxValue
    (whole numbers for integer questions), the unit questionnaire-unit, max_length maxLength."""
    exported = export_fhir(tool(MINI)).resource
    hl7 = "http://hl7.org/fhir/StructureDefinition/"
    assert find(exported, "concerns")["extension"] == [
        {"url": hl7 + "questionnaire-minOccurs", "valueInteger": 1},
        {"url": hl7 + "questionnaire-maxOccurs", "valueInteger": 2},
    ]
    assert find(exported, "meetings")["extension"] == [
        {"url": hl7 + "questionnaire-minOccurs", "valueInteger": 1},
        {"url": hl7 + "questionnaire-maxOccurs", "valueInteger": 10},
    ]
    assert find(exported, "days_between")["extension"] == [
        {"url": hl7 + "minValue", "valueInteger": 0},
        {"url": hl7 + "maxValue", "valueInteger": 365},
        {"url": hl7 + "questionnaire-unit", "valueCoding": {"display": "days"}},
    ]
    assert find(exported, "hours_spent")["extension"] == [
        {"url": hl7 + "minValue", "valueDecimal": 0.5}
    ]
    assert find(exported, "concern_detail")["maxLength"] == 500


def test_numbering_guidance_and_section_descriptions() -> None:
    """Prefixes number sections, questions and sub-questions as the printed forms do (3.1d);
    guidance is a help display item;
    a section's description is a display item first in the section."""
    exported = export_fhir(tool(MINI)).resource
    prefixes = [(i["linkId"], i["prefix"]) for i in items(exported) if "prefix" in i]
    assert prefixes[:3] == [("section:context", "1"), ("agency_involved", "1.1"),
                            ("involvement_start", "1.2")]
    assert ("report_sent", "3.1d") in prefixes
    guidance = find(exported, "home_seen.guidance")
    assert guidance["type"] == "display"
    assert guidance["text"] == "Count announced and unannounced visits."
    assert guidance["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "help"
    assert find(exported, "section:context")["item"][0] == {
        "linkId": "section:context.description",
        "text": "Answer from your agency's records.",
        "type": "display",
    }


def test_evidence_items_follow_the_evidence_rule() -> None:
    """Every question but a group has evidence and evidence-date items; evidence is required
    where the rule requires it always, and the rule is carried in an extension."""
    exported = export_fhir(tool(MINI)).resource
    rule = extension_url("evidence-rule")
    seen = find(exported, "home_seen.evidence")
    assert (seen["type"], seen["required"]) == ("text", False)
    assert seen["extension"] == [{"url": rule, "extension": [
        {"url": "required", "valueBoolean": False},
        {"url": "required-for", "valueCode": "no"},
        {"url": "required-for", "valueCode": "partly"},
    ]}]
    recorded = find(exported, "home_recorded.evidence")
    assert recorded["required"] is True
    plain = find(exported, "days_between.evidence")
    assert "extension" not in plain
    assert find(exported, "days_between.evidence_date")["type"] == "date"
    assert [i["linkId"] for i in find(exported, "meetings")["item"]][:2] == [
        "meetings.guidance", "meeting_type"
    ]


def test_required_follows_the_question_and_its_group() -> None:
    """required is the question's; a group is required only with min_entries of 1 or more, the
    questions of a group that may have no entries are optional, and no section is required
    (renderers flag a required group, which has no answer of its own, as missing)."""
    text = (DATA / "fhir" / "mini_tool.yaml").read_text(encoding="utf-8")
    relaxed = load_tool(text=text.replace("min_entries: 1", "min_entries: 0"),
                         base_dir=DATA / "fhir")
    strict = export_fhir(tool(MINI)).resource
    assert find(strict, "meetings")["required"] is True
    assert find(strict, "meeting_type")["required"] is True
    exported = export_fhir(relaxed).resource
    assert find(exported, "meetings")["required"] is False
    assert find(exported, "meeting_type")["required"] is False
    assert find(exported, "section:meetings")["required"] is False
    assert find(exported, "section:home")["required"] is False
    assert find(exported, "home_seen")["required"] is True
    assert find(exported, "report_sent")["required"] is False


def _when(condition: dict[str, Any]) -> dict[str, Any]:
    """The enableWhen (and enableBehavior) of concern_detail with ``condition``."""
    text = (DATA / "fhir" / "mini_tool.yaml").read_text(encoding="utf-8")
    start = text.index("      - id: concern_detail")
    end = text.index("      - id: days_between")
    block = (
        "      - id: concern_detail\n        type: text\n        text: Describe.\n"
        f"        when: {json.dumps(condition)}\n"
    )
    changed = load_tool(text=text[:start] + block + text[end:], base_dir=DATA / "fhir")
    exported = export_fhir(changed)
    item = find(exported.resource, "concern_detail")
    found = {k: item[k] for k in ("enableWhen", "enableBehavior", "required") if k in item}
    found["warnings"] = [
        p.code for p in exported.problems if p.pointer == "/sections/1/questions/2/when"
    ]
    return found


def _coding(scale: str, code: str, display: str) -> dict[str, str]:
    return {"system": f"urn:audit-tool:codesystem:fhir_mini-{scale}", "code": code,
            "display": display}


YES = _coding("ypn", "yes", "Yes")
PARTLY = _coding("ypn", "partly", "Partly")
NONE = _coding("concerns", "none", "None of these")

CONDITIONS: list[tuple[dict[str, Any], dict[str, Any]]] = [
    ({"question": "home_seen", "equals": "yes"},
     {"enableWhen": [{"question": "home_seen", "operator": "=", "answerCoding": YES}],
      "required": True, "warnings": []}),
    ({"question": "home_seen", "in": ["yes", "partly"]},
     {"enableWhen": [{"question": "home_seen", "operator": "=", "answerCoding": YES},
                     {"question": "home_seen", "operator": "=", "answerCoding": PARTLY}],
      "enableBehavior": "any", "required": True, "warnings": []}),
    ({"question": "home_seen", "answered": False},
     {"enableWhen": [{"question": "home_seen", "operator": "exists", "answerBoolean": False}],
      "required": True, "warnings": []}),
    ({"not": {"question": "concerns", "equals": "none"}},
     {"enableWhen": [{"question": "concerns", "operator": "!=", "answerCoding": NONE}],
      "required": True, "warnings": []}),
    ({"not": {"question": "home_seen", "in": ["yes", "partly"]}},
     {"enableWhen": [{"question": "home_seen", "operator": "!=", "answerCoding": YES},
                     {"question": "home_seen", "operator": "!=", "answerCoding": PARTLY}],
      "enableBehavior": "all", "required": True, "warnings": []}),
    ({"not": {"any": [{"question": "home_seen", "equals": "yes"},
                      {"not": {"question": "concerns", "answered": True}}]}},
     {"enableWhen": [{"question": "home_seen", "operator": "!=", "answerCoding": YES},
                     {"question": "concerns", "operator": "exists", "answerBoolean": True}],
      "enableBehavior": "all", "required": True, "warnings": []}),
    ({"all": [{"question": "home_seen", "equals": "yes"},
              {"all": [{"question": "concerns", "answered": True}]}]},
     {"enableWhen": [{"question": "home_seen", "operator": "=", "answerCoding": YES},
                     {"question": "concerns", "operator": "exists", "answerBoolean": True}],
      "enableBehavior": "all", "required": True, "warnings": []}),
    ({"all": [{"question": "home_seen", "in": ["yes", "partly"]},
              {"question": "concerns", "answered": True}]},
     {"required": False, "warnings": ["fhir-condition-not-expressible"]}),
    ({"not": {"all": [{"question": "home_seen", "equals": "yes"},
                      {"question": "concerns", "in": ["hygiene", "food"]}]}},
     {"required": False, "warnings": ["fhir-condition-not-expressible"]}),
]


@pytest.mark.parametrize(("condition", "expected"), CONDITIONS)
def test_conditions_become_enable_when_or_a_warning(
    condition: dict[str, Any], expected: dict[str, Any]
) -> None:
    """equals, in, answered and every 'not' of them become enableWhen tests combined by one
    enableBehavior; a mix of all and any gives a warning and an optional question."""
    assert _when(condition) == expected


def test_an_inexpressible_condition_is_carried_whole_and_reported_where_it_is() -> None:
    """The warning names the question and lands on the condition's line; the extension holds
    the condition as JSON, the same as the tool's."""
    loaded = read_tool(DATA / "fhir" / "mini_tool.yaml")
    assert loaded.tool is not None
    exported = export_fhir(loaded.tool)
    located = [loaded.locate(p) for p in exported.problems]
    assert [(p.code, p.severity.value, p.file, p.line, p.column, p.pointer) for p in located] == [
        ("fhir-condition-not-expressible", "warning", str(DATA / "fhir" / "mini_tool.yaml"),
         86, 11, "/sections/1/questions/5/when"),
        ("fhir-condition-not-expressible", "warning", str(DATA / "fhir" / "mini_tool.yaml"),
         125, 15, "/sections/2/questions/1/when"),
    ]
    assert located[0].message == (
        "the condition of question 'home_recorded' cannot be written as FHIR enableWhen: it "
        "mixes 'all' and 'any' (once 'not' is applied), and enableWhen has one enableBehavior "
        "for all its tests; the export carries it in the extension "
        "urn:audit-tool:fhir:extension:condition and makes the question always enabled and "
        "optional"
    )
    assert "reads the repeatable group 'meetings'" in located[1].message
    item = find(exported.resource, "home_recorded")
    carried = [e["valueString"] for e in item["extension"] if e["url"] == CONDITION]
    question = loaded.tool.question("home_recorded")
    assert question is not None
    assert question.question.when is not None
    assert _parse_condition(carried[0]) == question.question.when
    assert "enableWhen" not in item


def test_the_library_never_imports_fhir_resources() -> None:
    """Importing and using the exporter loads no fhir.resources: the extra stays optional."""
    code = (
        "import sys, audit_tool\n"
        "from audit_tool import load_tool, export_fhir\n"
        f"export_fhir(load_tool({str(DATA / 'fhir' / 'mini_tool.yaml')!r}))\n"
        "print(sorted(m for m in sys.modules if m.startswith('fhir')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "[]\n"
