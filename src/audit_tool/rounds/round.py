"""An audit round read whole: the manifest, its tool, every return checked, and coverage.

:func:`read_round` reads the manifest (:mod:`audit_tool.rounds.manifest`), loads
the tool it names, reads every return it points to and checks each one
against the tool and the round. A return with an error is *invalid*: it is
kept, with its problems, and left out of the scores, never silently dropped.

The round also carries findings a board must see beside the scores, as
warnings located in the manifest: invited agencies that sent no return,
agencies that could not take part, and cases where the family's views were
not obtained. Warnings from checking the returns (evidence dated before the
audit period: historical information presented as current) stay with their
returns.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit_tool import _args, _fs, _pointer
from audit_tool._fs import RESPONSE_SUFFIXES, expand_paths
from audit_tool._source import Source
from audit_tool._yaml import DEFAULT_LIMITS, Document, Limits, SourceMap
from audit_tool.authoring.catalogue import ThemeCatalogue
from audit_tool.authoring.loading import read_tool
from audit_tool.authoring.tool import GroupQuestion, Tool
from audit_tool.codes import problem
from audit_tool.problems import Problem
from audit_tool.responses.response import LoadedResponse, read_response
from audit_tool.responses.validation import CheckedResponse, check_responses
from audit_tool.rounds._kept import Kept, has_response, keep
from audit_tool.rounds.learning import check_links
from audit_tool.rounds.manifest import (
    AuditManifest,
    LoadedManifest,
    case_reference_problem,
    read_manifest,
)
from audit_tool.rounds.scoring import Scores, score, scorer_for

if TYPE_CHECKING:
    from audit_tool.rounds.register.records import RecordReader

__all__ = [
    "AuditRound",
    "Coverage",
    "LoadedRound",
    "RoundReturn",
    "read_round",
]

_SALVAGEABLE = frozenset(
    {"manifest-duplicate-agency", "manifest-duplicate-case", "manifest-unknown-agency"}
)

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while returns are read."""


class Coverage(StrEnum):
    """What the round holds for one case and one agency."""

    RETURNED = "returned"
    """A valid return, scored."""
    INVALID = "invalid"
    """A return with errors: listed with its problems, left out of the scores."""
    NOT_RETURNED = "not_returned"
    """Invited, but no return."""
    UNABLE = "unable"
    """The agency could not take part in the round."""
    NOT_INVITED = "not_invited"
    """The agency was not invited to audit the case."""


@dataclass(frozen=True)
class RoundReturn(CheckedResponse):
    """One return file of a round, as read and checked: its ``problems`` are its shape, its
    answers against the tool and its place in the round; a ``valid`` return is scored. Its
    ``file`` is named relative to where the command ran."""

    name: str
    """The file relative to the manifest's folder, as the report shows it."""
    case: str | None
    """The case reference the file gives, when it is one of the round's cases: any other
    value (a name, a reference that is not a pseudonym) is never shown, and the report
    names the return by its file."""
    agency: str | None
    """The agency the file gives, when it is one of the round's agencies."""
    _kept: Kept | None = field(default=None, repr=False, compare=False)
    """What the round read of the return's model when it was checked (``_kept``)."""

    @cached_property
    def valid(self) -> bool:
        """True when the response loaded and has no errors: it can be scored."""
        return has_response(self.loaded) and self.report.ok


@dataclass(frozen=True)
class AuditRound:
    """A round read whole: its manifest, its tool, its returns and its findings."""

    file: str
    """The manifest file."""
    manifest: AuditManifest
    """The manifest."""
    tool: Tool
    """The tool version the round used."""
    returns: tuple[RoundReturn, ...]
    """Every return file, valid or not, in the order found."""
    findings: tuple[Problem, ...]
    """Warnings about the round, located in the manifest (missing returns, agencies
    unable to take part, family views not obtained)."""
    catalogue: ThemeCatalogue
    """The theme catalogue the tool scores into: the one it names, the standard one by
    default."""
    tool_files: tuple[str, ...] = ()
    """The files the tool was read from: its file and the building blocks it includes."""

    @cached_property
    def valid_returns(self) -> tuple[RoundReturn, ...]:
        """The returns that are scored, in the manifest's case and agency order."""
        cases = {c.ref: n for n, c in enumerate(self.manifest.cases)}
        agencies = {a.id: n for n, a in enumerate(self.manifest.agencies)}
        valid = [r for r in self.returns if r.valid]
        return tuple(
            sorted(
                valid,
                key=lambda r: (
                    cases.get(r.case or "", len(cases)),
                    agencies.get(r.agency or "", len(agencies)),
                ),
            )
        )

    @cached_property
    def invalid_returns(self) -> tuple[RoundReturn, ...]:
        """The returns with errors, left out of the scores."""
        return tuple(r for r in self.returns if not r.valid)

    @cached_property
    def _coverage(self) -> dict[tuple[str, str], Coverage]:
        """The coverage grid, worked out once: every invited case and agency, and every
        case and agency a return gives (a valid return wins over an invalid one)."""
        unable = self.manifest.unable
        grid = {
            (case.ref, agency): Coverage.UNABLE if agency in unable else Coverage.NOT_RETURNED
            for case in self.manifest.cases
            for agency in case.agencies
        }
        for r in self.returns:
            if r.case is None or r.agency is None:
                continue
            place = (r.case, r.agency)
            if r.valid:
                grid[place] = Coverage.RETURNED
            elif grid.get(place) is not Coverage.RETURNED:
                grid[place] = Coverage.INVALID
        return grid

    def coverage(self, case: str, agency: str) -> Coverage:
        """What the round holds for ``case`` from ``agency``."""
        return self._coverage.get((case, agency), Coverage.NOT_INVITED)

    def scores(self) -> Scores:
        """The theme scores of the valid returns."""
        summed = [r._kept.summed if r._kept is not None else None for r in self.valid_returns]
        if all(s is not None for s in summed):  # summed as each return was read
            return scorer_for(self.tool, self.catalogue).pooled(s for s in summed if s)
        return score(self.tool, [r.loaded for r in self.valid_returns], catalogue=self.catalogue)


@dataclass
class LoadedRound:
    """Everything reading a round produced: the round (unless the manifest or tool
    has errors) and the problems that stopped it."""

    file: str
    round: AuditRound | None = None
    problems: list[Problem] = field(default_factory=list)


def _known(data: Any, key: str, known: Container[str]) -> str | None:
    """The text ``data`` gives under ``key`` when it is one of the round's own identifiers
    (``known``); any other value (a name where a pseudonym belongs) is never shown."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) and value in known else None


def _round_problems(manifest: AuditManifest, loaded: LoadedResponse) -> Iterator[Problem]:
    response = loaded.response
    if response is None:
        return
    if response.round is not None and response.round != manifest.round:
        yield problem(
            "return-wrong-round",
            f"the return names another round, not this one ('{manifest.round}')",
            "/round",
        )
    case = manifest.case(response.case)
    mismatch = case_reference_problem(
        manifest, response.case, "/case", "the return's case reference"
    )
    if mismatch is not None:
        yield mismatch
    elif case is None:
        yield problem(
            "return-unknown-case",
            f"the return's case is not one of the round's {len(manifest.cases)} cases",
            "/case",
        )
    elif response.agency not in case.agencies:
        yield problem(
            "return-not-invited",
            "the return's agency was not invited to audit its case (invited: "
            f"{', '.join(case.agencies)})",
            "/agency",
        )


DUPLICATES_NAMED = 3
"""How many of the other returns for the same case and agency a duplicate names (so that
N copies give N problems of bounded length, not N x N names)."""


def _duplicates(returns: list[RoundReturn]) -> list[RoundReturn]:
    groups: dict[tuple[str, str], list[int]] = {}
    for n, r in enumerate(returns):
        if has_response(r.loaded) and r.case and r.agency:
            groups.setdefault((r.case, r.agency), []).append(n)
    out = list(returns)
    for indexes in groups.values():
        if len(indexes) < 2:
            continue
        for n in indexes:
            r = out[n]
            others = [returns[m].name for m in indexes if m != n]
            named = ", ".join(others[:DUPLICATES_NAMED])
            if len(others) > DUPLICATES_NAMED:
                named += f" and {len(others) - DUPLICATES_NAMED:,} more"
            found = problem(
                "return-duplicate",
                f"another return has the same case and agency ({named})",
                "/agency",
                others=len(others),
            )
            out[n] = dataclasses.replace(r, problems=(*r.problems, _locate(r.loaded, found)))
    return out


def _locate(loaded: LoadedResponse, found: Problem) -> Problem:
    if loaded.document is None:
        return found.located(loaded.file, None, None)
    return loaded.document.source.locate(found)


def _findings(
    loaded: LoadedManifest, manifest: AuditManifest, returns: list[RoundReturn]
) -> list[Problem]:
    """Missing returns, agencies unable to take part, family views not obtained."""
    returned = {(r.case, r.agency) for r in returns}
    unable = manifest.unable
    found: list[Problem] = []
    for c, case in enumerate(manifest.cases):
        for a, agency in enumerate(case.agencies):
            if (case.ref, agency) in returned or agency in unable:
                continue
            found.append(
                problem(
                    "return-missing",
                    f"no return from agency '{agency}' for this case",
                    _pointer.join("/cases", c, "agencies", a),
                    case=case.ref,
                    agency=agency,
                )
            )
        if not case.family.views_obtained:
            found.append(
                problem(
                    "family-views-not-obtained",
                    "the family's views were not obtained for this case",
                    _pointer.join("/cases", c, "family", "views_obtained"),
                    case=case.ref,
                )
            )
    for u, entry in enumerate(manifest.unable_to_take_part):
        found.append(
            problem(
                "agency-unable",
                f"agency '{entry.agency}' could not take part in the audit",
                _pointer.join("/unable_to_take_part", u),
                agency=entry.agency,
            )
        )
    assert loaded.document is not None
    return [loaded.document.source.locate(p) for p in found]


def _display(manifest_file: str, relative: str) -> str:
    return os.path.normpath(os.path.join(os.path.dirname(manifest_file), relative))


def _read_return(loaded: LoadedManifest, path: str, display: str, limits: Limits) -> LoadedResponse:
    """The return at ``path``, found in a folder the manifest names; a link found there that
    leads outside the manifest's roots is refused without being opened."""
    if _fs.within(path, loaded.roots):
        return read_response(path, limits=limits, name=display)
    return LoadedResponse(
        display,
        problems=[
            problem(
                "manifest-path-outside",
                "the file leads outside the manifest's folder and the shared folders "
                "(a link?); it is not read",
            ).located(display, None, None)
        ],
    )


def _read_returns(
    manifest_path: str | Path,
    loaded: LoadedManifest,
    manifest: AuditManifest,
    tool: Tool,
    catalogue: ThemeCatalogue,
    limits: Limits,
    progress: Progress | None,
) -> list[RoundReturn]:
    entries = expand_paths((loaded.path(e) for e in manifest.responses), RESPONSE_SUFFIXES)
    itself = Path(manifest_path).resolve()
    entries = [e for e in entries if Path(e).resolve() != itself]  # returns kept beside it
    names = [os.path.relpath(path, loaded.base) for path in entries]
    files = (
        _read_return(loaded, path, _display(loaded.file, name), limits)
        for path, name in zip(entries, names, strict=True)
    )
    returns: list[RoundReturn] = []
    registers = tuple(
        ref.question.id for ref in tool.iter_questions()
        if isinstance(ref.question, GroupQuestion) and ref.question.event_register is not None
    )
    case_refs = {c.ref for c in manifest.cases}
    agency_ids = {a.id for a in manifest.agencies}
    scorer = scorer_for(tool, catalogue)
    readers = _register_readers(tool)
    checked_files = check_responses(tool, files)
    for n, (name, checked) in enumerate(zip(names, checked_files, strict=True), 1):
        response = checked.loaded
        in_round = (_locate(response, p) for p in _round_problems(manifest, response))
        raw = response.document.data if response.document is not None else None
        problems = (*checked.problems, *in_round)
        model = response.response
        summed = (scorer.summed(response.file, model, raw)
                  if model is not None and model.tool.ref == tool.ref else None)
        slim = _checked(response, registers)
        read_as = response._read_as  # the model validated from this data, both unchanged?
        whole = (read_as[1].data if read_as is not None and read_as[0] is model
                 and read_as[1] is response.document and type(read_as[1].data) is dict
                 else None)
        # A file with no document (unreadable) has nothing to let go of.
        packed, kept = (slim, None) if slim is response else keep(slim, summed, readers, whole)
        returns.append(
            RoundReturn(
                packed,
                problems,
                name,
                _known(raw, "case", case_refs),
                _known(raw, "agency", agency_ids),
                kept,
            )
        )
        if progress is not None:
            progress(n, len(entries))
    return _duplicates(returns)


def _register_readers(tool: Tool) -> dict[str, RecordReader]:
    """A record reader for each group of ``tool`` that declares a register (none when a
    declaration has errors: the register says so when it is built)."""
    from audit_tool.authoring._register_checks import check_registers
    from audit_tool.rounds.register.records import RecordReader

    if any(p.is_error for p in check_registers(tool)):
        return {}
    readers: dict[str, RecordReader] = {}
    for ref in tool.iter_questions():
        group = ref.question
        if isinstance(group, GroupQuestion) and group.event_register is not None:
            readers.setdefault(group.id, RecordReader(tool, group, group.event_register))
    return readers


# What a round still points at in a return once it is checked: the top-level fields (the
# duplicate check places its problem at the agency, the register at the tool), and the
# entries of the groups the register reads.


def _checked(loaded: LoadedResponse, registers: tuple[str, ...] = ()) -> LoadedResponse:
    """``loaded`` as a round keeps it once checked: the model, the problems, and of the
    document only what the round reads later: the places of the top-level fields, and the
    answers of the groups ``registers`` names, with their positions. A round of a thousand
    returns would otherwise hold every parsed document and every position at once."""
    document = loaded.document
    if document is None:
        return loaded
    source = document.source
    groups = frozenset(_pointer.join("/answers", g) for g in registers)
    inside = tuple(g + "/" for g in groups)
    slim = SourceMap(
        source.file,
        {p: at for p, at in source.values.items()
         if p.count("/") <= 1 or p in groups or p.startswith(inside)},
        {p: at for p, at in source.keys.items() if p.count("/") <= 1},
    )
    data = None
    answers = document.data.get("answers") if isinstance(document.data, dict) else None
    if registers and isinstance(answers, dict):
        data = {"answers": {g: answers[g] for g in registers if g in answers}}
    return dataclasses.replace(loaded, document=Document(data, slim))


def read_round(
    source: Source | None = None,
    *,
    text: str | None = None,
    name: str | None = None,
    base_dir: str | Path | None = None,
    catalogues: Iterable[ThemeCatalogue] = (),
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    shared: Iterable[str | Path] = (),
    salvage: bool = False,
) -> LoadedRound:
    """Read an audit round from its manifest; never raises for bad input.

    ``source`` (or ``text``, ``name`` and ``base_dir``) is the manifest, given as
    :func:`~audit_tool.read_manifest` takes it.
    When the manifest or its tool has errors, the result has no round and
    carries those problems. Otherwise every return is read and checked; the
    invalid ones stay in the round with their problems. The manifest's paths stay
    within its folder and the ``shared`` folders (:func:`~audit_tool.read_manifest`);
    the tool's includes within the tool's folder and the ``shared`` folders. With
    ``salvage``, a manifest whose only errors are agencies or cases listed twice, or
    an agency invited but not listed, is still read (the problems stay in the
    result): the first entry of an id counts.
    Raises ``TypeError`` for an argument of the wrong type (a mistake in the calling
    program, not bad input).
    """
    shared = _args.paths(shared, "shared")
    catalogues = _args.values_of(catalogues, ThemeCatalogue, "catalogues")
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be callable or None, not {type(progress).__name__}")
    loaded = read_manifest(source, text=text, name=name, base_dir=base_dir, limits=limits,
                           shared=shared)
    result = LoadedRound(loaded.file, problems=list(loaded.problems))
    manifest = loaded.manifest
    if manifest is None and salvage and loaded.model is not None and all(
        p.code in _SALVAGEABLE for p in loaded.problems if p.is_error
    ):
        manifest = loaded.model
    if manifest is None:
        return result
    catalogues = tuple(catalogues)
    tool_file = _display(loaded.file, manifest.tool.file)
    tool_result = read_tool(loaded.path(manifest.tool.file), catalogues=catalogues, limits=limits,
                            name=tool_file, shared=shared)
    result.problems.extend(p for p in tool_result.problems if p.is_error)
    tool = tool_result.tool
    if tool is None:
        return result
    if tool.ref != manifest.tool.ref:
        assert loaded.document is not None
        result.problems.append(
            loaded.document.source.locate(
                problem(
                    "manifest-tool-mismatch",
                    f"the tool file '{manifest.tool.file}' is {tool.ref}, "
                    f"not {manifest.tool.ref}",
                    "/tool",
                )
            )
        )
        return result
    catalogue = tool_result.catalogue
    assert catalogue is not None  # a tool loads only when its catalogue was found
    assert loaded.document is not None
    links = [
        loaded.document.source.locate(p)
        for p in check_links(manifest.findings, manifest.learning, tool, catalogue)
    ]
    if links:
        result.problems.extend(links)
        return result
    # the manifest itself is never one of its returns (a folder of returns may hold it)
    itself = Path(source) if isinstance(source, str | os.PathLike) else loaded.base / "<no file>"
    returns = _read_returns(itself, loaded, manifest, tool, catalogue, limits, progress)
    result.round = AuditRound(
        loaded.file,
        manifest,
        tool,
        tuple(returns),
        tuple(_findings(loaded, manifest, returns)),
        catalogue,
        tool_result.files,
    )
    return result
