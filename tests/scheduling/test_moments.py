"""Good moments for one date, with hand-computed expectations."""

from __future__ import annotations

import msgspec
import pendulum

from planner.config import Settings
from planner.domain import Event, Window
from planner.scheduling import busy_spans, good_moments, never_interrupted, next_workday
from tests.scheduling.helpers import MONDAY, SETTINGS, TZ, all_day, at, event, mark, spans


def busy_day() -> tuple[list[Event], list[Window]]:
    """Monday 23 Nov 2026: overlaps, back-to-back, all-day, lunch, focus, 1:1, marks."""
    events = [
        all_day("Offsite prep"),
        event("09:00", "10:00", "Staff meeting"),
        event("09:30", "10:30", "Call with Acme", kind="call"),  # overlaps the staff meeting
        event("10:30", "11:00", "Budget review"),  # back-to-back with the call
        event("12:30", "13:30", "Lunch", kind="personal"),
        event("14:00", "15:00", "Deep work", kind="focus"),
        event("15:00", "15:30", "1:1 with Claire", kind="one-on-one", with_ea=True),
        event("16:00", "17:00", "Board meeting"),
    ]
    windows = [
        mark("11:20", "11:40", "block", "do not disturb"),
        mark("17:20", "17:40", note="come by"),
    ]
    return events, windows


def test_a_busy_day() -> None:
    events, windows = busy_day()
    moments = good_moments(events, windows, SETTINGS, MONDAY)
    assert spans(moments) == [
        ("08:30", "08:50"),  # workday start to 10 min before the staff meeting
        ("11:00", "11:20"),  # end of the merged 09:00–11:00 block, until the hand-marked block
        ("11:40", "12:20"),  # after the block, until 10 min before lunch
        ("13:30", "13:50"),  # after lunch, until 10 min before deep work
        ("15:00", "15:30"),  # the one-on-one with the EA
        ("15:30", "15:50"),  # until 10 min before the board meeting
        ("17:00", "17:20"),  # end of the board meeting, until the marked window
        ("17:20", "17:40"),  # hand-marked
        ("17:40", "18:00"),  # to the end of the workday
    ]
    rows = [(m.source, m.best, m.after_event, m.note, m.minutes) for m in moments]
    assert rows == [
        ("computed", False, None, "", 20),
        ("computed", True, "Budget review", "", 20),
        ("computed", False, None, "", 40),
        ("computed", False, "Lunch", "", 20),  # after personal time: not "best"
        ("one-on-one", True, None, "1:1 with Claire", 30),
        ("computed", False, None, "", 20),
        ("computed", True, "Board meeting", "", 20),
        ("marked", False, None, "come by", 20),
        ("computed", False, None, "", 20),
    ]
    assert all(m.start.timezone_name == TZ for m in moments)


def test_overlapping_and_back_to_back_events_merge() -> None:
    events = [
        event("09:00", "10:00", "A"),
        event("09:30", "10:30", "B"),
        event("10:30", "11:00", "C"),
        event("10:40", "10:50", "D"),
    ]
    (block,) = busy_spans(events, MONDAY, TZ)
    assert (block.start, block.end) == (at("09:00"), at("11:00"))
    assert block.last.title == "C"
    assert spans(good_moments(events, [], SETTINGS, MONDAY)) == [
        ("08:30", "08:50"),
        ("11:00", "18:00"),
    ]


def test_protect_before_and_settle_after() -> None:
    settings = msgspec.structs.replace(SETTINGS, protect_before=15, settle_after=5)
    moments = good_moments([event("10:00", "11:00", "Staff")], [], settings, MONDAY)
    assert spans(moments) == [("08:30", "09:45"), ("11:05", "18:00")]
    assert moments[1].best and moments[1].after_event == "Staff"


def test_gaps_shorter_than_min_window_are_not_windows() -> None:
    # 10:00–10:25 minus 10 protected minutes leaves 15 min: a window at min_window 10 …
    events = [event("09:00", "10:00"), event("10:25", "11:00")]
    assert ("10:00", "10:15") in spans(good_moments(events, [], SETTINGS, MONDAY))
    # … but not at 20, and not when only 9 minutes are left.
    strict = msgspec.structs.replace(SETTINGS, min_window=20)
    assert ("10:00", "10:15") not in spans(good_moments(events, [], strict, MONDAY))
    tight = [event("09:00", "10:00"), event("10:19", "11:00")]
    assert spans(good_moments(tight, [], SETTINGS, MONDAY))[:2] == [
        ("08:30", "08:50"),
        ("11:00", "18:00"),
    ]


def test_all_day_events_block_nothing() -> None:
    moments = good_moments(
        [all_day("Company holiday"), all_day("Conference")], [], SETTINGS, MONDAY
    )
    assert spans(moments) == [("08:30", "18:00")]
    assert moments[0].minutes == 570


def test_never_interrupted_kinds_block_and_the_window_after_is_not_best() -> None:
    for kind in ("focus", "travel", "personal"):
        moments = good_moments([event("10:00", "11:00", kind=kind)], [], SETTINGS, MONDAY)
        assert spans(moments) == [("08:30", "09:50"), ("11:00", "18:00")]
        assert not moments[1].best
    for kind in ("meeting", "call", "one-on-one"):
        moments = good_moments([event("10:00", "11:00", kind=kind)], [], SETTINGS, MONDAY)
        assert moments[1].best, kind


def test_the_interruptible_flag_overrides_the_kind() -> None:
    leaveable = event("10:00", "11:00", "All hands", interruptible=True)
    assert spans(good_moments([leaveable], [], SETTINGS, MONDAY)) == [("08:30", "18:00")]
    open_focus = event("10:00", "11:00", "Reading", kind="focus", interruptible=True)
    assert spans(good_moments([open_focus], [], SETTINGS, MONDAY)) == [("08:30", "18:00")]
    strict_call = event("10:00", "11:00", "Investor call", kind="call", interruptible=False)
    moments = good_moments([strict_call], [], SETTINGS, MONDAY)
    assert spans(moments) == [("08:30", "09:50"), ("11:00", "18:00")]
    assert not moments[1].best
    assert never_interrupted(strict_call, SETTINGS)
    assert not never_interrupted(open_focus, SETTINGS)
    assert never_interrupted(event("10:00", "11:00", kind="travel"), SETTINGS)


def test_never_interrupt_is_a_setting() -> None:
    settings = msgspec.structs.replace(SETTINGS, never_interrupt=("meeting",))
    moments = good_moments([event("10:00", "11:00", "Staff")], [], settings, MONDAY)
    assert not moments[1].best


def test_a_one_on_one_with_the_ea_is_a_window_between_meetings() -> None:
    events = [
        event("09:00", "10:00", "Staff"),
        event("10:00", "10:30", "1:1 with EA", kind="one-on-one", with_ea=True),
        event("10:30", "11:00", "Budget"),
    ]
    moments = good_moments(events, [], SETTINGS, MONDAY)
    assert spans(moments) == [("08:30", "08:50"), ("10:00", "10:30"), ("11:00", "18:00")]
    assert (moments[1].source, moments[1].best, moments[1].note) == (
        "one-on-one",
        True,
        "1:1 with EA",
    )
    # Without the EA it is just another meeting: the three merge into one block.
    events[1] = event("10:00", "10:30", "1:1 with CFO", kind="one-on-one")
    assert spans(good_moments(events, [], SETTINGS, MONDAY)) == [
        ("08:30", "08:50"),
        ("11:00", "18:00"),
    ]


def test_a_one_on_one_double_booked_with_a_blocking_event_loses_the_overlap() -> None:
    events = [
        event("10:00", "11:00", "1:1 with EA", kind="one-on-one", with_ea=True),
        event("10:30", "12:00", "Board meeting", interruptible=False),
    ]
    moments = good_moments(events, [], SETTINGS, MONDAY)
    assert spans(moments)[:2] == [("08:30", "10:00"), ("10:00", "10:30")]
    assert moments[1].source == "one-on-one"


def test_marked_windows_add_and_blocks_subtract() -> None:
    events = [event("14:00", "16:00", "Offsite review")]
    windows = [
        mark("14:30", "14:45", note="come by"),  # inside the meeting: the executive said so
        mark("12:00", "13:00", "block", "do not disturb"),
    ]
    moments = good_moments(events, windows, SETTINGS, MONDAY)
    assert spans(moments) == [
        ("08:30", "12:00"),
        ("13:00", "13:50"),
        ("14:30", "14:45"),
        ("16:00", "18:00"),
    ]
    assert moments[2].source == "marked" and moments[2].note == "come by"


def test_a_block_wins_over_a_marked_window() -> None:
    windows = [mark("14:00", "15:00"), mark("14:20", "14:40", "block")]
    moments = good_moments([], windows, SETTINGS, MONDAY)
    marked = [m for m in moments if m.source == "marked"]
    assert spans(marked) == [("14:00", "14:20"), ("14:40", "15:00")]
    assert spans(moments) == [
        ("08:30", "14:00"),
        ("14:00", "14:20"),
        ("14:40", "15:00"),
        ("15:00", "18:00"),
    ]


def test_no_windows_on_a_day_off_unless_marked_by_hand() -> None:
    saturday = pendulum.date(2026, 11, 28)
    assert good_moments([], [], SETTINGS, saturday) == ()
    moments = good_moments([], [mark("11:00", "11:30", date=saturday)], SETTINGS, saturday)
    assert spans(moments) == [("11:00", "11:30")]
    assert next_workday(SETTINGS, pendulum.date(2026, 11, 27)) == pendulum.date(2026, 11, 30)


def test_events_of_other_days_do_not_leak_in() -> None:
    tuesday = MONDAY.add(days=1)
    events = [event("10:00", "11:00", "Tomorrow's meeting", date=tuesday)]
    assert spans(good_moments(events, [], SETTINGS, MONDAY)) == [("08:30", "18:00")]


def test_an_event_through_midnight_blocks_the_morning() -> None:
    overnight = event("22:00", "23:59", "Night train", kind="travel", date=MONDAY.subtract(days=1))
    overnight = msgspec.structs.replace(overnight, end=at("09:00"))
    assert spans(good_moments([overnight], [], SETTINGS, MONDAY)) == [("09:00", "18:00")]


# -- DST ---------------------------------------------------------------------------

ALL_DAY_LONG = Settings(
    timezone=TZ,
    workdays=(1, 2, 3, 4, 5, 6, 7),
    workday_start="00:00",
    workday_end="23:59",
    protect_before=0,
)


def test_spring_forward_day_has_23_hours() -> None:
    sunday = pendulum.date(2027, 3, 28)  # 02:00 → 03:00 in Paris
    (whole,) = good_moments([], [], ALL_DAY_LONG, sunday)
    assert whole.minutes == 23 * 60 + 59 - 60
    # 01:30–03:30 on the wall clock is one real hour.
    trip = event("01:30", "03:30", "Flight", kind="travel", date=sunday)
    assert (trip.end - trip.start).total_seconds() == 3600
    moments = good_moments([trip], [], ALL_DAY_LONG, sunday)
    assert spans(moments) == [("00:00", "01:30"), ("03:30", "23:59")]
    assert [m.minutes for m in moments] == [90, 20 * 60 + 29]
    assert moments[0].start.utcoffset() != moments[1].start.utcoffset()


def test_fall_back_day_has_25_hours() -> None:
    sunday = pendulum.date(2026, 10, 25)  # 03:00 → 02:00 in Paris
    (whole,) = good_moments([], [], ALL_DAY_LONG, sunday)
    assert whole.minutes == 24 * 60 + 59
    trip = event("01:00", "04:00", "Flight", kind="travel", date=sunday)
    assert (trip.end - trip.start).total_seconds() == 4 * 3600
    moments = good_moments([trip], [], ALL_DAY_LONG, sunday)
    assert spans(moments) == [("00:00", "01:00"), ("04:00", "23:59")]
    assert [m.minutes for m in moments] == [60, 19 * 60 + 59]


def test_a_normal_workday_on_a_dst_day_is_unchanged() -> None:
    sunday_workday = msgspec.structs.replace(SETTINGS, workdays=(7,))
    for sunday in (pendulum.date(2027, 3, 28), pendulum.date(2026, 10, 25)):
        moments = good_moments([event("10:00", "11:00", date=sunday)], [], sunday_workday, sunday)
        assert spans(moments) == [("08:30", "09:50"), ("11:00", "18:00")]
        assert [m.minutes for m in moments] == [80, 420]


def test_the_executive_zone_is_used_not_the_assistants() -> None:
    tokyo = msgspec.structs.replace(SETTINGS, timezone="Asia/Tokyo")
    moments = good_moments([], [], tokyo, MONDAY)
    assert moments[0].start == pendulum.datetime(2026, 11, 23, 8, 30, tz="Asia/Tokyo")
    assert moments[0].start.timezone_name == "Asia/Tokyo"


def test_the_repeated_hour_of_a_fall_back_day_is_ordered_by_instant() -> None:
    sunday = pendulum.date(2026, 10, 25)
    first_0230 = pendulum.datetime(2026, 10, 25, 0, 30, tz="UTC").in_tz(TZ)  # 02:30 CEST
    second_0210 = pendulum.datetime(2026, 10, 25, 1, 10, tz="UTC").in_tz(TZ)  # 02:10 CET
    flight = Event(id="e-x", title="Flight", start=first_0230, end=second_0210, kind="travel")
    moments = good_moments([flight], [], ALL_DAY_LONG, sunday)
    assert spans(moments) == [("00:00", "02:30"), ("02:10", "23:59")]  # 40 real minutes apart
    assert [m.minutes for m in moments] == [150, 21 * 60 + 49]
    assert moments[0].end.in_tz("UTC") < moments[1].start.in_tz("UTC")
