"""Matching two versions of a tool: which question, scale, section and option is which.

Things are matched by id. A new version declares a changed id with
``renamed_from`` (questions, scales, sections) and a re-coded option value
with the option's ``renamed_from``; ids are never guessed. An id the new
version still uses matches itself, even when another element claims it as an
old name. ``replaces`` says a new question supersedes an old one with a
different question: the two are not matched, the old answers do not carry.

The diff and migration both read the same :class:`Matching`, so a rename
the diff reports is a rename migration carries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from audit_tool.authoring.tool import (
    AnyQuestion,
    MultipleChoiceQuestion,
    QuestionRef,
    Scale,
    SingleChoiceQuestion,
    Tool,
)

__all__ = ["Matching", "match", "match_ids"]


def match_ids(old_ids: Iterable[str], new: Sequence[tuple[str, Sequence[str]]]) -> dict[str, str]:
    """New id -> old id, for the new items ``(id, renamed_from)`` that have an old match.

    An id present in both matches itself first; then each declared earlier
    name that is still free (not an id of the new version, not taken)
    matches, first declared first.
    """
    old_set = set(old_ids)
    new_ids = {new_id for new_id, _previous in new}
    matched = {new_id: new_id for new_id, _previous in new if new_id in old_set}
    taken = set(matched.values())
    for new_id, previous in new:
        if new_id in matched:
            continue
        for earlier in previous:
            if earlier in old_set and earlier not in taken and earlier not in new_ids:
                matched[new_id] = earlier
                taken.add(earlier)
                break
    return matched


def _options(old: Scale, new: Scale) -> dict[str, str]:
    return match_ids(old.values, [(o.value, o.renamed_from) for o in new.options])


@dataclass(frozen=True)
class Matching:
    """What corresponds to what between ``old`` and ``new``: each map is new id -> old id."""

    old: Tool
    new: Tool
    questions: dict[str, str]
    scales: dict[str, str]
    sections: dict[str, str]

    @cached_property
    def old_questions(self) -> dict[str, str]:
        """Old question id -> new question id."""
        return {o: n for n, o in self.questions.items()}

    @cached_property
    def old_scales(self) -> dict[str, str]:
        """Old scale id -> new scale id."""
        return {o: n for n, o in self.scales.items()}

    @cached_property
    def old_sections(self) -> dict[str, str]:
        """Old section id -> new section id."""
        return {o: n for n, o in self.sections.items()}

    @cached_property
    def replaced(self) -> dict[str, tuple[str, ...]]:
        """Old question id -> the new questions that declare they replace it.

        Only old questions the new version has no match for: a question that
        is still there is not replaced, whatever another question declares.
        """
        found: dict[str, list[str]] = {}
        old_ids = {r.question.id for r in self.old.iter_questions()}
        for ref in self.new.iter_questions():
            for old_id in ref.question.replaces:
                if old_id in old_ids and old_id not in self.old_questions:
                    found.setdefault(old_id, []).append(ref.question.id)
        return {k: tuple(v) for k, v in found.items()}

    @cached_property
    def _option_pairs(self) -> dict[tuple[str, str], tuple[dict[str, str], dict[str, str]]]:
        """(old scale, new scale) -> option matches both ways, filled as pairs are asked for."""
        return {}

    def _options_of(self, old_scale: str, new_scale: str) -> tuple[dict[str, str], dict[str, str]]:
        key = (old_scale, new_scale)
        found = self._option_pairs.get(key)
        if found is None:
            old, new = self.old.scale(old_scale), self.new.scale(new_scale)
            matches = _options(old, new) if old is not None and new is not None else {}
            found = self._option_pairs[key] = (matches, {o: n for n, o in matches.items()})
        return found

    def option_matches(self, old_scale: str, new_scale: str) -> Mapping[str, str]:
        """New option value -> old option value, for two scales (worked out once per pair)."""
        return self._options_of(old_scale, new_scale)[0]

    def carried_options(self, old_scale: str, new_scale: str) -> Mapping[str, str]:
        """Old option value -> the new option value it matches, for two scales."""
        return self._options_of(old_scale, new_scale)[1]

    def carry_value(self, old_question: AnyQuestion, new_question: AnyQuestion, value: Any) -> Any:
        """The new version's option value for an old answer ``value``, or ``None``.

        Through the new question's ``option_map`` first, then the option
        matching of the two scales (declared re-codings), then the same value
        when the new scale has it.
        """
        if not isinstance(new_question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            return None
        if not isinstance(value, str):
            return None
        if value in new_question.option_map:
            return new_question.option_map[value]
        new_scale = self.new.scale(new_question.scale)
        if new_scale is None:
            return None
        if isinstance(old_question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
            carried = self.carried_options(old_question.scale, new_question.scale).get(value)
            if carried is not None:
                return carried
        return value if value in new_scale.values else None

    def same_group(self, old: QuestionRef, new: QuestionRef) -> bool:
        """True when ``old`` (in the old version) and ``new`` (in the new one) stand in the
        same repeatable group across versions, or both in none.

        A question whose old group has no match in the new version is in no group
        the new version has, so it is never in the same group as ``new``.
        """
        if old.group is None or new.group is None:
            return old.group is None and new.group is None
        return self.old_questions.get(old.group.id) == new.group.id

    def new_ref(self, old_id: str) -> QuestionRef | None:
        """Where the old question ``old_id`` stands in the new version, if it is there."""
        new_id = self.old_questions.get(old_id)
        return self.new.question(new_id) if new_id is not None else None

    def old_ref(self, new_id: str) -> QuestionRef | None:
        """Where the new question ``new_id`` stood in the old version, if it was there."""
        old_id = self.questions.get(new_id)
        return self.old.question(old_id) if old_id is not None else None


def match(old: Tool, new: Tool) -> Matching:
    """Match the questions, scales and sections of two versions of a tool."""
    return Matching(
        old,
        new,
        questions=match_ids(
            [r.question.id for r in old.iter_questions()],
            [(r.question.id, r.question.renamed_from) for r in new.iter_questions()],
        ),
        scales=match_ids([s.id for s in old.scales], [(s.id, s.renamed_from) for s in new.scales]),
        sections=match_ids(
            [s.id for s in old.sections], [(s.id, s.renamed_from) for s in new.sections]
        ),
    )
