"""LoadedTool.locate: a problem found after loading lands in the file and line it came from."""

from __future__ import annotations

from audit_tool import read_tool
from audit_tool.codes import problem

from conftest import DATA

TOOL = DATA / "fhir" / "mini_tool.yaml"


def test_pointer_into_an_included_section_lands_in_the_building_block() -> None:
    """A pointer into a section brought in by an include is placed in the building block's file."""
    loaded = read_tool(TOOL)
    found = loaded.locate(problem("invalid-value", "m", "/sections/0/questions/1/when"))
    assert (found.file, found.line, found.column, found.pointer) == (
        str(DATA / "fhir" / "shared" / "context.yaml"),
        21,
        15,
        "/sections/0/questions/1/when",
    )


def test_pointer_into_the_tool_itself_lands_in_the_tool_file() -> None:
    """A pointer into the tool's own section is placed in the tool file at the key's value."""
    loaded = read_tool(TOOL)
    found = loaded.locate(problem("invalid-value", "m", "/sections/1/questions/0/guidance"))
    assert (found.file, found.line, found.column, found.pointer) == (
        str(TOOL),
        42,
        19,
        "/sections/1/questions/0/guidance",
    )
