"""Text made safe for HTML and Markdown: every renderer escapes the same way.

Tool titles, manifest titles, reasons and problem messages are text written
by people; they must show as written and never become markup.
"""

from __future__ import annotations

import html
import re

__all__ = ["html_text", "md_text"]

# Enough to keep text as text: emphasis, code, links, HTML and its entities, headings, tables.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#])")


def html_text(text: object) -> str:
    """``text`` for HTML content or a quoted attribute value: ``& < > " '`` escaped."""
    return html.escape(str(text), quote=True)


def md_text(text: object) -> str:
    """``text`` on one line, with every character Markdown would read as markup escaped.

    ``&`` is escaped too, so that ``&lt;b&gt;`` shows as written, not as ``<b>``.
    """
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
