"""Write the returns of the two synthetic example rounds of the neglect audit programme.

    .venv/bin/python scripts/make_examples.py          # rewrite the returns
    .venv/bin/python scripts/make_examples.py --check  # exit 1 if a committed return differs

- ``examples/2017-05-neglect/responses/``: the May 2017 round, answered with
  neglect 1.0.0 (``tools/neglect_v1.yaml``), the tool in use then. Five cases,
  one discussed at a separate meeting; two agencies unable to take part; one
  return missing; one return (C4, police) presenting historical information as
  current; one return (C2, housing) deliberately invalid.
- ``examples/2019-05-neglect/responses/``: the follow-up round two years on,
  answered with neglect 2.0.0, which acted on the 2017 learning (the
  outcome-focused plan questions and the statutory meetings section).
  Practice is mostly better, not everywhere.

Every case, agency, answer and word is made up. The answers are drawn from a
seeded generator (``random.Random`` seeded with the round, case and agency), so
each run writes the same files. Each file is written as an auditor filling in
``audit-tool template`` would leave it: the question's number and text as a
comment above each answer. The manifests (``audit.yaml``) are written by hand
and are not touched here.
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit_tool import load_tool
from audit_tool.authoring.describe import Wording
from audit_tool.authoring.tool import GroupQuestion, SingleChoiceQuestion, TextQuestion, Tool
from audit_tool.responses.template import yaml_scalar

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 88
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# agency id -> (file name part, agency_type answer, auditor's role)
AGENCIES: dict[str, tuple[str, str, str]] = {
    "csc": ("csc", "children_social_care", "Practice manager, safeguarding quality assurance"),
    "police": ("police", "police", "Detective sergeant, public protection unit"),
    "acute_health": ("acute-health", "health_acute", "Named nurse for safeguarding children"),
    "community_health": ("community-health", "health_community",
                         "Safeguarding lead, health visiting and school nursing"),
    "education": ("education", "education", "Designated safeguarding lead"),
    "probation": ("probation", "probation", "Senior probation officer"),
    "drugs_alcohol": ("drugs-alcohol", "drugs_alcohol", "Team leader, family recovery service"),
    "housing": ("housing", "housing", "Tenancy sustainment manager"),
    "voluntary": ("voluntary", "voluntary_sector", "Family support service manager"),
    "domestic_abuse": ("domestic-abuse", "domestic_abuse_service",
                       "Service manager, domestic abuse outreach"),
    "crc": ("crc", "probation", "Responsible officer, community rehabilitation"),
}

NAMES = {
    "csc": "children's social care", "police": "police", "acute_health": "acute hospital trust",
    "community_health": "community health", "education": "school", "probation": "probation",
    "drugs_alcohol": "drug and alcohol service", "housing": "housing",
    "voluntary": "family support", "domestic_abuse": "domestic abuse service",
    "crc": "community rehabilitation company",
}

SUMMARIES = {
    "csc": "Allocated social worker throughout; statutory visits, assessments and planning "
           "meetings.",
    "police": "Attended domestic incidents at the address; shared notifications with "
              "children's social care.",
    "acute_health": "Emergency department attendances and paediatric outpatient appointments.",
    "community_health": "Health visiting and school nursing contacts, including home visits.",
    "education": "Attendance monitoring, welfare meetings with the parent and pastoral support.",
    "probation": "Supervision of an adult in the household under a community order.",
    "drugs_alcohol": "Treatment and key work with a parent, including home visits.",
    "housing": "Tenancy management, rent arrears work and a referral for repairs.",
    "voluntary": "Family support worker visiting weekly under the early help plan.",
    "domestic_abuse": "Outreach support to a parent after a high-risk incident, and safety "
                      "planning.",
    "crc": "Supervision of an adult in the household after release on licence.",
}

WHAT_WORKED = [
    "Information was shared quickly after incidents, so others could act the same day.",
    "Joint visits with another agency gave a fuller picture of home conditions.",
    "Regular contact and a consistent worker helped the parent engage with the plan.",
    "The worker's persistence meant the child was seen regularly despite missed appointments.",
]
LEARNING = [
    "Keep the chronology up to date at each supervision; team manager to check monthly.",
    "Record attendance and outcomes of core groups in the agency's own file; safeguarding "
    "lead to brief staff within three months.",
    "Record how the home conditions affect the child, not only what was seen; safeguarding "
    "lead to brief staff.",
    "Seek and record the child's views at every review; named practitioner to audit again in "
    "six months.",
]

# Evidence an auditor writes for an answer: (question id, value) -> variants.
EVIDENCE: dict[tuple[str, str], list[str]] = {
    ("record_clear_picture", "no"): [
        "The record names the parent only; the children and other adults in the home are "
        "not recorded."],
    ("record_clear_picture", "partly"): [
        "Household members are listed, but a partner who stays most weekends is missing from "
        "the record.",
        "The household is recorded at referral and not updated when an older sibling moved "
        "back home."],
    ("chronology_current", "no"): [
        "No chronology on file; events have to be pieced together from case notes."],
    ("chronology_current", "partly"): [
        "Chronology kept, but the last three months of contacts have not been added.",
        "Chronology up to date, but two entries checked against the case notes have the "
        "wrong date."],
    ("neglect_identified_early", "no"): [
        "Repeated missed appointments were recorded without being recognised as possible "
        "neglect."],
    ("neglect_identified_early", "partly"): [
        "Concerns about hygiene were noted twice before a referral was made.",
        "Staff noticed the child arriving hungry for several weeks before it was raised."],
    ("impact_recorded", "no"): [
        "Records describe the parent's difficulties; the child's experience is not recorded."],
    ("impact_recorded", "partly"): [
        "Home conditions are described in detail; what this means for the child is not.",
        "The effect on the child's sleep is recorded; the effect on schooling is not."],
    ("school_records", "no"): ["The school file records attainment and attendance only."],
    ("school_records", "partly"): [
        "Attendance is monitored; hunger and tiredness were noticed by staff but not "
        "recorded on the welfare log."],
    ("assessment_quality", "outstanding"): [
        "The assessment uses the history and a completed Graded Care Profile 2 to explain "
        "the risks clearly."],
    ("assessment_quality", "good"): [
        "The assessment identifies the child's needs and the risks, using the family's "
        "history."],
    ("assessment_quality", "requires_improvement"): [
        "The assessment describes the family's circumstances but does not analyse the risks."],
    ("assessment_quality", "inadequate"): [
        "No assessment of the child's needs in the audit period."],
    ("effective_plan", "no"): [
        "No plan on the agency's file; actions are agreed meeting by meeting.",
        "The plan lists services to attend; it does not say what should change for the "
        "child."],
    ("effective_plan", "partly"): [
        "A plan is in place and reviewed, but its actions are tasks for the parent rather "
        "than outcomes for the child.",
        "The plan is followed, but nothing in it measures whether the child's day-to-day "
        "care is better."],
    ("outcomes_child_focused", "no"): [
        "The plan lists services to attend; no outcome describes a change for the child."],
    ("outcomes_child_focused", "partly"): [
        "Two of five outcomes describe a change for the child; the others are tasks for the "
        "parent."],
    ("outcome_plan", "outstanding"): [
        "Each outcome says what will be different for the child and by when, and the core "
        "group tracks it."],
    ("outcome_plan", "good"): [
        "Most outcomes describe a change for the child, and progress is reviewed."],
    ("outcome_plan", "requires_improvement"): [
        "The plan is mostly a list of tasks; progress is reported, not measured."],
    ("outcome_plan", "inadequate"): ["There is no plan the agency works to."],
    ("child_situation", "improved"): [
        "School attendance and health appointments kept have both improved since the plan "
        "began."],
    ("child_situation", "no_change"): [
        "The same concerns are recorded at the start and the end of the period."],
    ("child_situation", "deteriorated"): [
        "Weight and attendance have both fallen since the plan began."],
    ("child_situation", "too_early"): [
        "The plan began shortly before the end of the audit period."],
    ("child_situation", "not_known"): [
        "The agency's records do not say how the child's situation has changed."],
    ("information_shared", "no"): [
        "Concerns about the home were held in the agency's file and not passed on."],
    ("information_shared", "partly"): [
        "Concerns were shared with the social worker, but three weeks after the incident."],
    ("think_family", "no"): [
        "The adult's assessment does not mention that children live in the home."],
    ("think_family", "partly"): [
        "The children are named in the adult's record, but not the effect of the adult's "
        "needs on them."],
    ("child_voice_recorded", "no"): ["No record of the child's views in the audit period."],
    ("child_voice_recorded", "partly"): ["The child's views are recorded at the conference only."],
    ("child_seen_alone", "no"): [
        "The child was always seen with a parent present; no reason recorded."],
    ("drift", "no"): [
        "Work stopped for two months when the worker changed; no visits in that time."],
    ("drift", "partly"): [
        "The plan was repeated at two reviews with the same actions outstanding."],
    ("overall_grade", "outstanding"): [
        "Consistent, child-focused practice that made a lasting difference."],
    ("overall_grade", "good"): [
        "The agency met the expected standard; the child's needs were understood and acted on."],
    ("overall_grade", "requires_improvement"): [
        "Work was well intended but not consistently focused on the child's experience."],
    ("overall_grade", "inadequate"): [
        "The child's needs were not recognised, and the agency's work did not change them."],
    ("immediate_concern", "yes"): [
        "Referred to the children's social care duty team the day the audit was completed, "
        "because the records read as a current risk."],
    ("meeting_attendance", "apologies_without_report"): [
        "Apologies sent on the day; no report was provided."],
    ("meeting_attendance", "did_not_attend"): [
        "Invitation received; no one attended and no apology was recorded."],
    ("meeting_attendance", "not_invited"): [
        "The agency was not invited; given its involvement it should have been."],
    ("meeting_outcome_recorded", "no"): ["Nothing in the agency's file about this meeting."],
    ("meeting_outcome_recorded", "partly"): [
        "Attendance recorded; the decision and the agency's actions are not."],
    ("meeting_actions_done", "no"): ["The agreed action was not completed; no reason recorded."],
    ("meeting_actions_done", "partly"): ["One of two actions completed by the date agreed."],
}

SCALE_QUESTIONS_NA = {
    # question id -> (chance of "not applicable", agencies for which it is always so)
    "escalation": (0.45, ()),
    "assessment_completed": (0.0, ("housing",)),
    "history_used": (0.0, ("housing",)),
    "child_seen_alone": (0.15, ("acute_health",)),
    "gcp2_used": (0.3, ("police", "acute_health", "housing", "probation", "crc")),
    "rvm_used": (0.2, ("housing", "police")),
    "outcomes_smart": (0.1, ()),
    "multi_agency_meetings": (0.0, ()),
}


@dataclass(frozen=True)
class Case:
    ref: str
    child_status: str
    agencies: tuple[str, ...]
    level: float
    """How good practice was on this case, added to each theme's level."""
    domestic_abuse: bool = False
    meetings: tuple[tuple[str, str], ...] = ()
    """The case's statutory meetings (kind, date), for tools that record them."""


@dataclass(frozen=True)
class Round:
    id: str
    tool: str
    period: tuple[str, str]
    completed: tuple[str, str]
    """The first and last day returns were completed."""
    themes: dict[str, float]
    """Each theme's level across the round, 0 (poor) to 1 (excellent)."""
    cases: tuple[Case, ...]
    not_returned: frozenset[tuple[str, str]] = frozenset()
    """(case, agency) invited but with no return: missing, or the agency unable to take part."""
    historical: frozenset[tuple[str, str]] = frozenset()
    """Returns whose evidence is dated years before the period, presented as current."""
    invalid: frozenset[tuple[str, str]] = frozenset()
    """Returns written with deliberate errors."""
    agency_level: dict[str, float] = field(default_factory=dict)


AGENCY_LEVEL_2017 = {"police": 0.05, "community_health": 0.05, "voluntary": 0.05,
                     "education": -0.05, "probation": -0.05, "housing": -0.1}

ROUND_2017 = Round(
    id="2017-05-neglect",
    tool="tools/neglect_v1.yaml",
    period=("2016-05-01", "2017-03-31"),
    completed=("2017-04-05", "2017-04-28"),
    themes={"recording": 0.45, "outcome_planning": 0.35, "impact_on_child": 0.42,
            "assessment": 0.42, "multi_agency": 0.78, "voice_of_child": 0.38,
            "meetings": 0.3, "oversight": 0.55},
    cases=(
        Case("C1", "child_protection", ("csc", "police", "acute_health", "community_health",
                                        "education", "drugs_alcohol", "housing"), -0.05, True),
        Case("C2", "child_in_need", ("csc", "community_health", "education", "housing",
                                     "voluntary"), 0.08),
        Case("C3", "child_protection", ("csc", "police", "acute_health", "community_health",
                                        "education", "probation", "drugs_alcohol"), 0.1, True),
        Case("C4", "child_protection", ("csc", "police", "community_health", "education",
                                        "probation"), -0.08, True),
        Case("C5", "child_in_need", ("csc", "community_health", "education", "voluntary",
                                     "drugs_alcohol"), 0.05),
    ),
    not_returned=frozenset({("C5", "education")}),
    historical=frozenset({("C4", "police")}),
    invalid=frozenset({("C2", "housing")}),
    agency_level=AGENCY_LEVEL_2017,
)

ROUND_2019 = Round(
    id="2019-05-neglect",
    tool="tools/neglect_v2.yaml",
    period=("2018-05-01", "2019-03-31"),
    completed=("2019-04-03", "2019-04-26"),
    themes={"recording": 0.62, "outcome_planning": 0.56, "impact_on_child": 0.52,
            "assessment": 0.42, "multi_agency": 0.7, "voice_of_child": 0.55,
            "meetings": 0.66, "oversight": 0.5},
    cases=(
        Case("C1", "child_protection", ("csc", "police", "acute_health", "community_health",
                                        "education", "drugs_alcohol", "housing"), 0.0, True,
             (("strategy_discussion", "2018-05-17"), ("icpc", "2018-06-07"),
              ("core_group", "2018-06-28"), ("core_group", "2018-09-13"),
              ("review_conference", "2018-11-29"), ("core_group", "2019-01-24"))),
        Case("C2", "child_in_need", ("csc", "community_health", "education", "voluntary",
                                     "domestic_abuse"), 0.06, True,
             (("strategy_discussion", "2018-08-09"),)),
        Case("C3", "child_protection", ("csc", "police", "community_health", "education",
                                        "probation", "crc"), 0.04, False,
             (("strategy_discussion", "2018-07-03"), ("icpc", "2018-07-24"),
              ("core_group", "2018-08-21"), ("core_group", "2018-10-30"),
              ("review_conference", "2019-01-15"))),
        Case("C4", "child_protection", ("csc", "police", "acute_health", "community_health",
                                        "education", "domestic_abuse"), -0.06, True,
             (("strategy_discussion", "2018-09-10"), ("icpc", "2018-10-01"),
              ("core_group", "2018-10-22"), ("core_group", "2019-01-14"))),
        Case("C5", "child_in_need", ("csc", "community_health", "education", "housing",
                                     "drugs_alcohol"), 0.05),
    ),
    not_returned=frozenset({("C1", "housing"), ("C5", "housing")}),
    agency_level={"police": 0.03, "community_health": 0.05, "education": 0.03,
                  "probation": -0.05, "crc": -0.08, "voluntary": 0.04},
)

ROUNDS = (ROUND_2017, ROUND_2019)
# Answers about the audit itself, whose evidence is never dated.
_UNDATED = frozenset({"overall_grade", "immediate_concern"})
JUDGEMENT = ("inadequate", "requires_improvement", "good", "outstanding")


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


class _Return:
    """One agency's return for one case: its answers drawn from the levels."""

    def __init__(self, audit: Round, case: Case, agency: str, tool: Tool) -> None:
        self.audit, self.case, self.agency, self.tool = audit, case, agency, tool
        self.rng = random.Random(f"{audit.id}/{case.ref}/{agency}")
        self.levels = {
            theme: min(max(level + case.level + audit.agency_level.get(agency, 0.0)
                           + self.rng.uniform(-0.08, 0.08), 0.05), 0.95)
            for theme, level in audit.themes.items()
        }
        first, last = (_date(d) for d in audit.completed)
        self.completed = first + datetime.timedelta(days=self.rng.randint(0, (last - first).days))
        self.involvement = "open_throughout" if agency in ("csc", "education",
                                                           "community_health") else (
            self.rng.choice(["open_throughout", "open_part", "open_part"]))

    def level(self, question: SingleChoiceQuestion) -> float:
        themes = list(question.themes) or ["multi_agency"]
        return sum(self.levels[t] for t in themes) / len(themes)

    def evidence_date(self) -> str | None:
        start, end = (_date(d) for d in self.audit.period)
        if (self.case.ref, self.agency) in self.audit.historical:
            back = datetime.timedelta(days=self.rng.randint(450, 1600))
            return (start - back).isoformat()
        if self.rng.random() < 0.3:
            return (start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))
                    ).isoformat()
        return None

    def yes_partly_no(self, level: float) -> str:
        r = self.rng.random()
        if r < level - 0.12:
            return "yes"
        if r > level + 0.4:
            return "no"
        return "partly"

    def choice(self, question: SingleChoiceQuestion) -> str:
        qid, level = question.id, self.level(question)
        chance, always = SCALE_QUESTIONS_NA.get(qid, (0.0, ()))
        if self.agency in always or self.rng.random() < chance:
            return "not_applicable"
        if qid == "dash_completed" and not self.case.domestic_abuse:
            return "not_applicable"
        if qid == "chronology_current" and self.involvement == "open_part" and \
                self.agency in ("police", "acute_health"):
            return "not_applicable"
        if question.scale == "judgement":
            index = int((level + self.rng.uniform(-0.2, 0.2)) * 4.2)
            return JUDGEMENT[min(max(index, 0), 3)]
        if question.scale == "child_change":
            if self.rng.random() < 0.15:
                return "not_known"
            r = level + self.rng.uniform(-0.25, 0.25)
            return "improved" if r >= 0.6 else "no_change" if r >= 0.3 else "deteriorated"
        return self.yes_partly_no(level)

    def answer(self, question: Any, value: str) -> Any:
        """``value``, with evidence where the tool requires it (and sometimes where not)."""
        rule = question.evidence
        needed = rule is not None and (rule.required or value in rule.required_for)
        pool = EVIDENCE.get((question.id, value))
        if not needed and (pool is None or self.rng.random() > 0.25):
            return value
        if pool is None:
            raise SystemExit(f"no evidence written for {question.id}={value}")
        full: dict[str, str] = {"value": value, "evidence": self.rng.choice(pool)}
        when = self.evidence_date()
        dated = question.id not in _UNDATED and not question.id.startswith("meeting")
        if when is not None and dated:
            full["evidence_date"] = when
        return full

    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        values: dict[str, Any] = {}
        for section in self.tool.sections:
            for question in section.questions:
                if question.when is not None and not question.when.evaluate(values):
                    continue
                value = self._value(question)
                if value is None:
                    continue
                out[question.id] = value
                values[question.id] = value["value"] if isinstance(value, dict) else value
        return out

    def _value(self, question: Any) -> Any:
        qid = question.id
        if qid == "agency_type":
            return AGENCIES[self.agency][1]
        if qid == "involvement":
            return self.involvement
        if qid == "child_status":
            return self.case.child_status
        if qid == "involvement_summary":
            return SUMMARIES[self.agency]
        if qid == "what_worked":
            return self.rng.choice(WHAT_WORKED)
        if qid == "learning":
            return self.rng.choice(LEARNING)
        if qid == "overall_grade":
            mean = sum(self.levels.values()) / len(self.levels)
            return self.answer(question, JUDGEMENT[min(max(int(mean * 4.2), 0), 3)])
        if qid == "immediate_concern":
            historical = (self.case.ref, self.agency) in self.audit.historical
            return self.answer(question, "yes" if historical else "no")
        if isinstance(question, GroupQuestion):
            return self.meetings(question)
        if isinstance(question, SingleChoiceQuestion):
            return self.answer(question, self.choice(question))
        if isinstance(question, TextQuestion):
            return None
        raise SystemExit(f"no answer written for {qid}")

    def meetings(self, group: GroupQuestion) -> list[dict[str, Any]]:
        held = list(self.case.meetings)
        if self.agency != "csc" and len(held) > 2:
            held = sorted(self.rng.sample(held, self.rng.randint(2, min(4, len(held)))),
                          key=lambda m: m[1])
        level = self.levels["meetings"]
        entries = []
        for kind, date in held:
            entry: dict[str, Any] = {"meeting_type": kind, "meeting_date": date}
            r = self.rng.random() - level
            attendance = ("attended" if r < 0.05 else "apologies_with_report" if r < 0.2
                          else "apologies_without_report" if r < 0.3
                          else "not_invited" if r < 0.36 else "did_not_attend")
            values: dict[str, Any] = {"meeting_attendance": attendance}
            for sub in group.questions[2:]:
                assert isinstance(sub, SingleChoiceQuestion)
                if sub.when is not None and not sub.when.evaluate(values):
                    continue
                if sub.id == "meeting_attendance":
                    value = attendance
                elif sub.id == "meeting_report":
                    if kind in ("strategy_discussion", "core_group"):
                        value = "not_required"
                    else:
                        r = self.rng.random() - level
                        value = "on_time" if r < 0.05 else "late" if r < 0.25 else "not_submitted"
                elif sub.id == "meeting_contribution":
                    r = self.rng.random() - level
                    value = ("named_actions" if r < -0.1 else "information_only" if r < 0.25
                             else "no_contribution")
                else:
                    value = self.yes_partly_no(level)
                entry[sub.id] = self.answer(sub, value)
                values[sub.id] = value
            entries.append(entry)
        return _varied(entries, MEETING_VARIATIONS.get((self.audit.id, self.case.ref,
                                                        self.agency), ()))


# Records of one statutory meeting that differ between agencies' returns, as they do in
# practice, so that the round's register (audit-tool meetings) shows every kind of flag.
# (round, case, agency) -> edits to the entries drawn above, made after every answer is
# drawn so that no other answer changes:
#   ("redate", kind, date, new): the entry for that meeting gives another date;
#   ("copy", kind, date, new): the entry is entered a second time, with another date.
MEETING_VARIATIONS: dict[tuple[str, str, str], tuple[tuple[str, str, str, str], ...]] = {
    # a date one day out: within the 3 days' tolerance, still the same meeting
    ("2019-05-neglect", "C4", "police"): (
        ("redate", "strategy_discussion", "2018-09-10", "2018-09-11"),),
    # the same core group entered twice, a day apart: a possible duplicate
    ("2019-05-neglect", "C4", "acute_health"): (
        ("copy", "core_group", "2018-10-22", "2018-10-23"),),
    # the strategy discussion before the referral, held before the audit period began
    ("2019-05-neglect", "C1", "csc"): (
        ("copy", "strategy_discussion", "2018-05-17", "2018-04-19"),),
    # dates 3 and 5 days after the others: the records chain beyond the tolerance
    ("2019-05-neglect", "C3", "police"): (("redate", "core_group", "2018-10-30", "2018-11-02"),),
    ("2019-05-neglect", "C3", "education"): (
        ("redate", "core_group", "2018-10-30", "2018-11-04"),),
}


def _varied(entries: list[dict[str, Any]],
            edits: tuple[tuple[str, str, str, str], ...]) -> list[dict[str, Any]]:
    out = list(entries)
    for how, kind, date, new in edits:
        at = next((n for n, e in enumerate(out)
                   if (e["meeting_type"], e["meeting_date"]) == (kind, date)), None)
        if at is None:
            raise SystemExit(f"no {kind} of {date} to vary")
        if how == "redate":
            out[at] = {**out[at], "meeting_date": new}
        else:
            out.insert(at + 1, {**out[at], "meeting_date": new})
    return out


# --- writing -------------------------------------------------------------------------------


def _comment(text: str, indent: int) -> list[str]:
    pad = " " * indent + "# "
    return textwrap.wrap(text, WIDTH - len(pad), initial_indent=pad, subsequent_indent=pad + "  ",
                         break_on_hyphens=False)


def _text(key: str, text: str, indent: int) -> list[str]:
    """``key: text`` on one line when it fits and reads as plain text, else folded."""
    pad = " " * indent
    plain = ": " not in text and " #" not in text and text[0] not in "!&*{}[]|>'\"%@`#,?:-"
    line = f"{pad}{key}: {text}"
    if plain and len(line) <= WIDTH:
        return [line]
    wrapped = textwrap.wrap(text, WIDTH - indent - 2, break_on_hyphens=False)
    return [f"{pad}{key}: >-", *(f"{pad}  {w}" for w in wrapped)]


def _answer_lines(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        lines = [f"{pad}{key}:", f"{pad}  value: {yaml_scalar(value['value'])}"]
        lines += _text("evidence", value["evidence"], indent + 2)
        if "evidence_date" in value:
            lines.append(f"{pad}  evidence_date: {value['evidence_date']}")
        return lines
    if " " in value:
        return _text(key, value, indent)
    if _DATE.fullmatch(value):
        return [f"{pad}{key}: {value}"]
    return [f"{pad}{key}: {yaml_scalar(value)}"]


def render(ret: _Return, answers: dict[str, Any], *, completed: str) -> str:
    tool, audit = ret.tool, ret.audit
    wording = Wording.file(tool)
    lines = [
        f"# Case {ret.case.ref}, {NAMES[ret.agency]}: the agency's return for the neglect audit"
        f" of May {audit.id[:4]},",
        f"# answered with the tool in use at the time, neglect {tool.version}.",
        "# Synthetic example data: no real child, family or practitioner.",
        f"tool: {{id: {tool.id}, version: {tool.version}}}",
        f"round: {audit.id}",
        f"case: {ret.case.ref}",
        f"agency: {ret.agency}",
        f"auditor_role: {AGENCIES[ret.agency][2]}",
        f"completed: {completed}",
        f"period: {{start: {audit.period[0]}, end: {audit.period[1]}}}",
        "",
        "answers:",
    ]
    for s, section in enumerate(tool.sections, start=1):
        shown = [q for q in section.questions if q.id in answers]
        if not shown:
            continue
        lines += ["", *_comment(f"{s}. {section.title}", 2)]
        for question in shown:
            number = wording.numbers.get(question.id, "")
            lines += _comment(f"{number} {question.text}", 2)
            value = answers[question.id]
            if isinstance(question, GroupQuestion):
                if not value:
                    lines.append(f"  {question.id}: []")
                    continue
                lines.append(f"  {question.id}:")
                for entry in value:
                    first = True
                    for key, sub_value in entry.items():
                        sub_lines = _answer_lines(key, sub_value, 6)
                        if first:
                            sub_lines[0] = "    - " + sub_lines[0].lstrip()
                            first = False
                        lines += sub_lines
            else:
                lines += _answer_lines(question.id, value, 2)
    return "\n".join(lines) + "\n"


def returns(audit: Round) -> Iterator[tuple[Path, str]]:
    """Every return of ``audit``: its path and its text."""
    tool = load_tool(ROOT / audit.tool)
    folder = ROOT / "examples" / audit.id / "responses"
    for case in audit.cases:
        for agency in case.agencies:
            if (case.ref, agency) in audit.not_returned:
                continue
            ret = _Return(audit, case, agency, tool)
            answers = ret.answers()
            completed = ret.completed.isoformat()
            if (case.ref, agency) in audit.invalid:
                # Two slips a validator must catch: a date that does not exist and an
                # answer that is not an option of its scale.
                completed = f"{completed[:4]}-04-31"
                answers["information_shared"] = "sometimes"
            name = f"{case.ref.lower()}-{AGENCIES[agency][0]}.yaml"
            yield folder / name, render(ret, answers, completed=completed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a committed return differs")
    args = parser.parse_args(argv)
    stale = []
    for audit in ROUNDS:
        folder = ROOT / "examples" / audit.id / "responses"
        written = dict(returns(audit))
        present = set(folder.glob("*.yaml")) if folder.is_dir() else set()
        if args.check:
            stale += [p for p, text in written.items()
                      if not p.is_file() or p.read_text(encoding="utf-8") != text]
            stale += sorted(present - set(written))
            continue
        folder.mkdir(parents=True, exist_ok=True)
        for path in sorted(present - set(written)):
            path.unlink()
        for path, text in written.items():
            path.write_text(text, encoding="utf-8")
        print(f"{folder.relative_to(ROOT)}: {len(written)} returns")
    for path in stale:
        print(f"{path.relative_to(ROOT)}: differs from what scripts/make_examples.py writes")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
