"""Changes to the tool's own fields, its grading, its sections and its scales."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from audit_tool import _pointer
from audit_tool.authoring.describe import plural
from audit_tool.authoring.tool import Option, Scale, Section, Tool
from audit_tool.versions._context import Context, make, quoted
from audit_tool.versions._order import moved
from audit_tool.versions.model import Change

__all__ = ["grading_changes", "scale_changes", "section_changes", "tool_changes"]

_TOOL_FIELDS = (
    ("id", "tool-id-changed"),
    ("title", "tool-title-changed"),
    ("theme", "tool-theme-changed"),
    ("status", "tool-status-changed"),
    ("description", "tool-description-changed"),
    ("catalogue", "catalogue-changed"),
)


def tool_changes(ctx: Context) -> Iterator[Change]:
    """The tool's id, title, theme, status, description and catalogue."""
    for name, rule in _TOOL_FIELDS:
        before, after = getattr(ctx.old, name), getattr(ctx.new, name)
        if before != after:
            shown = (
                f"was {quoted(before)}, now {quoted(after)}"
                if name in ("title", "description", "theme")
                else f"was '{before}', now '{after}'"
            )
            plain = (
                "description rewritten"
                if name == "description"
                else f"{name} changed from {before} to {after}"
            )
            yield make(rule, f"/{name}", f"the tool's {name} {shown}", detail=plain, position=-1)


def _bands(tool: Tool) -> str:
    return ", ".join(f"{b.grade} from {b.min:g}" for b in tool.grading.bands)


def grading_changes(ctx: Context) -> Iterator[Change]:
    """Grade bands, their labels, and the evidence thresholds per theme."""
    old, new = ctx.old.grading, ctx.new.grading
    if [(b.grade, b.min) for b in old.bands] != [(b.grade, b.min) for b in new.bands]:
        yield make(
            "grade-bands-changed",
            "/grading/bands",
            f"grade bands were {_bands(ctx.old)}; now {_bands(ctx.new)}",
            detail=f"grade bands were {_bands(ctx.old)}; now {_bands(ctx.new)}",
            position=-1,
        )
    old_labels = {b.grade: b.display for b in old.bands}
    for i, band in enumerate(new.bands):
        before = old_labels.get(band.grade)
        if before is not None and before != band.display:
            yield make(
                "grade-band-label-changed",
                _pointer.join("/grading/bands", i, "label"),
                f"grade '{band.grade}' was shown as {quoted(before)}, now {quoted(band.display)}",
                detail=f"the grade {quoted(before, curly=True)} is now shown as "
                f"{quoted(band.display, curly=True)}",
                position=-1,
            )
    for theme in sorted({*old.min_answers, *new.min_answers}):
        fewest, now = old.min_answers.get(theme, 1), new.min_answers.get(theme, 1)
        if fewest != now:
            yield make(
                "min-answers-changed",
                _pointer.join("/grading/min_answers", theme)
                if theme in new.min_answers
                else "/grading",
                f"theme '{theme}' needed {plural(fewest, 'scored answer')} for a grade, now {now}",
                target=theme,
                detail=f"a grade needs {plural(now, 'scored answer')}, was {fewest}",
                themes=(theme,),
                position=-1,
            )


def _section_position(ctx: Context, section: Section, side: Literal["old", "new"]) -> int:
    """Where a section sorts: where its first question does, in the new version's terms."""
    first = section.questions[0].id
    if side == "old":
        return ctx.old_position(first)
    ref = ctx.new.question(first)
    return ref.index if ref is not None else 0


def section_changes(ctx: Context) -> Iterator[Change]:
    """Sections added, removed, renamed, reworded and reordered."""
    m = ctx.matching
    old_by_id = {s.id: (i, s) for i, s in enumerate(ctx.old.sections)}
    order: list[tuple[tuple[int, Section], int]] = []
    for i, section in enumerate(ctx.new.sections):
        pointer = _pointer.join("/sections", i)
        position = _section_position(ctx, section, "new")
        old_id = m.sections.get(section.id)
        if old_id is None:
            fresh = [q.id for q in section.questions if m.old_ref(q.id) is None]
            yield make(
                "section-added",
                pointer,
                f"section '{section.id}' {quoted(section.title)} is added with "
                f"{plural(len(section.questions), 'question')}",
                target=section.id,
                subject=section.title,
                detail="new section",
                section=section.title,
                related=tuple(q.id for q in section.questions),
                position=position,
                headline=bool(fresh),
            )
            continue
        j, old = old_by_id[old_id]
        order.append(((i, section), j))
        common = {
            "target": section.id, "subject": section.title, "section": section.title,
            "position": position,
        }
        if old.id != section.id:
            yield make(
                "section-renamed",
                pointer,
                f"section '{section.id}' was '{old.id}' (declared with renamed_from)",
                detail="its id changed (declared)",
                **common,
            )
        if old.title != section.title:
            yield make(
                "section-title-changed",
                _pointer.join(pointer, "title"),
                f"section '{section.id}': title was {quoted(old.title)}, "
                f"now {quoted(section.title)}",
                detail=f"renamed from {quoted(old.title, curly=True)}",
                **common,
            )
        if old.description != section.description:
            yield make(
                "section-description-changed",
                _pointer.join(pointer, "description"),
                f"section '{section.id}': introduction changed",
                detail="introduction rewritten",
                **common,
            )
    for i, section in moved(order):
        yield make(
            "section-reordered",
            _pointer.join("/sections", i),
            f"section '{section.id}' {quoted(section.title)} moved to another place",
            target=section.id,
            subject=section.title,
            detail="moved to another place",
            section=section.title,
            position=_section_position(ctx, section, "new"),
        )
    for j, section in enumerate(ctx.old.sections):
        if section.id not in m.old_sections:
            yield make(
                "section-removed",
                _pointer.join("/sections", j),
                f"section '{section.id}' {quoted(section.title)} is removed",
                side="old",
                target=section.id,
                subject=section.title,
                detail="section removed",
                section=section.title,
                position=_section_position(ctx, section, "old"),
            )


def _scale_themes(ctx: Context, old: Scale, new: Scale) -> tuple[str, ...]:
    """The themes the questions answered on the scale count towards, in either version."""
    found = ctx.counted(ctx.old, ctx.on_scale(ctx.old, old.id))
    found |= ctx.counted(ctx.new, ctx.on_scale(ctx.new, new.id))
    return tuple(sorted(found))


_SCALE_POSITION = 1_000_000  # scales sort after questions of the same rank


def scale_changes(ctx: Context) -> Iterator[Change]:
    """Scales added, removed, renamed, reworded, and their options."""
    m = ctx.matching
    old_by_id = {s.id: (i, s) for i, s in enumerate(ctx.old.scales)}
    for i, scale in enumerate(ctx.new.scales):
        pointer = _pointer.join("/scales", i)
        position = _SCALE_POSITION + i
        old_id = m.scales.get(scale.id)
        if old_id is None:
            yield make(
                "scale-added",
                pointer,
                f"scale '{scale.id}' {quoted(scale.title)} is added with options "
                + ", ".join(f"'{v}'" for v in scale.values),
                target=scale.id,
                subject=scale.title,
                detail="new answer list: " + "; ".join(o.label for o in scale.options),
                position=position,
            )
            continue
        j, old = old_by_id[old_id]
        common = {"target": scale.id, "subject": scale.title, "position": position}
        if old.id != scale.id:
            yield make(
                "scale-renamed",
                pointer,
                f"scale '{scale.id}' was '{old.id}' (declared with renamed_from)",
                detail="its id changed (declared)",
                **common,
            )
        if (old.title, old.description) != (scale.title, scale.description):
            yield make(
                "scale-wording-changed",
                pointer,
                f"scale '{scale.id}': title was {quoted(old.title)}, now {quoted(scale.title)}"
                + ("; description changed" if old.description != scale.description else ""),
                detail=f"reworded (was {quoted(old.title, curly=True)})",
                **common,
            )
        yield from _option_changes(ctx, old, scale, j, i)
    for j, scale in enumerate(ctx.old.scales):
        if scale.id not in m.old_scales:
            yield make(
                "scale-removed",
                _pointer.join("/scales", j),
                f"scale '{scale.id}' {quoted(scale.title)} is removed",
                side="old",
                target=scale.id,
                subject=scale.title,
                detail="answer list removed",
                position=_SCALE_POSITION + j,
            )


def _option_changes(
    ctx: Context, old: Scale, new: Scale, old_index: int, new_index: int
) -> Iterator[Change]:
    matches = ctx.matching.option_matches(old.id, new.id)
    carried = ctx.matching.carried_options(old.id, new.id)
    themes = _scale_themes(ctx, old, new)
    old_options = {o.value: (k, o) for k, o in enumerate(old.options)}
    order: list[tuple[tuple[int, Option], int]] = []
    position = _SCALE_POSITION + new_index

    def change(
        rule: str, k: int, detail: str, side: Literal["old", "new"] = "new", scores: bool = False
    ) -> Change:
        """A change at option ``k`` of the scale ``side`` names; ``scores``: it moves the
        scores of the themes questions on the scale count towards."""
        index = new_index if side == "new" else old_index
        return make(
            rule,
            _pointer.join("/scales", index, "options", k),
            f"scale '{new.id}': {detail}",
            side=side,
            target=new.id,
            subject=new.title,
            detail=detail,
            position=position,
            themes=themes if scores else (),
        )

    for k, option in enumerate(new.options):
        old_value = matches.get(option.value)
        if old_value is None:
            raises = option.score is not None and (
                old.max_score is None or option.score > old.max_score
            )
            yield change(
                "option-added-raising-max" if raises else "option-added",
                k,
                f"option '{option.value}' {quoted(option.label)} is added"
                + (f" scoring {option.score:g}" if option.score is not None else " (unscored)")
                + (
                    f", above the old maximum {old.max_score:g}"
                    if raises and old.max_score is not None
                    else ""
                ),
                scores=raises,
            )
            continue
        j, before = old_options[old_value]
        order.append(((k, option), j))
        yield from _option_pair(change, k, before, option)
    for k, option in moved(order):
        yield change("option-reordered", k, f"option '{option.value}' moved to another place")
    # An answer with a removed option is kept aside by migration, so its question goes
    # unanswered: that moves a score when the option scored, or when scored questions'
    # conditions read a question on this scale.
    read = any(ctx.readers_reach_scores(ctx.old, q) for q in ctx.on_scale(ctx.old, old.id))
    for value, (j, option) in old_options.items():
        if value not in carried:
            scores = option.scored or read
            yield change(
                "option-removed-scored" if scores else "option-removed",
                j,
                f"option '{value}' {quoted(option.label)} is removed",
                side="old",
                scores=scores,
            )


def _option_pair(
    change: Callable[..., Change], k: int, before: Option, after: Option
) -> Iterator[Change]:
    value = after.value
    if before.value != after.value:
        yield change(
            "option-recoded",
            k,
            f"option '{value}' was '{before.value}' (declared with renamed_from)",
        )
    if before.label != after.label:
        yield change(
            "option-label-changed",
            k,
            f"option '{value}': label was {quoted(before.label)}, now {quoted(after.label)}",
        )
    if before.description != after.description:
        yield change("option-description-changed", k, f"option '{value}': description changed")
    if before.score != after.score:
        if before.score is None:
            rule, detail = "option-now-scored", f"now scores {after.score:g} (was unscored)"
        elif after.score is None:
            rule, detail = "option-now-unscored", f"now unscored (scored {before.score:g})"
        else:
            rule, detail = "option-score-changed", f"scored {before.score:g}, now {after.score:g}"
        yield change(rule, k, f"option '{value}' {detail}", scores=True)
    if before.exclusive != after.exclusive:
        yield change(
            "option-made-exclusive" if after.exclusive else "option-exclusive-dropped",
            k,
            f"option '{value}' can {'no longer' if after.exclusive else 'now'} be chosen with "
            "others",
        )
