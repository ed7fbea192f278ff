"""export_fhir_response: a return as a FHIR QuestionnaireResponse, and what it cannot place."""

from __future__ import annotations

import json

import pytest

from audit_tool.export.fhir import export_fhir_response, extension_url
from audit_tool.responses.response import Response, read_response

from fhir_cases import as_held, find, read_back, response, response_names, tool, tool_of

MINI = "tests/data/fhir/mini_tool.yaml"
COMPLETE = "tests/data/fhir/responses/complete.yaml"
HEAD = """\
tool: {id: fhir_mini, version: 1.2.0}
case: C9
agency: police
completed: 2026-11-20
answers:
"""


# What the export of each return leaves out, with the problem that says so; any other
# return (every example, every new file) must export whole, with no problem.
LEFT_OUT: dict[str, list[tuple[str, str]]] = {
    "tests/data/fhir/responses/migrated.yaml": [
        ("fhir-answer-not-applicable", "/answers/concern_detail"),
        ("fhir-unplaced-answer-not-exported", "/unplaced_answers/old_question"),
    ],
}


def test_the_table_of_what_is_left_out_names_returns_that_exist() -> None:
    """Every return in LEFT_OUT is one the export tests run over."""
    assert set(LEFT_OUT) <= set(response_names())


@pytest.mark.parametrize("name", response_names())
def test_every_answer_and_evidence_comes_back_out_of_the_export(name: str) -> None:
    """The export reports exactly what LEFT_OUT says it leaves out of the return, and reading
    the QuestionnaireResponse back gives every other answer, entry and evidence."""
    answers = response(name)
    source = tool_of(answers)
    exported = export_fhir_response(source, answers)
    left_out = LEFT_OUT.get(name, [])
    assert [(p.code, p.pointer) for p in exported.problems] == left_out
    expected = as_held(answers.answers)
    for _code, pointer in left_out:
        if pointer.startswith("/answers/"):
            del expected[pointer.removeprefix("/answers/")]
    repeats = {ref.question.id: ref.question.type == "multiple_choice"
               for ref in source.iter_questions()}
    assert read_back(exported.resource.get("item", []), repeats) == expected


def test_who_and_when_go_in_subject_author_authored_and_extensions() -> None:
    """The case pseudonym is the subject's identifier within the round, the agency the
    author's, the completion date 'authored'; round, role and period are extensions."""
    exported = export_fhir_response(tool(MINI), response(COMPLETE)).resource
    header = {k: v for k, v in exported.items() if k != "item"}
    assert header == {
        "resourceType": "QuestionnaireResponse",
        "extension": [
            {"url": extension_url("audit-round"), "valueString": "2026-11-neglect"},
            {"url": extension_url("auditor-role"), "valueString": "Safeguarding lead"},
            {"url": extension_url("audit-period"),
             "valuePeriod": {"start": "2026-01-01", "end": "2026-06-30"}},
        ],
        "questionnaire": "urn:audit-tool:questionnaire:fhir_mini|1.2.0",
        "status": "completed",
        "subject": {"identifier": {"system": "urn:audit-tool:case:2026-11-neglect",
                                   "value": "C1"}},
        "authored": "2026-11-20",
        "author": {"type": "Organization",
                   "identifier": {"system": "urn:audit-tool:agency", "value": "police"}},
    }


def test_an_unfinished_return_is_in_progress_and_has_no_authored_date() -> None:
    """No completion date: status in-progress, no authored; an empty group gives no item."""
    exported = export_fhir_response(
        tool(MINI), response("tests/data/fhir/responses/in_progress.yaml")
    )
    assert exported.problems == ()
    resource = exported.resource
    assert (resource["status"], "authored" in resource) == ("in-progress", False)
    assert resource["subject"]["identifier"]["system"] == "urn:audit-tool:case"
    assert [i["linkId"] for i in resource["item"]] == [
        "audit-return", "section:context", "section:home"]


def test_migration_steps_are_carried_and_unplaced_answers_reported() -> None:
    """Each migration step is an extension naming the earlier Questionnaire version."""
    exported = export_fhir_response(
        tool(MINI), response("tests/data/fhir/responses/migrated.yaml")
    )
    migrated = extension_url("migrated-from")
    steps = [e for e in exported.resource["extension"] if e["url"] == migrated]
    assert steps == [{"url": migrated, "extension": [
        {"url": "questionnaire",
         "valueCanonical": "urn:audit-tool:questionnaire:fhir_mini|1.0.0"},
        {"url": "date", "valueDate": "2026-11-21"},
    ]}]
    assert [(p.code, p.pointer) for p in exported.problems] == [
        ("fhir-answer-not-applicable", "/answers/concern_detail"),
        ("fhir-unplaced-answer-not-exported", "/unplaced_answers/old_question"),
    ]


def test_evidence_of_a_multiple_choice_answer_goes_under_its_first_answer() -> None:
    """Evidence and its date nest under the first answer only."""
    loaded = read_response(text=
        HEAD + '  agency_involved: "yes"\n  home_seen: "yes"\n'
        "  concerns: {value: [food, hygiene], evidence: Seen twice., evidence_date: 2026-05-01}\n"
    )
    assert loaded.response is not None
    item = find(export_fhir_response(tool(MINI), loaded.response).resource, "concerns")
    assert [a["valueCoding"]["code"] for a in item["answer"]] == ["food", "hygiene"]
    assert item["answer"][0]["item"] == [
        {"linkId": "concerns.evidence",
         "text": "Evidence: what in your agency's records supports this answer",
         "answer": [{"valueString": "Seen twice."}]},
        {"linkId": "concerns.evidence_date",
         "text": "Date of the record the evidence comes from",
         "answer": [{"valueDate": "2026-05-01"}]},
    ]
    assert "item" not in item["answer"][1]


SECRET = "Child disclosed at school"
PROBLEMS: list[tuple[str, list[tuple[str, str, int, int, str, str]]]] = [
    (f"  no_such_question: {SECRET}\n", [(
        "fhir-answer-not-exported", "error", 6, 21, "/answers/no_such_question",
        "this key is not a question of 'fhir_mini@1.2.0'",
    )]),
    (f"  {SECRET}: yes\n", [(
        "fhir-answer-not-exported", "error", 6, 30, "/answers/Child disclosed at school",
        "this key is not a question of 'fhir_mini@1.2.0'",
    )]),
    (f"  meetings:\n    - {{meeting_type: icpc, attended: partly, {SECRET}: x}}\n", [(
        "fhir-answer-not-exported", "error", 7, 73,
        "/answers/meetings/0/Child disclosed at school",
        "this key (entry 1 of 'meetings') is not a question of that group",
    )]),
    (f'  agency_involved: "no"\nunplaced_answers:\n  {SECRET}: {{value: kept}}\n', [(
        "fhir-unplaced-answer-not-exported", "warning", 8, 30,
        "/unplaced_answers/Child disclosed at school",
        "the answer kept by migration under this key has no question in this version, so the "
        "FHIR response leaves it out",
    )]),
    ('  attended: "yes"\n', [(
        "fhir-answer-not-exported", "error", 6, 13, "/answers/attended",
        "'attended' is a question of repeatable group 'meetings', answered outside the "
        "group's entries",
    )]),
    (f"  agency_involved: {SECRET}\n", [(
        "fhir-answer-not-exported", "error", 6, 20, "/answers/agency_involved",
        "the answer to question 'agency_involved' is not an option of scale 'yes_no'",
    )]),
    ('  agency_involved: "yes"\n  involvement_start: 2026-02-30\n', [(
        "fhir-answer-not-exported", "error", 7, 22, "/answers/involvement_start",
        "the answer to question 'involvement_start' is not a date written YYYY-MM-DD",
    )]),
    ('  agency_involved: "yes"\n  involvement_start: 2026-W05-1\n', [(
        "fhir-answer-not-exported", "error", 7, 22, "/answers/involvement_start",
        "the answer to question 'involvement_start' is not a date written YYYY-MM-DD",
    )]),
    ('  home_seen: "yes"\n  days_between: 2.5\n', [(
        "fhir-answer-not-exported", "error", 7, 17, "/answers/days_between",
        "the answer to question 'days_between' is not a whole number",
    )]),
    (f'  home_seen: "yes"\n  concerns: {{value: food, evidence: {SECRET}}}\n', [(
        "fhir-answer-not-exported", "error", 7, 13, "/answers/concerns",
        "the answer to question 'concerns' is not a list of options of scale 'concerns'",
    )]),
    ("  meetings: [strategy]\n", [(
        "fhir-answer-not-exported", "error", 6, 13, "/answers/meetings",
        "the answer to repeatable group 'meetings' is not a list of entries",
    )]),
    (f"  meetings:\n    - {{meeting_type: icpc, attended: partly, said: {SECRET}}}\n", [(
        "fhir-answer-not-exported", "error", 7, 52, "/answers/meetings/0/said",
        "this key (entry 1 of 'meetings') is not a question of that group",
    )]),
    (f'  home_seen: {{value: null, evidence: "{SECRET}"}}\n', [(
        "fhir-evidence-not-exported", "warning", 6, 14, "/answers/home_seen",
        "the evidence for question 'home_seen' has no place in FHIR: it comes without an answer",
    )]),
    (f"  meetings: {{value: [{{attended: 'yes'}}], evidence: {SECRET}}}\n", [(
        "fhir-evidence-not-exported", "warning", 6, 13, "/answers/meetings",
        "the evidence for question 'meetings' has no place in FHIR: it is given for the whole "
        "group",
    )]),
    (f'  agency_involved: "no"\n  involvement_start: {{value: 2026-01-05, evidence: {SECRET}}}\n',
     [(
        "fhir-answer-not-applicable", "warning", 7, 22, "/answers/involvement_start",
        "question 'involvement_start' is answered, but its condition does not hold, so the "
        "FHIR response leaves the answer out",
     )]),
    ('  meetings:\n    - {meeting_type: icpc, attended: "yes", report_sent: "no"}\n', [(
        "fhir-answer-not-applicable", "warning", 7, 58, "/answers/meetings/0/report_sent",
        "question 'report_sent' (entry 1 of 'meetings') is answered, but its condition does "
        "not hold, so the FHIR response leaves the answer out",
    )]),
]


@pytest.mark.parametrize(("answers", "expected"), PROBLEMS)
def test_answers_that_do_not_fit_are_reported_where_they_stand(
    answers: str, expected: list[tuple[str, str, int, int, str, str]]
) -> None:
    """Each answer the export cannot place gives one problem at its line, naming the question
    and the rule, never the answer's or the evidence's text."""
    loaded = read_response(text=HEAD + answers, name="r.yaml")
    assert loaded.response is not None
    assert loaded.document is not None
    exported = export_fhir_response(tool(MINI), loaded.response, document=loaded.document.data)
    located = [loaded.document.source.locate(p) for p in exported.problems]
    assert [(p.code, p.severity.value, p.line, p.column, p.pointer, p.message)
            for p in located] == expected
    assert all(SECRET not in p.message and SECRET not in str(p.context) for p in located)


def test_a_nan_in_a_file_is_refused_before_any_export() -> None:
    """NaN written in a return is refused by the reader (invalid-number), so no export sees it."""
    loaded = read_response(
        text=HEAD + '  home_seen: "yes"\n  days_between: 0\n  hours_spent: .nan\n'
    )
    assert loaded.response is None
    assert [(p.code, p.line, p.column, p.pointer) for p in loaded.problems] == [
        ("invalid-number", 8, 16, "/answers/hours_spent")
    ]


def test_a_nan_number_and_a_week_date_are_left_out_of_the_resource() -> None:
    """Answers that only look like a number or a date (NaN given from Python, 2026-W05-1) are
    errors and have no item, so the resource stays valid JSON."""
    loaded = read_response(text=
        HEAD + '  agency_involved: "yes"\n  involvement_start: 2026-W05-1\n'
        '  home_seen: "yes"\n  days_between: 0\n  hours_spent: 1\n'
    )
    assert loaded.document is not None
    data = loaded.document.data
    data["answers"]["hours_spent"] = float("nan")
    exported = export_fhir_response(tool(MINI), Response.model_validate(data))
    assert [(p.code, p.pointer) for p in exported.problems] == [
        ("fhir-answer-not-exported", "/answers/involvement_start"),
        ("fhir-answer-not-exported", "/answers/hours_spent"),
    ]
    json.dumps(exported.resource, allow_nan=False)
    for link in ("involvement_start", "hours_spent"):
        with pytest.raises(KeyError):
            find(exported.resource, link)


def test_a_return_for_another_tool_version_is_an_error() -> None:
    """Exporting a return with a tool version it does not answer is an error at /tool."""
    answers = response(COMPLETE)
    other = Response.model_validate(
        {**answers.model_dump(), "tool": {"id": "fhir_mini", "version": "1.0.0"}}
    )
    exported = export_fhir_response(tool(MINI), other)
    assert [(p.code, p.pointer, p.message) for p in exported.problems] == [
        ("fhir-tool-mismatch", "/tool", "the response answers 'fhir_mini@1.0.0', not "
         "'fhir_mini@1.2.0'"),
    ]
    assert not exported.ok
