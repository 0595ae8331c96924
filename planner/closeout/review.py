"""The end-of-day close-out of one date, as pure functions of (document, date, now).

`build_review` gathers the five steps of SPEC.md "End-of-day close-out"; `keep`,
`unkeep`, `close_day` and `reopen_day` return a new Document with that date's
`Closeout` record created or updated. A UI shows the steps of a `Review`, applies
an action (these, or the lifecycle's re-promise / resolve / escalate) and builds
the review again.

How the day is read (decisions where the spec is silent are marked *):

- The review looks at the day *as of* `min(now, end of the day)`: today as it
  stands now, a past day as it stood at its end (statuses and promises are
  reconstructed from the facts logs), so a later resolution does not erase a
  promise that was due that day.*
- Done today: follow-ups whose log has a `resolved` (or, separately, `dropped`)
  entry on the date, and briefs `delivered` on the date, in the executive's zone.
- Promises: every follow-up open during the day whose promise fell due on the
  date or earlier — the promise in force before anything was done about it that
  day, or the promise as it stands when nothing was. Each is addressed by, in
  this order: a resolution that day, a drop that day*, a re-promise that day
  (a `re-promised` log entry; the `promise-moved-by-wait` after waiting on the
  customer does not count*) whose new time is not already past, an escalation that day (an
  older escalation does not silence a promise that falls due later*), or the
  EA's explicit keep (the id is in the close-out's `kept`).
- A follow-up waiting on the customer has its promise clock paused: it needs no
  decision (and is not among tomorrow's promises) unless its promise was already
  broken when the wait began.*
- Every other follow-up open at that time is listed too (`Review.still_open`):
  waiting (on whom, since when, for what, where a paused promise now stands),
  in progress, escalated, due later. Nothing open is missing from a close-out.
  Each promise shown is the current one, with the day's moves that led to it.
- Done today is one list in time order (`DoneToday.in_order`).
- Broken: the promise passed before it was addressed, or it is past now.
- Every listed promise must be addressed before the day closes, broken or not:
  a promise due at 17:00 closed at 16:00 is explicitly kept or moved.*
- Still to tell the executive: the briefs undelivered at that time, packed into
  the next workday's good moments as of its start.
- Tomorrow means the next workday; its promises include any that fall due in
  between (a weekend), so none is skipped.*
- A day can be closed only once it has begun*, closing a closed day again
  rewrites its record, and a reopened day keeps its notes and last summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Literal

import msgspec
import pendulum

from planner.config import executive_zone
from planner.day import events_on
from planner.domain import Brief, Closeout, Event, FollowUp, LogEntry
from planner.domain.base import new_id
from planner.domain.history import Standing, closed_at, moves, standing
from planner.domain.lifecycle import find
from planner.domain.priority import rank
from planner.errors import InputError
from planner.humanize import fmt
from planner.scheduling import GoodMoment, Placement, next_workday, pack
from planner.scheduling.intervals import plain
from planner.scheduling.moments import day_bounds
from planner.text import clean_line, clean_text

if TYPE_CHECKING:
    from planner.domain.document import Document

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

_CLOSING_ACTIONS = frozenset({"resolved", "dropped"})
_ADDRESSING_ACTIONS = frozenset({"resolved", "dropped", "escalated", "re-promised"})


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

    @property
    def is_addressed(self) -> bool:
        return self.addressed is not None


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


# -- the review ----------------------------------------------------------------


def build_review(document: Document, date: pendulum.Date, now: datetime) -> Review:
    """The close-out review of `date` (executive's zone) as seen at `now`."""
    tz = executive_zone(document.settings)
    local_now = pendulum.instance(now).in_tz(tz)
    low, high = day_bounds(date, tz)
    start, end = plain(low), plain(high)
    ref = min(plain(now), end)
    record = find_closeout(document, date)
    kept = record.kept if record is not None else ()

    tomorrow_date = next_workday(document.settings, date) or date.add(days=1)
    tomorrow_end = plain(day_bounds(tomorrow_date, tz)[1])

    resolved: list[Done] = []
    dropped: list[Done] = []
    checks: list[PromiseCheck] = []
    still_open: list[StillOpen] = []
    due_tomorrow: list[Due] = []
    for followup in document.followups:
        if plain(followup.created) > ref:
            continue
        if not followup.is_open and plain(followup.updated) < start:
            continue  # settled before the day began: the common case in five years of data
        closed = closed_at(followup)
        if closed is not None and closed < start:
            continue
        for entry in _entries(followup, start, ref):
            if entry.action == "resolved" or entry.action == "dropped":
                done = Done(
                    followup=followup, at=_local(entry.at, tz), text=entry.text, action=entry.action
                )
                (resolved if entry.action == "resolved" else dropped).append(done)
        check = _check(followup, closed, start, end, ref, kept, tz)
        if check is not None:
            checks.append(check)
        if closed is None or closed > ref:
            state = standing(followup, ref)
            promise = state.promise(ref)
            if end <= promise < tomorrow_end and not state.paused:
                due_tomorrow.append(Due(followup=followup, promise=_local(promise, tz)))
            if check is None:
                still_open.append(
                    StillOpen(
                        followup=followup,
                        state=state,
                        current=_local(promise, tz),
                        moves=moves(followup, start, ref),
                    )
                )

    delivered = [
        Delivered(brief=b, at=_local(b.delivered, tz))
        for b in document.briefs
        if b.delivered is not None and start <= plain(b.delivered) <= ref
    ]
    queue = [
        msgspec.structs.replace(b, delivered=None, dropped=None) if not b.queued else b
        for b in document.briefs
        if plain(b.created) <= ref and _queued_at(b, ref)
    ]
    tomorrow_start = day_bounds(tomorrow_date, tz)[0]
    packing = pack(
        queue,
        document.events,
        document.windows,
        document.settings,
        tomorrow_date,
        tomorrow_start,
        tz=tz,
    )

    checks.sort(key=lambda c: (not c.broken, c.is_addressed, c.promise, _order(c.followup)))
    due_tomorrow.sort(key=lambda d: (d.promise, _order(d.followup)))
    still_open.sort(key=lambda o: (o.current, _order(o.followup)))
    return Review(
        date=date,
        timezone=tz,
        now=local_now,
        as_of=_local(ref, tz),
        done=DoneToday(
            resolved=tuple(sorted(resolved, key=lambda d: d.at)),
            delivered=tuple(sorted(delivered, key=lambda d: d.at)),
            dropped=tuple(sorted(dropped, key=lambda d: d.at)),
        ),
        promises=tuple(checks),
        still_open=tuple(still_open),
        still_to_tell=StillToTell(date=tomorrow_date, placements=packing.placements),
        tomorrow=Tomorrow(
            date=tomorrow_date,
            events=events_on(document.events, tomorrow_date, tz),
            first_moment=packing.slots[0].moment if packing.slots else None,
            promises=tuple(due_tomorrow),
        ),
        notes=record.notes if record is not None else "",
        kept=kept,
        closed_at=(
            _local(record.closed_at, tz)
            if record is not None and record.closed and record.closed_at is not None
            else None
        ),
        record_id=record.id if record is not None else None,
    )


def find_closeout(document: Document, date: pendulum.Date) -> Closeout | None:
    """The Closeout record of `date`, if the day was ever reviewed."""
    iso = date.isoformat()
    for record in document.closeouts:
        if record.date == iso:
            return record
    return None


def day_label(date: pendulum.Date) -> str:
    """`Monday 23 November 2026`."""
    return fmt(date, "dddd D MMMM YYYY")


# -- actions -------------------------------------------------------------------


def keep(document: Document, date: pendulum.Date, followup_id: str, now: datetime) -> Document:
    """Explicitly keep the promise of `followup_id` (id or unique prefix) as it stands."""
    review = build_review(document, date, now)
    _require_changeable(review)
    followup = find(document.followups, followup_id, "follow-up")
    if not any(c.followup.id == followup.id for c in review.promises):
        raise InputError(
            f"{followup.id} ({clean_line(followup.customer)}) has no promise due by the end of "
            f"{day_label(date)}: there is nothing to keep"
        )
    record = _record_for(document, date)
    if followup.id in record.kept:
        return document
    return _put(document, msgspec.structs.replace(record, kept=(*record.kept, followup.id)))


def unkeep(document: Document, date: pendulum.Date, followup_id: str, now: datetime) -> Document:
    """Undo `keep`: the promise needs addressing again (nothing changes if it was not kept)."""
    review = build_review(document, date, now)
    _require_changeable(review)
    record = find_closeout(document, date)
    if record is None:
        return document
    followup = find(document.followups, followup_id, "follow-up")
    if followup.id not in record.kept:
        return document
    kept = tuple(k for k in record.kept if k != followup.id)
    return _put(document, msgspec.structs.replace(record, kept=kept))


def close_day(
    document: Document, date: pendulum.Date, notes: str, summary: str, now: datetime
) -> Document:
    """Mark the day closed with its notes and Markdown summary.

    Refused (ClosingRefused, an InputError) while a promise due that day or
    earlier is not addressed; the message names each one.
    """
    review = build_review(document, date, now)
    _require_begun(review)
    blocking = review.unaddressed()
    if blocking:
        raise ClosingRefused(_refusal(review, blocking), blocking)
    record = _record_for(document, date)
    closed = msgspec.structs.replace(
        record,
        closed=True,
        closed_at=plain(pendulum.instance(now).in_tz(review.timezone)),
        notes=clean_text(notes),
        summary=summary,
        next_workday=review.tomorrow.date.isoformat(),
        due_next=tuple(d.followup.id for d in review.tomorrow.promises),
        carried=tuple(p.brief.id for p in review.still_to_tell.placements),
        morning_dismissed=False,
    )
    return _put(document, closed)


def reopen_day(document: Document, date: pendulum.Date, now: datetime) -> Document:
    """Reopen a closed day: its notes, kept promises and last summary stay."""
    record = find_closeout(document, date)
    if record is None or not record.closed:
        raise InputError(f"{day_label(date)} is not closed: there is nothing to reopen")
    return _put(document, msgspec.structs.replace(record, closed=False, closed_at=None))


# -- helpers -------------------------------------------------------------------


def _require_begun(review: Review) -> None:
    if review.date > review.now.date():
        raise InputError(f"{day_label(review.date)} has not begun yet: it cannot be closed")


def _require_changeable(review: Review) -> None:
    _require_begun(review)
    if review.closed:
        raise InputError(f"{day_label(review.date)} is closed: reopen it first")


def _refusal(review: Review, blocking: tuple[PromiseCheck, ...]) -> str:
    count = len(blocking)
    noun = "promise is" if count == 1 else "promises are"
    lines = [f"cannot close {day_label(review.date)}: {count} {noun} not addressed"]
    for check in blocking:
        f = check.followup
        who = clean_line(f.customer) + (
            f" ({clean_line(f.organization)})" if f.organization else ""
        )
        state = "broken" if check.broken else "due"
        when = _short(check.current or check.promise, review.date)
        lines.append(f"  {f.id}  {who} — {clean_line(f.summary)}: {state}, promised {when}")
        commands = commands_for(f.id, review)
        lines.append("    " + " · ".join(commands[:2]))
        lines.append("    " + " · ".join(commands[2:]))
    # Keeps given with the refused --close were not saved either: the command repeats them.
    ids = dict.fromkeys([*review.kept, *(c.followup.id for c in blocking)])
    keeps = " ".join(f"--keep {i}" for i in ids)
    lines.append(
        f"or keep them as they stand: ea-planner closeout{_day_option(review)} {keeps} --close"
    )
    return "\n".join(lines)


def commands_for(followup_id: str, review: Review) -> tuple[str, ...]:
    """The shell commands that address an unaddressed promise of the review, ids filled in."""
    return (
        f'ea-planner promise {followup_id} "tomorrow 10am"',
        f"ea-planner closeout{_day_option(review)} --keep {followup_id}",
        f'ea-planner resolve {followup_id} "how it was solved"',
        f"ea-planner escalate {followup_id}",
        f'ea-planner drop {followup_id} "why"',
    )


def _day_option(review: Review) -> str:
    return "" if review.date == review.now.date() else f" --date {review.date.isoformat()}"


def _short(moment: pendulum.DateTime, date: pendulum.Date) -> str:
    return fmt(moment, "HH:mm") if moment.date() == date else fmt(moment, "ddd D MMM HH:mm")


def _record_for(document: Document, date: pendulum.Date) -> Closeout:
    return find_closeout(document, date) or Closeout(id=new_id("c"), date=date.isoformat())


def _put(document: Document, record: Closeout) -> Document:
    records = document.closeouts
    if any(r.id == record.id for r in records):
        records = tuple(record if r.id == record.id else r for r in records)
    else:
        records = (*records, record)
    return msgspec.structs.replace(document, closeouts=records)


def _local(moment: datetime, tz: str) -> pendulum.DateTime:
    return pendulum.instance(moment).in_tz(tz)


def _order(followup: FollowUp) -> tuple[int, datetime, str]:
    return rank(followup.priority), plain(followup.created), followup.id


def _entries(followup: FollowUp, start: datetime, ref: datetime) -> Iterable[LogEntry]:
    """The log entries from `start` up to `ref` (both included)."""
    return (e for e in followup.log if start <= plain(e.at) <= ref)


def _passed_before(followup: FollowUp, entry: LogEntry) -> bool:
    """The promise in force when `entry` addressed it had already passed."""
    at = plain(entry.at)
    if entry.action == "re-promised" and entry.old_promise is not None:
        return plain(entry.old_promise) < at
    return standing(followup, at).promise(at) < at


def _queued_at(brief: Brief, at: datetime) -> bool:
    """The brief was in the queue at `at`: not yet delivered nor dropped then."""
    ended = brief.delivered or brief.dropped
    return ended is None or plain(ended) > at


def _check(
    followup: FollowUp,
    closed: datetime | None,
    start: datetime,
    end: datetime,
    ref: datetime,
    kept: tuple[str, ...],
    tz: str,
) -> PromiseCheck | None:
    """The promise check of one follow-up, or None when no promise of it fell due."""
    actions = [e for e in _entries(followup, start, ref) if e.action in _ADDRESSING_ACTIONS]
    open_at_ref = closed is None or closed > ref
    current: datetime | None = None
    paused = False
    state: Standing | None = None
    if open_at_ref:
        state = standing(followup, ref)
        current, paused = state.promise(ref), state.paused
    first = actions[0] if actions else None
    if first is None:
        if current is None or (paused and current >= ref):
            return None
        due = current
    elif first.action == "re-promised" and first.old_promise is not None:
        due = plain(first.old_promise)
    else:
        due = standing(followup, first.at).promise(first.at)
    current_due = current is not None and current < end and not (paused and current >= ref)
    if not (due < end or current_due):
        return None

    def last(action: str) -> LogEntry | None:
        found = [e for e in actions if e.action == action]
        return found[-1] if found else None

    how: Address | None = None
    how_entry: LogEntry | None = None
    resolved, dropped = last("resolved"), last("dropped")
    repromised, escalated = last("re-promised"), last("escalated")
    if resolved is not None:
        how, how_entry = "resolved", resolved
    elif dropped is not None:
        how, how_entry = "dropped", dropped
    elif repromised is not None and current is not None and current >= ref:
        how, how_entry = "re-promised", repromised
    elif escalated is not None:
        how, how_entry = "escalated", escalated
    elif followup.id in kept:
        how = "kept"
    addressed_at = plain(first.at) if first is not None else ref
    # Broken if any promise of the day passed before something was done about it: the
    # first one, one re-promised after it passed, or the one standing now.
    broken = (
        due < addressed_at
        or any(_passed_before(followup, e) for e in actions)
        or (current is not None and current < ref)
    )
    return PromiseCheck(
        followup=followup,
        promise=_local(due, tz),
        broken=broken,
        addressed=how,
        addressed_at=_local(how_entry.at, tz) if how_entry is not None else None,
        current=_local(current, tz) if current is not None else None,
        text=how_entry.text if how_entry is not None else "",
        state=state,
        moves=moves(followup, start, ref),
    )


__all__ = [
    "STEPS",
    "Address",
    "ClosingRefused",
    "Delivered",
    "Done",
    "DoneToday",
    "Due",
    "PromiseCheck",
    "Review",
    "StillOpen",
    "StillToTell",
    "Tomorrow",
    "build_review",
    "close_day",
    "commands_for",
    "day_label",
    "find_closeout",
    "keep",
    "reopen_day",
    "unkeep",
]
