"""migrate(response, old, new) and audit-tool migrate: answers carried, nothing dropped."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from audit_tool import (
    MigrationError,
    Response,
    load_response,
    load_tool,
    read_response,
    validate_response,
)
from audit_tool.authoring import fingerprint
from audit_tool.responses import Answer, ToolRef
from audit_tool.versions.migration import (
    Carried,
    Outstanding,
    Recoded,
    Unplaced,
    dump_response,
    migrate,
)
from audit_tool.versions.rules import EXAMPLE_TOOL, Example

from conftest import ROOT, CliResult

V1_PATH = ROOT / "tools" / "neglect_v1.yaml"
EXAMPLES_V1 = sorted((ROOT / "examples" / "responses" / "neglect_v1").glob("*.yaml"))
V2_PATH = ROOT / "tools" / "neglect_v2.yaml"
V1, V2 = load_tool(V1_PATH), load_tool(V2_PATH)
OLD = load_tool(text=EXAMPLE_TOOL)
TODAY = datetime.date(2026, 11, 25)
Cli = Callable[..., CliResult]


def _edited(*edits: tuple[str, str]) -> Any:
    edited = Example((("version: 1.0.0", "version: 2.0.0"), *edits)).apply(EXAMPLE_TOOL)
    return load_tool(text=edited)


def _response(tool_version: str = "1.0.0", **answers: Any) -> Response:
    return Response.model_validate({
        "tool": {"id": "example", "version": tool_version},
        "case": "C1",
        "agency": "police",
        "answers": answers,
    })


def _v1_return() -> Response:
    """A complete v1 return: the second option everywhere, evidence where v1 asks for it."""
    answers: dict[str, Any] = {}
    for ref in V1.iter_questions():
        q = ref.question
        scale = V1.scale_of(q)
        if scale is not None:
            value = scale.values[1]
            answers[q.id] = (
                {"value": value, "evidence": "Seen in the case notes."}
                if q.evidence is not None and q.evidence.requires(value)
                else value
            )
        else:
            answers[q.id] = "Agency notes summarised."
    return Response.model_validate({
        "tool": {"id": "neglect", "version": "1.0.0", "fingerprint": "sha256:" + "0" * 64},
        "case": "C7",
        "agency": "health_acute",
        "answers": answers,
    })


# --- v1 -> v2 ------------------------------------------------------------------------


def test_a_v1_return_moves_to_v2_with_the_replaced_and_removed_answers_kept_aside() -> None:
    """effective_plan (replaced) and multi_agency_meetings (removed) go to unplaced_answers,
    with the reason; every other answer is carried under its own id."""
    response = _v1_return()
    result = migrate(response, V1, V2, today=TODAY)
    assert [(u.question, u.key) for u in result.unplaced] == [
        ("effective_plan", "effective_plan"),
        ("multi_agency_meetings", "multi_agency_meetings"),
    ]
    assert result.unplaced[0].reason.startswith("replaced by a different question: ")
    assert "outcome_plan" in result.unplaced[0].reason
    assert result.unplaced[1].reason == "the question is removed"
    migrated = result.response
    assert migrated.unplaced_answers == {
        "effective_plan": response.answers["effective_plan"],
        "multi_agency_meetings": response.answers["multi_agency_meetings"],
    }
    assert set(migrated.answers) == set(response.answers) - set(migrated.unplaced_answers)
    assert all(c.old == c.new for c in result.carried)


def test_a_migrated_return_names_v2_and_records_v1() -> None:
    """The tool ref becomes neglect 2.0.0 with v2's fingerprint in place of v1's;
    migrated_from records 1.0.0 as it was named."""
    migrated = migrate(_v1_return(), V1, V2, today=TODAY).response
    assert (migrated.tool.ref, migrated.tool.fingerprint) == ("neglect@2.0.0", fingerprint(V2))
    assert [(s.tool.ref, s.date) for s in migrated.migrated_from] == [("neglect@1.0.0", TODAY)]
    assert migrated.migrated_from[0].tool.fingerprint == "sha256:" + "0" * 64


def test_a_return_without_a_fingerprint_gets_none() -> None:
    """A response that named no fingerprint is not given one."""
    unpinned = _v1_return().model_copy(update={"tool": ToolRef(id="neglect", version="1.0.0")})
    assert migrate(unpinned, V1, V2, today=TODAY).response.tool.fingerprint is None


@pytest.mark.parametrize("example", EXAMPLES_V1, ids=lambda p: p.name)
def test_the_v1_examples_validate_under_v2_but_for_what_the_run_reports(example: Path) -> None:
    """Each shipped v1 example, migrated, fails v2 validation only for the questions the run
    lists as to answer now (missing-answer) and the answers it lists as needing evidence."""
    response = load_response(example)
    result = migrate(response, V1, V2, today=TODAY)
    problems = [p for p in validate_response(V2, result.response, today=TODAY) if p.is_error]
    assert sorted((p.code, p.context.get("question")) for p in problems) == sorted(
        [("missing-answer", u.question) for u in result.unanswered]
        + [("evidence-missing", n.question) for n in result.needs_evidence]
    )
    assert result.unanswered
    assert {u.question for u in result.unplaced} == {"effective_plan", "multi_agency_meetings"}
    assert validate_response(V1, response, today=TODAY) == []


def test_the_new_v2_questions_are_reported_as_unanswered() -> None:
    """What the auditor must now answer: v2's new required questions that apply, the meetings
    group among them; not school_records, which applies to education only."""
    result = migrate(_v1_return(), V1, V2, today=TODAY)
    unanswered = [u.question for u in result.unanswered]
    assert "meetings" in unanswered
    assert "outcome_plan" in unanswered
    assert "school_records" not in unanswered
    v1_ids = {r.question.id for r in V1.iter_questions()}
    assert not set(unanswered) & v1_ids


def test_answers_that_v2_wants_evidence_for_are_reported() -> None:
    """v2 asks for evidence on chronology_current when it is 'partly': listed, not invented."""
    result = migrate(_v1_return(), V1, V2, today=TODAY)
    assert result.needs_evidence == (
        Outstanding("chronology_current", "/answers/chronology_current"),
    )


def test_a_response_for_another_version_is_refused() -> None:
    """Migrating from a version the response does not answer raises MigrationError."""
    with pytest.raises(MigrationError, match=r"answers neglect@1\.0\.0, not neglect@2\.0\.0"):
        migrate(_v1_return(), V2, V2)


# --- renames, re-codings, option maps --------------------------------------------------


def test_a_declared_question_rename_carries_the_answer_under_the_new_id() -> None:
    """summary renamed home_summary: the answer, evidence included, moves to the new id."""
    new = _edited(
        ("      - id: summary\n", "      - id: home_summary\n        renamed_from: [summary]\n")
    )
    answer = {"value": "Notes.", "evidence": "Case file."}
    result = migrate(_response(summary=answer), OLD, new, today=TODAY)
    assert result.carried == (Carried("summary", "home_summary"),)
    assert result.response.answers == {"home_summary": Answer.model_validate(answer)}


def test_a_declared_option_recoding_recodes_the_answer() -> None:
    """An option re-coded with renamed_from: the stored value follows, and the run says so."""
    new = _edited((
        "{value: requires_improvement, label: Requires improvement, score: 1}",
        "{value: needs_improvement, label: Requires improvement, score: 1, "
        "renamed_from: [requires_improvement]}",
    ))
    result = migrate(_response(overall="requires_improvement"), OLD, new, today=TODAY)
    assert result.response.answers["overall"].value == "needs_improvement"
    assert result.recoded == (Recoded("overall", "requires_improvement", "needs_improvement"),)


def test_an_option_map_carries_values_to_another_scale() -> None:
    """A question swapped to another scale maps old values through its option_map."""
    new = _edited((
        "        scale: yes_no\n        text: Was a referral made about the home?\n",
        "        scale: ypn\n        text: Was a referral made about the home?\n"
        "        option_map: {\"no\": not_applicable}\n",
    ))
    result = migrate(_response(referred="no"), OLD, new, today=TODAY)
    assert result.response.answers["referred"].value == "not_applicable"


def test_multiple_choice_values_are_recoded_one_by_one() -> None:
    """Each chosen value of a multiple-choice answer is carried; a removed one keeps the whole
    answer aside."""
    recoded = _edited((
        "{value: food, label: No food in the home}",
        "{value: no_food, label: No food in the home, renamed_from: [food]}",
    ))
    result = migrate(_response(concerns=["hygiene", "food"]), OLD, recoded, today=TODAY)
    assert result.response.answers["concerns"].value == ["hygiene", "no_food"]
    removed = _edited(("      - {value: food, label: No food in the home}\n", ""))
    result = migrate(_response(concerns=["hygiene", "food"]), OLD, removed, today=TODAY)
    assert result.response.unplaced_answers == {"concerns": Answer(value=["hygiene", "food"])}
    assert result.unplaced == (
        Unplaced("concerns", "a value the new version's options do not take", "concerns"),
    )


def test_a_changed_type_keeps_the_answer_aside() -> None:
    """A date question that became text: the old answer is kept, not reinterpreted."""
    new = _edited(("        type: date\n        text: When was the last visit?",
                   "        type: text\n        text: When was the last visit?"))
    result = migrate(_response(last_visit="2017-03-01"), OLD, new, today=TODAY)
    assert result.unplaced == (
        Unplaced("last_visit", "the answer type changed from date to text", "last_visit"),
    )


def test_group_entries_follow_sub_question_renames_and_keep_removed_ones_aside() -> None:
    """In each entry, a renamed sub-question's answer moves; a removed one is kept under the
    group's id at the same entry position."""
    new = _edited(
        (
            "          - id: meeting_date\n            type: date\n"
            "            text: When was it held?\n",
            "",
        ),
        ("          - id: attended\n",
         "          - id: agency_attended\n            renamed_from: [attended]\n"),
    )
    meetings = [
        {"meeting_date": "2017-01-05", "attended": "yes"},
        {"attended": {"value": "no", "evidence": "Apologies only."}},
    ]
    result = migrate(_response(meetings=meetings), OLD, new, today=TODAY)
    assert result.response.answers["meetings"].value == [
        {"agency_attended": Answer(value="yes")},
        {"agency_attended": Answer(value="no", evidence="Apologies only.")},
    ]
    assert result.response.unplaced_answers == {
        "meetings": Answer(value=[{"meeting_date": Answer(value="2017-01-05")}, {}])
    }
    assert result.unplaced == (
        Unplaced("meeting_date", "the question is removed", "meetings", 0),
    )


def test_answers_kept_by_an_earlier_migration_stay_and_are_not_overwritten() -> None:
    """unplaced_answers from an earlier step stay; a new one with the same id gets @version."""
    earlier = _response(summary="Notes.").model_copy(
        update={"unplaced_answers": {"summary": Answer(value="Older notes.")}}
    )
    new = _edited(
        ("      - id: summary\n        type: text\n"
         "        text: Summarise what the records show about the home.\n"
         "        required: false\n        max_length: 2000\n", ""),
    )
    result = migrate(earlier, OLD, new, today=TODAY)
    assert result.response.unplaced_answers == {
        "summary": Answer(value="Older notes."),
        "summary@1.0.0": Answer(value="Notes."),
    }


def test_answers_to_unknown_questions_are_kept_aside_too() -> None:
    """An answer the old version has no question for is not dropped either."""
    result = migrate(_response(no_such_question="yes"), OLD, OLD, today=TODAY)
    assert result.response.unplaced_answers == {"no_such_question": Answer(value="yes")}


def test_dump_response_reads_back_as_the_same_response(tmp_path: Path) -> None:
    """The written file reads back equal to the migrated response; bare values where possible."""
    migrated = migrate(_v1_return(), V1, V2, today=TODAY).response
    path = tmp_path / "r.yaml"
    path.write_text(dump_response(migrated), encoding="utf-8")
    assert read_response(path).response == migrated
    assert "  involvement: open_part\n" in path.read_text(encoding="utf-8")


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def returns(tmp_path: Path) -> Path:
    """A folder with two v1 returns."""
    folder = tmp_path / "returns"
    folder.mkdir()
    for case in ("c1", "c2"):
        (folder / f"{case}.yaml").write_text(dump_response(_v1_return()), encoding="utf-8")
    return folder


def test_migrate_writes_each_return_and_leaves_the_inputs_alone(
    cli: Cli, returns: Path, tmp_path: Path
) -> None:
    """The old version is found next to --to; outputs carry v2; inputs are byte for byte kept."""
    before = {p.name: p.read_bytes() for p in returns.iterdir()}
    out = tmp_path / "out"
    result = cli("migrate", "--to", str(V2_PATH), str(returns), "-o", str(out),
                 "--today", "2026-11-25")
    assert result.code == 0, result.err
    assert {p.name: p.read_bytes() for p in returns.iterdir()} == before
    written = read_response(out / "c1.yaml").response
    assert written is not None
    assert written.tool.ref == "neglect@2.0.0"
    assert sorted(written.unplaced_answers) == ["effective_plan", "multi_agency_meetings"]
    assert result.out.splitlines()[-1] == (
        "migrated 2 of 2 responses to neglect@2.0.0: 46 answers carried, 4 kept aside, "
        "32 questions to answer"
    )
    assert "  kept aside: 'multi_agency_meetings': the question is removed" in result.out


def test_migrate_json_report_lists_each_file(cli: Cli, returns: Path, tmp_path: Path) -> None:
    """--format json: ok, the target version, and per file the carried, unplaced, unanswered."""
    result = cli("migrate", "--to", str(V2_PATH), "--from", str(V1_PATH), str(returns),
                 "-o", str(tmp_path / "out"), "--format", "json")
    data = json.loads(result.out)
    assert (data["ok"], data["to"]) == (True, {"id": "neglect", "version": "2.0.0"})
    first = data["files"][0]
    assert first["from"] == {"id": "neglect", "version": "1.0.0"}
    assert [u["question"] for u in first["unplaced"]] == ["effective_plan", "multi_agency_meetings"]
    assert {"question": "meetings", "entry": None, "pointer": "/answers/meetings"} in first[
        "unanswered"
    ]


def test_migrate_never_quotes_free_text(cli: Cli, tmp_path: Path) -> None:
    """Answers and evidence are case data: the report names ids and reasons only."""
    folder = tmp_path / "in"
    folder.mkdir()
    secret = _v1_return().model_copy(update={"answers": {
        **_v1_return().answers,
        "effective_plan": Answer(value="partly", evidence="MARKER-SECRET"),
        "what_worked": Answer(value="MARKER-SECRET"),
    }})
    (folder / "r.yaml").write_text(dump_response(secret), encoding="utf-8")
    for fmt in ("text", "json"):
        result = cli("migrate", "--to", str(V2_PATH), str(folder), "-o", str(tmp_path / fmt),
                     "--format", fmt)
        assert "MARKER-SECRET" not in result.out + result.err


def test_a_bad_response_is_reported_and_not_written(cli: Cli, tmp_path: Path) -> None:
    """A response file with shape errors is listed with its problems, exit 1, no output."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.yaml").write_text("tool: {id: neglect}\ncase: C1\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("migrate", "--to", str(V2_PATH), str(folder), "-o", str(out))
    assert result.code == 1
    assert result.out.startswith(f"{folder / 'bad.yaml'}: not migrated\n")
    assert not (out / "bad.yaml").exists()


def test_a_response_for_a_version_not_found_is_an_error(cli: Cli, tmp_path: Path) -> None:
    """No tool file next to --to has the version the response names: say so, exit 1."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "r.yaml").write_text(
        dump_response(_v1_return()).replace("version: 1.0.0", "version: 1.5.0"), encoding="utf-8"
    )
    result = cli("migrate", "--to", str(V2_PATH), str(folder), "-o", str(tmp_path / "out"))
    assert result.code == 1
    assert "error[migration-tool-mismatch]: the response answers neglect@1.5.0" in result.out


def test_an_old_version_next_to_new_is_read_with_the_catalogues_given(
    cli: Cli, tmp_path: Path
) -> None:
    """An old version that names a partnership catalogue is found next to --to only when
    --catalogue supplies it."""
    catalogue = tmp_path / "ours.yaml"
    catalogue.write_text(
        "id: ours\nversion: 1\ntitle: Our themes\nthemes:\n"
        + "".join(f"  - {{id: {t}, name: {t}}}\n"
                  for t in ("recording", "voice_of_child", "impact_on_child", "meetings")),
        encoding="utf-8",
    )
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "v1.yaml").write_text(
        Example((("status: active\n", "status: active\ncatalogue: ours@1\n"),)).apply(
            EXAMPLE_TOOL
        ),
        encoding="utf-8",
    )
    (tools / "v2.yaml").write_text(
        EXAMPLE_TOOL.replace("version: 1.0.0", "version: 2.0.0"), encoding="utf-8"
    )
    (tmp_path / "r.yaml").write_text(dump_response(_response(home_seen="yes")), encoding="utf-8")
    args = ["migrate", "--to", str(tools / "v2.yaml"), str(tmp_path / "r.yaml")]
    without = cli(*args, "-o", str(tmp_path / "without"))
    assert without.code == 1
    assert f"no tool file in {tools} is that version" in without.out
    given = cli(*args, "-o", str(tmp_path / "with"), "--catalogue", str(catalogue))
    assert given.code == 0, given.out + given.err
    assert (tmp_path / "with" / "r.yaml").exists()


def test_an_unreadable_response_exits_2(cli: Cli, tmp_path: Path) -> None:
    """A response file that cannot be read is reported as not migrated, exit 2."""
    missing = tmp_path / "missing.yaml"
    result = cli("migrate", "--to", str(V2_PATH), str(missing), "-o", str(tmp_path / "out"))
    assert result.code == 2
    assert result.out.startswith(f"{missing}: not migrated\n")
    assert "error[file-unreadable]" in result.out


def test_migrate_refuses_to_overwrite_an_input(cli: Cli, returns: Path) -> None:
    """Writing into the inputs' own folder would overwrite them: a usage error, exit 2."""
    result = cli("migrate", "--to", str(V2_PATH), str(returns), "-o", str(returns))
    assert result.code == 2
    assert "is an input of this run" in result.err


def test_migrate_needs_to_and_output(cli: Cli, returns: Path) -> None:
    """--to and -o are required: a usage error without them."""
    assert cli("migrate", str(returns)).code == 2


def test_a_folder_without_responses_and_a_bad_date_are_usage_errors(
    cli: Cli, tmp_path: Path
) -> None:
    """No response files in the folder given, or --today not a date: exit 2, said plainly."""
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("migrate", "--to", str(V2_PATH), str(empty), "-o", str(tmp_path / "out"))
    assert (result.code, result.err) == (
        2, "audit-tool: error: no response files (*.yaml, *.yml, *.json) in the folders given\n"
    )
    bad = cli("migrate", "--to", str(V2_PATH), str(empty), "-o", str(tmp_path / "out"),
              "--today", "yesterday")
    assert bad.code == 2
    assert "not a date (YYYY-MM-DD): 'yesterday'" in bad.err


def test_migrate_keeps_comments_quotes_and_plain_dates(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """A migrated file keeps the return's comments and quoting; dates are written as dates."""
    source = ROOT / "examples" / "responses" / "neglect_v1" / "c1_police.yaml"
    out = tmp_path / "migrated"
    result = cli("migrate", "--to", str(ROOT / "tools" / "neglect_v2.yaml"), str(source),
                 "-o", str(out), "--today", "2026-11-25")
    assert result.code in (0, 1), result.err
    written = (out / "c1_police.yaml").read_text(encoding="utf-8")
    comments = [line for line in source.read_text(encoding="utf-8").splitlines()
                if line.lstrip().startswith("#")]
    assert comments
    assert all(line in written.splitlines() for line in comments)
    assert "    date: 2026-11-25\n" in written
    assert "'20" not in written
    assert '  immediate_concern: "no"\n' in written


def test_migrating_to_the_same_version_records_no_step() -> None:
    """A return carried to the version it already answers gets no migrated_from entry."""
    tool = load_tool(ROOT / "tools" / "neglect_v2.yaml")
    response = load_response(ROOT / "examples" / "2019-05-neglect" / "responses" / "c1-police.yaml")
    result = migrate(response, tool, tool)
    assert result.response.migrated_from == []
    assert result.response.answers == response.answers
