"""Events by hand: add, change and delete one (an import merges a calendar: calendars.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import msgspec

from planner.config import EventKind
from planner.domain import Event
from planner.domain.base import new_id
from planner.domain.document import Document
from planner.domain.lifecycle import NotFoundError
from planner.errors import InputError
from planner.text import clean_line


def make_event(
    *,
    title: str,
    start: datetime,
    end: datetime,
    all_day: bool = False,
    kind: EventKind = "meeting",
    kind_by_hand: bool = False,
    interruptible: bool | None = None,
    with_ea: bool = False,
    location: str = "",
    executive: str = "",
) -> Event:
    """A new event added by hand to the schedule of the executive of id `executive` ("" =
    the first), checked: a title, and an end after the start."""
    title = clean_line(title)
    if not title:
        raise InputError("the title is empty")
    if end <= start:
        raise InputError(
            f"the event must end after it starts ({start:%Y-%m-%d %H:%M} → {end:%Y-%m-%d %H:%M})"
        )
    return Event(
        id=new_id("e"),
        executive=executive,
        title=title,
        start=start,
        end=end,
        all_day=all_day,
        kind=kind,
        kind_by_hand=kind_by_hand,
        interruptible=interruptible,
        with_ea=with_ea,
        location=clean_line(location),
    )


def new_event(document: Document, event: Event) -> tuple[Document, Event]:
    """The document with `event` (from `make_event`) on the schedule."""
    return msgspec.structs.replace(document, events=(*document.events, event)), event


def find_event(document: Document, event_id: str) -> Event:
    """The event `event_id`; NotFoundError naming where the ids are listed if none."""
    for event in document.events:
        if event.id == event_id:
            return event
    raise NotFoundError(
        f"no event with id {event_id!r}; `ea-planner event list` shows the ids", "event"
    )


def change_event(
    document: Document, event_id: str, change: Callable[[Event], Event]
) -> tuple[Document, Event]:
    """The document with `change` applied to the event `event_id`; the changed event."""
    existing = find_event(document, event_id)
    changed = change(existing)
    events = tuple(changed if e.id == existing.id else e for e in document.events)
    return msgspec.structs.replace(document, events=events), changed


def delete_event(document: Document, event_id: str) -> tuple[Document, Event]:
    """The document without the event `event_id`; the event deleted."""
    gone = find_event(document, event_id)
    events = tuple(e for e in document.events if e.id != gone.id)
    return msgspec.structs.replace(document, events=events), gone
