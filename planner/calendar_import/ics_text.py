"""An iCalendar file as text: decoded, without the zones that would take hours to expand,
and, when it is damaged, cut into the blocks of each calendar to be read one by one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from planner.calendar_import.imported import NotICalendar
from planner.text import clean_line

_BEGIN_VCALENDAR = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCALENDAR[ \t\r]*$", re.I | re.M)
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode(data: bytes) -> tuple[str, list[str]]:
    """The file as text, and notes; NotICalendar when it cannot be iCalendar."""
    notes: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise NotICalendar("it is not readable text") from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            notes.append("the file is not UTF-8; it was read as Windows-1252")
    if not text.strip():
        raise NotICalendar("it is empty")
    head = text[:4096]
    if "\x00" in head or len(_BINARY.findall(head)) > len(head) // 20:
        raise NotICalendar("it holds binary data, not text")
    if not _BEGIN_VCALENDAR.search(text):
        raise NotICalendar("it has no BEGIN:VCALENDAR line")
    return text, notes


_FOLD = re.compile(r"\r?\n[ \t]")


def drop_broken_zones(text: str) -> tuple[str, list[str]]:
    """The text without VTIMEZONEs whose rules change the offset more often than yearly,
    and their TZIDs. icalendar expands a zone's rules from their DTSTART to 2038 when the
    zone is first used: a 616-byte zone repeating every minute from 1601 took 2 GB."""
    if "VTIMEZONE" not in text.upper():
        return text, []
    lines = _FOLD.sub("", text).splitlines()
    kept: list[str] = []
    broken: list[str] = []
    zone: list[str] | None = None
    for line in lines:
        upper = line.strip().upper().replace(" ", "")
        if zone is None:
            if upper == "BEGIN:VTIMEZONE":
                zone = [line]
            else:
                kept.append(line)
            continue
        zone.append(line)
        if upper == "END:VTIMEZONE":
            name = _broken_zone(zone)
            if name is None:
                kept.extend(zone)
            else:
                broken.append(name)
            zone = None
    if zone is not None:  # not closed: leave it to the parser to report
        kept.extend(zone)
    if not broken:
        return text, []
    return "\r\n".join(kept) + "\r\n", broken


def _broken_zone(block: list[str]) -> str | None:
    """The zone's TZID when one of its rules recurs more often than yearly, else None."""
    tzid = ""
    broken = False
    for line in block:
        head, _, value = line.partition(":")
        name = head.split(";", 1)[0].strip().upper()
        if name == "TZID":
            tzid = clean_line(value)
        elif name == "RRULE":
            parts = dict(
                part.partition("=")[::2] for part in value.strip().upper().split(";") if part
            )
            if (
                parts.get("FREQ") != "YEARLY"
                or any(
                    key in parts
                    for key in ("BYHOUR", "BYMINUTE", "BYSECOND", "BYYEARDAY", "BYWEEKNO")
                )
                or len(parts.get("BYMONTH", "").split(",")) > 2
            ):
                broken = True
    return (tzid or "(no TZID)") if broken else None


# -- reading a damaged file block by block -----------------------------------


class Chunk:
    """The pieces of one VCALENDAR of a damaged file, as lists of content lines."""

    def __init__(self) -> None:
        self.x_wr_timezone = ""
        self.timezones: list[list[str]] = []
        self.events: list[list[str]] = []


_UNFOLD = re.compile(r"\r?\n[ \t]")


def split_calendars(text: str) -> Iterator[Chunk]:
    chunk: Chunk | None = None
    block: list[str] | None = None
    depth = 0
    for line in _UNFOLD.sub("", text).splitlines():
        upper = line.strip().upper().replace(" ", "")
        if block is not None:
            block.append(line)
            if upper.startswith("BEGIN:"):
                depth += 1
            elif upper.startswith("END:"):
                depth -= 1
                if depth == 0:
                    block = None
            continue
        if upper == "BEGIN:VCALENDAR":
            if chunk is not None:
                yield chunk
            chunk = Chunk()
        elif chunk is None:
            continue
        elif upper in ("BEGIN:VEVENT", "BEGIN:VTIMEZONE"):
            block = [line]
            depth = 1
            (chunk.events if upper == "BEGIN:VEVENT" else chunk.timezones).append(block)
        elif upper.startswith("X-WR-TIMEZONE:"):
            chunk.x_wr_timezone = line.split(":", 1)[1].strip()
    if chunk is not None:
        yield chunk


def wrap(blocks: list[list[str]]) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ea-planner//salvage//EN"]
    for block in blocks:
        lines.extend(block)
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


_TZID_PARAM = re.compile(r';TZID=("[^"]*"|[^;:]*)', re.I)


def tzids(block: list[str]) -> list[str]:
    """The TZIDs a block's properties name, in order, each once."""
    found: dict[str, None] = {}
    for line in block:
        head = line.partition(":")[0]
        for match in _TZID_PARAM.finditer(head):
            found[clean_line(match.group(1).strip('"'))] = None
    return list(found)


def block_field(block: list[str], name: str) -> str:
    for line in block[1:]:
        head, _, value = line.partition(":")
        if head.split(";", 1)[0].strip().upper() == name:
            return clean_line(value)
    return ""
