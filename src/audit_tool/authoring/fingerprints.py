"""A tool's content fingerprint: a stable hash of what the tool means.

A response may record the fingerprint of the tool it answered
(``tool: {id, version, fingerprint}``). A published version must never
change; if the tool file was edited in place afterwards, the fingerprints
differ and validation says so.

Two tool files that mean the same have the same fingerprint, whatever their
formatting, comments, key order, quoting, or whether shared sections are
included or written out. The fingerprint is the SHA-256 of the tool's
canonical JSON:

* the resolved tool (after includes) dumped by alias, with fields at their
  default value left out, so that ``required: true`` written out or left
  implicit is the same tool, and a later release of this library that adds an
  optional field does not change every fingerprint;
* ``status`` left out: retiring a version does not change what it asks;
* a repeatable group's ``register`` left out: it says how a round's returns are
  read together (which entries are the same event), not what a return asks,
  accepts or scores, so declaring or tuning it leaves every return as valid,
  and scored, as it was (``docs/meetings.md`` says why);
* numbers written the same whatever their spelling (``1`` and ``1.0``);
* lists that are sets sorted (``renamed_from``, ``replaces``,
  ``retired_ids``, ``required_for``, a condition's ``in``);
* keys sorted, no whitespace, UTF-8.

Anything else changes it: a question's text or guidance, an option label, the
order of questions or options, a score, a condition.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from audit_tool.authoring.tool import Tool

__all__ = ["canonical_json", "content_hash", "fingerprint"]

_SET_LIKE = frozenset({"renamed_from", "replaces", "retired_ids", "required_for", "in"})
_LEFT_OUT = frozenset({"status"})
_GROUP_LEFT_OUT = frozenset({"register"})


def _canonical(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        group = value.get("type") == "group"
        return {
            k: _canonical(v, k) for k, v in value.items() if not (group and k in _GROUP_LEFT_OUT)
        }
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        if key in _SET_LIKE:
            items.sort(key=lambda item: json.dumps(item, sort_keys=True))
        return items
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def canonical_json(tool: Tool) -> str:
    """The canonical JSON text the fingerprint hashes."""
    data = tool.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    for name in _LEFT_OUT:
        data.pop(name, None)
    return json.dumps(
        _canonical(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def content_hash(tool: Tool) -> str:
    """``sha256:`` and 64 hex digits: the hash of the tool's canonical form, worked out."""
    return "sha256:" + hashlib.sha256(canonical_json(tool).encode("utf-8")).hexdigest()


def fingerprint(tool: Tool) -> str:
    """``sha256:`` and 64 hex digits: the hash of the tool's canonical form.

    Worked out once per tool (``Tool.fingerprint``): a tool is frozen.
    """
    return tool.fingerprint
