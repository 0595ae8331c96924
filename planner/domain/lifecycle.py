"""Changes to follow-ups and briefs, as pure functions returning new values.

Follow-up statuses move like this (SPEC.md "Follow-up lifecycle"):

    open, in progress, waiting, escalated  --resolve-->  resolved
                                           --drop----->  dropped
    open / waiting / escalated  --start-->   in progress
    any open status             --wait-->    waiting (on the customer or a colleague)
    waiting                     --resume-->  in progress
    open / in progress / waiting --escalate--> escalated (creates an escalation brief)

Resolved and dropped matters are closed: only notes may still be added. Every
change appends to the facts log. Waiting on the customer pauses the promise
clock: when the wait ends (resume, start, escalate, resolve, drop, or waiting on
a colleague instead) `promised_by` moves later by the time waited, logged as a
`promise-moved-by-wait` entry. Each entry says what it is with its `action` and
fields (planner.domain.followup.LOG_ACTIONS); its text holds only the EA's
words. A refused change raises `TransitionError` (an `InputError`:
exit status 2 on the command line), never a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import msgspec

from planner.domain.base import check_year, new_id, plain
from planner.domain.brief import BRIEF_KINDS, Brief
from planner.domain.facts import facts, log_line
from planner.domain.followup import (
    Channel,
    FollowUp,
    FollowUpKind,
    LogEntry,
    WaitingOn,
    effective_promise,
)
from planner.domain.priority import PRIORITIES, Priority
from planner.errors import InputError
from planner.text import clean_line

if TYPE_CHECKING:
    from planner.domain.document import Document

WAITING_PARTIES: tuple[WaitingOn, ...] = ("customer", "colleague")
MAX_BRIEF_MINUTES = 480


class TransitionError(InputError):
    """A change the follow-up's or brief's state does not allow (exit status 2)."""


class NotFoundError(InputError):
    """No record, or more than one, matches the id or prefix given."""

    def __init__(self, message: str, what: str = "") -> None:
        super().__init__(message)
        self.what = what
        """The kind of record looked for: `follow-up`, `brief`, `mark`, …"""


def open_followup(
    *,
    customer: str,
    summary: str,
    promised_by: datetime,
    now: datetime,
    organization: str = "",
    internal: bool = False,
    kind: FollowUpKind = "request",
    channel: Channel = "email",
    priority: Priority = "normal",
    tags: Sequence[str] = (),
    source: str = "",
    id: str | None = None,
    executive: str = "",
) -> FollowUp:
    """A new open follow-up whose log starts with how it was captured (for the executive of
    that id; "" = the desk's own)."""
    check_year(promised_by, "the promise")
    return FollowUp(
        id=id or new_id("f"),
        executive=executive,
        customer=customer,
        organization=organization,
        internal=internal,
        summary=summary,
        kind=kind,
        channel=channel,
        priority=priority,
        tags=tuple(tags),
        status="open",
        promised_by=promised_by,
        created=now,
        updated=now,
        log=(LogEntry(at=now, action="created", text=clean_line(source), new_promise=promised_by),),
    )


# -- follow-up transitions ---------------------------------------------------


def start(followup: FollowUp, now: datetime, note: str = "") -> FollowUp:
    """Investigating: open, waiting or escalated → in progress."""
    _require_open(followup, "start")
    if followup.status == "in progress":
        raise TransitionError(f"{followup.id} is already in progress")
    followup, entries = _end_customer_wait(followup, now)
    entry = LogEntry(at=now, action="started", text=clean_line(note))
    return _changed(followup, now, [*entries, entry], status="in progress")


def wait(followup: FollowUp, on: str, now: datetime, what_for: str = "") -> FollowUp:
    """Waiting on the customer (pauses the promise clock) or on a colleague (does not),
    for `what_for` ("the signed form"; optional)."""
    party = on.strip().lower()
    if party not in WAITING_PARTIES:
        raise TransitionError(f"cannot wait on {on!r}: wait on the customer or a colleague")
    _require_open(followup, "put on waiting")
    if followup.status == "waiting" and followup.waiting_on == party:
        raise TransitionError(f"{followup.id} is already waiting on the {party}")
    followup, entries = _end_customer_wait(followup, now)
    what_for = clean_line(what_for)
    entry = LogEntry(at=now, action="waiting", text=what_for, waiting_on=party)
    return _changed(
        followup,
        now,
        [*entries, entry],
        status="waiting",
        waiting_on=party,
        waiting_since=now if party == "customer" else None,
        waiting_for=what_for,
    )


def resume(followup: FollowUp, now: datetime, note: str = "") -> FollowUp:
    """The wait is over: waiting → in progress (the promise moves if the customer was awaited)."""
    _require_open(followup, "resume")
    if followup.status != "waiting":
        raise TransitionError(f"{followup.id} is not waiting (it is {followup.status})")
    followup, entries = _end_customer_wait(followup, now)
    entry = LogEntry(at=now, action="resumed", text=clean_line(note))
    return _changed(followup, now, [*entries, entry], status="in progress")


def note(followup: FollowUp, text: str, now: datetime) -> FollowUp:
    """A fact or note for the log; allowed on closed matters too."""
    text = _required(text, "a note needs some text")
    return _changed(followup, now, [LogEntry(at=now, action="note", text=text)])


def repromise(followup: FollowUp, new_promise: datetime, now: datetime, note: str = "") -> FollowUp:
    """A new promise, after telling the customer; the old one stays in the log."""
    _require_open(followup, "re-promise")
    check_year(new_promise, "the promise")
    if _utc(new_promise) <= _utc(now):
        raise TransitionError("cannot promise a time in the past: give a time after now")
    old = effective_promise(followup, now)
    entry = LogEntry(
        at=now,
        action="re-promised",
        text=clean_line(note),
        old_promise=old,
        new_promise=new_promise,
    )
    # While waiting on the customer the pause restarts from the new promise.
    since = now if followup.waiting_since is not None else None
    return _changed(followup, now, [entry], promised_by=new_promise, waiting_since=since)


def escalate(
    followup: FollowUp, now: datetime, note: str = "", *, tz: str = "UTC", minutes: int = 2
) -> tuple[FollowUp, Brief]:
    """Hand the matter to the executive, and the escalation brief that carries its facts log."""
    _require_open(followup, "escalate")
    if followup.status == "escalated":
        raise TransitionError(f"{followup.id} is already escalated")
    followup, entries = _end_customer_wait(followup, now)
    entry = LogEntry(at=now, action="escalated", text=clean_line(note))
    escalated = _changed(
        followup, now, [*entries, entry], status="escalated", reached_executive=True
    )
    brief = Brief(
        id=new_id("b"),
        executive=escalated.executive,
        title=f"Escalation: {_about(escalated)}",
        kind="escalation",
        priority=escalated.priority,
        minutes=minutes,
        followup_id=escalated.id,
        facts=facts(escalated, tz),
        created=now,
    )
    return escalated, brief


def resolve(
    followup: FollowUp, resolution: str, now: datetime, *, tz: str = "UTC"
) -> tuple[FollowUp, Brief | None]:
    """Resolved with a resolution text; an fyi brief when the matter reached the executive."""
    _require_open(followup, "resolve")
    resolution = _required(resolution, "a resolution needs some text: how was it solved?")
    followup, entries = _end_customer_wait(followup, now)
    entry = LogEntry(at=now, action="resolved", text=resolution)
    resolved = _changed(followup, now, [*entries, entry], status="resolved", resolution=resolution)
    if not resolved.reached_executive:
        return resolved, None
    brief = Brief(
        id=new_id("b"),
        executive=resolved.executive,
        title=f"How it was solved: {_about(resolved)}",
        kind="fyi",
        priority=resolved.priority,
        followup_id=resolved.id,
        facts=(resolution,),
        created=now,
    )
    return resolved, brief


def drop(followup: FollowUp, reason: str, now: datetime) -> FollowUp:
    """Dropped with a reason (duplicate, customer withdrew, …)."""
    _require_open(followup, "drop")
    reason = _required(reason, "dropping needs a reason")
    followup, entries = _end_customer_wait(followup, now)
    entry = LogEntry(at=now, action="dropped", text=reason)
    return _changed(followup, now, [*entries, entry], status="dropped", drop_reason=reason)


# -- briefs ------------------------------------------------------------------


def new_brief(
    *,
    title: str,
    now: datetime,
    kind: str = "fyi",
    priority: str = "normal",
    minutes: int = 2,
    deliver_by: datetime | None = None,
    followup_id: str | None = None,
    facts: Sequence[str] = (),
    solution: str = "",
    id: str | None = None,
    executive: str = "",
) -> Brief:
    """A new brief for the queue, checked field by field (for the executive of that id;
    "" = the first)."""
    title = _required(title, "a brief needs a title")
    if kind not in BRIEF_KINDS:
        raise InputError(f"unknown brief kind {kind!r}: use one of {', '.join(BRIEF_KINDS)}")
    if priority not in PRIORITIES:
        raise InputError(f"unknown priority {priority!r}: use one of {', '.join(PRIORITIES)}")
    if not 1 <= minutes <= MAX_BRIEF_MINUTES:
        raise InputError(f"a brief takes 1 to {MAX_BRIEF_MINUTES} minutes, not {minutes}")
    if deliver_by is not None and _utc(deliver_by) <= _utc(now):
        raise InputError("deliver-by is in the past: give a time after now")
    return Brief(
        id=id or new_id("b"),
        executive=executive,
        title=title,
        kind=kind,
        priority=priority,
        minutes=minutes,
        deliver_by=deliver_by,
        followup_id=followup_id,
        facts=tuple(clean_line(f) for f in facts if clean_line(f)),
        solution=clean_line(solution),
        created=now,
    )


def deliver(brief: Brief, now: datetime) -> Brief:
    """The brief was told: it leaves the queue."""
    _require_queued(brief)
    return msgspec.structs.replace(brief, delivered=now)


def propose_solution(brief: Brief, solution: str) -> Brief:
    """Attach the proposed solution (a held bad-news brief then joins the queue)."""
    _require_queued(brief)
    return msgspec.structs.replace(brief, solution=_required(solution, "a solution needs text"))


_UNSET: Any = object()


def edit_brief(
    brief: Brief,
    now: datetime,
    *,
    title: str | None = None,
    minutes: int | None = None,
    priority: str | None = None,
    deliver_by: datetime | None = _UNSET,
    solution: str | None = None,
) -> Brief:
    """Change a queued brief's title, minutes, priority, deliver-by (None clears it) or
    solution (an empty one takes it back), each checked as `new_brief` checks it."""
    _require_queued(brief)
    fields: dict[str, object] = {}
    if title is not None:
        fields["title"] = _required(title, "a brief needs a title")
    if minutes is not None:
        if not 1 <= minutes <= MAX_BRIEF_MINUTES:
            raise InputError(f"a brief takes 1 to {MAX_BRIEF_MINUTES} minutes, not {minutes}")
        fields["minutes"] = minutes
    if priority is not None:
        if priority not in PRIORITIES:
            raise InputError(f"unknown priority {priority!r}: use one of {', '.join(PRIORITIES)}")
        fields["priority"] = priority
    if deliver_by is not _UNSET:
        if deliver_by is not None and _utc(deliver_by) <= _utc(now):
            raise InputError("deliver-by is in the past: give a time after now")
        fields["deliver_by"] = deliver_by
    if solution is not None:
        fields["solution"] = clean_line(solution)
    return msgspec.structs.replace(brief, **fields)


def drop_brief(brief: Brief, reason: str, now: datetime) -> Brief:
    """Take a brief off the queue untold, with the reason ("no longer relevant")."""
    _require_queued(brief)
    reason = _required(reason, "dropping a brief needs a reason")
    return msgspec.structs.replace(brief, dropped=now, drop_reason=reason)


def queued_briefs_about(
    document: Document, followup_id: str, *, besides: str | None = None
) -> tuple[Brief, ...]:
    """The queued briefs tied to a follow-up (except the brief `besides`, e.g. the
    "how it was solved" brief a resolution just queued)."""
    return tuple(
        b for b in document.briefs if b.followup_id == followup_id and b.queued and b.id != besides
    )


def retire_briefs(
    document: Document, brief_ids: Sequence[str], reason: str, now: datetime
) -> tuple[Document, tuple[Brief, ...]]:
    """Drop the queued briefs `brief_ids` with one reason (after their follow-up closed)."""
    wanted = set(brief_ids)
    retired: list[Brief] = []
    briefs: list[Brief] = []
    for brief in document.briefs:
        if brief.id in wanted and brief.queued:
            brief = drop_brief(brief, reason, now)
            retired.append(brief)
        briefs.append(brief)
    return msgspec.structs.replace(document, briefs=tuple(briefs)), tuple(retired)


def _require_queued(brief: Brief) -> None:
    if brief.delivered is not None:
        raise TransitionError(f"{brief.id} was already delivered")
    if brief.dropped is not None:
        raise TransitionError(f"{brief.id} was dropped ({brief.drop_reason})")


# -- the document ------------------------------------------------------------


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Identified)


def find(records: Sequence[R], ref: str, what: str) -> R:
    """The record whose id is `ref`, or the only one whose id starts with it."""
    ref = ref.strip()
    if not ref:
        raise NotFoundError(f"give a {what} id")
    for record in records:
        if record.id == ref:
            return record
    matches = [r for r in records if r.id.startswith(ref)]
    if not matches:
        raise NotFoundError(f"no {what} with id {ref!r}", what)
    if len(matches) > 1:
        shown = ", ".join(r.id for r in matches[:5]) + (" …" if len(matches) > 5 else "")
        raise NotFoundError(
            f"{ref!r} matches {len(matches)} {what}s ({shown}): give more of the id"
        )
    return matches[0]


@dataclass(frozen=True)
class Outcome:
    """What a change to a follow-up produced: the new follow-up and any brief it queued."""

    followup: FollowUp
    brief: Brief | None = None


def _with_new_facts(document: Document, before: FollowUp, after: FollowUp) -> tuple[Brief, ...]:
    """The document's briefs, the queued escalation briefs about `before` carrying the
    facts its change logged (`after`'s log entries past `before`'s), in the zone the
    escalation wrote them in (the follow-up's executive's). Not on closing it: resolving
    queues its own brief, and the EA is asked whether to retire the others."""
    added = after.log[len(before.log) :] if after.log[: len(before.log)] == before.log else ()
    if not added or not after.is_open:  # a closing move has its own brief, or retires it
        return document.briefs
    from planner.config import executive_zone

    tz = executive_zone(document.rules_for(document.owner(after.executive)))
    lines = tuple(log_line(entry, tz) for entry in added)
    return tuple(
        msgspec.structs.replace(b, facts=(*b.facts, *lines))
        if b.followup_id == before.id and b.kind == "escalation" and b.queued
        else b
        for b in document.briefs
    )


def change_followup(
    document: Document, ref: str, change: Callable[[FollowUp], Outcome]
) -> tuple[Document, Outcome]:
    """Apply `change` to the follow-up `ref` (id or unique prefix) and store what it produced.

    A new escalation brief replaces a still-undelivered escalation brief of the
    same follow-up (fresh facts, same place in the queue) instead of queueing twice.
    Any other change that leaves it open adds the facts it logged to the follow-up's
    escalation briefs still queued: the executive hears the story as it stands when told
    (a repeat call, a re-promise), not as it stood when escalated; what the EA wrote in
    them stays.
    """
    current = find(document.followups, ref, "follow-up")
    outcome = change(current)
    followups = tuple(outcome.followup if f.id == current.id else f for f in document.followups)
    briefs = _with_new_facts(document, current, outcome.followup)
    if outcome.brief is not None:
        brief = outcome.brief
        earlier = [
            b
            for b in briefs
            if b.followup_id == brief.followup_id
            and b.kind == "escalation" == brief.kind
            and b.queued
        ]
        if earlier:
            old = earlier[0]
            brief = msgspec.structs.replace(brief, id=old.id, created=old.created)
            briefs = tuple(brief if b.id == old.id else b for b in briefs)
            outcome = Outcome(followup=outcome.followup, brief=brief)
        else:
            briefs = (*briefs, brief)
    updated = msgspec.structs.replace(document, followups=followups, briefs=briefs)
    return updated, outcome


def change_brief(
    document: Document, ref: str, change: Callable[[Brief], Brief]
) -> tuple[Document, Brief]:
    """Apply `change` to the brief `ref` (id or unique prefix)."""
    current = find(document.briefs, ref, "brief")
    changed = change(current)
    briefs = tuple(changed if b.id == current.id else b for b in document.briefs)
    return msgspec.structs.replace(document, briefs=briefs), changed


# -- helpers -----------------------------------------------------------------


def _require_open(followup: FollowUp, verb: str) -> None:
    if followup.status == "resolved":
        raise TransitionError(f"cannot {verb} {followup.id}: it is already resolved")
    if followup.status == "dropped":
        why = f" ({followup.drop_reason})" if followup.drop_reason else ""
        raise TransitionError(f"cannot {verb} {followup.id}: it was dropped{why}")


def _end_customer_wait(followup: FollowUp, now: datetime) -> tuple[FollowUp, list[LogEntry]]:
    """Leave any wait; after waiting on the customer, move the promise by the time waited."""
    if followup.status != "waiting":
        return followup, []
    cleared = msgspec.structs.replace(followup, waiting_on=None, waiting_since=None, waiting_for="")
    since = followup.waiting_since
    if followup.waiting_on != "customer" or since is None or _utc(now) <= _utc(since):
        return cleared, []
    waited_for = _utc(now) - _utc(since)
    promise = followup.promised_by
    moved = (_utc(promise) + waited_for).astimezone(promise.tzinfo)
    entry = LogEntry(
        at=now, action="promise-moved-by-wait", old_promise=followup.promised_by, new_promise=moved
    )
    return msgspec.structs.replace(cleared, promised_by=moved), [entry]


def _utc(moment: datetime) -> datetime:
    """The instant in UTC (see planner.domain.base.plain for why not compare as given)."""
    return plain(moment).astimezone(UTC)


def _changed(
    followup: FollowUp, now: datetime, entries: Sequence[LogEntry], **fields: object
) -> FollowUp:
    return msgspec.structs.replace(followup, **fields, updated=now, log=(*followup.log, *entries))


def _required(text: str, message: str) -> str:
    cleaned = clean_line(text)
    if not cleaned:
        raise TransitionError(message)
    return cleaned


def _about(followup: FollowUp) -> str:
    who = followup.customer + (f" ({followup.organization})" if followup.organization else "")
    return f"{who} — {followup.summary}"
