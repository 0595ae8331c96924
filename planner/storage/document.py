"""planner.json on disk: strict decoding (with errors a user can act on) and encoding of the
document, whose shape is planner.domain.document."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import msgspec

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


def encode(document: Document) -> bytes:
    """The document as UTF-8 JSON, indented so that a person can read and diff it."""
    return msgspec.json.format(_encoder.encode(document), indent=1) + b"\n"


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
    _check_ids(document, path)
    _check_timezone(document, path)
    return document


def _check_timezone(document: Document, path: Path) -> None:
    """Every command needs the executive's zone: an unknown one is refused on load, with the
    file named, rather than failing later wherever a time is first shown."""
    name = document.settings.timezone
    if not name:
        return
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        raise DataFileError(
            path, f"settings.timezone {name!r} is not a known time zone (e.g. Europe/Paris)"
        ) from None


def _check_ids(document: Document, path: Path) -> None:
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
