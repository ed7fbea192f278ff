"""Load tool files: read, include building blocks, validate, check, locate.

The steps, each collecting problems rather than stopping at the first:

1. read the YAML with positions (:mod:`audit_tool._yaml`);
2. expand include items in ``scales`` and ``sections``, remembering for every
   included element the file and pointer it came from;
3. validate against the models, pruning bad parts so the rest still validates
   (:mod:`audit_tool._partial`);
4. run the semantic checks (:mod:`audit_tool.authoring.checks`);
5. map every problem back through pruning and includes to a file, a pointer
   into that file, and a 1-based line and column.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from audit_tool import _args, _fs, _pointer
from audit_tool._grammar import check_verb, load_verb
from audit_tool._partial import validate_partially
from audit_tool._source import Source, read_source
from audit_tool._validation import problems_from_validation_error, suggestion
from audit_tool._yaml import (
    DEFAULT_LIMITS,
    Document,
    Limits,
    SourceMap,
    expect_mapping,
)
from audit_tool._yaml import read_document as _read_document
from audit_tool.authoring.catalogue import ThemeCatalogue, standard_catalogue
from audit_tool.authoring.checks import CheckOptions, check_semantics
from audit_tool.authoring.tool import Grading, Tool
from audit_tool.authoring.tool_file import Fragment, ScaleInclude, SectionInclude
from audit_tool.codes import problem
from audit_tool.problems import Problem

__all__ = [
    "LoadedCatalogue",
    "LoadedTool",
    "check_catalogue",
    "check_fragment",
    "check_tool",
    "load_catalogue",
    "load_fragment",
    "load_tool",
    "locate_in",
    "read_catalogue",
    "read_fragment",
    "read_tool",
    "validate_document",
]

M = TypeVar("M", bound=BaseModel)

_TOOL_PLACEHOLDERS: Mapping[str, Any] = {
    "id": "placeholder",
    "version": "0.0.0",
    "title": "untitled",
    "theme": "untitled",
}
_FRAGMENT_PLACEHOLDERS: Mapping[str, Any] = {"fragment": "placeholder", "title": "untitled"}


@dataclass(frozen=True, slots=True)
class _Origin:
    source: SourceMap
    pointer: str


Origins = dict[str, _Origin]


def locate_in(found: Problem, origins: Mapping[str, _Origin]) -> Problem:
    """Place ``found`` (pointer into a resolved document) in the file it came from."""
    if found.file is not None:
        return found
    at_key = bool(found.context.get("at_key"))
    current = found.pointer
    while True:
        origin = origins.get(current)
        if origin is not None:
            moved = dataclasses.replace(
                found, pointer=origin.pointer + found.pointer[len(current) :]
            )
            return origin.source.locate(moved, key=at_key)
        if not current:
            return found
        current = _pointer.parent(current)


def validate_document(
    document: Document, model: type[M], placeholders: Mapping[str, Any] | None = None
) -> tuple[M | None, list[Problem]]:
    """Validate a parsed document as ``model``; every problem located in its file.

    Returns the model (``None`` if the document has schema errors) and the
    problems. This is the building block for every file format that has no
    includes (catalogues, responses, audit manifests).
    """
    not_mapping = expect_mapping(document)
    if not_mapping is not None:
        return None, [not_mapping]
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        found = problems_from_validation_error(exc, document.data, model)
    return None, [document.source.locate(p, key=bool(p.context.get("at_key"))) for p in found]


@dataclass
class LoadedTool:
    """Everything loading a tool file produced.

    ``tool`` is set when the file is a tool without errors; ``fragment`` when
    it is a building block without errors. ``problems`` holds every problem,
    warnings included, located in the file where it stands (which, for an
    included building block, is not the file that was loaded).
    """

    file: str
    tool: Tool | None = None
    fragment: Fragment | None = None
    problems: list[Problem] = field(default_factory=list)
    origins: Origins = field(default_factory=dict, repr=False)
    """Where each element of the resolved tool came from (for :meth:`locate`)."""
    catalogue: ThemeCatalogue | None = field(default=None, repr=False)
    """The theme catalogue the tool names, as the checks found it (``None`` if unavailable)."""

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return not any(p.is_error for p in self.problems)

    @property
    def files(self) -> tuple[str, ...]:
        """The files reading the tool read, as problems name them: the tool file, then each
        building block it includes (once each)."""
        found = [self.file, *(origin.source.file for origin in self.origins.values())]
        return tuple(dict.fromkeys(found))

    def blocking_problems(self) -> list[Problem]:
        """Why this file cannot be used as a tool: its problems, or that it is a building block.

        Empty when :attr:`tool` is set.
        """
        if self.tool is not None:
            return []
        if self.fragment is not None:
            return [
                problem(
                    "not-a-tool",
                    "this is a building block (it has 'fragment:'); load a tool that includes it",
                ).located(self.file, 1, 1)
            ]
        return sorted(self.problems, key=Problem.sort_key)

    def locate(self, found: Problem) -> Problem:
        """Place ``found``, whose pointer leads into :attr:`tool`, in the file it came from.

        For problems found after loading (by an exporter, say): a pointer into
        an included building block lands in that file, at its line.
        """
        placed = locate_in(found, self.origins)
        return placed if placed.file is not None else placed.located(self.file, None, None)


_Resolved = tuple[dict[str, Any], Origins, int]


class _Loader:
    """Loads one tool (or building block) and the files it includes.

    Includes stay within ``roots``: the loaded file's folder tree and the
    declared folders of shared building blocks. Each building block is read
    and expanded once however often it is included; the nodes it brings count
    each time against the node limit, so an include bomb stops at one problem.
    """

    def __init__(
        self, limits: Limits, catalogues: Sequence[ThemeCatalogue], shared: Sequence[Path] = ()
    ) -> None:
        self.limits = limits
        self.catalogues = catalogues
        self.shared = _fs.real_roots(shared)
        self.roots: tuple[Path, ...] = self.shared
        self._documents: dict[Path, tuple[Document | None, list[Problem]]] = {}
        self._expanded: dict[Path, _Resolved] = {}
        self._over_limit = False

    def _read(self, path: Path, display: str) -> tuple[Document | None, list[Problem]]:
        key = path.resolve()
        if key not in self._documents:
            self._documents[key] = _read_document(path, self.limits, display)
        return self._documents[key]

    # -- includes ----------------------------------------------------------
    def resolve(
        self,
        data: dict[str, Any],
        source: SourceMap,
        base: Path,
        chain: tuple[Path, ...],
        nodes: int = 0,
    ) -> tuple[dict[str, Any], Origins, list[Problem], int]:
        """``data`` with its include items expanded, where each element came from, and
        how many nodes it holds expanded (``nodes``, its own, plus what includes bring)."""
        resolved = dict(data)
        origins: Origins = {"": _Origin(source, "")}
        problems: list[Problem] = []
        size = [nodes]
        expanded: dict[str, list[tuple[Any, _Origin]]] = {"scales": [], "sections": []}
        brought_scales: list[tuple[Any, _Origin]] = []
        for key in ("scales", "sections"):
            items = data.get(key)
            if not isinstance(items, list):
                continue
            for i, item in enumerate(items):
                here = _pointer.join("", key, i)
                if isinstance(item, dict) and "include" in item:
                    elements, scales = self._include(
                        item, key, here, source, base, chain, problems, size
                    )
                    expanded[key].extend(elements)
                    brought_scales.extend(scales)
                else:
                    expanded[key].append((item, _Origin(source, here)))
        # A shared scale reached through two includes is the same scale: keep it once.
        seen = {(o.source.file, o.pointer) for _item, o in expanded["scales"]}
        for item, origin in brought_scales:
            identity = (origin.source.file, origin.pointer)
            if identity not in seen:
                expanded["scales"].append((item, origin))
                seen.add(identity)
        for key, elements in expanded.items():
            if key in data and not isinstance(data[key], list):
                continue  # leave a malformed list for the schema to report
            if key not in data and not elements:
                continue
            resolved[key] = [item for item, _origin in elements]
            for n, (_item, origin) in enumerate(elements):
                origins[_pointer.join("", key, n)] = origin
        return resolved, origins, problems, size[0]

    def _outside(self, include: str, where: str, source: SourceMap) -> Problem:
        folders = ", ".join(str(r) for r in self.roots)
        return source.locate(
            problem(
                "include-outside",
                f"'{include}' leads outside the tool's folder and the shared building "
                f"blocks ({folders}); it is not read",
                where,
            )
        )

    def _expand(
        self, target: Path, display: str, chain: tuple[Path, ...], problems: list[Problem]
    ) -> _Resolved | None:
        """The building block at ``target`` read and its own includes expanded, once: its
        data, origins and expanded node count (``-1`` when the file is not a building block);
        ``None`` when it cannot be read (the reasons added to ``problems``)."""
        key = target.resolve()
        if key in self._expanded:
            return self._expanded[key]
        document, read_problems = self._read(target, display)
        problems.extend(read_problems)
        if document is None:
            return None
        if not isinstance(document.data, dict) or "fragment" not in document.data:
            return ({}, {}, -1)
        data, origins, nested, size = self.resolve(
            document.data, document.source, target.parent, (*chain, key), document.nodes
        )
        problems.extend(nested)
        self._expanded[key] = (data, origins, size)
        return self._expanded[key]

    def _include(
        self,
        item: dict[str, Any],
        key: str,
        here: str,
        source: SourceMap,
        base: Path,
        chain: tuple[Path, ...],
        problems: list[Problem],
        size: list[int],
    ) -> tuple[list[tuple[Any, _Origin]], list[tuple[Any, _Origin]]]:
        if self._over_limit:
            return [], []  # one problem says so; nothing more is expanded
        model: type[SectionInclude] | type[ScaleInclude] = (
            SectionInclude if key == "sections" else ScaleInclude
        )
        try:
            include = model.model_validate(item)
        except ValidationError as exc:
            for p in problems_from_validation_error(exc, item, model):
                problems.append(source.locate(p.at(here), key=bool(p.context.get("at_key"))))
            return [], []
        where = _pointer.join(here, "include")
        target = base / include.include
        display = os.path.normpath(os.path.join(os.path.dirname(source.file), include.include))

        def refuse(code: str, message: str) -> tuple[list[Any], list[Any]]:
            problems.append(source.locate(problem(code, message, where)))
            return [], []

        if _fs.name_too_long(include.include):
            return refuse(
                "include-not-found",
                f"the included file cannot exist: a part of its path is longer than "
                f"{_fs.MAX_NAME_BYTES} bytes",
            )
        if not _fs.within(target, self.roots):
            problems.append(self._outside(include.include, where, source))
            return [], []
        if target.resolve() in chain:
            return refuse("include-cycle", f"'{include.include}' includes this file again")
        if not target.exists():
            return refuse(
                "include-not-found",
                f"the included file '{include.include}' does not exist (looked for {display})",
            )
        expanded = self._expand(target, display, chain, problems)
        if expanded is None:
            return [], []
        data, origins, brought = expanded
        if brought < 0:
            return refuse(
                "include-not-fragment",
                f"'{include.include}' is not a building block (it has no 'fragment:' key)",
            )
        if self._over_limit:
            return [], []
        size[0] += brought
        if size[0] > self.limits.max_nodes:
            self._over_limit = True
            return refuse(
                "too-many-nodes",
                f"with '{include.include}' included, the tool has more than "
                f"{self.limits.max_nodes:,} nodes (a building block counts each time it is "
                "included)",
            )

        def elements(kind: str, wanted: list[str] | None) -> list[tuple[Any, _Origin]]:
            available = data.get(kind)
            if not isinstance(available, list):
                return []
            indexed = [
                (entry, origins[_pointer.join("", kind, n)])
                for n, entry in enumerate(available)
                if _pointer.join("", kind, n) in origins
            ]
            if wanted is None:
                return indexed
            by_id = {e.get("id"): (e, o) for e, o in indexed if isinstance(e, dict)}
            chosen = []
            for j, wanted_id in enumerate(wanted):
                if wanted_id in by_id:
                    chosen.append(by_id[wanted_id])
                    continue
                ids = [str(i) for i in by_id if isinstance(i, str)]
                problems.append(
                    source.locate(
                        problem(
                            "unknown-section" if kind == "sections" else "unknown-scale",
                            f"'{include.include}' has no {kind[:-1]} '{wanted_id}'"
                            f"{suggestion(wanted_id, ids)}",
                            _pointer.join(here, kind, j),
                        )
                    )
                )
            return chosen

        if isinstance(include, SectionInclude):
            return elements("sections", include.sections), elements("scales", None)
        return elements("scales", include.scales), []

    # -- the whole file ------------------------------------------------------
    def load(self, document: Document, base: Path) -> LoadedTool:
        result = LoadedTool(document.source.file)
        not_mapping = expect_mapping(document)
        if not_mapping is not None:
            result.problems.append(not_mapping)
            return result
        data: dict[str, Any] = document.data
        is_fragment = "fragment" in data and "id" not in data
        self.roots = (*_fs.real_roots([base]), *self.shared)
        resolved, origins, problems, _size = self.resolve(
            data,
            document.source,
            base,
            ((base / Path(document.source.file).name).resolve(),),
            document.nodes,
        )
        result.problems.extend(problems)
        result.origins = origins
        if self._over_limit:
            return result  # what was expanded is cut short: nothing more to say about it

        model: type[Tool] | type[Fragment] = Fragment if is_fragment else Tool
        placeholders = _FRAGMENT_PLACEHOLDERS if is_fragment else _TOOL_PLACEHOLDERS
        pruned = validate_partially(model, resolved, placeholders)
        result.problems.extend(locate_in(p, origins) for p in pruned.problems)
        if pruned.model is None:
            return result

        candidate = pruned.model
        tool = (
            _fragment_as_tool(candidate) if isinstance(candidate, Fragment) else candidate
        )
        assert isinstance(tool, Tool)
        catalogue = self._catalogue(tool, is_fragment, result, origins)
        result.catalogue = catalogue
        options = CheckOptions(
            catalogue=catalogue,
            fragment=is_fragment,
            partial=pruned.partial,
            pruned_ids=frozenset(pruned.pruned_ids),
        )
        for found in check_semantics(tool, options):
            moved = dataclasses.replace(found, pointer=pruned.original_pointer(found.pointer))
            result.problems.append(locate_in(moved, origins))
        result.problems = list(dict.fromkeys(result.problems))
        if result.ok and not pruned.partial:
            if isinstance(candidate, Fragment):
                result.fragment = candidate
            else:
                result.tool = tool
        return result

    def _catalogue(
        self, tool: Tool, is_fragment: bool, result: LoadedTool, origins: Origins
    ) -> ThemeCatalogue | None:
        available = {c.ref: c for c in (*self.catalogues, standard_catalogue())}
        if is_fragment:
            return available.get(tool.catalogue) or standard_catalogue()
        found = available.get(tool.catalogue)
        if found is None:
            result.problems.append(
                locate_in(
                    problem(
                        "unknown-catalogue",
                        f"theme catalogue '{tool.catalogue}' is not available "
                        f"(known: {', '.join(sorted(available))})",
                        "/catalogue",
                    ),
                    origins,
                )
            )
        return found


def _fragment_as_tool(fragment: Fragment) -> Tool:
    """A building block in the shape of a tool, so that the same checks read it."""
    return Tool.model_construct(
        id=fragment.fragment,
        version="0.0.0",
        title=fragment.title,
        theme="building block",
        scales=fragment.scales,
        sections=fragment.sections,
        grading=Grading(),
        changelog=[],
        retired_ids=[],
    )


def read_tool(
    source: Source | None = None,
    *,
    text: str | None = None,
    name: str | None = None,
    base_dir: str | Path | None = None,
    catalogues: Iterable[ThemeCatalogue] = (),
    limits: Limits = DEFAULT_LIMITS,
    shared: Iterable[str | Path] = (),
) -> LoadedTool:
    """A tool or building-block file read, with every problem of it; never raises for
    bad input.

    ``source`` is a path, a mapping of the file's data or a :class:`Tool`; or give the
    file's content as ``text``. ``name`` is how problems name the file (default: the path
    as given, ``<string>`` for text, ``<data>`` for data). The result carries the model
    (when there are no errors) and every problem. Includes are read only from the file's
    folder (and below it; ``base_dir`` for text and data) and from the folders of shared
    building blocks in ``shared``; any other include is an ``include-outside`` problem,
    and the file it names is never opened. Raises ``TypeError`` for an argument of the
    wrong type (a mistake in the calling program, not bad input).
    """
    limits = _args.typed(limits, Limits, "limits")
    given = read_source(source, text, name=name, base_dir=base_dir, limits=limits,
                        models=(Tool, Fragment))
    loader = _Loader(limits, _args.values_of(catalogues, ThemeCatalogue, "catalogues"),
                     _args.paths(shared, "shared"))
    if given.document is None:
        return LoadedTool(given.name, problems=given.problems)
    result = loader.load(given.document, given.base)
    result.problems[:0] = given.problems
    if any(p.is_error for p in given.problems):
        result.tool = result.fragment = None
    return result


check_tool = check_verb(read_tool, "tool")
load_tool = load_verb(
    read_tool, "tool", lambda loaded: loaded.tool, "Tool", LoadedTool.blocking_problems,
    "A building block is not a tool: it is a ``not-a-tool`` error here.",
)


def read_fragment(
    source: Source | None = None,
    *,
    text: str | None = None,
    name: str | None = None,
    base_dir: str | Path | None = None,
    catalogues: Iterable[ThemeCatalogue] = (),
    limits: Limits = DEFAULT_LIMITS,
    shared: Iterable[str | Path] = (),
) -> LoadedTool:
    """A building-block file read (``fragment:``), with every problem of it; never raises
    for bad input. The arguments as for :func:`read_tool`; a tool given here is a
    ``not-a-building-block`` problem, and :attr:`LoadedTool.fragment` is then ``None``."""
    loaded = read_tool(source, text=text, name=name, base_dir=base_dir,
                       catalogues=catalogues, limits=limits, shared=shared)
    if loaded.tool is not None:
        loaded.tool = None
        loaded.problems.insert(0, problem(
            "not-a-building-block",
            "this is a tool (it has 'id:'); a building block has 'fragment:' instead",
        ).located(loaded.file, 1, 1))
    return loaded


check_fragment = check_verb(read_fragment, "fragment")
load_fragment = load_verb(
    read_fragment, "fragment", lambda loaded: loaded.fragment, "Fragment",
    note="A tool is not a building block: it is a ``not-a-building-block`` error here.",
)


@dataclass
class LoadedCatalogue:
    """A theme catalogue file as read: the model (when it has no errors) and every problem."""

    file: str
    catalogue: ThemeCatalogue | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return not any(p.is_error for p in self.problems)


def read_catalogue(
    source: Source | None = None,
    *,
    text: str | None = None,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> LoadedCatalogue:
    """A theme catalogue file read, with every problem of it; never raises for bad input.

    ``source`` is a path, a mapping of the file's data or a :class:`ThemeCatalogue`; or
    give the content as ``text`` (``name`` as for :func:`read_tool`). Raises
    ``TypeError`` for an argument of the wrong type (a mistake in the calling program,
    not bad input).
    """
    limits = _args.typed(limits, Limits, "limits")
    given = read_source(source, text, name=name, base_dir=None, limits=limits,
                        models=(ThemeCatalogue,))
    loaded = LoadedCatalogue(given.name, problems=given.problems)
    if given.document is None:
        return loaded
    catalogue, found = validate_document(given.document, ThemeCatalogue)
    loaded.problems += found
    if catalogue is not None:
        seen: set[str] = set()
        for i, theme in enumerate(catalogue.themes):
            if theme.id in seen:
                loaded.problems.append(
                    given.document.source.locate(
                        problem(
                            "duplicate-id",
                            f"theme id '{theme.id}' is used twice",
                            _pointer.join("/themes", i, "id"),
                        )
                    )
                )
            seen.add(theme.id)
    if loaded.ok:
        loaded.catalogue = catalogue
    return loaded


check_catalogue = check_verb(read_catalogue, "catalogue")
load_catalogue = load_verb(
    read_catalogue, "catalogue", lambda loaded: loaded.catalogue, "ThemeCatalogue"
)
