"""A return (one agency's completed questionnaire) as a FHIR QuestionnaireResponse.

The items nest exactly as the Questionnaire of :func:`audit_tool.export.fhir.export_fhir`
declares them: section group items hold the answered questions, each entry of
a repeatable group is one repetition of the group item, and evidence text and
its date are items nested under the (first) answer. Who and what the return is
about: the case's pseudonym as ``subject.identifier`` (scoped to the round),
the agency as ``author.identifier``, and the round, the auditor's role and the
audit period in extensions. ``docs/fhir.md`` has the details.

Problem messages name questions and places, never an answer's text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from audit_tool import _args, _pointer
from audit_tool._validation import key_name
from audit_tool.authoring.tool import (
    AnyQuestion,
    DateQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    Tool,
)
from audit_tool.codes import problem
from audit_tool.export.fhir._metadata import metadata_answers
from audit_tool.export.fhir.common import (
    DEFAULT_BASE_URL,
    FhirExport,
    FhirUrls,
    FhirVersion,
    extension_url,
)
from audit_tool.export.fhir.questionnaire import (
    EVIDENCE_DATE_SUFFIX,
    EVIDENCE_DATE_TEXT,
    EVIDENCE_SUFFIX,
    EVIDENCE_TEXT,
    coding,
    section_link_id,
)
from audit_tool.problems import Problem
from audit_tool.responses._value_checks import type_mismatch
from audit_tool.responses.answers import AnswerSlot, StrayAnswer, stray_answers, walk_answers
from audit_tool.responses.response import Answer, Response

__all__ = ["export_fhir_response"]


@dataclass
class _Builder:
    tool: Tool
    response: Response
    urls: FhirUrls
    document: Mapping[str, Any] | None
    problems: list[Problem] = field(default_factory=list)
    placed_groups: set[str] = field(default_factory=set)
    """The repeatable groups whose entries the resource holds."""

    def build(self) -> dict[str, Any]:
        tool, response = self.tool, self.response
        if (response.tool.id, response.tool.version) != (tool.id, tool.version):
            self.problems.append(
                problem(
                    "fhir-tool-mismatch",
                    f"the response answers '{response.tool.ref}', not '{tool.ref}'",
                    "/tool",
                )
            )
        by_section: dict[str, list[dict[str, Any]]] = {}
        entry_items: dict[str, dict[str, Any]] = {}  # by the entry's pointer
        for slot in walk_answers(tool, response, self.document):
            items = by_section.setdefault(slot.ref.section.id, [])
            group = slot.ref.group
            if isinstance(slot.question, GroupQuestion):
                self._group(slot)
            elif group is None:
                items.extend(self._question(slot, ""))
            elif group.id in self.placed_groups and slot.entry is not None and slot.entry_pointer:
                # Sub-questions follow their group's slot entry by entry: one repetition
                # of the group item per entry that has an answer, where the group stands.
                children = self._question(slot, _in_entry(group.id, slot.entry))
                entry = entry_items.get(slot.entry_pointer)
                if children and entry is None:
                    entry = {"linkId": group.id, "text": group.text, "item": []}
                    entry_items[slot.entry_pointer] = entry
                    items.append(entry)
                if entry is not None:
                    entry["item"].extend(children)
        for stray in stray_answers(tool, response, self.document):
            if stray.group is None or stray.group.id in self.placed_groups:
                self._unknown(stray)
        for old_id in response.unplaced_answers:
            self.problems.append(
                problem(
                    "fhir-unplaced-answer-not-exported",
                    "the answer kept by migration under this key has no question "
                    "in this version, so the FHIR response leaves it out",
                    _pointer.join("/unplaced_answers", old_id),
                )
            )
        about = metadata_answers(response)
        sections = [
            *([about] if about is not None else []),
            *(
                {"linkId": section_link_id(s.id), "text": s.title, "item": by_section[s.id]}
                for s in tool.sections
                if by_section.get(s.id)
            ),
        ]
        return self._resource(sections)

    def _resource(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        response, urls = self.response, self.urls
        extensions: list[dict[str, Any]] = []
        if response.round:
            extensions.append({"url": extension_url("audit-round"), "valueString": response.round})
        if response.auditor_role:
            extensions.append(
                {"url": extension_url("auditor-role"), "valueString": response.auditor_role}
            )
        if response.period is not None:
            period = {
                "start": response.period.start.isoformat(),
                "end": response.period.end.isoformat(),
            }
            extensions.append({"url": extension_url("audit-period"), "valuePeriod": period})
        for step in response.migrated_from:
            canonical = f"{urls.questionnaire(step.tool.id)}|{step.tool.version}"
            parts = [
                {"url": "questionnaire", "valueCanonical": canonical},
                {"url": "date", "valueDate": step.date.isoformat()},
            ]
            extensions.append({"url": extension_url("migrated-from"), "extension": parts})
        out: dict[str, Any] = {"resourceType": "QuestionnaireResponse"}
        if extensions:
            out["extension"] = extensions
        out["questionnaire"] = f"{urls.questionnaire(self.tool.id)}|{self.tool.version}"
        out["status"] = "completed" if response.completed is not None else "in-progress"
        out["subject"] = {
            "identifier": {"system": urls.case_system(response.round), "value": response.case}
        }
        if response.completed is not None:
            out["authored"] = response.completed.isoformat()
        out["author"] = {
            "type": "Organization",
            "identifier": {"system": urls.agency_system(), "value": response.agency},
        }
        if items:
            out["item"] = items
        return out

    # -- answers -----------------------------------------------------------
    def _placeable(self, slot: AnswerSlot, where: str) -> Answer | None:
        """The slot's answer when it has a place in FHIR; a problem when it has not."""
        answer = slot.answer
        if answer is None:
            return None
        if not slot.answered:
            if answer.evidence or answer.evidence_date:
                self._evidence_lost(slot, where, "it comes without an answer")
            return None
        if not slot.applies:
            self.problems.append(
                problem(
                    "fhir-answer-not-applicable",
                    f"question '{slot.question.id}'{where} is answered, but its condition does "
                    "not hold, so the FHIR response leaves the answer out",
                    slot.pointer,
                )
            )
            return None
        return answer

    def _question(self, slot: AnswerSlot, where: str) -> list[dict[str, Any]]:
        """The response item of one question's answer (none when it has no place)."""
        answer = self._placeable(slot, where)
        if answer is None:
            return []
        question = slot.question
        answers = self._answers(question, answer.value)
        if isinstance(answers, str):
            self.problems.append(
                problem(
                    "fhir-answer-not-exported",
                    f"the answer to question '{question.id}'{where} {answers}",
                    slot.pointer,
                )
            )
            return []
        evidence = self._evidence(question.id, answer)
        if evidence:
            answers[0]["item"] = evidence
        return [{"linkId": question.id, "text": question.text, "answer": answers}]

    def _group(self, slot: AnswerSlot) -> None:
        """Whether the group's entries have a place (``placed_groups``); a problem if not."""
        answer = self._placeable(slot, "")
        if answer is None:
            return
        group = slot.question
        if not isinstance(answer.value, list) or not all(isinstance(e, dict) for e in answer.value):
            self.problems.append(
                problem(
                    "fhir-answer-not-exported",
                    f"the answer to repeatable group '{group.id}' is not a list of entries",
                    slot.pointer,
                )
            )
            return
        if answer.evidence or answer.evidence_date:
            self._evidence_lost(slot, "", "it is given for the whole group")
        self.placed_groups.add(group.id)

    def _answers(self, question: AnyQuestion, value: Any) -> list[dict[str, Any]] | str:
        """The ``answer`` list for a value, or why the value does not fit the question."""
        wanted = type_mismatch(question, value)
        if wanted is not None:
            return f"is not {wanted}"
        if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            scale = self.tool.scale(question.scale)
            chosen = value if isinstance(question, MultipleChoiceQuestion) else [value]
            if scale is None or not all(v in scale.values for v in chosen):
                return f"is not an option of scale '{question.scale}'"
            return [{"valueCoding": coding(self.urls, self.tool, scale, v)} for v in chosen]
        if isinstance(question, NumberQuestion):
            if not question.integer:
                return [{"valueDecimal": value}]
            if not float(value).is_integer():
                return "is not a whole number"
            return [{"valueInteger": int(value)}]
        if isinstance(question, DateQuestion):
            return [{"valueDate": value}]
        assert isinstance(question, TextQuestion)
        return [{"valueString": value}]

    def _evidence(self, question_id: str, answer: Answer) -> list[dict[str, Any]]:
        items = []
        if answer.evidence:
            items.append(
                {
                    "linkId": question_id + EVIDENCE_SUFFIX,
                    "text": EVIDENCE_TEXT,
                    "answer": [{"valueString": answer.evidence}],
                }
            )
        if answer.evidence_date is not None:
            items.append(
                {
                    "linkId": question_id + EVIDENCE_DATE_SUFFIX,
                    "text": EVIDENCE_DATE_TEXT,
                    "answer": [{"valueDate": answer.evidence_date.isoformat()}],
                }
            )
        return items

    def _evidence_lost(self, slot: AnswerSlot, where: str, why: str) -> None:
        self.problems.append(
            problem(
                "fhir-evidence-not-exported",
                f"the evidence for question '{slot.question.id}'{where} has no place in FHIR: "
                f"{why}",
                slot.pointer,
            )
        )

    def _unknown(self, stray: StrayAnswer) -> None:
        """An error for an answer to a question that is not where the answer is."""
        owner = stray.owner
        name = key_name(stray.key, () if owner is None else (owner.question.id,))
        if stray.group is not None and stray.entry is not None:
            where = _in_entry(stray.group.id, stray.entry)
            message = f"{name}{where} is not a question of that group"
        elif owner is not None and owner.group is not None:
            message = (
                f"{name} is a question of repeatable group '{owner.group.id}', "
                "answered outside the group's entries"
            )
        else:
            message = f"{name} is not a question of '{self.tool.ref}'"
        self.problems.append(problem("fhir-answer-not-exported", message, stray.pointer))


def _in_entry(group_id: str, index: int) -> str:
    return f" (entry {index + 1} of '{group_id}')"


def export_fhir_response(
    tool: Tool,
    response: Response,
    *,
    base_url: str = DEFAULT_BASE_URL,
    fhir_version: FhirVersion = "R4",
    document: Mapping[str, Any] | None = None,
) -> FhirExport:
    """A response as a FHIR QuestionnaireResponse to the tool's exported Questionnaire.

    Use the same ``base_url`` as for :func:`audit_tool.export.fhir.export_fhir`, so that
    ``questionnaire`` names the Questionnaire. The response is not validated
    against the tool beyond what placing its answers needs: an answer that does
    not fit gives an error (the resource then lacks it); an answer to a question
    that does not apply, and evidence with no place, give warnings.
    ``fhir_version`` is accepted for symmetry: the resource is the same in R4 and R5.
    ``document`` is the response file as read (``LoadedResponse.document.data``): with it,
    problem pointers follow the form each answer was written in (bare or full).
    """
    tool = _args.typed(tool, Tool, "tool")
    response = _args.typed(response, Response, "response")
    del fhir_version  # the same elements in R4 and R5
    builder = _Builder(tool, response, FhirUrls(base_url), document)
    resource = builder.build()
    return FhirExport(resource, tuple(builder.problems))
