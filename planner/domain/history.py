"""A follow-up as it stood at any moment, replayed from its typed facts log.

The close-out looks at a past day as it stood at the day's end, and every view
explains where a promise came from; both read the log's actions and fields
(never its text). The lifecycle (planner.domain.lifecycle) writes the entries
replayed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import msgspec

from planner.domain.base import plain
from planner.domain.followup import PROMISE_MOVES, FollowUp, LogEntry, Status, WaitingOn


class Standing(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """Where a follow-up stood at one moment: status, promise and wait."""

    status: Status
    promised_by: datetime
    """The promise as last set (before any pause still running)."""
    waiting_on: WaitingOn | None = None
    waiting_for: str = ""
    """What is awaited, in the EA's words."""
    wait_began: datetime | None = None
    """When the current wait began."""
    paused_since: datetime | None = None
    """Waiting on the customer: the promise clock is paused since then (a re-promise during
    the wait restarts the pause from the new promise)."""
    escalated_at: datetime | None = None
    """When the matter was last handed to the executive, if it was."""

    @property
    def is_open(self) -> bool:
        return self.status not in ("resolved", "dropped")

    @property
    def paused(self) -> bool:
        """True while waiting on the customer: the promise does not come nearer."""
        return self.paused_since is not None

    def promise(self, at: datetime) -> datetime:
        """The effective promise at `at`: moved by the pause so far, if the clock is paused."""
        if self.paused_since is not None and plain(at) > plain(self.paused_since):
            return plain(self.promised_by) + (plain(at) - plain(self.paused_since))
        return plain(self.promised_by)


def standing(followup: FollowUp, at: datetime | None = None) -> Standing:
    """The follow-up as it stood at `at` (None: as it stands in the record).

    When nothing was logged after `at`, the record itself is the answer; otherwise the
    log is replayed up to `at` (entries at `at` included).
    """
    moment = None if at is None else plain(at)
    if moment is None or all(plain(e.at) <= moment for e in followup.log):
        return _from_record(followup)
    return _replay((e for e in followup.log if plain(e.at) <= moment), _first_promise(followup))


def moves(followup: FollowUp, start: datetime, end: datetime) -> tuple[LogEntry, ...]:
    """The promise moves (re-promises and moves after a customer wait) from start to end."""
    low, high = plain(start), plain(end)
    return tuple(
        e for e in followup.log if e.action in PROMISE_MOVES and low <= plain(e.at) <= high
    )


def ever_broken(followup: FollowUp, now: datetime) -> bool:
    """Whether any promise of the follow-up passed while it was open: one re-promised,
    put on hold, resolved or dropped after its time, or one past `now` still standing.
    A report of the week must not forget a broken promise once the matter is closed."""
    for entry in followup.log:
        at = plain(entry.at)
        if entry.action == "re-promised" and entry.old_promise is not None:
            if plain(entry.old_promise) < at:
                return True
        elif entry.action in ("waiting", "resolved", "dropped", "escalated") and (
            standing(followup, at).promise(at) < at
        ):
            return True
    return followup.is_open and standing(followup).promise(now) < plain(now)


def closed_at(followup: FollowUp) -> datetime | None:
    """When the follow-up was resolved or dropped; None while it is open."""
    for entry in followup.log:
        if entry.action in ("resolved", "dropped"):
            return plain(entry.at)
    return None if followup.is_open else plain(followup.updated)


def _from_record(followup: FollowUp) -> Standing:
    waiting = followup.status == "waiting"
    began = None
    escalated = None
    for entry in followup.log:
        if entry.action == "waiting":
            began = plain(entry.at)
        elif entry.action == "escalated":
            escalated = plain(entry.at)
    paused = (
        plain(followup.waiting_since)
        if waiting and followup.waiting_on == "customer" and followup.waiting_since is not None
        else None
    )
    return Standing(
        status=followup.status,
        promised_by=plain(followup.promised_by),
        waiting_on=followup.waiting_on if waiting else None,
        waiting_for=followup.waiting_for if waiting else "",
        wait_began=(began or paused) if waiting else None,
        paused_since=paused,
        escalated_at=escalated,
    )


def _first_promise(followup: FollowUp) -> datetime:
    for entry in followup.log:
        if entry.action == "created" and entry.new_promise is not None:
            return plain(entry.new_promise)
        if entry.action in PROMISE_MOVES and entry.old_promise is not None:
            return plain(entry.old_promise)
    return plain(followup.promised_by)


def _replay(entries: Iterable[LogEntry], promise: datetime) -> Standing:
    status: Status = "open"
    waiting_on: WaitingOn | None = None
    waiting_for = ""
    began: datetime | None = None
    paused: datetime | None = None
    escalated: datetime | None = None

    def leave_wait() -> None:
        nonlocal waiting_on, waiting_for, began, paused
        waiting_on, waiting_for, began, paused = None, "", None, None

    for entry in entries:
        at = plain(entry.at)
        match entry.action:
            case "created":
                if entry.new_promise is not None:
                    promise = plain(entry.new_promise)
            case "started" | "resumed":
                status = "in progress"
                leave_wait()
            case "waiting":
                status = "waiting"
                waiting_on, waiting_for, began = entry.waiting_on, entry.text, at
                paused = at if entry.waiting_on == "customer" else None
            case "re-promised":
                if entry.new_promise is not None:
                    promise = plain(entry.new_promise)
                if paused is not None:
                    paused = at
            case "promise-moved-by-wait":
                if entry.new_promise is not None:
                    promise = plain(entry.new_promise)
                paused = None
            case "escalated":
                status = "escalated"
                escalated = at
                leave_wait()
            case "resolved" | "dropped":
                status = entry.action
                leave_wait()
            case "note":
                pass
    return Standing(
        status=status,
        promised_by=promise,
        waiting_on=waiting_on,
        waiting_for=waiting_for,
        wait_began=began,
        paused_since=paused,
        escalated_at=escalated,
    )
