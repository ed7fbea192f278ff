"""Semantic checks of a tool: what the schema alone cannot say.

Each check is a generator of problems whose pointers lead into the resolved
tool (after includes); the loader maps them back to files and positions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from audit_tool import _pointer
from audit_tool._types import ScalarValue, parse_semver
from audit_tool._validation import suggestion
from audit_tool.authoring._register_checks import check_registers
from audit_tool.authoring.catalogue import ThemeCatalogue
from audit_tool.authoring.conditions import Comparison, Equals, InValues
from audit_tool.authoring.tool import (
    NOT_EVIDENCED,
    AnyQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    QuestionRef,
    SingleChoiceQuestion,
    Tool,
)
from audit_tool.codes import problem
from audit_tool.problems import Problem
from audit_tool.responses._value_checks import type_mismatch

__all__ = ["CheckOptions", "check_semantics"]


@dataclass(frozen=True)
class CheckOptions:
    """What the checks should know beyond the tool itself."""

    catalogue: ThemeCatalogue | None
    """The catalogue the tool names, or ``None`` when it could not be found."""
    fragment: bool = False
    """Checking a building block: skip the checks that only whole tools must pass."""
    partial: bool = False
    """Parts of the tool were pruned for schema errors: skip completeness warnings."""
    pruned_ids: frozenset[str] = field(default_factory=frozenset)
    """Ids in pruned parts: references to them are not reported as unknown."""


def check_semantics(tool: Tool, options: CheckOptions) -> Iterator[Problem]:
    """Every semantic problem of ``tool``."""
    yield from _duplicate_ids(tool)
    yield from _scales_and_options(tool, options)
    yield from _conditions(tool, options)
    yield from _ranges(tool)
    yield from check_registers(tool)
    if options.catalogue is not None:
        yield from _themes(tool, options.catalogue, options)
    if not options.fragment:
        yield from _grading(tool, options.catalogue)
        yield from _retired(tool)
        if not options.partial:  # a placeholder version would give a false warning
            yield from _changelog(tool)


def _first_seen(kind: str, items: Iterable[tuple[str, str, str]]) -> Iterator[Problem]:
    """A ``duplicate-id`` problem at each (id, pointer, place) whose id came before.

    ``place`` says in words where an item stands ("in section 'recording'"), so
    the message can say where the first one is.
    """
    seen: dict[str, str] = {}
    for item_id, pointer, place in items:
        if item_id in seen:
            yield problem(
                "duplicate-id",
                f"{kind} '{item_id}' is defined twice (the first {seen[item_id]})",
                pointer,
                id=item_id,
            )
        else:
            seen[item_id] = place


def _duplicate_ids(tool: Tool) -> Iterator[Problem]:
    yield from _first_seen(
        "section",
        (
            (s.id, _pointer.join("/sections", i, "id"), f"is section {i + 1}")
            for i, s in enumerate(tool.sections)
        ),
    )
    yield from _first_seen(
        "question",
        (
            (r.question.id, _pointer.join(r.pointer, "id"), f"is in section '{r.section.id}'")
            for r in tool.iter_questions()
        ),
    )
    yield from _first_seen(
        "scale",
        (
            (s.id, _pointer.join("/scales", i, "id"), f"is scale {i + 1}")
            for i, s in enumerate(tool.scales)
        ),
    )
    for i, scale in enumerate(tool.scales):
        yield from _first_seen(
            "option",
            (
                (
                    o.value,
                    _pointer.join("/scales", i, "options", k, "value"),
                    f"is option {k + 1} of scale '{scale.id}'",
                )
                for k, o in enumerate(scale.options)
            ),
        )


def _scales_and_options(tool: Tool, options: CheckOptions) -> Iterator[Problem]:
    scale_ids = [s.id for s in tool.scales]
    for ref in tool.iter_questions():
        q = ref.question
        if isinstance(q, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            scale = tool.scale(q.scale)
            if scale is None:
                if q.scale not in options.pruned_ids:
                    yield problem(
                        "unknown-scale",
                        f"question '{q.id}' uses scale '{q.scale}', which is not defined"
                        f"{suggestion(q.scale, scale_ids)}",
                        _pointer.join(ref.pointer, "scale"),
                    )
                continue
            values = scale.values
            for old, new in q.option_map.items():
                if new not in values and new not in options.pruned_ids:
                    yield problem(
                        "unknown-option",
                        f"option_map of question '{q.id}' maps '{old}' to '{new}', which scale "
                        f"'{scale.id}' does not have{suggestion(new, values)}",
                        _pointer.join(ref.pointer, "option_map", old),
                    )
            if q.evidence is not None:
                for k, value in enumerate(q.evidence.required_for):
                    if value not in values and value not in options.pruned_ids:
                        yield problem(
                            "unknown-option",
                            f"evidence of question '{q.id}' is required for '{value}', which "
                            f"scale '{scale.id}' does not have{suggestion(value, values)}",
                            _pointer.join(ref.pointer, "evidence", "required_for", k),
                        )
        elif q.evidence is not None and q.evidence.required_for:
            yield problem(
                "unknown-option",
                f"question '{q.id}' has no options, so evidence cannot be required for some; "
                "use 'required: true'",
                _pointer.join(ref.pointer, "evidence", "required_for"),
            )


def _ranges(tool: Tool) -> Iterator[Problem]:
    for ref in tool.iter_questions():
        q = ref.question
        pairs: list[tuple[str, str, float | None, float | None]] = []
        if isinstance(q, NumberQuestion):
            pairs.append(("minimum", "maximum", q.minimum, q.maximum))
        elif isinstance(q, GroupQuestion):
            pairs.append(("min_entries", "max_entries", q.min_entries, q.max_entries))
        elif isinstance(q, MultipleChoiceQuestion):
            pairs.append(("min_selected", "max_selected", q.min_selected, q.max_selected))
            scale = tool.scale(q.scale)
            if scale is not None and q.min_selected is not None and q.min_selected > len(
                scale.options
            ):
                yield problem(
                    "invalid-range",
                    f"question '{q.id}' needs at least {q.min_selected} choices, but its scale "
                    f"has only {len(scale.options)} options",
                    _pointer.join(ref.pointer, "min_selected"),
                )
        for low_name, high_name, low, high in pairs:
            if low is not None and high is not None and low > high:
                yield problem(
                    "invalid-range",
                    f"question '{q.id}' has {low_name} {low:g} above {high_name} {high:g}",
                    _pointer.join(ref.pointer, low_name),
                )


def _impossible(
    tool: Tool, target: AnyQuestion, clause: Comparison
) -> Iterator[tuple[str, str]]:
    """Each value of ``clause`` that can never answer ``target``: (relative pointer, why)."""
    if isinstance(clause, Equals):
        places = [("/equals", clause.equals)]
    elif isinstance(clause, InValues):
        places = [(f"/in/{i}", v) for i, v in enumerate(clause.in_)]
    else:
        return
    for place, value in places:
        reason = _why_impossible(tool, target, value)
        if reason is not None:
            yield place, reason


def _why_impossible(tool: Tool, target: AnyQuestion, value: ScalarValue) -> str | None:
    """Why ``target`` can never be answered with ``value``, or ``None`` if it can."""
    shown = f"'{value}'" if isinstance(value, str) else repr(value)
    if isinstance(target, GroupQuestion):
        return f"'{target.id}' is a repeatable group; a condition can only ask if it is answered"
    if isinstance(target, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        scale = tool.scale(target.scale)
        if scale is None or (isinstance(value, str) and value in scale.values):
            return None
        return (
            f"{shown} is not an option of '{target.id}' (scale '{scale.id}': "
            f"{', '.join(scale.values)}){suggestion(str(value), scale.values)}"
        )
    wanted = type_mismatch(target, value)
    if wanted is not None:
        return f"'{target.id}' takes {wanted}, not {shown}"
    if isinstance(target, NumberQuestion) and isinstance(value, (int, float)) and (
        (target.minimum is not None and value < target.minimum)
        or (target.maximum is not None and value > target.maximum)
    ):
        return f"{shown} is outside the range '{target.id}' allows"
    return None


def _depends_on(tool: Tool, start: str, goal: str) -> bool:
    """True when ``start``'s condition reads ``goal``, directly or through others."""
    stack, seen = [start], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        ref = tool.question(current)
        if ref is None or ref.question.when is None:
            continue
        for target, _p, _c in ref.question.when.references():
            if target == goal:
                return True
            stack.append(target)
    return False


def _conditions(tool: Tool, options: CheckOptions) -> Iterator[Problem]:
    all_ids = [r.question.id for r in tool.iter_questions()]
    for ref in tool.iter_questions():
        q = ref.question
        if q.when is None:
            continue
        for target_id, relative, clause in q.when.references():
            where = _pointer.join(ref.pointer + "/when" + relative, "question")
            yield from _condition_target(tool, options, ref, target_id, clause, where, all_ids)


def _condition_target(
    tool: Tool,
    options: CheckOptions,
    ref: QuestionRef,
    target_id: str,
    clause: Comparison,
    where: str,
    all_ids: list[str],
) -> Iterator[Problem]:
    q = ref.question
    if target_id == q.id or (ref.group is not None and target_id == ref.group.id):
        yield problem(
            "condition-self-reference",
            f"the condition of question '{q.id}' depends on "
            + ("the question itself" if target_id == q.id else f"its own group '{target_id}'"),
            where,
        )
        return
    target = tool.question(target_id)
    if target is None:
        if target_id not in options.pruned_ids:
            yield problem(
                "unknown-question",
                f"the condition of question '{q.id}' depends on '{target_id}', which is not a "
                f"question of this tool{suggestion(target_id, all_ids)}",
                where,
            )
        return
    if target.group is not None and target.group is not ref.group:
        yield problem(
            "condition-target-in-group",
            f"the condition of question '{q.id}' depends on '{target_id}', which is inside "
            f"group '{target.group.id}'; a group's answers can only be read by its own "
            "sub-questions",
            where,
        )
        return
    if target.index >= ref.index:
        if _depends_on(tool, target_id, q.id):
            yield problem(
                "condition-cycle",
                f"the conditions of '{q.id}' and '{target_id}' depend on each other",
                where,
            )
        else:
            yield problem(
                "condition-forward-reference",
                f"the condition of question '{q.id}' depends on '{target_id}', which comes "
                "after it; auditors answer in order",
                where,
            )
    clause_pointer = _pointer.parent(where)
    for place, reason in _impossible(tool, target.question, clause):
        yield problem(
            "condition-impossible-value",
            f"the condition of question '{q.id}' compares with a value it can never have: "
            f"{reason}",
            clause_pointer + place,
        )


def _themes(tool: Tool, catalogue: ThemeCatalogue, options: CheckOptions) -> Iterator[Problem]:
    known = catalogue.theme_ids
    evidenced: set[str] = set()
    for ref in tool.iter_questions():
        q = ref.question
        scored = tool.is_scored(q)
        if q.themes and not scored:
            scale = tool.scale_of(q)
            if scale is not None or not isinstance(q, SingleChoiceQuestion):
                yield problem(
                    "theme-on-unscored-question",
                    f"question '{q.id}' maps to themes but cannot be scored: only single-choice "
                    "questions on a scale with scores count towards themes",
                    _pointer.join(ref.pointer, "themes"),
                )
        for theme_id in q.themes:
            if theme_id in known:
                evidenced.add(theme_id)
                continue
            yield problem(
                "unknown-theme",
                f"question '{q.id}' maps to theme '{theme_id}', which the catalogue "
                f"'{catalogue.ref}' does not define{suggestion(theme_id, known)}",
                _pointer.join(ref.pointer, "themes", theme_id),
                at_key=True,
            )
        if scored and not q.themes and not options.fragment:
            yield problem(
                "unmapped-scored-question",
                f"question '{q.id}' is scored but maps to no theme, so its answers count nowhere",
                _pointer.join(ref.pointer, "id"),
            )
    if not options.fragment:
        for theme_id in tool.grading.min_answers:
            if theme_id not in known:
                yield problem(
                    "unknown-theme",
                    f"grading sets a minimum for theme '{theme_id}', which the catalogue "
                    f"'{catalogue.ref}' does not define{suggestion(theme_id, known)}",
                    _pointer.join("/grading/min_answers", theme_id),
                    at_key=True,
                )
    if not options.fragment and not options.partial:
        for theme in catalogue.themes:
            if theme.id not in evidenced:
                yield problem(
                    "theme-not-evidenced",
                    f"no question evidences theme '{theme.id}' ({theme.name}); its score will "
                    "always be not_evidenced",
                    "/sections",
                )


def _grading(tool: Tool, catalogue: ThemeCatalogue | None) -> Iterator[Problem]:
    bands = tool.grading.bands
    yield from _first_seen(
        "grade",
        (
            (b.grade, _pointer.join("/grading/bands", i, "grade"), f"is band {i + 1}")
            for i, b in enumerate(bands)
        ),
    )
    for i, band in enumerate(bands):
        if band.grade == NOT_EVIDENCED:
            yield problem(
                "reserved-grade",
                f"'{NOT_EVIDENCED}' is given by the library when evidence is thin; "
                "a band cannot use it",
                _pointer.join("/grading/bands", i, "grade"),
            )
        if i and band.min >= bands[i - 1].min:
            yield problem(
                "bands-not-descending",
                f"band '{band.grade}' starts at {band.min:g}, not below the band before it "
                f"('{bands[i - 1].grade}' at {bands[i - 1].min:g})",
                _pointer.join("/grading/bands", i, "min"),
            )


def _retired(tool: Tool) -> Iterator[Problem]:
    retired = set(tool.retired_ids)
    for ref in tool.iter_questions():
        if ref.question.id in retired:
            yield problem(
                "retired-id-reused",
                f"question id '{ref.question.id}' was retired by an earlier version and cannot "
                "be used again",
                _pointer.join(ref.pointer, "id"),
            )


def _changelog(tool: Tool) -> Iterator[Problem]:
    if parse_semver(tool.version) is None:
        return
    if not any(entry.version == tool.version for entry in tool.changelog):
        yield problem(
            "changelog-missing-version",
            f"the changelog has no entry for version {tool.version}",
            "/changelog" if tool.changelog else "/version",
        )
