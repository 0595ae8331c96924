"""The interrupt status line: SPEC.md's exact phrases and their precedence."""

from __future__ import annotations

from collections.abc import Sequence

import msgspec
import pendulum

from planner.domain import Brief, Event, Window
from planner.scheduling import interrupt_status
from tests.scheduling.helpers import MONDAY, SETTINGS, at, brief, event, mark

DAY = [event("10:00", "11:00", "Staff meeting"), event("12:00", "13:00", "Board meeting")]


def status(
    now: pendulum.DateTime,
    events: Sequence[Event] = DAY,
    windows: Sequence[Window] = (),
    briefs: Sequence[Brief] = (),
) -> str:
    return interrupt_status(events, windows, SETTINGS, now, briefs=briefs).text


def test_good_moment_now() -> None:
    assert status(at("11:00")) == "good moment now (until 11:50, 50 min left)"
    assert status(at("11:49")) == "good moment now (until 11:50, 1 min left)"
    assert status(at("11:49").add(seconds=30)) == "good moment now (until 11:50, 1 min left)"


def test_in_a_meeting() -> None:
    assert status(at("12:00")) == "in Board meeting until 13:00"
    assert status(at("10:59")) == "in Staff meeting until 11:00"


def test_the_running_event_that_ends_last_is_named() -> None:
    events = [
        event("10:00", "12:00", "Board meeting"),
        event("10:30", "11:00", "Call", kind="call"),
    ]
    assert status(at("10:45"), events) == "in Board meeting until 12:00"


def test_in_event_runs_to_the_end_of_the_busy_stretch() -> None:
    # Lunch, then focus time straight after: busy until the focus time ends.
    events = [
        event("12:30", "13:00", "Lunch with Tom", kind="personal"),
        event("13:00", "14:30", "Deep work", kind="focus"),
        event("15:00", "16:00", "Hiring debrief"),
    ]
    assert status(at("12:40"), events) == (
        "in Lunch with Tom until 13:00, then Deep work until 14:30"
    )
    assert status(at("13:10"), events) == "in Deep work until 14:30"


def test_busy_stretch_follows_overlaps_and_chains() -> None:
    events = [
        event("09:00", "10:00", "Staff meeting"),
        event("09:45", "11:00", "Board prep"),  # overlaps the first
        event("11:00", "11:30", "Investor call", kind="call"),  # back to back
        event("11:35", "12:00", "Press"),  # a 5-minute gap ends the stretch
    ]
    assert status(at("09:10"), events) == (
        "in Staff meeting until 10:00, then Board prep (+1 more) until 11:30"
    )
    # Two events running at once: the one ending last is named.
    assert status(at("09:50"), events) == (
        "in Board prep until 11:00, then Investor call until 11:30"
    )


def test_busy_stretch_ignores_what_does_not_block() -> None:
    events = [
        event("10:00", "11:00", "Staff meeting"),
        event("11:00", "12:00", "Office hours", interruptible=True),
    ]
    assert status(at("10:30"), events) == "in Staff meeting until 11:00"


def test_busy_stretch_stops_at_a_marked_good_moment() -> None:
    events = [
        event("12:30", "13:30", "Lunch with Tom", kind="personal"),
        event("13:30", "15:00", "Deep work", kind="focus"),
    ]
    windows = [mark("14:00", "14:10", note="come by")]
    assert status(at("12:45"), events, windows) == (
        "in Lunch with Tom until 13:30, then Deep work until 14:00"
    )


def test_next_good_moment() -> None:
    assert status(at("08:12")) == "next good moment 08:30 (in 18 min)"
    # In the protected minutes before a meeting, the next one is after it.
    assert status(at("11:55")) == "next good moment 13:00 (in 1 h 5 min)"


def test_a_long_wait_reads_in_hours_and_minutes() -> None:
    evening = [event("08:30", "17:00", "Offsite", kind="travel")]
    assert status(at("00:00"), evening) == "next good moment 17:00 (in 17 h)"
    assert status(at("00:30"), evening) == "next good moment 17:00 (in 16 h 30 min)"
    assert status(at("08:50"), [event("09:00", "17:00", "Offsite", kind="travel")]) == (
        "next good moment 17:00 (in 8 h 10 min)"
    )


def test_next_good_moment_rounds_minutes_up() -> None:
    assert status(at("08:11").add(seconds=30)) == "next good moment 08:30 (in 19 min)"


def test_no_good_moment_left_today() -> None:
    assert status(at("18:00")) == "no good moment left today"
    assert status(at("23:59")) == "no good moment left today"


def test_a_weekend_says_it_is_not_a_workday_and_when_the_next_begins() -> None:
    saturday = pendulum.datetime(2026, 11, 28, 11, 0, tz="Europe/Paris")
    assert status(saturday, []) == "not a workday (next workday Mon 30 Nov 08:30)"
    sunday_night = pendulum.datetime(2026, 11, 29, 1, 30, tz="Europe/Paris")
    assert status(sunday_night, []) == "not a workday (next workday Mon 30 Nov 08:30)"
    # A Friday evening is a workday that is over.
    assert status(at("19:00", MONDAY.add(days=4)), []) == "no good moment left today"


def test_a_day_outside_the_executives_own_workdays_is_not_a_workday() -> None:
    # Sunday to Thursday, 09:00-17:00: Friday is a day off, Sunday the next workday.
    settings = msgspec.structs.replace(
        SETTINGS, workdays=(7, 1, 2, 3, 4), workday_start="09:00", workday_end="17:00"
    )
    friday = pendulum.datetime(2026, 11, 27, 10, 0, tz="Europe/Paris")
    assert interrupt_status([], [], settings, friday).text == (
        "not a workday (next workday Sun 29 Nov 09:00)"
    )
    monday = interrupt_status([], [], settings, at("10:00"))
    assert monday.text == "good moment now (until 17:00, 7 h left)"


def test_an_event_on_a_day_off_is_still_named() -> None:
    saturday = pendulum.date(2026, 11, 28)
    events = [event("10:00", "12:00", "Charity gala", date=saturday)]
    assert status(at("11:00", saturday), events) == "in Charity gala until 12:00"
    assert status(at("12:00", saturday), events) == (
        "not a workday (next workday Mon 30 Nov 08:30)"
    )


def test_a_marked_window_during_a_meeting_wins_over_the_meeting() -> None:
    windows = [mark("12:15", "12:30", note="step out")]
    assert status(at("12:20"), windows=windows) == "good moment now (until 12:30, 10 min left)"


def test_a_marked_block_is_not_a_good_moment() -> None:
    windows = [mark("11:00", "11:30", "block")]
    assert status(at("11:12"), windows=windows) == "next good moment 11:30 (in 18 min)"


def test_until_runs_across_adjacent_windows() -> None:
    events = [event("09:00", "10:00", "Staff"), event("11:00", "12:00", "Board")]
    windows = [mark("10:00", "10:30", note="come by")]  # then computed 10:30–10:50
    assert status(at("10:05"), events, windows) == "good moment now (until 10:50, 45 min left)"


def test_interrupt_now_names_the_brief_and_its_deadline() -> None:
    events = [event("09:00", "12:00", "Board meeting")]
    urgent = brief("Sign the contract", deliver_by=at("11:00"))
    assert status(at("09:30"), events, briefs=[urgent]) == (
        "interrupt now: Sign the contract (deliver by 11:00)"
    )


def test_interrupt_now_counts_the_others_and_shows_another_days_deadline() -> None:
    events = [event("08:00", "19:00", "Offsite", kind="travel")]
    tuesday = MONDAY.add(days=1)
    first = brief("Wire transfer", deliver_by=at("11:00"))
    second = brief("Press release", deliver_by=at("08:00", tuesday))
    text = status(at("09:30"), events, briefs=[second, first])
    assert text == "interrupt now: Wire transfer (deliver by 11:00) (+1 more)"
    text = status(at("09:30"), events, briefs=[second])
    assert text == "interrupt now: Press release (deliver by Tue 24 Nov 08:00)"


def test_interrupt_now_comes_first_even_in_a_good_moment() -> None:
    # A 10-minute window filled by an urgent brief: the low-priority deadline does not fit.
    events = [event("09:00", "11:00", "Staff"), event("11:20", "13:00", "Board")]
    big = brief("Reorg", 10, priority="urgent")
    due = brief("Flowers for Ana", 2, priority="low", deliver_by=at("11:15"))
    assert status(at("11:00"), events, briefs=[big, due]) == (
        "interrupt now: Flowers for Ana (deliver by 11:15)"
    )
    assert status(at("11:00"), events, briefs=[big]) == "good moment now (until 11:10, 10 min left)"


def test_held_briefs_do_not_trigger_interrupt_now() -> None:
    events = [event("09:00", "12:00", "Board meeting")]
    held = brief("Plant closing", kind="bad-news", deliver_by=at("11:00"))
    assert status(at("09:30"), events, briefs=[held]) == "in Board meeting until 12:00"


def test_next_good_moment_across_the_repeated_hour() -> None:
    sunday_settings = msgspec.structs.replace(
        SETTINGS, workdays=(7,), workday_start="00:00", workday_end="23:59"
    )
    utc = "UTC"
    block = Window(
        id="w-b",
        start=pendulum.datetime(2026, 10, 25, 0, 50, tz=utc),  # 02:50 CEST
        end=pendulum.datetime(2026, 10, 25, 1, 20, tz=utc),  # 02:20 CET, 30 min later
        mark="block",
    )
    now = pendulum.datetime(2026, 10, 25, 0, 50, tz=utc).in_tz("Europe/Paris")
    text = interrupt_status([], [block], sunday_settings, now).text
    assert text == "next good moment 02:20 (in 30 min)"
