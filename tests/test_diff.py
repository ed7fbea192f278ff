"""diff(old, new): matching, ordering, problems of a successor, bumps, and the neglect tools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit_tool import load_tool, read_tool
from audit_tool.authoring.conditions import AllOf, Answered, AnyOf, Equals, InValues, Not
from audit_tool.versions import Bump, Impact, declared_bump, diff
from audit_tool.versions._conditions import Relation, compare
from audit_tool.versions.matching import match
from audit_tool.versions.render import diff_json, diff_markdown
from audit_tool.versions.rules import EXAMPLE_TOOL, Example, _block

from conftest import ROOT

V1 = load_tool(ROOT / "tools" / "neglect_v1.yaml")
V2 = load_tool(ROOT / "tools" / "neglect_v2.yaml")
BASE = load_tool(text=EXAMPLE_TOOL)


def _edited(*edits: tuple[str, str]) -> str:
    return Example(edits).apply(EXAMPLE_TOOL)


# --- the neglect tools ------------------------------------------------------------


def test_v1_to_v2_leads_with_the_two_amendments_the_audit_asked_for() -> None:
    """The first changes are effective_plan replaced by the outcome-focused plan questions,
    then the new statutory meetings section with its meeting group (learning 5.9, 5.11)."""
    changes = diff(V1, V2).changes
    first, second, third = changes[:3]
    assert (first.code, first.target) == ("question-replaced-scored", "effective_plan")
    assert "outcome_plan" in first.related
    assert (second.code, second.target) == ("section-added", "statutory_meetings")
    assert (third.code, third.target) == ("question-added-required", "meetings")
    assert {"meeting_attendance", "meeting_outcome_recorded"} <= set(third.related)


def test_v1_to_v2_suggests_a_major_bump_which_2_0_0_satisfies() -> None:
    """The changes call for a major version; 1.0.0 -> 2.0.0 declares one; the check passes."""
    result = diff(V1, V2)
    assert (result.suggested_bump, result.declared_bump) == (Bump.MAJOR, Bump.MAJOR)
    assert result.version_problems() == []


def test_v1_to_v2_has_no_problems_because_v2_reserves_what_it_removes() -> None:
    """v2 lists effective_plan and multi_agency_meetings in retired_ids: no problem at all."""
    assert diff(V1, V2).problems == ()


def test_v1_to_v2_removal_points_into_v1() -> None:
    """A removed question's pointer leads into the old tool, where it still stands."""
    removed = [c for c in diff(V1, V2).changes if c.code == "question-removed-scored"]
    assert [(c.target, c.side) for c in removed] == [("multi_agency_meetings", "old")]
    ref = V1.question("multi_agency_meetings")
    assert ref is not None
    assert removed[0].pointer == ref.pointer


@pytest.mark.parametrize("tool", [V1, V2, BASE], ids=["v1", "v2", "example"])
def test_a_tool_compared_with_itself_has_no_changes(tool: object) -> None:
    """diff(a, a) is empty, suggests no bump, and has no problems."""
    assert isinstance(tool, type(V1))
    result = diff(tool, tool)
    assert (result.changes, result.problems, result.suggested_bump) == ((), (), Bump.NONE)


def test_v1_to_v2_json_has_exactly_the_design_shape() -> None:
    """diff --format json: old, new, changes (six keys each), suggested and declared bumps."""
    data = json.loads(diff_json(diff(V1, V2)))
    assert list(data) == ["old", "new", "changes", "suggested_bump", "declared_bump"]
    assert data["old"] == {"id": "neglect", "version": "1.0.0"}
    assert data["new"] == {"id": "neglect", "version": "2.0.0"}
    assert {tuple(c) for c in data["changes"]} == {
        ("rule", "severity", "data", "score", "pointer", "message")
    }
    assert (data["suggested_bump"], data["declared_bump"]) == ("major", "major")


def test_v1_to_v2_changelog_leads_with_the_amendments_in_plain_words() -> None:
    """The Markdown changelog's main changes are, in order: the plan question replaced, the
    statutory meetings section (with what each meeting records), the general meetings
    question removed."""
    text = diff_markdown(diff(V1, V2))
    main = text.split("## The main changes\n\n", 1)[1].split("\n## ", 1)[0]
    items = [line for line in main.splitlines() if line[:1].isdigit()]
    assert items[0].startswith("1. **A question is replaced.**")
    assert "“Is there an effective plan in place?”" in items[0]
    assert items[1] == (
        "2. **A new section: Statutory meetings.** “Add one entry for each statutory meeting in "
        "the audit period.” For each meeting, it asks:"
    )
    assert "   - “Was your agency invited, and did it attend?”" in main.splitlines()
    assert items[2].startswith("3. **A question is removed**")
    assert "Can theme scores be compared with 1.0.0? | Yes, except Outcome-focused planning" in text


# --- matching -----------------------------------------------------------------------


def test_an_undeclared_rename_is_a_removal_an_addition_and_a_possible_rename() -> None:
    """Renames are never guessed: a changed id without renamed_from is removed + added, and the
    warning gives the exact line to add."""
    new = load_tool(text=_edited(("      - id: summary\n", "      - id: home_summary\n")))
    result = diff(BASE, new)
    assert sorted(c.code for c in result.changes) == ["question-added", "question-removed"]
    codes = sorted(p.code for p in result.problems)
    assert codes == ["possible-rename", "removed-id-not-reserved"]
    hint = next(p for p in result.problems if p.code == "possible-rename")
    assert "`renamed_from: [summary]`" in hint.message
    assert hint.pointer == "/sections/0/questions/6/id"


_MEETINGS_GROUP = _block("      - id: meetings")


def test_same_group_follows_a_renamed_group_and_not_a_removed_one() -> None:
    """A sub-question of a renamed group is in the same group; one whose group is gone, now in
    no group, is not (and the diff says it moved, moving a score); top-level stays top-level."""
    renamed = load_tool(text=_edited((
        "      - id: meetings\n        type: group\n",
        "      - id: gatherings\n        renamed_from: [meetings]\n        type: group\n",
    )))
    ungrouped = load_tool(text=_edited((
        _MEETINGS_GROUP,
        "      - id: attended\n        type: single_choice\n        scale: ypn\n"
        "        text: Did your agency attend?\n        themes: {meetings: 1}\n",
    )))
    for new, same in ((renamed, True), (ungrouped, False)):
        m = match(BASE, new)
        refs = [(BASE.question(qid), new.question(qid)) for qid in ("attended", "home_seen")]
        assert [m.same_group(o, n) for o, n in refs if o and n] == [same, True]
    moved = [c for c in diff(BASE, ungrouped).changes if c.target == "attended"]
    assert [c.code for c in moved] == ["question-moved-group-scored"]


def test_a_reworded_option_value_is_a_possible_recoding() -> None:
    """An option removed and a look-alike added in the same scale: a warning with the line."""
    new = load_tool(text=_edited((
        "{value: food, label: No food in the home}",
        "{value: no_food, label: No food in the home}",
    )))
    problems = diff(BASE, new).problems
    assert [(p.code, p.pointer) for p in problems] == [
        ("possible-rename", "/scales/2/options/1/value")
    ]
    assert "`renamed_from: [food]`" in problems[0].message


def test_removing_a_question_without_reserving_it_is_an_error_with_the_line() -> None:
    """removed-id-not-reserved names the retired_ids line that fixes it."""
    summary = (
        "      - id: summary\n        type: text\n"
        "        text: Summarise what the records show about the home.\n"
        "        required: false\n        max_length: 2000\n"
    )
    result = diff(BASE, load_tool(text=_edited((summary, ""))))
    assert [(p.code, p.severity.value, p.pointer) for p in result.problems] == [
        ("removed-id-not-reserved", "error", "")
    ]
    assert "`retired_ids: [summary]`" in result.problems[0].message


def test_reusing_an_id_the_old_version_retired_is_an_error() -> None:
    """The old version reserved 'home_safe'; a new version that asks a question with that id
    (dropping the reservation) gets retired-id-reused at the id."""
    description = "description: How agencies recorded home conditions.\n"
    old = load_tool(text=_edited((description, description + "retired_ids: [home_safe]\n")))
    new = load_tool(text=_edited((
        "      - id: summary\n",
        "      - id: home_safe\n        type: text\n        text: Anything unsafe?\n"
        "        required: false\n      - id: summary\n",
    )))
    result = diff(old, new)
    assert [(p.code, p.pointer) for p in result.problems] == [
        ("retired-id-reused", "/sections/0/questions/6/id"),
    ]


def test_a_declared_replacement_is_one_change_at_the_replacing_question() -> None:
    """A question replacing an old one is reported once, as the replacement, pointing at it."""
    new = load_tool(text=_edited(
        (
            "      - id: summary\n        type: text\n",
            "      - id: home_account\n        replaces: [summary]\n        type: text\n",
        ),
        ("description: How agencies recorded home conditions.\n",
         "description: How agencies recorded home conditions.\nretired_ids: [summary]\n"),
    ))
    result = diff(BASE, new)
    assert [(c.code, c.pointer, c.related) for c in result.changes] == [
        ("question-replaced", "/sections/0/questions/6", ("home_account",))
    ]


def test_includes_are_compared_as_their_content(tmp_path: Path) -> None:
    """Moving a section into a building block that the tool includes changes nothing."""
    (tmp_path / "old.yaml").write_text(EXAMPLE_TOOL, encoding="utf-8")
    head, overall = EXAMPLE_TOOL.split("  - id: overall\n    title: Overall\n")
    judgement = (
        "  - id: judgement\n    title: Four-point judgement\n    options:\n"
        "      - {value: outstanding, label: Outstanding, score: 3}\n"
        "      - {value: good, label: Good, score: 2}\n"
        "      - {value: requires_improvement, label: Requires improvement, score: 1}\n"
        "      - {value: inadequate, label: Inadequate, score: 0}\n"
    )
    assert head.count(judgement) == 1
    (tmp_path / "block.yaml").write_text(
        "fragment: overall\ntitle: Overall\nscales:\n" + judgement
        + "sections:\n  - id: overall\n    title: Overall\n" + overall,
        encoding="utf-8",
    )
    (tmp_path / "new.yaml").write_text(
        head.replace(judgement, "") + "  - include: block.yaml\n", encoding="utf-8"
    )
    loaded = read_tool(tmp_path / "new.yaml")
    assert loaded.tool is not None, loaded.problems
    old = load_tool(tmp_path / "old.yaml")
    changes = diff(old, loaded.tool).changes
    assert [c.code for c in changes] == []


# --- ordering --------------------------------------------------------------------------


def test_changes_other_than_headlines_come_by_severity_then_document_order() -> None:
    """After the headline changes, breaking changes come before compatible before cosmetic."""
    new = load_tool(text=_edited(
        ("text: Did your agency see the home?", "text: Did anyone see the home?"),
        ("        max_length: 2000\n", "        max_length: 1000\n"),
        ("        max_entries: 10\n", ""),
    ))
    rules = [c.code for c in diff(BASE, new).changes]
    assert rules == ["text-limit-tightened", "group-entries-loosened", "question-text-changed"]


# --- conditions --------------------------------------------------------------------------


def _many(_question: str) -> bool:
    return False


SEEN_YES = Equals(question="seen", equals="yes")
SEEN_ANY = InValues.model_validate({"question": "seen", "in": ["yes", "partly"]})


@pytest.mark.parametrize(
    ("old", "new", "relation"),
    [
        (SEEN_YES, SEEN_YES, Relation.SAME),
        (None, SEEN_YES, Relation.TIGHTER),
        (SEEN_YES, None, Relation.LOOSER),
        (SEEN_ANY, SEEN_YES, Relation.TIGHTER),
        (SEEN_YES, SEEN_ANY, Relation.LOOSER),
        (SEEN_YES, Equals(question="seen", equals="no"), Relation.CHANGED),
        (SEEN_ANY, AnyOf(any=[SEEN_YES, Equals(question="seen", equals="partly")]),
         Relation.EQUIVALENT),
        (SEEN_YES, Not(not_=Not(not_=SEEN_YES)), Relation.EQUIVALENT),
        (SEEN_YES, Answered(question="seen", answered=True), Relation.LOOSER),
        (SEEN_YES, AllOf(all=[SEEN_YES, Answered(question="other", answered=True)]),
         Relation.TIGHTER),
        (Not(not_=SEEN_YES), Not(not_=SEEN_ANY), Relation.TIGHTER),
        (Equals(question="n", equals=1), Equals(question="n", equals=True), Relation.CHANGED),
    ],
)
def test_conditions_are_compared_exactly(old: object, new: object, relation: Relation) -> None:
    """Tighter, looser, equivalent and changed are decided over every class of answer."""
    assert compare(old, new, _many) is relation  # type: ignore[arg-type]


def test_multiple_choice_answers_are_tried_as_sets() -> None:
    """For a list answer, 'equals yes' and 'not equals no' are not ordered: a list can hold both."""
    was = Equals(question="c", equals="a")
    now = AllOf(all=[was, Not(not_=Equals(question="c", equals="b"))])
    assert compare(was, now, lambda _q: True) is Relation.TIGHTER
    assert compare(was, now, _many) is Relation.EQUIVALENT


def test_conditions_too_large_to_decide_are_called_changed() -> None:
    """When the classes of answers are too many to try, a loosening is not claimed."""
    values = [f"v{i}" for i in range(12)]
    old = InValues.model_validate({"question": "c", "in": values[:1]})
    new = InValues.model_validate({"question": "c", "in": values})
    assert compare(old, new, lambda _q: True) is Relation.CHANGED
    assert compare(old, new, _many) is Relation.LOOSER


def test_a_condition_in_a_message_quotes_strings_a_yaml_reader_would_misread() -> None:
    """The message writes a condition as YAML: text that reads as a boolean, a number or
    several words is quoted, so "true" and true, "2" and 2 differ; plain words stay bare."""
    new = load_tool(text=_edited((
        "        text: Was a referral made about the home?\n        required: false\n",
        "        text: Was a referral made about the home?\n        required: false\n"
        '        when: {any: [{question: summary, in: ["true", "2", "no food", partly]},\n'
        "                     {question: days_between, equals: 2}]}\n",
    )))
    (change,) = diff(BASE, new).changes
    assert change.message.endswith(
        'now {any: [{question: summary, in: ["true", "2", "no food", partly]}, '
        "{question: days_between, equals: 2}]}"
    )


# --- version discipline -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "bump"),
    [
        ("1.0.0", "2.0.0", Bump.MAJOR),
        ("1.0.0", "1.1.0", Bump.MINOR),
        ("1.0.0", "1.0.1", Bump.PATCH),
        ("1.0.0", "1.0.0", Bump.NONE),
        ("1.2.0", "1.1.9", Bump.DOWNGRADE),
        ("1.0.0-rc.1", "1.0.0", Bump.NONE),
        ("1.9.9", "2.0.0-rc.1", Bump.MAJOR),
    ],
)
def test_declared_bump_reads_the_two_versions(old: str, new: str, bump: Bump) -> None:
    """The declared step is the highest part of MAJOR.MINOR.PATCH that grew."""
    assert declared_bump(old, new) is bump


def test_content_changed_under_the_same_version_breaks_the_promise() -> None:
    """A published version is immutable: a cosmetic change without a new version fails."""
    new = load_tool(text=_edited(("title: Home conditions mini-audit", "title: Home audit")))
    result = diff(BASE, new)
    assert result.suggested_bump is Bump.PATCH
    assert result.version_problems() == [
        "the content changed but the version is still 1.0.0; a published version never changes"
    ]


def test_a_smaller_step_than_the_changes_call_for_breaks_the_promise() -> None:
    """A breaking change declared as a minor step fails; declared as major it passes."""
    text = _edited(("        required: false\n        max_length", "        max_length"))
    minor = load_tool(text=text.replace("version: 1.0.0", "version: 1.1.0"))
    major = load_tool(text=text.replace("version: 1.0.0", "version: 2.0.0"))
    assert diff(BASE, minor).version_problems() == [
        "the changes call for a major version step, but 1.0.0 -> 1.1.0 is a minor step"
    ]
    assert diff(BASE, major).version_problems() == []
    assert diff(BASE, major).severity is Impact.BREAKING


def test_a_compatible_version_tells_the_board_returns_fit_and_scores_compare() -> None:
    """A version that only adds an optional question says returns still fit and scores compare,
    and that a minor version keeps the promise."""
    new = load_tool(text=_edited(
        ("version: 1.0.0", "version: 1.1.0"),
        ("      - id: summary\n",
         "      - id: home_safe\n        type: text\n        text: Anything unsafe?\n"
         "        required: false\n      - id: summary\n"),
    ))
    text = diff_markdown(diff(BASE, new))
    assert "| Do returns made with 1.0.0 still fit? | Yes |" in text
    assert "| Can theme scores be compared with 1.0.0? | Yes: the same answers give the same " \
        "scores |" in text
    assert "| Version | 1.1.0 is a minor version, as the changes call for |" in text
    assert "## New questions\n\n- *The home*: “Anything unsafe?” (optional)\n" in text


def test_a_grading_change_tells_the_board_no_theme_compares_directly() -> None:
    """Moving a grade band reaches every theme; the changelog says so."""
    new = load_tool(text=_edited(("{grade: good, min: 75, label: Good}",
                              "{grade: good, min: 70, label: Good}")))
    text = diff_markdown(diff(BASE, new))
    assert "compared with 1.0.0? | Not directly: grading or the theme catalogue changed" in text
    assert "1.0.0 does not keep the promise of its number" in text


_CHILD_SEEN_ALONE = _block("      - id: child_seen_alone")


def test_a_renamed_question_moved_into_a_new_section_is_not_listed_as_new() -> None:
    """The changelog asks the matching what is new: a new section holding a question renamed
    from an old one and a fresh question lists only the fresh one, and only its theme has
    new questions."""
    overall = "  - id: overall\n    title: Overall\n"
    new = load_tool(text=_edited(
        (_CHILD_SEEN_ALONE, ""),
        (overall,
         "  - id: child\n    title: The child\n    questions:\n"
         + _CHILD_SEEN_ALONE.replace("- id: child_seen_alone\n",
                                     "- id: seen_alone\n        renamed_from: [child_seen_alone]\n")
         + "      - id: child_harm\n        type: single_choice\n        scale: ypn\n"
         "        text: Is harm to the child recorded?\n        required: false\n"
         "        themes: {impact_on_child: 1}\n"
         + overall),
    ))
    text = diff_markdown(diff(BASE, new))
    main = text.split("## The main changes\n\n")[1].split("\n\n")[0]
    assert main == (
        "1. **A new section: The child.** It asks:\n   - “Is harm to the child recorded?”"
    )
    assert "| Themes with new questions | Impact on the child |" in text


def test_no_change_gives_a_short_changelog() -> None:
    """Two identical versions: the changelog says nothing changed."""
    assert diff_markdown(diff(BASE, BASE)).endswith(
        "Nothing that auditors answer or the panel scores has changed.\n"
    )


def test_an_unscored_question_read_by_a_scored_one_moves_scores_when_its_answers_go() -> None:
    """Migration keeps aside the answers of a question whose type changed; a scored question
    whose condition reads it then stops applying, so the change is the -scored rule."""
    reads = ("        text: Overall, how well did your agency respond to the home conditions?\n",
             "        text: Overall, how well did your agency respond to the home conditions?\n"
             "        when: {question: referred, answered: true}\n")
    old = load_tool(text=_edited(reads))
    retyped = ("        type: single_choice\n        scale: yes_no\n",
               "        type: text\n")
    new = load_tool(text=_edited(reads, retyped))
    assert [c.code for c in diff(old, new).changes] == ["question-type-changed-scored"]
    assert [c.code for c in diff(BASE, load_tool(text=_edited(retyped))).changes] == [
        "question-type-changed"
    ]
