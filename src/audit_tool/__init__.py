"""audit-tool: build, version, check, complete, score and compare multi-agency case audit tools.

Quickstart (the shipped tools are found by name, as ``audit-tool`` finds them)::

    from audit_tool import find_tool, load_tool, read_response, score, validate_response
    tool = load_tool(find_tool("neglect", "2.0.0"))    # or load_tool("tools/neglect_v2.yaml")
    returned = read_response("examples/2019-05-neglect/responses/c1-police.yaml")
    problems = validate_response(tool, returned)        # [] : every problem, never raises
    scores = score(tool, [returned])                    # theme scores, as `audit-tool score`
    scores.overall.themes["recording"].grade

Each file kind is read the same way: ``read_*`` gives the file as read with its
problems and never raises; ``load_*`` gives the model or raises one
:class:`InvalidFileError` carrying every problem; ``check_*`` gives the problems.

The public API is everything in ``__all__``; modules whose names start with an
underscore are private.
"""

from __future__ import annotations

from audit_tool.authoring.catalogue import (
    STANDARD_CATALOGUE_REF,
    Theme,
    ThemeCatalogue,
    standard_catalogue,
)
from audit_tool.authoring.conditions import AllOf, Answered, AnyOf, Condition, Equals, InValues, Not
from audit_tool.authoring.describe import (
    OptionWords,
    QuestionWords,
    Wording,
    describe_condition,
    describe_question,
    question_numbers,
)
from audit_tool.authoring.events import EventRegister
from audit_tool.authoring.fingerprint import fingerprint
from audit_tool.authoring.loading import (
    LoadedTool,
    check_catalogue,
    check_tool,
    load_catalogue,
    load_tool,
    parse_tool,
    read_catalogue,
    read_tool,
    read_tool_text,
)
from audit_tool.authoring.saving import dump_tool, save_tool
from audit_tool.authoring.scaffold import scaffold_tool, write_scaffold
from audit_tool.authoring.shipped import find_tool
from audit_tool.authoring.tool import (
    DEFAULT_BANDS,
    NOT_EVIDENCED,
    ChangelogEntry,
    DateQuestion,
    EvidenceRule,
    GradeBand,
    Grading,
    GroupQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    Option,
    Question,
    QuestionRef,
    Scale,
    Section,
    SingleChoiceQuestion,
    SubQuestion,
    TextQuestion,
    Tool,
)
from audit_tool.authoring.tool_file import Fragment, ScaleInclude, SectionInclude
from audit_tool.codes import CODES, CodeInfo
from audit_tool.exceptions import AuditToolError, InvalidFileError, MigrationError
from audit_tool.export.fhir import (
    FhirExport,
    export_fhir,
    export_fhir_response,
    import_fhir_response,
)
from audit_tool.export.form import FORM_CHECKS, FormPrefill, RoundForm, fillable_form, round_forms
from audit_tool.export.render import FORM_FORMATS, render_form, render_html, render_markdown
from audit_tool.export.schemas import RESPONSE_SCHEMA_CODES, response_schema
from audit_tool.problems import FileReport, Problem, Report, Severity
from audit_tool.responses.answers import AnswerSlot, StrayAnswer, stray_answers, walk_answers
from audit_tool.responses.response import (
    Answer,
    LoadedResponse,
    MigrationStep,
    Period,
    Response,
    ToolRef,
    load_response,
    parse_response,
    read_response,
)
from audit_tool.responses.template import blank_response
from audit_tool.responses.validation import (
    CheckedResponse,
    ResponseSource,
    check_responses,
    validate_response,
)
from audit_tool.rounds.learning import Action, ActionStatus, Finding, LearningItem
from audit_tool.rounds.manifest import (
    AgencyEntry,
    AuditManifest,
    CaseEntry,
    Family,
    LoadedManifest,
    ManifestTool,
    SeparateMeeting,
    UnableToTakePart,
    check_manifest,
    load_manifest,
    read_manifest,
)
from audit_tool.rounds.register import CellState, RoundRegister, build_register
from audit_tool.rounds.report import (
    RoundReport,
    build_report,
    render_report_html,
    render_report_markdown,
    render_report_text,
)
from audit_tool.rounds.round import AuditRound, Coverage, LoadedRound, RoundReturn, read_round
from audit_tool.rounds.scoring import (
    GroupScore,
    QuestionScore,
    ResponseScore,
    Scores,
    ThemeScore,
    score,
)
from audit_tool.rounds.trend import (
    LoadedProgramme,
    RoundScores,
    Trend,
    VersionComparison,
    build_trend,
    compare_versions,
    read_previous,
    read_programme,
)
from audit_tool.versions import RULES as DIFF_RULES
from audit_tool.versions import (
    Bump,
    Change,
    Diff,
    DiffRule,
    Impact,
    declared_bump,
    diff,
    suggested_bump,
)
from audit_tool.versions.migration import MigrationResult, dump_response, migrate

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "DEFAULT_BANDS",
    "DIFF_RULES",
    "FORM_CHECKS",
    "FORM_FORMATS",
    "NOT_EVIDENCED",
    "RESPONSE_SCHEMA_CODES",
    "STANDARD_CATALOGUE_REF",
    "Action",
    "ActionStatus",
    "AgencyEntry",
    "AllOf",
    "Answer",
    "AnswerSlot",
    "Answered",
    "AnyOf",
    "AuditManifest",
    "AuditRound",
    "AuditToolError",
    "Bump",
    "CaseEntry",
    "CellState",
    "Change",
    "ChangelogEntry",
    "CheckedResponse",
    "CodeInfo",
    "Condition",
    "Coverage",
    "DateQuestion",
    "Diff",
    "DiffRule",
    "Equals",
    "EventRegister",
    "EvidenceRule",
    "Family",
    "FhirExport",
    "FileReport",
    "Finding",
    "FormPrefill",
    "Fragment",
    "GradeBand",
    "Grading",
    "GroupQuestion",
    "GroupScore",
    "Impact",
    "InValues",
    "InvalidFileError",
    "LearningItem",
    "LoadedManifest",
    "LoadedProgramme",
    "LoadedResponse",
    "LoadedRound",
    "LoadedTool",
    "ManifestTool",
    "MigrationError",
    "MigrationResult",
    "MigrationStep",
    "MultipleChoiceQuestion",
    "Not",
    "NumberQuestion",
    "Option",
    "OptionWords",
    "Period",
    "Problem",
    "Question",
    "QuestionRef",
    "QuestionScore",
    "QuestionWords",
    "Report",
    "Response",
    "ResponseScore",
    "ResponseSource",
    "RoundForm",
    "RoundRegister",
    "RoundReport",
    "RoundReturn",
    "RoundScores",
    "Scale",
    "ScaleInclude",
    "Scores",
    "Section",
    "SectionInclude",
    "SeparateMeeting",
    "Severity",
    "SingleChoiceQuestion",
    "StrayAnswer",
    "SubQuestion",
    "TextQuestion",
    "Theme",
    "ThemeCatalogue",
    "ThemeScore",
    "Tool",
    "ToolRef",
    "Trend",
    "UnableToTakePart",
    "VersionComparison",
    "Wording",
    "__version__",
    "blank_response",
    "build_register",
    "build_report",
    "build_trend",
    "check_catalogue",
    "check_manifest",
    "check_responses",
    "check_tool",
    "compare_versions",
    "declared_bump",
    "describe_condition",
    "describe_question",
    "diff",
    "dump_response",
    "dump_tool",
    "export_fhir",
    "export_fhir_response",
    "fillable_form",
    "find_tool",
    "fingerprint",
    "import_fhir_response",
    "load_catalogue",
    "load_manifest",
    "load_response",
    "load_tool",
    "migrate",
    "parse_response",
    "parse_tool",
    "question_numbers",
    "read_catalogue",
    "read_manifest",
    "read_previous",
    "read_programme",
    "read_response",
    "read_round",
    "read_tool",
    "read_tool_text",
    "render_form",
    "render_html",
    "render_markdown",
    "render_report_html",
    "render_report_markdown",
    "render_report_text",
    "response_schema",
    "round_forms",
    "save_tool",
    "scaffold_tool",
    "score",
    "standard_catalogue",
    "stray_answers",
    "suggested_bump",
    "validate_response",
    "walk_answers",
    "write_scaffold",
]
