"""The verbs of the command line, by name: the module that holds each, and its help line.

``audit-tool --help`` lists every verb with its help line, and a run needs only
the verb it runs. Importing a verb's module imports what it works with (the
report imports the round, the scoring, the charts...), so the parser is built
from this table: the chosen verb's module registers its sub-parser, and each
other verb is listed by name and help alone. Each verb module's ``HELP`` is its
row here (:func:`help_of`).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["VERBS", "Verb", "chosen_verb", "help_of"]


class Verb(NamedTuple):
    """One verb: its name, the module with its ``register`` and ``run``, its help line."""

    name: str
    module: str
    help: str


VERBS: tuple[Verb, ...] = (
    Verb("check", "audit_tool.cli._check",
         "load and check tool files; every problem, not just the first"),
    Verb("validate", "audit_tool.cli._validate",
         "check completed questionnaires (responses) against their tool"),
    Verb("schema", "audit_tool.cli._schema",
         "print a JSON Schema for tool files, theme catalogues, responses or round manifests"),
    Verb("template", "audit_tool.cli._template",
         "a blank response file, commented with each question and its allowed answers"),
    Verb("render", "audit_tool.cli._render",
         "a printable blank form for auditors (Markdown or self-contained HTML)"),
    Verb("form", "audit_tool.cli._form",
         "a self-contained, offline, fillable HTML return that saves a response file"),
    Verb("new", "audit_tool.cli._new",
         "scaffold a new themed tool that includes the shared sections"),
    Verb("score", "audit_tool.cli._score", "theme scores per response, per case and overall"),
    Verb("report", "audit_tool.cli._report",
         "the audit round's report (Markdown, or self-contained HTML with charts)"),
    Verb("trend", "audit_tool.cli._trend",
         "theme scores across rounds, like for like where the tool changed"),
    Verb("meetings", "audit_tool.cli._meetings",
         "the round's register of shared events (statutory meetings), reconciled across returns"),
    Verb("export", "audit_tool.cli._export",
         "export a tool as a FHIR Questionnaire, or a return as a QuestionnaireResponse"),
    Verb("import", "audit_tool.cli._import",
         "import a FHIR QuestionnaireResponse (from a forms renderer) back into a return"),
    Verb("diff", "audit_tool.cli._diff",
         "semantic changes between two versions of a tool, and whether the version says so"),
    Verb("migrate", "audit_tool.cli._migrate",
         "carry responses to a new version of their tool, losing nothing"),
)
"""Every verb, in the order ``--help`` lists them."""

_BY_NAME = {verb.name: verb for verb in VERBS}


def help_of(name: str) -> str:
    """The help line of the verb ``name``."""
    return _BY_NAME[name].help


def chosen_verb(argv: list[str]) -> Verb | None:
    """The verb ``argv`` runs: its first word that is no option (the top level's options,
    ``--help`` and ``--version``, take no value), when that is a verb."""
    for n, word in enumerate(argv):
        if word == "--":  # what follows is no option, the verb first
            return _BY_NAME.get(argv[n + 1]) if n + 1 < len(argv) else None
        if not word.startswith("-"):
            return _BY_NAME.get(word)
    return None
