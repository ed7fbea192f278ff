"""Scaffolding a new themed tool that includes the shared building blocks.

``audit-tool new domestic_abuse --theme "Domestic abuse"`` writes a draft
tool (version 0.1.0) that includes the shared case context, meeting
attendance and overall judgement, with one starter section for each standard
theme the shared blocks do not already evidence. Each starter question is
generic, so the file checks with no problems at all, warnings included, from
the first moment; the author rewords and adds questions from there.

Include paths are written relative to the folder the new file goes in, so
the file checks wherever it is written.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from pydantic import TypeAdapter, ValidationError

from audit_tool._fs import write_atomic
from audit_tool._types import Identifier
from audit_tool.authoring.shipped import shipped_shared
from audit_tool.responses.template import yaml_scalar

__all__ = ["SHARED_BLOCKS", "copy_shared_blocks", "scaffold_tool", "write_scaffold"]

SHARED_BLOCKS = ("scales.yaml", "case_context.yaml", "meeting_attendance.yaml", "judgement.yaml")
"""The building-block files a scaffolded tool includes, in the shared folder."""

# One starter question per theme the shared blocks leave unevidenced:
# (section id, section title, question id, question text, theme id).
# ``{topic}`` is the practice theme as it reads mid-sentence.
_STARTERS = (
    ("recording", "Recording and chronology", "records_current",
     "Do your agency's records and chronology give an accurate, up-to-date picture of the "
     "child and the household?", "recording"),
    ("impact", "The impact on the child", "impact_recorded",
     "Do the records describe how {topic} affects the child's daily life, health and "
     "development?", "impact_on_child"),
    ("assessment", "Assessment", "risk_assessed",
     "Has an assessment identified the risks to the child from {topic}, using the recognised "
     "tools?", "assessment"),
    ("planning", "Outcome-focused planning", "outcome_plan",
     "Does the plan say what must change for the child, by when, and show whether it is "
     "changing?", "outcome_planning"),
    ("multi_agency", "Working together", "information_shared",
     "Did your agency share what it knew with other agencies in good time, and act on what "
     "it was told?", "multi_agency"),
    ("voice", "The voice of the child", "child_heard",
     "Was the child seen and heard, and did their views shape the decisions made?",
     "voice_of_child"),
    ("oversight", "Oversight and escalation", "management_oversight",
     "Did management oversight keep the work from drifting, and were disagreements "
     "escalated?", "oversight"),
)

_HEAD = """\
# A new themed audit tool, scaffolded by 'audit-tool new'. Next steps:
#   1. Write this theme's questions in the sections below. Each starter
#      question is generic: keep it, reword it or replace it.
#   2. Map every scored question to the themes it evidences ('themes:').
#   3. Run 'audit-tool check' on this file until it reports no problems, then
#      'audit-tool render FILE --format html' to read it as auditors will.
# The shared sections are included from {shared}; a change there changes
# every tool that includes them.
id: {id}
version: 0.1.0
title: {title}
theme: {theme}
status: draft
description: {description}

scales:
  - include: {shared}/scales.yaml
    scales: [yes_partly_no_na]

sections:
  - include: {shared}/case_context.yaml
"""

_SECTION = """
  - id: {section}
    title: {title}
    questions:
      # Add this theme's questions here.
      - id: {question}
        type: single_choice
        scale: yes_partly_no_na
        text: {text}
        evidence:
          required_for: ["no", partly]
        themes: {{{theme}: 1}}
"""

_TAIL = """
  - include: {shared}/meeting_attendance.yaml

  - include: {shared}/judgement.yaml

changelog:
  - version: 0.1.0
    changes: [First draft, scaffolded with the shared building blocks.]
"""


def _mid_sentence(theme: str) -> str:
    """``Domestic abuse`` -> ``domestic abuse``; an acronym (``CSE``) stays as it is."""
    if len(theme) > 1 and theme[0].isupper() and theme[1].islower():
        return theme[0].lower() + theme[1:]
    return theme


_IDENTIFIER: TypeAdapter[str] = TypeAdapter(Identifier)


def _check_names(tool_id: str, theme: str) -> None:
    try:
        _IDENTIFIER.validate_python(tool_id)
    except ValidationError:
        raise ValueError(
            f"the tool id must be lower_snake_case (a letter, then letters, digits or "
            f"underscores, at most 64), not {tool_id!r}"
        ) from None
    if not theme.strip() or any(ord(c) < 32 for c in theme):
        raise ValueError("the theme must be a name on one line, for example 'Domestic abuse'")


def scaffold_tool(tool_id: str, theme: str, *, shared: str = "shared") -> str:
    """The YAML text of a new draft tool on ``theme`` that includes the shared blocks.

    ``shared`` is the folder of the building blocks relative to where the
    file will be written, with ``/`` separators. Raises ``ValueError`` for an
    id that is not lower_snake_case or a theme that is not one line of text.
    """
    _check_names(tool_id, theme)
    theme = theme.strip()
    shared = shared.rstrip("/") or "."
    text = _HEAD.format(
        id=tool_id,
        title=yaml_scalar(f"Multi-agency case audit - {theme}"),
        theme=yaml_scalar(theme),
        description=yaml_scalar(
            f"Each agency's lead auditor completes one return per case on {_mid_sentence(theme)}, "
            "from the agency's own records, before the audit panel meets."
        ),
        shared=shared,
    )
    for section, title, question, wording, theme_id in _STARTERS:
        text += _SECTION.format(
            section=section,
            title=yaml_scalar(title),
            question=question,
            text=yaml_scalar(wording.format(topic=_mid_sentence(theme))),
            theme=theme_id,
        )
    return text + _TAIL.format(shared=shared)


def copy_shared_blocks(directory: str | Path) -> list[Path]:
    """Copy the shipped building blocks missing from ``DIRECTORY/shared``; return those copied.

    An existing file is never overwritten: a partnership's own edited copy stays as it is.
    This is how ``audit-tool new`` works in an empty folder.
    """
    shared = Path(directory) / "shared"
    copied = []
    for name in SHARED_BLOCKS:
        target = shared / name
        if not target.exists():
            write_atomic(target, (shipped_shared() / name).read_bytes())
            copied.append(target)
    return copied


def write_scaffold(
    tool_id: str,
    theme: str,
    directory: str | Path,
    *,
    shared_dir: str | Path | None = None,
    overwrite: bool = False,
) -> Path:
    """Write ``DIRECTORY/TOOL_ID.yaml`` (see :func:`scaffold_tool`); return its path.

    ``shared_dir`` holds the building blocks (default: ``DIRECTORY/shared``);
    the includes are written relative to ``directory``. Raises
    ``FileExistsError`` if the file exists and ``overwrite`` is false,
    ``FileNotFoundError`` if a building block is missing, ``ValueError`` for a
    bad id or theme.
    """
    folder = Path(directory)
    shared_path = Path(shared_dir) if shared_dir is not None else folder / "shared"
    relative = os.path.relpath(shared_path.resolve(), folder.resolve())
    # First, so that a bad id or theme is refused before the folders are looked at.
    text = scaffold_tool(tool_id, theme, shared=PurePath(relative).as_posix())
    missing = [name for name in SHARED_BLOCKS if not (shared_path / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"the shared building blocks are not in {shared_path} (missing: {', '.join(missing)}); "
            "write the tool beside a shared/ folder, or point at one with --shared DIR "
            "(the project's is tools/shared)"
        )
    target = folder / f"{tool_id}.yaml"
    if target.exists() and not overwrite:
        raise FileExistsError(f"{target} already exists")
    write_atomic(target, text)
    return target
