"""audit-tool: build, version, check, complete, score and compare multi-agency case audit tools.

Quickstart (the shipped tools are found by name, as ``audit-tool`` finds them)::

    from audit_tool import check_response, find_tool, load_tool, read_response, score
    tool = load_tool(find_tool("neglect", "2.0.0"))    # or load_tool("tools/neglect_v2.yaml")
    returned = read_response("examples/2019-05-neglect/responses/c1-police.yaml")
    problems = check_response(returned, tool)          # [] : every problem, never raises
    scores = score(tool, [returned])                    # theme scores, as `audit-tool score`
    scores.overall.themes["recording"].grade

One grammar for every file kind (a tool, a building block, a theme catalogue, a
response, a manifest):

- ``read_KIND(source)`` gives the file as read, with every problem, and never
  raises for bad input;
- ``load_KIND(source)`` gives the model, or raises one :class:`InvalidFileError`
  carrying every problem;
- ``check_KIND(source)`` gives the problems, sorted by file and line.

``source`` is a path, a mapping of the file's data, or a model of the kind; or
give the file's content as ``text=``. ``name=`` is how problems name the file. An
argument of the wrong type (a mistake in the calling program, not bad input) is a
``TypeError`` naming it; no other error escapes.

This module holds the entry points; everything else lives in the pipeline's
subpackages, each with its own ``__all__``: :mod:`audit_tool.authoring` (tools,
building blocks, catalogues, conditions), :mod:`audit_tool.responses` (returns),
:mod:`audit_tool.rounds` (manifests, rounds, scores, with ``register``, ``report``
and ``trend``), :mod:`audit_tool.versions` (diff and migration) and
:mod:`audit_tool.export` (forms, JSON Schemas, FHIR). Problems and their codes
are :mod:`audit_tool.problems` and :mod:`audit_tool.codes`. Modules whose names
start with an underscore are private. Names are imported when first used, so
``import audit_tool`` is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit_tool._lazy import exports

if TYPE_CHECKING:
    from audit_tool.authoring.catalogue import (
        ThemeCatalogue as ThemeCatalogue,
    )
    from audit_tool.authoring.catalogue import (
        standard_catalogue as standard_catalogue,
    )
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
    from audit_tool.authoring.shipped import find_tool as find_tool
    from audit_tool.authoring.tool import Tool as Tool
    from audit_tool.authoring.tool_file import Fragment as Fragment
    from audit_tool.exceptions import (
        AuditToolError as AuditToolError,
    )
    from audit_tool.exceptions import (
        InvalidFileError as InvalidFileError,
    )
    from audit_tool.exceptions import (
        MigrationError as MigrationError,
    )
    from audit_tool.export.fhir import (
        export_fhir as export_fhir,
    )
    from audit_tool.export.fhir import (
        import_fhir_response as import_fhir_response,
    )
    from audit_tool.export.form import fillable_form as fillable_form
    from audit_tool.limits import Limits as Limits
    from audit_tool.problems import Problem as Problem
    from audit_tool.problems import Severity as Severity
    from audit_tool.responses.response import (
        LoadedResponse as LoadedResponse,
    )
    from audit_tool.responses.response import (
        Response as Response,
    )
    from audit_tool.responses.response import (
        load_response as load_response,
    )
    from audit_tool.responses.response import (
        read_response as read_response,
    )
    from audit_tool.responses.template import blank_response as blank_response
    from audit_tool.responses.validation import (
        check_response as check_response,
    )
    from audit_tool.responses.validation import (
        validate_response as validate_response,
    )
    from audit_tool.rounds.manifest import (
        AuditManifest as AuditManifest,
    )
    from audit_tool.rounds.manifest import (
        LoadedManifest as LoadedManifest,
    )
    from audit_tool.rounds.manifest import (
        check_manifest as check_manifest,
    )
    from audit_tool.rounds.manifest import (
        load_manifest as load_manifest,
    )
    from audit_tool.rounds.manifest import (
        read_manifest as read_manifest,
    )
    from audit_tool.rounds.report import build_report as build_report
    from audit_tool.rounds.round import read_round as read_round
    from audit_tool.rounds.scoring import score as score
    from audit_tool.versions.compare import diff as diff
    from audit_tool.versions.migration import migrate as migrate

__version__ = "0.1.0"

__getattr__, __dir__, _names = exports(__name__, {
    "audit_tool.problems": [
        "Problem", "Severity",
    ],
    "audit_tool.exceptions": [
        "AuditToolError", "InvalidFileError", "MigrationError",
    ],
    "audit_tool.limits": [
        "Limits",
    ],
    "audit_tool.authoring.tool": [
        "Tool",
    ],
    "audit_tool.authoring.tool_file": [
        "Fragment",
    ],
    "audit_tool.authoring.catalogue": [
        "ThemeCatalogue", "standard_catalogue",
    ],
    "audit_tool.authoring.loading": [
        "LoadedCatalogue", "LoadedTool", "check_catalogue", "check_fragment", "check_tool",
        "load_catalogue", "load_fragment", "load_tool", "read_catalogue", "read_fragment",
        "read_tool",
    ],
    "audit_tool.authoring.shipped": [
        "find_tool",
    ],
    "audit_tool.responses.response": [
        "LoadedResponse", "Response", "load_response", "read_response",
    ],
    "audit_tool.responses.validation": [
        "check_response", "validate_response",
    ],
    "audit_tool.responses.template": [
        "blank_response",
    ],
    "audit_tool.rounds.manifest": [
        "AuditManifest", "LoadedManifest", "check_manifest", "load_manifest", "read_manifest",
    ],
    "audit_tool.rounds.round": [
        "read_round",
    ],
    "audit_tool.rounds.scoring": [
        "score",
    ],
    "audit_tool.rounds.report": [
        "build_report",
    ],
    "audit_tool.versions.compare": [
        "diff",
    ],
    "audit_tool.versions.migration": [
        "migrate",
    ],
    "audit_tool.export.fhir": [
        "export_fhir", "import_fhir_response",
    ],
    "audit_tool.export.form": [
        "fillable_form",
    ],
})
__all__ = [*_names, "__version__"]
