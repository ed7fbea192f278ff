"""What a round keeps of a checked return gives what the return itself gives: its model
(packed, unpacked when asked for), its scores and its register entries."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from audit_tool import read_response, read_round, score
from audit_tool._fs import write_atomic
from audit_tool.responses.response import LoadedResponse
from audit_tool.rounds._kept import PackedResponse, has_response
from audit_tool.rounds.round import AuditRound

from conftest import ROOT, TOOLS

EXAMPLES = ("2017-05-neglect", "2019-05-neglect")


def _read(example: str) -> AuditRound:
    audit = read_round(ROOT / "examples" / example / "audit.yaml", shared=[TOOLS]).round
    assert audit is not None
    return audit


def _unkept(audit: AuditRound) -> AuditRound:
    """The round with each return's model unpacked and nothing kept beside it."""
    returns = []
    for r in audit.returns:
        loaded = r.loaded
        if isinstance(loaded, PackedResponse):
            loaded = LoadedResponse(loaded.file, loaded.response, loaded.document,
                                    loaded.problems)
        returns.append(dataclasses.replace(r, loaded=loaded, _kept=None))
    return dataclasses.replace(audit, returns=tuple(returns))


@pytest.mark.parametrize("example", EXAMPLES)
def test_a_kept_return_unpacks_to_the_model_read_from_its_file(example: str) -> None:
    """Each return of a round, packed, unpacks to the model its file gives (an equal model,
    its fields as set), and says whether it has one without unpacking it."""
    audit = _read(example)
    folder = ROOT / "examples" / example
    for r in audit.returns:
        assert isinstance(r.loaded, PackedResponse)
        read = read_response(folder / r.name)
        direct = read.response
        assert r.loaded.response == direct
        assert has_response(r.loaded) == (direct is not None)
        assert r.loaded.ok == read.ok
        if direct is not None:
            assert r.loaded.response.model_fields_set == direct.model_fields_set  # type: ignore[union-attr]
            assert r.loaded.response is not r.loaded.response  # unpacked on each access


@pytest.mark.parametrize("example", EXAMPLES)
def test_scores_summed_as_returns_were_read_are_those_of_the_models(example: str) -> None:
    """The round's scores, summed as each return was read, are score() of the returns' models
    (the register read then is held to the whole round's in test_round.py)."""
    audit = _read(example)
    unkept = _unkept(audit)
    assert all(r._kept is not None for r in audit.valid_returns)
    assert audit.scores() == score(audit.tool, [r.loaded for r in audit.valid_returns],
                                   catalogue=audit.catalogue)
    assert audit.scores() == unkept.scores()
    assert [r.valid for r in audit.returns] == [r.valid for r in unkept.returns]


def test_text_written_in_parts_is_the_text_written_whole(tmp_path: Path) -> None:
    """A text written in parts, each encoded a piece at a time, is the file the whole text
    gives, whatever the characters and wherever the parts and pieces end."""
    parts = ["a" * 300_000, "é“—”" * 70_000, "", "\U0001f600" * 5, "end\n"]
    write_atomic(tmp_path / "parts.txt", parts)
    write_atomic(tmp_path / "whole.txt", "".join(parts))
    assert (tmp_path / "parts.txt").read_bytes() == (tmp_path / "whole.txt").read_bytes()
    assert (tmp_path / "whole.txt").read_bytes() == "".join(parts).encode("utf-8")
