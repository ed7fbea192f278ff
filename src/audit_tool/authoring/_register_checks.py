"""Checks of a repeatable group's ``register`` declaration (:mod:`audit_tool.authoring.events`).

Every name the declaration gives must be a sub-question of its own group, of
the type its role needs (the kind and each part a single choice, the date a
date); every option it lists must be one of that question's scale, and in one
list only; no sub-question plays two roles. Pointers lead into the resolved
tool, to the field at fault.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit_tool import _pointer
from audit_tool._validation import suggestion
from audit_tool.authoring.events import EventRegister, RegisterPart
from audit_tool.authoring.tool import DateQuestion, GroupQuestion, SingleChoiceQuestion, Tool
from audit_tool.codes import problem
from audit_tool.problems import Problem

__all__ = ["check_registers"]

_KINDS = {"single_choice": SingleChoiceQuestion, "date": DateQuestion}


def check_registers(tool: Tool) -> Iterator[Problem]:
    """Every problem of every group's register declaration."""
    for ref in tool.iter_questions():
        question = ref.question
        if isinstance(question, GroupQuestion) and question.event_register is not None:
            base = _pointer.join(ref.pointer, "register")
            yield from _check(tool, question, question.event_register, base)


def _check(
    tool: Tool, group: GroupQuestion, register: EventRegister, base: str
) -> Iterator[Problem]:
    roles: dict[str, str] = {}
    named = [("date", register.date, "date", _pointer.join(base, "date"))]
    if register.kind is not None:
        named.insert(0, ("kind", register.kind, "single_choice", _pointer.join(base, "kind")))
    parts = list(register.parts())
    named += [(role, part.question, "single_choice", _pointer.join(base, role, "question"))
              for role, part in parts]
    for role, question_id, wanted, pointer in named:
        if question_id in roles:
            yield problem(
                "register-question-reused",
                f"register of group '{group.id}': sub-question '{question_id}' is given as "
                f"both {roles[question_id]} and {role}",
                pointer,
            )
            continue
        roles[question_id] = role
        yield from _sub_question(group, role, question_id, wanted, pointer)
    for role, part in parts:
        yield from _options(tool, group, role, part, _pointer.join(base, role))


def _sub_question(
    group: GroupQuestion, role: str, question_id: str, wanted: str, pointer: str
) -> Iterator[Problem]:
    subs = {sub.id: sub for sub in group.questions}
    sub = subs.get(question_id)
    if sub is None:
        yield problem(
            "register-unknown-question",
            f"register of group '{group.id}': {role} names '{question_id}', which is not one "
            f"of the group's sub-questions{suggestion(question_id, list(subs))}",
            pointer,
        )
    elif not isinstance(sub, _KINDS[wanted]):
        yield problem(
            "register-wrong-type",
            f"register of group '{group.id}': {role} must be a {wanted.replace('_', ' ')} "
            f"sub-question, but '{question_id}' is {sub.type.replace('_', ' ')}",
            pointer,
        )
    elif role in ("kind", "date") and not sub.required:
        yield problem(
            "register-key-optional",
            f"register of group '{group.id}': the {role} sub-question '{question_id}' is "
            "optional, so entries that leave it out cannot be matched across agencies",
            pointer,
        )


def _options(
    tool: Tool, group: GroupQuestion, role: str, part: RegisterPart, base: str
) -> Iterator[Problem]:
    sub = next((q for q in group.questions if q.id == part.question), None)
    if not isinstance(sub, SingleChoiceQuestion):
        return  # reported above
    scale = tool.scale(sub.scale)
    if scale is None:
        return  # unknown-scale, reported by the scale checks
    lists = [("done", part.done), ("not_done", part.not_done)]
    not_invited = getattr(part, "not_invited", None)
    if not_invited is not None:
        lists.append(("not_invited", not_invited))
    seen: dict[str, str] = {}
    for name, values in lists:
        for index, value in enumerate(values):
            pointer = _pointer.join(base, name, index)
            if scale.option(value) is None:
                yield problem(
                    "register-unknown-option",
                    f"register of group '{group.id}': {role} lists '{value}', which is not an "
                    f"option of scale '{scale.id}'{suggestion(value, list(scale.values))}",
                    pointer,
                )
            elif value in seen:
                yield problem(
                    "register-option-conflict",
                    f"register of group '{group.id}': {role} lists option '{value}' in both "
                    f"{seen[value]} and {name}",
                    pointer,
                )
            else:
                seen[value] = name
