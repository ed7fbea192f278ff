"""A return (one agency's completed questionnaire) as a FHIR QuestionnaireResponse.

The items nest exactly as the Questionnaire of :func:`audit_tool.fhir.export_fhir`
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

from .. import _pointer
from ..codes import problem
from ..conditions import is_answered
from ..problems import Problem
from ..response import Answer, Response
from ..tool import (
    AnyQuestion,
    DateQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    SingleChoiceQuestion,
    TextQuestion,
    Tool,
)
from .common import (
    DEFAULT_BASE_URL,
    FhirExport,
    FhirUrls,
    FhirVersion,
    extension_url,
    is_fhir_date,
)
from .questionnaire import (
    EVIDENCE_DATE_SUFFIX,
    EVIDENCE_DATE_TEXT,
    EVIDENCE_SUFFIX,
    EVIDENCE_TEXT,
    coding,
    section_link_id,
)

__all__ = ["export_fhir_response"]


@dataclass
class _Builder:
    tool: Tool
    response: Response
    urls: FhirUrls
    problems: list[Problem] = field(default_factory=list)

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
        values = response.values()
        sections = []
        placed: set[str] = set()
        for section in tool.sections:
            children: list[dict[str, Any]] = []
            for question in section.questions:
                placed.add(question.id)
                pointer = _pointer.join("/answers", question.id)
                children.extend(
                    self.items(question, response.answers.get(question.id), values, pointer, "")
                )
            if children:
                sections.append(
                    {"linkId": section_link_id(section.id), "text": section.title, "item": children}
                )
        self._unknown(response.answers, placed, "/answers", "")
        for old_id in response.unplaced_answers:
            self.problems.append(
                problem(
                    "fhir-unplaced-answer-not-exported",
                    f"the answer kept by migration for old question '{old_id}' has no question "
                    "in this version, so the FHIR response leaves it out",
                    _pointer.join("/unplaced_answers", old_id),
                )
            )
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
    def items(
        self,
        question: AnyQuestion,
        answer: Answer | None,
        context: Mapping[str, Any],
        pointer: str,
        where: str,
    ) -> list[dict[str, Any]]:
        """The response items for one question's answer (several for a group's entries)."""
        if answer is None:
            return []
        if not is_answered(answer.value):
            if answer.evidence or answer.evidence_date:
                self._evidence_lost(question, pointer, where, "it comes without an answer")
            return []
        if question.when is not None and not question.when.evaluate(context):
            self.problems.append(
                problem(
                    "fhir-answer-not-applicable",
                    f"question '{question.id}'{where} is answered, but its condition does not "
                    "hold, so the FHIR response leaves the answer out",
                    pointer,
                )
            )
            return []
        if isinstance(question, GroupQuestion):
            return self._entries(question, answer, context, pointer)
        answers = self._answers(question, answer.value)
        if isinstance(answers, str):
            self.problems.append(
                problem(
                    "fhir-answer-not-exported",
                    f"the answer to question '{question.id}'{where} {answers}",
                    pointer,
                )
            )
            return []
        evidence = self._evidence(question.id, answer)
        if evidence:
            answers[0]["item"] = evidence
        return [{"linkId": question.id, "text": question.text, "answer": answers}]

    def _entries(
        self, group: GroupQuestion, answer: Answer, context: Mapping[str, Any], pointer: str
    ) -> list[dict[str, Any]]:
        if not isinstance(answer.value, list) or not all(isinstance(e, dict) for e in answer.value):
            self.problems.append(
                problem(
                    "fhir-answer-not-exported",
                    f"the answer to repeatable group '{group.id}' is not a list of entries",
                    pointer,
                )
            )
            return []
        if answer.evidence or answer.evidence_date:
            self._evidence_lost(group, pointer, "", "it is given for the whole group")
        out = []
        for n, entry in enumerate(answer.entries, start=1):
            where = f" (entry {n} of '{group.id}')"
            inner = {**context, **{qid: a.value for qid, a in entry.items()}}
            children: list[dict[str, Any]] = []
            for sub in group.questions:
                children.extend(self.items(sub, entry.get(sub.id), inner, pointer, where))
            self._unknown(entry, {sub.id for sub in group.questions}, pointer, where)
            if children:
                out.append({"linkId": group.id, "text": group.text, "item": children})
        return out

    def _answers(self, question: AnyQuestion, value: Any) -> list[dict[str, Any]] | str:
        """The ``answer`` list for a value, or why the value does not fit the question."""
        if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            scale = self.tool.scale(question.scale)
            many = isinstance(question, MultipleChoiceQuestion)
            chosen = value if many and isinstance(value, list) else [value]
            if many != isinstance(value, list):
                return "is not a list of option values" if many else "is not one option value"
            if scale is None or not all(isinstance(v, str) and v in scale.values for v in chosen):
                return f"is not an option of scale '{question.scale}'"
            return [{"valueCoding": coding(self.urls, self.tool, scale, v)} for v in chosen]
        if isinstance(question, NumberQuestion):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return "is not a number"
            if not question.integer:
                return [{"valueDecimal": value}]
            if not float(value).is_integer():
                return "is not a whole number"
            return [{"valueInteger": int(value)}]
        if isinstance(question, DateQuestion):
            return [{"valueDate": value}] if is_fhir_date(value) else "is not a date (YYYY-MM-DD)"
        assert isinstance(question, TextQuestion)
        return [{"valueString": value}] if isinstance(value, str) else "is not text"

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

    def _evidence_lost(self, question: AnyQuestion, pointer: str, where: str, why: str) -> None:
        self.problems.append(
            problem(
                "fhir-evidence-not-exported",
                f"the evidence for question '{question.id}'{where} has no place in FHIR: {why}",
                pointer,
            )
        )

    def _unknown(
        self, answers: Mapping[str, Answer], known: set[str], pointer: str, where: str
    ) -> None:
        """An error for each answer to a question that is not where the answer is."""
        for qid in answers:
            if qid in known:
                continue
            ref = self.tool.question(qid)
            if where:
                message = f"'{qid}'{where} is not a question of that group"
            elif ref is not None and ref.group is not None:
                message = (
                    f"'{qid}' is a question of repeatable group '{ref.group.id}', "
                    "answered outside the group's entries"
                )
            else:
                message = f"'{qid}' is not a question of '{self.tool.ref}'"
            at = pointer if where else _pointer.join(pointer, qid)
            self.problems.append(problem("fhir-answer-not-exported", message, at))


def export_fhir_response(
    tool: Tool,
    response: Response,
    *,
    base_url: str = DEFAULT_BASE_URL,
    fhir_version: FhirVersion = "R4",
) -> FhirExport:
    """A response as a FHIR QuestionnaireResponse to the tool's exported Questionnaire.

    Use the same ``base_url`` as for :func:`audit_tool.fhir.export_fhir`, so that
    ``questionnaire`` names the Questionnaire. The response is not validated
    against the tool beyond what placing its answers needs: an answer that does
    not fit gives an error (the resource then lacks it); an answer to a question
    that does not apply, and evidence with no place, give warnings.
    ``fhir_version`` is accepted for symmetry: the resource is the same in R4 and R5.
    """
    del fhir_version  # the same elements in R4 and R5
    builder = _Builder(tool, response, FhirUrls(base_url))
    resource = builder.build()
    return FhirExport(resource, tuple(builder.problems))
