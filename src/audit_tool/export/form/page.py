"""The fillable form as one self-contained HTML file.

The page is the tool's data (a ``<script type="application/json">`` block),
one small script that interprets it (``static/form.js``) and a style sheet
(``static/form.css``), all inline. A Content-Security-Policy allows that one
script and that one style sheet by their hashes and nothing else: no network,
no images, no other script, no form posting anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

from audit_tool import _args
from audit_tool._escape import html_text
from audit_tool.authoring.tool import Tool
from audit_tool.export.form.data import FormPrefill, form_data

__all__ = ["content_security_policy", "fillable_form", "json_for_script"]

_NOSCRIPT = (
    "This form needs JavaScript, which is turned off in this browser. Ask the audit lead for "
    "the printable form or the response template instead."
)


@cache
def _static(name: str) -> str:
    return (resources.files(__package__) / "static" / name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script: str, style: str) -> str:
    """The page's policy: only the inline ``script`` and ``style`` (by hash), nothing fetched."""
    return (
        f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
        "img-src 'none'; connect-src 'none'; font-src 'none'; object-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def json_for_script(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&``
    (so no ``</script>`` or ``<!--`` can end it early) and no line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def fillable_form(tool: Tool, prefill: FormPrefill | None = None) -> str:
    """``tool`` as a fillable, offline HTML return; ``prefill`` fills in and locks metadata."""
    tool = _args.typed(tool, Tool, "tool")
    script, style = _static("form.js"), _static("form.css")
    data = json_for_script(form_data(tool, prefill))
    title = f"{tool.title} ({tool.ref}): return"
    policy = content_security_policy(script, style)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{html_text(title)}</title>\n"
        f"<style>{style}</style>\n</head>\n<body>\n"
        f'<noscript><p class="noscript">{html_text(_NOSCRIPT)}</p></noscript>\n'
        '<div id="app"></div>\n'
        f'<script type="application/json" id="form-data">{data}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )
