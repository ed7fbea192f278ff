"""Changes to a repeatable group's ``register`` declaration (:mod:`audit_tool.authoring.events`).

A register says how a round reads returns together, never what a return asks,
accepts or scores: every rule here is cosmetic on data and moves no score, and
the declaration is left out of the fingerprint. What changes is the round's
register: which records are the same event (``group-register-match-changed``)
and what a record's answers count as (``group-register-parts-changed``).
Sub-question ids are compared through the declared renames.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from audit_tool.authoring.events import PART_ROLES, EventRegister, RegisterPart

__all__ = ["register_differences"]


def _part(part: RegisterPart | None, rename: Callable[[str], str]) -> tuple[object, ...] | None:
    if part is None:
        return None
    lists = tuple(sorted(v) for v in (part.done, part.not_done, getattr(part, "not_invited", [])))
    return (rename(part.question), *lists)


def register_differences(
    old: EventRegister | None, new: EventRegister | None, rename: Callable[[str], str]
) -> Iterator[tuple[str, str]]:
    """``(rule, detail)`` for each way the declaration changed; ``rename`` maps an old
    sub-question id to its id in the new version."""
    if old is None and new is None:
        return
    if old is None:
        yield "group-register-added", "now declared a register of events shared across agencies"
        return
    if new is None:
        yield "group-register-removed", "no longer declared a register of shared events"
        return
    matched = []
    old_kind = rename(old.kind) if old.kind is not None else None
    if old_kind != new.kind:
        matched.append(f"kind was '{old.kind or 'none'}', now '{new.kind or 'none'}'")
    if rename(old.date) != new.date:
        matched.append(f"date was '{old.date}', now '{new.date}'")
    if old.date_tolerance_days != new.date_tolerance_days:
        matched.append(
            f"date tolerance was {old.date_tolerance_days} days, now {new.date_tolerance_days}"
        )
    if matched:
        yield "group-register-match-changed", "; ".join(matched)
    changed = [
        role
        for role in PART_ROLES
        if _part(getattr(old, role), rename) != _part(getattr(new, role), lambda s: s)
    ]
    if changed:
        yield "group-register-parts-changed", "register parts changed: " + ", ".join(changed)
