"""Responses: a lead auditor's return read, walked against its tool, checked.

The response model; ``read_response`` / ``load_response`` / ``check_response`` as
for every file kind, ``validate_response`` against a given tool and
``check_responses`` for many files; the walk of a return against its tool (which
questions apply, where each answer stands); and the commented blank return.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit_tool._lazy import exports

if TYPE_CHECKING:
    from audit_tool.responses.answers import (
        AnswerSlot as AnswerSlot,
    )
    from audit_tool.responses.answers import (
        StrayAnswer as StrayAnswer,
    )
    from audit_tool.responses.answers import (
        stray_answers as stray_answers,
    )
    from audit_tool.responses.answers import (
        walk_answers as walk_answers,
    )
    from audit_tool.responses.response import (
        Answer as Answer,
    )
    from audit_tool.responses.response import (
        LoadedResponse as LoadedResponse,
    )
    from audit_tool.responses.response import (
        MigrationStep as MigrationStep,
    )
    from audit_tool.responses.response import (
        Period as Period,
    )
    from audit_tool.responses.response import (
        Response as Response,
    )
    from audit_tool.responses.response import (
        ToolRef as ToolRef,
    )
    from audit_tool.responses.response import (
        load_response as load_response,
    )
    from audit_tool.responses.response import (
        read_response as read_response,
    )
    from audit_tool.responses.template import blank_response as blank_response
    from audit_tool.responses.validation import (
        CheckedResponse as CheckedResponse,
    )
    from audit_tool.responses.validation import (
        ResponseSource as ResponseSource,
    )
    from audit_tool.responses.validation import (
        check_response as check_response,
    )
    from audit_tool.responses.validation import (
        check_responses as check_responses,
    )
    from audit_tool.responses.validation import (
        validate_response as validate_response,
    )

__getattr__, __dir__, __all__ = exports(__name__, {
    "audit_tool.responses.response": [
        "Answer", "LoadedResponse", "MigrationStep", "Period", "Response", "ToolRef",
        "load_response", "read_response",
    ],
    "audit_tool.responses.validation": [
        "CheckedResponse", "ResponseSource", "check_response", "check_responses",
        "validate_response",
    ],
    "audit_tool.responses.answers": [
        "AnswerSlot", "StrayAnswer", "stray_answers", "walk_answers",
    ],
    "audit_tool.responses.template": [
        "blank_response",
    ],
})
