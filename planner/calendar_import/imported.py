"""What reading a calendar yields (events, what was skipped, notes) and the limits a read
keeps to."""

from __future__ import annotations

from datetime import datetime

import msgspec

from planner.config import EventKind
from planner.errors import PlannerError

MAX_OCCURRENCES = 2000
"""A series with more occurrences than this in the import range is skipped."""

MAX_EVENTS_PER_IMPORT = 20_000
"""One import keeps at most this many events: a busy executive has a few thousand a year.
A series that would go past it is skipped and reported, and the report says the limit
was reached (1,000 daily series once made a 161 MB planner.json)."""

MAX_COUNTED = 20_000
"""A dense series with a COUNT above this cannot be skipped ahead (COUNT counts from its
first instance) and is refused rather than walked from its start."""

MAX_DESCRIPTION = 4000
"""Descriptions (often long Teams/Zoom boilerplate) are cut to this many characters."""

MAX_REPORTED_NOTES = 10

MAX_ATTENDEES = 40
"""An all-hands invites hundreds; the event view shows the first forty."""

NO_TITLE = "(no title)"


class ImportCancelled(PlannerError):
    """The import was cancelled (the dashboard quit while it ran): nothing was written."""

    def __init__(self) -> None:
        super().__init__("the import was cancelled; nothing was imported")


class NotICalendar(Exception):
    """The data is not an iCalendar file at all; `reason` says why, for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ImportedEvent(msgspec.Struct, frozen=True, kw_only=True):
    """One occurrence read from a calendar, before it becomes a stored Event."""

    uid: str
    recurrence_id: str | None
    """None for a single event; the instance's id within its series otherwise."""
    title: str
    start: datetime
    end: datetime
    all_day: bool
    kind: EventKind
    with_ea: bool
    interruptible: bool | None
    location: str
    description: str
    attendees: tuple[str, ...] = ()
    """The organizer and attendees (rooms left out), "Name <address>", at most MAX_ATTENDEES."""


class Skipped(msgspec.Struct, frozen=True, kw_only=True):
    """An event (or series) that could not be imported, and why."""

    uid: str
    """The UID as written in the file; empty when it has none."""
    summary: str
    reason: str


class CalendarRead(msgspec.Struct, frozen=True, kw_only=True):
    """What one file yielded: events in the range, what was skipped, notes for the user."""

    events: tuple[ImportedEvent, ...]
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...] = ()
    cancelled: int = 0
    """Occurrences in the range marked STATUS:CANCELLED: not imported, so never blocking."""
    outside: int = 0
    """Events (a series counts once) with no occurrence in the import range."""
    name: str = ""
    """The calendar's own name (X-WR-CALNAME), cleaned; empty when it has none."""
