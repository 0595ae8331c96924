"""The end-of-day close-out of one date, as pure functions of (document, date, now).

`build_review` gathers the five steps of SPEC.md "End-of-day close-out" into a
`Review` (planner.closeout.steps); `keep`, `unkeep`, `close_day` and `reopen_day`
(planner.closeout.actions) return a new Document with that date's `Closeout` record
created or updated. A UI shows the steps of a `Review`, applies
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
  older escalation does not silence a promise that falls due later*, nor one
  re-promised after it: the customer was promised again, so only an answer to
  that promise counts*), or the
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
from datetime import datetime
from typing import TYPE_CHECKING

import msgspec
import pendulum

from planner.closeout.steps import (
    Address,
    Delivered,
    Done,
    DoneToday,
    Due,
    PromiseCheck,
    Review,
    StillOpen,
    StillToTell,
    Tomorrow,
)
from planner.config import executive_zone
from planner.day import events_on
from planner.domain import Brief, Closeout, FollowUp, LogEntry
from planner.domain.history import Standing, closed_at, moves, standing
from planner.domain.priority import rank
from planner.humanize import fmt
from planner.scheduling import next_workday, pack
from planner.scheduling.intervals import plain
from planner.scheduling.moments import day_bounds

if TYPE_CHECKING:
    from planner.domain.document import Document

_ADDRESSING_ACTIONS = frozenset({"resolved", "dropped", "escalated", "re-promised"})


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
    elif escalated is not None and (
        repromised is None or plain(escalated.at) >= plain(repromised.at)
    ):
        # An escalation answers the promise it found, not one made after it.
        how, how_entry = "escalated", escalated
    elif followup.id in kept:
        how = "kept"
    addressed_at = plain(first.at) if first is not None else ref
    answered: datetime | None = None
    if how_entry is not None:
        if how_entry.action == "re-promised" and how_entry.old_promise is not None:
            answered = plain(how_entry.old_promise)
        else:
            answered = standing(followup, how_entry.at).promise(how_entry.at)
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
        answered=_local(answered, tz) if answered is not None else None,
    )


__all__ = ["build_review", "day_label", "find_closeout"]
