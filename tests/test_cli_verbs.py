"""The command line imports only the verb it runs, and still lists every verb with its help."""

from __future__ import annotations

import argparse
import importlib
import io
import json
import subprocess
import sys

import pytest

from audit_tool.cli._common import Streams, build_parser
from audit_tool.cli._verbs import VERBS, Verb, chosen_verb

from conftest import TOOLS


def _streams() -> Streams:
    return Streams(io.StringIO(), io.StringIO())


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    actions = getattr(parser, "_subparsers")._group_actions  # noqa: B009 - argparse's own
    return dict(actions[0].choices)


def test_the_listing_is_the_same_whichever_verb_is_registered_whole() -> None:
    """`audit-tool --help` lists the same verbs, in the same order with the same help, as the
    parser built for any one verb (whose module registers it whole)."""
    listing = build_parser(_streams()).format_help()
    for verb in VERBS:
        assert build_parser(_streams(), [verb.name]).format_help() == listing
    for verb in VERBS:
        assert f"    {verb.name}" in listing


@pytest.mark.parametrize("verb", VERBS, ids=lambda v: v.name)
def test_each_verbs_module_registers_that_verb_with_its_help(verb: Verb) -> None:
    """The module a verb's row names registers that verb, with the row's help line as its
    HELP, and sets the handler that runs it."""
    module = importlib.import_module(verb.module)
    assert verb.help == module.HELP
    registered = _subparsers(build_parser(_streams(), [verb.name]))[verb.name]
    assert registered.get_default("handler") is module.run


def test_the_verb_is_the_first_word_that_is_no_option() -> None:
    """The verb is found after the top-level options and after '--'; a word that is no verb
    chooses none."""
    assert chosen_verb(["check", "x.yaml"]) == VERBS[0]
    assert chosen_verb(["--help", "check"]) == VERBS[0]
    assert chosen_verb(["--", "check", "x.yaml"]) == VERBS[0]
    assert chosen_verb(["checks"]) is None
    assert chosen_verb(["--version"]) is None
    assert chosen_verb(["--"]) is None


def _imported_after(argvs: list[list[str]], names: str) -> list[str]:
    """Which of ``names`` (an expression over ``sys.modules``'s names, evaluated in a fresh
    interpreter after running the command lines ``argvs``) were imported."""
    code = (
        "import io, json, sys\n"
        "from audit_tool.cli import main\n"
        "from audit_tool.cli._verbs import VERBS\n"
        f"for argv in {argvs!r}:\n"
        "    main(argv, io.StringIO(), io.StringIO())\n"
        f"print(json.dumps(sorted({names})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    found: list[str] = json.loads(out)
    return found


def _verb_modules_after(argv: list[str]) -> list[str]:
    return _imported_after([argv], "v.name for v in VERBS if v.module in sys.modules")


def test_help_and_version_import_no_verb_and_a_run_imports_its_own() -> None:
    """`--version` and `--help` import no verb's module; `check FILE` and `diff --help`
    import only their own."""
    assert _verb_modules_after(["--version"]) == []
    assert _verb_modules_after(["--help"]) == []
    assert _verb_modules_after(["check", str(TOOLS / "neglect_v2.yaml")]) == ["check"]
    assert _verb_modules_after(["diff", "--help"]) == ["diff"]


def test_version_and_help_import_neither_pydantic_nor_the_reader() -> None:
    """`--version` and `--help` import neither pydantic (so build no model) nor the YAML
    reader: start-up is the interpreter's and the parser's."""
    heavy = "m for m in ('pydantic', 'ruamel.yaml', 'audit_tool._yaml') if m in sys.modules"
    assert _imported_after([["--version"], ["--help"]], heavy) == []
