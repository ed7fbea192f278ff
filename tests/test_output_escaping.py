"""Outputs keep tool and file text inert: Markdown and HTML escaped (no script, image or link
comes alive), CSV cells never read as formulas, control characters never reach a terminal."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from audit_tool._escape import csv_cell, csv_text, terminal_text

from conftest import DATA, ROOT, CliResult, copy_shipped_tools

Cli = Callable[..., CliResult]
HOSTILE = DATA / "outputs"
V1, V2 = HOSTILE / "hostile_v1.yaml", HOSTILE / "hostile_v2.yaml"
# The HTML the changelog writes itself: the fold around its table of every change.
OWN_HTML = ("<details><summary>Every change, with its rule</summary>", "</details>")


def _live_markup(markdown: str) -> list[str]:
    """What a Markdown renderer would read as HTML, a link or an image: a '<' that opens a
    tag, a ']' followed by '(' (inline link or image), or a '<scheme:' autolink, unless
    escaped with a backslash."""
    text = markdown
    for own in OWN_HTML:
        text = text.replace(own, "")
    found = re.findall(r"(?<!\\)<[A-Za-z/!?][^>]*", text)
    found += re.findall(r"(?<!\\)\]\([^)]*\)", text)
    return found


def test_the_changelog_escapes_every_tool_text(cli: Cli) -> None:
    """'diff --format md' of two hostile versions: the script elements, the onerror image,
    the javascript: links and the tracking image in titles, sections, questions, labels,
    guidance and the authors' changelog all come out escaped, none live."""
    result = cli("diff", str(V1), str(V2), "--format", "md")
    assert result.code == 0, result.err
    md = result.out
    assert _live_markup(md) == []
    for payload in ("\\<script\\>alert('title 2')\\</script\\>",
                    "\\<img src=x onerror=alert('added')\\>",
                    "\\[x\\](javascript:alert('added'))",
                    "\\<script\\>alert('changelog')\\</script\\>",
                    "!\\[pixel\\](https://tracker.example/p2.gif)",
                    "\\<a href=\"javascript:alert('section 2')\"\\>click\\</a\\>"):
        assert payload in md, payload
    assert md.startswith("# Home \\<script\\>alert('title 2')\\</script\\> audit: what changed")


def test_the_markdown_form_escapes_every_tool_text(cli: Cli) -> None:
    """'render --format md' of the hostile tool: no text of the tool is live markup."""
    result = cli("render", str(V2), "--format", "md")
    assert result.code == 0, result.err
    assert _live_markup(result.out) == []
    assert "- [ ] Yes \\<img src=x onerror=alert('label 2')\\> (1 point)" in result.out


@pytest.mark.parametrize("argv", [["render", str(V2), "--format", "html"]])
def test_html_outputs_escape_every_tool_text(cli: Cli, argv: list[str]) -> None:
    """The HTML form of the hostile tool has no element from the tool's text."""
    result = cli(*argv)
    assert result.code == 0, result.err
    for raw in ("<script>alert", "<img src=x", "<a href=\"javascript:", "href=\"javascript:"):
        assert raw not in result.out


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("C1", "C1"), ("", ""), (12.5, 12.5), (0, 0)],
)
def test_a_csv_cell_that_could_be_a_formula_is_text(value: object, cell: object) -> None:
    """Text beginning with = + - @ TAB or CR gets a leading quote; anything else, and
    numbers, pass unchanged."""
    assert csv_cell(value) == cell


def test_csv_text_writes_every_cell_through_the_guard() -> None:
    """csv_text quotes the formula-like cells of every row and round-trips the rest."""
    text = csv_text([["file", "points"], ["=HYPERLINK(\"x\")", 3], ["ok", -1]])
    assert list(csv.reader(io.StringIO(text))) == [
        ["file", "points"], ["'=HYPERLINK(\"x\")", "3"], ["ok", "-1"]
    ]


def test_score_csv_shows_a_formula_like_file_name_as_text(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'score --format csv' with returns whose file names begin with = + - @ writes each
    name as text (a leading quote); no cell of the output begins with a formula character."""
    source = ROOT / "examples" / "2019-05-neglect" / "responses" / "c1-police.yaml"
    shutil.copy(ROOT / "tools" / "neglect_v2.yaml", tmp_path / "tool.yaml")
    shutil.copytree(ROOT / "tools" / "shared", tmp_path / "shared")
    names = ["=1+1.yaml", "+cmd.yaml", "-x.yaml", "@y.yaml"]
    for n, name in enumerate(names):
        text = source.read_text(encoding="utf-8").replace("case: C1", f"case: C{n + 1}")
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("score", "--tool", "tool.yaml", "--format", "csv", "--", *names)
    assert result.code == 0, result.err
    rows = list(csv.reader(io.StringIO(result.out)))
    assert {r[1] for r in rows[1:] if r[0] == "response"} == {"'" + n for n in names}
    assert not [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_terminal_text_shows_control_characters_escaped() -> None:
    """ESC, BEL, NUL, DEL, C1 controls, bidirectional overrides and newlines come out as
    escapes; ordinary text and tabs stay as they are."""
    assert terminal_text("a\x1b[2Jb\x07c\x00d\x7fe\x9bf\u202eg\nh\ti") == (
        "a\\x1b[2Jb\\x07c\\x00d\\x7fe\\x9bf\\u202eg\\nh\ti"
    )
    assert terminal_text("line\nnext", newlines=True) == "line\nnext"
    assert terminal_text("Café, plain") == "Café, plain"


def _no_controls(text: str) -> bool:
    return re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text) is None


def test_check_and_validate_escape_control_characters_in_file_names(
    cli: Cli, tmp_path: Path
) -> None:
    """A file name with ESC and BEL reaches the terminal escaped in check and validate
    text output (and JSON keeps the name as written, escaped by JSON itself)."""
    bad = tmp_path / "t\x1b[31m\x07.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    for argv in (["check", str(bad)], ["validate", "--tool", str(V2), str(bad)]):
        result = cli(*argv)
        assert result.code in (1, 2)
        assert _no_controls(result.out + result.err), argv
        assert "t\\x1b[31m\\x07.yaml" in result.out + result.err


def test_report_and_score_escape_control_characters_from_the_files(
    cli: Cli, tmp_path: Path
) -> None:
    """A manifest title written with YAML escapes (ESC, BEL, a bidi override) shows escaped in
    the report's text summary; score's text table shows the case and file names escaped."""
    copy_shipped_tools(tmp_path / "tools")
    earlier = "2017-05-neglect"  # the round the copied round names as its previous one
    shutil.copytree(ROOT / "examples" / earlier, tmp_path / "examples" / earlier)
    target = tmp_path / "examples" / "round"
    shutil.copytree(ROOT / "examples" / "2019-05-neglect", target)
    manifest = target / "audit.yaml"
    text = manifest.read_text(encoding="utf-8")
    text = text.replace("title: Multi-agency case audit - neglect, May 2019",
                        'title: "Round \\e[2J\\a \\u202Eneglect"')
    manifest.write_text(text, encoding="utf-8")
    shared = ["--shared", str(tmp_path / "tools"), "--shared", str(tmp_path / "examples")]
    result = cli("report", str(manifest), *shared, "--format", "text")
    assert result.code == 0, result.err
    assert _no_controls(result.out + result.err)
    assert result.out.startswith("Round \\x1b[2J\\x07 \\u202eneglect\n")
    scored = cli("score", "--tool", str(tmp_path / "tools" / "neglect_v2.yaml"),
                 str(target / "responses"))
    assert _no_controls(scored.out + scored.err)
