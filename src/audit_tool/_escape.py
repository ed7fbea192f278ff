"""Text made safe for where it goes: HTML, Markdown, CSV cells and the terminal.

Tool titles, manifest titles, reasons, file names and problem messages are
text written by people; they must show as written and never become markup,
a spreadsheet formula or a terminal control sequence.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable, Sequence

__all__ = ["csv_cell", "csv_text", "html_text", "md_text", "terminal_text"]

# Enough to keep text as text: emphasis, code, links, HTML and its entities, headings, tables.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#])")
# What a spreadsheet may read as the start of a formula (OWASP's list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# C0 controls (but tab and newline), DEL, C1 controls, and the Unicode marks that reorder
# or hide text on a terminal (bidirectional overrides and isolates, zero-width joiners).
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


def html_text(text: object) -> str:
    """``text`` for HTML content or a quoted attribute value: ``& < > " '`` escaped."""
    return html.escape(str(text), quote=True)


def md_text(text: object) -> str:
    """``text`` on one line, with every character Markdown would read as markup escaped.

    ``&`` is escaped too, so that ``&lt;b&gt;`` shows as written, not as ``<b>``.
    """
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def csv_cell(value: object) -> object:
    """``value`` for a CSV cell a spreadsheet shows as written: text that begins with
    ``= + - @``, a tab or a carriage return gets a leading ``'`` (OWASP's advice), so that
    it is never read as a formula. Numbers and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """``rows`` as CSV (``\\n`` line ends), every cell through :func:`csv_cell`.

    The one way every CSV output is written.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: object, *, newlines: bool = False) -> str:
    """``text`` with every control character shown escaped (``ESC`` as ``\\x1b``), so that
    text from a file cannot move the cursor, ring the bell, recolour or reorder the
    terminal. Newlines are escaped too unless ``newlines`` (a one-line message stays one
    line); a tab is kept."""
    shown = _CONTROL.sub(_escaped, str(text))
    return shown if newlines else shown.replace("\n", "\\n")
