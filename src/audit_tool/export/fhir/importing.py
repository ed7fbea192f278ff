"""A FHIR QuestionnaireResponse back into a return (a response file's data).

The reverse of :func:`audit_tool.export.fhir.export_fhir_response`, for responses that a FHIR
forms renderer (LHC-Forms, for instance) made from the Questionnaire of
:func:`audit_tool.export.fhir.export_fhir`: section groups hold question items by linkId, each
repetition of a repeatable group is one entry, evidence and its date are items under the
(first) answer. The return's metadata comes from the ``audit-return`` items the
Questionnaire asks for; where a response lacks them (a response this library exported
before they existed), from ``subject``, ``author``, ``authored`` and the extensions.

The result is data as a response file holds it, not a validated return: run
:func:`audit_tool.validate_response` on it. Problems name items by linkId and place
(a JSON pointer into the QuestionnaireResponse), never an answer's text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from audit_tool import _pointer
from audit_tool.authoring.tool import (
    AnyQuestion,
    DateQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    SingleChoiceQuestion,
    Tool,
)
from audit_tool.codes import problem
from audit_tool.export.fhir._metadata import METADATA_ITEMS, METADATA_LINK_ID
from audit_tool.export.fhir.common import extension_url
from audit_tool.export.fhir.questionnaire import EVIDENCE_DATE_SUFFIX, EVIDENCE_SUFFIX
from audit_tool.problems import Problem

__all__ = ["FhirImport", "import_fhir_response"]

_VERSION = re.compile(r"\|(\d+\.\d+\.\d+)$")
_SAFE_LINK = re.compile(r"^[A-Za-z0-9_:.\-]{1,80}$")


@dataclass(frozen=True)
class FhirImport:
    """A return read out of a QuestionnaireResponse, and what the import had to say."""

    document: dict[str, Any]
    """The return as a response file holds it (dates as ``YYYY-MM-DD`` text)."""
    problems: tuple[Problem, ...] = ()
    """Errors for what does not fit the tool; pointers lead into the QuestionnaireResponse."""

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return not any(p.is_error for p in self.problems)


def _link_name(link: Any) -> str:
    """A linkId as a message may name it: the tool's own ids only, never free text."""
    return f"'{link}'" if isinstance(link, str) and _SAFE_LINK.match(link) else "an item"


@dataclass
class _Reader:
    tool: Tool
    problems: list[Problem] = field(default_factory=list)

    def error(self, code: str, message: str, pointer: str) -> None:
        self.problems.append(problem(code, message, pointer))

    # -- the resource --------------------------------------------------------
    def read(self, resource: Mapping[str, Any]) -> dict[str, Any]:
        tool = self.tool
        document: dict[str, Any] = {"tool": {"id": tool.id, "version": tool.version}}
        self._questionnaire(resource.get("questionnaire"))
        document.update(self._fallback_metadata(resource))
        answers: dict[str, Any] = {}
        items = resource.get("item", [])
        if not isinstance(items, list):
            items = []
        for i, item in enumerate(items):
            pointer = _pointer.join("/item", i)
            link = item.get("linkId") if isinstance(item, dict) else None
            if link == METADATA_LINK_ID:
                self._metadata(item, pointer, document)
            elif isinstance(link, str) and link.startswith("section:"):
                section = link.removeprefix("section:")
                if not any(s.id == section for s in tool.sections):
                    self._unknown(link, pointer)
                    continue
                self._items(item.get("item", []), pointer, None, answers)
            else:
                self._unknown(link, pointer)
        self._empty_groups(answers)
        document["answers"] = answers
        order = ("tool", "round", "case", "agency", "auditor_role", "completed", "period")
        return {k: document[k] for k in (*order, *document) if k in document}

    def _questionnaire(self, canonical: Any) -> None:
        """An error when ``questionnaire`` names another version of the tool."""
        if not isinstance(canonical, str):
            return
        found = _VERSION.search(canonical)
        names_tool = canonical.removesuffix(found.group(0) if found else "").endswith(
            (f":{self.tool.id}", f"/{self.tool.id}")
        )
        if not names_tool or (found is not None and found.group(1) != self.tool.version):
            self.error(
                "fhir-tool-mismatch",
                f"the response is to another Questionnaire than '{self.tool.ref}' exports",
                "/questionnaire",
            )

    def _fallback_metadata(self, resource: Mapping[str, Any]) -> dict[str, Any]:
        """What subject, author, authored and the extensions say (the items come first)."""
        out: dict[str, Any] = {}
        subject = resource.get("subject")
        if isinstance(subject, dict) and isinstance(subject.get("identifier"), dict):
            out["case"] = subject["identifier"].get("value")
        author = resource.get("author")
        if isinstance(author, dict) and isinstance(author.get("identifier"), dict):
            out["agency"] = author["identifier"].get("value")
        if "authored" in resource:
            out["completed"] = str(resource["authored"])[:10]  # a dateTime's day
        for extension in resource.get("extension", []) or []:
            if not isinstance(extension, dict):
                continue
            url = extension.get("url")
            if url == extension_url("audit-round"):
                out["round"] = extension.get("valueString")
            elif url == extension_url("auditor-role"):
                out["auditor_role"] = extension.get("valueString")
            elif url == extension_url("audit-period") and isinstance(
                extension.get("valuePeriod"), dict
            ):
                period = extension["valuePeriod"]
                out["period"] = {"start": period.get("start"), "end": period.get("end")}
        return {k: v for k, v in out.items() if v is not None}

    def _metadata(self, group: Mapping[str, Any], pointer: str, document: dict[str, Any]) -> None:
        by_link = {m.link_id: m for m in METADATA_ITEMS}
        for i, item in enumerate(group.get("item", []) or []):
            where = _pointer.join(pointer, "item", i)
            link = item.get("linkId") if isinstance(item, dict) else None
            wanted = by_link.get(link) if isinstance(link, str) else None
            if wanted is None:
                self._unknown(link, where)
                continue
            value = self._single(item, where, "valueDate" if wanted.type == "date" else
                                 "valueString", link)
            if value is None:
                continue
            if wanted.field.startswith("period."):
                period = document.setdefault("period", {})
                period[wanted.field.removeprefix("period.")] = value
            else:
                document[wanted.field] = value

    # -- questions -----------------------------------------------------------
    def _items(
        self,
        items: Any,
        pointer: str,
        group: GroupQuestion | None,
        answers: dict[str, Any],
    ) -> None:
        if not isinstance(items, list):
            return
        for i, item in enumerate(items):
            where = _pointer.join(pointer, "item", i)
            link = item.get("linkId") if isinstance(item, dict) else None
            ref = self.tool.question(link) if isinstance(link, str) else None
            if ref is None or (ref.group.id if ref.group else None) != (
                group.id if group else None
            ):
                self._unknown(link, where)
                continue
            question = ref.question
            if isinstance(question, GroupQuestion):
                entry: dict[str, Any] = {}
                self._items(item.get("item", []), where, question, entry)
                entries = answers.setdefault(question.id, [])
                if entry and isinstance(entries, list):
                    entries.append(entry)  # a repetition that answers nothing is no entry
                continue
            answer = self._answer(question, item, where)
            if answer is not None:
                answers[question.id] = answer

    def _answer(self, question: AnyQuestion, item: Mapping[str, Any], pointer: str) -> Any:
        given = item.get("answer")
        if not isinstance(given, list) or not given:
            return None
        values = []
        for k, answer in enumerate(given):
            value = self._value(question, answer, _pointer.join(pointer, "answer", k))
            if value is None:
                return None
            values.append(value)
        if not isinstance(question, MultipleChoiceQuestion) and len(values) > 1:
            self.error("fhir-import-bad-answer",
                       f"question '{question.id}' has {len(values)} answers; it takes one",
                       _pointer.join(pointer, "answer"))
            return None
        chosen: Any = values if isinstance(question, MultipleChoiceQuestion) else values[0]
        evidence = self._evidence(question, given[0], _pointer.join(pointer, "answer", 0))
        return {"value": chosen, **evidence} if evidence else chosen

    def _value(self, question: AnyQuestion, answer: Any, pointer: str) -> Any:
        if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            coding = answer.get("valueCoding") if isinstance(answer, dict) else None
            code = coding.get("code") if isinstance(coding, dict) else None
            scale = self.tool.scale(question.scale)
            if isinstance(code, str) and scale is not None and code in scale.values:
                return code
            return self._bad(question, pointer, f"is not a code of scale '{question.scale}'")
        if isinstance(question, NumberQuestion):
            keys = ("valueInteger",) if question.integer else ("valueDecimal", "valueInteger")
        elif isinstance(question, DateQuestion):
            keys = ("valueDate",)
        else:
            keys = ("valueString",)
        found = [answer[k] for k in keys if isinstance(answer, dict) and k in answer]
        if len(found) != 1:
            return self._bad(question, pointer, f"is not one {' or '.join(keys)}")
        return found[0]

    def _bad(self, question: AnyQuestion, pointer: str, why: str) -> None:
        self.error("fhir-import-bad-answer", f"the answer to question '{question.id}' {why}",
                   pointer)

    def _evidence(self, question: AnyQuestion, answer: Any, pointer: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        nested = answer.get("item", []) if isinstance(answer, dict) else []
        for i, item in enumerate(nested if isinstance(nested, list) else []):
            where = _pointer.join(pointer, "item", i)
            link = item.get("linkId") if isinstance(item, dict) else None
            if link == question.id + EVIDENCE_SUFFIX:
                value = self._single(item, where, "valueString", link)
                if value is not None:
                    out["evidence"] = value
            elif link == question.id + EVIDENCE_DATE_SUFFIX:
                value = self._single(item, where, "valueDate", link)
                if value is not None:
                    out["evidence_date"] = value
            else:
                self._unknown(link, where)
        return out

    def _single(self, item: Mapping[str, Any], pointer: str, key: str, link: Any) -> Any:
        given = item.get("answer")
        if not isinstance(given, list) or not given:
            return None
        if len(given) != 1 or not isinstance(given[0], dict) or key not in given[0]:
            self.error("fhir-import-bad-answer",
                       f"item {_link_name(link)} takes one answer, a {key}",
                       _pointer.join(pointer, "answer"))
            return None
        return given[0][key]

    def _unknown(self, link: Any, pointer: str) -> None:
        self.error(
            "fhir-import-unknown-item",
            f"item {_link_name(link)} is not one the Questionnaire of '{self.tool.ref}' asks "
            "for here",
            pointer,
        )

    def _empty_groups(self, answers: dict[str, Any]) -> None:
        """A required repeatable group that may be empty and has no repetition: ``[]``.

        FHIR cannot tell "no entries" (there were no meetings) from "not answered"; the
        renderer's blank entry is dropped, so the return says what it must have meant.
        """
        for ref in self.tool.iter_questions():
            question = ref.question
            if (
                isinstance(question, GroupQuestion)
                and ref.group is None
                and question.required
                and question.min_entries == 0
                and question.when is None
            ):
                answers.setdefault(question.id, [])


def import_fhir_response(tool: Tool, resource: Mapping[str, Any]) -> FhirImport:
    """A QuestionnaireResponse to ``tool``'s exported Questionnaire as a return's data.

    ``resource`` is the parsed JSON. Answers land under their question ids, nested as
    the tool has them; the metadata (case, agency, round, auditor role, period,
    completion date) comes from the ``audit-return`` items, else from the resource's
    subject, author, authored and extensions. Never raises for bad input: what does not
    fit gives an error with a pointer into ``resource`` and is left out. Validate the
    result (:func:`audit_tool.validate_response`) before using it.
    """
    reader = _Reader(tool)
    if not isinstance(resource, Mapping) or resource.get("resourceType") != (
        "QuestionnaireResponse"
    ):
        reader.error(
            "fhir-import-not-a-response",
            "the document is not a FHIR resource of type QuestionnaireResponse",
            "/resourceType" if isinstance(resource, Mapping) else "",
        )
        return FhirImport({}, tuple(reader.problems))
    document = reader.read(resource)
    return FhirImport(document, tuple(reader.problems))
