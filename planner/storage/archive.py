"""Settled history moves out of planner.json into archive/YYYY.json.

Five years of an EA's work is tens of thousands of records, nearly all settled.
Keeping them out of the live document keeps every read and write of it small;
`Store.history()` merges them back for the views that need the past.

A record is settled, and moves to the archive of its year, when it is:
- a follow-up resolved or dropped, last changed more than 30 days ago;
- a brief delivered more than 30 days ago;
- an event that ended before the calendar import range (import_days_back)
  plus 30 days — so a re-import never meets an archived event;
- a hand-marked window or block that ended more than 90 days ago;
- a close-out of a date more than 30 days ago.

Open records (a follow-up not resolved or dropped, a brief still to tell) never
move. "Now" is the clock's, as long as the document agrees with it: a clock
that jumped ahead (a machine set a year fast) would otherwise archive the days
the EA is living. The document's own record of changes is the evidence: when
at least TRUSTED_HISTORY records were changed before a gap of more than
CLOCK_JUMP, and fewer than TRUSTED_HISTORY after it (or none: the gap runs up
to now), archiving goes by the last change before the gap instead. So a clock
a year fast moves nothing until the EA has made that many changes under it,
and after a real absence of more than CLOCK_JUMP, archiving resumes once work has.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import msgspec

from planner.domain.document import COLLECTIONS, Document

SETTLED_AFTER = timedelta(days=30)
WINDOWS_SETTLED_AFTER = timedelta(days=90)
CLOCK_JUMP = timedelta(days=45)
"""A gap in the document's changes longer than this makes the clock doubtful."""
TRUSTED_HISTORY = 10
"""Changed records on each side of such a gap that tell a jump (history before, few after)."""


def archive_now(document: Document, now: datetime) -> datetime:
    """The "now" archiving goes by: the clock's, unless the document's changes say it
    jumped ahead (see the module doc); then the last change before the jump."""
    changed = sorted(t for t in last_changes(document) if t <= now)
    points = [*changed, now]
    for i in range(len(points) - 1, 0, -1):
        if points[i] - points[i - 1] > CLOCK_JUMP:
            # The newest long gap: points[:i] changed before it, points[i:-1] after it.
            before, after = i, len(points) - 1 - i
            if before >= TRUSTED_HISTORY and after < TRUSTED_HISTORY:
                return points[i - 1]
            return now
    return now


def last_changes(document: Document) -> list[datetime]:
    """When each record was last changed, as the record itself says (not the clock now)."""
    times = [f.updated for f in document.followups]
    for b in document.briefs:
        times.append(max(t for t in (b.created, b.delivered, b.dropped) if t is not None))
    times.extend(c.closed_at for c in document.closeouts if c.closed_at is not None)
    return times


def split_settled(
    document: Document, now: datetime
) -> tuple[Document, dict[int, dict[str, tuple[Any, ...]]]]:
    """The live document without settled records, and those records by year and collection."""
    now = archive_now(document, now)
    cutoff = now - SETTLED_AFTER
    event_cutoff = now - timedelta(days=document.settings.import_days_back) - SETTLED_AFTER
    window_cutoff = now - WINDOWS_SETTLED_AFTER
    closeout_cutoff = cutoff.date().isoformat()

    moved: dict[int, dict[str, list[Any]]] = {}
    kept: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}

    def place(name: str, record: Any, year: int | None) -> None:
        if year is None:
            kept[name].append(record)
        else:
            moved.setdefault(year, {}).setdefault(name, []).append(record)

    for f in document.followups:
        settled = not f.is_open and f.updated < cutoff
        place("followups", f, f.updated.year if settled else None)
    for b in document.briefs:
        ended = b.delivered or b.dropped
        settled = ended is not None and ended < cutoff
        place("briefs", b, ended.year if settled and ended else None)
    for e in document.events:
        place("events", e, e.start.year if e.end < event_cutoff else None)
    for w in document.windows:
        place("windows", w, w.start.year if w.end < window_cutoff else None)
    for c in document.closeouts:
        place("closeouts", c, int(c.date[:4]) if c.date < closeout_cutoff else None)

    if not moved:
        return document, {}
    live = msgspec.structs.replace(document, **{k: tuple(v) for k, v in kept.items()})
    return live, {
        year: {name: tuple(records) for name, records in parts.items()}
        for year, parts in moved.items()
    }


def merge(first: Document, others: Sequence[Document]) -> Document:
    """`first` with the records of `others` added; on an id in both, `first` wins."""
    if not others:
        return first
    merged: dict[str, Any] = {}
    for name in COLLECTIONS:
        by_id: dict[str, Any] = {}
        for doc in reversed(others):
            for record in getattr(doc, name):
                by_id[record.id] = record
        for record in getattr(first, name):
            by_id[record.id] = record
        merged[name] = tuple(by_id.values())
    return msgspec.structs.replace(first, **merged)
