"""Hypothesis strategies for the FHIR tests: complete, valid returns to any tool.

``complete_returns(tool)`` is :func:`strategies.response_data` (a return that
answers every question that applies and is required, and some optional ones,
with values the questions allow and evidence wherever the rules ask for it),
kept to what FHIR holds whole: a group's answer is its list of entries, with no
evidence of its own, and every entry answers something (docs/fhir.md).
"""

from __future__ import annotations

from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from audit_tool import Response, Tool
from audit_tool.authoring.tool import GroupQuestion

from strategies import entries_of, response_data


@st.composite
def complete_returns(draw: Any, tool: Tool) -> Response:
    """A completed return to ``tool`` that answers everything that applies and is required."""
    data = draw(response_data(tool))
    answers = data["answers"]
    for ref in tool.iter_questions():
        if isinstance(ref.question, GroupQuestion) and ref.question.id in answers:
            entries = entries_of(answers[ref.question.id])
            # An entry that answers nothing has no place in FHIR; leaving it out could
            # change what a condition reading the group sees, so such a return is not drawn.
            assume(all(entries))
            answers[ref.question.id] = entries  # evidence for a whole group has no place
    return Response.model_validate(data)
