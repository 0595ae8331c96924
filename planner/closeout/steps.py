"""What the close-out review of one day holds, step by step: the values `build_review`
returns and the UI and the Markdown summary show."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

import pendulum

from planner.domain import Brief, Event, FollowUp, LogEntry
from planner.domain.history import Standing
from planner.errors import InputError
from planner.scheduling import GoodMoment, Placement
from planner.text import clean_text

Address = Literal["resolved", "dropped", "re-promised", "escalated", "kept"]
"""How a promise that fell due was addressed during the review."""

STEPS: tuple[str, ...] = (
    "Done today",
    "Promises",
    "Still to tell the executive",
    "Tomorrow",
    "Notes",
)
"""The titles of the five steps, in order (screens and Markdown headings)."""


@dataclass(frozen=True)
class Done:
    """A follow-up resolved or dropped on the day: when, and the resolution or the reason."""

    followup: FollowUp
    at: pendulum.DateTime
    text: str
    action: Literal["resolved", "dropped"] = "resolved"


@dataclass(frozen=True)
class Delivered:
    """A brief told to the executive on the day."""

    brief: Brief
    at: pendulum.DateTime


@dataclass(frozen=True)
class DoneToday:
    """Step 1: what was finished on the day, each list oldest first."""

    resolved: tuple[Done, ...] = ()
    delivered: tuple[Delivered, ...] = ()
    dropped: tuple[Done, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.resolved or self.delivered or self.dropped)

    @property
    def in_order(self) -> tuple[Done | Delivered, ...]:
        """Everything finished on the day, in time order."""
        items: list[Done | Delivered] = [*self.resolved, *self.delivered, *self.dropped]
        return tuple(sorted(items, key=lambda item: item.at))


@dataclass(frozen=True)
class PromiseCheck:
    """Step 2: one promise that fell due on the day or earlier, and how it was addressed."""

    followup: FollowUp
    """The follow-up as it is in the document now."""
    promise: pendulum.DateTime
    """The promise that fell due: the one in force before it was addressed (executive's zone)."""
    broken: bool
    """The promise passed before it was addressed, or it is past and still stands."""
    addressed: Address | None = None
    """How it was addressed; None blocks closing the day."""
    addressed_at: pendulum.DateTime | None = None
    """When it was resolved, dropped, re-promised or escalated (None when kept)."""
    current: pendulum.DateTime | None = None
    """The promise as it stands at the review's time (the new one after a re-promise);
    None once the follow-up is resolved or dropped."""
    text: str = ""
    """The resolution, the drop reason, or the note of the re-promise or escalation."""
    state: Standing | None = None
    """Where the follow-up stands at the review's time; None once resolved or dropped."""
    moves: tuple[LogEntry, ...] = ()
    """The day's promise moves (re-promises, moves after a customer wait), oldest first."""
    answered: pendulum.DateTime | None = None
    """The promise the answer was given to: the one in force when it was resolved, dropped,
    escalated or re-promised (a re-promise's old promise); None when kept or unanswered."""

    @property
    def is_addressed(self) -> bool:
        return self.addressed is not None

    @property
    def facing(self) -> pendulum.DateTime:
        """The promise this check is about, as a row shows it: the one the answer was
        given to, else the one standing now (a re-promise that broke again: the new one),
        so "broken" always names the time that broke."""
        return self.answered or self.current or self.promise


@dataclass(frozen=True)
class StillOpen:
    """Step 2, the rest: an open follow-up with no promise due that day, as it stands."""

    followup: FollowUp
    state: Standing
    """Status, wait (on whom, since when, for what) and escalation at the review's time."""
    current: pendulum.DateTime
    """The promise as it stands (a paused one: where the pause has moved it so far)."""
    moves: tuple[LogEntry, ...] = ()
    """The day's promise moves, oldest first."""


@dataclass(frozen=True)
class StillToTell:
    """Step 3: the undelivered briefs, carried to the next workday's good moments."""

    date: pendulum.Date
    """The workday they are carried to."""
    placements: tuple[Placement, ...] = ()
    """One per undelivered brief, in queue order: where it lands, or why it does not."""


@dataclass(frozen=True)
class Due:
    """An open follow-up and its promise."""

    followup: FollowUp
    promise: pendulum.DateTime


@dataclass(frozen=True)
class Tomorrow:
    """Step 4: the next workday."""

    date: pendulum.Date
    events: tuple[Event, ...] = ()
    """The executive's schedule that day, all-day events first, then by start."""
    first_moment: GoodMoment | None = None
    """The first good moment of the day, if there is one."""
    promises: tuple[Due, ...] = ()
    """Promises falling due after the reviewed day up to the end of this one, earliest first."""


@dataclass(frozen=True)
class Review:
    """The close-out review of one date, step by step (see STEPS)."""

    date: pendulum.Date
    timezone: str
    """The executive's zone: every time of the review is in it."""
    now: pendulum.DateTime
    as_of: pendulum.DateTime
    """The time the day is looked at: now for today, the end of the day for a past day."""
    done: DoneToday
    promises: tuple[PromiseCheck, ...]
    """Broken ones first, then unaddressed before addressed, then by promise."""
    still_open: tuple[StillOpen, ...]
    """Every other follow-up open at `as_of`, by current promise."""
    still_to_tell: StillToTell
    tomorrow: Tomorrow
    notes: str = ""
    """Step 5: the EA's free notes for the day."""
    kept: tuple[str, ...] = ()
    """Ids of follow-ups whose promise the EA explicitly kept."""
    closed_at: pendulum.DateTime | None = None
    """When the day was closed; None while it is open (or reopened)."""
    record_id: str | None = None
    """The id of the day's Closeout record, once there is one."""

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    def unaddressed(self) -> tuple[PromiseCheck, ...]:
        """The promises that block closing the day, broken ones first."""
        return tuple(p for p in self.promises if not p.is_addressed)

    @property
    def can_close(self) -> bool:
        return not self.unaddressed()

    def closing(self, notes: str, at: datetime) -> Review:
        """The review as it will be saved when the day is closed at `at` with `notes`."""
        return replace(
            self, notes=clean_text(notes), closed_at=pendulum.instance(at).in_tz(self.timezone)
        )


class ClosingRefused(InputError):
    """The day cannot be closed: some promises are not addressed (exit status 2)."""

    def __init__(self, message: str, unaddressed: tuple[PromiseCheck, ...]) -> None:
        super().__init__(message)
        self.unaddressed = unaddressed
