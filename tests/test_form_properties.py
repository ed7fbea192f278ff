"""The form's script against the library, over generated tools and returns, in Chromium.

``validate`` stays the authority: on every check the form makes (FORM_CHECKS), the
form's checker must give the same problems at the same places; the form's YAML reader
must read what the library reads; and a return opened in the form and saved again must
be the same return. One page per generated tool, each example's answer sets on it.
"""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit_tool import Tool, read_response, validate_response
from audit_tool._yaml import parse_document
from audit_tool.authoring.saving import to_yaml
from audit_tool.export.form import fillable_form, form_checks
from audit_tool.responses.template import blank_response

from conftest import ROOT
from strategies import MUTATIONS, mutated_response, tools_with_responses

pytestmark = pytest.mark.browser


class Pages:
    """Writes each generated tool's form once and opens it in the browser when asked."""

    def __init__(self, folder: Path, driver: Any) -> None:
        self.folder = folder
        self.driver = driver
        self.current: str | None = None

    def open(self, tool: Tool, *, fresh: bool = False) -> None:
        """Show the form of ``tool``; with ``fresh``, reloaded with no draft."""
        html = fillable_form(tool)
        name = hashlib.sha256(html.encode()).hexdigest()[:16]
        page = self.folder / f"{name}.html"
        if not page.exists():
            page.write_text(html, encoding="utf-8")
        if fresh or self.current != name:
            self.driver.get(page.as_uri())
            self.driver.execute_script("localStorage.clear()")
            # Chromium commits a page's storage to the browser asynchronously, so a page
            # loaded right after the clear may still read the old draft: load until it is blank.
            for _ in range(5 if fresh else 0):
                self.driver.get(page.as_uri())
                if not self.driver.execute_script("return auditForm.hasContent()"):
                    break
                self.driver.execute_script("localStorage.clear()")
            else:
                assert not fresh, "the form kept a draft through five reloads"
            self.current = name


@pytest.fixture(scope="module")
def pages(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Pages:
    """The generated tools' pages, written into one folder."""
    return Pages(tmp_path_factory.mktemp("form-pages"), browser)


@st.composite
def tools_with_answer_sets(draw: Any) -> tuple[Tool, dict[str, Any], list[dict[str, Any]]]:
    """A generated tool, a valid return to it, and that return damaged in each targeted way
    that fits it (one damage per copy): many answer sets for one page."""
    tool, data = draw(tools_with_responses())
    damaged = []
    for mutation in MUTATIONS:
        copy, code = draw(mutated_response(tool, data, mutation))
        if code is not None:
            damaged.append(copy)
    return tool, data, damaged


def _validate_codes(tool: Tool, data: dict[str, Any]) -> list[tuple[str, str]]:
    found = validate_response(tool, data)
    return sorted((p.code, p.pointer) for p in found if form_checks(p.code, p.pointer))


def _form_codes(driver: Any, data: dict[str, Any]) -> list[tuple[str, str]]:
    found = driver.execute_script(
        "return auditForm.check(arguments[0]).map(p => [p.code, p.pointer])", data
    )
    return sorted((code, pointer) for code, pointer in found)


@given(tools_with_answer_sets())
def test_form_checker_agrees_with_validate(
    pages: Pages, case: tuple[Tool, dict[str, Any], list[dict[str, Any]]]
) -> None:
    """On a valid return and on each copy of it damaged in one targeted way, the form's
    checker gives exactly validate's problems (code and pointer) on every check it makes."""
    tool, data, damaged = case
    pages.open(tool)
    assert _form_codes(pages.driver, data) == _validate_codes(tool, data) == []
    for copy in damaged:
        assert _form_codes(pages.driver, copy) == _validate_codes(tool, copy)


def _js_yaml(driver: Any, text: str) -> Any:
    read = driver.execute_script("return auditForm.parseYaml(arguments[0])", text)
    assert "error" not in read, read
    return read["value"]


def _py_yaml(text: str) -> Any:
    document, problems = parse_document(text, "r.yaml")
    assert document is not None, problems
    return document.data


@given(tools_with_answer_sets())
def test_form_reads_yaml_as_the_library_does(
    pages: Pages, case: tuple[Tool, dict[str, Any], list[dict[str, Any]]]
) -> None:
    """Returns written by the library's YAML writer (plain, quoted, folded and block text)
    read the same in the form's YAML reader as in the library."""
    tool, data, damaged = case
    pages.open(tool)
    for written in (data, *damaged):
        text = to_yaml(written)
        assert _js_yaml(pages.driver, text) == _py_yaml(text)


def test_form_reads_the_example_returns_and_templates(pages: Pages) -> None:
    """Every response file under examples/ and the neglect templates read the same in the
    form as in the library."""
    from audit_tool import load_tool

    tool = load_tool(ROOT / "tools" / "neglect_v2.yaml")
    pages.open(tool)
    files = sorted(ROOT.glob("examples/**/*.yaml"))
    assert files
    texts = [f.read_text(encoding="utf-8") for f in files]
    for path in sorted((ROOT / "tools").glob("neglect_v*.yaml")):
        texts.append(blank_response(load_tool(path), case="C1", agency="police"))
    for text in texts:
        assert _js_yaml(pages.driver, text) == _py_yaml(text)


@given(tools_with_responses())
def test_a_return_opened_and_saved_again_is_the_same(
    pages: Pages, case: tuple[Tool, dict[str, Any]]
) -> None:
    """A valid return opened in the form and saved again (YAML) validates with no problem and
    holds the same answers and metadata (choices in the scale's order, unanswered questions
    blank, the tool's fingerprint added)."""
    tool, data = case
    pages.open(tool, fresh=True)
    opened = pages.driver.execute_script(
        "return auditForm.openText(JSON.stringify(arguments[0]))", data
    )
    assert opened == {"opened": True}
    text = pages.driver.execute_script("return auditForm.returnText('yaml')")
    loaded = read_response(text=text, name="saved.yaml")
    assert loaded.response is not None, loaded.problems
    assert validate_response(tool, loaded) == []
    original = read_response(text=to_yaml(data)).response
    assert original is not None
    saved = loaded.response
    assert saved.tool.fingerprint == tool.fingerprint
    same = ("round", "case", "agency", "auditor_role", "completed", "period")
    assert {k: getattr(saved, k) for k in same} == {k: getattr(original, k) for k in same}
    assert _ordered(tool, saved.model_dump()["answers"]) == _ordered(
        tool, original.model_dump()["answers"]
    )


def _ordered(tool: Tool, answers: dict[str, Any]) -> dict[str, Any]:
    """Answers with each multiple choice in the order of its scale, blank ones left out (the
    saved YAML writes an unanswered question blank, as ``template`` does)."""
    out: dict[str, Any] = {}
    for key, answer in answers.items():
        answer = dict(answer)
        if all(v is None for v in answer.values()):
            continue
        ref = tool.question(key)
        value = answer["value"]
        if ref is not None and ref.question.type == "multiple_choice" and isinstance(value, list):
            scale = tool.scale_of(ref.question)
            assert scale is not None
            answer["value"] = sorted(value, key=list(scale.values).index)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            answer["value"] = [_ordered(tool, entry) for entry in value]
        out[key] = answer
    return out


def test_today_is_the_same_in_the_browser(browser: Any) -> None:
    """The form's "after today" checks read the same day the library does."""
    day = browser.execute_script(
        "const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]"
    )
    assert datetime.date(*day) == datetime.date.today()
