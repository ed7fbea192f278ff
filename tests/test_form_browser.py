"""The fillable form as a lead auditor uses it: whole returns, in a real headless Chromium.

Every answer is given through the page (tests/form_page.py); what the form saves is read
back by the library and passed to ``audit-tool validate``.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from form_page import (
    applies,
    choose,
    missing,
    notices,
    open_form,
    open_return,
    press,
    press_text,
    question,
    save_return,
    set_date,
    type_text,
    write_form,
)

from audit_tool import load_tool, read_response, validate_response
from audit_tool.cli import main
from audit_tool.export.form import FORM_CHECKS

from browser import console_errors
from conftest import ROOT

pytestmark = pytest.mark.browser

NEGLECT_V2 = ROOT / "tools" / "neglect_v2.yaml"
PERIOD = ("2016-05-01", "2017-03-31")

# The C1 police return, as the auditor answers it: what is not listed takes the first
# option (or a sentence, a date in the period); evidence is typed wherever it is needed.
PLAN: dict[str, Any] = {
    "agency_type": "police",
    "involvement": "open_throughout",
    "child_status": "child_protection",
    "record_clear_picture": "partly",
    "chronology_analysed": "no",
    "neglect_identified_early": "no",
    "assessment_quality": "good",
    "outcome_plan": "requires_improvement",
    "child_situation": "no_change",
    "child_seen": "partly",
    "overall_grade": "requires_improvement",
    "immediate_concern": "no",
    "meetings": [
        {"meeting_type": "strategy_discussion", "meeting_date": "2016-05-19",
         "meeting_attendance": "attended", "meeting_report": "not_required",
         "meeting_contribution": "named_actions", "meeting_outcome_recorded": "yes",
         "meeting_actions_done": "partly"},
        {"meeting_type": "icpc", "meeting_date": "2016-06-09",
         "meeting_attendance": "not_invited", "meeting_outcome_recorded": "no"},
    ],
}
TEXT = "Recorded in the case notes; initials and roles only."
EVIDENCE = "Seen in the agency's records for the period."


@pytest.fixture(scope="module")
def neglect_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The neglect v2 form for case C1 and the police, as the issue's example writes it."""
    out = tmp_path_factory.mktemp("form") / "c1-police.html"
    return write_form(out, str(NEGLECT_V2), "--case", "C1", "--agency", "police")


@pytest.fixture(scope="module")
def neglect() -> Any:
    """The neglect v2 tool."""
    return load_tool(NEGLECT_V2)


def _answer(driver: Any, q: Any, value: Any, entry: tuple[str, int] | None) -> Any:
    """Give question ``q`` the value ``value`` (or its default, when None); what was given."""
    element = f"q-{q.id}" if entry is None else f"q-{entry[0]}-{entry[1]}-{q.id}"
    if q.type == "single_choice":
        scale = q.scale
        value = value if value is not None else _first_option(driver, q.id, entry, scale)
        choose(driver, q.id, value, entry)
    elif q.type == "text":
        value = value or TEXT
        type_text(driver, f"{element}-answer", value)
    elif q.type == "date":
        value = value or PERIOD[0]
        set_date(driver, f"{element}-answer", value)
    else:
        raise AssertionError(f"no plan for a {q.type} question")
    return value


def _first_option(driver: Any, qid: str, entry: tuple[str, int] | None, _scale: str) -> str:
    box = question(driver, qid, entry).find_element("css selector", ".answer input")
    return str(box.get_attribute("value"))


def _evidence_if_needed(driver: Any, element: str) -> str | None:
    needed = driver.find_element("id", f"{element}-needed")
    if not needed.is_displayed():
        return None
    type_text(driver, f"{element}-evidence", EVIDENCE)
    return EVIDENCE


def fill_neglect(driver: Any, tool: Any, plan: dict[str, Any]) -> dict[str, Any]:
    """Fill in every question that applies, in order; the answers as the return must hold them."""
    type_text(driver, "meta-auditor_role", "Detective sergeant, safeguarding")
    set_date(driver, "meta-period_start", PERIOD[0])
    set_date(driver, "meta-period_end", PERIOD[1])
    set_date(driver, "meta-completed", "2017-04-20")
    expected: dict[str, Any] = {}
    for section in tool.sections:
        for q in section.questions:
            if not applies(driver, q.id):
                continue
            if q.type == "group":
                entries = []
                for i, entry_plan in enumerate(plan.get(q.id, [])):
                    press(driver, f"q-{q.id}-add")
                    entry: dict[str, Any] = {}
                    for sub in q.questions:
                        if not applies(driver, sub.id, (q.id, i)):
                            continue
                        given = _answer(driver, sub, entry_plan.get(sub.id), (q.id, i))
                        evidence = _evidence_if_needed(driver, f"q-{q.id}-{i}-{sub.id}")
                        entry[sub.id] = (
                            {"value": given, "evidence": evidence} if evidence else given
                        )
                    entries.append(entry)
                expected[q.id] = entries
                continue
            given = _answer(driver, q, plan.get(q.id), None)
            evidence = _evidence_if_needed(driver, f"q-{q.id}")
            expected[q.id] = {"value": given, "evidence": evidence} if evidence else given
    return expected


def _validate(tool_path: Path, saved: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["validate", "--tool", str(tool_path), str(saved)], out, err)
    return code, out.getvalue() + err.getvalue()


def _answers(path: Path) -> dict[str, Any]:
    loaded = read_response(path)
    assert loaded.response is not None, loaded.problems
    return {k: v.model_dump(mode="json", exclude_none=True) for k, v in
            loaded.response.answers.items()}


def _plain(expected: dict[str, Any]) -> dict[str, Any]:
    """Expected answers in the form Response.answers dumps them."""
    parsed = read_response(text=json.dumps({"tool": {"id": "t", "version": "1.0.0"}, "case": "C1",
                                        "agency": "police", "answers": expected}))
    assert parsed.response is not None
    return {k: v.model_dump(mode="json", exclude_none=True) for k, v in
            parsed.response.answers.items()}


@pytest.fixture(scope="module")
def filled(browser: Any, neglect_page: Path, neglect: Any,
           tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The neglect v2 form filled for C1 (police) and saved: the file and the answers given."""
    open_form(browser, neglect_page)
    expected = fill_neglect(browser, neglect, PLAN)
    assert missing(browser) == []
    saved = save_return(browser, tmp_path_factory.mktemp("saved"))
    return saved, expected


def test_neglect_form_filled_for_one_case_saves_a_valid_return(
    browser: Any, filled: tuple[Path, dict[str, Any]]
) -> None:
    """The neglect v2 form, filled in for C1 by keyboard, saves a return that `audit-tool
    validate` accepts with no problem at all, holding exactly the answers given."""
    saved, expected = filled
    assert saved.name == "C1-police.yaml"
    code, output = _validate(NEGLECT_V2, saved)
    assert code == 0, output
    assert validate_response(load_tool(NEGLECT_V2), saved) == []
    assert _answers(saved) == _plain(expected)
    text = saved.read_text(encoding="utf-8")
    assert "# 7.1a What kind of meeting was it?" in text  # question texts kept as comments
    assert console_errors(browser) == []


def test_saved_json_is_the_same_return(
    browser: Any, filled: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    """"Save as JSON" writes the same return as the YAML file."""
    yaml_file, _ = filled
    json_file = save_return(browser, tmp_path, "save-json")
    assert json_file.suffix == ".json"
    assert read_response(json_file).response == read_response(yaml_file).response


def test_reopened_file_shows_every_answer_again(
    browser: Any, neglect_page: Path, filled: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    """A saved return opened in a fresh form shows every answer again, and saves the same."""
    saved, expected = filled
    open_form(browser, neglect_page)
    open_return(browser, saved)
    assert missing(browser) == []
    for qid, given in expected.items():
        if qid == "meetings":
            continue
        value = given["value"] if isinstance(given, dict) else given
        block = question(browser, qid)
        if block.find_elements("css selector", ":scope > .answer input[type=radio]"):
            checked = block.find_element("css selector", ":scope > .answer input:checked")
            assert checked.get_attribute("value") == value, qid
        else:
            box = browser.find_element("id", f"q-{qid}-answer")
            assert box.get_attribute("value") == value, qid
        if isinstance(given, dict):
            assert browser.find_element("id", f"q-{qid}-evidence").get_attribute("value") == (
                given["evidence"]
            )
    entries = browser.find_elements("css selector", "#q-meetings-entries > fieldset.entry")
    assert len(entries) == len(PLAN["meetings"])
    first = question(browser, "meeting_type", ("meetings", 1))
    assert first.find_element("css selector", "input:checked").get_attribute("value") == "icpc"
    again = save_return(browser, tmp_path)
    assert read_response(again).response == read_response(saved).response


def test_a_condition_turns_a_question_on_and_off(
    browser: Any, neglect_page: Path, tmp_path: Path
) -> None:
    """3.3 (school records) applies only to education: it turns on and off with 1.1, its answer
    is left out of the saved return while it does not apply, and comes back when it does."""
    open_form(browser, neglect_page)
    assert not applies(browser, "school_records")
    choose(browser, "agency_type", "education")
    assert applies(browser, "school_records")
    choose(browser, "school_records", "yes")
    assert ("missing-answer", "/answers/school_records") not in missing(browser)
    choose(browser, "agency_type", "police")
    assert not applies(browser, "school_records")
    block = question(browser, "school_records")
    assert block.find_element("css selector", ".na-note").is_displayed()
    assert all(not b.is_enabled() for b in block.find_elements("css selector", "input"))
    saved = save_return(browser, tmp_path)
    answers = _answers(saved)
    assert "school_records" not in answers
    assert answers["agency_type"] == {"value": "police"}
    assert "\n  school_records:" not in saved.read_text(encoding="utf-8")
    choose(browser, "agency_type", "education")
    checked = question(browser, "school_records").find_element("css selector", "input:checked")
    assert checked.get_attribute("value") == "yes"


def test_evidence_is_asked_for_after_no(browser: Any, neglect_page: Path) -> None:
    """Answering "No" to 2.2 marks its evidence box as needed and lists it as missing, with a
    link to the question; typing the evidence clears both."""
    open_form(browser, neglect_page)
    needed = browser.find_element("id", "q-chronology_current-needed")
    choose(browser, "chronology_current", "yes")
    assert not needed.is_displayed()
    choose(browser, "chronology_current", "no")
    assert needed.is_displayed()
    item = ("evidence-missing", "/answers/chronology_current")
    assert item in missing(browser)
    link = browser.find_element(
        "css selector", "#missing-list li[data-pointer='/answers/chronology_current'] a"
    )
    assert link.get_attribute("href").endswith("#q-chronology_current")
    assert link.text.startswith("2.2 ")
    type_text(browser, "q-chronology_current-evidence", EVIDENCE)
    assert not needed.is_displayed()
    assert item not in missing(browser)


def test_two_meetings_added_and_one_removed(
    browser: Any, neglect_page: Path, tmp_path: Path
) -> None:
    """Two meeting entries are added and answered, the first is removed: the return holds the
    second alone, and the conditions inside the entry follow its own answers."""
    open_form(browser, neglect_page)
    press(browser, "q-meetings-add")
    press(browser, "q-meetings-add")
    choose(browser, "meeting_type", "icpc", ("meetings", 0))
    choose(browser, "meeting_type", "core_group", ("meetings", 1))
    choose(browser, "meeting_attendance", "not_invited", ("meetings", 1))
    assert not applies(browser, "meeting_report", ("meetings", 1))
    assert applies(browser, "meeting_report", ("meetings", 0))
    entry = browser.find_element("id", "q-meetings-e0")
    press_text(browser, entry, "Remove meeting 1")
    entries = browser.find_elements("css selector", "#q-meetings-entries > fieldset.entry")
    assert [e.find_element("css selector", "legend").text for e in entries] == ["Meeting 1"]
    saved = save_return(browser, tmp_path)
    meetings = _answers(saved)["meetings"]["value"]
    assert [m["meeting_type"]["value"] for m in meetings] == ["core_group"]
    assert "meeting_report" not in meetings[0]


def test_meetings_are_reordered(browser: Any, neglect_page: Path) -> None:
    """"Move down" swaps a meeting with the next one."""
    open_form(browser, neglect_page)
    press(browser, "q-meetings-add")
    press(browser, "q-meetings-add")
    choose(browser, "meeting_type", "icpc", ("meetings", 0))
    choose(browser, "meeting_type", "core_group", ("meetings", 1))
    press_text(browser, browser.find_element("id", "q-meetings-e0"), "Move down (Meeting 1)")
    order = browser.execute_script(
        "return auditForm.returnObject().answers.meetings.map(m => m.meeting_type)"
    )
    assert order == ["core_group", "icpc"]


def test_a_draft_survives_a_reload(browser: Any, neglect_page: Path) -> None:
    """What the auditor typed is still there after the page is closed and opened again."""
    open_form(browser, neglect_page)
    type_text(browser, "meta-auditor_role", "Safeguarding lead")
    choose(browser, "involvement", "open_part")
    type_text(browser, "q-involvement_summary-answer", "Two referrals; one home visit.")
    press(browser, "q-meetings-add")
    open_form(browser, neglect_page, keep_draft=True)
    assert browser.find_element("id", "meta-auditor_role").get_attribute("value") == (
        "Safeguarding lead"
    )
    checked = question(browser, "involvement").find_element("css selector", "input:checked")
    assert checked.get_attribute("value") == "open_part"
    assert browser.find_element("id", "q-involvement_summary-answer").get_attribute(
        "value"
    ) == "Two referrals; one home visit."
    assert len(browser.find_elements("css selector", "#q-meetings-entries > .entry")) == 1
    assert any(n.startswith("Your draft was restored") for n in notices(browser))


def test_locked_fields_cannot_be_changed(browser: Any, neglect_page: Path) -> None:
    """The case and agency given on the command line are filled in and read-only."""
    open_form(browser, neglect_page)
    case = browser.find_element("id", "meta-case")
    assert case.get_attribute("value") == "C1"
    assert case.get_attribute("readonly") is not None
    case.send_keys("X")
    assert case.get_attribute("value") == "C1"


def test_a_template_file_opens(browser: Any, neglect_page: Path, tmp_path: Path) -> None:
    """A response file written by `audit-tool template` (blank, then partly filled by hand)
    opens, with its answers in their questions and nothing left unplaced."""
    out, err = io.StringIO(), io.StringIO()
    assert main(["template", str(NEGLECT_V2), "--case", "C1", "--agency", "police"], out, err) == 0
    text = out.getvalue().replace("  involvement:\n", "  involvement: open_part\n")
    text = text.replace("auditor_role:  ", "auditor_role: Team manager")
    path = tmp_path / "C1-police.yaml"
    path.write_text(text, encoding="utf-8")
    open_form(browser, neglect_page)
    open_return(browser, path)
    assert browser.find_element("id", "unplaced").is_displayed() is False
    checked = question(browser, "involvement").find_element("css selector", "input:checked")
    assert checked.get_attribute("value") == "open_part"
    assert browser.find_element("id", "meta-auditor_role").get_attribute("value") == (
        "Team manager"
    )


def test_another_version_is_refused_and_the_draft_kept(
    browser: Any, neglect_page: Path, tmp_path: Path
) -> None:
    """A return for another version of the tool is not opened: the form says so plainly and
    the draft is unchanged."""
    open_form(browser, neglect_page)
    type_text(browser, "meta-auditor_role", "Safeguarding lead")
    path = tmp_path / "old.yaml"
    path.write_text("tool: {id: neglect, version: 1.0.0}\ncase: C1\nagency: police\n"
                    "answers:\n  chronology_current: partly\n", encoding="utf-8")
    open_return(browser, path)
    shown = notices(browser)
    assert any("version 1.0.0 of this tool" in n and "draft is unchanged" in n for n in shown)
    assert browser.find_element("id", "meta-auditor_role").get_attribute("value") == (
        "Safeguarding lead"
    )


def test_a_file_that_is_not_a_response_is_refused(
    browser: Any, neglect_page: Path, tmp_path: Path
) -> None:
    """A file that is not a response (a tool file; broken YAML) is refused with the reason."""
    open_form(browser, neglect_page)
    open_return(browser, NEGLECT_V2)
    broken = tmp_path / "broken.yaml"
    broken.write_text("tool:\n  id: neglect\n   version: 2.0.0\n", encoding="utf-8")
    open_return(browser, broken)
    shown = notices(browser)
    assert any(n.startswith("This file is not a response") for n in shown)
    assert any("line 3" in n for n in shown)


def test_answers_with_no_place_are_shown_and_kept(
    browser: Any, neglect_page: Path, tmp_path: Path
) -> None:
    """Answers the tool has no place for (an unknown question, a word that is no option) are
    listed plainly, saved under unplaced_answers (never dropped), and the saved file still
    validates; opening it over a draft asks first."""
    open_form(browser, neglect_page)
    choose(browser, "involvement", "open_part")
    path = tmp_path / "odd.yaml"
    path.write_text(
        "tool: {id: neglect, version: 2.0.0}\ncase: C1\nagency: police\nanswers:\n"
        "  agency_type: police\n  chronology_current: parly\n  old_question: \"yes\"\n"
        "  meetings:\n    - {meeting_type: icpc, venue: town hall}\n",
        encoding="utf-8",
    )
    open_return(browser, path)
    assert any("replaces the answers" in n for n in notices(browser))
    press_text(browser, browser.find_element("id", "notices"), "Replace my draft with the file")
    panel = browser.find_element("id", "unplaced")
    assert panel.is_displayed()
    listed = [dt.text for dt in panel.find_elements("css selector", "dt")]
    assert [t.split(" \u2014 ")[0] for t in listed] == [
        "chronology_current", "old_question", "meetings/0/venue"
    ]
    saved = save_return(browser, tmp_path / "out")
    loaded = read_response(saved)
    assert loaded.response is not None
    assert sorted(loaded.response.unplaced_answers) == [
        "chronology_current", "meetings/0/venue", "old_question"
    ]
    assert loaded.response.answers["agency_type"].value == "police"
    codes = {p.code for p in validate_response(load_tool(NEGLECT_V2), saved)}
    assert codes <= set(FORM_CHECKS)
    assert "unknown-answer" not in codes


def test_the_page_loads_nothing_and_logs_no_error(browser: Any, neglect_page: Path) -> None:
    """The form fetches no resource at all and its script runs under the page's strict CSP."""
    open_form(browser, neglect_page)
    assert browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    ) == []
    csp = browser.find_element(
        "css selector", "meta[http-equiv='Content-Security-Policy']"
    ).get_attribute("content")
    assert "default-src 'none'" in csp
    assert browser.find_elements("css selector", "fieldset.question")
    assert console_errors(browser) == []


def test_text_from_the_tool_stays_text(browser: Any, tmp_path: Path) -> None:
    """A tool whose texts hold markup and a closing script tag shows them as written."""
    hostile = "Is <b>this</b> </script><script>alert(1)</script> shown as text?"
    tool = tmp_path / "hostile.yaml"
    tool.write_text(
        "id: hostile\nversion: 1.0.0\ntitle: '<i>Title</i>'\ntheme: Neglect\n"
        "sections:\n  - id: s\n    title: S\n    questions:\n"
        f"      - {{id: q, type: text, text: {json.dumps(hostile)}}}\n",
        encoding="utf-8",
    )
    page = write_form(tmp_path / "hostile.html", str(tool))
    open_form(browser, page)
    assert browser.find_element("css selector", "h1").text == "<i>Title</i>"
    assert question(browser, "q").find_element("css selector", "legend").text == f"1.1 {hostile}"
    assert browser.find_elements("css selector", "b") == []
    assert console_errors(browser) == []


def test_every_input_has_a_label_and_options_a_legend(browser: Any, neglect_page: Path) -> None:
    """Every input, text area and check box has a label; every group of options sits in a
    fieldset whose legend is the question's number and text."""
    open_form(browser, neglect_page)
    press(browser, "q-meetings-add")
    unlabelled = browser.execute_script(
        "return [...document.querySelectorAll('input, textarea')]"
        ".filter(e => e.labels.length === 0).map(e => e.id)"
    )
    assert unlabelled == []
    loose = browser.execute_script(
        "return [...document.querySelectorAll('input[type=radio], input[type=checkbox]')]"
        ".filter(e => !e.closest('fieldset') || !e.closest('fieldset').querySelector('legend'))"
        ".map(e => e.id)"
    )
    assert loose == []
    legend = question(browser, "child_seen").find_element("css selector", "legend").text
    assert legend == "8.2 Did your agency see the child during the audit period, with the dates "\
        "recorded?"


def test_the_keyboard_alone_reaches_and_answers_questions(
    browser: Any, neglect_page: Path
) -> None:
    """From the top of the page, Tab reaches the auditor's role and then the first question's
    options; typing fills the role in and the space bar chooses an option."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_form(browser, neglect_page)
    keys = ActionChains(browser)

    def active() -> str:
        return str(browser.execute_script("return document.activeElement.id"))

    seen = []
    for _ in range(40):
        keys.send_keys(Keys.TAB).perform()
        seen.append(active())
        if active() == "meta-auditor_role":
            keys.send_keys("Safeguarding lead").perform()
        if active().startswith("q-agency_type-o"):
            keys.send_keys(Keys.SPACE).perform()
            break
    assert "save-yaml" in seen
    assert "open-file" in seen
    assert browser.find_element("id", "meta-auditor_role").get_attribute("value") == (
        "Safeguarding lead"
    )
    chosen = browser.execute_script("return auditForm.returnObject().answers.agency_type")
    assert chosen == "children_social_care"


def test_a_return_for_another_case_is_refused(
    browser: Any, neglect_page: Path, tmp_path: Path
) -> None:
    """A return for another case than the form is locked to is not opened, and says why."""
    open_form(browser, neglect_page)
    path = tmp_path / "C2-police.yaml"
    path.write_text("tool: {id: neglect, version: 2.0.0}\ncase: C2\nagency: police\n"
                    "answers:\n  involvement: open_part\n", encoding="utf-8")
    open_return(browser, path)
    assert any("another case than this form is for" in n for n in notices(browser))
    assert browser.execute_script("return auditForm.returnObject().answers") == {}


def test_printing_leaves_out_the_buttons_and_lists(browser: Any, neglect_page: Path) -> None:
    """On paper the questions and answers show; buttons, notices and the missing list do not."""
    open_form(browser, neglect_page)
    choose(browser, "involvement", "open_part")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for hidden in ("save-yaml", "missing", "notices", "q-meetings-add"):
            assert not browser.find_element("id", hidden).is_displayed(), hidden
        assert question(browser, "involvement").is_displayed()
        checked = question(browser, "involvement").find_element("css selector", "input:checked")
        assert checked.is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_a_phone_width_screen_needs_no_sideways_scrolling(
    browser: Any, neglect_page: Path
) -> None:
    """At 390 px wide (a phone) the form fits the width: nothing scrolls sideways."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        open_form(browser, neglect_page)
        press(browser, "q-meetings-add")
        width = browser.execute_script(
            "return [window.innerWidth, document.documentElement.scrollWidth]"
        )
        assert width == [390, 390]
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _put_draft(browser: Any, page: Path, draft: str) -> None:
    open_form(browser, page)
    key = browser.execute_script(
        "return JSON.parse(document.getElementById('form-data').textContent).storageKey"
    )
    browser.execute_script("localStorage.setItem(arguments[0], arguments[1])", key, draft)
    open_form(browser, page, keep_draft=True)


def test_a_draft_from_a_changed_tool_keeps_what_no_longer_fits(
    browser: Any, neglect_page: Path
) -> None:
    """A draft made with another copy of the tool version is read as a file would be: what no
    longer fits (an option the scale lost) is listed among the answers with no place."""
    draft = {
        "saved": "2017-04-01T10:00:00Z", "fingerprint": "sha256:" + "0" * 64,
        "state": {"meta": {"auditor_role": "Team manager"},
                  "answers": {"involvement": {"value": "gone_option", "evidence": "",
                                              "evidence_date": ""},
                              "child_status": {"value": "early_help", "evidence": "",
                                               "evidence_date": ""}},
                  "groups": {}},
    }
    _put_draft(browser, neglect_page, json.dumps(draft))
    answers = browser.execute_script("return auditForm.returnObject().answers")
    assert answers == {"child_status": "early_help"}
    listed = [dt.text.split(" \u2014 ")[0]
              for dt in browser.find_elements("css selector", "#unplaced dt")]
    assert listed == ["involvement"]
    assert browser.find_element("id", "meta-auditor_role").get_attribute("value") == (
        "Team manager"
    )


def test_an_unreadable_draft_is_kept_aside(browser: Any, neglect_page: Path) -> None:
    """A draft the form cannot read is kept, unchanged, under another key, and the form says so."""
    _put_draft(browser, neglect_page, '{"state": 1')
    assert any("could not be read" in n for n in notices(browser))
    kept = browser.execute_script(
        "return Object.keys(localStorage).filter(k => k.endsWith(':unreadable'))"
        ".map(k => localStorage.getItem(k))"
    )
    assert kept == ['{"state": 1']
