"""Usage errors: the usage line and the error go to stderr, stdout stays clean."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest

from audit_tool.cli import _check

from conftest import CliResult


def test_a_usage_error_writes_usage_to_stderr_only(cli: Callable[..., CliResult]) -> None:
    """A verb missing its arguments exits 2 with usage and error on stderr, nothing on stdout."""
    result = cli("check")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("usage: audit-tool check")
    assert result.err.endswith("error: the following arguments are required: TOOL\n")


def test_a_crash_exits_70_with_a_short_report_request(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An exception no check foresaw exits 70 (never 1, a finding), prints the kind of error
    and where, asks for a report, and never prints the exception's text."""

    def crash(*_args: object, **_kwargs: object) -> NoReturn:
        raise ValueError("SECRET text from a file")

    monkeypatch.setattr(_check, "read_tool_file", crash)
    tool = tmp_path / "t.yaml"
    tool.write_text("id: t\n", encoding="utf-8")
    result = cli("check", str(tool))
    assert (result.code, result.out) == (70, "")
    assert result.err.startswith("audit-tool: internal error (ValueError at test_cli_usage.py:")
    assert "please report it" in result.err
    assert "SECRET" not in result.err


def test_help_names_every_exit_code(cli: Callable[..., CliResult]) -> None:
    """audit-tool --help lists exit codes 0, 1, 2 and 70."""
    result = cli("--help")
    assert "0 all good; 1 the inputs have errors" in result.out
    assert "70 audit-tool itself failed" in result.out


@pytest.mark.parametrize(
    "verb",
    [["check"], ["validate"], ["score"], ["report"], ["template"], ["render"], ["schema"],
     ["export", "fhir"], ["diff"], ["migrate"], ["form"]],
    ids=lambda verb: " ".join(verb),
)
def test_every_verb_that_reads_a_tool_takes_shared(
    cli: Callable[..., CliResult], verb: list[str]
) -> None:
    """Each verb that reads a tool (or a round) offers --shared DIR, where includes may lead."""
    result = cli(*verb, "--help")
    assert result.code == 0
    assert "--shared DIR" in result.out
