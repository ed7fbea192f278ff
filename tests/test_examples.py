"""The example rounds: written by scripts/make_examples.py, on the tool each round used."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from audit_tool import read_round

from conftest import ROOT, TOOLS


def _script() -> ModuleType:
    """scripts/make_examples.py, imported as a module."""
    path = ROOT / "scripts" / "make_examples.py"
    spec = importlib.util.spec_from_file_location("make_examples", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_examples", module)
    spec.loader.exec_module(module)
    return module


def test_committed_returns_are_what_the_generator_writes() -> None:
    """Every committed example return is exactly what scripts/make_examples.py writes, and
    there is no other: the files cannot drift from the generator."""
    module = _script()
    for audit in module.ROUNDS:
        written = dict(module.returns(audit))
        folder = ROOT / "examples" / audit.id / "responses"
        assert sorted(folder.glob("*.yaml")) == sorted(written)
        for path, text in written.items():
            assert path.read_text(encoding="utf-8") == text, path.name


@pytest.mark.parametrize(
    ("round_id", "version", "returns", "valid"),
    [("2017-05-neglect", "1.0.0", 28, 27), ("2019-05-neglect", "2.0.0", 27, 27)],
)
def test_each_round_answers_the_tool_of_its_time(
    round_id: str, version: str, returns: int, valid: int
) -> None:
    """May 2017 answers neglect 1.0.0 (the tool then in use) and May 2019 neglect 2.0.0;
    every return names its round's tool version."""
    audit = read_round(ROOT / "examples" / round_id / "audit.yaml", shared=[TOOLS]).round
    assert audit is not None
    assert audit.manifest.tool.version == version
    assert (len(audit.returns), len(audit.valid_returns)) == (returns, valid)
    assert {r.loaded.response.tool.version for r in audit.valid_returns} == {version}


def test_the_follow_up_round_records_meetings_and_the_new_plan_questions() -> None:
    """The 2019 returns answer the questions that replaced 'effective_plan' and record
    statutory meetings, entry by entry; the 2017 returns answer 'effective_plan'."""
    examples = ROOT / "examples"
    later = read_round(examples / "2019-05-neglect" / "audit.yaml", shared=[TOOLS]).round
    earlier = read_round(examples / "2017-05-neglect" / "audit.yaml", shared=[TOOLS]).round
    assert later is not None
    assert earlier is not None
    answers = [r.loaded.response.answers for r in later.valid_returns]
    assert all("outcome_plan" in a and "effective_plan" not in a for a in answers)
    entries = [len(a["meetings"].entries) for a in answers]
    assert sum(entries) > 50
    assert max(entries) >= 4
    assert all("effective_plan" in r.loaded.response.answers for r in earlier.valid_returns)
