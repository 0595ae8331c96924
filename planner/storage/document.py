"""planner.json on disk: strict decoding (with errors a user can act on) and encoding of the
document, whose shape is planner.domain.document."""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import msgspec

from planner.config import Settings
from planner.domain import executive as x
from planner.domain.document import COLLECTIONS, SCHEMA_VERSION, Document
from planner.errors import DataFileError
from planner.storage.migrate import migrate


class _Header(msgspec.Struct):
    schema_version: int = 0


_decoder = msgspec.json.Decoder(Document)
_header_decoder = msgspec.json.Decoder(_Header)


def _encode_other(value: Any) -> Any:
    # pendulum's DateTime subclasses datetime; msgspec wants the exact type.
    if isinstance(value, datetime):
        return value.isoformat()
    raise NotImplementedError(f"cannot store a {type(value).__name__}")


_encoder = msgspec.json.Encoder(enc_hook=_encode_other)


def _stored_type(name: str, base: type[Any], drop: frozenset[str], **types: Any) -> Any:
    """`base` as written to disk: without the fields in `drop`, some with another type."""
    fields: list[Any] = []
    for info in msgspec.structs.fields(base):
        if info.name in drop:
            continue
        kind = types.get(info.name, info.type)
        if info.default is not msgspec.NODEFAULT:
            fields.append((info.name, kind, info.default))
        elif info.default_factory is not msgspec.NODEFAULT:
            fields.append((info.name, kind, msgspec.field(default_factory=info.default_factory)))
        else:
            fields.append((info.name, kind))
    return msgspec.defstruct(name, fields, kw_only=True, frozen=True, gc=False)


_EXECUTIVE_SETTINGS = frozenset({"executive_name", *x.RULE_FIELDS})
"""What `settings` holds in memory for the first executive and `executives[0]` on disk."""


@cache
def _stored_types() -> tuple[Any, Any]:
    """(settings, document) as written to disk: made on the first write, since reading
    the fields' types costs a few milliseconds that commands which only read need not pay."""
    settings = _stored_type("StoredSettings", Settings, _EXECUTIVE_SETTINGS)
    return settings, _stored_type("Stored", Document, frozenset(), settings=settings)


def encode(document: Document) -> bytes:
    """The document as UTF-8 JSON, indented so that a person can read and diff it.

    The first executive's name, zone and rules are written in `executives[0]` only; the
    `settings` object keeps the desk's facts."""
    stored_settings, stored_document = _stored_types()
    fields = {name: getattr(document, name) for name in Document.__struct_fields__}
    fields["executives"] = document.roster
    fields["settings"] = stored_settings(
        **{
            name: getattr(document.settings, name)
            for name in Settings.__struct_fields__
            if name not in _EXECUTIVE_SETTINGS
        }
    )
    stored = stored_document(**fields)
    return msgspec.json.format(_encoder.encode(stored), indent=1) + b"\n"


def schema_of(data: bytes) -> int | None:
    """The `schema_version` a file was written at, or None when its start is not readable
    (decode says what is wrong)."""
    try:
        return _header_decoder.decode(data).schema_version
    except (msgspec.DecodeError, RecursionError):
        return None


def decode(data: bytes, path: Path) -> Document:
    """Decode, migrate and validate a document; any problem is a DataFileError naming `path`."""
    if not data.strip():
        raise DataFileError(path, "the file is empty (truncated?)")
    try:
        version = _header_decoder.decode(data).schema_version
    except msgspec.DecodeError as exc:
        raise DataFileError(path, _describe(exc, data)) from None
    except RecursionError:
        raise DataFileError(path, "not valid planner data: it is nested too deeply") from None
    if version > SCHEMA_VERSION:
        raise DataFileError(
            path,
            f"schema_version {version} is newer than this ea-planner understands "
            f"({SCHEMA_VERSION}); upgrade ea-planner to open it",
        )
    if version < 0:
        raise DataFileError(path, f"schema_version {version} is not a valid version")
    try:
        if version == SCHEMA_VERSION:
            document = _decoder.decode(data)
        else:
            raw: Any = msgspec.json.decode(data)
            document = msgspec.convert(migrate(raw), Document)
    except msgspec.DecodeError as exc:
        raise DataFileError(path, _describe(exc, data)) from None
    except RecursionError:
        raise DataFileError(path, "not valid planner data: it is nested too deeply") from None
    if document.executives:
        # The first executive's rules live in `settings` in memory (see planner.domain.document).
        settings = x.rules(document.settings, document.executives[0])
        if settings is not document.settings:
            document = msgspec.structs.replace(document, settings=settings)
    _check_ids(document, path)
    _check_timezone(document, path)
    return document


def _check_timezone(document: Document, path: Path) -> None:
    """Every command needs the executive's zone: an unknown one is refused on load, with the
    file named, rather than failing later wherever a time is first shown."""
    from zoneinfo import ZoneInfo

    where = [("settings.timezone", document.settings.timezone)] if not document.executives else []
    where += [(f"executives[{n}].timezone", e.timezone) for n, e in enumerate(document.executives)]
    for field, name in where:
        if not name:
            continue
        try:
            ZoneInfo(name)
        except (ValueError, KeyError, OSError):
            raise DataFileError(
                path, f"{field} {name!r} is not a known time zone (e.g. Europe/Paris)"
            ) from None


def _check_ids(document: Document, path: Path) -> None:
    ids: set[str] = set()
    shorts: set[str] = set()
    for executive in document.executives:
        if executive.id in ids:
            raise DataFileError(path, f"executives: the id {executive.id!r} appears twice")
        if executive.short.casefold() in shorts:
            raise DataFileError(
                path, f"executives: the short name {executive.short!r} appears twice"
            )
        ids.add(executive.id)
        shorts.add(executive.short.casefold())
    for name in COLLECTIONS:
        seen: set[str] = set()
        for record in getattr(document, name):
            if record.id in seen:
                raise DataFileError(path, f"{name}: the id {record.id!r} appears twice")
            seen.add(record.id)


_BYTE = re.compile(r"\(byte (\d+)\)")


def _describe(exc: msgspec.DecodeError, data: bytes) -> str:
    """msgspec's message, with a byte offset turned into line and column."""
    message = str(exc)
    match = _BYTE.search(message)
    if match:
        offset = int(match.group(1))
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        message = _BYTE.sub(f"(line {line}, column {column})", message)
    if isinstance(exc, msgspec.ValidationError):
        return f"unexpected content: {message}"
    if message.lower().startswith("input data was truncated"):
        return "not valid JSON: the file ends too early (truncated?)"
    return message.replace("JSON is malformed", "not valid JSON")
