"""Blank response templates: the file a lead auditor fills in, one per case and agency.

The template is a response file (see :mod:`audit_tool.responses.response`) with every
answer left blank and, above each, YAML comments giving the question's
number and text, its guidance, the allowed answers (values, labels and
scores), when it applies ("answer if ...") and when evidence is required.
Questions that need evidence are written in the full form (``value`` and
``evidence``); a repeatable group gets one blank entry to copy.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterator

from pydantic import ValidationError

from audit_tool import _args
from audit_tool.authoring.describe import QuestionWords, Wording, describe_question
from audit_tool.authoring.tool import Tool
from audit_tool.responses.response import Period, Response

__all__ = [
    "blank_response",
    "check_prefill",
    "header_comment",
    "paragraphs",
    "question_comment",
    "section_comment",
    "yaml_scalar",
]

_WIDTH = 88
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
# Words that YAML 1.1 readers take for true/false; quoted so every reader sees text.
_BOOLEAN_WORDS = frozenset(
    w
    for word in ("y", "yes", "n", "no", "on", "off", "true", "false", "null")
    for w in (word, word.capitalize(), word.upper())
)

_HEADER = """\
Blank response for {title} ({ref}).

One file per case and per agency, completed by the agency's lead auditor from
the agency's own records for the audit period. Never write a child's or a
family member's name: use the case reference, initials or roles.

Write each answer after its colon, for example
    chronology_current: partly
or in full, with the evidence from your records and its date:
    chronology_current:
      value: partly
      evidence: What in the records supports the answer.
      evidence_date: 2017-03-14
Leave a question blank when it does not apply (see "Answer if").
For text over several lines, write | after the colon and indent the lines below."""


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar every reader takes for the same text.

    Plain when it is a simple word (``partly``), double-quoted otherwise
    (``"yes"``, ``"2.0.0"``, ``"5_to_11"``).
    """
    if _PLAIN.match(value) and value not in _BOOLEAN_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


def paragraphs(text: str) -> list[str]:
    """``text`` split at blank lines, each paragraph's lines joined into one."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _comment(
    text: str, indent: int, lead: int = 0, hang: int = 0, first: str = ""
) -> list[str]:
    """``text`` wrapped as comment lines.

    The ``#`` stands at column ``indent``; the text starts ``lead`` spaces
    after ``# `` (after ``first``, kept as it is, on the first line), and
    continuation lines ``hang`` spaces further. Paragraphs (separated by a
    blank line) are wrapped separately.
    """
    out: list[str] = []
    prefix = " " * indent + "# " + " " * lead
    for words in paragraphs(text):
        out.extend(
            (prefix + line).rstrip()
            for line in textwrap.wrap(
                words,
                width=max(_WIDTH - len(prefix), 30),
                initial_indent=first,
                subsequent_indent=" " * hang,
                break_on_hyphens=False,
                break_long_words=False,
            )
        )
    return out


def check_prefill(values: dict[str, object]) -> None:
    """Raise ``ValueError`` naming each prefilled field a response would not accept
    (``round``, ``case``, ``agency``, ``period``; ``None`` is not prefilled)."""
    probe: dict[str, object] = {
        "tool": {"id": "probe", "version": "1.0.0"},
        "case": "C1",
        "agency": "agency",
    }
    probe.update({k: v for k, v in values.items() if v is not None})
    try:
        Response.model_validate(probe)
    except ValidationError as exc:
        fields = sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]})
        raise ValueError(
            f"cannot prefill {', '.join(fields)}: not a valid value for a response "
            "(a case reference is letters, digits, '.', '_' or '-'; an agency id is "
            "lower_snake_case)"
        ) from None


def question_comment(words: QuestionWords, indent: int = 0) -> list[str]:
    """The comment lines above one question's answer: number and text, when it applies,
    guidance, the allowed answers and when evidence is needed (a group's note on entries
    included). The fillable form writes the same lines above each answer it saves."""
    return list(_question_comment(words, indent))


def _question_comment(words: QuestionWords, indent: int) -> Iterator[str]:
    lead = len(words.number) + 1
    optional = "" if words.required else " (optional)"
    yield from _comment(f"{words.number} {words.text}{optional}", indent, 0, lead)
    if words.condition:
        yield from _comment(words.condition, indent, lead, 2)
    if words.guidance:
        yield from _comment(f"Guidance: {words.guidance}", indent, lead, 2)
    yield from _allowed(words, indent, lead)
    if words.evidence:
        yield from _comment(words.evidence, indent, lead, 2)


def _question(words: QuestionWords, indent: int) -> Iterator[str]:
    """The comment block and the blank answer of one question."""
    yield from _question_comment(words, indent)
    lead = len(words.number) + 1
    pad = " " * indent
    if words.type == "group":
        yield from _group(words, indent, lead)
    elif words.evidence:
        yield from (f"{pad}{words.id}:", f"{pad}  value:", f"{pad}  evidence:")
    else:
        yield f"{pad}{words.id}:"


def _allowed(words: QuestionWords, indent: int, lead: int) -> Iterator[str]:
    """The kind of answer and, for a choice, each option with its label and score."""
    if not words.options:
        yield from _comment(f"Answer: {words.answer}.", indent, lead, 2)
        return
    if words.multiple:
        intro = f"Answer: a list of these values ({words.answer}), for example [a, b]:"
    else:
        intro = "Answer: one of these values:"
    yield from _comment(intro, indent, lead, 2)
    width = max(len(yaml_scalar(o.value)) for o in words.options) + 2
    for option in words.options:
        score = f" ({option.score})" if option.score else ""
        alone = " (on its own only)" if option.exclusive else ""
        yield from _comment(
            f"{option.label}{score}{alone}",
            indent,
            lead + 2,
            width,
            first=yaml_scalar(option.value).ljust(width),
        )


def _group(words: QuestionWords, indent: int, lead: int) -> Iterator[str]:
    """A group's key and one blank entry whose sub-questions are commented like questions."""
    label = words.entry_label or "entry"
    note = f"Copy the entry below (from its '-' down) once for each {label}."
    if not words.min_entries:
        note += f" If there is no {label} to record, write: {words.id}: []"
    yield from _comment(note, indent, lead, 2)
    yield f"{' ' * indent}{words.id}:"
    yield f"{' ' * (indent + 2)}-"
    for k, sub in enumerate(words.questions):
        if k:
            yield ""
        yield from _question(sub, indent + 4)


def header_comment(tool: Tool) -> list[str]:
    """The comment at the top of a response file: what it is and how to write answers."""
    header = _HEADER.format(title=tool.title, ref=tool.ref)
    return [f"# {line}" if line else "#" for line in header.splitlines()]


def section_comment(number: int, title: str, description: str, indent: int = 0) -> list[str]:
    """A section's banner in a response file: its number, title and introduction."""
    rule = " " * indent + "# " + "=" * (_WIDTH - 2 - indent)
    lines = [rule, *_comment(f"{number}. {title}", indent)]
    if description:
        lines += _comment(description, indent)
    return [*lines, rule]


def blank_response(
    tool: Tool,
    *,
    audit_round: str | None = None,
    case: str | None = None,
    agency: str | None = None,
    period: Period | None = None,
) -> str:
    """A blank response file for ``tool``, commented for the auditor, as YAML text.

    ``audit_round``, ``case``, ``agency`` and ``period`` prefill the top of
    the file (a lead preparing one file per case and agency). Raises
    ``ValueError`` if a prefilled value is not one a response accepts.
    """
    tool = _args.typed(tool, Tool, "tool")
    check_prefill(
        {"round": audit_round, "case": case, "agency": agency, "period": period}
    )
    wording = Wording.file(tool)
    lines = header_comment(tool)

    def field(key: str, value: str | None, hint: str, width: int = 15) -> str:
        shown = f"{key}: {yaml_scalar(value)}" if value is not None else f"{key}:"
        return f"{shown:<{width}} # {hint}"

    lines += [
        "",
        "tool:",
        f"  id: {yaml_scalar(tool.id)}",
        f"  version: {yaml_scalar(tool.version)}",
        field("round", audit_round, "the audit round, for example 2017-05-neglect"),
        field("case", case, "the pseudonymised case reference you were given, for example C1"),
        field("agency", agency, "your agency's id in lower_snake_case, for example police"),
        field("auditor_role", None, "your role, never your name, for example Safeguarding lead"),
        field("completed", None, "the date you completed this return, YYYY-MM-DD"),
    ]
    if period is not None:
        lines += [
            "period:",
            f"  start: {period.start.isoformat()}",
            f"  end: {period.end.isoformat()}",
        ]
    else:
        lines += [
            field("period", None, "the audit period"),
            f"  {field('start', None, 'the first day audited, YYYY-MM-DD', 13)}",
            f"  {field('end', None, 'the last day audited, YYYY-MM-DD', 13)}",
        ]
    lines += ["", "answers:"]
    for s, section in enumerate(tool.sections, start=1):
        lines += ["", *section_comment(s, section.title, section.description, 2)]
        for question in section.questions:
            lines.append("")
            lines.extend(_question(describe_question(question, tool, wording), 2))
    return "\n".join(lines) + "\n"
