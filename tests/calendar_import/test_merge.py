"""Merging a calendar into the document: idempotent, keeps ids, local to one calendar."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import msgspec

from planner.calendar_import import ImportedEvent, MergeCounts, import_range, merge_calendar
from planner.config import EventKind
from planner.domain import Event
from planner.domain.document import Document
from tests.calendar_import.helpers import PARIS, TODAY

START, END = import_range(TODAY, PARIS, days_back=60, days_ahead=365)


def at(day: str, hm: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hm}").replace(tzinfo=PARIS)


def imported(
    uid: str,
    start: datetime,
    *,
    title: str = "Meeting",
    rid: str | None = None,
    minutes: int = 60,
    kind: EventKind = "meeting",
) -> ImportedEvent:
    return ImportedEvent(
        uid=uid,
        recurrence_id=rid,
        title=title,
        start=start,
        end=start + timedelta(minutes=minutes),
        all_day=False,
        kind=kind,
        with_ea=False,
        interruptible=None,
        location="",
        description="",
    )


def ids() -> itertools.count[int]:
    return itertools.count(1)


def merge(
    document: Document, items: list[ImportedEvent], calendar: str = "exec"
) -> tuple[Document, MergeCounts]:
    counter = ids()
    return merge_calendar(
        document, calendar, items, start=START, end=END, make_id=lambda: f"e-{next(counter)}"
    )


def test_first_import_adds_everything_sorted() -> None:
    later = imported("b", at("2026-11-25", "10:00"))
    sooner = imported("a", at("2026-11-24", "10:00"))
    document, counts = merge(Document(), [later, sooner])
    assert counts == MergeCounts(added=2, updated=0, removed=0)
    assert [e.uid for e in document.events] == ["a", "b"]
    assert {e.calendar for e in document.events} == {"exec"}


def test_merging_the_same_events_again_returns_the_very_same_document() -> None:
    items = [imported("a", at("2026-11-24", "10:00")), imported("b", at("2026-11-25", "10:00"))]
    first, _ = merge(Document(), items)
    # As decoded from planner.json, times carry fixed offsets instead of the zone.
    roundtrip = msgspec.json.decode(msgspec.json.encode(first), type=Document)
    second, counts = merge(roundtrip, items)
    assert counts == MergeCounts(0, 0, 0)
    assert second is roundtrip


def test_a_moved_or_renamed_event_keeps_its_id() -> None:
    document, _ = merge(Document(), [imported("a", at("2026-11-24", "10:00"))])
    (before,) = document.events
    moved = imported("a", at("2026-11-24", "15:00"), title="Renamed")
    document, counts = merge(document, [moved])
    assert counts == MergeCounts(0, 1, 0)
    (after,) = document.events
    assert after.id == before.id
    assert (after.title, after.start) == ("Renamed", at("2026-11-24", "15:00"))


def test_a_kind_chosen_by_hand_survives_a_reimport() -> None:
    document, _ = merge(Document(), [imported("a", at("2026-11-24", "10:00"))])
    (event,) = document.events
    by_hand = msgspec.structs.replace(
        event, kind="focus", kind_by_hand=True, interruptible=True, with_ea=True
    )
    document = msgspec.structs.replace(document, events=(by_hand,))
    renamed = imported("a", at("2026-11-24", "10:00"), title="Renamed", kind="call")
    document, counts = merge(document, [renamed])
    assert counts.updated == 1
    (after,) = document.events
    assert (after.title, after.kind, after.interruptible, after.with_ea) == (
        "Renamed",
        "focus",
        True,
        True,
    )


def test_a_guessed_kind_follows_the_file() -> None:
    document, _ = merge(Document(), [imported("a", at("2026-11-24", "10:00"))])
    document, counts = merge(document, [imported("a", at("2026-11-24", "10:00"), kind="travel")])
    assert counts.updated == 1
    assert document.events[0].kind == "travel"


def test_vanished_events_are_removed_only_within_the_range_and_only_from_this_calendar() -> None:
    old = Event(
        id="e-old",
        title="Before the range",
        start=START - timedelta(days=3),
        end=START - timedelta(days=3, hours=-1),
        calendar="exec",
        uid="old",
    )
    spanning = Event(
        id="e-span",
        title="Ends inside the range",
        start=START - timedelta(hours=1),
        end=START + timedelta(hours=1),
        calendar="exec",
        uid="span",
    )
    nine, ten = at("2026-11-24", "09:00"), at("2026-11-24", "10:00")
    by_hand = Event(id="e-hand", title="By hand", start=nine, end=ten)
    other = Event(id="e-other", title="Other", start=nine, end=ten, calendar="team", uid="gone")
    gone = Event(id="e-gone", title="Vanished", start=nine, end=ten, calendar="exec", uid="gone")
    document = Document(events=(old, spanning, by_hand, other, gone))
    document, counts = merge(document, [])
    assert counts == MergeCounts(added=0, updated=0, removed=2)
    assert [e.id for e in document.events] == ["e-old", "e-hand", "e-other"]


def test_series_instances_are_matched_by_recurrence_id() -> None:
    items = [
        imported("s", at("2026-11-23", "10:00"), rid="2026-11-23T09:00:00Z"),
        imported("s", at("2026-11-30", "10:00"), rid="2026-11-30T09:00:00Z"),
    ]
    document, _ = merge(Document(), items)
    ids_before = {e.recurrence_id: e.id for e in document.events}
    moved = [items[0], imported("s", at("2026-12-01", "15:00"), rid="2026-11-30T09:00:00Z")]
    document, counts = merge(document, moved)
    assert counts == MergeCounts(0, 1, 0)
    assert {e.recurrence_id: e.id for e in document.events} == ids_before


def test_a_new_executive_zone_rewrites_the_offsets() -> None:
    document, _ = merge(Document(), [imported("a", at("2026-11-24", "10:00"))])
    utc = imported("a", at("2026-11-24", "10:00").astimezone(UTC))
    document, counts = merge(document, [utc])
    assert counts.updated == 1
    assert document.events[0].start.utcoffset() == timedelta(0)


def test_duplicate_stored_events_are_cleaned_up() -> None:
    document, _ = merge(Document(), [imported("a", at("2026-11-24", "10:00"))])
    twin = msgspec.structs.replace(document.events[0], id="e-twin")
    document = msgspec.structs.replace(document, events=(*document.events, twin))
    document, counts = merge(document, [imported("a", at("2026-11-24", "10:00"))])
    assert counts == MergeCounts(0, 0, 1)
    assert [e.id for e in document.events] == ["e-1"]


def test_an_event_in_the_repeated_hour_is_not_updated_on_reimport() -> None:
    # 02:30 on 25 October 2026 happens twice in Paris. Python never finds such an
    # ambiguous time equal to one with a fixed offset, which once made every
    # re-import "update" it.
    first_0230 = at("2026-10-25", "02:30")
    second_0230 = first_0230.replace(fold=1)
    items = [imported("a", first_0230), imported("b", second_0230)]
    document, _ = merge(Document(), items)
    roundtrip = msgspec.json.decode(msgspec.json.encode(document), type=Document)
    assert [e.start.utcoffset() for e in roundtrip.events] == [
        timedelta(hours=2),
        timedelta(hours=1),
    ]
    again, counts = merge(roundtrip, items)
    assert counts == MergeCounts(0, 0, 0)
    assert again is roundtrip
