"""Building a round's register from a read round.

Which returns the register reads: every return that loaded as a response to
the round's tool version, for a case of the round, from an agency invited to
that case, and the only one for that case and agency. A return with errors
elsewhere (a missing answer, a date that does not parse) is still read, entry
by entry; one the register cannot read gets ``register-return-left-out`` and
its agency's column says so. The agencies of a case are those the manifest
invites to it, in manifest order, each once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from audit_tool import _pointer
from audit_tool.authoring._register_checks import check_registers
from audit_tool.authoring.tool import GroupQuestion, Tool
from audit_tool.codes import problem
from audit_tool.exceptions import AuditToolError
from audit_tool.problems import Problem
from audit_tool.responses.answers import public_keys
from audit_tool.responses.response import Period
from audit_tool.rounds._kept import RegisterView, register_view
from audit_tool.rounds.register.flags import EventFlags
from audit_tool.rounds.register.model import CaseRegister, CellState, Record, RoundRegister
from audit_tool.rounds.register.rates import round_rates
from audit_tool.rounds.register.reconcile import reconcile
from audit_tool.rounds.register.records import RecordReader
from audit_tool.rounds.round import AuditRound, RoundReturn

__all__ = ["build_register", "register_groups"]


def register_groups(tool: Tool) -> tuple[GroupQuestion, ...]:
    """The repeatable groups of ``tool`` declared a register, in document order."""
    return tuple(
        q
        for ref in tool.iter_questions()
        if isinstance(q := ref.question, GroupQuestion) and q.event_register is not None
    )


def _locate(r: RoundReturn, found: Problem) -> Problem:
    document = r.loaded.document
    if document is None:
        return found.located(r.file, None, None)
    return document.source.locate(found)


def _left_out(r: RoundReturn, why: str, pointer: str) -> Problem:
    found = problem(
        "register-return-left-out",
        f"the register leaves this return out: {why}",
        pointer,
        case=r.case,
        agency=r.agency,
    )
    return _locate(r, found)


def _usable(audit: AuditRound) -> tuple[dict[tuple[str, str], RoundReturn], list[Problem],
                                        set[tuple[str, str]]]:
    """The returns the register reads by (case, agency), problems for the others, and the
    (case, agency) places of the returns left out."""
    tool, manifest = audit.tool, audit.manifest
    invited = {c.ref: set(c.agencies) for c in manifest.cases}
    places: dict[tuple[str, str], list[RoundReturn]] = {}
    problems: list[Problem] = []
    left: set[tuple[str, str]] = set()
    for r in audit.returns:
        named = _named(r)
        if named is None:
            if r.case is not None and r.agency is not None:
                left.add((r.case, r.agency))
            problems.append(_left_out(r, "the file is not a readable return", ""))
            continue
        case, agency, answers = named
        place = (case, agency)
        if answers != tool.ref:
            left.add(place)
            problems.append(_left_out(
                r, f"it answers {answers}, not {tool.ref}", "/tool"))
        elif case not in invited:
            problems.append(_left_out(r, "its case is not one of the round's cases", "/case"))
        elif agency not in invited[case]:
            problems.append(_left_out(
                r, "its agency was not invited to audit its case", "/agency"))
        else:
            places.setdefault(place, []).append(r)
    usable: dict[tuple[str, str], RoundReturn] = {}
    for place, found in places.items():
        if len(found) == 1:
            usable[place] = found[0]
            continue
        left.add(place)
        for r in found:
            problems.append(_left_out(
                r, f"{len(found)} returns give the same case and agency '{place[1]}'", "/agency"))
    return usable, problems, left


def _named(r: RoundReturn) -> tuple[str, str, str] | None:
    """The case, agency and tool (``ID@VERSION``) the return gives; ``None`` when it did not
    load. Read as the round kept them, without unpacking the model."""
    if r._kept is not None:
        return r._kept.case, r._kept.agency, r._kept.tool_ref
    response = r.loaded.response
    if response is None:
        return None
    return response.case, response.agency, response.tool.ref


def _view(r: RoundReturn, reader: RecordReader) -> tuple[RegisterView, Period | None]:
    """What the register reads of ``r`` with ``reader``, and the period it gives: as the
    round kept it when it checked the return, else read from the model now."""
    kept = r._kept
    if kept is not None and reader.group.id in kept.registers:
        return kept.registers[reader.group.id], kept.period
    response = r.loaded.response
    assert response is not None
    raw = r.loaded.document.data if r.loaded.document is not None else None
    return register_view(reader, response, raw, r.file), response.period


def _published(found: Problem, keys: frozenset[str]) -> Problem:
    """``found`` with its pointer cut before any key of the return that is not the tool's or
    the format's (a key may be case data); its line and column still say where."""
    return dataclasses.replace(found, pointer=_pointer.known_prefix(found.pointer, keys))


def build_register(audit: AuditRound, group: str | None = None) -> RoundRegister | None:
    """The register of ``audit`` for the group ``group`` (by default the first group the
    tool declares a register), or ``None`` when the tool declares none (or not that one).

    Never raises for bad input: what cannot be read is a located problem, and the
    rest of the register is built.
    """
    tool, manifest = audit.tool, audit.manifest
    groups = [g for g in register_groups(tool) if group is None or g.id == group]
    if not groups:
        return None
    found = groups[0]
    declaration = found.event_register
    assert declaration is not None
    if any(p.is_error for p in check_registers(tool)):
        # A tool read from a file never gets here: its loader reports these problems.
        raise AuditToolError(
            f"{tool.ref}: the register of group '{found.id}' has errors; run 'audit-tool check'"
        )
    reader = RecordReader(tool, found, declaration)
    usable, problems, left = _usable(audit)
    keys = public_keys(tool)
    kinds = {reader.single_kind: found.entry_label[:1].upper() + found.entry_label[1:]}
    if reader.kind is not None:
        scale = tool.scale_of(reader.kind.question)
        kinds = {o.value: o.label for o in scale.options} if scale is not None else {}
    unable = manifest.unable
    cases: list[CaseRegister] = []
    seen: set[str] = set()
    for case in manifest.cases:
        if case.ref in seen:
            continue  # a case listed twice: the first entry counts
        seen.add(case.ref)
        agencies = tuple(dict.fromkeys(case.agencies))
        columns: dict[str, CellState] = {}
        records: list[Record] = []
        pointers: dict[str, str] = {}
        periods: dict[str, Period | None] = {}
        for agency in agencies:
            r = usable.get((case.ref, agency))
            if r is None:
                columns[agency] = (
                    CellState.LEFT_OUT if (case.ref, agency) in left
                    else CellState.UNABLE if agency in unable
                    else CellState.NO_RETURN
                )
                continue
            view, period = _view(r, reader)
            if not view.asked:
                columns[agency] = CellState.NOT_ASKED
                continue
            columns[agency] = CellState.RECORDED
            pointers[agency] = view.pointer
            periods[agency] = manifest.period or period
            for item in view.items:
                if isinstance(item, Record):
                    records.append(item)
                else:
                    item.context.update(case=case.ref, agency=agency)
                    problems.append(_locate(r, item))
        events = reconcile(records, agencies, columns, tuple(kinds),
                           declaration.date_tolerance_days)
        flags = EventFlags(case.ref, declaration, found.entry_label, periods.__getitem__,
                           pointers)
        for event in events:
            for agency, flag in flags.of(event):
                problems.append(_locate(usable[(case.ref, agency)], flag))
        cases.append(CaseRegister(case.ref, agencies, events, columns))
    agency_names: dict[str, str] = {}
    for entry in manifest.agencies:
        agency_names.setdefault(entry.id, entry.name)  # the first, if an id is listed twice
    return RoundRegister(
        round=manifest.round,
        tool_ref=tool.ref,
        group=found.id,
        title=_title(tool, found),
        entry_label=found.entry_label,
        declaration=declaration,
        kinds=kinds,
        labels=dict(_labels(tool, reader)),
        agencies=agency_names,
        cases=tuple(cases),
        rates=round_rates(cases, declaration, agency_names, kinds),
        problems=tuple(sorted((_published(p, keys) for p in problems), key=Problem.sort_key)),
    )


def _title(tool: Tool, group: GroupQuestion) -> str:
    ref = tool.question(group.id)
    return ref.section.title if ref is not None else group.id


def _labels(tool: Tool, reader: RecordReader) -> Iterator[tuple[str, dict[str, str]]]:
    for role, part in reader.parts.items():
        scale = tool.scale_of(part.question)
        yield role, {o.value: o.label for o in scale.options} if scale is not None else {}
