"""The catalogue of problem codes: every code, its severity, a title and a fix.

Codes are public API. A code is never reused for a different problem; a new
kind of problem gets a new code here, and ``docs/problem-codes.md`` is
generated from this table so that the two cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .problems import Problem, Severity

__all__ = ["CODES", "CodeInfo", "problem"]

E = Severity.ERROR
W = Severity.WARNING


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What a problem code means and how to fix it."""

    code: str
    severity: Severity
    area: str
    title: str
    fix: str


_TABLE: tuple[tuple[str, Severity, str, str, str], ...] = (
    # --- reading files -------------------------------------------------
    ("file-unreadable", E, "file", "The file cannot be read",
     "Check the path exists, is a file, and that you may read it."),
    ("file-too-large", E, "file", "The file is larger than the limit",
     "Split the file, or raise the limit if the file is genuinely this large."),
    ("invalid-encoding", E, "file", "The file is not valid UTF-8",
     "Save the file as UTF-8 (most editors offer this under 'Save with encoding')."),
    ("yaml-syntax", E, "file", "The file is not valid YAML",
     "Fix the YAML at the position given; check indentation, quotes and brackets."),
    ("yaml-directive", E, "file", "A YAML directive the reader does not accept",
     "Remove the line; only '%YAML 1.2' (or 1.1) and '%TAG' directives are read."),
    ("invalid-number", E, "file", "A number that is not finite or is too large to use",
     "Write a finite number (no .inf or .nan) of at most 309 digits; quote it if it is text."),
    ("duplicate-key", E, "file", "A mapping has the same key twice",
     "Remove or rename one of the two keys; YAML keeps only one of them."),
    ("too-deep", E, "file", "The document is nested deeper than the limit",
     "Flatten the structure; audit files are never this deeply nested."),
    ("too-many-nodes", E, "file", "The document has more nodes than the limit",
     "Split the document; this is far larger than any audit file."),
    ("data-cycle", E, "file", "Data given from Python holds itself",
     "Pass plain data: a mapping or list may not contain itself, at any depth."),
    ("alias-limit", E, "file", "YAML aliases expand beyond the limit",
     "Write the repeated content out, or use fewer nested aliases."),
    ("unsafe-tag", E, "file", "A YAML tag that is not plain data",
     "Remove the tag (for example '!!python/object'); only plain data is read."),
    ("multiple-documents", E, "file", "More than one YAML document in the file",
     "Keep one document per file; remove the extra '---' separator."),
    ("empty-document", E, "file", "The file holds no document",
     "Write the tool (or response) into the file; it is empty."),
    ("not-a-mapping", E, "file", "The document is not a mapping of keys to values",
     "Start the file with keys such as 'id:' and 'version:'."),
    # --- schema (shape of the document) -------------------------------
    ("missing-field", E, "schema", "A required field is missing",
     "Add the field named in the message."),
    ("unknown-field", E, "schema", "A field the format does not define",
     "Remove the field, or correct its spelling (the message suggests one)."),
    ("wrong-type", E, "schema", "A value of the wrong type",
     "Give a value of the type named in the message (text, number, list, mapping)."),
    ("invalid-value", E, "schema", "A value the format does not allow",
     "Use one of the allowed values, or a value within the stated limits."),
    ("invalid-id", E, "schema", "An identifier that is not lower_snake_case",
     "Use lower-case letters, digits and underscores, starting with a letter."),
    ("invalid-version", E, "schema", "A version that is not semantic (MAJOR.MINOR.PATCH)",
     "Write the version as three numbers, for example 2.0.0."),
    ("invalid-condition", E, "schema", "A condition that is not one of the known forms",
     "Use all/any/not, or 'question' with one of equals/in/answered."),
    ("unknown-question-type", E, "schema", "A question type the format does not define",
     "Use single_choice, multiple_choice, text, date, number or group."),
    ("invalid-weight", E, "schema", "A theme weight that is not above zero, or above 100",
     "Give the weight as a number greater than 0 and at most 100, or remove the theme mapping."),
    ("invalid-score", E, "schema", "An option score below zero or above 1,000",
     "Give a score from 0 to 1,000, or leave 'score' out for an unscored option."),
    # --- includes -------------------------------------------------------
    ("include-not-found", E, "include", "An included file does not exist",
     "Correct the path; it is relative to the file that includes it."),
    ("include-outside", E, "include", "An include leads outside the tool's folder and the shared building blocks",
     "Keep building blocks in the tool's folder or below it, or name their folder with --shared DIR."),
    ("include-cycle", E, "include", "Files include each other in a cycle",
     "Remove one of the includes so that no file includes itself."),
    ("not-a-tool", E, "include", "A building block was given where a tool is needed",
     "Give the tool file that includes the building block."),
    ("include-not-fragment", E, "include", "An included file is not a building block",
     "Include only building-block files (with 'fragment:' at the top)."),
    # --- meaning of a tool ---------------------------------------------
    ("duplicate-id", E, "tool", "Two things of one kind share an id",
     "Give each section, question, scale and option a distinct id."),
    ("unknown-scale", E, "tool", "A question uses a scale that is not defined",
     "Define the scale, include the file that defines it, or fix the id."),
    ("unknown-theme", E, "tool", "A theme that the catalogue does not define",
     "Use a theme id from the catalogue (the message suggests the nearest)."),
    ("unknown-section", E, "tool", "An include names a section the file does not have",
     "Correct the section id, or add the section to the included file."),
    ("unknown-question", E, "tool", "A reference to a question that does not exist",
     "Correct the question id (the message suggests the nearest)."),
    ("unknown-option", E, "tool", "A reference to an option its scale does not have",
     "Use one of the scale's option values."),
    ("condition-self-reference", E, "tool", "A question's condition depends on itself",
     "Make the condition depend on an earlier question."),
    ("condition-forward-reference", E, "tool", "A condition depends on a later question",
     "Move the question the condition depends on above this one."),
    ("condition-cycle", E, "tool", "Conditions depend on each other in a cycle",
     "Break the cycle so that each condition depends only on earlier questions."),
    ("condition-impossible-value", E, "tool", "A condition compares with a value its target cannot take",
     "Compare with a value the target question allows (an option value, a number, a date)."),
    ("condition-target-in-group", E, "tool", "A condition outside a group depends on a question inside it",
     "Depend on a question outside the group, or move the condition into the group."),
    ("theme-on-unscored-question", E, "tool", "A theme mapping on a question that cannot be scored",
     "Map themes only from single-choice questions whose scale has scores."),
    ("unmapped-scored-question", W, "tool", "A scored question maps to no theme",
     "Add 'themes:' to the question, or use a scale without scores."),
    ("theme-not-evidenced", W, "tool", "A catalogue theme that no question evidences",
     "Map at least one scored question to the theme."),
    ("bands-not-descending", E, "tool", "Grade bands are not in strictly descending order",
     "List bands from the highest minimum to the lowest, each lower than the last."),
    ("reserved-grade", E, "tool", "A grade band uses a reserved grade name",
     "Rename the band; 'not_evidenced' is given by the library when evidence is thin."),
    ("invalid-range", E, "tool", "A lower limit above its upper limit",
     "Make the minimum no larger than the maximum."),
    ("retired-id-reused", E, "tool", "An id retired by an earlier version is used again",
     "Choose a new id; a retired id keeps its old meaning in old responses."),
    ("changelog-missing-version", W, "tool", "The changelog has no entry for this version",
     "Add a changelog entry saying what this version changed."),
    ("unknown-catalogue", E, "tool", "The tool names a theme catalogue that is not available",
     "Use 'standard@1', or pass your partnership's catalogue with --catalogue."),
    ("register-unknown-question", E, "tool", "A group's register names a question that is not one of the group's sub-questions",
     "Name a sub-question of the same group (the message suggests the nearest id)."),
    ("register-wrong-type", E, "tool", "A group's register gives a sub-question of the wrong type for its role",
     "The kind and every part need a single-choice sub-question, the date a date sub-question."),
    ("register-unknown-option", E, "tool", "A group's register lists an option its question's scale does not have",
     "List option values of the part's own scale (the message suggests the nearest)."),
    ("register-option-conflict", E, "tool", "A group's register lists one option in two lists of a part",
     "Keep the option in one of done, not_done and not_invited."),
    ("register-question-reused", E, "tool", "A group's register gives one sub-question two roles",
     "Give each role (kind, date, attendance, report...) its own sub-question."),
    ("register-key-optional", W, "tool", "The kind or date that identifies a register's events is an optional question",
     "Make the sub-question required: an entry without it cannot be matched across agencies."),
    # --- a response checked against its tool ----------------------------
    ("tool-not-found", E, "response", "The tool the response names is in none of the tools folders",
     "Give the tool file with --tool, or its folder with --tools DIR (or AUDIT_TOOL_PATH)."),
    ("wrong-tool", E, "response", "The response answers a different tool",
     "Validate the response against the tool it names, or correct its 'tool: id:'."),
    ("wrong-tool-version", E, "response", "The response answers another version of the tool",
     "Validate against the version the response names, or carry it forward with 'audit-tool migrate'."),
    ("fingerprint-mismatch", E, "response", "The tool has changed since the response was completed, without a new version",
     "Restore the tool as published, or publish the change as a new version and migrate the response."),
    ("missing-metadata", E, "response", "A completed response lacks its completion date, audit period or auditor role",
     "Add the field named in the message; a draft may leave it out, a return may not."),
    ("period-start-after-end", E, "response", "The audit period starts after it ends",
     "Correct the period's start or end date."),
    ("completed-before-period-ends", E, "response", "The response was completed before the audit period ended",
     "Correct the completion date or the period: a return covers the whole period."),
    ("date-in-future", E, "response", "A date after today",
     "Correct the date: records, meetings and returns cannot be dated after today."),
    ("unknown-answer", E, "response", "An answer to a question the tool does not have",
     "Correct the question id (the message suggests the nearest), or remove the answer."),
    ("file-given-twice", W, "file", "The same file given more than once (by another spelling or a link)",
     "Nothing to fix in the file: it is read once. Give each file once."),
    ("looks-identifying", W, "response", "A case reference, agency or role that looks like a name, a date of birth, an NHS number or a postcode",
     "Use the partnership's pseudonym for the case (C1), the agency's id and the auditor's role; never a name or a personal detail."),
    ("more-unknown-answers", E, "response", "More answers the tool has no question for than are listed one by one",
     "Check that the response answers this tool (its id and version); correct or remove the answers, starting with the one this points to."),
    ("missing-answer", E, "response", "A required question that applies is not answered",
     "Answer the question; a repeatable group needs its list of entries, which may be empty."),
    ("unexpected-answer", W, "response", "An answer to a question that does not apply (its condition does not hold)",
     "Remove the answer, or correct the earlier answers its condition reads; it is ignored as it stands."),
    ("answer-wrong-type", E, "response", "An answer of the wrong type for its question",
     "Give the kind of answer the question takes: an option value, text, a number, a date or a list."),
    ("option-not-in-scale", E, "response", "An answer that is not an option of the question's scale",
     "Use one of the scale's option values (the message lists them)."),
    ("not-a-whole-number", E, "response", "A fraction where the question takes whole numbers",
     "Give a whole number."),
    ("number-out-of-range", E, "response", "A number below the question's minimum or above its maximum",
     "Give a number within the limits the message states."),
    ("text-too-long", E, "response", "A text answer longer than the question allows",
     "Shorten the answer to the limit the message states."),
    ("duplicate-choice", E, "response", "A multiple-choice answer lists an option twice",
     "Remove the repeated option."),
    ("too-few-choices", E, "response", "Fewer options chosen than the question asks for",
     "Choose at least as many options as the message states."),
    ("too-many-choices", E, "response", "More options chosen than the question allows",
     "Choose no more options than the message states."),
    ("exclusive-choice", E, "response", "An option that must be chosen alone is chosen with others",
     "Choose that option on its own (it means 'none of these'), or remove it."),
    ("too-few-entries", E, "response", "A repeatable group has fewer entries than it needs",
     "Add the missing entries (one per meeting, visit...)."),
    ("too-many-entries", E, "response", "A repeatable group has more entries than it allows",
     "Remove entries, or check for entries recorded twice."),
    ("evidence-missing", E, "response", "An answer that needs evidence has none",
     "Write the full answer form, with what in the records supports the answer under 'evidence:'."),
    ("evidence-before-period", W, "response", "Evidence dated before the audit period, presented as current",
     "Say in the evidence that it is historical, or give evidence from the audit period."),
    # --- FHIR export ----------------------------------------------------
    ("fhir-condition-not-expressible", W, "fhir", "A condition that FHIR enableWhen cannot express",
     "The export carries the condition in an extension and makes the question always enabled and optional, so FHIR forms do not apply it; to have them apply it, write it as one test, or one 'all' or 'any' of tests."),
    ("fhir-tool-mismatch", E, "fhir", "The response answers another tool or another version of it",
     "Export with the tool version the response names, or migrate the response to this version first."),
    ("fhir-answer-not-exported", E, "fhir", "An answer that has no place in the exported questionnaire",
     "Run 'audit-tool validate': the answer names an unknown question, or its value does not fit the question."),
    ("fhir-answer-not-applicable", W, "fhir", "An answer to a question whose condition does not hold",
     "Remove the answer, or correct the answers its condition reads; FHIR forbids answers to disabled questions, so the export leaves it out."),
    ("fhir-evidence-not-exported", W, "fhir", "Evidence that has no place in a FHIR response",
     "Give evidence together with an answer, on a question rather than on a whole repeatable group."),
    ("fhir-unplaced-answer-not-exported", W, "fhir", "An answer kept by migration that the export leaves out",
     "Move the answer to a question of this version, or accept that the FHIR response leaves it out."),
    # --- FHIR import ----------------------------------------------------
    ("fhir-import-not-a-response", E, "fhir", "The file is not a FHIR QuestionnaireResponse",
     "Give the QuestionnaireResponse JSON a FHIR forms renderer saved for the exported Questionnaire."),
    ("fhir-import-unknown-item", E, "fhir", "An item the tool's Questionnaire does not ask for",
     "Fill the Questionnaire exported from this tool version ('audit-tool export fhir TOOL'), or import with the tool it was exported from."),
    ("fhir-import-bad-answer", E, "fhir", "An answer that does not fit its question",
     "Fill the question in a renderer of the exported Questionnaire: one answer of the question's type, a code of its scale."),
    # --- audit round manifest ------------------------------------------
    ("manifest-duplicate-case", E, "manifest", "A case is listed twice in the manifest",
     "Give each case one entry, with every agency invited to it."),
    ("manifest-duplicate-agency", E, "manifest", "An agency is listed twice in one list of the manifest",
     "Remove the second entry."),
    ("manifest-unknown-agency", E, "manifest", "The manifest names an agency its 'agencies' list does not have",
     "Add the agency (id and name) to 'agencies', or correct the id (the message suggests the nearest)."),
    ("manifest-path-not-found", E, "manifest", "A file or folder the manifest names does not exist",
     "Correct the path; it is relative to the manifest's folder."),
    ("manifest-path-outside", E, "manifest", "A path the manifest names leads outside its folder and the shared folders",
     "Keep the tool and the returns in the manifest's folder or below it, or name their folder with --shared DIR."),
    ("manifest-tool-mismatch", E, "manifest", "The tool file is not the tool version the manifest names",
     "Point 'tool.file' at the file of that version, or correct 'tool.id' and 'tool.version'."),
    # --- returns in an audit round --------------------------------------
    ("return-wrong-round", E, "round", "A return names a different audit round",
     "Move the return to its own round's folder, or correct its 'round'."),
    ("return-unknown-case", E, "round", "A return is for a case the round does not list",
     "Correct the return's case reference, or add the case to the manifest."),
    ("return-not-invited", E, "round", "A return is from an agency not invited to that case",
     "Correct the return's agency or case, or add the agency to the case in the manifest."),
    ("invalid-reference-pattern", E, "manifest", "A case_reference_pattern the round cannot use",
     "Write a regular expression without groups, alternation or back-references, such as C[0-9]{1,3}."),
    ("case-reference-pattern-mismatch", E, "round", "A case reference that does not follow the round's case_reference_pattern",
     "Use the reference the partnership gave the case; it follows the manifest's case_reference_pattern."),
    ("return-duplicate", E, "round", "Two or more returns for the same case from the same agency",
     "Keep one return per case and agency; remove or merge the others."),
    ("return-missing", W, "round", "An invited agency sent no return for a case",
     "Ask the agency for its return, or record it under 'unable_to_take_part' with the reason."),
    ("agency-unable", W, "round", "An agency could not take part in the audit",
     "Nothing to fix in the file: the report shows it so readers know what the scores do not cover."),
    ("family-views-not-obtained", W, "round", "The family's views were not obtained for a case",
     "Nothing to fix in the file: the report shows it; plan how views will be sought next time."),
    # --- the register of shared events (statutory meetings) ---------------
    ("register-no-record", W, "register", "An agency's return has no record of an event that other agencies recorded",
     "Check the agency's own file: if it was invited, record its attendance and the outcome there (learning 5.11)."),
    ("register-no-report", W, "register", "An agency took part in an event but sent no report",
     "Nothing to fix in the file if it is right: the panel asks why no report was sent."),
    ("register-outcome-not-recorded", W, "register", "The event's outcome is not (fully) recorded in the agency's own file",
     "Record the decision, its date and the agency's actions in the agency's own file."),
    ("register-outside-period", W, "register", "An event dated outside the audit period",
     "Correct the date, or leave the event out: the audit looks at the period only."),
    ("register-possible-duplicate", W, "register", "Two records in one return look like the same event",
     "If they are one event, remove one entry; if two, check their dates."),
    ("register-event-ambiguous", W, "register", "Records chain together over more days than the tolerance: one event or several",
     "Check the dates in the returns named; the register shows them as one event."),
    ("register-entry-unmatched", W, "register", "An entry has no usable kind or date, so it cannot be placed in the register",
     "Give the entry a kind that is an option of its scale and a date written YYYY-MM-DD."),
    ("register-return-left-out", W, "register", "A return is left out of the register",
     "Fix the problem named (wrong tool version, case or agency not in the round, a duplicate) and run again."),
    # --- a new version compared with the one before (diff) -----------------
    ("removed-id-not-reserved", E, "diff", "A question id the new version drops is not reserved",
     "Add the id to the new version's retired_ids (the message gives the line), or declare a rename with renamed_from."),
    ("possible-rename", W, "diff", "A removed and an added question (or option) look alike",
     "If they are the same, add the renamed_from line the message gives; if not, reserve the old id in retired_ids."),
    # --- migrating responses to a new version --------------------------------
    ("migration-tool-mismatch", E, "migrate", "The response does not answer the version migrated from",
     "Give the tool version the response names with --from, or put its file next to the new version."),
)

CODES: dict[str, CodeInfo] = {row[0]: CodeInfo(*row) for row in _TABLE}
"""Every problem code, by code."""



def problem(code: str, message: str, pointer: str = "", **context: Any) -> Problem:
    """A problem with the catalogue's severity for ``code``.

    Raises ``KeyError`` for a code that is not in the catalogue, so that a
    misspelt code fails in tests rather than reaching users.
    """
    info = CODES[code]
    return Problem(code, info.severity, message, pointer, context=context)
