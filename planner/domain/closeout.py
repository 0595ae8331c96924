"""A close-out: the end-of-day review of one date and its saved summary."""

from __future__ import annotations

from typing import Annotated

import msgspec

from planner.domain.base import Instant, NonEmpty, Record

IsoDate = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class Closeout(Record, frozen=True, kw_only=True):
    """The record of one day's close-out."""

    id: NonEmpty
    date: IsoDate
    """The day reviewed (YYYY-MM-DD, executive's zone)."""
    closed: bool = False
    """True once the day is closed; a reopened day is False again."""
    closed_at: Instant | None = None
    notes: str = ""
    """The EA's free notes for the day (the desk's; with one executive, theirs)."""

    executive_notes: dict[str, str] = msgspec.field(default_factory=dict)
    """Notes about one executive's day, by executive id (several executives only)."""
    kept: tuple[str, ...] = ()
    """Follow-up ids whose promise the EA explicitly kept during the review."""
    summary: str = ""
    """The Markdown summary saved with the close-out."""
    next_workday: IsoDate | None = None
    """The workday the close-out looked ahead to (its "Tomorrow" step), set on closing."""
    due_next: tuple[str, ...] = ()
    """Follow-up ids whose promise fell due by the end of that workday, as seen on closing."""
    carried: tuple[str, ...] = ()
    """Brief ids still to tell the executive when the day closed."""
    morning_dismissed: bool = False
    """True once the EA dismissed the notes shown the next morning."""
