"""The next morning: the last close-out's notes and "tomorrow" items, until dismissed.

When the EA closes a day, its notes ("chase Maria first thing"), the promises
it left broken (passed and still open when the day closed: kept as they stood,
or never answered — the first calls of the morning), and what it looked ahead
to (the promises due next, the briefs still to tell) are shown on
the following workday — in the dashboard and by `ea-planner today` — until the
EA dismisses them. Pure functions of (document, date); no Textual, no I/O.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import msgspec
import pendulum

from planner.domain import Brief, Closeout, FollowUp
from planner.errors import InputError

if TYPE_CHECKING:
    from planner.domain.document import Document


class MorningNotes(msgspec.Struct, frozen=True, kw_only=True):
    """What the last close-out left for the next workday. (A Struct: `today` shows these,
    and defining a dataclass would cost it more than the rest of this module.)"""

    record: Closeout
    date: pendulum.Date
    """The day that was closed."""
    notes: str
    """The EA's free notes, as saved."""
    broken: tuple[FollowUp, ...]
    """The follow-ups whose promise had passed when the day closed and that are still open."""
    due: tuple[FollowUp, ...]
    """The follow-ups whose promise fell due by the end of the next workday (as they are now:
    some may be resolved since)."""
    carried: tuple[Brief, ...]
    """The briefs that were still to tell (as they are now)."""

    @property
    def empty(self) -> bool:
        return not (self.notes.strip() or self.broken or self.due or self.carried)


def morning_notes(document: Document, today: pendulum.Date) -> MorningNotes | None:
    """The notes of the latest closed day before `today`, unless dismissed or empty."""
    iso = today.isoformat()
    closed = [r for r in document.closeouts if r.closed and r.date < iso]
    if not closed:
        return None
    record = max(closed, key=lambda r: r.date)
    if record.morning_dismissed:
        return None
    followups = {f.id: f for f in document.followups}
    briefs = {b.id: b for b in document.briefs}
    notes = MorningNotes(
        record=record,
        date=pendulum.Date.fromisoformat(record.date),
        notes=record.notes,
        broken=_broken_at_close(document, record),
        due=tuple(followups[i] for i in record.due_next if i in followups),
        carried=tuple(briefs[i] for i in record.carried if i in briefs),
    )
    return None if notes.empty else notes


def _broken_at_close(document: Document, record: Closeout) -> tuple[FollowUp, ...]:
    """Open now, and its promise (as it stood when the day closed) had passed by then."""
    from planner.config import executive_zone
    from planner.domain.history import standing
    from planner.scheduling.intervals import plain
    from planner.scheduling.moments import day_bounds

    if record.closed_at is not None:
        at = plain(record.closed_at)
    else:
        day = pendulum.Date.fromisoformat(record.date)
        at = plain(day_bounds(day, executive_zone(document.settings))[1])
    broken = [
        f
        for f in document.followups
        if f.is_open and plain(f.created) <= at and standing(f, at).promise(at) < at
    ]
    return tuple(sorted(broken, key=lambda f: plain(f.promised_by)))


def dismiss_morning_notes(document: Document, today: pendulum.Date) -> Document:
    """Dismiss the morning notes shown on `today` (refused when there are none)."""
    shown = morning_notes(document, today)
    if shown is None:
        raise InputError("there are no close-out notes to dismiss")
    record = msgspec.structs.replace(shown.record, morning_dismissed=True)
    closeouts = tuple(record if r.id == record.id else r for r in document.closeouts)
    return msgspec.structs.replace(document, closeouts=closeouts)


def morning_lines(
    notes: MorningNotes,
    tz: str,
    *,
    document: Document | None = None,
    now: datetime | None = None,
    ea_zone: str | None = None,
) -> list[str]:
    """The notes as plain lines: heading, notes, promises due, briefs to tell.

    With the `document`, each promise reads on its executive's clock, labelled (`08:00
    London`) where that is not the EA's zone (`ea_zone`, see `planner.day.Zones`), and on
    a desk of several executives the promises are grouped per executive, as the close-out
    groups them. With `now`, a promise due that has passed since reads `broken 08:00`."""
    from planner.domain.followup import effective_promise
    from planner.humanize import fmt

    zones = None
    if document is not None:
        from planner.day import zones_of

        zones = zones_of(document, ea_zone)

    def moment(f: FollowUp, when: datetime) -> str:
        if zones is None:
            return fmt(pendulum.instance(when).in_tz(tz), "ddd D MMM HH:mm")
        from planner.day import labelled

        local = pendulum.instance(when).in_tz(zones.zone(f.executive))
        return labelled(fmt(local, "ddd D MMM HH:mm"), zones.label(f.executive))

    def due_state(f: FollowUp) -> str:
        if not f.is_open:
            return f.status
        if now is not None:
            promise = effective_promise(f, now)
            if plain_instant(promise) < plain_instant(now):
                return f"broken {moment(f, promise)} · {f.status}"
        return f"promised {moment(f, f.promised_by)} · {f.status}"

    def groups(items: tuple[FollowUp, ...]) -> list[tuple[str, tuple[FollowUp, ...]]]:
        if document is None or len(document.roster) <= 1:
            return [("", items)]
        found: list[tuple[str, tuple[FollowUp, ...]]] = []
        for executive in document.roster:
            mine = tuple(f for f in items if f.executive == executive.id)
            if mine:
                found.append((f" — {executive.name or executive.short}", mine))
        own = tuple(f for f in items if not f.executive)  # the desk's own, on a desk of several
        if own:
            found.append((" — the desk's own", own))
        return found

    lines = [f"From the close-out of {fmt(notes.date, 'dddd D MMMM')}"]
    if notes.notes.strip():
        lines.append("  Notes:")
        lines.extend(f"    {line}" for line in notes.notes.splitlines() if line.strip())
    for whose, group in groups(notes.broken):
        lines.append(f"  Broken promises carried over{whose} (call them first):")
        for f in group:
            lines.append(
                f"    {f.customer} — {f.summary} · promised {moment(f, f.promised_by)} · "
                f"{f.status} ({f.id})"
            )
    for whose, group in groups(notes.due):
        lines.append(f"  Promises due{whose}:")
        for f in group:
            lines.append(f"    {f.customer} — {f.summary} · {due_state(f)} ({f.id})")
    if notes.carried:
        lines.append("  To tell the executive:")
        for b in notes.carried:
            state = "" if b.queued else " · told" if b.delivered is not None else " · dropped"
            lines.append(f"    {b.title} ({b.kind}){state}")
    return lines


def plain_instant(moment: datetime) -> datetime:
    from planner.domain.base import plain

    return plain(moment)
