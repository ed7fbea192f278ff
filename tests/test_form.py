"""audit-tool form without a browser: the page, its data, its policy, and the command line."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from audit_tool import load_tool, read_manifest
from audit_tool.authoring import question_numbers
from audit_tool.export.form import FormPrefill, fillable_form, form_data
from audit_tool.export.form.page import json_for_script

from conftest import ROOT, CliResult

NEGLECT_V2 = ROOT / "tools" / "neglect_v2.yaml"


def _inline(html: str, pattern: str) -> list[str]:
    return re.findall(pattern, html, re.DOTALL)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_allows_only_the_inline_script_and_style() -> None:
    """The CSP names the hashes of exactly the page's one script and one style sheet, and
    allows nothing to be fetched."""
    html = fillable_form(load_tool(NEGLECT_V2))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    scripts = _inline(html, r"<script>(.*?)</script>")
    styles = _inline(html, r"<style>(.*?)</style>")
    assert len(scripts) == len(styles) == 1
    policy = dict(part.strip().split(" ", 1) for part in csp.group(1).split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == _sha(scripts[0])
    assert policy["style-src"] == _sha(styles[0])
    assert policy["connect-src"] == policy["img-src"] == "'none'"
    assert not re.search(r"\b(src|href)=\"(https?:)?//", html)


def test_the_script_never_evaluates_text_or_writes_markup() -> None:
    """form.js has no eval, no Function constructor, no innerHTML/outerHTML/insertAdjacentHTML
    and no document.write."""
    script = (ROOT / "src" / "audit_tool" / "export" / "form" / "static" / "form.js").read_text()
    for banned in ("eval(", "new Function", "innerHTML", "outerHTML", "insertAdjacentHTML",
                   "document.write", "fetch(", "XMLHttpRequest", "WebSocket", "sendBeacon"):
        assert banned not in script, banned


def test_page_data_cannot_close_its_script_element() -> None:
    """Tool text holding </script> or <!-- is escaped in the page data and reads back the same."""
    text = "</script><script>alert(1)</script> <!-- & \u2028"
    encoded = json_for_script({"t": text})
    assert "<" not in encoded
    assert ">" not in encoded
    assert "&" not in encoded
    assert "\u2028" not in encoded
    assert json.loads(encoded) == {"t": text}


def test_page_data_numbers_questions_as_the_printed_form() -> None:
    """Each question in the page data has the number the printed form and the template give."""
    tool = load_tool(NEGLECT_V2)
    data = form_data(tool)
    numbers = question_numbers(tool)
    seen = {}
    for section in data["sections"]:
        for q in section["questions"]:
            seen[q["id"]] = q["number"]
            for sub in q.get("questions", []):
                seen[sub["id"]] = sub["number"]
    assert seen == numbers
    school = next(q for s in data["sections"] for q in s["questions"]
                  if q["id"] == "school_records")
    assert school["when"] == {"question": "agency_type", "equals": "education"}
    assert school["condition"] == 'Answer if 1.1 is "School or education service".'
    assert school["evidence"] == {"required": False, "requiredFor": ["no", "partly"]}


def test_prefill_is_locked_and_keys_the_draft() -> None:
    """What is prefilled is locked, and the draft's key names the tool version, case and agency."""
    from audit_tool.responses import Period

    tool = load_tool(NEGLECT_V2)
    prefill = FormPrefill("2017-05-neglect", "C1", "police",
                          Period(start="2016-05-01", end="2017-03-31"))
    data = form_data(tool, prefill)
    assert data["locked"] == {"round": "2017-05-neglect", "case": "C1", "agency": "police",
                              "period_start": "2016-05-01", "period_end": "2017-03-31"}
    assert data["storageKey"] == "audit-tool-form:neglect@2.0.0:C1:police"
    assert data["tool"]["fingerprint"] == tool.fingerprint


def test_form_writes_one_file(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    """`form TOOL --case --agency -o FILE` writes the page and says so."""
    out = tmp_path / "c1-police.html"
    result = cli("form", str(NEGLECT_V2), "--case", "C1", "--agency", "police", "-o", str(out))
    assert (result.code, result.out, result.err) == (0, f"wrote {out}\n", "")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_form_goes_to_stdout_without_o(cli: Callable[..., CliResult]) -> None:
    """Without -o the page is written to standard output."""
    result = cli("form", str(NEGLECT_V2))
    assert result.code == 0
    assert result.out.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["form"], "give a TOOL file, or --manifest AUDIT_MANIFEST"),
        (["form", str(NEGLECT_V2), "--case", "Child A"], "cannot prefill case"),
        (["form", str(NEGLECT_V2), "--period", "2017-03-31", "2016-05-01"],
         "--period: the start is after the end"),
        (["form", "--manifest", "audit.yaml"], "--manifest needs -o DIR"),
        (["form", str(NEGLECT_V2), "--manifest", "audit.yaml", "-o", "x"],
         "do not give TOOL"),
    ],
)
def test_form_usage_errors(
    cli: Callable[..., CliResult], argv: list[str], message: str
) -> None:
    """Arguments that cannot make a form exit 2 with the reason, and write nothing."""
    result = cli(*argv)
    assert result.code == 2
    assert message in result.err
    assert result.out == ""


def test_form_of_a_broken_tool_gives_its_problems(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """A tool with errors gives check's problems and exit 1, and no form."""
    tool = tmp_path / "broken.yaml"
    tool.write_text("id: x\nversion: 1.0.0\ntitle: X\ntheme: T\nsections: []\n")
    out = tmp_path / "x.html"
    result = cli("form", str(tool), "-o", str(out))
    assert result.code == 1
    assert "broken.yaml:" in result.err
    assert not out.exists()


def _manifests() -> list[Path]:
    return sorted(ROOT.glob("examples/**/audit.yaml"))


@pytest.mark.parametrize("manifest", _manifests(), ids=lambda p: p.parent.name)
def test_form_manifest_writes_one_form_per_invited_return(
    cli: Callable[..., CliResult], tmp_path: Path, manifest: Path
) -> None:
    """`form --manifest` writes CASE-AGENCY.html for each agency invited to each case of the
    round, except those unable to take part, each locked to its round, case and agency."""
    loaded = read_manifest(manifest, shared=[ROOT / "tools"])
    assert loaded.manifest is not None, loaded.problems
    round_ = loaded.manifest
    unable = {u.agency for u in round_.unable_to_take_part}
    expected = {f"{c.ref}-{a}.html" for c in round_.cases for a in c.agencies if a not in unable}
    out = tmp_path / "forms"
    result = cli("form", "--manifest", str(manifest), "--shared", str(ROOT / "tools"),
                 "-o", str(out))
    assert result.code == 0, result.err
    assert {p.name for p in out.iterdir()} == expected
    assert result.out.splitlines()[-1] == f"{len(expected)} forms for round {round_.round}"
    name = sorted(expected)[0]
    case, agency = name.removesuffix(".html").split("-", 1)
    html = (out / name).read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="form-data">(.*?)</script>', html, re.DOTALL).group(1))
    assert data["locked"]["case"] == case
    assert data["locked"]["agency"] == agency
    assert data["locked"]["round"] == round_.round
    again = cli("form", "--manifest", str(manifest), "--shared", str(ROOT / "tools"),
                "-o", str(out), "--force")
    assert "(replaced the form written before)" in again.out


def test_form_manifest_with_a_broken_manifest(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    """A manifest with errors gives its problems and exit 1, and no form."""
    manifest = tmp_path / "audit.yaml"
    manifest.write_text("round: r\n")
    result = cli("form", "--manifest", str(manifest), "-o", str(tmp_path / "forms"))
    assert result.code == 1
    assert "audit.yaml:" in result.err
    assert not (tmp_path / "forms").exists()
