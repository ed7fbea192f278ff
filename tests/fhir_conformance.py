"""FHIR rules that fhir.resources does not check, for the export tests.

fhir.resources validates the shape of a resource (elements, cardinalities,
choice types, primitive formats) but neither the code lists with a required
binding nor the Questionnaire invariants, nor whether a QuestionnaireResponse
fits its Questionnaire. This module checks those, written from the FHIR R4 and
R5 Questionnaire / QuestionnaireResponse pages, independently of the exporter:
each function returns a list of messages (empty when the resource conforms).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

ITEM_TYPES = {
    "R4": {"group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time",
           "string", "text", "url", "choice", "open-choice", "attachment", "reference",
           "quantity"},
    "R5": {"group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time",
           "string", "text", "url", "coding", "attachment", "reference", "quantity"},
}
OPTION_TYPES = {"R4": {"choice", "open-choice"}, "R5": {"coding", "decimal", "integer", "date",
                                                        "dateTime", "time", "string"}}
MAX_LENGTH_TYPES = {"boolean", "decimal", "integer", "string", "text", "url", "open-choice"}
OPERATORS = {"exists", "=", "!=", ">", "<", ">=", "<="}
PUBLICATION_STATUS = {"draft", "active", "retired", "unknown"}
RESPONSE_STATUS = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}
ANSWER_KEY = {  # item type -> the one value[x] its answers (and enableWhen tests) use
    "choice": "Coding", "coding": "Coding", "decimal": "Decimal", "integer": "Integer",
    "date": "Date", "text": "String", "string": "String", "boolean": "Boolean",
}
NAME = re.compile(r"^[A-Z]([A-Za-z0-9_]){0,254}$")


def _items(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for item in items:
        yield item
        yield from _items(item.get("item", []))


def _value(element: dict[str, Any], prefix: str) -> tuple[str, Any] | None:
    found = [(k[len(prefix):], v) for k, v in element.items() if k.startswith(prefix)]
    return found[0] if len(found) == 1 else None


def _same_coding(a: Any, b: Any) -> bool:
    return isinstance(a, dict) and isinstance(b, dict) and (
        (a.get("system"), a.get("code")) == (b.get("system"), b.get("code"))
    )


def questionnaire_problems(q: dict[str, Any], version: str) -> list[str]:
    """What in Questionnaire ``q`` breaks FHIR's code lists or invariants (que-0 to que-12)."""
    out: list[str] = []
    if q.get("status") not in PUBLICATION_STATUS:
        out.append(f"status {q.get('status')!r} is not a publication status")
    if "name" in q and not NAME.match(q["name"]):
        out.append(f"que-0: name {q['name']!r} is not usable as an identifier")
    every = list(_items(q.get("item", [])))
    by_link: dict[str, dict[str, Any]] = {}
    for item in every:
        link = item["linkId"]
        if link in by_link:
            out.append(f"que-2: linkId {link!r} is not unique")
        by_link[link] = item
    for item in every:
        link, kind, children = item["linkId"], item.get("type"), item.get("item", [])
        if kind not in ITEM_TYPES[version]:
            out.append(f"{link}: type {kind!r} is not a {version} item type")
        if kind == "group" and not children:
            out.append(f"que-1: group {link!r} has no nested items")
        if kind == "display" and children:
            out.append(f"que-1: display {link!r} has nested items")
        if kind == "display" and ("required" in item or "repeats" in item):
            out.append(f"que-6: display {link!r} sets required or repeats")
        if "answerOption" in item and kind not in OPTION_TYPES[version]:
            out.append(f"que-5: {link!r} of type {kind!r} has answerOption")
        if "maxLength" in item and kind not in MAX_LENGTH_TYPES:
            out.append(f"que-10: {link!r} of type {kind!r} has maxLength")
        tests = item.get("enableWhen", [])
        if len(tests) > 1 and item.get("enableBehavior") not in {"all", "any"}:
            out.append(f"que-12: {link!r} has several enableWhen and no enableBehavior")
        for test in tests:
            out.extend(_enable_when_problems(link, test, by_link))
        for ext in _extensions(item):
            if ":" not in ext.get("url", ""):
                out.append(f"{link}: extension url {ext.get('url')!r} is not absolute")
    return out


def _extensions(element: Any) -> Iterator[dict[str, Any]]:
    """The extensions on an element and its parts (not nested items; not the parts of a
    complex extension, whose urls are relative names)."""
    if isinstance(element, dict):
        for key, value in element.items():
            if key == "extension":
                yield from value
                for ext in value:
                    yield from _extensions({k: v for k, v in ext.items() if k != "extension"})
            elif key != "item":
                yield from _extensions(value)
    elif isinstance(element, list):
        for value in element:
            yield from _extensions(value)


def _enable_when_problems(
    link: str, test: dict[str, Any], by_link: dict[str, dict[str, Any]]
) -> list[str]:
    out = []
    operator = test.get("operator")
    if operator not in OPERATORS:
        out.append(f"{link}: enableWhen operator {operator!r} is unknown")
    target = by_link.get(test.get("question", ""))
    answer = _value(test, "answer")
    if target is None:
        return [*out, f"{link}: enableWhen reads {test.get('question')!r}, which is no item"]
    if target.get("type") in {"group", "display"}:
        out.append(f"{link}: enableWhen reads {target['linkId']!r}, a {target['type']}")
    if answer is None:
        return [*out, f"{link}: enableWhen needs exactly one answer[x]"]
    kind, value = answer
    if operator == "exists":
        if kind != "Boolean":
            out.append(f"que-7: {link}: 'exists' needs answerBoolean")
        return out
    expected = ANSWER_KEY.get(target.get("type", ""))
    if kind != expected:
        out.append(f"{link}: enableWhen on {target['linkId']!r} uses answer{kind}, "
                   f"not answer{expected}")
    elif kind == "Coding" and not any(
        _same_coding(value, o.get("valueCoding")) for o in target.get("answerOption", [])
    ):
        out.append(f"{link}: enableWhen compares with a code {target['linkId']!r} does not offer")
    return out


# -- a response against its questionnaire ---------------------------------------------
def response_problems(qr: dict[str, Any], q: dict[str, Any]) -> list[str]:
    """Where response ``qr`` does not fit questionnaire ``q`` (linkIds, nesting, answer
    types, codes, repeats, enableWhen and, for a completed response, required items)."""
    out: list[str] = []
    if qr.get("questionnaire") != f"{q['url']}|{q['version']}":
        out.append(f"questionnaire {qr.get('questionnaire')!r} does not name {q['url']}")
    if qr.get("status") not in RESPONSE_STATUS:
        out.append(f"status {qr.get('status')!r} is not a response status")
    completed = qr.get("status") == "completed"
    repeating = {i["linkId"] for i in _items(q.get("item", [])) if i.get("type") == "group"
                 and i.get("repeats")}
    answers = _answers_by_link(qr.get("item", []), repeating)
    _walk(q.get("item", []), qr.get("item", []), answers, completed, "", out, repeating)
    return out


def _answers_by_link(
    items: list[dict[str, Any]], repeating: set[str] = frozenset()  # type: ignore[assignment]
) -> dict[str, list[Any]]:
    """Answer values by linkId (the context enableWhen reads), not looking inside the
    repetitions of ``repeating`` groups: an item there is read only in its own repetition."""
    found: dict[str, list[Any]] = {}
    for item in items:
        for answer in item.get("answer", []):
            value = _value(answer, "value")
            if value is not None:
                found.setdefault(item["linkId"], []).append(value[1])
            found.update(_answers_by_link(answer.get("item", []), repeating))
        if item["linkId"] not in repeating:
            found.update(_answers_by_link(item.get("item", []), repeating))
    return found


def _enabled(item: dict[str, Any], context: dict[str, list[Any]]) -> bool:
    tests = item.get("enableWhen", [])
    if not tests:
        return True
    results = []
    for test in tests:
        given = context.get(test["question"], [])
        answer = _value(test, "answer")
        assert answer is not None
        kind, expected = answer
        equal = any(
            _same_coding(g, expected) if kind == "Coding" else g == expected for g in given
        )
        results.append(
            bool(given) == expected if test["operator"] == "exists"
            else equal if test["operator"] == "=" else not equal
        )
    return any(results) if item.get("enableBehavior") == "any" else all(results)


def _walk(
    q_items: list[dict[str, Any]],
    r_items: list[dict[str, Any]],
    context: dict[str, list[Any]],
    completed: bool,
    path: str,
    out: list[str],
    repeating: set[str],
) -> None:
    order = {item["linkId"]: n for n, item in enumerate(q_items)}
    declared = {item["linkId"]: item for item in q_items}
    last = -1
    seen: dict[str, int] = {}
    for r_item in r_items:
        link = r_item.get("linkId", "")
        where = f"{path}/{link}"
        q_item = declared.get(link)
        if q_item is None:
            out.append(f"{where}: no item {link!r} at this place in the questionnaire")
            continue
        if order[link] < last:
            out.append(f"{where}: items are not in the questionnaire's order")
        last = order[link]
        seen[link] = seen.get(link, 0) + 1
        kind = q_item.get("type")
        if seen[link] > 1 and not (kind == "group" and q_item.get("repeats")):
            out.append(f"{where}: appears twice (qrs-2: answers go in one item)")
        if kind == "display":
            out.append(f"{where}: a display item has no place in a response")
        elif kind == "group":
            if "answer" in r_item or not r_item.get("item"):
                out.append(f"{where}: a group holds items, not answers")
            inner = {**context, **_answers_by_link(r_item.get("item", []), repeating)}
            _walk(q_item.get("item", []), r_item.get("item", []), inner, completed, where, out,
                  repeating)
        else:
            _question(q_item, r_item, context, completed, where, out, repeating)
    for q_item in q_items:
        link = q_item["linkId"]
        if q_item.get("type") == "display":
            continue
        enabled = _enabled(q_item, context)
        if link in seen and not enabled:
            out.append(f"{path}/{link}: answered, but its enableWhen does not hold")
        if completed and enabled and q_item.get("required") and link not in seen:
            out.append(f"{path}/{link}: required, enabled and missing")


def _question(
    q_item: dict[str, Any],
    r_item: dict[str, Any],
    context: dict[str, list[Any]],
    completed: bool,
    where: str,
    out: list[str],
    repeating: set[str],
) -> None:
    if "item" in r_item:
        out.append(f"{where}: items under a question go under its answer")
    answers = r_item.get("answer", [])
    if not answers:
        out.append(f"{where}: a question item with no answer")
    if len(answers) > 1 and not q_item.get("repeats"):
        out.append(f"{where}: several answers to a question that does not repeat")
    expected = ANSWER_KEY.get(q_item.get("type", ""))
    for answer in answers:
        value = _value(answer, "value")
        if value is None or value[0] != expected:
            out.append(f"{where}: an answer that is not one value{expected}")
        elif expected == "Coding" and not any(
            _same_coding(value[1], o.get("valueCoding")) for o in q_item.get("answerOption", [])
        ):
            out.append(f"{where}: a code the item does not offer")
    for answer in answers:  # nested items are answered under each answer
        _walk(q_item.get("item", []), answer.get("item", []), context, completed, where, out,
              repeating)
