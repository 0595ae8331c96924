"""Times typed outside the quick-add line, all through planner.when.parse_time."""

from __future__ import annotations

from datetime import date, datetime

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.config import Settings
from planner.errors import InputError
from planner.when import parse_time

SETTINGS = Settings(timezone="Europe/Paris")
NOW = pendulum.datetime(2026, 11, 23, 10, 0, tz="Europe/Paris")


def parsed(value: str, day: date | None = None) -> datetime:
    return parse_time(value, now=NOW, settings=SETTINGS, what="WHEN", day=day)


def test_clock_time_is_on_the_given_day_and_may_be_past() -> None:
    assert parsed("09:15").isoformat() == "2026-11-23T09:15:00+01:00"
    assert (
        parsed("09:15", day=pendulum.date(2026, 11, 25)).isoformat() == "2026-11-25T09:15:00+01:00"
    )


def test_local_date_time_iso_with_offset_and_grammar_phrases() -> None:
    assert parsed("2026-11-24 14:30").isoformat() == "2026-11-24T14:30:00+01:00"
    assert parsed("2026-11-24T13:30:00Z").isoformat() == "2026-11-24T14:30:00+01:00"
    assert parsed("tomorrow 3pm").isoformat() == "2026-11-24T15:00:00+01:00"


def test_every_result_is_a_plain_datetime_so_arithmetic_keeps_its_zone() -> None:
    for value in ("09:15", "2026-11-24 14:30", "2026-11-24T13:30:00Z", "tomorrow 3pm"):
        assert type(parsed(value)) is datetime


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("25:00", "is not a time of day"),
        ("2026-11-24", "has no time"),
        ("2026-02-30 10:00", "is not a valid time"),
        ("2027-03-28 02:30", "does not exist"),
        ("yesterday", "in the past"),
        ("", "give a time"),
    ],
)
def test_bad_times_name_the_field_and_the_problem(value: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parsed(value)
    assert caught.value.message.startswith("WHEN: ")
    assert message in caught.value.message


def test_a_repeated_wall_time_is_read_as_the_first() -> None:
    assert parsed("2026-10-25 02:30").isoformat() == "2026-10-25T02:30:00+02:00"
    assert parsed("02:30", day=pendulum.date(2026, 10, 25)).isoformat() == (
        "2026-10-25T02:30:00+02:00"
    )


def test_a_skipped_wall_time_is_refused_with_the_zone() -> None:
    with pytest.raises(InputError) as caught:
        parsed("02:30", day=pendulum.date(2027, 3, 28))
    assert caught.value.message == (
        "WHEN: 02:30 on Sun 28 Mar 2027 does not exist in Europe/Paris: the clocks go forward then"
    )


def test_a_twelve_hour_clock_time_reads_as_in_quick_add() -> None:
    assert parsed("2:30").isoformat() == "2026-11-23T14:30:00+01:00"
    assert parsed("9:30").isoformat() == "2026-11-23T09:30:00+01:00"
    assert parsed("02:30").isoformat() == "2026-11-23T02:30:00+01:00"  # a leading zero: as written
    assert parsed("14:30").isoformat() == "2026-11-23T14:30:00+01:00"


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("30 min", 30),
        ("30m", 30),
        ("30 mins", 30),
        ("+30m", 30),
        ("+30 min", 30),
        ("in 30", 30),
        ("1h", 60),
        ("1 hr", 60),
        ("+1h", 60),
        ("90 min", 90),
        ("1h30", 90),
        ("1.5h", 90),
        ("1 h 30 min", 90),
        ("45 minutes from now", 45),
    ],
)
def test_a_short_delay_is_minutes_from_now(typed: str, minutes: int) -> None:
    """How an EA snoozes a call-back (the field test: all of these were refused)."""
    assert parsed(typed) == NOW.add(minutes=minutes)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("after lunch", "WHEN: 'after lunch' is not a time I can read; say when — try '30 min'"),
        ("in 2", "WHEN: 'in 2': 2 what? say 'in 2 h' or 'in 2 min'"),
        ("0 min", "WHEN: '0 min' is no time from now; try '30 min'"),
        ("soonish", "WHEN: could not read a date: unknown word 'soonish' — try '30 min', '1h', "),
    ],
)
def test_what_is_refused_says_what_would_work(typed: str, message: str) -> None:
    with pytest.raises(InputError) as refused:
        parsed(typed)
    assert refused.value.message.startswith(message)


def test_a_time_read_and_refused_says_why_without_the_examples() -> None:
    with pytest.raises(InputError) as refused:
        parsed("feb 30")
    assert "try '30 min'" not in refused.value.message


@given(
    minutes=st.integers(min_value=1, max_value=24 * 60),
    unit=st.sampled_from(["m", "min", "mins", "minute", "minutes"]),
    space=st.sampled_from(["", " "]),
    lead=st.sampled_from(["", "+", "in ", "within "]),
)
def test_any_delay_in_minutes_is_that_many_minutes_on(
    minutes: int, unit: str, space: str, lead: str
) -> None:
    assert parsed(f"{lead}{minutes}{space}{unit}") == NOW.add(minutes=minutes)


@given(
    hours=st.integers(min_value=1, max_value=48),
    unit=st.sampled_from(["h", "hr", "hrs", "hour", "hours"]),
    extra=st.integers(min_value=0, max_value=59),
)
def test_hours_and_minutes_add_up(hours: int, unit: str, extra: int) -> None:
    typed = f"{hours}{unit} {extra} min" if extra else f"{hours} {unit}"
    assert parsed(typed) == NOW.add(minutes=hours * 60 + extra)
