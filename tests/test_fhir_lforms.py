"""The FHIR round trip through LHC-Forms (npm 'lforms'), in the headless Chromium of the other
browser tests: the exported Questionnaire rendered and filled, LHC-Forms' own validity check,
its QuestionnaireResponse imported back, validated and scored as the YAML return."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from audit_tool import export_fhir, load_tool, read_response, score
from audit_tool.authoring.saving import to_yaml
from audit_tool.export import export_fhir_response
from audit_tool.export.fhir import import_fhir_response
from audit_tool.responses.validation import validate_response

from browser import console_errors
from conftest import ROOT

pytestmark = pytest.mark.browser

LFORMS = ROOT / "tests" / ".lforms" / "package" / "dist" / "lforms"
RETURNS = ROOT / "examples" / "2019-05-neglect" / "responses"
TOOL = ROOT / "tools" / "neglect_v2.yaml"
# A return with evidence, evidence dates and meetings, and one with no meetings at all.
CASES = ("c1-police.yaml", "c4-police.yaml", "c3-csc.yaml", "c5-csc.yaml")

# The scripts at the end of the body: LHC-Forms adds to the body as it loads.
_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="lforms/webcomponent/styles.css">
</head><body><div id="form"></div>
<script src="lforms/webcomponent/assets/lib/zone.min.js"></script>
<script src="lforms/webcomponent/runtime.js"></script>
<script src="lforms/webcomponent/polyfills.js"></script>
<script src="lforms/webcomponent/main.js"></script>
<script src="lforms/fhir/R4/lformsFHIR.min.js"></script>
</body></html>
"""

# Render the Questionnaire filled with a QuestionnaireResponse, then report LHC-Forms' own
# validity check and the QuestionnaireResponse it makes of what the form holds.
_FILL = """
const [questionnaire, response, done] = arguments;
const ready = () => new Promise(resolve => {
  const poll = () => (window.LForms && LForms.Util && LForms.Util.addFormToPage
    && LForms.Util.getFormFHIRData) ? resolve() : setTimeout(poll, 50);
  poll();
});
ready()
  .then(() => LForms.Util.addFormToPage(questionnaire, 'form', {questionnaireResponse: response}))
  .then(() => {
    const form = document.getElementById('form');
    done({
      errors: LForms.Util.checkValidity(form),
      response: LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', form),
    });
  })
  .catch(error => done({failed: String(error)}));
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No request log on stderr."""


@pytest.fixture(scope="module")
def lforms_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A localhost page loading LHC-Forms (scripts do not load from file:// everywhere)."""
    if not (LFORMS / "webcomponent" / "main.js").is_file():
        pytest.skip("LHC-Forms is not installed: run 'make lforms' (needs npm)")
    root = tmp_path_factory.mktemp("lforms")
    (root / "index.html").write_text(_PAGE, encoding="utf-8")
    (root / "lforms").symlink_to(LFORMS, target_is_directory=True)
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    finally:
        server.shutdown()
        server.server_close()


def _through_lforms(browser: Any, page: str, questionnaire: Any, response: Any) -> Any:
    browser.get(page)
    browser.set_script_timeout(60)
    result = browser.execute_async_script(_FILL, questionnaire, response)
    assert "failed" not in result, result
    return result


@pytest.mark.parametrize("name", CASES)
def test_a_return_survives_the_round_trip_through_lhc_forms(
    browser: Any, lforms_page: str, name: str
) -> None:
    """Filled in LHC-Forms, a complete return is valid there, and its LHC-Forms response
    imports back to a return that validates with no errors and scores as the YAML one."""
    tool = load_tool(TOOL)
    original = read_response(RETURNS / name)
    assert original.response is not None
    questionnaire = export_fhir(tool).resource
    filled = export_fhir_response(tool, original.response).resource
    result = _through_lforms(browser, lforms_page, questionnaire, filled)
    assert result["errors"] is None, result["errors"]
    made = result["response"]
    assert made["resourceType"] == "QuestionnaireResponse"
    imported = import_fhir_response(tool, json.loads(json.dumps(made)))
    assert imported.problems == ()
    back = read_response(text=to_yaml(imported.document), name="imported.yaml")
    assert [p for p in validate_response(tool, back) if p.is_error] == []
    assert [p.code for p in validate_response(tool, back)] == [
        p.code for p in validate_response(tool, original)
    ]
    assert score(tool, [back]).to_dict()["overall"] == score(tool, [original]).to_dict()["overall"]
    assert back.response is not None
    for field in ("case", "agency", "round", "auditor_role", "completed", "period"):
        assert getattr(back.response, field) == getattr(original.response, field), field
    assert console_errors(browser) == []


def test_lhc_forms_flags_a_return_missing_a_required_answer(
    browser: Any, lforms_page: str
) -> None:
    """LHC-Forms' check can fail: a return without a required answer is not valid there."""
    tool = load_tool(TOOL)
    original = read_response(RETURNS / "c1-police.yaml")
    assert original.response is not None
    answers = dict(original.response.answers)
    del answers["record_clear_picture"]
    partial = original.response.model_copy(update={"answers": answers})
    filled = export_fhir_response(tool, partial).resource
    result = _through_lforms(browser, lforms_page, export_fhir(tool).resource, filled)
    assert result["errors"], "LHC-Forms found nothing missing"
    assert any("require" in str(e).lower() for e in result["errors"])


def test_the_metadata_typed_into_lhc_forms_comes_back(browser: Any, lforms_page: str) -> None:
    """A response that lacks the return's case, agency, round and auditor role (nor has them
    in subject, author or extensions): typed into the 'About this return' fields LHC-Forms
    shows, they come back in the imported return, which validates and scores as the YAML."""
    tool = load_tool(TOOL)
    original = read_response(RETURNS / "c1-police.yaml")
    assert original.response is not None
    filled = export_fhir_response(tool, original.response).resource
    # Left: the dates (LHC-Forms has date pickers); the text fields are typed below.
    about = filled["item"][0]
    assert about["linkId"] == "audit-return"
    dates = ("audit-return.period-start", "audit-return.period-end", "audit-return.completed")
    about["item"] = [i for i in about["item"] if i["linkId"] in dates]
    for element in ("subject", "author", "extension"):
        del filled[element]
    _through_lforms(browser, lforms_page, export_fhir(tool).resource, filled)
    typed = {"case": "C1", "agency": "police", "round": "2019-05-neglect",
             "auditor-role": "Detective sergeant, public protection unit"}
    for field, text in typed.items():
        box = browser.find_element("css selector", f"input[id^='audit-return.{field}/']")
        box.clear()
        box.send_keys(text)
    made = browser.execute_script(
        "return LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', "
        "document.getElementById('form'))"
    )
    imported = import_fhir_response(tool, made)
    assert imported.problems == ()
    back = read_response(text=to_yaml(imported.document), name="typed.yaml")
    assert back.response is not None
    assert (back.response.case, back.response.agency, back.response.round,
            back.response.auditor_role) == tuple(typed.values())
    assert [p for p in validate_response(tool, back) if p.is_error] == []
    assert score(tool, [back]).to_dict()["overall"] == score(tool, [original]).to_dict()["overall"]
