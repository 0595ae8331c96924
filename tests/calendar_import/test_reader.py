"""Reading .ics files: series, time zones, all-day events, damaged input, untrusted text."""

from __future__ import annotations

import time as clock
from datetime import datetime, timedelta

import pytest

from planner.calendar_import import (
    CalendarRead,
    ImportedEvent,
    NotICalendar,
    import_range,
    read_ics,
)
from tests.calendar_import.helpers import FIXTURES, PARIS, TODAY

START, END = import_range(TODAY, PARIS, days_back=60, days_ahead=365)


def read(source: str | bytes) -> CalendarRead:
    data = (FIXTURES / source).read_bytes() if isinstance(source, str) else source
    return read_ics(data, zone=PARIS, start=START, end=END)


def calendar(*events: str, head: str = "") -> bytes:
    """A VCALENDAR around VEVENT bodies (their lines without BEGIN/END)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tests//EN"]
    lines += [line for line in head.splitlines() if line]
    for body in events:
        lines += ["BEGIN:VEVENT", *[line for line in body.splitlines() if line], "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def at(day: str, hm: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hm}").replace(tzinfo=PARIS)


def by_start(events: tuple[ImportedEvent, ...]) -> list[ImportedEvent]:
    return sorted(events, key=lambda e: e.start)


def test_import_range_is_days_back_and_ahead_around_today_in_the_zone() -> None:
    start, end = import_range(TODAY, PARIS, days_back=60, days_ahead=365)
    assert (start, end) == (at("2026-09-24", "00:00"), at("2027-11-23", "00:00"))
    assert start.utcoffset() == timedelta(hours=2)  # still summer time in Paris


def test_weekly_series_with_exdate_rdate_and_a_moved_instance() -> None:
    result = read("weekly_exdate_moved.ics")
    assert result.skipped == ()
    events = by_start(result.events)
    assert [(e.start, e.title) for e in events] == [
        (at("2026-11-02", "10:00"), "Staff meeting"),
        (at("2026-11-11", "09:00"), "Staff meeting"),  # RDATE
        (at("2026-11-17", "15:00"), "Staff meeting (moved)"),  # moved from the 16th
        (at("2026-11-23", "10:00"), "Staff meeting"),
        (at("2026-11-30", "10:00"), "Staff meeting"),
        (at("2026-12-07", "10:00"), "Staff meeting"),
    ]  # 9 November is an EXDATE
    moved = events[2]
    assert moved.recurrence_id == "2026-11-16T09:00:00Z"  # its original start, in UTC
    assert moved.end - moved.start == timedelta(hours=1)
    assert {e.uid for e in events} == {"staff-weekly@example.com"}
    assert len({e.recurrence_id for e in events}) == 6


def test_series_keep_their_wall_clock_time_across_the_end_of_daylight_saving_time() -> None:
    events = by_start(read("dst_end.ics").events)
    paris = [e for e in events if e.uid == "paris-weekly@example.com"]
    assert [e.start.strftime("%m-%d %H:%M") for e in paris] == [
        "10-19 09:00",
        "10-26 09:00",
        "11-02 09:00",
    ]
    assert [e.start.utcoffset() for e in paris] == [
        timedelta(hours=2),
        timedelta(hours=1),
        timedelta(hours=1),
    ]
    # 09:00 in New York, shown in Paris: the two zones change a week apart.
    new_york = [e for e in events if e.uid == "ny-weekly@example.com"]
    assert [e.start.strftime("%m-%d %H:%M") for e in new_york] == [
        "10-26 14:00",
        "11-02 15:00",
        "11-09 15:00",
    ]


def test_times_are_aware_and_in_the_executives_zone() -> None:
    for name in ("weekly_exdate_moved.ics", "dst_end.ics", "windows_zones.ics", "holidays.ics"):
        for event in read(name).events:
            assert event.start.tzinfo is PARIS
            assert event.end.tzinfo is PARIS


def test_windows_zone_names_from_outlook() -> None:
    events = by_start(read("windows_zones.ics").events)
    weekly = [e for e in events if e.title == "Weekly leadership team"]
    assert [e.start for e in weekly] == [
        at("2026-10-19", "09:00"),
        at("2026-10-26", "09:00"),
        at("2026-11-02", "09:00"),
    ]
    # "Pacific Standard Time" has no VTIMEZONE in the file: icalendar maps the name.
    (seattle,) = [e for e in events if e.title == "Call with Seattle office"]
    assert seattle.start == at("2026-11-24", "18:00")
    assert seattle.kind == "call"


def test_x_wr_timezone_expands_google_series_in_the_calendars_zone() -> None:
    events = by_start(read("google_x_wr_timezone.ics").events)
    standup = [e for e in events if e.title == "New York standup"]
    # 13:00Z is 09:00 in New York; after 1 November it stays 09:00 there (14:00Z).
    assert [e.start.astimezone(PARIS).strftime("%m-%d %H:%M") for e in standup] == [
        "10-19 15:00",
        "10-26 14:00",
        "11-02 15:00",
        "11-09 15:00",
    ]
    (floating,) = [e for e in events if e.title.startswith("Floating")]
    assert floating.start == at("2026-11-24", "16:00")  # 10:00 in New York


def test_floating_times_are_the_executives_wall_clock() -> None:
    events = by_start(read("floating.ics").events)
    assert [(e.title, e.start) for e in events] == [
        ("Floating weekly", at("2026-10-19", "09:00")),
        ("Floating weekly", at("2026-10-26", "09:00")),
        ("Floating single", at("2026-11-24", "10:00")),
    ]
    assert events[0].recurrence_id == "2026-10-19T09:00:00"
    assert events[2].recurrence_id is None


def test_all_day_events_run_midnight_to_midnight() -> None:
    events = {e.title: e for e in read("holidays.ics").events}
    christmas = events["Christmas Day"]
    assert christmas.all_day
    assert (christmas.start, christmas.end) == (
        at("2026-12-25", "00:00"),
        at("2026-12-26", "00:00"),
    )
    offsite = events["Leadership offsite"]
    assert (offsite.start, offsite.end) == (at("2026-12-01", "00:00"), at("2026-12-04", "00:00"))
    birthday = events["Executive's birthday"]
    assert birthday.start == at("2027-01-05", "00:00")
    assert birthday.recurrence_id == "2027-01-05"


def test_events_without_dtend() -> None:
    events = {e.title: e for e in read("holidays.ics").events}
    holiday = events["Company holiday"]  # a date: one day
    assert (holiday.start, holiday.end, holiday.all_day) == (
        at("2026-11-30", "00:00"),
        at("2026-12-01", "00:00"),
        True,
    )
    review = events["Budget review"]  # DURATION
    assert (review.start, review.end) == (at("2026-11-24", "11:00"), at("2026-11-24", "12:30"))
    deadline = events["Filing deadline"]  # a date-time: no length (RFC 5545)
    assert deadline.start == deadline.end == at("2026-11-24", "17:00")


def test_all_day_event_ending_on_its_start_day_lasts_one_day() -> None:
    data = calendar("UID:x\nSUMMARY:Day\nDTSTART;VALUE=DATE:20261124\nDTEND;VALUE=DATE:20261124")
    (event,) = read(data).events
    assert (event.start, event.end) == (at("2026-11-24", "00:00"), at("2026-11-25", "00:00"))


def test_a_broken_event_is_skipped_and_the_rest_imports() -> None:
    result = read("broken_among_good.ics")
    assert sorted(e.title for e in result.events) == ["Budget review", "Client call"]
    reasons = {s.uid: s.reason for s in result.skipped}
    assert reasons == {
        "no-start@example.com": "it has no DTSTART",
        "bad-date@example.com": "its DTSTART is not valid (20261345T250000)",
        "bad-rule@example.com": reasons["bad-rule@example.com"],
        "backwards@example.com": "it ends before it starts",
    }
    assert reasons["bad-rule@example.com"].startswith("its RRULE is not valid")
    assert {s.summary for s in result.skipped} == {
        "Ghost meeting",
        "Bad date",
        "Broken rule",
        "Backwards",
    }


def test_events_outside_the_range_are_neither_imported_nor_skipped() -> None:
    data = calendar(
        "UID:old\nSUMMARY:Long ago\nDTSTART:20200101T100000Z\nDTEND:20200101T110000Z",
        "UID:far\nSUMMARY:Far ahead\nDTSTART:20300101T100000Z\nDTEND:20300101T110000Z",
    )
    assert read(data) == CalendarRead(events=(), skipped=(), notes=(), outside=2)


def test_rules_repeating_too_often_are_skipped_quickly() -> None:
    data = calendar(
        "UID:spam\nSUMMARY:Every second\nDTSTART:20261101T000000Z\nRRULE:FREQ=SECONDLY",
        "UID:minute\nSUMMARY:Every minute\nDTSTART:20261101T000000Z\nRRULE:FREQ=MINUTELY",
        "UID:hourly\nSUMMARY:Hourly\nDTSTART:20261101T000000Z\nRRULE:FREQ=HOURLY",
        "UID:ok\nSUMMARY:Fine\nDTSTART:20261124T100000Z\nDTEND:20261124T110000Z",
    )
    began = clock.perf_counter()
    result = read(data)
    assert clock.perf_counter() - began < 10
    assert [e.title for e in result.events] == ["Fine"]
    assert {s.uid for s in result.skipped} == {"spam", "minute", "hourly"}
    reasons = {s.uid: s.reason for s in result.skipped}
    assert reasons["minute"] == "it repeats every minute; that is not a schedule"
    assert reasons["hourly"] == "it repeats more than 2000 times in the import range"


def test_a_short_hourly_series_imports() -> None:
    data = calendar("UID:h\nSUMMARY:Hourly\nDTSTART:20261124T090000Z\nRRULE:FREQ=HOURLY;COUNT=3")
    assert len(read(data).events) == 3


def test_events_without_uid_get_a_stable_one() -> None:
    data = calendar(
        "SUMMARY:No UID one\nDTSTART:20261124T100000Z\nDTEND:20261124T110000Z",
        "SUMMARY:No UID two\nDTSTART:20261124T120000Z\nDTEND:20261124T130000Z",
    )
    first, second = read(data), read(data)
    assert len(first.events) == 2
    assert [e.uid for e in first.events] == [e.uid for e in second.events]
    assert len({e.uid for e in first.events}) == 2
    assert all(e.uid.startswith("no-uid-") for e in first.events)


def test_single_events_have_no_recurrence_id_so_a_move_is_an_update() -> None:
    data = calendar("UID:one\nSUMMARY:Once\nDTSTART:20261124T100000Z\nDTEND:20261124T110000Z")
    (event,) = read(data).events
    assert event.recurrence_id is None


def test_several_vcalendars_in_one_file() -> None:
    one = calendar("UID:a\nSUMMARY:A\nDTSTART:20261124T100000Z")
    two = calendar("UID:b\nSUMMARY:B\nDTSTART:20261125T100000Z")
    assert sorted(e.title for e in read(one + two).events) == ["A", "B"]


def test_a_damaged_file_is_read_one_event_at_a_time() -> None:
    data = calendar(
        "UID:good\nSUMMARY:Good\nDTSTART:20261124T100000Z\nDTEND:20261124T110000Z",
        "UID:bad\nSUMMARY:Bad\nDTSTART:20261124T100000Z\nRRULE:%n;BYMONTH=",
    ).replace(b"END:VCALENDAR", b"not a content line\r\nEND:VCALENDAR")
    result = read(data)
    assert [e.title for e in result.events] == ["Good"]
    assert any("damaged" in note for note in result.notes)


def test_an_unclosed_calendar_still_yields_its_events() -> None:
    data = calendar("UID:good\nSUMMARY:Good\nDTSTART:20261124T100000Z").replace(
        b"END:VCALENDAR\r\n", b""
    )
    assert [e.title for e in read(data).events] == ["Good"]


def test_unknown_tzid_is_read_as_local_time_and_noted() -> None:
    data = calendar("UID:u\nSUMMARY:Where\nDTSTART;TZID=Mars/Olympus:20261124T100000")
    result = read(data)
    assert result.events[0].start == at("2026-11-24", "10:00")
    assert any("Mars/Olympus" in note for note in result.notes)


def test_unknown_x_wr_timezone_is_ignored_and_noted() -> None:
    data = calendar(
        "UID:u\nSUMMARY:Standup\nDTSTART:20261124T100000Z", head="X-WR-TIMEZONE:Nowhere/City"
    )
    result = read(data)
    assert result.events[0].start == at("2026-11-24", "11:00")
    assert any("Nowhere/City" in note for note in result.notes)


def test_latin1_file_is_read() -> None:
    data = calendar("UID:l\nSUMMARY:Caf\u00e9 with Ren\u00e9e\nDTSTART:20261124T100000Z")
    result = read(data.decode().encode("cp1252"))
    assert result.events[0].title == "Caf\u00e9 with Ren\u00e9e"


def test_untrusted_text_loses_controls_and_keeps_markup() -> None:
    title = (
        "\x1b[31mURGENT\x1b[0m\x07 Board \u202eevil\u202c \x9b2J [bold]x[/bold] [@click=quit]y[/]"
    )
    data = calendar(
        f"UID:esc\nSUMMARY:{title}\nLOCATION:Room\x1b]0;pwned\x07 4\n"
        "DESCRIPTION:line one\\nline two\x1b[2J [red]z[/red]\n"
        "DTSTART:20261124T100000Z"
    )
    (event,) = read(data).events
    assert event.title == "[31mURGENT[0m Board evil 2J [bold]x[/bold] [@click=quit]y[/]"
    assert event.location == "Room]0;pwned 4"
    assert event.description == "line one\nline two[2J [red]z[/red]"
    for text in (event.title, event.location, event.description):
        assert not any(ch in text for ch in "\x1b\x07\x9b\u202e\u202c")


def test_untrusted_text_in_skip_reports_is_clean() -> None:
    data = calendar("UID:\x1b[2Jevil\nSUMMARY:\x1b]0;title\x07Ghost")
    (skipped,) = read(data).skipped
    assert "\x1b" not in skipped.uid + skipped.summary + skipped.reason
    assert skipped.reason == "it has no DTSTART"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "it is empty"),
        (b"   \n\n", "it is empty"),
        (b"hello world\nthis is not a calendar\n", "it has no BEGIN:VCALENDAR line"),
        (b'{"events": []}', "it has no BEGIN:VCALENDAR line"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
            "it holds binary data, not text",
        ),
        (b"BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", "it has no BEGIN:VCALENDAR line"),
    ],
)
def test_not_icalendar(data: bytes, reason: str) -> None:
    with pytest.raises(NotICalendar) as raised:
        read(data)
    assert raised.value.reason == reason


def test_utf16_calendar_is_read() -> None:
    data = calendar("UID:w\nSUMMARY:Wide\nDTSTART:20261124T100000Z").decode().encode("utf-16")
    assert [e.title for e in read(data).events] == ["Wide"]
