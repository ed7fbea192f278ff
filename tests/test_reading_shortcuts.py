"""The reader's shortcuts give what the full work gives: each only skips work that cannot
find anything."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from audit_tool import _events, _yaml

_tricky = st.text(
    st.one_of(
        st.sampled_from(["a", " ", "%", "\n", "\t", "\r", "\x85", "\u2028", "\u2029", "\ufeff",
                         "\x00", "\x7f", "\xa0", "é", "\ufffe", "\U0001f600", "\x9f", "\x0b",
                         "\x0c", "\x1c", "~", ".", "0", "n", "T", "f", "+", "-", "e"]),
        st.characters(),
    ),
    max_size=12,
)


@given(_tricky)
def test_text_the_c_parser_may_read_otherwise_is_found_as_the_search_finds_it(text: str) -> None:
    """The printable-text shortcut says a text needs the pure parser exactly when the
    search for such characters finds one."""
    assert _events._pure_only(text) == (_events._PURE_ONLY.search(text) is not None)


def _resolved_the_long_way(text: str) -> object:
    for pattern, value in ((_yaml._NULL, None), (_yaml._TRUE, True), (_yaml._FALSE, False)):
        if pattern.match(text):
            return value
    if _yaml._INT10.match(text) or _yaml._INT8.match(text) or _yaml._INT16.match(text):
        return "int"
    if _yaml._FLOAT.match(text) or _yaml._INF.match(text) or _yaml._NAN.match(text):
        return "number"
    return text


@given(_tricky)
def test_a_plain_scalar_that_cannot_be_a_number_or_a_constant_is_text(text: str) -> None:
    """A plain scalar whose first character begins no null, boolean or number is text, as
    trying every pattern finds."""
    if text and text[0] not in _yaml._RESOLVED_FIRST:
        assert _resolved_the_long_way(text) == text
        assert _yaml._resolve_plain(text) == text


@given(_tricky)
def test_the_directive_shortcut_passes_over_only_text_without_directives(text: str) -> None:
    """Text the directive shortcut passes over has no line starting with '%' (as
    str.splitlines breaks lines)."""
    if "%" not in text or not _yaml._DIRECTIVE_LINE.search(text):
        assert not any(line.startswith("%") for line in text.splitlines())
