"""Authoring: a tool file read, its building blocks included, checked, saved, scaffolded.

The tool model and its parts, the six condition forms, the theme catalogue, the
register declaration of a repeatable group; the same three verbs for a tool, a
building block and a catalogue (``read_*`` never raises, ``load_*`` raises one
:class:`~audit_tool.InvalidFileError`, ``check_*`` gives the problems); finding a
tool by name, saving, scaffolding a new themed tool, fingerprints, and a tool in
words for forms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit_tool._lazy import exports

if TYPE_CHECKING:
    from audit_tool.authoring.catalogue import (
        STANDARD_CATALOGUE_REF as STANDARD_CATALOGUE_REF,
    )
    from audit_tool.authoring.catalogue import (
        Theme as Theme,
    )
    from audit_tool.authoring.catalogue import (
        ThemeCatalogue as ThemeCatalogue,
    )
    from audit_tool.authoring.catalogue import (
        standard_catalogue as standard_catalogue,
    )
    from audit_tool.authoring.conditions import (
        AllOf as AllOf,
    )
    from audit_tool.authoring.conditions import (
        Answered as Answered,
    )
    from audit_tool.authoring.conditions import (
        AnyOf as AnyOf,
    )
    from audit_tool.authoring.conditions import (
        Condition as Condition,
    )
    from audit_tool.authoring.conditions import (
        Equals as Equals,
    )
    from audit_tool.authoring.conditions import (
        InValues as InValues,
    )
    from audit_tool.authoring.conditions import (
        Not as Not,
    )
    from audit_tool.authoring.describe import (
        OptionWords as OptionWords,
    )
    from audit_tool.authoring.describe import (
        QuestionWords as QuestionWords,
    )
    from audit_tool.authoring.describe import (
        Wording as Wording,
    )
    from audit_tool.authoring.describe import (
        describe_condition as describe_condition,
    )
    from audit_tool.authoring.describe import (
        describe_question as describe_question,
    )
    from audit_tool.authoring.describe import (
        question_numbers as question_numbers,
    )
    from audit_tool.authoring.events import EventRegister as EventRegister
    from audit_tool.authoring.fingerprints import fingerprint as fingerprint
    from audit_tool.authoring.loading import (
        LoadedCatalogue as LoadedCatalogue,
    )
    from audit_tool.authoring.loading import (
        LoadedTool as LoadedTool,
    )
    from audit_tool.authoring.loading import (
        check_catalogue as check_catalogue,
    )
    from audit_tool.authoring.loading import (
        check_fragment as check_fragment,
    )
    from audit_tool.authoring.loading import (
        check_tool as check_tool,
    )
    from audit_tool.authoring.loading import (
        load_catalogue as load_catalogue,
    )
    from audit_tool.authoring.loading import (
        load_fragment as load_fragment,
    )
    from audit_tool.authoring.loading import (
        load_tool as load_tool,
    )
    from audit_tool.authoring.loading import (
        read_catalogue as read_catalogue,
    )
    from audit_tool.authoring.loading import (
        read_fragment as read_fragment,
    )
    from audit_tool.authoring.loading import (
        read_tool as read_tool,
    )
    from audit_tool.authoring.saving import dump_tool as dump_tool
    from audit_tool.authoring.saving import save_tool as save_tool
    from audit_tool.authoring.scaffold import (
        scaffold_tool as scaffold_tool,
    )
    from audit_tool.authoring.scaffold import (
        write_scaffold as write_scaffold,
    )
    from audit_tool.authoring.shipped import find_tool as find_tool
    from audit_tool.authoring.tool import (
        DEFAULT_BANDS as DEFAULT_BANDS,
    )
    from audit_tool.authoring.tool import (
        NOT_EVIDENCED as NOT_EVIDENCED,
    )
    from audit_tool.authoring.tool import (
        ChangelogEntry as ChangelogEntry,
    )
    from audit_tool.authoring.tool import (
        DateQuestion as DateQuestion,
    )
    from audit_tool.authoring.tool import (
        EvidenceRule as EvidenceRule,
    )
    from audit_tool.authoring.tool import (
        GradeBand as GradeBand,
    )
    from audit_tool.authoring.tool import (
        Grading as Grading,
    )
    from audit_tool.authoring.tool import (
        GroupQuestion as GroupQuestion,
    )
    from audit_tool.authoring.tool import (
        MultipleChoiceQuestion as MultipleChoiceQuestion,
    )
    from audit_tool.authoring.tool import (
        NumberQuestion as NumberQuestion,
    )
    from audit_tool.authoring.tool import (
        Option as Option,
    )
    from audit_tool.authoring.tool import (
        Question as Question,
    )
    from audit_tool.authoring.tool import (
        QuestionRef as QuestionRef,
    )
    from audit_tool.authoring.tool import (
        Scale as Scale,
    )
    from audit_tool.authoring.tool import (
        Section as Section,
    )
    from audit_tool.authoring.tool import (
        SingleChoiceQuestion as SingleChoiceQuestion,
    )
    from audit_tool.authoring.tool import (
        SubQuestion as SubQuestion,
    )
    from audit_tool.authoring.tool import (
        TextQuestion as TextQuestion,
    )
    from audit_tool.authoring.tool import (
        Tool as Tool,
    )
    from audit_tool.authoring.tool_file import (
        Fragment as Fragment,
    )
    from audit_tool.authoring.tool_file import (
        ScaleInclude as ScaleInclude,
    )
    from audit_tool.authoring.tool_file import (
        SectionInclude as SectionInclude,
    )

__getattr__, __dir__, __all__ = exports(__name__, {
    "audit_tool.authoring.tool": [
        "DEFAULT_BANDS", "NOT_EVIDENCED", "ChangelogEntry", "DateQuestion", "EvidenceRule",
        "GradeBand", "Grading", "GroupQuestion", "MultipleChoiceQuestion", "NumberQuestion",
        "Option", "Question", "QuestionRef", "Scale", "Section", "SingleChoiceQuestion",
        "SubQuestion", "TextQuestion", "Tool",
    ],
    "audit_tool.authoring.tool_file": [
        "Fragment", "ScaleInclude", "SectionInclude",
    ],
    "audit_tool.authoring.events": [
        "EventRegister",
    ],
    "audit_tool.authoring.conditions": [
        "AllOf", "Answered", "AnyOf", "Condition", "Equals", "InValues", "Not",
    ],
    "audit_tool.authoring.catalogue": [
        "STANDARD_CATALOGUE_REF", "Theme", "ThemeCatalogue", "standard_catalogue",
    ],
    "audit_tool.authoring.loading": [
        "LoadedCatalogue", "LoadedTool", "check_catalogue", "check_fragment", "check_tool",
        "load_catalogue", "load_fragment", "load_tool", "read_catalogue", "read_fragment",
        "read_tool",
    ],
    "audit_tool.authoring.saving": [
        "dump_tool", "save_tool",
    ],
    "audit_tool.authoring.scaffold": [
        "scaffold_tool", "write_scaffold",
    ],
    "audit_tool.authoring.fingerprints": [
        "fingerprint",
    ],
    "audit_tool.authoring.shipped": [
        "find_tool",
    ],
    "audit_tool.authoring.describe": [
        "OptionWords", "QuestionWords", "Wording", "describe_condition", "describe_question",
        "question_numbers",
    ],
})
