"""Merge one calendar's imported events into the document: idempotent, and local to it.

An imported event is matched to a stored one by (calendar, UID, recurrence id).
- A match keeps its id. Title, times, all-day flag, location, description and attendees
  follow the file. Kind, with_ea and interruptible follow the file too, unless
  the EA classified the event by hand (`kind_by_hand`): then all three stay.
- A stored event of this calendar that the file no longer has is removed only
  when it overlaps the imported range: history outside the range is kept.
- Events added by hand (calendar None) and other calendars are never touched.
- When nothing changes the very same Document is returned, so the store skips
  the write and the file on disk stays byte-identical.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, NamedTuple

import msgspec

from planner.calendar_import.imported import ImportedEvent
from planner.domain import Event
from planner.domain.base import new_id
from planner.domain.document import Document

Key = tuple[str | None, str | None]
"""(UID, recurrence id) within one calendar."""


class MergeCounts(NamedTuple):
    """What a merge did to the document."""

    added: int
    updated: int
    removed: int


def _new_event_id() -> str:
    return new_id("e")


def merge_calendar(
    document: Document,
    calendar: str,
    imported: Iterable[ImportedEvent],
    *,
    start: datetime,
    end: datetime,
    make_id: Callable[[], str] = _new_event_id,
    ids: Mapping[Key, str] | None = None,
    executive: str = "",
) -> tuple[Document, MergeCounts]:
    """The document with `calendar`'s events in [start, end) replaced by `imported`; a new
    event's id is `ids[(uid, recurrence id)]` when given there, else `make_id()`. They are
    the schedule of the executive of that id ("" = the first)."""
    incoming: dict[Key, ImportedEvent] = {}
    for item in imported:
        incoming.setdefault((item.uid, item.recurrence_id), item)

    kept: list[Event] = []
    claimed: set[Key] = set()
    updated = removed = 0
    for event in document.events:
        if event.calendar != calendar:
            kept.append(event)
            continue
        key = (event.uid, event.recurrence_id)
        match = None if key in claimed else incoming.get(key)
        if match is None:
            if overlaps(event, start, end):
                removed += 1
            else:
                kept.append(event)
            continue
        claimed.add(key)
        refreshed = refresh(event, match, executive)
        if refreshed is not event:
            updated += 1
        kept.append(refreshed)

    added = [
        new_event(item, calendar, (ids or {}).get(key) or make_id(), executive)
        for key, item in incoming.items()
        if key not in claimed
    ]
    counts = MergeCounts(len(added), updated, removed)
    if not (added or updated or removed):
        return document, counts
    added.sort(key=lambda e: (e.start, e.end, e.title))
    return msgspec.structs.replace(document, events=(*kept, *added)), counts


def overlaps(event: Event, start: datetime, end: datetime) -> bool:
    """Whether the event lies at least partly in [start, end) (zero-length: starts in it)."""
    if event.start >= end:
        return False
    return event.end > start or event.start >= start


def new_event(item: ImportedEvent, calendar: str, event_id: str, executive: str = "") -> Event:
    """A stored event for an imported one that has no match yet."""
    return Event(
        id=event_id,
        executive=executive,
        title=item.title,
        start=item.start,
        end=item.end,
        all_day=item.all_day,
        kind=item.kind,
        interruptible=item.interruptible,
        with_ea=item.with_ea,
        location=item.location,
        description=item.description,
        attendees=item.attendees,
        calendar=calendar,
        uid=item.uid,
        recurrence_id=item.recurrence_id,
    )


def refresh(event: Event, item: ImportedEvent, executive: str | None = None) -> Event:
    """`event` brought up to date with the file (and, when given, with the executive whose
    calendar it is), or the same object when nothing changed."""
    changes: dict[str, Any] = {}
    if executive is not None and event.executive != executive:
        changes["executive"] = executive
    for name in ("title", "all_day", "location", "description", "attendees"):
        if getattr(event, name) != getattr(item, name):
            changes[name] = getattr(item, name)
    for name in ("start", "end"):
        if not same_time(getattr(event, name), getattr(item, name)):
            changes[name] = getattr(item, name)
    if not event.kind_by_hand:
        for name in ("kind", "with_ea", "interruptible"):
            if getattr(event, name) != getattr(item, name):
                changes[name] = getattr(item, name)
    if not changes:
        return event
    return msgspec.structs.replace(event, **changes)


def same_time(a: datetime, b: datetime) -> bool:
    """The same instant written with the same UTC offset (a new zone setting rewrites it).

    Compared as wall-clock time plus offset: Python never finds an ambiguous time
    (the repeated hour when clocks go back) equal to one in another tzinfo.
    """
    return a.utcoffset() == b.utcoffset() and a.replace(tzinfo=None) == b.replace(tzinfo=None)
