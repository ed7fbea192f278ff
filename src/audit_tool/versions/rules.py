"""The catalogue of diff rules: every kind of change, its impacts, and an example.

One table, :data:`RULES`. Each rule fixes two impacts (DESIGN.md §6):

- **data**: can a response valid under the old version be invalid under the
  new one, once ``migrate`` has carried it through the declared renames?
- **score**: would the same answers score differently, so that theme scores
  stop being comparable across audits?

and its severity is the higher of the two. Where the answer depends on
whether the question counts towards a theme, the rule comes in two: ``X``
for a question that scores nowhere and ``X-scored`` for one that does (or
one whose change reaches a question that does).

Each rule's example is a list of text edits to :data:`EXAMPLE_TOOL`; the
documentation shows them as a patch and the tests apply them and check that
the diff gives exactly that rule (and the few rules in ``also`` that the same
edit cannot avoid, such as a question moved into a new section). Rule codes
are public: a code never changes meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["EVERY_THEME_RULES", "EXAMPLE_TOOL", "RULES", "DiffRule", "Example", "Impact"]


class Impact(StrEnum):
    """How much a change matters, on data or on scores (lowest first)."""

    NONE = "none"
    COSMETIC = "cosmetic"
    COMPATIBLE = "compatible"
    BREAKING = "breaking"

    @property
    def rank(self) -> int:
        """0 for none up to 3 for breaking."""
        return _IMPACT_ORDER.index(self)

    @classmethod
    def highest(cls, *impacts: Impact) -> Impact:
        """The highest of ``impacts`` (``NONE`` for none)."""
        return max(impacts, key=lambda i: i.rank, default=cls.NONE)


_IMPACT_ORDER = (Impact.NONE, Impact.COSMETIC, Impact.COMPATIBLE, Impact.BREAKING)


@dataclass(frozen=True, slots=True)
class Example:
    """Text edits that turn :data:`EXAMPLE_TOOL` into a new version showing a rule."""

    edits: tuple[tuple[str, str], ...]
    """``(before, after)`` pairs, applied in order; each ``before`` occurs exactly once."""
    also: tuple[str, ...] = ()
    """Other rules the same edit necessarily gives."""
    old: tuple[tuple[str, str], ...] = ()
    """Edits that make the *old* version from :data:`EXAMPLE_TOOL`, for a rule about
    something the example tool does not have (a group's register removed)."""

    def base(self, text: str) -> str:
        """The old version: ``text`` with the ``old`` edits made."""
        return _edited(text, self.old)[-1]

    def apply(self, text: str) -> str:
        """The new version: ``text`` with the ``old`` edits, then the edits, made;
        ``ValueError`` if a ``before`` is not there once."""
        return self.stages(text)[-1]

    def stages(self, text: str) -> list[str]:
        """The old version before each edit, then after the last (one more than the edits).

        ``ValueError`` if a ``before`` is not in the text it edits exactly once.
        """
        return _edited(self.base(text), self.edits)


def _edited(text: str, edits: tuple[tuple[str, str], ...]) -> list[str]:
    """``text`` before each edit, then after the last."""
    found = [text]
    for before, after in edits:
        if text.count(before) != 1:
            raise ValueError(f"example edit does not apply exactly once: {before!r}")
        text = text.replace(before, after)
        found.append(text)
    return found


@dataclass(frozen=True, slots=True)
class DiffRule:
    """One kind of change: its code, its two impacts, what it means, an example."""

    code: str
    area: str
    data: Impact
    score: Impact
    title: str
    example: Example

    @property
    def severity(self) -> Impact:
        """The higher of the data and score impacts."""
        return Impact.highest(self.data, self.score)


EXAMPLE_TOOL = """\
id: example
version: 1.0.0
title: Home conditions mini-audit
theme: Neglect
status: active
description: How agencies recorded home conditions.
grading:
  bands:
    - {grade: good, min: 75, label: Good}
    - {grade: requires_improvement, min: 50, label: Requires improvement}
    - {grade: inadequate, min: 0, label: Inadequate}
  min_answers:
    recording: 2
scales:
  - id: ypn
    title: Yes / partly / no
    options:
      - {value: "yes", label: "Yes", score: 2}
      - {value: partly, label: Partly, score: 1}
      - {value: "no", label: "No", score: 0}
      - {value: not_applicable, label: Not applicable}
  - id: judgement
    title: Four-point judgement
    options:
      - {value: outstanding, label: Outstanding, score: 3}
      - {value: good, label: Good, score: 2}
      - {value: requires_improvement, label: Requires improvement, score: 1}
      - {value: inadequate, label: Inadequate, score: 0}
  - id: concerns
    title: Concerns about the home
    options:
      - {value: hygiene, label: Hygiene}
      - {value: food, label: No food in the home}
      - {value: none, label: None of these}
      - {value: not_recorded, label: Not recorded, exclusive: true}
  - id: yes_no
    title: Yes / no
    options:
      - {value: "yes", label: "Yes"}
      - {value: "no", label: "No"}
sections:
  - id: home
    title: The home
    description: Answer from your agency's records for the audit period.
    questions:
      - id: home_seen
        type: single_choice
        scale: ypn
        text: Did your agency see the home?
        guidance: Count announced and unannounced visits.
        themes: {recording: 1}
      - id: concerns
        type: multiple_choice
        scale: concerns
        text: Which concerns about the home are recorded?
        required: false
        min_selected: 1
        when: {question: home_seen, in: ["yes", partly]}
      - id: child_seen_alone
        type: single_choice
        scale: ypn
        text: Was the child seen alone at home?
        required: false
        when: {question: home_seen, equals: "yes"}
        themes: {voice_of_child: 1}
      - id: last_visit
        type: date
        text: When was the last visit?
        when: {question: home_seen, in: ["yes", partly]}
      - id: home_recorded
        type: single_choice
        scale: ypn
        text: Is the condition of the home recorded?
        evidence:
          required_for: ["no"]
        themes: {recording: 1, impact_on_child: 1}
      - id: days_between
        type: number
        text: How many days passed between the last two visits?
        required: false
        minimum: 0
        unit: days
      - id: summary
        type: text
        text: Summarise what the records show about the home.
        required: false
        max_length: 2000
      - id: referred
        type: single_choice
        scale: yes_no
        text: Was a referral made about the home?
        required: false
  - id: meetings
    title: Meetings
    questions:
      - id: meetings
        type: group
        text: Add one entry for each meeting about the child.
        entry_label: meeting
        max_entries: 10
        when: {question: home_seen, answered: true}
        questions:
          - id: meeting_date
            type: date
            text: When was it held?
          - id: attended
            type: single_choice
            scale: ypn
            text: Did your agency attend?
            themes: {meetings: 1}
  - id: overall
    title: Overall
    questions:
      - id: overall
        type: single_choice
        scale: judgement
        text: Overall, how well did your agency respond to the home conditions?
        themes: {recording: 1}
"""
"""The tool every rule's example edits (it loads with the standard catalogue)."""


def _block(first: str) -> str:
    """The lines of the example tool from ``first`` to the end of what it opens.

    ``first`` is a whole line (``- id: summary`` at its indentation); the
    block runs on while lines are indented deeper than it.
    """
    at = EXAMPLE_TOOL.index("\n" + first + "\n") + 1
    depth = len(first) - len(first.lstrip())
    lines = EXAMPLE_TOOL[at:].splitlines(True)
    taken = [lines[0]]
    for line in lines[1:]:
        if len(line) - len(line.lstrip()) <= depth:
            break
        taken.append(line)
    return "".join(taken)


# Blocks of the example tool that several examples move or remove.
_SUMMARY = _block("      - id: summary")
_REFERRED = _block("      - id: referred")
_OVERALL = _block("      - id: overall")
_MEETING_DATE = _block("          - id: meeting_date")
_ATTENDED = _block("          - id: attended")
_HOME_RECORDED = _block("      - id: home_recorded")
_MEETINGS_HEAD = "  - id: meetings\n    title: Meetings\n    questions:\n"
_MEETINGS_WHEN = "        when: {question: home_seen, answered: true}\n        questions:\n"
_TOLERANCE = "          date_tolerance_days: 2\n"
_ATTENDANCE_PART = (
    '          attendance: {question: attended, done: ["yes"], not_done: [partly, "no"]}\n'
)
_REGISTER = "        register:\n          date: meeting_date\n" + _TOLERANCE + _ATTENDANCE_PART
_WITH_REGISTER = ((_MEETINGS_WHEN, _MEETINGS_WHEN.replace("        questions:\n",
                                                          _REGISTER + "        questions:\n")),)
_OVERALL_SECTION = _block("  - id: overall")
_CHILD_SEEN_ALONE = _block("      - id: child_seen_alone")
_CHILD_SEEN_ALONE_HEAD = "".join(_CHILD_SEEN_ALONE.splitlines(True)[:4])
_CONCERNS_WHEN = """\
        min_selected: 1
        when: {question: home_seen, in: ["yes", partly]}
"""
_LAST_VISIT_WHEN = """\
        text: When was the last visit?
        when: {question: home_seen, in: ["yes", partly]}
"""
_DESCRIPTION = "description: How agencies recorded home conditions.\n"


def _retire(*ids: str) -> tuple[str, str]:
    return _DESCRIPTION, _DESCRIPTION + f"retired_ids: [{', '.join(ids)}]\n"


def _indent(block: str, by: int) -> str:
    return "".join(" " * by + line if line.strip() else line for line in block.splitlines(True))


def _ex(
    *edits: tuple[str, str],
    also: tuple[str, ...] = (),
    old: tuple[tuple[str, str], ...] = (),
) -> Example:
    return Example(tuple(edits), also, old)


B, C, S, N = Impact.BREAKING, Impact.COMPATIBLE, Impact.COSMETIC, Impact.NONE

_NEW_QUESTION = """\
      - id: home_safe
        type: text
        text: What made the home unsafe, if anything?
"""
_NEW_SUB_QUESTION = """\
          - id: minutes_received
            type: single_choice
            scale: yes_no
            text: Did your agency receive the minutes?
"""


_TABLE: tuple[DiffRule, ...] = (
    # --- the tool -----------------------------------------------------------
    DiffRule("tool-id-changed", "tool", B, N,
             "The tool's id changed: responses name the old id, so this is another tool",
             _ex(("id: example\nversion", "id: home_example\nversion"))),
    DiffRule("tool-title-changed", "tool", S, N, "The tool's title changed",
             _ex(("title: Home conditions mini-audit", "title: Home conditions audit"))),
    DiffRule("tool-theme-changed", "tool", S, N, "The practice theme named by the tool changed",
             _ex(("theme: Neglect\n", "theme: Neglect and home conditions\n"))),
    DiffRule("tool-status-changed", "tool", S, N,
             "The tool's status changed (draft, active, retired)",
             _ex(("status: active", "status: retired"))),
    DiffRule("tool-description-changed", "tool", S, N, "The tool's description changed",
             _ex((_DESCRIPTION,
                  "description: How agencies recorded and acted on home conditions.\n"))),
    DiffRule("catalogue-changed", "tool", N, B,
             "The tool scores into another theme catalogue, so its themes may mean something else",
             _ex(("status: active\n", "status: active\ncatalogue: standard@2\n"))),
    # --- grading ------------------------------------------------------------
    DiffRule("grade-bands-changed", "grading", N, B,
             "Grade bands changed (a grade added or removed, or a threshold moved): "
             "the same percent can get another grade",
             _ex(("{grade: good, min: 75, label: Good}", "{grade: good, min: 70, label: Good}"))),
    DiffRule("grade-band-label-changed", "grading", S, N,
             "How a grade is shown in reports changed",
             _ex(("{grade: good, min: 75, label: Good}",
                  "{grade: good, min: 75, label: Good practice}"))),
    DiffRule("min-answers-changed", "grading", N, B,
             "The fewest scored answers that support a theme's grade changed",
             _ex(("    recording: 2\n", "    recording: 3\n"))),
    # --- sections -----------------------------------------------------------
    DiffRule("section-added", "section", S, N,
             "A section is added (its questions are reported on their own)",
             _ex((_REFERRED, "  - id: referral\n    title: Referral\n    questions:\n" + _REFERRED),
                 also=("question-moved-section",))),
    DiffRule("section-removed", "section", S, N,
             "A section is removed (its questions are reported on their own)",
             _ex((_MEETINGS_HEAD, ""), also=("question-moved-section",))),
    DiffRule("section-renamed", "section", S, N,
             "A section's id changed, declared with renamed_from",
             _ex((_MEETINGS_HEAD,
                  "  - id: meeting_records\n    renamed_from: [meetings]\n"
                  "    title: Meetings\n    questions:\n"))),
    DiffRule("section-title-changed", "section", S, N, "A section's title changed",
             _ex(("    title: Meetings\n", "    title: Meetings about the child\n"))),
    DiffRule("section-description-changed", "section", S, N, "A section's introduction changed",
             _ex(("    description: Answer from your agency's records for the audit period.\n",
                  "    description: Answer from your agency's own records only.\n"))),
    DiffRule("section-reordered", "section", S, N, "A section moved to another place",
             _ex((_OVERALL_SECTION, ""), (_MEETINGS_HEAD, _OVERALL_SECTION + _MEETINGS_HEAD))),
    # --- questions ----------------------------------------------------------
    DiffRule("question-added", "question", C, N,
             "An optional question is added: old responses stay valid",
             _ex((_OVERALL, _NEW_QUESTION + "        required: false\n" + _OVERALL))),
    DiffRule("question-added-required", "question", B, N,
             "A required question is added: old responses do not answer it",
             _ex((_OVERALL, _NEW_QUESTION + _OVERALL))),
    DiffRule("question-removed", "question", B, N,
             "A question that scores nowhere is removed: old answers to it have no place",
             _ex((_SUMMARY, ""), _retire("summary"))),
    DiffRule("question-removed-scored", "question", B, B,
             "A scored question is removed (or one that scored questions' conditions read): "
             "its answers no longer count",
             _ex((_HOME_RECORDED, ""), _retire("home_recorded"))),
    DiffRule("question-replaced", "question", B, N,
             "A question that scores nowhere is replaced by another (declared with replaces)",
             _ex((_SUMMARY,
                  "      - id: home_description\n        type: text\n"
                  "        text: Describe the home as the records show it.\n"
                  "        required: false\n        replaces: [summary]\n"),
                 _retire("summary"))),
    DiffRule("question-replaced-scored", "question", B, B,
             "A scored question (or one that scored questions' conditions read) is replaced by "
             "another (declared with replaces)",
             _ex((_OVERALL,
                  "      - id: response_to_home\n        type: single_choice\n"
                  "        scale: judgement\n"
                  "        text: How well did the work change the child's home?\n"
                  "        replaces: [overall]\n        themes: {recording: 1}\n"),
                 _retire("overall"))),
    DiffRule("question-renamed", "question", C, N,
             "A question's id changed, declared with renamed_from: migrate carries its answers",
             _ex(("      - id: summary\n",
                  "      - id: home_summary\n        renamed_from: [summary]\n"))),
    DiffRule("question-type-changed", "question", B, N,
             "A question's answer type changed (it scores nowhere)",
             _ex(("        type: date\n        text: When was the last visit?",
                  "        type: text\n        text: When was the last visit?"))),
    DiffRule("question-type-changed-scored", "question", B, B,
             "A scored question's answer type changed (or one that scored questions' "
             "conditions read)",
             _ex((_CHILD_SEEN_ALONE_HEAD,
                  _CHILD_SEEN_ALONE_HEAD.replace("single_choice", "multiple_choice")),
                 ("        themes: {voice_of_child: 1}\n", ""))),
    DiffRule("question-text-changed", "question", S, N, "A question's wording changed",
             _ex(("text: Did your agency see the home?",
                  "text: Did anyone from your agency see the home?"))),
    DiffRule("question-guidance-changed", "question", S, N,
             "A question's guidance for auditors changed",
             _ex(("guidance: Count announced and unannounced visits.",
                  "guidance: Count announced and unannounced visits, and who made them."))),
    DiffRule("question-made-required", "question", B, N,
             "An optional question is now required",
             _ex((_SUMMARY, _SUMMARY.replace("        required: false\n", "")))),
    DiffRule("question-made-optional", "question", C, N,
             "A required question is now optional",
             _ex((_OVERALL, _OVERALL + "        required: false\n"))),
    DiffRule("question-moved-section", "question", S, N,
             "A question moved to another section",
             _ex((_SUMMARY, ""), (_MEETINGS_HEAD, _MEETINGS_HEAD + _SUMMARY))),
    DiffRule("question-moved-group", "question", B, N,
             "A question moved into, out of or between repeatable groups (it scores nowhere): "
             "its answer changes shape, and migration keeps it aside",
             _ex((_SUMMARY, ""), (_MEETING_DATE, _MEETING_DATE + _indent(_SUMMARY, 4)))),
    DiffRule("question-moved-group-scored", "question", B, B,
             "A scored question (or one that scored questions' conditions read) moved into, out "
             "of or between repeatable groups: migration keeps its answers aside",
             _ex((_CHILD_SEEN_ALONE, ""), (_ATTENDED, _ATTENDED + _indent(_CHILD_SEEN_ALONE, 4)))),
    DiffRule("question-reordered", "question", S, N,
             "A question moved within its section or group",
             _ex((_SUMMARY + _REFERRED, _REFERRED + _SUMMARY))),
    # --- conditions -----------------------------------------------------------
    DiffRule("condition-tightened", "condition", B, N,
             "A question now applies in fewer cases (a condition added or narrowed): "
             "old answers may stand where it no longer applies",
             _ex((_CONCERNS_WHEN,
                  "        min_selected: 1\n"
                  "        when: {question: home_seen, equals: \"yes\"}\n"))),
    DiffRule("condition-tightened-scored", "condition", B, B,
             "A condition on a scored question (or one that a scored question depends on) "
             "added or narrowed: some answers stop counting",
             _ex(("        text: Is the condition of the home recorded?\n",
                  "        text: Is the condition of the home recorded?\n"
                  "        when: {question: home_seen, answered: true}\n"))),
    DiffRule("condition-loosened", "condition", C, N,
             "An optional question that scores nowhere, and that nothing depends on, now "
             "applies in more cases",
             _ex((_CONCERNS_WHEN,
                  "        min_selected: 1\n"
                  "        when: {question: home_seen, answered: true}\n"))),
    DiffRule("condition-loosened-scored", "condition", C, B,
             "An optional scored question now applies in more cases: answers that were ignored "
             "can count",
             _ex(("        when: {question: home_seen, equals: \"yes\"}\n",
                  "        when: {question: home_seen, in: [\"yes\", partly]}\n"))),
    DiffRule("condition-loosened-required", "condition", B, N,
             "A question that must then be answered (required, with evidence rules or "
             "sub-questions, or read by other conditions) applies in more cases",
             _ex((_LAST_VISIT_WHEN, "        text: When was the last visit?\n"))),
    DiffRule("condition-loosened-required-scored", "condition", B, B,
             "As condition-loosened-required, where a scored question is involved",
             _ex(("        when: {question: home_seen, answered: true}\n", ""))),
    DiffRule("condition-changed", "condition", B, N,
             "A condition changed in a way that is neither only tighter nor only looser",
             _ex((_CONCERNS_WHEN,
                  "        min_selected: 1\n"
                  "        when: {question: home_seen, equals: \"no\"}\n"))),
    DiffRule("condition-changed-scored", "condition", B, B,
             "As condition-changed, where a scored question is involved",
             _ex(("        when: {question: home_seen, equals: \"yes\"}\n",
                  "        when: {question: home_seen, equals: partly}\n"))),
    DiffRule("condition-rewritten", "condition", S, N,
             "A condition is written differently but holds in exactly the same cases",
             _ex((_CONCERNS_WHEN,
                  "        min_selected: 1\n        when:\n          any:\n"
                  "            - {question: home_seen, equals: \"yes\"}\n"
                  "            - {question: home_seen, equals: partly}\n"))),
    # --- answers: evidence and limits ------------------------------------------
    DiffRule("evidence-required", "evidence", B, N,
             "Evidence is now required for more answers",
             _ex(('          required_for: ["no"]\n', '          required_for: ["no", partly]\n'))),
    DiffRule("evidence-relaxed", "evidence", C, N, "Evidence is required for fewer answers",
             _ex(('        evidence:\n          required_for: ["no"]\n', ""))),
    DiffRule("selection-tightened", "answer", B, N,
             "A multiple-choice question allows fewer combinations (min_selected raised or "
             "max_selected lowered)",
             _ex(("        min_selected: 1\n", "        min_selected: 2\n"))),
    DiffRule("selection-loosened", "answer", C, N,
             "A multiple-choice question allows more combinations",
             _ex(("        min_selected: 1\n", ""))),
    DiffRule("number-limits-tightened", "answer", B, N,
             "A number question allows fewer answers (a limit added or narrowed, or whole "
             "numbers only)",
             _ex(("        minimum: 0\n", "        minimum: 0\n        maximum: 365\n"))),
    DiffRule("number-limits-loosened", "answer", C, N,
             "A number question allows more answers",
             _ex(("        minimum: 0\n", ""))),
    DiffRule("number-unit-changed", "answer", C, N,
             "A number question's unit changed: old answers stay valid but were given in the "
             "old unit",
             _ex(("        unit: days\n", "        unit: weeks\n"))),
    DiffRule("text-limit-tightened", "answer", B, N, "A text question allows shorter answers only",
             _ex(("        max_length: 2000\n", "        max_length: 1000\n"))),
    DiffRule("text-limit-loosened", "answer", C, N, "A text question allows longer answers",
             _ex(("        max_length: 2000\n", "        max_length: 4000\n"))),
    DiffRule("option-map-changed", "answer", B, N,
             "A question's option_map now carries some old answers to another option of the same "
             "scale: migrated answers change value",
             _ex(("        min_selected: 1\n",
                  "        min_selected: 1\n        option_map: {none: not_recorded}\n"))),
    DiffRule("option-map-changed-scored", "answer", B, B,
             "As option-map-changed, on a scored question (or one that scored questions' "
             "conditions read): migrated answers can score differently",
             _ex(('          required_for: ["no"]\n',
                  '          required_for: ["no"]\n        option_map: {partly: "no"}\n'))),
    DiffRule("scale-swapped", "answer", B, N,
             "A choice question that scores nowhere now uses another scale",
             _ex(("        scale: yes_no\n", "        scale: ypn\n"))),
    DiffRule("scale-swapped-scored", "answer", B, B,
             "A scored choice question now uses another scale (or one that scored questions' "
             "conditions read)",
             _ex((_CHILD_SEEN_ALONE_HEAD, _CHILD_SEEN_ALONE_HEAD.replace("ypn", "judgement")))),
    # --- repeatable groups ------------------------------------------------------
    DiffRule("group-question-added", "group", C, N,
             "An optional sub-question is added to a repeatable group",
             _ex((_ATTENDED, _ATTENDED + _NEW_SUB_QUESTION + "            required: false\n"))),
    DiffRule("group-question-added-required", "group", B, N,
             "A required sub-question is added to a repeatable group: old entries lack it",
             _ex((_ATTENDED, _ATTENDED + _NEW_SUB_QUESTION))),
    DiffRule("group-question-removed", "group", B, N,
             "A sub-question that scores nowhere is removed from a repeatable group",
             _ex((_MEETING_DATE, ""), _retire("meeting_date"))),
    DiffRule("group-question-removed-scored", "group", B, B,
             "A scored sub-question (or one that scored siblings' conditions read) is removed "
             "from a repeatable group",
             _ex((_ATTENDED, ""), _retire("attended"))),
    DiffRule("group-entries-tightened", "group", B, N,
             "A repeatable group allows fewer entries (min_entries raised or max_entries lowered)",
             _ex(("        max_entries: 10\n", "        max_entries: 5\n"))),
    DiffRule("group-entries-loosened", "group", C, N,
             "A repeatable group allows more entries",
             _ex(("        max_entries: 10\n", ""))),
    DiffRule("group-entry-label-changed", "group", S, N,
             "What one entry of a group is called changed",
             _ex(("        entry_label: meeting\n",
                  "        entry_label: meeting or conference\n"))),
    DiffRule("group-register-added", "group", S, N,
             "A repeatable group is declared a register of events shared across agencies: "
             "returns and scores are untouched, and rounds gain a register",
             _ex(*_WITH_REGISTER)),
    DiffRule("group-register-removed", "group", S, N,
             "A repeatable group is no longer a register of shared events: returns and scores "
             "are untouched, and rounds lose its register",
             _ex((_REGISTER, ""), old=_WITH_REGISTER)),
    DiffRule("group-register-match-changed", "group", S, N,
             "What makes two agencies' records the same event changed (the kind, the date or "
             "the tolerance): the same returns can give another register",
             _ex((_TOLERANCE, "          date_tolerance_days: 5\n"), old=_WITH_REGISTER)),
    DiffRule("group-register-parts-changed", "group", S, N,
             "The parts a register reads changed (a part added or removed, its sub-question, or "
             "which answers count as done): the same returns can give other rates and flags",
             _ex((_ATTENDANCE_PART,
                  '          attendance: {question: attended, done: ["yes", partly], '
                  'not_done: ["no"]}\n'), old=_WITH_REGISTER)),
    # --- themes -----------------------------------------------------------------
    DiffRule("theme-mapping-added", "theme", N, B,
             "A question now also counts towards a theme",
             _ex(("        themes: {recording: 1}\n      - id: concerns",
                  "        themes: {recording: 1, impact_on_child: 1}\n      - id: concerns"))),
    DiffRule("theme-mapping-removed", "theme", N, B,
             "A question no longer counts towards a theme",
             _ex(("        themes: {recording: 1, impact_on_child: 1}\n",
                  "        themes: {recording: 1}\n"))),
    DiffRule("theme-weight-changed", "theme", N, B,
             "A question's weight in a theme changed",
             _ex(("        themes: {recording: 1}\n      - id: concerns",
                  "        themes: {recording: 2}\n      - id: concerns"))),
    # --- scales and options -------------------------------------------------------
    DiffRule("scale-added", "scale", S, N, "A scale is added",
             _ex(("scales:\n", "scales:\n  - id: frequency\n    title: How often\n    options:\n"
                  "      - {value: often, label: Often}\n"
                  "      - {value: rarely, label: Rarely}\n"))),
    DiffRule("scale-removed", "scale", S, N, "A scale is removed",
             _ex(("  - id: yes_no\n    title: Yes / no\n    options:\n"
                  '      - {value: "yes", label: "Yes"}\n      - {value: "no", label: "No"}\n', ""),
                 (_REFERRED, ""), _retire("referred"), also=("question-removed",))),
    DiffRule("scale-renamed", "scale", S, N, "A scale's id changed, declared with renamed_from",
             _ex(("  - id: yes_no\n", "  - id: yes_or_no\n    renamed_from: [yes_no]\n"),
                 ("        scale: yes_no\n", "        scale: yes_or_no\n"))),
    DiffRule("scale-wording-changed", "scale", S, N, "A scale's title or description changed",
             _ex(("    title: Yes / no\n", "    title: Yes or no\n"))),
    DiffRule("option-added", "option", C, N,
             "An option is added without raising the scale's maximum score",
             _ex(("      - {value: hygiene, label: Hygiene}\n",
                  "      - {value: hygiene, label: Hygiene}\n"
                  "      - {value: clothing, label: Inadequate clothing}\n"))),
    DiffRule("option-added-raising-max", "option", C, B,
             "An option is added that scores above the scale's old maximum: every percent on "
             "questions using the scale changes",
             _ex(("      - {value: outstanding, label: Outstanding, score: 3}\n",
                  "      - {value: exceptional, label: Exceptional, score: 4}\n"
                  "      - {value: outstanding, label: Outstanding, score: 3}\n"))),
    DiffRule("option-removed", "option", B, N,
             "An unscored option is removed: old answers that chose it are invalid",
             _ex(("      - {value: food, label: No food in the home}\n", ""))),
    DiffRule("option-removed-scored", "option", B, B,
             "A scored option is removed, or one whose answers scored questions' conditions "
             "read",
             _ex(("      - {value: outstanding, label: Outstanding, score: 3}\n", ""))),
    DiffRule("option-recoded", "option", B, N,
             "An option's stored value changed, declared with renamed_from: stored answers, "
             "exports and reports hold the old value until migrated",
             _ex(("      - {value: requires_improvement, label: Requires improvement, score: 1}\n",
                  "      - {value: needs_improvement, label: Requires improvement, score: 1, "
                  "renamed_from: [requires_improvement]}\n"))),
    DiffRule("option-label-changed", "option", S, N, "An option's label changed",
             _ex(("{value: food, label: No food in the home}", "{value: food, label: No food}"))),
    DiffRule("option-description-changed", "option", S, N, "An option's description changed",
             _ex(("{value: good, label: Good, score: 2}",
                  "{value: good, label: Good, score: 2, description: The expected standard.}"))),
    DiffRule("option-score-changed", "option", N, B, "An option's score changed",
             _ex(("{value: good, label: Good, score: 2}",
                  "{value: good, label: Good, score: 2.5}"))),
    DiffRule("option-now-scored", "option", N, B,
             "An unscored option (not applicable, not known) now gives points",
             _ex(("{value: not_applicable, label: Not applicable}",
                  "{value: not_applicable, label: Not applicable, score: 0}"))),
    DiffRule("option-now-unscored", "option", N, B,
             "A scored option no longer gives points",
             _ex(("{value: inadequate, label: Inadequate, score: 0}",
                  "{value: inadequate, label: Inadequate}"))),
    DiffRule("option-made-exclusive", "option", B, N,
             "An option can no longer be chosen with others",
             _ex(("{value: none, label: None of these}",
                  "{value: none, label: None of these, exclusive: true}"))),
    DiffRule("option-exclusive-dropped", "option", C, N,
             "An exclusive option can now be chosen with others",
             _ex(("{value: not_recorded, label: Not recorded, exclusive: true}",
                  "{value: not_recorded, label: Not recorded}"))),
    DiffRule("option-reordered", "option", S, N, "An option moved within its scale",
             _ex(("      - {value: hygiene, label: Hygiene}\n"
                  "      - {value: food, label: No food in the home}\n",
                  "      - {value: food, label: No food in the home}\n"
                  "      - {value: hygiene, label: Hygiene}\n"))),
)

RULES: dict[str, DiffRule] = {rule.code: rule for rule in _TABLE}
"""Every diff rule, by code, in catalogue order."""

EVERY_THEME_RULES = frozenset({"grade-bands-changed", "catalogue-changed"})
"""Rules whose changes reach every theme's score or grade and name no theme."""
