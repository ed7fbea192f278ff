"""An audit programme: the rounds of one theme, read and checked as a series.

``audit-tool trend`` is given the rounds' manifests, oldest first, or one
manifest whose ``previous`` links lead back through the earlier rounds. The
rounds must be of one tool (and so one theme), each listed once, in order of
their panel dates; anything else is a problem located in the manifest of the
round that breaks the rule, and no trend is built from a series that breaks
one, so that no figure mixes rounds that cannot be compared.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from audit_tool import _args
from audit_tool._yaml import DEFAULT_LIMITS, Limits, read_document
from audit_tool.authoring.catalogue import ThemeCatalogue
from audit_tool.codes import problem
from audit_tool.problems import Problem
from audit_tool.rounds.manifest import previous_problem
from audit_tool.rounds.round import AuditRound, read_round

__all__ = ["LoadedProgramme", "check_series", "read_previous", "read_programme"]


@dataclass
class LoadedProgramme:
    """The rounds read (oldest first), and every problem that stops the trend."""

    rounds: list[AuditRound] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """The manifests read, in the order read."""

    @property
    def ok(self) -> bool:
        """True when no problem is an error (the trend can be built)."""
        return not any(p.is_error for p in self.problems)


def _locate(manifest_file: str, found: Problem) -> Problem:
    document, _problems = read_document(manifest_file, DEFAULT_LIMITS, manifest_file)
    if document is None:
        return found.located(manifest_file, None, None)
    return document.source.locate(found)


def check_series(rounds: Sequence[AuditRound]) -> list[Problem]:
    """Rounds of one tool and theme, each once, in order of panel date: a problem located
    in the manifest of each round that breaks a rule (the first round is the reference).
    Raises ``TypeError`` when ``rounds`` is not a list of :class:`AuditRound`."""
    rounds = _args.values_of(rounds, AuditRound, "rounds")
    found: list[Problem] = []
    if not rounds:
        return found
    first = rounds[0]
    seen: dict[str, str] = {}
    for n, audit in enumerate(rounds):
        manifest = audit.manifest
        here = os.path.realpath(audit.file)
        if manifest.round in seen or here in seen.values():
            found.append(_locate(audit.file, problem(
                "programme-duplicate-round",
                f"round '{manifest.round}' is listed more than once",
                "/round",
            )))
            continue
        seen[manifest.round] = here
        if audit.tool.id != first.tool.id or audit.tool.theme != first.tool.theme:
            found.append(_locate(audit.file, problem(
                "programme-different-tool",
                f"round '{manifest.round}' used {audit.tool.ref} (theme "
                f"'{audit.tool.theme}'), but round '{first.manifest.round}' used "
                f"{first.tool.ref} (theme '{first.tool.theme}'): only rounds of one tool "
                "compare",
                "/tool/id",
            )))
            continue
        if n and manifest.panel_date <= rounds[n - 1].manifest.panel_date:
            before = rounds[n - 1].manifest
            found.append(_locate(audit.file, problem(
                "programme-out-of-order",
                f"round '{manifest.round}' met on {manifest.panel_date.isoformat()}, not after "
                f"round '{before.round}', which comes before it "
                f"({before.panel_date.isoformat()})",
                "/panel_date",
            )))
    return found


def _read(
    path: str | Path, catalogues: tuple[ThemeCatalogue, ...], limits: Limits,
    shared: tuple[str | Path, ...], result: LoadedProgramme,
) -> AuditRound | None:
    """The round at ``path``; when it cannot be read, its problems go to ``result``."""
    loaded = read_round(path, catalogues=catalogues, limits=limits, shared=shared)
    result.files.append(loaded.file)
    if loaded.round is None:
        result.problems.extend(loaded.problems)
        result.problems.append(problem(
            "programme-round-unreadable",
            f"the round '{loaded.file}' cannot be read, so there is no trend",
        ).located(loaded.file, None, None))
    return loaded.round


def _chain(
    path: str | Path, catalogues: tuple[ThemeCatalogue, ...], limits: Limits,
    shared: tuple[str | Path, ...], result: LoadedProgramme,
) -> list[AuditRound]:
    """The round at ``path`` and the rounds its ``previous`` links lead to, oldest first."""
    found: list[AuditRound] = []
    visited: set[str] = set()
    current: str | None = str(path)
    while current is not None:
        real = os.path.realpath(current)
        if real in visited:
            assert found  # the first manifest read cannot have been visited
            result.problems.append(_locate(found[-1].file, problem(
                "programme-duplicate-round",
                f"the previous link leads back to round '{found[-1].manifest.round}' "
                "or one after it: the rounds loop",
                "/previous",
            )))
            break
        visited.add(real)
        audit = _read(current, catalogues, limits, shared, result)
        if audit is None:
            break
        found.append(audit)
        previous = audit.manifest.previous
        current = None
        if previous is not None:
            blocked = previous_problem(audit.file, previous, shared)
            if blocked is not None:
                result.problems.append(_locate(audit.file, blocked))
                break
            current = os.path.normpath(os.path.join(os.path.dirname(audit.file), previous))
    return list(reversed(found))


def read_programme(
    paths: Sequence[str | Path],
    *,
    catalogues: Iterable[ThemeCatalogue] = (),
    limits: Limits = DEFAULT_LIMITS,
    shared: Iterable[str | Path] = (),
) -> LoadedProgramme:
    """Read the rounds of a trend; never raises for bad input.

    With one manifest, its ``previous`` links are followed back; with several,
    they are the rounds, oldest first, and their ``previous`` links are not
    followed. Each round is read as :func:`~audit_tool.read_round` reads it,
    with the same ``shared`` folders (a ``previous`` link, like every path of a
    manifest, must stay in the manifest's folder or a shared one).
    """
    manifests = _args.paths(paths, "paths")
    catalogues = _args.values_of(catalogues, ThemeCatalogue, "catalogues")
    shared = _args.paths(shared, "shared")
    limits = _args.typed(limits, Limits, "limits")
    result = LoadedProgramme()
    if len(manifests) == 1:
        result.rounds = _chain(manifests[0], catalogues, limits, shared, result)
    else:
        for path in manifests:
            audit = _read(path, catalogues, limits, shared, result)
            if audit is not None:
                result.rounds.append(audit)
    result.problems.extend(check_series(result.rounds))
    return result


def read_previous(
    current: AuditRound,
    *,
    catalogues: Iterable[ThemeCatalogue] = (),
    limits: Limits = DEFAULT_LIMITS,
    shared: Iterable[str | Path] = (),
) -> tuple[AuditRound | None, list[Problem]]:
    """The round ``current``'s manifest names as ``previous``, read and checked as the
    round before it (same tool, earlier panel); ``None`` and the problems when there is
    none or it cannot serve. ``shared`` as for :func:`~audit_tool.read_round`."""
    current = _args.typed(current, AuditRound, "current")
    catalogues = _args.values_of(catalogues, ThemeCatalogue, "catalogues")
    shared = _args.paths(shared, "shared")
    link = current.manifest.previous
    if link is None:
        return None, []
    blocked = previous_problem(current.file, link, shared)
    if blocked is not None:
        return None, [_locate(current.file, blocked)]
    path = os.path.normpath(os.path.join(os.path.dirname(current.file), link))
    loaded = read_round(path, catalogues=catalogues, limits=limits, shared=shared)
    if loaded.round is None:
        return None, [*loaded.problems, _locate(current.file, problem(
            "programme-round-unreadable",
            f"the previous round '{link}' cannot be read, so the report does not show it",
            "/previous",
        ))]
    found = check_series([loaded.round, current])
    if any(p.is_error for p in found):
        return None, found
    return loaded.round, found
