"""A small audit round built in a test's folder, for the tests of rounds and reports."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import ROOT

FOLLOW_UP = ROOT / "examples" / "2019-05-neglect"
TOOL = ROOT / "tools" / "neglect_v2.yaml"


def small_round(tmp_path: Path, returns: dict[str, str], tool_version: str = "2.0.0") -> Path:
    """A small round in ``tmp_path``: cases C1 (csc, police) and C2 (csc), the given returns
    (read it with ``shared=[TOOLS]``: its tool is the repository's)."""
    tool = os.path.relpath(TOOL, tmp_path)
    (tmp_path / "audit.yaml").write_text(
        f"round: r1\ntitle: T\ntool: {{id: neglect, version: {tool_version}, file: {tool}}}\n"
        "panel_date: 2017-05-10\n"
        "agencies: [{id: csc, name: CSC}, {id: police, name: Police}]\n"
        "cases:\n"
        "  - {ref: C1, agencies: [csc, police], family: {consent: true, views_obtained: true}}\n"
        "  - {ref: C2, agencies: [csc], family: {consent: true, views_obtained: true}}\n"
        "responses: [returns]\n",
        encoding="utf-8",
    )
    folder = tmp_path / "returns"
    folder.mkdir()
    template = (FOLLOW_UP / "responses" / "c1-csc.yaml").read_text(encoding="utf-8")
    for name, header in returns.items():
        body = template.split("answers:", 1)[1]
        (folder / name).write_text(header + "answers:" + body, encoding="utf-8")
    return tmp_path / "audit.yaml"


def return_header(case: str, agency: str, round_id: str = "r1", version: str = "2.0.0") -> str:
    """The metadata lines of a return to the round of :func:`small_round`."""
    return (f"tool: {{id: neglect, version: {version}}}\nround: {round_id}\n"
            f"case: {case}\nagency: {agency}\nauditor_role: Team manager\n"
            "completed: 2017-04-10\nperiod: {start: 2016-05-01, end: 2017-03-31}\n")
