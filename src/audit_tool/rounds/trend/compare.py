"""Which theme scores two tool versions let a board compare, read from the diff between them.

For each theme, :func:`compare_versions` says whether the later version scores
it exactly as the earlier one did (then the two rounds' figures compare
directly), and if not, why not and which questions still score the same way
in both versions: the like-for-like set.

The diff (:func:`audit_tool.versions.diff`) gives every change with its score
impact and the themes it reaches. A theme's scoring changed when a change with
a score impact reaches it, or when the later version asks scored questions in
it that the earlier did not (an added question leaves old answers scoring as
they did, so the diff gives it no score impact, but it changes what the
theme's figure is made of). Questions are matched through the matching the
diff used (ids, and renames the later version declares with ``renamed_from``;
never guessed). A matched pair is like for like in a theme unless a change
with a score impact on that theme concerns it: the question itself, its scale,
its group, or a question its condition reads (or that question's scale).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from audit_tool.authoring.tool import AnyQuestion, QuestionRef, Tool
from audit_tool.versions.compare import diff
from audit_tool.versions.matching import Matching
from audit_tool.versions.model import Change
from audit_tool.versions.rules import EVERY_THEME_RULES, Impact

__all__ = ["QuestionPair", "ThemeComparison", "VersionComparison", "compare_versions"]


@dataclass(frozen=True, slots=True)
class QuestionPair:
    """One question as the earlier and the later version name it."""

    earlier: str
    later: str


@dataclass(frozen=True, slots=True)
class ThemeComparison:
    """How one theme's scoring compares between two versions."""

    theme: str
    comparable: bool
    """True when the later version scores the theme exactly as the earlier one did."""
    reasons: tuple[str, ...]
    """Why not, one sentence per change (empty when comparable)."""
    pairs: tuple[QuestionPair, ...]
    """The questions that score the same way for this theme in both versions."""


@dataclass(frozen=True)
class VersionComparison:
    """Every theme's comparison between an earlier and a later tool version."""

    earlier: Tool
    later: Tool
    themes: Mapping[str, ThemeComparison]

    @property
    def same_version(self) -> bool:
        """True when both rounds used the same version (the same content)."""
        return self.earlier.ref == self.later.ref


def _counts(tool: Tool, question: AnyQuestion, theme: str) -> bool:
    return theme in question.themes and tool.is_scored(question)


def _scored_in(tool: Tool, theme: str) -> list[QuestionRef]:
    return [r for r in tool.iter_questions() if _counts(tool, r.question, theme)]


def _scale(question: AnyQuestion) -> str | None:
    return getattr(question, "scale", None)


def _concerned(tool: Tool, ref: QuestionRef) -> set[str]:
    """The ids whose score-changing changes concern ``ref``'s score: the question, its
    scale, its group, and what its condition reads (with their scales)."""
    question = ref.question
    found = {question.id}
    if (scale := _scale(question)) is not None:
        found.add(scale)
    if ref.group is not None:
        found.add(ref.group.id)
    read: set[str] = set()
    for holder in (question, ref.group):
        if holder is not None and holder.when is not None:
            read |= {q for q, _pointer, _clause in holder.when.references()}
    for ident in read:
        found.add(ident)
        target = tool.question(ident)
        if target is not None and (scale := _scale(target.question)) is not None:
            found.add(scale)
    return found


def _same_scoring(
    matching: Matching, old: AnyQuestion, new: AnyQuestion, theme: str, earlier: Tool, later: Tool
) -> bool:
    """The direct check beside the diff: the same weight, and every old scored answer
    carried to a new one with the same score, on scales with the same maximum."""
    if old.themes.get(theme) != new.themes.get(theme):
        return False
    old_scale, new_scale = earlier.scale_of(old), later.scale_of(new)
    if old_scale is None or new_scale is None or old_scale.max_score != new_scale.max_score:
        return False
    for option in old_scale.options:
        carried = matching.carry_value(old, new, option.value)
        target = new_scale.option(carried) if isinstance(carried, str) else None
        if (target.score if target is not None else None) != option.score:
            return False
    return True


def _reaches(change: Change, theme: str) -> bool:
    """True when ``change`` can move ``theme``'s score (or grade) for the same answers."""
    if change.score is Impact.NONE:
        return False
    return theme in change.themes or (not change.themes and change.code in EVERY_THEME_RULES)


def _identical(tool: Tool, themes: tuple[str, ...]) -> VersionComparison:
    out = {
        theme: ThemeComparison(
            theme,
            True,
            (),
            tuple(QuestionPair(r.question.id, r.question.id) for r in _scored_in(tool, theme)),
        )
        for theme in themes
    }
    return VersionComparison(tool, tool, out)


def compare_versions(earlier: Tool, later: Tool, themes: tuple[str, ...]) -> VersionComparison:
    """How each of ``themes`` compares from ``earlier`` to ``later``.

    Two tools of the same id and version are the same content (a published
    version never changes), so every theme compares directly.
    """
    if earlier.ref == later.ref:
        return _identical(later, themes)
    found = diff(earlier, later)
    matching = found.matching
    out: dict[str, ThemeComparison] = {}
    for theme in themes:
        changes = [c for c in found.changes if _reaches(c, theme)]
        reasons = [c.message for c in changes]
        earlier_ids = {r.question.id for r in _scored_in(earlier, theme)}
        targets = {c.target for c in changes if c.target}
        pairs: list[QuestionPair] = []
        for ref in _scored_in(later, theme):
            old_ref = matching.old_ref(ref.question.id)
            if old_ref is None or old_ref.question.id not in earlier_ids:
                reasons.append(
                    f"question '{ref.question.id}' counts towards this theme in "
                    f"{later.ref} only"
                )
                continue
            touched = _concerned(later, ref) | _concerned(earlier, old_ref)
            if targets & touched:
                continue
            if not _same_scoring(matching, old_ref.question, ref.question, theme, earlier, later):
                reasons.append(
                    f"question '{ref.question.id}' scores differently in {later.ref}"
                )
                continue
            pairs.append(QuestionPair(old_ref.question.id, ref.question.id))
        out[theme] = ThemeComparison(theme, not reasons, tuple(reasons), tuple(pairs))
    return VersionComparison(earlier, later, out)
