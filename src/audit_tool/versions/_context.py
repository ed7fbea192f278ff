"""What every comparison needs: the two tools, the matching, and facts about questions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from audit_tool.authoring.tool import (
    AnyQuestion,
    GroupQuestion,
    MultipleChoiceQuestion,
    SingleChoiceQuestion,
    Tool,
)
from audit_tool.versions._conditions import targets
from audit_tool.versions.matching import Matching
from audit_tool.versions.model import Change
from audit_tool.versions.rules import RULES

__all__ = ["Context", "counts", "make", "quoted"]


def quoted(text: str, limit: int = 90, *, curly: bool = False) -> str:
    """Tool text (never case data) in double quotes, shortened to ``limit`` characters.

    ``curly`` gives the typographic quotes the Markdown changelog uses.
    """
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return f"“{flat}”" if curly else f'"{flat}"'


def counts(tool: Tool, question: AnyQuestion) -> bool:
    """True when answers to ``question`` add to a theme score."""
    return tool.is_scored(question) and bool(question.themes)


_Index = dict[str, list[str]]
"""For one version: a key (a question id, a scale id) -> ids of questions, in document order."""


@dataclass
class Context:
    """The two versions being compared and what is known about them."""

    old: Tool
    new: Tool
    matching: Matching

    def _index(self, keys: Callable[[AnyQuestion], Iterable[str]]) -> tuple[_Index, _Index]:
        """For each version: each key -> the ids of the questions ``keys`` gives it."""
        found: tuple[_Index, _Index] = ({}, {})
        for tool, index in zip((self.old, self.new), found, strict=True):
            for ref in tool.iter_questions():
                for key in keys(ref.question):
                    index.setdefault(key, []).append(ref.question.id)
        return found

    def _side(self, tool: Tool) -> int:
        return 0 if tool is self.old else 1

    @cached_property
    def _readers(self) -> tuple[_Index, _Index]:
        return self._index(lambda q: targets(q.when))

    @cached_property
    def _on_scales(self) -> tuple[_Index, _Index]:
        choices = (SingleChoiceQuestion, MultipleChoiceQuestion)
        return self._index(lambda q: [q.scale] if isinstance(q, choices) else [])

    def readers(self, tool: Tool, question_id: str) -> Sequence[str]:
        """The questions of ``tool`` whose conditions read ``question_id`` directly."""
        return self._readers[self._side(tool)].get(question_id, ())

    def on_scale(self, tool: Tool, scale_id: str) -> Sequence[str]:
        """The questions of ``tool`` answered on the scale ``scale_id``, in document order."""
        return self._on_scales[self._side(tool)].get(scale_id, ())

    def reach(self, tool: Tool, question_id: str) -> set[str]:
        """``question_id`` and every question whose applicability follows from it.

        Its readers, their readers, and so on; for a group, its sub-questions.
        """
        seen: set[str] = set()
        stack = [question_id]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(self.readers(tool, current))
            ref = tool.question(current)
            if ref is not None and isinstance(ref.question, GroupQuestion):
                stack.extend(q.id for q in ref.question.questions)
        return seen

    def counted(self, tool: Tool, question_ids: Iterable[str]) -> set[str]:
        """The themes the questions of ``tool`` among ``question_ids`` count towards."""
        found: set[str] = set()
        for question_id in question_ids:
            ref = tool.question(question_id)
            if ref is not None and counts(tool, ref.question):
                found.update(ref.question.themes)
        return found

    def themes(self, old_id: str | None, new_id: str | None) -> tuple[str, ...]:
        """The themes whose scores a change at these questions can move, in either version:
        those the questions, and every question they reach, count towards (sorted).

        Empty when the change can move no score.
        """
        found: set[str] = set()
        for tool, question_id in ((self.old, old_id), (self.new, new_id)):
            if question_id is not None:
                found |= self.counted(tool, self.reach(tool, question_id))
        return tuple(sorted(found))

    def readers_reach_scores(self, tool: Tool, question_id: str) -> bool:
        """True when a question whose applicability follows from ``question_id`` (not the
        question itself) adds to a theme: changing whether it is answered moves a score."""
        return bool(self.counted(tool, self.reach(tool, question_id) - {question_id}))

    def is_many(self, question_id: str) -> bool:
        """True when an answer to ``question_id`` (new id) may be a list in either version."""
        ref = self.new.question(question_id)
        old = self.matching.old_ref(question_id) if ref is not None else None
        old = old or self.old.question(question_id.removesuffix(_OLD_SUFFIX))
        kinds = {type(r.question) for r in (ref, old) if r is not None}
        return not kinds or len(kinds) > 1 or MultipleChoiceQuestion in kinds

    def old_in_new_terms(self, question_id: str) -> str:
        """An old question id in the new version's ids (marked when it has no match)."""
        return self.matching.old_questions.get(question_id, question_id + _OLD_SUFFIX)

    def old_value_in_new_terms(self, question_id: str, value: Any) -> Any:
        """An old option value compared with in a condition, in the new version's values."""
        old = self.old.question(question_id)
        new = self.matching.new_ref(question_id)
        if old is None or new is None:
            return value
        carried = self.matching.carry_value(old.question, new.question, value)
        return value if carried is None else carried

    @cached_property
    def _old_positions(self) -> dict[str, int]:
        """For each old question, where it would sort among the new version's questions."""
        positions: dict[str, int] = {}
        upcoming = len(list(self.new.iter_questions()))
        for ref in reversed(list(self.old.iter_questions())):
            new_ref = self.matching.new_ref(ref.question.id)
            if new_ref is not None:
                upcoming = new_ref.index
            positions[ref.question.id] = upcoming
        return positions

    def old_position(self, question_id: str) -> int:
        """Where the old question ``question_id`` sorts among the new version's questions."""
        return self._old_positions.get(question_id, 0)


_OLD_SUFFIX = "__old"


def make(rule: str, pointer: str, message: str, **fields: Any) -> Change:
    """A :class:`Change`; raises ``KeyError`` for a rule not in the catalogue."""
    if rule not in RULES:
        raise KeyError(f"no diff rule {rule!r}")
    return Change(rule, pointer, message, **fields)
