"""Reading the examples of a docs page: the commands its blocks run and the output shown."""

from __future__ import annotations

import re
import shlex

__all__ = ["blocks", "commands", "matches"]


def blocks(text: str, language: str) -> list[str]:
    """The bodies of the page's fenced blocks in ``language``."""
    return re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL)


def commands(text: str, language: str = "console") -> list[tuple[list[str], str]]:
    """Each ``$ command`` line of the page's ``language`` blocks, split as a shell would,
    with the output shown after it."""
    found: list[tuple[list[str], str]] = []
    for block in blocks(text, language):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            found.append((shlex.split(command), output))
    return found


def matches(shown: str, actual: str) -> bool:
    """The page's output with '...' lines standing for any number of lines."""
    pattern = "".join(
        r"(?:.*\n)*?" if line == "..." else re.escape(line) + r"\n"
        for line in shown.splitlines()
    )
    return re.fullmatch(pattern, actual) is not None
