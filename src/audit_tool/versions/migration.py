"""Migrating a response to a new version of its tool, losing nothing.

``migrate(response, old, new)`` carries each answer to the new version
through what the new version declares: question renames (``renamed_from``,
sub-questions of groups included), re-coded options (an option's
``renamed_from``) and a question's ``option_map``. It uses the same
matching as the diff (:mod:`audit_tool.versions.matching`), so a rename the
diff reports is a rename migration carries.

An answer the new version has no place for (its question removed or replaced
by a different one, its type changed, a value no option of the new version
takes) is never dropped: it is kept under ``unplaced_answers`` by its old
question id, and listed in the result with the reason. For a repeatable
group, the sub-answers with no place are kept there under the group's id, in
the same entry positions. The migrated response names the new version and
records the old one in ``migrated_from``; a response that pinned the old
version's fingerprint gets the new version's.

The result also lists what the auditor must now do: required questions of
the new version that apply and have no answer, and carried answers that now
need evidence.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from audit_tool import _args
from audit_tool.authoring.fingerprints import fingerprint
from audit_tool.authoring.saving import to_yaml, to_yaml_keeping
from audit_tool.authoring.tool import (
    AnyQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    QuestionRef,
    SingleChoiceQuestion,
    Tool,
)
from audit_tool.exceptions import MigrationError
from audit_tool.responses._response_checks import needs_answer, needs_evidence
from audit_tool.responses.answers import walk_answers
from audit_tool.responses.response import Answer, MigrationStep, Response, ToolRef
from audit_tool.versions.matching import Matching, match

__all__ = [
    "Carried",
    "MigrationResult",
    "Outstanding",
    "Recoded",
    "Unplaced",
    "dump_response",
    "migrate",
]


@dataclass(frozen=True, slots=True)
class Carried:
    """An answer placed in the new version (under a new id when ``old`` differs from ``new``)."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Recoded:
    """An option value re-coded on the way: ``old_value`` became ``new_value``."""

    question: str
    old_value: str
    new_value: str
    entry: int | None = None


@dataclass(frozen=True, slots=True)
class Unplaced:
    """An answer (or a group entry's sub-answer) kept under ``unplaced_answers``, and why."""

    question: str
    reason: str
    key: str
    """Its key in ``unplaced_answers``."""
    entry: int | None = None
    known: bool = True
    """Whether ``question`` is a question id of the old version. Any text can be a key, so
    reports name an answer under any other key by its place only."""

    @property
    def shown_question(self) -> str | None:
        """``question`` when reports may show it (an id of the old version), else ``None``."""
        return self.question if self.known else None

    @property
    def shown_key(self) -> str | None:
        """``key`` when reports may show it: a group's id, or a question id of the old
        version, else ``None``."""
        return self.key if self.known or self.entry is not None else None


@dataclass(frozen=True, slots=True)
class Outstanding:
    """Something the auditor must now do at one answer's place: answer a required question
    that applies, or give the evidence the new version asks for."""

    question: str
    pointer: str
    entry: int | None = None


@dataclass(frozen=True)
class MigrationResult:
    """A migrated response and what happened to each answer."""

    response: Response
    carried: tuple[Carried, ...] = ()
    recoded: tuple[Recoded, ...] = ()
    unplaced: tuple[Unplaced, ...] = ()
    unanswered: tuple[Outstanding, ...] = ()
    """Required questions of the new version that apply and have no answer."""
    needs_evidence: tuple[Outstanding, ...] = ()
    """Carried answers the new version wants evidence for, that have none."""

    def to_dict(self) -> dict[str, Any]:
        """What happened, as plain data: ids, option values and reasons, never free text."""
        step = self.response.migrated_from[-1].tool if self.response.migrated_from else None
        return {
            "from": {"id": step.id, "version": step.version} if step else None,
            "to": {"id": self.response.tool.id, "version": self.response.tool.version},
            "carried": [{"from": c.old, "to": c.new} for c in self.carried],
            "recoded": [
                {"question": r.question, "entry": r.entry, "from": r.old_value, "to": r.new_value}
                for r in self.recoded
            ],
            "unplaced": [
                {"question": u.shown_question, "entry": u.entry, "key": u.shown_key,
                 "reason": u.reason}
                for u in self.unplaced
            ],
            "unanswered": [
                {"question": u.question, "entry": u.entry, "pointer": u.pointer}
                for u in self.unanswered
            ],
            "needs_evidence": [
                {"question": n.question, "entry": n.entry, "pointer": n.pointer}
                for n in self.needs_evidence
            ],
        }


@dataclass
class _Run:
    """The state of one migration."""

    matching: Matching
    unplaced_answers: dict[str, Answer]
    carried: list[Carried] = field(default_factory=list)
    recoded: list[Recoded] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)

    def keep(self, question: str, answer: Answer, reason: str) -> None:
        """Keep a whole answer aside."""
        key = self.free_key(question)
        self.unplaced_answers[key] = answer
        known = self.matching.old.question(question) is not None
        self.unplaced.append(Unplaced(question, reason, key, known=known))

    def free_key(self, question: str) -> str:
        """A key in ``unplaced_answers``: the old id, or the old id at the old version."""
        if question not in self.unplaced_answers:
            return question
        stem = f"{question}@{self.matching.old.version}"
        key, n = stem, 2
        while key in self.unplaced_answers:
            key, n = f"{stem}.{n}", n + 1
        return key


def _choice(question: AnyQuestion) -> bool:
    return isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion)


def _carry_value(
    run: _Run, old: QuestionRef, new: QuestionRef, value: Any, entry: int | None
) -> tuple[bool, Any]:
    """``(True, value in the new version)``, or ``(False, None)`` when it has no place."""
    oq, nq = old.question, new.question
    if value is None or not _choice(nq):
        return True, value
    chosen = value if isinstance(value, list) else [value]
    carried = [run.matching.carry_value(oq, nq, v) for v in chosen]
    if any(c is None for c in carried):
        return False, None
    for before, after in zip(chosen, carried, strict=True):
        if before != after:
            run.recoded.append(Recoded(nq.id, before, after, entry))
    return True, carried if isinstance(value, list) else carried[0]


def _why_unplaced(run: _Run, old: QuestionRef, new: QuestionRef | None) -> str:
    """Why an answer to ``old`` has no place at ``new`` ('' when it has one)."""
    m = run.matching
    qid = old.question.id
    if new is None:
        replacing = m.replaced.get(qid)
        if replacing:
            return "replaced by a different question: " + ", ".join(replacing)
        return "the question is removed"
    if type(old.question) is not type(new.question):
        return f"the answer type changed from {old.question.type} to {new.question.type}"
    if not m.same_group(old, new):
        return "the question moved into, out of or between repeatable groups"
    return ""


def _group_entries(
    run: _Run, old: QuestionRef, new: QuestionRef, answer: Answer, key: str
) -> tuple[list[dict[str, Answer]], list[dict[str, Answer]]]:
    """The group's entries carried, and per entry the sub-answers with no place."""
    entries: list[dict[str, Answer]] = []
    left: list[dict[str, Answer]] = []
    for index, entry in enumerate(answer.entries):
        placed: dict[str, Answer] = {}
        kept: dict[str, Answer] = {}
        for sub_id, sub_answer in entry.items():
            old_sub = run.matching.old.question(sub_id)
            if old_sub is None or old_sub.group is not old.question:
                why = f"not a sub-question of '{old.question.id}' in the old version"
            else:
                new_sub = run.matching.new_ref(sub_id)
                why = _why_unplaced(run, old_sub, new_sub)
                if not why and new_sub is not None:
                    new_id = new_sub.question.id
                    if new_id in placed:
                        why = f"the entry also answers '{new_id}' itself"
                    else:
                        ok, value = _carry_value(run, old_sub, new_sub, sub_answer.value, index)
                        if ok:
                            placed[new_id] = sub_answer.model_copy(update={"value": value})
                            continue
                        why = _NO_OPTION
            kept[sub_id] = sub_answer
            run.unplaced.append(Unplaced(sub_id, why, key, index, known=old_sub is not None))
        entries.append(placed)
        left.append(kept)
    return entries, left


_NO_OPTION = "a value the new version's options do not take"


def _carry(run: _Run, answers: dict[str, Answer], qid: str, answer: Answer) -> None:
    m = run.matching
    old = m.old.question(qid)
    if old is None:
        run.keep(qid, answer, "the old version has no such question")
        return
    if old.group is not None:
        run.keep(qid, answer, f"a sub-question of '{old.group.id}' answered outside its group")
        return
    new = m.new_ref(qid)
    why = _why_unplaced(run, old, new)
    if why or new is None:
        run.keep(qid, answer, why)
        return
    new_id = new.question.id
    if new_id in answers:
        run.keep(qid, answer, f"the response also answers '{new_id}' itself")
        return
    if isinstance(old.question, GroupQuestion) and answer.entries:
        key = run.free_key(qid)
        entries, left = _group_entries(run, old, new, answer, key)
        answers[new_id] = answer.model_copy(update={"value": entries})
        if any(left):
            run.unplaced_answers[key] = Answer(value=left)
        run.carried.append(Carried(qid, new_id))
        return
    ok, value = _carry_value(run, old, new, answer.value, None)
    if not ok:
        run.keep(qid, answer, _NO_OPTION)
        return
    answers[new_id] = answer.model_copy(update={"value": value})
    run.carried.append(Carried(qid, new_id))


def migrate(
    response: Response, old: Tool, new: Tool, *, today: datetime.date | None = None
) -> MigrationResult:
    """``response``, which answers ``old``, carried to ``new``; nothing is dropped.

    Raises :class:`MigrationError` when the response does not name ``old``'s
    id and version. ``today`` (default: the current date) dates the
    ``migrated_from`` record.
    """
    response = _args.typed(response, Response, "response")
    old, new = _args.typed(old, Tool, "old"), _args.typed(new, Tool, "new")
    today = _args.date(today, "today")
    if (response.tool.id, response.tool.version) != (old.id, old.version):
        raise MigrationError(
            f"the response answers {response.tool.ref}, not {old.ref}: migrate it from "
            f"{response.tool.ref}"
        )
    same = (old.id, old.version) == (new.id, new.version)
    run = _Run(match(old, new), dict(response.unplaced_answers))
    answers: dict[str, Answer] = {}
    for qid, answer in response.answers.items():
        _carry(run, answers, qid, answer)
    # A fingerprint pins the tool's content: the old one is wrong for the new version.
    pinned = fingerprint(new) if response.tool.fingerprint is not None else None
    migrated = response.model_copy(
        update={
            "tool": ToolRef(id=new.id, version=new.version, fingerprint=pinned),
            "answers": answers,
            "unplaced_answers": run.unplaced_answers,
            # Carried to the version it already answers: no step to record.
            "migrated_from": response.migrated_from if same else [
                *response.migrated_from,
                MigrationStep(tool=response.tool, date=today or datetime.date.today()),
            ],
        }
    )
    unanswered: list[Outstanding] = []
    needs: list[Outstanding] = []
    for slot in walk_answers(new, migrated):
        question = slot.question
        if not slot.applies:
            continue
        if needs_answer(slot):
            unanswered.append(Outstanding(question.id, slot.pointer, slot.entry))
        if slot.answer is not None and needs_evidence(question, slot.answer):
            needs.append(Outstanding(question.id, slot.pointer, slot.entry))
    return MigrationResult(
        migrated,
        tuple(run.carried),
        tuple(run.recoded),
        tuple(run.unplaced),
        tuple(unanswered),
        tuple(needs),
    )


def _compact(answers: dict[str, Any]) -> dict[str, Any]:
    """Answers as an auditor writes them: a bare value when there is nothing else."""
    out: dict[str, Any] = {}
    for qid, answer in answers.items():
        if isinstance(answer, dict):
            value = answer.get("value")
            if isinstance(value, list) and value and all(isinstance(e, dict) for e in value):
                answer = {**answer, "value": [_compact(e) for e in value]}
            if list(answer) == ["value"] and answer["value"] is not None:
                out[qid] = answer["value"]
                continue
        out[qid] = answer
    return out


def dump_response(response: Response, *, original: str | None = None) -> str:
    """A response as readable YAML (bare answers where there is no evidence), dates as
    dates. With ``original``, the text of the file the response was read from, its
    comments and the writing of every unchanged value are kept."""
    data = response.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    for key in ("answers", "unplaced_answers"):
        if key in data:
            data[key] = _compact(data[key])
    return to_yaml(data) if original is None else to_yaml_keeping(data, original)
