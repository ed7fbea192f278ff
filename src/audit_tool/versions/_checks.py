"""What the comparison finds wrong with a new version as the successor of the old one.

- An id the old version reserved (in ``retired_ids``, or as an earlier name
  of a question) used again: ``retired-id-reused``, an error.
- A question the new version no longer has, or a reservation the old version
  held, missing from the new ``retired_ids``: ``removed-id-not-reserved``, an
  error; the next version could otherwise give the id another meaning.
- An unmatched removed/added pair that looks alike: ``possible-rename``, a
  warning with the line to add. Renames are declared, never guessed, so this
  is only advice.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from typing import TypeVar

from audit_tool import _pointer
from audit_tool.authoring.tool import Option, QuestionRef, Tool
from audit_tool.codes import problem
from audit_tool.problems import Problem
from audit_tool.versions.matching import Matching

__all__ = ["successor_problems"]

_LOOKALIKE = 0.75

T = TypeVar("T")


def successor_problems(m: Matching) -> Iterator[Problem]:
    """Every problem of ``m.new`` as the next version of ``m.old``."""
    yield from _reused(m)
    yield from _not_reserved(m)
    yield from _question_lookalikes(m)
    yield from _option_lookalikes(m)


def _reserved_by(tool: Tool) -> dict[str, str]:
    """Ids ``tool`` keeps from reuse, each with why."""
    found = dict.fromkeys(tool.retired_ids, "lists it in retired_ids")
    for ref in tool.iter_questions():
        for earlier in (*ref.question.renamed_from, *ref.question.replaces):
            found.setdefault(earlier, f"names it as an earlier question of '{ref.question.id}'")
    return found


def _reused(m: Matching) -> Iterator[Problem]:
    reserved = _reserved_by(m.old)
    old_ids = {r.question.id for r in m.old.iter_questions()}
    for ref in m.new.iter_questions():
        qid = ref.question.id
        if qid in reserved and qid not in old_ids:
            yield problem(
                "retired-id-reused",
                f"question id '{qid}' is reserved: version {m.old.version} {reserved[qid]}; "
                "old responses may hold answers to the old question under this id, so choose "
                "a new id",
                _pointer.join(ref.pointer, "id"),
                id=qid,
            )


def _not_reserved(m: Matching) -> Iterator[Problem]:
    kept = set(m.new.retired_ids)
    missing: list[tuple[str, str]] = []
    for ref in m.old.iter_questions():
        qid = ref.question.id
        if qid not in m.old_questions and qid not in kept:
            missing.append((qid, f"question '{qid}' is removed"))
    for qid in m.old.retired_ids:
        if qid not in kept and m.new.question(qid) is None:
            missing.append((qid, f"'{qid}' was reserved by version {m.old.version}"))
    if not missing:
        return
    line = "retired_ids: [" + ", ".join([*m.new.retired_ids, *(q for q, _ in missing)]) + "]"
    pointer = "/retired_ids" if m.new.retired_ids else ""
    for qid, why in missing:
        yield problem(
            "removed-id-not-reserved",
            f"{why} but not reserved in this version; add it to retired_ids so no later "
            f"version reuses it: `{line}`",
            pointer,
            id=qid,
        )


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


def _question_lookalikes(m: Matching) -> Iterator[Problem]:
    retired = set(m.new.retired_ids)
    removed = [
        r
        for r in m.old.iter_questions()
        if r.question.id not in m.old_questions
        and r.question.id not in m.replaced
        and r.question.id not in retired
    ]
    added = [
        r
        for r in m.new.iter_questions()
        if r.question.id not in m.questions and not r.question.replaces
    ]
    for old, new in _pairs(removed, added, _question_likeness):
        yield problem(
            "possible-rename",
            f"question '{new.question.id}' looks like '{old.question.id}', which this version "
            f"removes; if it is the same question, add `renamed_from: [{old.question.id}]` to "
            f"'{new.question.id}' so that migration carries its answers",
            _pointer.join(new.pointer, "id"),
            old=old.question.id,
        )


def _question_likeness(old: QuestionRef, new: QuestionRef) -> float:
    if old.question.type != new.question.type:
        return 0.0
    old_q, new_q = old.question, new.question
    return max(_alike(old_q.text, new_q.text), _alike(old_q.id, new_q.id))


def _option_lookalikes(m: Matching) -> Iterator[Problem]:
    for i, scale in enumerate(m.new.scales):
        old_id = m.scales.get(scale.id)
        old = m.old.scale(old_id) if old_id is not None else None
        if old is None:
            continue
        matches = m.option_matches(old.id, scale.id)
        carried = m.carried_options(old.id, scale.id)
        removed = [o for o in old.options if o.value not in carried]
        added = [(k, o) for k, o in enumerate(scale.options) if o.value not in matches]
        pairs = _pairs(removed, [o for _k, o in added], _option_likeness)
        where = {id(o): k for k, o in added}
        for before, after in pairs:
            yield problem(
                "possible-rename",
                f"option '{after.value}' of scale '{scale.id}' looks like '{before.value}', "
                f"which this version removes; if it is the same answer, add "
                f"`renamed_from: [{before.value}]` to the option so that migration re-codes "
                "old answers",
                _pointer.join("/scales", i, "options", where[id(after)], "value"),
                old=before.value,
            )


def _option_likeness(old: Option, new: Option) -> float:
    return max(_alike(old.label, new.label), _alike(old.value, new.value))


def _pairs(
    old: list[T], new: list[T], likeness: Callable[[T, T], float]
) -> list[tuple[T, T]]:
    scored = sorted(
        ((likeness(o, n), i, j) for i, o in enumerate(old) for j, n in enumerate(new)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    found: list[tuple[T, T]] = []
    for score, i, j in scored:
        if score < _LOOKALIKE:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        found.append((old[i], new[j]))
    return found
