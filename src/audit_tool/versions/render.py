"""A diff as text (terminals), JSON (programs, DESIGN.md §6) or Markdown (a board's changelog).

Rendering only: the changes, their order and their impacts come from
:func:`audit_tool.versions.diff`. Every format lists the changes in the diff's
order, which leads with what restructures the questionnaire.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from audit_tool._escape import md_text
from audit_tool.authoring.catalogue import ThemeCatalogue, standard_catalogue
from audit_tool.authoring.describe import join_words, plural
from audit_tool.authoring.tool import GroupQuestion
from audit_tool.formatters import render_json
from audit_tool.versions._context import quoted
from audit_tool.versions.model import Bump, Change, Diff, declared_bump
from audit_tool.versions.rules import EVERY_THEME_RULES, EXAMPLE_TOOL, RULES, Example, Impact

__all__ = ["diff_json", "diff_markdown", "diff_text", "rules_examples", "rules_table"]

Where = Callable[[Change], str]
"""Where a change stands, as ``file:line:column`` (or ``""`` when unknown)."""


def diff_json(diff: Diff) -> str:
    """DESIGN.md's diff JSON."""
    return render_json(diff.to_dict())


def _counts(changes: Iterable[Change]) -> str:
    counted = Counter(c.severity for c in changes)
    return ", ".join(
        f"{counted[i]} {i.value}" for i in (Impact.BREAKING, Impact.COMPATIBLE, Impact.COSMETIC)
    )


def _versions(diff: Diff) -> str:
    return f"{diff.old.version} -> {diff.new.version}"


def diff_text(diff: Diff, where: Where | None = None) -> str:
    """One line per change, compiler style, then a summary."""
    lines = []
    for change in diff.changes:
        place = where(change) if where is not None else ""
        place = place or change.pointer or "/"
        lines.append(f"{place}: {change.severity.value}[{change.code}]: {change.message}")
    n = len(diff.changes)
    if n:
        lines.append(
            f"{diff.old.id} {_versions(diff)}: {plural(n, 'change')} "
            f"({_counts(diff.changes)})"
        )
    else:
        lines.append(f"{diff.old.id} {_versions(diff)}: no changes")
    verdict = "; ".join(diff.version_problems()) or "the version keeps its promise"
    lines.append(
        f"suggested version step: {diff.suggested_bump.value}; declared: "
        f"{diff.declared_bump.value} ({verdict})"
    )
    return "\n".join(lines) + "\n"


# --- Markdown ----------------------------------------------------------------

_STEP_WORDS = {
    Bump.MAJOR: "a major version",
    Bump.MINOR: "a minor version",
    Bump.PATCH: "a patch",
    Bump.NONE: "the same version",
    Bump.DOWNGRADE: "a lower version",
}
_ADDED = ("question-added", "group-question-added")
_REMOVED = ("question-removed", "group-question-removed")


def _q(text: str) -> str:
    """Tool text in curly quotes, escaped: it shows as written, never as Markdown or HTML."""
    return md_text(quoted(text, 10_000, curly=True))


def _t(text: str) -> str:
    """Tool text (a title, a section, a change told in words), escaped for Markdown."""
    return md_text(text)


def _list(items: list[str]) -> str:
    return join_words(items, "and")


class _Markdown:
    """Builds the changelog of one diff."""

    def __init__(self, diff: Diff, catalogue: ThemeCatalogue | None) -> None:
        self.diff = diff
        catalogue = catalogue if catalogue is not None else standard_catalogue()
        self.names = (
            {t.id: t.name for t in catalogue.themes}
            if diff.new.catalogue == catalogue.ref
            else {}
        )
        self.order = list(self.names)

    def theme(self, theme_id: str) -> str:
        return _t(self.names.get(theme_id, theme_id))

    def themes(self, ids: Iterable[str]) -> str:
        rank = {t: i for i, t in enumerate(self.order)}
        ordered = sorted(set(ids), key=lambda t: (rank.get(t, len(rank)), t))
        return _list([self.theme(t) for t in ordered])

    # -- the summary table ----------------------------------------------------
    def summary(self) -> list[str]:
        diff, old = self.diff, self.diff.old.version
        counted = Counter(c.severity for c in diff.changes)
        rows = [
            "| | |",
            "|---|---|",
            f"| Changes | {len(diff.changes)}: {counted[Impact.BREAKING]} breaking (old returns "
            f"or scores affected), {counted[Impact.COMPATIBLE]} compatible (old returns stay "
            f"valid), {counted[Impact.COSMETIC]} cosmetic (wording and layout) |",
            f"| Do returns made with {old} still fit? | {self.returns_fit()} |",
            f"| Can theme scores be compared with {old}? | {self.scores_compare()} |",
        ]
        grown = self.new_question_themes()
        if grown:
            rows.append(f"| Themes with new questions | {grown} |")
        rows.append(f"| Version | {self.version()} |")
        return rows

    def returns_fit(self) -> str:
        changes = self.diff.changes
        breaking = [c for c in changes if c.data is Impact.BREAKING]
        if not breaking:
            return "Yes"
        new = self.diff.new
        required = sum(1 for c in breaking if c.code.endswith("added-required"))
        required += sum(
            1
            for c in breaking
            if c.code.startswith("question-replaced")
            for q in c.related
            if (ref := new.question(q)) is not None and ref.question.required
        )
        gone = sum(1 for c in breaking if c.code.startswith(("question-replaced", *_REMOVED)))
        other = sum(
            1 for c in breaking
            if not c.code.startswith(("question-replaced", *_REMOVED))
            and not c.code.endswith("added-required")
        )
        parts = []
        if required:
            parts.append(f"they do not answer {plural(required, 'new required question')}")
        if gone:
            parts.append(
                f"answers to {plural(gone, 'question')} have no place in it "
                "(kept aside, never dropped)"
            )
        if other:
            verb = "affects" if other == 1 else "affect"
            parts.append(f"{plural(other, 'other change')} {verb} what an answer may be")
        return f"No: {_list(parts)}. `audit-tool migrate` carries them forward"

    def scores_compare(self) -> str:
        moving = [c for c in self.diff.changes if c.score is Impact.BREAKING]
        if any(c.code in EVERY_THEME_RULES for c in moving):
            return "Not directly: grading or the theme catalogue changed, which reaches every theme"
        themes = {t for c in moving for t in c.themes}
        if not themes:
            return "Yes: the same answers give the same scores"
        return (
            f"Yes, except {self.themes(themes)}: answers that counted there in "
            f"{self.diff.old.version} count differently or not at all"
        )

    def new_question_themes(self) -> str:
        new, m = self.diff.new, self.diff.matching
        themes = {
            t
            for r in new.iter_questions()
            if m.old_ref(r.question.id) is None and new.is_scored(r.question)
            for t in r.question.themes
        }
        return self.themes(themes) if themes else ""

    def version(self) -> str:
        diff = self.diff
        problems = diff.version_problems()
        if problems:
            return (
                f"{diff.new.version} does not keep the promise of its number: "
                + _t("; ".join(problems))
            )
        declared = f"{diff.new.version} is {_STEP_WORDS[diff.declared_bump]}"
        if diff.declared_bump is diff.suggested_bump:
            return f"{declared}, as the changes call for"
        return f"{declared}; the changes call for at least {_STEP_WORDS[diff.suggested_bump]}"

    # -- the main changes -------------------------------------------------------
    def asks(self, question_id: str, indent: str) -> list[str]:
        ref = self.diff.new.question(question_id)
        if ref is None:
            return []
        q = ref.question
        if isinstance(q, GroupQuestion):
            lines = [f"{indent}- {_q(q.text)} For each {_t(q.entry_label)}, it asks:"]
            lines.extend(f"{indent}   - {_q(s.text)}" for s in q.questions)
            return lines
        return [f"{indent}- {_q(q.text)}"]

    def new_section(self, section_id: str) -> list[str]:
        section = next(s for s in self.diff.new.sections if s.id == section_id)
        fresh = [q for q in section.questions if self.diff.matching.old_ref(q.id) is None]
        head = f"**A new section: {_t(section.title)}.**"
        only = fresh[0] if len(fresh) == 1 else None
        if isinstance(only, GroupQuestion):
            lines = [f"{head} {_q(only.text)} For each {_t(only.entry_label)}, it asks:"]
            return lines + [f"   - {_q(s.text)}" for s in only.questions]
        return [f"{head} It asks:"] + [
            line for q in fresh for line in self.asks(q.id, "   ")
        ]

    def main_changes(self) -> list[list[str]]:
        items: list[list[str]] = []
        told: set[str] = set()
        for change in (c for c in self.diff.changes if c.headline):
            if change.code.startswith("question-replaced"):
                item = [
                    f"**A question is replaced.** In *{_t(change.section)}*, "
                    f"{_q(change.subject)} "
                    f"is replaced by {plural(len(change.related), 'question')}:"
                ]
                for question_id in change.related:
                    item.extend(self.asks(question_id, "   "))
            elif change.code.startswith("question-removed"):
                item = [
                    f"**A question is removed** from *{_t(change.section)}*: "
                    f"{_q(change.subject)}"
                ]
            elif change.code == "section-added":
                item = self.new_section(change.target)
                told.add(change.subject)
            elif change.section in told:
                continue  # told with its new section
            else:
                item = [f"**A new question** in *{_t(change.section)}*:"]
                item.extend(self.asks(change.target, "   "))
            items.append(item)
        return items

    # -- everything else, grouped by what it does -----------------------------------
    def groups(self) -> list[tuple[str, list[str]]]:
        rest = [c for c in self.diff.changes if not c.headline]
        groups: list[tuple[str, list[str]]] = []
        for heading, belongs in (
            ("New questions", lambda c: c.code.startswith(_ADDED)),
            ("Questions taken away", lambda c: c.code.startswith(_REMOVED)),
            ("How questions are answered", lambda c: c.data.rank >= Impact.COMPATIBLE.rank),
            ("Scoring", lambda c: c.score is not Impact.NONE),
            ("Wording, guidance and layout", lambda c: True),
        ):
            members = [c for c in rest if belongs(c)]
            rest = [c for c in rest if not belongs(c)]
            if members:
                groups.append((heading, [self.bullet(c) for c in members]))
        return groups

    def bullet(self, change: Change) -> str:
        area = RULES[change.code].area
        detail = _t(change.detail or change.message)
        if change.code.startswith(_ADDED):
            kind = "required" if change.code.endswith("required") else "optional"
            return f"- *{_t(change.section)}*: {_q(change.subject)} ({kind})"
        if change.code.startswith(_REMOVED):
            return f"- *{_t(change.section)}*: {_q(change.subject)}"
        if area == "tool":
            return f"- The tool: {detail}"
        if area == "grading":
            theme = f" for {self.theme(change.target)}" if change.target else ""
            return f"- Grading{theme}: {detail}"
        if area == "section":
            return f"- Section {_q(change.subject)}: {detail}"
        if area in ("scale", "option"):
            return f"- Answer list {_q(change.subject)}: {detail}"
        return f"- {_q(change.subject)}: {detail}"

    def authored(self) -> list[str]:
        diff = self.diff
        entries = [
            e
            for e in diff.new.changelog
            if declared_bump(diff.old.version, e.version) not in (Bump.NONE, Bump.DOWNGRADE)
        ]
        lines: list[str] = []
        for entry in entries:
            dated = f" ({entry.date.isoformat()})" if entry.date else ""
            lines += [f"Version {entry.version}{dated}:", ""]
            lines.extend(f"- {_t(text)}" for text in entry.changes)
            lines.append("")
        return lines[:-1]

    def render(self) -> str:
        diff = self.diff
        out = [
            f"# {_t(diff.new.title)}: what changed in version {diff.new.version}",
            "",
            f"Compared with version {diff.old.version}.",
            "",
        ]
        if not diff.changes:
            out.append("Nothing that auditors answer or the panel scores has changed.")
            return "\n".join(out) + "\n"
        out.extend(self.summary())
        main = self.main_changes()
        if main:
            out += ["", "## The main changes", ""]
            for n, item in enumerate(main, start=1):
                out.append(f"{n}. {item[0]}")
                out.extend(item[1:])
        for heading, bullets in self.groups():
            out += ["", f"## {heading}", "", *bullets]
        authored = self.authored()
        if authored:
            out += ["", "## In the authors' words", "", *authored]
        out += [
            "",
            "<details><summary>Every change, with its rule</summary>",
            "",
            "| severity | rule | change |",
            "|---|---|---|",
            *(
                f"| {c.severity.value} | `{c.code}` | {_t(c.message)} |"
                for c in diff.changes
            ),
            "",
            "</details>",
        ]
        return "\n".join(out) + "\n"


def diff_markdown(diff: Diff, catalogue: ThemeCatalogue | None = None) -> str:
    """A changelog a board can publish: a summary, the main changes, then the rest by kind.

    Every text from the tools (titles, questions, labels, guidance, the authors' changelog)
    is escaped, so that it shows as written wherever the Markdown is rendered and never
    becomes a link, an image or HTML.

    Themes are named from ``catalogue`` (default: the standard one) when it is the one the
    new version names, else by their ids.
    """
    return _Markdown(diff, catalogue).render()


# --- the rule catalogue, for docs/diff-rules.md ----------------------------------

_AREA_TITLES = {
    "tool": "The tool",
    "grading": "Grading",
    "section": "Sections",
    "question": "Questions",
    "condition": "Conditions",
    "evidence": "Evidence",
    "answer": "What an answer may be",
    "group": "Repeatable groups",
    "theme": "Themes",
    "scale": "Scales",
    "option": "Options",
}


def rules_table() -> str:
    """The rule catalogue as a Markdown table, grouped by area."""
    lines = ["| rule | severity | data | score | what it means |", "|---|---|---|---|---|"]
    for area in _AREA_TITLES:
        for rule in RULES.values():
            if rule.area == area:
                lines.append(
                    f"| [`{rule.code}`](#{rule.code}) | {rule.severity.value} | "
                    f"{rule.data.value} | {rule.score.value} | {rule.title} |"
                )
    return "\n".join(lines) + "\n"


def _patch(before: str, after: str) -> list[str]:
    """One edit as patch lines, with a line of context either side."""
    old, new = before.splitlines(), after.splitlines()
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    lines = [f" {line}" for line in old[max(head - 1, 0) : head]]
    lines += [f"-{line}" for line in old[head : len(old) - tail]]
    lines += [f"+{line}" for line in new[head : len(new) - tail]]
    lines += [f" {line}" for line in old[len(old) - tail : len(old) - tail + 1]]
    return lines


def _patches(stages: list[str], edits: tuple[tuple[str, str], ...]) -> list[str]:
    """The edits as patch lines, each widened to the whole lines it touches."""
    out: list[str] = []
    for n, (before, after) in enumerate(edits):
        text, edited = stages[n], stages[n + 1]
        at = text.index(before)
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at + len(before) - 1) + 1 or len(text)
        if n:
            out.append("@@")
        out.extend(_patch(text[start:end], edited[start : end + len(after) - len(before)]))
    return out


def rules_examples() -> str:
    """Every rule with its example, as patches to the example tool."""
    out: list[str] = []
    for area, heading in _AREA_TITLES.items():
        out += [f"### {heading}", ""]
        for rule in (r for r in RULES.values() if r.area == area):
            out += [
                f"#### `{rule.code}`",
                "",
                f"{rule.title}. Severity **{rule.severity.value}** "
                f"(data: {rule.data.value}, score: {rule.score.value}).",
                "",
            ]
            if rule.example.old:
                old = Example(rule.example.old)
                out += ["The old version is the example tool with this edit:", "", "```diff",
                        *_patches(old.stages(EXAMPLE_TOOL), old.edits), "```", "",
                        "and the new version makes this one:", ""]
            stages = rule.example.stages(EXAMPLE_TOOL)
            out += ["```diff", *_patches(stages, rule.example.edits), "```", ""]
            if rule.example.also:
                also = ", ".join(f"`{code}`" for code in rule.example.also)
                out += [f"The same edit also gives {also}.", ""]
    return "\n".join(out)
