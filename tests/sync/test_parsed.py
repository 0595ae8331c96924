"""The parsed cache of CalDAV objects: what is parsed again, and that it reads as a whole read."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from planner.calendar_import.imported import CalendarRead
from planner.calendar_import.importer import Window, import_window, joined
from planner.calendar_import.kinds import NO_PEOPLE, People
from planner.calendar_import.reader import read_ics
from planner.clock import Clock
from planner.config import Settings
from planner.storage import Store
from planner.sync.caldav_source import CalendarObject
from planner.sync.parsed import PARSED_CACHE, read_objects
from tests.cli.test_import_sources import BOARD, CUSTOMER, STAFF, ics

URL = "https://cal.example.com/dana/work/"
EDGE = """UID:edge@example.com
SUMMARY:Quarter review
DTSTART;TZID=Europe/Paris:20260924T090000
DTEND;TZID=Europe/Paris:20260924T100000"""
"""On the first day of the import window of 2026-11-23 (60 days back): gone a day later."""
ONE_ON_ONE = """UID:one@example.com
SUMMARY:Dana / Chris 1:1
DTSTART;TZID=Europe/Paris:20261126T090000
DTEND;TZID=Europe/Paris:20261126T093000"""


def window_on(day: str) -> Window:
    moment = pendulum.parse(day)
    assert isinstance(moment, pendulum.DateTime)
    return import_window(Settings(timezone="Europe/Paris"), Clock(moment))


def objects(*events: str) -> dict[str, CalendarObject]:
    return {
        f"/dana/work/{i}.ics": CalendarObject(etag=f'"{i}-1"', data=ics(e).decode())
        for i, e in enumerate(events)
    }


def whole(
    objs: dict[str, CalendarObject], window: Window, people: People = NO_PEOPLE
) -> CalendarRead:
    return read_ics(
        joined([o.data.encode() for o in objs.values()]),
        zone=window.zone,
        start=window.start,
        end=window.end,
        people=people,
    )


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


def test_the_cached_reads_give_what_one_whole_read_gives(store: Store) -> None:
    window = window_on("2026-11-23T10:00:00+01:00")
    objs = objects(BOARD, CUSTOMER, STAFF, EDGE, BOARD.replace("Board meeting", "Board (copy)"))
    first = read_objects(store, "work", URL, objs, window, People())
    again = read_objects(store, "work", URL, objs, window, People())
    assert (first.parsed, again.parsed) == (5, 0)
    expected = whole(objs, window)
    for done in (first, again):
        assert done.read.events == expected.events
        assert done.read.skipped == expected.skipped
        assert (done.read.cancelled, done.read.outside) == (0, 0)
    assert [s.reason for s in again.read.skipped] == [
        "another event has the same UID and RECURRENCE-ID"
    ]
    # Decoded from the file, the times are in the executive's zone again, as read.
    assert all(e.start.tzinfo is window.zone for e in again.read.events)


def test_a_changed_etag_or_data_parses_that_object_alone(store: Store) -> None:
    window = window_on("2026-11-23T10:00:00+01:00")
    objs = objects(BOARD, CUSTOMER, STAFF)
    read_objects(store, "work", URL, objs, window, People())
    moved = BOARD.replace("T140000", "T150000")
    objs["/dana/work/0.ics"] = CalendarObject(etag='"0-2"', data=ics(moved).decode())
    # Same ETag, other data (a server whose ETags lie): parsed again too.
    objs["/dana/work/1.ics"] = CalendarObject(
        etag='"1-1"', data=ics(CUSTOMER.replace("Acme", "Globex")).decode()
    )
    done = read_objects(store, "work", URL, objs, window, People())
    assert done.parsed == 2
    assert done.read.events == whole(objs, window).events


def test_a_new_day_parses_the_series_and_the_windows_edge_only(store: Store) -> None:
    objs = objects(BOARD, CUSTOMER, STAFF, EDGE)
    read_objects(store, "work", URL, objs, window_on("2026-11-23T10:00:00+01:00"), People())
    tomorrow = window_on("2026-11-24T10:00:00+01:00")
    done = read_objects(store, "work", URL, objs, tomorrow, People())
    assert done.parsed == 2  # the weekly series and the event on the window's first day
    assert done.read.events == whole(objs, tomorrow).events
    assert done.read.outside == 1
    assert "Quarter review" not in {e.title for e in done.read.events}
    # The day after, the edge event is parsed again (outside depends on the window).
    after = window_on("2026-11-25T10:00:00+01:00")
    assert read_objects(store, "work", URL, objs, after, People()).parsed == 2


def test_what_every_read_depends_on_drops_the_cache(store: Store, data_dir: Path) -> None:
    window = window_on("2026-11-23T10:00:00+01:00")
    objs = objects(BOARD, ONE_ON_ONE)
    assert read_objects(store, "work", URL, objs, window, People()).parsed == 2
    assert read_objects(store, "work", URL, objs, window, People()).parsed == 0
    # The EA's and the executive's names: the 1:1 is recognised now.
    people = People(executive="Dana", assistant="Chris")
    done = read_objects(store, "work", URL, objs, window, people)
    assert done.parsed == 2
    assert done.read.events == whole(objs, window, people).events
    assert any(e.with_ea for e in done.read.events)
    # Another URL under the same name.
    assert read_objects(store, "work", URL + "x/", objs, window, people).parsed == 2
    # Another calendar keeps its own cache.
    assert read_objects(store, "home", URL + "x/", objs, window, people).parsed == 2
    assert read_objects(store, "work", URL + "x/", objs, window, people).parsed == 0
    # A damaged cache file is a missing one.
    for path in (data_dir / "sync").glob(f"*{PARSED_CACHE}"):
        path.write_bytes(b'{"objects": [')
    assert read_objects(store, "work", URL + "x/", objs, window, people).parsed == 2


def test_the_cache_holds_no_url_and_no_password(store: Store, data_dir: Path) -> None:
    secret = "https://calendar.google.com/calendar/ical/dana/private-3f9a77/basic.ics"
    read_objects(
        store, "work", secret, objects(BOARD), window_on("2026-11-23T10:00:00+01:00"), People()
    )
    (cached,) = (data_dir / "sync").glob(f"*{PARSED_CACHE}")
    assert b"private-3f9a77" not in cached.read_bytes()
    assert b"Board meeting" in cached.read_bytes()


def test_unsubscribing_removes_the_parsed_cache(store: Store, data_dir: Path) -> None:
    from planner.storage.syncstate import forget

    window = window_on("2026-11-23T10:00:00+01:00")
    read_objects(store, "work", URL, objects(BOARD), window, NO_PEOPLE)
    read_objects(store, "home", URL, objects(BOARD), window, NO_PEOPLE)
    assert len(list((data_dir / "sync").glob(f"*{PARSED_CACHE}"))) == 2
    forget(store, "work")
    (left,) = (data_dir / "sync").glob(f"*{PARSED_CACHE}")
    assert left.name.startswith("home-")
