"""Question changes: added, removed, replaced, renamed, moved, and each field compared."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from audit_tool import _pointer
from audit_tool.authoring.conditions import Condition
from audit_tool.authoring.describe import Wording, describe_condition, describe_evidence, plural
from audit_tool.authoring.tool import (
    AnyQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    QuestionRef,
    SingleChoiceQuestion,
    TextQuestion,
    Tool,
)
from audit_tool.responses.template import yaml_scalar
from audit_tool.versions._conditions import Relation, compare, relabel
from audit_tool.versions._context import Context, make, quoted
from audit_tool.versions._order import moved
from audit_tool.versions._registers import register_differences
from audit_tool.versions.model import Change

__all__ = ["question_changes"]


def _scored(rule: str, scored: bool) -> str:
    return f"{rule}-scored" if scored else rule


def _kind(ref: QuestionRef) -> str:
    return "sub-question" if ref.group is not None else "question"


def _describe(ref: QuestionRef) -> str:
    where = f"group '{ref.group.id}'" if ref.group is not None else f"section '{ref.section.id}'"
    return f"{_kind(ref)} '{ref.question.id}' in {where}"


def question_changes(ctx: Context) -> Iterator[Change]:
    """Every change to the questions, in document order."""
    new_sections = {s.id for s in ctx.new.sections} - set(ctx.matching.sections)
    for ref in ctx.new.iter_questions():
        old_ref = ctx.matching.old_ref(ref.question.id)
        if old_ref is None:
            yield from _added(ctx, ref, new_sections)
        else:
            yield from _compared(ctx, old_ref, ref)
    for ref in ctx.old.iter_questions():
        if ref.question.id not in ctx.matching.old_questions:
            yield from _removed(ctx, ref)
    yield from _reordered(ctx)


def _added(ctx: Context, ref: QuestionRef, new_sections: set[str]) -> Iterator[Change]:
    q = ref.question
    if any(old_id in ctx.matching.replaced for old_id in q.replaces):
        return  # told with the question it replaces
    required = "required" if q.required else "optional"
    if ref.group is not None:
        if ctx.matching.old_ref(ref.group.id) is None:
            return  # told with its new group
        rule = "group-question-added-required" if q.required else "group-question-added"
        headline = False
    else:
        rule = "question-added-required" if q.required else "question-added"
        headline = isinstance(q, GroupQuestion) or ref.section.id in new_sections
    extra = ""
    if isinstance(q, GroupQuestion):
        extra = f", a repeatable group of {len(q.questions)} sub-questions"
    yield make(
        rule,
        ref.pointer,
        f"{_describe(ref)} is added ({required}{extra}): {quoted(q.text)}",
        target=q.id,
        subject=q.text,
        detail=f"new {required} question",
        section=ref.section.title,
        related=tuple(s.id for s in q.questions) if isinstance(q, GroupQuestion) else (),
        position=ref.index,
        headline=headline,
    )
    if isinstance(q, GroupQuestion) and q.event_register is not None:
        yield make(
            "group-register-added",
            _pointer.join(ref.pointer, "register"),
            f"{_describe(ref)}: declared a register of events shared across agencies",
            target=q.id,
            subject=q.text,
            detail="declared a register of events shared across agencies",
            section=ref.section.title,
            position=ref.index,
        )


def _removed(ctx: Context, ref: QuestionRef) -> Iterator[Change]:
    q = ref.question
    themes = ctx.themes(q.id, None)
    scored = bool(themes)
    replacing = ctx.matching.replaced.get(q.id)
    if replacing:
        first = ctx.new.question(replacing[0])
        assert first is not None
        names = ", ".join(f"'{r}'" for r in replacing)
        count = plural(len(replacing), "question")
        yield make(
            _scored("question-replaced", scored),
            first.pointer,
            f"{_kind(ref)} '{q.id}' {quoted(q.text)} is replaced by {count}: {names}",
            target=q.id,
            subject=q.text,
            detail=f"replaced by {count}",
            section=first.section.title,
            themes=themes,
            related=replacing,
            position=first.index,
            headline=True,
        )
        return
    if ref.group is not None:
        if ref.group.id not in ctx.matching.old_questions:
            return  # told with its group
        rule, headline = _scored("group-question-removed", scored), False
    else:
        rule, headline = _scored("question-removed", scored), True
    reserved = " (its id is reserved)" if q.id in ctx.new.retired_ids else ""
    yield make(
        rule,
        ref.pointer,
        f"{_describe(ref)} is removed{reserved}: {quoted(q.text)}",
        side="old",
        target=q.id,
        subject=q.text,
        detail="removed",
        section=ref.section.title,
        themes=themes,
        position=ctx.old_position(q.id),
        headline=headline,
    )


def _compared(ctx: Context, old: QuestionRef, new: QuestionRef) -> Iterator[Change]:
    oq, nq = old.question, new.question
    here = _Pair(ctx, old, new)
    if oq.id != nq.id:
        yield here.change("question-renamed", f"was '{oq.id}' (declared with renamed_from)")
    yield from here.moves()
    if oq.text != nq.text:
        yield here.change(
            "question-text-changed",
            f"text was {quoted(oq.text)}, now {quoted(nq.text)}",
            plain=f"reworded (was {quoted(oq.text, 200, curly=True)})",
        )
    if oq.guidance != nq.guidance:
        yield here.change(
            "question-guidance-changed",
            f"guidance was {quoted(oq.guidance) if oq.guidance else 'none'}, "
            f"now {quoted(nq.guidance) if nq.guidance else 'none'}",
            plain="guidance for auditors "
            + ("added" if not oq.guidance else "removed" if not nq.guidance else "rewritten"),
        )
    if type(oq) is not type(nq):
        # Migration keeps the old answer aside: the question and what reads it can move scores.
        themes = ctx.themes(oq.id, nq.id)
        yield here.change(
            _scored("question-type-changed", bool(themes)),
            f"type was {oq.type}, now {nq.type}",
            themes=themes,
        )
        return
    if oq.required != nq.required:
        yield here.change(
            "question-made-required" if nq.required else "question-made-optional",
            "now required" if nq.required else "now optional",
        )
    yield from here.condition()
    yield from here.evidence()
    yield from here.themes()
    yield from here.answers()


class _Pair:
    """One question in both versions, and the changes between them."""

    def __init__(self, ctx: Context, old: QuestionRef, new: QuestionRef) -> None:
        self.ctx, self.old, self.new = ctx, old, new

    def change(self, rule: str, detail: str, **fields: Any) -> Change:
        return make(
            rule,
            self.new.pointer,
            f"{_describe(self.new)}: {detail}",
            target=self.new.question.id,
            subject=self.new.question.text,
            detail=fields.pop("plain", detail),
            section=self.new.section.title,
            position=self.new.index,
            **fields,
        )

    def moves(self) -> Iterator[Change]:
        ctx, old, new = self.ctx, self.old, self.new
        if not ctx.matching.same_group(old, new):
            themes = ctx.themes(old.question.id, new.question.id)
            was = f"group '{old.group.id}'" if old.group is not None else "no group"
            now = f"group '{new.group.id}'" if new.group is not None else "no group"
            yield self.change(
                _scored("question-moved-group", bool(themes)),
                f"was in {was}, now in {now}",
                themes=themes,
            )
        elif new.group is None and ctx.matching.old_sections.get(old.section.id) != new.section.id:
            yield self.change(
                "question-moved-section",
                f"moved from section '{old.section.id}' to '{new.section.id}'",
            )

    def condition(self) -> Iterator[Change]:
        ctx, oq, nq = self.ctx, self.old.question, self.new.question
        was = (
            relabel(oq.when, ctx.old_in_new_terms, ctx.old_value_in_new_terms)
            if oq.when is not None
            else None
        )
        relation = compare(was, nq.when, ctx.is_many)
        if relation is Relation.SAME:
            return
        shown = f"condition was {_show(oq.when)}, now {_show(nq.when)}"
        plain = f"now {_asked(ctx.new, nq.when)} (before: {_asked(ctx.old, oq.when)})"
        if relation is Relation.EQUIVALENT:
            yield self.change("condition-rewritten", shown + " (the same cases)", plain=plain)
            return
        themes = ctx.themes(oq.id, nq.id)
        if relation is Relation.TIGHTER:
            rule = "condition-tightened"
        elif relation is Relation.CHANGED:
            rule = "condition-changed"
        else:
            why = self._loosening_needs_answers()
            rule = "condition-loosened-required" if why else "condition-loosened"
            if why:
                shown += f"; {why}"
        yield self.change(_scored(rule, bool(themes)), shown, themes=themes, plain=plain)

    def _loosening_needs_answers(self) -> str:
        """Why applying in more cases can make an old response invalid ('' if it cannot)."""
        ctx, oq, nq = self.ctx, self.old.question, self.new.question
        if nq.required:
            return "the question is required"
        if nq.evidence is not None and (nq.evidence.required or nq.evidence.required_for):
            return "the question has evidence rules"
        if isinstance(nq, GroupQuestion):
            return "the group's entries have sub-questions to answer"
        if ctx.readers(ctx.new, nq.id) or ctx.readers(ctx.old, oq.id):
            return "other conditions read the question"
        return ""

    def evidence(self) -> Iterator[Change]:
        ctx, oq, nq = self.ctx, self.old.question, self.new.question
        values = _answer_values(ctx, self.old, self.new)
        was = _evidence_for(oq, values, lambda v: ctx.matching.carry_value(oq, nq, v) or v)
        now = _evidence_for(nq, values, lambda v: v)
        shown = f"evidence was {_show_evidence(oq)}, now {_show_evidence(nq)}"
        plain = f"Now: {_plain_evidence(ctx.new, nq)} Before: {_plain_evidence(ctx.old, oq)}"
        if now - was:
            yield self.change("evidence-required", shown, plain=plain)
        elif was - now:
            yield self.change("evidence-relaxed", shown, plain=plain)

    def themes(self) -> Iterator[Change]:
        oq, nq = self.old.question, self.new.question
        for theme in sorted({*oq.themes, *nq.themes}):
            before, after = oq.themes.get(theme), nq.themes.get(theme)
            if before == after:
                continue
            if before is None:
                rule = "theme-mapping-added"
                detail = f"now counts towards '{theme}' (weight {after:g})"
            elif after is None:
                rule = "theme-mapping-removed"
                detail = f"no longer counts towards '{theme}'"
            else:
                rule = "theme-weight-changed"
                detail = f"weight in '{theme}' was {before:g}, now {after:g}"
            yield self.change(rule, detail, themes=(theme,))

    def answers(self) -> Iterator[Change]:
        ctx, oq, nq = self.ctx, self.old.question, self.new.question
        if isinstance(oq, SingleChoiceQuestion | MultipleChoiceQuestion):
            assert isinstance(nq, SingleChoiceQuestion | MultipleChoiceQuestion)
            # Answers may be kept aside or re-coded: what reads the question can move too.
            themes = ctx.themes(oq.id, nq.id)
            scored = bool(themes)
            if ctx.matching.old_scales.get(oq.scale) != nq.scale:
                yield self.change(
                    _scored("scale-swapped", scored),
                    f"scale was '{oq.scale}', now '{nq.scale}'",
                    themes=themes,
                )
            else:
                remapped = self._remapped(oq, nq)
                if remapped:
                    yield self.change(
                        _scored("option-map-changed", scored),
                        "migration now carries "
                        + ", ".join(f"'{old}' to '{new}'" for old, new in remapped),
                        themes=themes,
                    )
        if isinstance(oq, MultipleChoiceQuestion):
            assert isinstance(nq, MultipleChoiceQuestion)
            yield from self._limits(
                "selection",
                (oq.min_selected or 0, nq.min_selected or 0),
                (_or_inf(oq.max_selected), _or_inf(nq.max_selected)),
                f"choices allowed were {_range(oq.min_selected, oq.max_selected)}, "
                f"now {_range(nq.min_selected, nq.max_selected)}",
            )
        elif isinstance(oq, NumberQuestion):
            assert isinstance(nq, NumberQuestion)
            yield from self._limits(
                "number-limits",
                (_or_inf(oq.minimum, -1), _or_inf(nq.minimum, -1)),
                (_or_inf(oq.maximum), _or_inf(nq.maximum)),
                f"answers allowed were {_number_range(oq)}, now {_number_range(nq)}",
                stricter=nq.integer and not oq.integer,
                looser=oq.integer and not nq.integer,
            )
            if oq.unit != nq.unit:
                yield self.change(
                    "number-unit-changed",
                    f"unit was '{oq.unit or 'none'}', now '{nq.unit or 'none'}'",
                )
        elif isinstance(oq, TextQuestion):
            assert isinstance(nq, TextQuestion)
            yield from self._limits(
                "text-limit",
                (0, 0),
                (_or_inf(oq.max_length), _or_inf(nq.max_length)),
                f"longest answer was {_or_none(oq.max_length)} characters, "
                f"now {_or_none(nq.max_length)}",
            )
        elif isinstance(oq, GroupQuestion):
            assert isinstance(nq, GroupQuestion)
            yield from self._limits(
                "group-entries",
                (oq.min_entries, nq.min_entries),
                (_or_inf(oq.max_entries), _or_inf(nq.max_entries)),
                f"entries allowed were {_range(oq.min_entries, oq.max_entries)}, "
                f"now {_range(nq.min_entries, nq.max_entries)}",
            )
            if oq.entry_label != nq.entry_label:
                yield self.change(
                    "group-entry-label-changed",
                    f"an entry was called '{oq.entry_label}', now '{nq.entry_label}'",
                )
            renamed = self.ctx.matching.old_questions
            for rule, detail in register_differences(
                oq.event_register, nq.event_register, lambda q: renamed.get(q, q)
            ):
                yield self.change(rule, detail)

    def _remapped(
        self, oq: SingleChoiceQuestion | MultipleChoiceQuestion,
        nq: SingleChoiceQuestion | MultipleChoiceQuestion,
    ) -> list[tuple[str, str]]:
        """Old values that migration carries somewhere other than their own option."""
        natural = self.ctx.matching.carried_options(oq.scale, nq.scale)
        scale = self.ctx.old.scale(oq.scale)
        values = scale.values if scale is not None else ()
        return [
            (v, nq.option_map[v])
            for v in values
            if v in nq.option_map and nq.option_map[v] != natural.get(v)
        ]

    def _limits(
        self,
        prefix: str,
        low: tuple[float, float],
        high: tuple[float, float],
        detail: str,
        *,
        stricter: bool = False,
        looser: bool = False,
    ) -> Iterator[Change]:
        tighter = stricter or low[1] > low[0] or high[1] < high[0]
        wider = looser or low[1] < low[0] or high[1] > high[0]
        if tighter:
            yield self.change(f"{prefix}-tightened", detail)
        elif wider:
            yield self.change(f"{prefix}-loosened", detail)


def _or_inf(value: float | None, sign: int = 1) -> float:
    return sign * math.inf if value is None else value


def _or_none(value: int | None) -> str:
    return "no limit" if value is None else str(value)


def _range(low: int | None, high: int | None) -> str:
    return f"{low or 0} to {'any number' if high is None else high}"


def _number_range(q: NumberQuestion) -> str:
    low = "no minimum" if q.minimum is None else f"at least {q.minimum:g}"
    high = "no maximum" if q.maximum is None else f"at most {q.maximum:g}"
    return f"{low}, {high}" + (", whole numbers" if q.integer else "")


def _answer_values(ctx: Context, old: QuestionRef, new: QuestionRef) -> set[str]:
    """The option values an old answer can have, in the new version's terms."""
    scale = ctx.old.scale_of(old.question)
    if scale is None:
        return set()
    values = set()
    for value in scale.values:
        carried = ctx.matching.carry_value(old.question, new.question, value)
        values.add(carried if carried is not None else value)
    return values


def _evidence_for(question: AnyQuestion, values: set[str], translate: Any) -> set[str]:
    """Which answers need evidence: option values, or '*' for every answer."""
    rule = question.evidence
    if rule is None:
        return set()
    if rule.required:
        return {"*", *values}
    return {translate(v) for v in rule.required_for} & values


def _show_evidence(question: AnyQuestion) -> str:
    rule = question.evidence
    if rule is None or not (rule.required or rule.required_for):
        return "never required"
    if rule.required:
        return "always required"
    return "required for " + ", ".join(f"'{v}'" for v in rule.required_for)


def _plain_evidence(tool: Tool, question: AnyQuestion) -> str:
    said = describe_evidence(question, tool, Wording.form(tool))
    return said or "No evidence required."


def _asked(tool: Tool, condition: Condition | None) -> str:
    if condition is None:
        return "always asked"
    return "asked only if " + describe_condition(condition, tool, Wording({}))


def _show(condition: Any) -> str:
    if condition is None:
        return "none (always applies)"
    return _condition_text(condition.model_dump(by_alias=True))


def _condition_text(data: Any) -> str:
    if isinstance(data, dict):
        return "{" + ", ".join(f"{k}: {_condition_text(v)}" for k, v in data.items()) + "}"
    if isinstance(data, list):
        return "[" + ", ".join(_condition_text(v) for v in data) + "]"
    if isinstance(data, str):
        return yaml_scalar(data)
    return str(data).lower() if isinstance(data, bool) else str(data)


def _reordered(ctx: Context) -> Iterator[Change]:
    """Questions that moved within their section (or group), fewest moves counted."""
    containers: dict[tuple[str, str], list[tuple[QuestionRef, int]]] = {}
    old_index = {r.question.id: r.index for r in ctx.old.iter_questions()}
    for ref in ctx.new.iter_questions():
        old = ctx.matching.old_ref(ref.question.id)
        if old is None or not ctx.matching.same_group(old, ref):
            continue
        if ref.group is not None:
            key = ("group", ref.group.id)
        elif ctx.matching.old_sections.get(old.section.id) == ref.section.id:
            key = ("section", ref.section.id)
        else:
            continue
        containers.setdefault(key, []).append((ref, old_index[old.question.id]))
    for members in containers.values():
        for ref in moved(members):
            where = f"section '{ref.section.id}'"
            if ref.group is not None:
                where = f"group '{ref.group.id}'"
            yield make(
                "question-reordered",
                ref.pointer,
                f"{_kind(ref)} '{ref.question.id}' moved to another place in {where}",
                target=ref.question.id,
                subject=ref.question.text,
                detail="moved to another place in its " + ("group" if ref.group else "section"),
                section=ref.section.title,
                position=ref.index,
            )

