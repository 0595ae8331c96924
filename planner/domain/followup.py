"""A follow-up: one customer matter the EA owns, with its promise and facts log."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, get_args

from planner.domain.base import Instant, NonEmpty, Record, plain
from planner.domain.priority import Priority

FollowUpKind = Literal["complaint", "request", "concern", "compliment", "question"]
FOLLOWUP_KINDS: tuple[FollowUpKind, ...] = get_args(FollowUpKind)
Channel = Literal["phone", "email", "in-person"]
CHANNELS: tuple[Channel, ...] = get_args(Channel)
Status = Literal["open", "in progress", "waiting", "escalated", "resolved", "dropped"]
STATUSES: tuple[Status, ...] = get_args(Status)
OPEN_STATUSES: frozenset[str] = frozenset({"open", "in progress", "waiting", "escalated"})
WaitingOn = Literal["customer", "colleague"]

LogAction = Literal[
    "created",
    "note",
    "started",
    "waiting",
    "resumed",
    "re-promised",
    "promise-moved-by-wait",
    "escalated",
    "resolved",
    "dropped",
]
"""What a log entry records. Code reads the action and the fields, never the text."""
LOG_ACTIONS: tuple[LogAction, ...] = get_args(LogAction)
PROMISE_MOVES: frozenset[str] = frozenset({"re-promised", "promise-moved-by-wait"})
"""The actions that change `promised_by` (both carry `old_promise` and `new_promise`)."""


class LogEntry(Record, frozen=True, kw_only=True):
    """One timestamped line of a follow-up's facts log."""

    at: Instant
    """When it happened."""
    action: LogAction
    """What happened: a note, a new promise, a wait, an escalation, … (see LOG_ACTIONS)."""
    text: str = ""
    """The EA's words: the note, what the customer was told, what is awaited, the
    resolution or the reason for dropping; the quick-add line for `created`."""
    old_promise: Instant | None = None
    """For promise moves: the promise that was replaced (as it stood at that moment)."""
    new_promise: Instant | None = None
    """For promise moves and `created`: the promise from then on."""
    waiting_on: WaitingOn | None = None
    """For `waiting`: on whom (the customer pauses the promise clock, a colleague does not)."""


class FollowUp(Record, frozen=True, kw_only=True):
    """A customer matter: who, what, the promised time to get back, status, facts."""

    id: NonEmpty
    executive: str = ""
    """The id of the executive it is handled for; "" = the desk's own (no executive)."""
    customer: str
    """Who called or wrote (`Name:` in quick-add)."""
    organization: str = ""
    """The customer's organisation (`@Org`)."""
    internal: bool = False
    """True when the customer belongs to the executive's own organisation."""
    summary: str
    """What it is about, in the EA's words."""
    kind: FollowUpKind = "request"
    channel: Channel = "email"
    """How to get back to the customer (complaints default to phone)."""
    priority: Priority = "normal"
    tags: tuple[str, ...] = ()
    status: Status = "open"
    promised_by: Instant
    """The time the EA told the customer they would hear back."""
    created: Instant
    updated: Instant
    waiting_on: WaitingOn | None = None
    """While `waiting`: on the customer (pauses the promise clock) or on a colleague."""
    waiting_since: Instant | None = None
    """While waiting on the customer: when the pause began."""
    waiting_for: str = ""
    """While waiting: what is awaited ("the signed form"), in the EA's words."""
    reached_executive: bool = False
    """True once the matter was escalated: its resolution is then briefed to the executive."""
    resolution: str | None = None
    drop_reason: str | None = None
    log: tuple[LogEntry, ...] = ()
    """The facts log, oldest first."""

    @property
    def is_open(self) -> bool:
        """Open means still owed to the customer: not resolved and not dropped."""
        return self.status in OPEN_STATUSES


def effective_promise(followup: FollowUp, now: datetime) -> datetime:
    """The promise, moved by the time spent waiting on the customer (the clock pauses)."""
    if (
        followup.status == "waiting"
        and followup.waiting_on == "customer"
        and followup.waiting_since is not None
        and plain(now) > plain(followup.waiting_since)
    ):
        return plain(followup.promised_by) + (plain(now) - plain(followup.waiting_since))
    return followup.promised_by


def is_broken(followup: FollowUp, now: datetime) -> bool:
    """An open follow-up whose promise is in the past."""
    return followup.is_open and plain(effective_promise(followup, now)) < plain(now)
