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
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import msgspec

from planner.domain.document import COLLECTIONS, Document

SETTLED_AFTER = timedelta(days=30)
WINDOWS_SETTLED_AFTER = timedelta(days=90)


def split_settled(
    document: Document, now: datetime
) -> tuple[Document, dict[int, dict[str, tuple[Any, ...]]]]:
    """The live document without settled records, and those records by year and collection."""
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
