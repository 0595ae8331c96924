"""`fmt` writes dates as pendulum's `format` does, for every pattern the planner uses."""

from __future__ import annotations

from datetime import datetime

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.humanize import (
    counted,
    fmt,
    hour_cycle,
    hour_cycle_set,
    left,
    locale_hour_cycle,
    minutes,
    plural,
    relative_day,
    set_hour_cycle,
    until,
    when,
)

PATTERNS = (
    "HH:mm",
    "ddd D MMM HH:mm",
    "ddd D MMM",
    "dddd D MMMM YYYY",
    "YYYY-MM-DD HH:mm",
    "ddd D MMM YYYY",
    "D MMM HH:mm",
    "ddd D MMM YYYY HH:mm",
    "D MMM ",
    "ddd ",
)


@given(
    moment=st.datetimes(
        min_value=pendulum.datetime(1990, 1, 1).naive(),
        max_value=pendulum.datetime(2100, 12, 31).naive(),
    ),
    zone=st.sampled_from(["Europe/Paris", "America/New_York", "Asia/Kolkata", "UTC"]),
    pattern=st.sampled_from(PATTERNS),
)
def test_fmt_agrees_with_pendulum(moment: datetime, zone: str, pattern: str) -> None:
    local = pendulum.instance(moment, tz="UTC").in_tz(zone)
    assert fmt(local, pattern) == local.format(pattern)
    assert fmt(local.date(), "dddd D MMMM YYYY") == local.date().format("dddd D MMMM YYYY")


def test_fmt_spells_out_english_names_and_pads_clock_fields() -> None:
    moment = pendulum.datetime(2026, 3, 2, 7, 5, tz="Europe/Paris")
    assert fmt(moment, "dddd D MMMM YYYY, HH:mm") == "Monday 2 March 2026, 07:05"
    assert fmt(moment, "ddd DD/MM") == "Mon 02/03"


def test_relative_days_and_durations_read_naturally() -> None:
    today = pendulum.date(2026, 11, 23)
    assert [relative_day(today.add(days=n), today) for n in (-2, -1, 0, 1, 3)] == [
        "2 days ago",
        "yesterday",
        "today",
        "tomorrow",
        "in 3 days",
    ]
    assert [minutes(m) for m in (45, 120, 125, 60 * 24 * 3)] == [
        "45 min",
        "2 h",
        "2 h 5 min",
        "3 days",
    ]


def test_durations_read_as_people_say_them() -> None:
    assert [minutes(m) for m in (0, 1, 59, 60, 61, 510, 1439, 1440, 1500, 2880, 2900)] == [
        "0 min",
        "1 min",
        "59 min",
        "1 h",
        "1 h 1 min",
        "8 h 30 min",
        "23 h 59 min",
        "1 day",
        "1 day 1 h",
        "2 days",
        "2 days",
    ]
    start = pendulum.datetime(2026, 11, 23, 0, 0, 0, tz="Europe/Paris")
    assert until(start, start.add(hours=8, minutes=30)) == "in 8 h 30 min"
    assert until(start, start.add(minutes=45)) == "in 45 min"
    # Whole minutes, rounded up: 29 min 30 s are "30 min".
    assert until(start.add(seconds=30), start.add(minutes=30)) == "in 30 min"
    assert left(start.add(minutes=40), start.add(hours=1)) == "20 min left"
    # Across a DST change the duration is real time, not wall-clock difference.
    spring = pendulum.datetime(2026, 3, 29, 1, 30, tz="Europe/Paris")
    assert until(spring, pendulum.datetime(2026, 3, 29, 3, 30, tz="Europe/Paris")) == "in 1 h"


def test_twelve_hour_clock_times() -> None:
    day = pendulum.datetime(2026, 11, 24, tz="America/New_York")
    with hour_cycle_set(12):
        assert [fmt(day.add(hours=h, minutes=m), "HH:mm") for h, m in
                ((0, 0), (0, 30), (9, 5), (11, 59), (12, 0), (12, 30), (15, 0), (23, 59))] == [
            "12:00 AM", "12:30 AM", "9:05 AM", "11:59 AM",
            "12:00 PM", "12:30 PM", "3:00 PM", "11:59 PM",
        ]  # fmt: skip
        assert fmt(day.add(hours=15), "ddd D MMM HH:mm") == "Tue 24 Nov 3:00 PM"
        # The separate fields stay 24-hour (dates in file names, stamps).
        assert fmt(day.add(hours=15), "YYYY-MM-DD HH-mm") == "2026-11-24 15-00"
        now = day.add(hours=10)
        assert when(day.add(days=1, hours=15), now, "America/New_York") == (
            "Wed 25 Nov 3:00 PM (tomorrow)"
        )
    assert hour_cycle() == 24
    assert fmt(day.add(hours=15), "ddd D MMM HH:mm") == "Tue 24 Nov 15:00"


def test_hour_cycle_is_twelve_or_twenty_four() -> None:
    with pytest.raises(ValueError):
        set_hour_cycle(13)  # type: ignore[arg-type]  # a value the type rules out, refused at run time
    assert hour_cycle() == 24


@pytest.mark.parametrize(
    ("environ", "cycle"),
    [
        ({}, 24),
        ({"LANG": "C.UTF-8"}, 24),
        ({"LANG": "POSIX"}, 24),
        ({"LANG": "en_US.UTF-8"}, 12),
        ({"LANG": "en_GB.UTF-8"}, 24),
        ({"LANG": "de_DE.UTF-8"}, 24),
        ({"LANG": "en_AU.UTF-8"}, 12),
        ({"LANG": "hi_IN"}, 12),
        ({"LANG": "en_CA.UTF-8"}, 12),
        ({"LANG": "fr_CA.UTF-8"}, 24),
        ({"LANG": "en-US"}, 12),
        ({"LANG": "sr_RS@latin"}, 24),
        # LC_ALL wins over LC_TIME, which wins over LANG.
        ({"LANG": "en_US.UTF-8", "LC_TIME": "en_GB.UTF-8"}, 24),
        ({"LANG": "en_GB.UTF-8", "LC_TIME": "en_US.UTF-8"}, 12),
        ({"LC_ALL": "fr_FR.UTF-8", "LC_TIME": "en_US.UTF-8"}, 24),
        ({"LC_ALL": "", "LC_TIME": "en_US.UTF-8"}, 12),
    ],
)
def test_the_locale_chooses_the_default_hour_cycle(environ: dict[str, str], cycle: int) -> None:
    assert locale_hour_cycle(environ) == cycle


def test_counts_take_the_word_that_fits_them() -> None:
    assert counted(1, "event") == "1 event"
    assert counted(0, "event") == "0 events"
    assert counted(2, "open follow-up") == "2 open follow-ups"
    assert counted(1, "match", "matches") == "1 match"
    assert counted(3, "match", "matches") == "3 matches"
    assert plural(1, "This event is", "These events are") == "This event is"
    assert plural(2, "This event is", "These events are") == "These events are"
