"""What a round keeps of each return once it is checked.

A round of 150 cases and 11 agencies holds 1,650 returns; each one's model is
about 40 KiB of objects, and a report needs little of it: the return's theme
sums, what the register reads of its group entries, and its case, agency,
tool and period. So as each return is read and checked, :func:`keep` works
those out from the model (:class:`Kept`), and the round keeps the model
packed (:class:`PackedResponse`): the plain data it was validated from,
as compressed JSON (about 1.5 KiB), validated again whenever someone asks
for ``loaded.response``. The packed form is made here, from data just read,
and read only here: it is never written out or read from anywhere else.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from audit_tool._yaml import Document
from audit_tool.problems import Problem
from audit_tool.responses.response import LoadedResponse, Period, Response

if TYPE_CHECKING:
    from audit_tool.rounds.register.model import Record
    from audit_tool.rounds.register.records import RecordReader
    from audit_tool.rounds.scoring import Summed

__all__ = ["Kept", "PackedResponse", "RegisterView", "has_response", "keep", "register_view"]


class PackedResponse(LoadedResponse):
    """A return file as a round keeps it: ``response`` is unpacked on every access (an
    equal model each time), the rest is as read."""

    _packed: bytes | None
    """The data of the model (as the file held it, or as the model dumps it), compressed JSON."""

    @property
    def response(self) -> Response | None:
        """The model, unpacked."""
        packed = self._packed
        if packed is None:
            return None
        # JSON, never pickle: unpacking rebuilds data, and only the model's own
        # validation makes a model of it
        unpacked = json.loads(zlib.decompress(packed))
        return Response.model_validate(unpacked)

    @response.setter
    def response(self, value: Response | None) -> None:
        self._packed = None if value is None else _pack(
            value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        )

    def pack_data(self, data: dict[str, Any]) -> None:
        """Keep the plain data the model was validated from (it packs quicker and smaller than
        the model, and validates to an equal one)."""
        self._packed = _pack(data)

    @property
    def has_response(self) -> bool:
        """True when the file loaded as a response (without unpacking it)."""
        return self._packed is not None

    @property
    def ok(self) -> bool:
        """As :attr:`LoadedResponse.ok`, without unpacking the model."""
        return self.has_response and not any(p.is_error for p in self.problems)


def _pack(data: Any) -> bytes:
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 1)


def has_response(loaded: LoadedResponse) -> bool:
    """True when ``loaded`` has its model (packed or not)."""
    if isinstance(loaded, PackedResponse):
        return loaded.has_response
    return loaded.response is not None


@dataclass(frozen=True, slots=True)
class RegisterView:
    """What the register reads of one return for one group."""

    asked: bool
    """The group applies to the return."""
    pointer: str
    """Where the group's answer stands (``RecordReader.group_pointer``)."""
    items: tuple[Record | Problem, ...]
    """Its records, and a problem for each entry that cannot be placed."""


@dataclass(frozen=True, slots=True)
class Kept:
    """What the round read of a return's model before packing it."""

    case: str
    agency: str
    tool_ref: str
    period: Period | None
    summed: Summed | None
    """The return's theme sums (``None`` for a return to another tool or version)."""
    registers: Mapping[str, RegisterView]
    """By register group id."""


def register_view(
    reader: RecordReader, response: Response, raw: Mapping[str, Any] | None, file: str
) -> RegisterView:
    """What ``build_register`` reads of ``response`` with ``reader``."""
    return RegisterView(reader.asked(response), reader.group_pointer(raw),
                        tuple(reader.read(response, raw, file)))


def keep(
    loaded: LoadedResponse,
    summed: Summed | None,
    readers: Mapping[str, RecordReader],
    data: dict[str, Any] | None = None,
) -> tuple[PackedResponse, Kept | None]:
    """``loaded`` (its document already cut to what the round reads) packed, and what the
    round reads of its model; no :class:`Kept` for a file that did not load. ``data`` is
    the whole document's data when the model was validated from it."""
    response = loaded.response
    packed = PackedResponse(loaded.file, None, loaded.document, loaded.problems)
    if response is None:
        return packed, None
    if data is not None:
        packed.pack_data(data)
    else:
        packed.response = response
    document = loaded.document
    raw = document.data if document is not None else None
    views = {group: register_view(reader, response, raw, loaded.file)
             for group, reader in readers.items()}
    if document is not None and views:
        # What the register reads of the data is in the views; its places stay.
        packed.document = Document(None, document.source, document.nodes)
    return packed, Kept(response.case, response.agency, response.tool.ref, response.period,
                        summed, views)
