"""Usage errors: the usage line and the error go to stderr, stdout stays clean."""

from __future__ import annotations

from collections.abc import Callable

from conftest import CliResult


def test_a_usage_error_writes_usage_to_stderr_only(cli: Callable[..., CliResult]) -> None:
    """A verb missing its arguments exits 2 with usage and error on stderr, nothing on stdout."""
    result = cli("check")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("usage: audit-tool check")
    assert result.err.endswith("error: the following arguments are required: TOOL\n")
