"""The parsed events of each CalDAV object, kept by href and ETag: a sync parses only what changed.

A CalDAV calendar is a folder of objects (one event, or one series with its
moved instances, each). Parsing is most of a sync's work (a few ms an object),
so the events read from each object are kept in `sync/<key>.parsed.json`
beside the fetched objects, and an object is parsed again only when:

- it is new, or its ETag or its data changed (a sync-token delta or a
  time-range REPORT says so);
- what the reading depends on changed: the parser (the source of
  planner/calendar_import and the versions of the iCalendar libraries), the
  subscription's URL, the executive's zone, or the names that recognise a
  one-on-one (the EA's and the executive's). Any of these drops the whole
  cache;
- the import window moved (a new day) and the object's reading depends on it:
  a series (its occurrences are expanded in the window), an event that was
  cancelled, skipped or outside the window, or one that does not lie wholly in
  the new window. A single event wholly inside both windows reads the same, so
  it is kept: a new day parses the series and the window's edges, not the year.

The cache is keyed by the calendar's name and checked against a digest of its
URL (never the URL itself, which may hold a secret address): it holds the
events as they would be merged, and nothing else. Losing it costs one parse.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import UTC
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from planner.calendar_import.imported import (
    MAX_EVENTS_PER_IMPORT,
    CalendarRead,
    ImportedEvent,
    Skipped,
)

if TYPE_CHECKING:
    from planner.calendar_import.importer import Window
    from planner.calendar_import.kinds import People
    from planner.storage import Store
    from planner.sync.caldav_source import CalendarObject

PARSED_CACHE = ".parsed.json"
FORMAT = 1
"""Bumped when the cache file's own shape changes."""
LIBRARIES = ("icalendar", "recurring-ical-events", "x-wr-timezone")


class ObjectRead(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """What one object yielded, as `read_ics` says it."""

    tag: str
    """The object's ETag and a digest of its data: both must match to reuse the read."""
    events: tuple[ImportedEvent, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()
    cancelled: int = 0
    outside: int = 0


class ParsedCache(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    context: str = ""
    """Digest of what every read depends on but the window (see the module doc)."""
    window: tuple[str, str] = ("", "")
    """The import window every read below was made for."""
    objects: dict[str, ObjectRead] = msgspec.field(default_factory=dict)


class ObjectsRead(msgspec.Struct, frozen=True, kw_only=True):
    """The calendar read from its objects, and how many objects had to be parsed."""

    read: CalendarRead
    parsed: int
    objects: int


class NotCalendarObject(Exception):
    """An object the server sent is not iCalendar; `reason` says which and why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_objects(
    store: Store,
    name: str,
    url: str,
    objects: Mapping[str, CalendarObject],
    window: Window,
    people: People,
) -> ObjectsRead:
    """The events of `objects` in `window`, parsing only the objects the cache cannot answer
    for; the cache is written back. Raises NotCalendarObject."""
    from planner.calendar_import.imported import NotICalendar
    from planner.calendar_import.reader import read_ics
    from planner.storage.syncstate import read_cache, write_cache

    context = _context(url, window.zone_name, people)
    span = (window.start.isoformat(), window.end.isoformat())
    cached = _load(read_cache(store, name, PARSED_CACHE))
    if cached.context != context:
        cached = ParsedCache()
    same_window = cached.window == span
    reads: dict[str, ObjectRead] = {}
    parsed = 0
    for href, obj in objects.items():
        tag = _tag(obj)
        old = cached.objects.get(href)
        if old is not None and old.tag == tag and (same_window or _fits(old, window)):
            reads[href] = old
            continue
        try:
            read = read_ics(
                obj.data.encode("utf-8"),
                zone=window.zone,
                start=window.start,
                end=window.end,
                people=people,
            )
        except NotICalendar as exc:
            raise NotCalendarObject(f"{href} is not iCalendar: {exc.reason}") from None
        parsed += 1
        reads[href] = ObjectRead(
            tag=tag,
            events=read.events,
            skipped=read.skipped,
            notes=read.notes,
            cancelled=read.cancelled,
            outside=read.outside,
        )
    combined = combine(reads.values(), window)
    if combined is None:
        # Past the import's limit: read the whole calendar at once, so the limit skips
        # the same series a single read would (and say so).
        from planner.calendar_import.importer import joined

        body = joined([obj.data.encode("utf-8") for obj in objects.values()])
        combined = read_ics(
            body, zone=window.zone, start=window.start, end=window.end, people=people
        )
        parsed = len(objects)
    fresh = ParsedCache(context=context, window=span, objects=reads)
    if fresh != cached:
        write_cache(store, name, PARSED_CACHE, msgspec.json.encode(fresh))
    return ObjectsRead(read=combined, parsed=parsed, objects=len(objects))


def combine(reads: Iterable[ObjectRead], window: Window) -> CalendarRead | None:
    """The objects' reads as one calendar's, as reading them together would give;
    None when together they pass MAX_EVENTS_PER_IMPORT."""
    from planner.calendar_import.imported import MAX_REPORTED_NOTES

    events: list[ImportedEvent] = []
    skipped: list[Skipped] = []
    notes: dict[str, None] = {}
    keys: set[tuple[str, str | None]] = set()
    cancelled = outside = 0
    for read in reads:
        skipped.extend(read.skipped)
        notes.update(dict.fromkeys(read.notes))
        cancelled += read.cancelled
        outside += read.outside
        for event in read.events:
            key = (event.uid, event.recurrence_id)
            if key in keys:
                skipped.append(
                    Skipped(
                        uid=event.uid,
                        summary=_short(event.title),
                        reason="another event has the same UID and RECURRENCE-ID",
                    )
                )
                continue
            keys.add(key)
            events.append(_in_zone(event, window))
        if len(events) > MAX_EVENTS_PER_IMPORT:
            return None
    return CalendarRead(
        events=tuple(events),
        skipped=tuple(skipped),
        notes=tuple(notes)[:MAX_REPORTED_NOTES],
        cancelled=cancelled,
        outside=outside,
    )


def _fits(read: ObjectRead, window: Window) -> bool:
    """Whether the object reads the same in `window` as in the window it was read in:
    single events only, each wholly inside the window, nothing cancelled, skipped or
    outside (those depend on where the window lies)."""
    if read.skipped or read.cancelled or read.outside:
        return False
    return all(
        event.recurrence_id is None and window.start <= event.start and event.end <= window.end
        for event in read.events
    )


def _in_zone(event: ImportedEvent, window: Window) -> ImportedEvent:
    """The event with its times in the executive's zone, as the reader gives them
    (decoded from the cache they carry a fixed offset)."""
    zone = window.zone
    if event.start.tzinfo is zone and event.end.tzinfo is zone:
        return event
    return msgspec.structs.replace(
        event,
        start=event.start.astimezone(UTC).astimezone(zone),
        end=event.end.astimezone(UTC).astimezone(zone),
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tag(obj: CalendarObject) -> str:
    return f"{obj.etag}|{hashlib.sha256(obj.data.encode('utf-8')).hexdigest()[:32]}"


def _load(raw: bytes | None) -> ParsedCache:
    if raw is None:
        return ParsedCache()
    try:
        return msgspec.json.decode(raw, type=ParsedCache)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return ParsedCache()


def _context(url: str, zone_name: str, people: People) -> str:
    parts = [
        f"format {FORMAT}",
        parser_version(),
        hashlib.sha256(url.encode("utf-8")).hexdigest(),
        zone_name,
        repr(people),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


@cache
def parser_version() -> str:
    """A digest of the reader's source and the iCalendar libraries' versions: a change to
    either may read the same object differently."""
    from importlib import metadata

    import planner.calendar_import as package

    digest = hashlib.sha256()
    root = Path(package.__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    text = Path(package.__file__).parents[1] / "text.py"
    digest.update(text.read_bytes())
    for library in LIBRARIES:
        try:
            digest.update(f"{library} {metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} -".encode())
    return digest.hexdigest()
