"""The fillable offline form: a lead auditor's return, completed in a browser.

:func:`fillable_form` writes one self-contained HTML file for a tool (``form``
on the command line); :func:`round_forms` one for each return a round expects.
The page embeds the tool as data (:func:`form_data`) that one small script
interprets: conditions and evidence rules applied as the auditor answers, the
return checked as ``validate`` checks it on :data:`FORM_CHECKS`, a draft kept
in the browser, and the return saved as a response file (YAML commented like
``template``, or JSON). ``docs/form.md`` says how to use it.
"""

from __future__ import annotations

from audit_tool.export.form.data import (
    FORM_CHECKS,
    FORM_FIELDS,
    FormPrefill,
    form_checks,
    form_data,
)
from audit_tool.export.form.page import content_security_policy, fillable_form
from audit_tool.export.form.rounds import RoundForm, expected_returns, round_forms

__all__ = [
    "FORM_CHECKS",
    "FORM_FIELDS",
    "FormPrefill",
    "RoundForm",
    "content_security_policy",
    "expected_returns",
    "fillable_form",
    "form_checks",
    "form_data",
    "round_forms",
]
