"""Hostile files end as one problem each: no crash, no hang, no memory blow-up.

The stored cases (billion laughs, 10,000-deep nesting, a Python object tag,
invalid UTF-8, huge and infinite numbers, directives, includes that climb out)
are in the broken-tool corpus; these are the ones better made at test time
(device links, pipes, long names, include bombs and graphs, links out of a
round) or generated (numbers, directives, include graphs). Timings and peak
memory are measured in scripts/bench_check.py, never asserted here.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_files import include_bomb, write_leaf, write_tool
from hypothesis import given
from hypothesis import strategies as st

from audit_tool import check_tool, read_response, read_round
from audit_tool._yaml import Limits, parse_document, read_bounded, read_document
from audit_tool.formatters import render_json

from conftest import ROOT, CliResult


def test_fifty_megabyte_file_is_refused_before_parsing(tmp_path: Path) -> None:
    """A 50 MB file gives file-too-large, without its contents being parsed."""
    path = tmp_path / "huge.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id: huge\nnotes: |\n")
        line = "  " + "x" * 98 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line)):
            handle.write(line)
    [found] = check_tool(path)
    where = (found.code, found.line, found.column, found.pointer)
    assert where == ("file-too-large", None, None, "")
    assert "limit is 2,097,152" in found.message


def test_size_limit_applies_to_text_given_directly() -> None:
    """parse_document refuses oversized text too, not only files."""
    document, problems = parse_document("a: " + "x" * 100, "t.yaml", Limits(max_bytes=50))
    assert document is None
    assert [p.code for p in problems] == ["file-too-large"]


def test_deep_block_nesting_stops_at_the_limit() -> None:
    """Deep block-style nesting stops at the depth limit with a located problem."""
    text = "".join("  " * i + "a:\n" for i in range(200))
    document, problems = parse_document(text, "deep.yaml")
    assert document is None
    # 64 levels are allowed; the mapping that starts on line 65 is the 65th.
    assert [(p.code, p.line) for p in problems] == [("too-deep", 65)]


def test_many_nodes_stop_at_the_node_limit() -> None:
    """A flat document with more nodes than the limit is refused at the node that passes it."""
    text = "[" + ", ".join("1" for _ in range(200)) + "]"
    document, problems = parse_document(text, "wide.yaml", Limits(max_nodes=100))
    assert document is None
    assert [(p.code, p.line, p.column, p.pointer) for p in problems] == [
        ("too-many-nodes", 1, 299, "/99")
    ]


def test_unreadable_path_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    """A folder given as a tool file gives file-unreadable, with no position."""
    [found] = check_tool(tmp_path)
    assert (found.code, found.line) == ("file-unreadable", None)


def test_unsafe_tag_refuses_the_whole_document() -> None:
    """A document that asks for Python objects is not handed on, even in part."""
    document, problems = parse_document("a: 1\nb: !!python/name:os.system\n", "t.yaml")
    assert document is None
    assert [(p.code, p.line, p.column, p.pointer) for p in problems] == [
        ("unsafe-tag", 2, 4, "/b")
    ]


# --- files that are not regular files, read at test time -------------------------------


def test_a_link_to_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    """A tool file that is a link to /dev/zero: file-unreadable (a device), never a hang."""
    link = tmp_path / "x.yaml"
    link.symlink_to("/dev/zero")
    [found] = check_tool(link)
    assert (found.code, found.line, found.pointer) == ("file-unreadable", None, "")
    assert found.message == "cannot read the file: it is a character device, not a regular file"


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    """A named pipe given as a response: file-unreadable at once, no writer needed."""
    pipe = tmp_path / "r.yaml"
    os.mkfifo(pipe)
    loaded = read_response(pipe)
    assert [(p.code, p.message) for p in loaded.problems] == [
        ("file-unreadable", "cannot read the file: it is a named pipe, not a regular file")
    ]


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="needs Linux /proc")
def test_a_file_larger_than_its_reported_size_is_cut_at_the_limit() -> None:
    """/proc files report size 0: the read still stops at the limit and gives file-too-large."""
    document, problems = read_document("/proc/self/maps", Limits(max_bytes=64))
    assert document is None
    assert [p.code for p in problems] == ["file-too-large"]
    assert problems[0].message == "the file is more than 64 bytes; the limit is 64"


def test_read_bounded_never_reads_more_than_the_limit_and_one(tmp_path: Path) -> None:
    """A regular file within the limit is read whole; the limit itself is allowed."""
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a" * 64)
    assert read_bounded(path, 64) == b"a" * 64
    assert read_document(path, Limits(max_bytes=63))[1][0].code == "file-too-large"


def test_a_file_name_over_255_bytes_is_a_problem_in_every_verb(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """A path part longer than 255 bytes on the command line: file-unreadable, never OSError."""
    long = str(tmp_path / ("n" * 300 + ".yaml"))
    tool = str(ROOT / "tools" / "neglect_v2.yaml")
    for argv in (["check", long], ["validate", "--tool", tool, long],
                 ["score", "--tool", tool, long], ["report", long], ["template", long]):
        result = cli(*argv)
        assert result.code == 2, argv
        assert "error[file-unreadable]: cannot read the file: File name too long" in (
            result.out + result.err
        )


# --- includes: roots, links, bombs --------------------------------------------------------

def _errors(path: Path, **options: Any) -> list[tuple[str, int | None, int | None, str]]:
    return [(p.code, p.line, p.column, p.pointer)
            for p in check_tool(path, **options) if p.is_error]


def test_a_link_to_dev_zero_as_an_include_is_outside_not_missing(tmp_path: Path) -> None:
    """An include that is a link to /dev/zero leads outside the tool's folder: include-outside,
    at the include, and the device is never opened."""
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    assert _errors(write_tool(tmp_path, "zero.yaml")) == [
        ("include-outside", 6, 14, "/sections/0/include")
    ]


def test_a_link_leading_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    """A building block that is a link to a file elsewhere is refused like a path there."""
    elsewhere = tmp_path / "elsewhere"
    folder = tmp_path / "tool"
    folder.mkdir()
    (folder / "leaf.yaml").symlink_to(write_leaf(elsewhere))
    assert _errors(write_tool(folder, "leaf.yaml")) == [
        ("include-outside", 6, 14, "/sections/0/include")
    ]
    assert _errors(write_tool(folder, "leaf.yaml"), shared=[elsewhere]) == []


def test_a_declared_shared_folder_may_be_included_from(tmp_path: Path) -> None:
    """With shared=[DIR], an include leading to DIR is read; without it, include-outside."""
    shared = tmp_path / "blocks"
    write_leaf(shared)
    folder = tmp_path / "drafts"
    folder.mkdir()
    tool = write_tool(folder, "../blocks/leaf.yaml")
    assert _errors(tool) == [("include-outside", 6, 14, "/sections/0/include")]
    assert _errors(tool, shared=[shared]) == []


def test_a_building_block_in_a_subfolder_is_inside(tmp_path: Path) -> None:
    """The tool's folder tree includes its subfolders (as tools/shared is for tools/)."""
    write_leaf(tmp_path / "shared")
    assert _errors(write_tool(tmp_path, "shared/leaf.yaml")) == []


@pytest.mark.parametrize("levels", [16, 24])
def test_an_include_bomb_is_one_problem(tmp_path: Path, levels: int) -> None:
    """Building blocks each including the next twice end as one too-many-nodes problem, at the
    include that takes the tool over the node limit (timings: scripts/bench_check.py)."""
    errors = _errors(include_bomb(tmp_path, levels))
    assert [e[0] for e in errors] == ["too-many-nodes"]
    [found] = [p for p in check_tool(tmp_path / "t.yaml") if p.is_error]
    assert found.message.startswith("with 'b")
    assert "more than 250,000 nodes (a building block counts each time it is included)" in (
        found.message
    )


def test_a_building_block_included_many_times_below_the_limit_loads(tmp_path: Path) -> None:
    """Eight levels of doubling (256 copies of one section) stay under the limit; the tool
    loads with every copy (their ids then clash, which the checks say)."""
    codes = {e[0] for e in _errors(include_bomb(tmp_path, 8))}
    assert codes == {"duplicate-id"}


@st.composite
def include_graphs(draw: Any) -> list[list[int]]:
    """Building blocks 0..n-1, each including later ones (any number of times each)."""
    count = draw(st.integers(2, 12))
    return [
        draw(st.lists(st.integers(i + 1, count - 1), max_size=4)) if i < count - 1 else []
        for i in range(count)
    ]


@given(graph=include_graphs())
def test_include_graphs_stop_exactly_at_the_node_limit(graph: list[list[int]]) -> None:
    """Whatever the include graph, checking ends (no exception) and gives too-many-nodes, once,
    exactly when the nodes brought by every include, counted each time, pass the limit."""
    limits = Limits(max_nodes=3_000)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        texts = {}
        for i, children in enumerate(graph):
            items = "".join(f"  - include: b{c}.yaml\n" for c in children)
            leaf = "  - id: s\n    title: S\n    questions: [{id: q, type: text, text: Q}]\n"
            body = items or leaf
            texts[i] = f"fragment: b{i}\ntitle: B\nsections:\n{body}"
            (folder / f"b{i}.yaml").write_text(texts[i], encoding="utf-8")
        tool = write_tool(folder, "b0.yaml")
        nodes = {}
        for i in reversed(range(len(graph))):
            document, _ = parse_document(texts[i], f"b{i}.yaml")
            assert document is not None
            nodes[i] = document.nodes + sum(nodes[c] for c in graph[i])
        top, _ = parse_document(tool.read_text(encoding="utf-8"), "t.yaml")
        assert top is not None
        over = top.nodes + nodes[0] > limits.max_nodes
        found = [p.code for p in check_tool(tool, limits=limits) if p.code == "too-many-nodes"]
        assert found == (["too-many-nodes"] if over else [])


# --- what the reader refuses, generated ---------------------------------------------------


@given(digits=st.integers(310, 20_000), sign=st.sampled_from(["", "-", "+"]))
def test_integers_beyond_a_float_are_one_located_problem(digits: int, sign: str) -> None:
    """An integer of more than 309 digits, anywhere, YAML or JSON, is invalid-number at its
    place, never Python's 4,300-digit ValueError."""
    number = sign + "9" * digits
    for text in (f"a:\n  b: [1, {number}]\n", f'{{"a": {{"b": [1, {number}]}}}}'):
        document, problems = parse_document(text, "n.yaml")
        assert document is None
        assert [(p.code, p.pointer) for p in problems] == [("invalid-number", "/a/b/1")]


@given(value=st.sampled_from([".inf", "-.inf", "+.inf", ".nan", ".NaN", "1e309", "-1.5e400",
                              "0x" + "f" * 300, "0o" + "7" * 400, "!!float .inf",
                              "!!int " + "1" * 400]))
def test_numbers_that_are_not_finite_are_refused(value: str) -> None:
    """Infinity, NaN and overflowing literals, tagged or not, are invalid-number."""
    document, problems = parse_document(f"weights: {{recording: {value}}}\n", "w.yaml")
    assert document is None
    assert [(p.code, p.line, p.pointer) for p in problems] == [
        ("invalid-number", 1, "/weights/recording")
    ]


@given(number=st.one_of(st.integers(-(10**300), 10**300),
                        st.floats(allow_nan=False, allow_infinity=False)))
def test_finite_numbers_read_back_as_written(number: float) -> None:
    """Every finite number (up to 1e300 here) reads back as the same number, with no problem."""
    document, problems = parse_document(f"n: {number!r}\n", "n.yaml")
    assert problems == []
    assert document is not None
    assert document.data == {"n": number}


@given(directive=st.one_of(
    st.sampled_from(["%YAML 1.3", "%YAML 2.0", "%YAML 1.0", "%YAML 1.12", "%FOO", "%TAGX a b",
                     "%yaml 1.2", "%"]),
    st.from_regex(r"\A%[A-Za-z]{1,8}( [ -~]{0,20})?\Z").filter(
        lambda d: not d.startswith(("%YAML ", "%TAG ")))
))
def test_directives_the_reader_does_not_take_are_one_located_problem(directive: str) -> None:
    """Any directive but %YAML 1.1/1.2 and %TAG is yaml-directive at its line, column 1."""
    document, problems = parse_document(f"# a tool\n{directive}\n---\na: 1\n", "d.yaml")
    assert document is None
    assert [(p.code, p.line, p.column) for p in problems] == [("yaml-directive", 2, 1)]


@given(prologue=st.lists(st.sampled_from(["%YAML 1.2", "%YAML 1.1", "%TAG !e! tag:e.org,2000:",
                                          "# comment", ""]), max_size=4))
def test_directives_the_reader_takes_still_read(prologue: list[str]) -> None:
    """%YAML 1.1/1.2 and %TAG directives read (one %YAML and one %TAG per handle at most, else
    the parser says yaml-syntax)."""
    text = "".join(line + "\n" for line in prologue) + "---\na: 1\n"
    document, problems = parse_document(text, "d.yaml")
    if any(prologue.count(line) > 1 for line in prologue if line.startswith("%TAG")) or sum(
        line.startswith("%YAML") for line in prologue
    ) > 1:
        assert [p.code for p in problems] == ["yaml-syntax"]
    else:
        assert problems == []
        assert document is not None
        assert document.data == {"a": 1}


def test_a_link_in_a_round_folder_leading_out_is_refused(tmp_path: Path) -> None:
    """A return found in the round's folder that is a link to a file elsewhere is not read:
    it is listed with manifest-path-outside and left out of the scores."""
    round_folder = tmp_path / "round"
    shutil.copytree(ROOT / "examples" / "2017-05-neglect", round_folder)
    manifest = round_folder / "audit.yaml"
    tools = os.path.relpath(ROOT / "tools", round_folder)
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("../../tools", tools), encoding="utf-8"
    )
    secret = tmp_path / "private.yaml"
    secret.write_text("a: 1\n", encoding="utf-8")
    (round_folder / "responses" / "zz-link.yaml").symlink_to(secret)
    (round_folder / "responses" / "zz-zero.yaml").symlink_to("/dev/zero")
    audit = read_round(manifest, shared=[ROOT / "tools"]).round
    assert audit is not None
    refused = {r.name: [(p.code, p.line) for p in r.report.errors] for r in audit.returns
               if r.name.startswith(os.path.join("responses", "zz-"))}
    assert refused == {
        os.path.join("responses", "zz-link.yaml"): [("manifest-path-outside", None)],
        os.path.join("responses", "zz-zero.yaml"): [("manifest-path-outside", None)],
    }


def test_json_output_never_writes_nan_or_infinity() -> None:
    """render_json, behind every JSON output (score, report, FHIR, problems), refuses a value
    that is not finite rather than write NaN or Infinity, which are not JSON."""
    assert render_json({"percent": 50.0}) == '{\n  "percent": 50.0\n}\n'
    for value in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueError, match="not JSON compliant"):
            render_json({"percent": value})


@pytest.mark.parametrize("name", ["number_weight_inf", "number_weight_too_large",
                                  "number_score_inf", "number_score_too_large"])
def test_a_tool_with_an_unbounded_weight_or_score_is_not_scored(
    cli: Callable[..., CliResult], name: str
) -> None:
    """score --format json with such a tool: exit 1, the tool's problem on stderr, no JSON."""
    tool = ROOT / "tests" / "data" / "tools" / "broken" / f"{name}.yaml"
    response = ROOT / "tests" / "data" / "responses" / "number_out_of_range.yaml"
    result = cli("score", "--tool", str(tool), str(response), "--format", "json")
    assert (result.code, result.out) == (1, "")
    assert "error[invalid-" in result.err


def test_a_draft_with_a_huge_integer_beside_the_tools_does_not_stop_migrate(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """migrate reads every tool beside NEW to find old versions; a draft there holding a
    4,301-digit integer is simply not a usable tool, and the returns still migrate."""
    tools = tmp_path / "tools"
    shutil.copytree(ROOT / "tools", tools)
    (tools / "draft.yaml").write_text("id: draft\nversion: " + "9" * 4301 + "\n", "utf-8")
    returns = ROOT / "examples" / "responses" / "neglect_v1"
    result = cli("migrate", "--to", str(tools / "neglect_v2.yaml"), str(returns),
                 "-o", str(tmp_path / "out"))
    assert result.code == 0, result.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        p.name for p in returns.glob("*.yaml")
    )
