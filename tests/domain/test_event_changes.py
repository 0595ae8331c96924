"""Changes to one event by hand: what they set, and what a sync then keeps."""

from __future__ import annotations

from datetime import datetime, timedelta

import msgspec
import pytest

from planner.calendar_import.imported import ImportedEvent
from planner.calendar_import.merge import merge_calendar
from planner.domain import Event
from planner.domain.document import Document
from planner.domain.event_changes import (
    edited,
    provenance,
    with_interruptible,
    with_kind,
    with_with_ea,
)

START = datetime.fromisoformat("2026-11-24T14:00:00+01:00")


def imported(title: str = "Board meeting", hours: int = 2) -> ImportedEvent:
    return ImportedEvent(
        uid="board@x",
        recurrence_id=None,
        title=title,
        start=START,
        end=START + timedelta(hours=hours),
        all_day=False,
        kind="meeting",
        with_ea=False,
        interruptible=None,
        location="",
        description="",
    )


def synced(document: Document, item: ImportedEvent) -> Document:
    window = (START - timedelta(days=10), START + timedelta(days=10))
    return merge_calendar(document, "work", [item], start=window[0], end=window[1])[0]


def test_kind_and_interruptible_chosen_by_hand_survive_a_sync() -> None:
    document = synced(Document(), imported())
    event = document.events[0]
    changed = with_interruptible(with_kind(event, "focus"), True)
    document = msgspec.structs.replace(document, events=(changed,))
    document = synced(document, imported(title="Board meeting (moved room)", hours=3))
    after = document.events[0]
    assert (after.kind, after.interruptible, after.kind_by_hand) == ("focus", True, True)
    assert after.title == "Board meeting (moved room)"  # the calendar's own fields follow it
    assert after.end == START + timedelta(hours=3)


def test_a_title_edited_by_hand_comes_back_from_the_calendar() -> None:
    document = synced(Document(), imported())
    event = edited(
        document.events[0], title="Board", start=START, end=START + timedelta(hours=1), location=""
    )
    document = synced(msgspec.structs.replace(document, events=(event,)), imported())
    assert document.events[0].title == "Board meeting"


def test_with_ea_makes_a_one_on_one_and_another_kind_drops_it() -> None:
    event = Event(id="e-1", title="Catch-up", start=START, end=START + timedelta(hours=1))
    one_on_one = with_with_ea(event, True)
    assert (one_on_one.kind, one_on_one.with_ea) == ("one-on-one", True)
    assert with_kind(one_on_one, "meeting").with_ea is False


def test_an_event_cannot_end_before_it_starts() -> None:
    event = Event(id="e-1", title="Catch-up", start=START, end=START + timedelta(hours=1))
    with pytest.raises(ValueError, match="end after it starts"):
        edited(event, title="x", start=START, end=START, location="")


def test_provenance_says_what_a_sync_keeps() -> None:
    hand = Event(id="e-1", title="Lunch", start=START, end=START + timedelta(hours=1))
    assert provenance(hand) == "Added by hand: every change here stays."
    mine = with_kind(msgspec.structs.replace(hand, calendar="work"), "focus")
    synced = provenance(mine, subscribed=True)
    assert synced.startswith("From calendar “work”: its title, times and place follow")
    assert "your kind and interruptible choices are kept" in synced
    # Imported from a file, not subscribed: no sync, only a new import, changes it.
    imported = provenance(mine)
    assert imported.startswith("Imported from calendar “work” (not subscribed")
    assert "sync" not in imported.replace("no sync changes it", "")
    assert "importing that calendar again brings back its title, times and place" in imported
    assert "your kind and interruptible choices are kept" in imported
