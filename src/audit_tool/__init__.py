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

from .answers import AnswerSlot, StrayAnswer, stray_answers, walk_answers
from .catalogue import STANDARD_CATALOGUE_REF, Theme, ThemeCatalogue, standard_catalogue
from .codes import CODES, CodeInfo
from .conditions import AllOf, Answered, AnyOf, Condition, Equals, InValues, Not
from .describe import (
    OptionWords,
    QuestionWords,
    Wording,
    describe_condition,
    describe_question,
    question_numbers,
)
from .diffing import RULES as DIFF_RULES
from .diffing import (
    Bump,
    Change,
    Diff,
    DiffRule,
    Impact,
    declared_bump,
    diff,
    suggested_bump,
)
from .events import EventRegister
from .exceptions import AuditToolError, InvalidFileError, MigrationError
from .fhir import FhirExport, export_fhir, export_fhir_response, import_fhir_response
from .fingerprint import fingerprint
from .form import FORM_CHECKS, FormPrefill, RoundForm, fillable_form, round_forms
from .loading import (
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
from .manifest import (
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
from .migration import MigrationResult, dump_response, migrate
from .problems import FileReport, Problem, Report, Severity
from .register import CellState, RoundRegister, build_register
from .render import FORM_FORMATS, render_form, render_html, render_markdown
from .report import (
    RoundReport,
    build_report,
    render_report_html,
    render_report_markdown,
    render_report_text,
)
from .response import (
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
from .round import AuditRound, Coverage, LoadedRound, RoundReturn, read_round
from .saving import dump_tool, save_tool
from .scaffold import scaffold_tool, write_scaffold
from .schemas import RESPONSE_SCHEMA_CODES, response_schema
from .scoring import GroupScore, QuestionScore, ResponseScore, Scores, ThemeScore, score
from .shipped import find_tool
from .template import blank_response
from .tool import (
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
from .tool_file import Fragment, ScaleInclude, SectionInclude
from .validation import CheckedResponse, ResponseSource, check_responses, validate_response

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
    "FormPrefill",
    "Fragment",
    "GradeBand",
    "Grading",
    "GroupQuestion",
    "GroupScore",
    "Impact",
    "InValues",
    "InvalidFileError",
    "LoadedManifest",
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
    "UnableToTakePart",
    "Wording",
    "__version__",
    "blank_response",
    "build_register",
    "build_report",
    "check_catalogue",
    "check_manifest",
    "check_responses",
    "check_tool",
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
