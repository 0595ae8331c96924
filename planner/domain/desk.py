"""Changes to the desk's executives: add, edit, remove, and moving records between them.

Pure functions returning a new document; the command line (`ea-planner exec`) and the
dashboard both call them.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import msgspec

from planner.domain.base import new_id
from planner.domain.brief import Brief
from planner.domain.document import Document
from planner.domain.executive import Executive, describe, short_from
from planner.domain.followup import FollowUp
from planner.errors import InputError
from planner.humanize import counted

OPEN = frozenset({"open", "in progress", "waiting", "escalated"})


def checked(fields: dict[str, Any]) -> Executive:
    """An executive from its fields, every field checked as planner.json's reader checks
    it (InputError naming the field)."""
    try:
        executive = msgspec.convert(fields, Executive)
    except msgspec.ValidationError as exc:
        raise InputError(f"executive: {_readable(str(exc))}") from None
    if executive.timezone:
        try:
            ZoneInfo(executive.timezone)
        except (ValueError, KeyError, OSError):
            raise InputError(
                f"{executive.timezone!r} is not a known time zone (e.g. America/New_York)"
            ) from None
    if executive.workday_start >= executive.workday_end:
        raise InputError(
            f"the workday must end after it starts ({executive.workday_start}–"
            f"{executive.workday_end})"
        )
    return executive


def _readable(message: str) -> str:
    return (
        message.replace("`$.", "")
        .replace("`", "")
        .replace("Expected `str` matching regex", "expected")
    )


def add_executive(document: Document, fields: dict[str, Any]) -> tuple[Document, Executive]:
    """The document with a new executive last (their short name defaults to the first
    name); InputError when the short name is taken or a field is wrong."""
    roster = document.roster
    taken = [x.short for x in roster]
    fields = dict(fields)
    fields.setdefault("short", short_from(fields.get("name", ""), taken))
    fields["id"] = new_id("x")
    executive = checked(fields)
    _check_short(roster, executive)
    return document.with_executive(executive), executive


def give_desk_own_to(document: Document, executive_id: str) -> tuple[Document, tuple[str, ...]]:
    """The document with every follow-up of no executive (the desk's own) given to the
    executive of id `executive_id`, and the ids given. `ea-planner exec add` calls it when a
    desk of one executive gets a second: a line captured then that named no one was for
    the one executive there was."""
    given = tuple(f.id for f in document.followups if not f.executive)
    if not given:
        return document, ()
    followups = tuple(
        msgspec.structs.replace(f, executive=executive_id) if not f.executive else f
        for f in document.followups
    )
    return msgspec.structs.replace(document, followups=followups), given


def edit_executive(
    document: Document, executive_id: str, changes: dict[str, Any]
) -> tuple[Document, Executive]:
    """The document with the executive's fields changed (checked as on add)."""
    current = document.executive(executive_id)
    fields = msgspec.to_builtins(current)
    fields.update(changes)
    executive = checked(fields)
    _check_short(document.roster, executive)
    return document.with_executive(executive), executive


def _check_short(roster: tuple[Executive, ...], executive: Executive) -> None:
    for other in roster:
        if other.id != executive.id and other.short.casefold() == executive.short.casefold():
            raise InputError(
                f"the short name {executive.short!r} is taken by {describe(other)}; "
                "give another with --short"
            )


class Removal(msgspec.Struct, frozen=True, gc=False):
    """What removing an executive did."""

    executive: Executive
    moved_followups: int = 0
    moved_briefs: int = 0
    events: int = 0
    """Their events removed (their schedule goes with them)."""
    windows: int = 0
    calendars: tuple[str, ...] = ()
    """Their subscriptions, removed."""


def open_records(
    document: Document, executive_id: str
) -> tuple[tuple[FollowUp, ...], tuple[Brief, ...]]:
    """The executive's open follow-ups and queued briefs (what stops a removal)."""
    followups = tuple(
        f for f in document.followups if f.executive == executive_id and f.status in OPEN
    )
    briefs = tuple(
        b
        for b in document.briefs
        if document.is_of(b.executive, executive_id) and b.delivered is None and b.dropped is None
    )
    return followups, briefs


def remove_executive(
    document: Document, executive_id: str, *, move_to: str | None = None
) -> tuple[Document, Removal]:
    """The document without the executive. Their follow-ups and briefs (open or settled)
    go to `move_to`; without it, an open follow-up or a queued brief of theirs refuses the
    removal (InputError saying how to move or close them), and settled ones keep their id
    as history. Their events, hand-marked windows and subscriptions are removed."""
    roster = document.roster
    executive = document.executive(executive_id)
    if len(roster) == 1:
        raise InputError(f"{describe(executive)} is the desk's only executive; add another first")
    if move_to == executive.id:
        raise InputError("--move-to names the executive being removed; name another")
    followups, briefs = open_records(document, executive.id)
    if move_to is None and (followups or briefs):
        what = []
        if followups:
            what.append(counted(len(followups), "open follow-up"))
        if briefs:
            what.append(counted(len(briefs), "queued brief"))
        ids = " ".join([f.id for f in followups] + [b.id for b in briefs])
        raise InputError(
            f"{describe(executive)} still has {' and '.join(what)}: move them to another "
            f"executive (ea-planner exec remove {executive.short} --move-to SHORT, or "
            f"ea-planner move ID --exec SHORT for one: {ids}) or close them first"
        )
    first = document.first_executive_id

    def whose(record: Any) -> str:
        # "" means the first executive: say so before the first may change.
        return record.executive or first

    mine = executive.id
    moved_f = moved_b = 0
    new_followups = []
    for f in document.followups:
        if move_to is not None and f.executive == mine:
            f = msgspec.structs.replace(f, executive=move_to)
            moved_f += 1
        new_followups.append(f)
    new_briefs = []
    for b in document.briefs:
        owner = whose(b)
        if move_to is not None and owner == mine:
            owner = move_to
            moved_b += 1
        if b.executive != owner:
            b = msgspec.structs.replace(b, executive=owner)
        new_briefs.append(b)
    events = tuple(
        e if e.executive else msgspec.structs.replace(e, executive=first)
        for e in document.events
        if whose(e) != mine
    )
    windows = tuple(
        w if w.executive else msgspec.structs.replace(w, executive=first)
        for w in document.windows
        if whose(w) != mine
    )
    calendars = tuple(c for c in document.settings.calendars if whose(c) != mine)
    gone = tuple(c.name for c in document.settings.calendars if whose(c) == mine)
    calendars = tuple(
        c if c.executive else msgspec.structs.replace(c, executive=first) for c in calendars
    )
    remaining = tuple(x for x in roster if x.id != mine)
    settings = msgspec.structs.replace(document.settings, calendars=calendars)
    changed = msgspec.structs.replace(
        document,
        settings=settings,
        executives=remaining,
        followups=tuple(new_followups),
        briefs=tuple(new_briefs),
        events=events,
        windows=windows,
    )
    # The (new) first executive's rules live in `settings`.
    changed = changed.with_executive(remaining[0])
    removal = Removal(
        executive=executive,
        moved_followups=moved_f,
        moved_briefs=moved_b,
        events=len(document.events) - len(events),
        windows=len(document.windows) - len(windows),
        calendars=gone,
    )
    return changed, removal


def move_record(document: Document, record_id: str, executive_id: str) -> tuple[Document, Any]:
    """The follow-up or brief of that id moved to the executive (a follow-up's briefs
    still queued go with it); KeyError when there is no such record."""
    target = document.executive(executive_id).id
    for f in document.followups:
        if f.id == record_id:
            moved = msgspec.structs.replace(f, executive=target)
            followups = tuple(moved if x.id == record_id else x for x in document.followups)
            briefs = tuple(
                msgspec.structs.replace(b, executive=target)
                if b.followup_id == record_id and b.delivered is None and b.dropped is None
                else b
                for b in document.briefs
            )
            return msgspec.structs.replace(document, followups=followups, briefs=briefs), moved
    for b in document.briefs:
        if b.id == record_id:
            brief = msgspec.structs.replace(b, executive=target)
            briefs = tuple(brief if x.id == record_id else x for x in document.briefs)
            return msgspec.structs.replace(document, briefs=briefs), brief
    raise KeyError(record_id)
