"""A tool as a FHIR Questionnaire (R4, or R5 on request), as plain JSON-able data.

The mapping, and what it cannot carry, is documented in ``docs/fhir.md``.
In short: each section is a group item (``linkId`` ``section:<id>``), each
question an item whose ``linkId`` is the question id and whose ``prefix`` is
its number as the printed forms give it (section ``2``, question ``2.3``,
sub-question ``2.3a``: :func:`audit_tool.question_numbers`); a repeatable
group is a repeating group item. Every question other than a group carries
two nested items for evidence, ``<id>.evidence`` (text) and
``<id>.evidence_date`` (date), so that every return can be exported as a
QuestionnaireResponse that fits it.
Guidance is a nested ``display`` item marked as help. Conditions become
``enableWhen``; one that cannot is reported and carried in an extension.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from audit_tool import _args, _pointer
from audit_tool.authoring.describe import question_numbers
from audit_tool.authoring.tool import (
    AnyQuestion,
    DateQuestion,
    EvidenceRule,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    Scale,
    Section,
    SingleChoiceQuestion,
    TextQuestion,
    Tool,
)
from audit_tool.codes import problem
from audit_tool.export.fhir._enable_when import EnableWhen, enable_when
from audit_tool.export.fhir._metadata import metadata_group
from audit_tool.export.fhir.common import (
    DEFAULT_BASE_URL,
    ITEM_CONTROL,
    ITEM_CONTROL_SYSTEM,
    ITEM_WEIGHT,
    MAX_OCCURS,
    MAX_VALUE,
    MIN_OCCURS,
    MIN_VALUE,
    OPTION_EXCLUSIVE,
    ORDINAL_VALUE,
    UNIT,
    USAGE_CONTEXT_TYPE,
    VERSION_ALGORITHM,
    FhirExport,
    FhirUrls,
    FhirVersion,
    extension_url,
)
from audit_tool.problems import Problem

__all__ = [
    "EVIDENCE_DATE_SUFFIX",
    "EVIDENCE_DATE_TEXT",
    "EVIDENCE_SUFFIX",
    "EVIDENCE_TEXT",
    "GUIDANCE_SUFFIX",
    "coding",
    "export_fhir",
    "questionnaire_id",
    "section_link_id",
]

EVIDENCE_SUFFIX = ".evidence"
"""``<question id>.evidence``: the nested item holding evidence text."""
EVIDENCE_DATE_SUFFIX = ".evidence_date"
"""``<question id>.evidence_date``: the nested item holding the date of the evidence."""
GUIDANCE_SUFFIX = ".guidance"
"""``<question id>.guidance``: the nested display item holding guidance."""

EVIDENCE_TEXT = "Evidence: what in your agency's records supports this answer"
EVIDENCE_DATE_TEXT = "Date of the record the evidence comes from"


def section_link_id(section_id: str) -> str:
    """The ``linkId`` of a section's group item (ids of sections and questions may clash)."""
    return f"section:{section_id}"


def questionnaire_id(tool: Tool) -> str | None:
    """A FHIR resource id for the tool version (``home-conditions-1.1.0``), if one fits."""
    candidate = f"{tool.id.replace('_', '-')}-{tool.version}"
    return candidate if len(candidate) <= 64 else None


def coding(urls: FhirUrls, tool: Tool, scale: Scale, value: str) -> dict[str, Any]:
    """The Coding of one option: system per scale, code the stored value, display its label."""
    option = scale.option(value)
    found: dict[str, Any] = {"system": urls.code_system(tool.id, scale.id), "code": value}
    if option is not None:
        found["display"] = option.label
    return found


def _number(value: float) -> int | float:
    """Whole numbers as JSON integers (``2``, not ``2.0``)."""
    return int(value) if float(value).is_integer() else value


def _computable_name(tool_id: str) -> str:
    """``home_conditions`` -> ``HomeConditions`` (FHIR's que-0: ``[A-Z][A-Za-z0-9_]*``)."""
    return "".join(part[:1].upper() + part[1:] for part in tool_id.split("_"))


def _extension(url: str, **value: Any) -> dict[str, Any]:
    return {"url": url, **value}


@dataclass
class _Builder:
    tool: Tool
    urls: FhirUrls
    version: FhirVersion
    problems: list[Problem] = field(default_factory=list)
    numbers: dict[str, str] = field(init=False)
    """Each question's number, as the forms give it."""

    def __post_init__(self) -> None:
        self.numbers = question_numbers(self.tool)

    # -- the resource ------------------------------------------------------
    def questionnaire(self) -> dict[str, Any]:
        tool = self.tool
        out: dict[str, Any] = {"resourceType": "Questionnaire"}
        resource_id = questionnaire_id(tool)
        if resource_id is not None:
            out["id"] = resource_id
        out["extension"] = [
            _extension(extension_url("theme-catalogue"), valueString=tool.catalogue)
        ]
        out["url"] = self.urls.questionnaire(tool.id)
        out["version"] = tool.version
        if self.version == "R5":
            out["versionAlgorithmCoding"] = {"system": VERSION_ALGORITHM, "code": "semver"}
        out["name"] = _computable_name(tool.id)
        out["title"] = tool.title
        out["status"] = tool.status
        published = next((c.date for c in tool.changelog if c.version == tool.version), None)
        if published is not None:
            out["date"] = published.isoformat()
        if tool.description:
            out["description"] = tool.description
        out["useContext"] = [
            {
                "code": {"system": USAGE_CONTEXT_TYPE, "code": "focus"},
                "valueCodeableConcept": {"text": tool.theme},
            }
        ]
        out["item"] = [
            metadata_group(),
            *(self.section(section, s) for s, section in enumerate(tool.sections)),
        ]
        return out

    def section(self, section: Section, s: int) -> dict[str, Any]:
        children: list[dict[str, Any]] = []
        if section.description:
            children.append(
                {
                    "linkId": f"{section_link_id(section.id)}.description",
                    "text": section.description,
                    "type": "display",
                }
            )
        for q, question in enumerate(section.questions):
            pointer = _pointer.join("/sections", s, "questions", q)
            children.append(self.question(question, pointer))
        return {
            "linkId": section_link_id(section.id),
            "prefix": str(s + 1),
            "text": section.title,
            "type": "group",
            # Not required: FHIR renderers (LHC-Forms) flag a required group as missing,
            # for a group holds no answer of its own; its required questions still are.
            "required": False,
            "item": children,
        }

    # -- one question ------------------------------------------------------
    def question(self, question: AnyQuestion, pointer: str) -> dict[str, Any]:
        extensions: list[dict[str, Any]] = [
            _extension(
                extension_url("theme"),
                extension=[
                    {"url": "theme", "valueCode": theme},
                    {"url": "weight", "valueDecimal": _number(weight)},
                ],
            )
            for theme, weight in question.themes.items()
        ]
        prefix = self.numbers[question.id]
        item: dict[str, Any] = {"linkId": question.id, "prefix": prefix, "text": question.text}
        item["type"] = self._type(question)
        required = question.required
        if question.when is not None:
            found = enable_when(self.tool, question.when, self._coding)
            if isinstance(found, EnableWhen):
                item["enableWhen"] = found.tests
                if found.behavior is not None:
                    item["enableBehavior"] = found.behavior
            else:
                required = False
                condition = question.when.model_dump(mode="json", by_alias=True)
                extensions.append(
                    _extension(
                        extension_url("condition"),
                        valueString=json.dumps(condition, separators=(",", ":")),
                    )
                )
                self.problems.append(
                    problem(
                        "fhir-condition-not-expressible",
                        f"the condition of question '{question.id}' cannot be written as FHIR "
                        f"enableWhen: {found.reason}; the export carries it in the extension "
                        f"{extension_url('condition')} and makes the question always enabled "
                        "and optional",
                        _pointer.join(pointer, "when"),
                    )
                )
        if isinstance(question, GroupQuestion):
            # FHIR's required group needs one entry at least; ours may be an empty list.
            required = required and question.min_entries > 0
        elif self._in_optional_entry(question):
            # Renderers show one blank entry of a repeatable group; its required questions
            # would then make "no entries" (no meetings) impossible to return as complete.
            # Within an entry, 'audit-tool validate' still asks for them.
            required = False
        item["required"] = required
        if isinstance(question, (MultipleChoiceQuestion, GroupQuestion)):
            item["repeats"] = True
        extensions.extend(self._limits(question))
        if isinstance(question, TextQuestion) and question.max_length is not None:
            item["maxLength"] = question.max_length
        if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            if self.version == "R5":
                item["answerConstraint"] = "optionsOnly"
            scale = self.tool.scale(question.scale)
            if scale is not None:
                item["answerOption"] = list(self._options(scale, self.tool.is_scored(question)))
        children = self._help(question)
        if isinstance(question, GroupQuestion):
            for k, sub in enumerate(question.questions):
                sub_pointer = _pointer.join(pointer, "questions", k)
                children.append(self.question(sub, sub_pointer))
        else:
            children.extend(self._evidence(question.id, question.evidence, item.get("repeats")))
        if extensions:
            item = {"extension": extensions, **item}
        item["item"] = children
        return item

    def _in_optional_entry(self, question: AnyQuestion) -> bool:
        """True for a sub-question of a repeatable group that may have no entries."""
        ref = self.tool.question(question.id)
        group = ref.group if ref is not None else None
        return group is not None and group.min_entries == 0

    def _type(self, question: AnyQuestion) -> str:
        if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            return "coding" if self.version == "R5" else "choice"
        if isinstance(question, NumberQuestion):
            return "integer" if question.integer else "decimal"
        if isinstance(question, DateQuestion):
            return "date"
        if isinstance(question, GroupQuestion):
            return "group"
        return "text"

    def _limits(self, question: AnyQuestion) -> Iterator[dict[str, Any]]:
        """minOccurs/maxOccurs (choices, entries), minValue/maxValue and unit (numbers)."""
        low: int | None = None
        high: int | None = None
        if isinstance(question, MultipleChoiceQuestion):
            low, high = question.min_selected, question.max_selected
        elif isinstance(question, GroupQuestion):
            low, high = question.min_entries, question.max_entries
        if low:
            yield _extension(MIN_OCCURS, valueInteger=low)
        if high is not None:
            yield _extension(MAX_OCCURS, valueInteger=high)
        if isinstance(question, NumberQuestion):
            for url, limit, rounding in (
                (MIN_VALUE, question.minimum, math.ceil),
                (MAX_VALUE, question.maximum, math.floor),
            ):
                if limit is None:
                    continue
                if question.integer:
                    yield _extension(url, valueInteger=rounding(limit))
                else:
                    yield _extension(url, valueDecimal=_number(limit))
            if question.unit:
                yield _extension(UNIT, valueCoding={"display": question.unit})

    def _options(self, scale: Scale, scored: bool) -> Iterator[dict[str, Any]]:
        for option in scale.options:
            value_coding = self._coding(scale.id, option.value)
            answer: dict[str, Any] = {}
            extensions: list[dict[str, Any]] = []
            if scored and option.score is not None:
                if self.version == "R5":
                    extensions.append(_extension(ITEM_WEIGHT, valueDecimal=_number(option.score)))
                else:
                    weight = _extension(ORDINAL_VALUE, valueDecimal=_number(option.score))
                    value_coding = {"extension": [weight], **value_coding}
            if option.exclusive:
                extensions.append(_extension(OPTION_EXCLUSIVE, valueBoolean=True))
            if extensions:
                answer["extension"] = extensions
            answer["valueCoding"] = value_coding
            yield answer

    def _coding(self, scale_id: str, value: str) -> dict[str, Any]:
        scale = self.tool.scale(scale_id)
        assert scale is not None
        return coding(self.urls, self.tool, scale, value)

    def _help(self, question: AnyQuestion) -> list[dict[str, Any]]:
        if not question.guidance:
            return []
        help_button = {"system": ITEM_CONTROL_SYSTEM, "code": "help", "display": "Help-Button"}
        control = {"coding": [help_button]}
        return [
            {
                "extension": [_extension(ITEM_CONTROL, valueCodeableConcept=control)],
                "linkId": question.id + GUIDANCE_SUFFIX,
                "text": question.guidance,
                "type": "display",
            }
        ]

    def _evidence(
        self, question_id: str, rule: EvidenceRule | None, repeats: bool | None
    ) -> list[dict[str, Any]]:
        evidence: dict[str, Any] = {
            "linkId": question_id + EVIDENCE_SUFFIX,
            "text": EVIDENCE_TEXT,
            "type": "text",
            # Nested under the answer; with several answers (multiple choice) the
            # evidence goes under the first one only, so it cannot be required of each.
            "required": bool(rule is not None and rule.required and not repeats),
        }
        if rule is not None and (rule.required or rule.required_for):
            parts: list[dict[str, Any]] = [{"url": "required", "valueBoolean": rule.required}]
            parts.extend({"url": "required-for", "valueCode": v} for v in rule.required_for)
            evidence = {
                "extension": [_extension(extension_url("evidence-rule"), extension=parts)],
                **evidence,
            }
        evidence_date = {
            "linkId": question_id + EVIDENCE_DATE_SUFFIX,
            "text": EVIDENCE_DATE_TEXT,
            "type": "date",
            "required": False,
        }
        return [evidence, evidence_date]


def export_fhir(
    tool: Tool, *, base_url: str = DEFAULT_BASE_URL, fhir_version: FhirVersion = "R4"
) -> FhirExport:
    """The tool as a FHIR Questionnaire, and a warning for each condition it cannot express.

    Args:
        tool: a loaded tool (``load_tool``); it should have no errors.
        base_url: the base of canonical URLs (``urn:...`` or ``https://...``).
        fhir_version: ``"R4"`` (also valid R4B) or ``"R5"``.

    Returns:
        the Questionnaire as plain data (``resource``), and ``problems`` whose
        pointers lead into the tool (use ``LoadedTool.locate`` to place them).
    """
    tool = _args.typed(tool, Tool, "tool")
    builder = _Builder(tool, FhirUrls(base_url), fhir_version)
    resource = builder.questionnaire()
    return FhirExport(resource, tuple(builder.problems))
