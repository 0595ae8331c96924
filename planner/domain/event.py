"""An event: one item of the executive's schedule, by hand or from an .ics import."""

from __future__ import annotations

from planner.config import EventKind
from planner.domain.base import Instant, NonEmpty, Record


class Event(Record, frozen=True, kw_only=True):
    """A meeting, call, travel, focus time, personal time, one-on-one or hold."""

    id: NonEmpty
    executive: str = ""
    """The id of the executive whose schedule it is ("" = the desk's first executive)."""
    title: str
    start: Instant
    end: Instant
    all_day: bool = False
    """All-day events start and end at midnight in the executive's zone and block nothing."""
    kind: EventKind = "meeting"
    kind_by_hand: bool = False
    """True when the EA chose the kind: a re-import keeps it."""
    interruptible: bool | None = None
    """Overrides the kind's rule when set (e.g. a meeting the executive may leave)."""
    with_ea: bool = False
    """A one-on-one with the EA: a good moment for the whole brief queue."""
    location: str = ""
    description: str = ""
    attendees: tuple[str, ...] = ()
    """Who is invited, "Name <address>" (imports only; the organizer first)."""
    calendar: str | None = None
    """The imported calendar it came from; None for events added by hand."""
    uid: str | None = None
    """iCalendar UID (imports only)."""
    recurrence_id: str | None = None
    """iCalendar RECURRENCE-ID of this instance of a series (imports only)."""
