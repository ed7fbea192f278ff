"""The audit round manifest: which tool, which cases, which agencies, where the returns are.

One YAML file (``audit.yaml``) records an audit round as the panel ran it:
the tool id and version and where its file is, the panel date, the cases
(pseudonymised references) with the agencies invited to each, whether each
family consented and whether the family's views were obtained, the agencies
that could not take part (and why, never names), cases discussed at a
separate meeting and what it found, and where the returns are. The report
shows all of it, because a board needs to know what the scores do not cover.

Paths are relative to the manifest's folder. This module holds the model, the
loader (every problem located by line and column) and the checks of the file
on its own; reading the returns against it is :mod:`audit_tool.rounds.round`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from audit_tool import _args, _fs, _pointer
from audit_tool._grammar import check_verb, load_verb
from audit_tool._source import Source, read_source
from audit_tool._types import CaseRef, Identifier, RelativePath, RoundId, SemVer
from audit_tool._validation import suggestion
from audit_tool._yaml import DEFAULT_LIMITS, Document, Limits
from audit_tool.authoring.loading import validate_document
from audit_tool.codes import problem
from audit_tool.problems import Problem
from audit_tool.responses.pseudonyms import identifying, reference_pattern
from audit_tool.responses.response import Period
from audit_tool.rounds.learning import Finding, LearningItem, check_learning

__all__ = [
    "AgencyEntry",
    "AuditManifest",
    "CaseEntry",
    "Family",
    "LoadedManifest",
    "ManifestTool",
    "SeparateMeeting",
    "UnableToTakePart",
    "case_reference_problem",
    "check_manifest",
    "load_manifest",
    "manifest_problems",
    "read_manifest",
]

_CONFIG = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ManifestTool(BaseModel):
    """The tool version the round used, and where its file is."""

    model_config = _CONFIG

    id: Identifier
    """The tool's id (``neglect``)."""
    version: SemVer
    """The tool's version (``2.0.0``); every return must answer this version."""
    file: RelativePath
    """The tool file, relative to the manifest (``../../tools/neglect_v2.yaml``)."""

    @property
    def ref(self) -> str:
        """``ID@VERSION``."""
        return f"{self.id}@{self.version}"


class AgencyEntry(BaseModel):
    """An agency that took part in the round, or was asked to."""

    model_config = _CONFIG

    id: Identifier
    """The agency's id, as returns give it in ``agency``."""
    name: str = Field(min_length=1)
    """The agency's name as the report shows it (``Children's social care``)."""


class Family(BaseModel):
    """The family's part in the audit of one case."""

    model_config = _CONFIG

    consent: bool
    """Whether the family consented to the audit."""
    views_obtained: bool
    """Whether the family's (and child's) views of the services were obtained for the audit."""
    reason: str = ""
    """Why the views were not obtained, in words for the board (never names)."""


class SeparateMeeting(BaseModel):
    """A case taken out of the panel and discussed at a meeting of its own."""

    model_config = _CONFIG

    date: datetime.date | None = None
    """When the meeting was held (YYYY-MM-DD)."""
    reason: str = ""
    """Why the case was discussed separately, in words for the board (never names)."""
    outcome: str = Field(min_length=1)
    """What the meeting established, in words for the board (never names)."""


class CaseEntry(BaseModel):
    """One case audited in the round."""

    model_config = _CONFIG

    ref: CaseRef
    """The pseudonymised case reference returns use (``C1``); never a name."""
    agencies: list[Identifier] = Field(min_length=1)
    """The agencies invited to audit this case."""
    family: Family
    """Consent, and whether the family's views were obtained."""
    separate_meeting: SeparateMeeting | None = None
    """Set when the case was discussed at a separate meeting rather than the panel."""


class UnableToTakePart(BaseModel):
    """An agency that could not take part in the round."""

    model_config = _CONFIG

    agency: Identifier
    """The agency's id."""
    reason: str = Field(min_length=1)
    """Why, in words for the board (never names)."""


class AuditManifest(BaseModel):
    """An audit round: the tool, the panel, the cases and agencies, where the returns are."""

    model_config = ConfigDict(**_CONFIG, title="Audit round manifest")

    round: RoundId
    """The round's id (``2017-05-neglect``); returns that name a round must name this one."""
    title: str = Field(min_length=1)
    """The report's title."""
    tool: ManifestTool
    """The tool version every return answers."""
    panel_date: datetime.date
    """When the audit panel met (YYYY-MM-DD)."""
    period: Period | None = None
    """The period of work audited."""
    agencies: list[AgencyEntry] = Field(min_length=1)
    """Every agency invited to any case, with the name the report shows."""
    cases: list[CaseEntry] = Field(min_length=1)
    case_reference_pattern: str | None = None
    """The partnership's own scheme for case references, as a regular expression every
    reference must match whole (``C[0-9]{1,3}``); no groups, alternation or back-references.
    When set, the manifest's cases and every return's case must follow it (an error)."""
    """The cases audited, in the order the report lists them."""
    unable_to_take_part: list[UnableToTakePart] = Field(default_factory=list)
    """Agencies that could not take part in the round, and why."""
    responses: list[RelativePath] = Field(min_length=1)
    """Where the returns are: files, or folders searched for ``*.yaml``, ``*.yml``, ``*.json``."""
    previous: RelativePath | None = None
    """The manifest of the previous round of the same theme, relative to this one; the
    report shows the movement since, and the status of that round's actions."""
    findings: list[Finding] = Field(default_factory=list)
    """The themes the panel identified, in its words."""
    learning: list[LearningItem] = Field(default_factory=list)
    """The numbered key learning, each with its actions."""

    def agency_name(self, agency: str) -> str:
        """The display name of ``agency`` (its id when the manifest does not list it)."""
        return next((a.name for a in self.agencies if a.id == agency), agency)

    def case(self, ref: str) -> CaseEntry | None:
        """The case with reference ``ref``, or ``None``."""
        return next((c for c in self.cases if c.ref == ref), None)

    @property
    def unable(self) -> dict[str, str]:
        """Agencies that could not take part, with the reason."""
        return {u.agency: u.reason for u in self.unable_to_take_part}


def _duplicates(ids: list[str]) -> Iterator[tuple[int, str]]:
    seen: set[str] = set()
    for index, value in enumerate(ids):
        if value in seen:
            yield index, value
        seen.add(value)


def manifest_problems(manifest: AuditManifest) -> Iterator[Problem]:
    """The manifest's own consistency, as problems with pointers into it (unlocated).

    Duplicate agencies and cases, cases or entries naming an agency the
    manifest does not list, a period that ends before it starts, and the
    findings and learning (:func:`audit_tool.rounds.learning.check_learning`). Raises
    ``TypeError`` (when iterated) if ``manifest`` is not an :class:`AuditManifest`.
    """
    manifest = _args.typed(manifest, AuditManifest, "manifest")
    agency_ids = [a.id for a in manifest.agencies]
    for index, agency in _duplicates(agency_ids):
        yield problem(
            "manifest-duplicate-agency",
            f"agency '{agency}' is listed twice",
            _pointer.join("/agencies", index, "id"),
        )
    for index, ref in _duplicates([c.ref for c in manifest.cases]):
        yield problem(
            "manifest-duplicate-case",
            f"case '{ref}' is listed twice",
            _pointer.join("/cases", index, "ref"),
        )
    known = set(agency_ids)

    def unknown(agency: str, pointer: str) -> Problem:
        return problem(
            "manifest-unknown-agency",
            f"agency '{agency}' is not in the manifest's 'agencies' list"
            f"{suggestion(agency, agency_ids)}",
            pointer,
        )

    for c, case in enumerate(manifest.cases):
        for a, agency in enumerate(case.agencies):
            if agency not in known:
                yield unknown(agency, _pointer.join("/cases", c, "agencies", a))
        for index, agency in _duplicates(case.agencies):
            yield problem(
                "manifest-duplicate-agency",
                f"agency '{agency}' is invited to case '{case.ref}' twice",
                _pointer.join("/cases", c, "agencies", index),
            )
    for u, entry in enumerate(manifest.unable_to_take_part):
        if entry.agency not in known:
            yield unknown(entry.agency, _pointer.join("/unable_to_take_part", u, "agency"))
    for index, agency in _duplicates([u.agency for u in manifest.unable_to_take_part]):
        yield problem(
            "manifest-duplicate-agency",
            f"agency '{agency}' is listed twice as unable to take part",
            _pointer.join("/unable_to_take_part", index, "agency"),
        )
    yield from _case_references(manifest)
    if manifest.period is not None and manifest.period.start > manifest.period.end:
        yield problem(
            "invalid-range",
            "the audit period ends before it starts",
            "/period/end",
        )
    yield from check_learning(
        manifest.findings, manifest.learning, agency_ids, manifest.tool.id, manifest.tool.version
    )


def case_reference_problem(
    manifest: AuditManifest, ref: str, pointer: str, what: str = "the case reference"
) -> Problem | None:
    """An error when ``ref`` does not follow the manifest's ``case_reference_pattern`` (if it
    declares a usable one); the reference is never quoted."""
    if manifest.case_reference_pattern is None:
        return None
    try:
        pattern = reference_pattern(manifest.case_reference_pattern)
    except ValueError:
        return None  # the manifest's own problem
    if pattern.fullmatch(ref):
        return None
    return problem(
        "case-reference-pattern-mismatch",
        f"{what} does not follow the round's case_reference_pattern "
        f"({manifest.case_reference_pattern})",
        pointer,
    )


def _case_references(manifest: AuditManifest) -> Iterator[Problem]:
    """The pattern is usable; each case reference follows it and looks pseudonymous."""
    if manifest.case_reference_pattern is not None:
        try:
            reference_pattern(manifest.case_reference_pattern)
        except ValueError as exc:
            yield problem("invalid-reference-pattern", str(exc), "/case_reference_pattern")
    for c, case in enumerate(manifest.cases):
        pointer = _pointer.join("/cases", c, "ref")
        mismatch = case_reference_problem(manifest, case.ref, pointer)
        if mismatch is not None:
            yield mismatch
        kind = identifying(case.ref)
        if kind is not None:
            yield problem(
                "looks-identifying",
                f"the case reference looks like {kind.value}; use the partnership's "
                "pseudonym for the case, never a personal detail",
                pointer,
                kind=kind.name.lower(),
            )


@dataclass
class LoadedManifest:
    """A manifest file as read: the model (when it has no errors), its problems, its folder."""

    file: str
    base: Path
    manifest: AuditManifest | None = None
    document: Document | None = None
    problems: list[Problem] = field(default_factory=list)
    roots: tuple[Path, ...] = ()
    """The folders (links resolved) the manifest's paths may lead to: its own and the shared."""
    model: AuditManifest | None = None
    """The manifest when its shape is right, even if its own checks found errors (an
    agency listed twice): what a reader that can work around those may use."""

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return not any(p.is_error for p in self.problems)

    def path(self, relative: str) -> Path:
        """A path the manifest gives, relative to the manifest's folder."""
        return self.base / relative


def _path_problem(loaded: LoadedManifest, relative: str, what: str, pointer: str) -> Problem | None:
    """Why the path ``relative`` cannot be used, or ``None``; nothing is opened to find out."""
    if _fs.name_too_long(relative):
        return problem(
            "manifest-path-not-found",
            f"{what} cannot exist: a part of its path is longer than {_fs.MAX_NAME_BYTES} bytes",
            pointer,
        )
    if not _fs.within(loaded.path(relative), loaded.roots):
        folders = ", ".join(str(r) for r in loaded.roots)
        return problem(
            "manifest-path-outside",
            f"{what} leads outside the manifest's folder and the shared folders "
            f"({folders}); it is not read",
            pointer,
        )
    if not loaded.path(relative).exists():
        return problem(
            "manifest-path-not-found",
            f"{what} does not exist (paths are relative to the manifest)",
            pointer,
        )
    return None


def _missing_paths(loaded: LoadedManifest, manifest: AuditManifest) -> Iterator[Problem]:
    found = _path_problem(
        loaded, manifest.tool.file, f"the tool file '{manifest.tool.file}'", "/tool/file"
    )
    if found is not None:
        yield found
    for index, entry in enumerate(manifest.responses):
        found = _path_problem(loaded, entry, f"'{entry}'", _pointer.join("/responses", index))
        if found is not None:
            yield found


def read_manifest(
    source: Source | None = None,
    *,
    text: str | None = None,
    name: str | None = None,
    base_dir: str | Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
    shared: Iterable[str | Path] = (),
) -> LoadedManifest:
    """An audit round manifest read and checked; never raises for bad input.

    ``source`` is a path, a mapping of the file's data or an :class:`AuditManifest`; or
    give the content as ``text`` (``name`` is how problems name the file). Problems come
    located by line and column: the shape of the file, its own consistency
    (:func:`manifest_problems`), and paths that do not exist. The tool file and the
    returns the manifest names must lie in the manifest's folder (``base_dir`` for text
    and data) or below it, or in one of the ``shared`` folders; a path, or a link, that
    leads elsewhere is a ``manifest-path-outside`` problem and is never opened.
    Raises ``TypeError`` for an argument of the wrong type (a mistake in the calling
    program, not bad input).
    """
    limits = _args.typed(limits, Limits, "limits")
    shared = _args.paths(shared, "shared")
    given = read_source(source, text, name=name, base_dir=base_dir, limits=limits,
                        models=(AuditManifest,))
    loaded = LoadedManifest(given.name, given.base,
                            roots=_fs.real_roots([given.base, *shared]))
    document = given.document
    loaded.document = document
    loaded.problems.extend(given.problems)
    if document is None:
        return loaded
    manifest, found = validate_document(document, AuditManifest)
    loaded.problems.extend(found)
    if manifest is None:
        return loaded
    loaded.model = manifest
    for found_problem in (*manifest_problems(manifest), *_missing_paths(loaded, manifest)):
        loaded.problems.append(document.source.locate(found_problem))
    if loaded.ok:
        loaded.manifest = manifest
    return loaded


check_manifest = check_verb(read_manifest, "manifest")
load_manifest = load_verb(
    read_manifest, "manifest", lambda loaded: loaded.manifest, "AuditManifest"
)


def previous_problem(
    manifest_file: str | Path, previous: str, shared: Iterable[str | Path] = ()
) -> Problem | None:
    """Why the ``previous`` link of the manifest at ``manifest_file`` cannot be followed
    (outside the manifest's folder and the ``shared`` folders, or no such file), unlocated
    (its pointer is ``/previous``); ``None`` when it can.

    A round reads without its previous link; only what follows the link (the trend, the
    report's previous round) asks, so that a round stays readable on its own.
    """
    base = Path(manifest_file).parent
    loaded = LoadedManifest(str(manifest_file), base, roots=_fs.real_roots([base, *shared]))
    found = _path_problem(loaded, previous, f"the previous round's manifest '{previous}'",
                          "/previous")
    if found is None and not loaded.path(previous).is_file():
        found = problem("manifest-path-not-found",
                        f"the previous round's manifest '{previous}' is not a file", "/previous")
    return found
