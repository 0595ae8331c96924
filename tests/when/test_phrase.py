"""The WHEN grammar: every form, every error, DST, and the executive's zone."""

from __future__ import annotations

import pendulum
import pytest

from planner.config import Settings
from planner.errors import InputError
from planner.when import WhenError, match_when, parse_when

PARIS = "Europe/Paris"
SETTINGS = Settings(timezone=PARIS)
MONDAY = pendulum.datetime(2026, 11, 23, 10, 0, tz=PARIS)
"""Monday 2026-11-23 10:00 in Paris, the same instant as the frozen clock."""


def when(phrase: str, now: pendulum.DateTime = MONDAY, settings: Settings = SETTINGS) -> str:
    return parse_when(phrase, now=now, settings=settings).isoformat()


def when_error(phrase: str, now: pendulum.DateTime = MONDAY, settings: Settings = SETTINGS) -> str:
    with pytest.raises(WhenError) as caught:
        parse_when(phrase, now=now, settings=settings)
    return caught.value.message


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # days alone mean the end of the workday (18:00)
        ("today", "2026-11-23T18:00:00+01:00"),
        ("tomorrow", "2026-11-24T18:00:00+01:00"),
        ("tmrw", "2026-11-24T18:00:00+01:00"),
        ("tue", "2026-11-24T18:00:00+01:00"),
        ("tues", "2026-11-24T18:00:00+01:00"),
        ("wednesday", "2026-11-25T18:00:00+01:00"),
        ("thu", "2026-11-26T18:00:00+01:00"),
        ("thurs", "2026-11-26T18:00:00+01:00"),
        ("fri", "2026-11-27T18:00:00+01:00"),
        ("sat", "2026-11-28T18:00:00+01:00"),
        ("sunday", "2026-11-29T18:00:00+01:00"),
        ("mon", "2026-11-30T18:00:00+01:00"),  # on a Monday, `mon` is next Monday
        ("monday", "2026-11-30T18:00:00+01:00"),
        ("next mon", "2026-11-30T18:00:00+01:00"),
        ("next fri", "2026-11-27T18:00:00+01:00"),
        ("next week", "2026-11-30T18:00:00+01:00"),
        ("next workday", "2026-11-24T18:00:00+01:00"),
        ("next business day", "2026-11-24T18:00:00+01:00"),
        ("on fri", "2026-11-27T18:00:00+01:00"),
        ("eod", "2026-11-23T18:00:00+01:00"),
        ("eow", "2026-11-27T18:00:00+01:00"),
        # times alone mean today
        ("noon", "2026-11-23T12:00:00+01:00"),
        ("3pm", "2026-11-23T15:00:00+01:00"),
        ("3 pm", "2026-11-23T15:00:00+01:00"),
        ("3PM", "2026-11-23T15:00:00+01:00"),
        ("3p.m.", "2026-11-23T15:00:00+01:00"),
        ("3:30pm", "2026-11-23T15:30:00+01:00"),
        ("3.30pm", "2026-11-23T15:30:00+01:00"),
        ("11am", "2026-11-23T11:00:00+01:00"),
        ("12pm", "2026-11-23T12:00:00+01:00"),
        ("15:30", "2026-11-23T15:30:00+01:00"),
        ("15.30", "2026-11-23T15:30:00+01:00"),
        ("15h30", "2026-11-23T15:30:00+01:00"),
        ("at 3pm", "2026-11-23T15:00:00+01:00"),
        # relative
        ("in 2h", "2026-11-23T12:00:00+01:00"),
        ("in 30m", "2026-11-23T10:30:00+01:00"),
        ("in 90 min", "2026-11-23T11:30:00+01:00"),
        ("in 2 hours", "2026-11-23T12:00:00+01:00"),
        ("in an hour", "2026-11-23T11:00:00+01:00"),
        ("in 3d", "2026-11-26T10:00:00+01:00"),
        ("in 3 days", "2026-11-26T10:00:00+01:00"),
        ("in 1w", "2026-11-30T10:00:00+01:00"),
        ("in 2 weeks", "2026-12-07T10:00:00+01:00"),
        ("in 3 days 3pm", "2026-11-26T15:00:00+01:00"),
        # calendar dates
        ("nov 24", "2026-11-24T18:00:00+01:00"),
        ("24 nov", "2026-11-24T18:00:00+01:00"),
        ("november 24", "2026-11-24T18:00:00+01:00"),
        ("24th nov", "2026-11-24T18:00:00+01:00"),
        ("24 november 2026", "2026-11-24T18:00:00+01:00"),
        ("nov 24 2027", "2027-11-24T18:00:00+01:00"),
        ("nov 24, 2027", "2027-11-24T18:00:00+01:00"),
        ("nov 23", "2026-11-23T18:00:00+01:00"),  # today's date is not in the past yet
        ("nov 20", "2027-11-20T18:00:00+01:00"),  # no year: the next occurrence
        ("jan 5", "2027-01-05T18:00:00+01:00"),
        ("feb 29", "2028-02-29T18:00:00+01:00"),  # the next year that has one
        ("2026-11-24", "2026-11-24T18:00:00+01:00"),
        ("2026-11-24T15:00", "2026-11-24T15:00:00+01:00"),
        ("2026-11-24T15:00:30", "2026-11-24T15:00:30+01:00"),
        ("2026-11-24T15:00Z", "2026-11-24T16:00:00+01:00"),
        ("2026-11-24T15:00+05:30", "2026-11-24T10:30:00+01:00"),
        ("2026-11-24t15:00-0500", "2026-11-24T21:00:00+01:00"),
        # combinations, either order
        ("fri 10am", "2026-11-27T10:00:00+01:00"),
        ("10am fri", "2026-11-27T10:00:00+01:00"),
        ("tomorrow 15:00", "2026-11-24T15:00:00+01:00"),
        ("tomorrow at 3pm", "2026-11-24T15:00:00+01:00"),
        ("noon tomorrow", "2026-11-24T12:00:00+01:00"),
        ("nov 24 3pm", "2026-11-24T15:00:00+01:00"),
        ("3pm nov 24", "2026-11-24T15:00:00+01:00"),
        ("24 nov 2027 9:15", "2027-11-24T09:15:00+01:00"),
        ("2026-11-24 15:00", "2026-11-24T15:00:00+01:00"),
        ("eod fri", "2026-11-27T18:00:00+01:00"),
        ("fri eod", "2026-11-27T18:00:00+01:00"),
        ("eow 3pm", "2026-11-27T15:00:00+01:00"),
        ("next workday eod", "2026-11-24T18:00:00+01:00"),
        ("12am tomorrow", "2026-11-24T00:00:00+01:00"),
        ("Tomorrow 3PM", "2026-11-24T15:00:00+01:00"),
    ],
)
def test_when_forms(phrase: str, expected: str) -> None:
    assert when(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("feb 30", "feb 30 is not a date"),
        ("Feb 30", "Feb 30 is not a date"),
        ("30 feb", "30 feb is not a date"),
        ("feb 29 2027", "feb 29 2027 is not a date"),
        ("nov 31 3pm", "nov 31 is not a date"),
        ("2026-02-30", "2026-02-30 is not a date"),
        ("2026-13-01", "2026-13-01 is not a date"),
        ("2026-11-24T25:00", "2026-11-24T25:00 is not a time"),
        ("yesterday", "yesterday is in the past"),
        ("yesterday 3pm", "yesterday 3pm is in the past"),
        ("2026-11-20", "2026-11-20 is in the past"),
        ("nov 20 2026", "nov 20 2026 is in the past"),
        ("2026-11-23T09:00", "09:00 today has already passed"),
        ("10:00", "10:00 today has already passed"),
        ("9am", "09:00 today has already passed"),
        ("today 9:59", "09:59 today has already passed"),
        ("nov 23 9am", "09:00 today has already passed"),
        ("in 0m", "in 0m is not in the future"),
        ("13pm", "13pm is not a time"),
        ("0am", "0am is not a time"),
        ("25:00", "25:00 is not a time"),
        ("15:60", "15:60 is not a time"),
        ("midnight", "midnight is ambiguous: write a time such as 23:59, or eod"),
        ("tomorrow midnight", "midnight is ambiguous: write a time such as 23:59, or eod"),
        ("soonish", "could not read a date: unknown word 'soonish'"),
        ("tomorrow soonish", "unknown word in date 'tomorrow soonish': 'soonish'"),
        ("tomorrow fri", "could not read a date: 'fri' does not fit in 'tomorrow fri'"),
        ("3pm 4pm", "could not read a date: '4pm' does not fit in '3pm 4pm'"),
        ("", "no date given"),
        ("   ", "no date given"),
        ("in 99999 weeks", "in 99999 weeks is too far ahead"),
    ],
)
def test_when_errors(phrase: str, message: str) -> None:
    assert when_error(phrase) == message


def test_when_error_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        parse_when("feb 30", now=MONDAY, settings=SETTINGS)
    assert caught.value.exit_status == 2


def test_eod_after_the_workday_is_an_error_not_tomorrow() -> None:
    evening = MONDAY.set(hour=19)
    assert when_error("eod", now=evening) == "end of day (18:00) today has already passed"
    assert when_error("today", now=evening) == "end of day (18:00) today has already passed"
    assert when("tomorrow", now=evening) == "2026-11-24T18:00:00+01:00"


def test_a_passed_time_is_not_rolled_to_tomorrow() -> None:
    assert when_error("9:30", now=MONDAY) == "09:30 today has already passed"
    assert when("9:30 tomorrow", now=MONDAY) == "2026-11-24T09:30:00+01:00"


def test_promise_equal_to_now_is_an_error() -> None:
    assert when_error("10am", now=MONDAY) == "10:00 today has already passed"
    assert when("10:01", now=MONDAY) == "2026-11-23T10:01:00+01:00"


def test_eow_on_a_saturday_is_in_the_past() -> None:
    saturday = pendulum.datetime(2026, 11, 28, 10, tz=PARIS)
    assert when_error("eow", now=saturday) == "eow is in the past"


def test_next_workday_skips_the_weekend() -> None:
    friday = pendulum.datetime(2026, 11, 27, 10, tz=PARIS)
    assert when("next workday", now=friday) == "2026-11-30T18:00:00+01:00"


def test_next_workday_follows_the_settings() -> None:
    sunday_to_thursday = Settings(timezone=PARIS, workdays=(7, 1, 2, 3, 4))
    thursday = pendulum.datetime(2026, 11, 26, 10, tz=PARIS)
    assert when("next workday", now=thursday, settings=sunday_to_thursday) == (
        "2026-11-29T18:00:00+01:00"
    )
    assert when("eow", now=MONDAY, settings=sunday_to_thursday) == "2026-11-26T18:00:00+01:00"


def test_no_workdays_is_reported() -> None:
    assert when_error("next workday", settings=Settings(timezone=PARIS, workdays=())) == (
        "settings: no workdays are set"
    )


def test_end_of_day_follows_the_settings() -> None:
    settings = Settings(timezone=PARIS, workday_end="17:30")
    assert when("tomorrow", settings=settings) == "2026-11-24T17:30:00+01:00"
    assert when("eod", settings=settings) == "2026-11-23T17:30:00+01:00"


def test_in_days_keeps_the_wall_time_across_dst_start() -> None:
    friday = pendulum.datetime(2027, 3, 26, 10, tz=PARIS)  # clocks go forward on 2027-03-28
    assert when("in 3d", now=friday) == "2027-03-29T10:00:00+02:00"
    assert when("in 72h", now=friday) == "2027-03-29T11:00:00+02:00"  # hours are absolute
    assert when("mar 29 9am", now=friday) == "2027-03-29T09:00:00+02:00"


def test_in_days_keeps_the_wall_time_across_dst_end() -> None:
    friday = pendulum.datetime(2026, 10, 23, 10, tz=PARIS)  # clocks go back on 2026-10-25
    assert friday.isoformat() == "2026-10-23T10:00:00+02:00"
    assert when("in 3d", now=friday) == "2026-10-26T10:00:00+01:00"
    assert when("in 1w", now=friday) == "2026-10-30T10:00:00+01:00"
    assert when("mon 10am", now=friday) == "2026-10-26T10:00:00+01:00"


def test_a_time_the_clocks_skip_is_refused() -> None:
    saturday = pendulum.datetime(2027, 3, 27, 10, tz=PARIS)  # clocks go forward 02:00 → 03:00
    message = "02:30 on Sun 28 Mar 2027 does not exist in Europe/Paris: the clocks go forward then"
    assert when_error("tomorrow 2:30am", now=saturday) == message
    assert when_error("2027-03-28T02:30", now=saturday) == message
    assert when("tomorrow 3:30am", now=saturday) == "2027-03-28T03:30:00+02:00"


def test_a_repeated_time_is_read_as_the_first() -> None:
    saturday = pendulum.datetime(2026, 10, 24, 10, tz=PARIS)  # clocks go back 03:00 → 02:00
    assert when("tomorrow 2:30am", now=saturday) == "2026-10-25T02:30:00+02:00"
    assert when("2026-10-25T02:30", now=saturday) == "2026-10-25T02:30:00+02:00"
    assert when("tomorrow 3:30am", now=saturday) == "2026-10-25T03:30:00+01:00"


def test_relative_times_are_whole_minutes() -> None:
    ragged = MONDAY.set(second=31, microsecond=5)
    assert when("in 30m", now=ragged) == "2026-11-23T10:30:00+01:00"
    assert when("in 3d", now=ragged) == "2026-11-26T10:00:00+01:00"


def test_result_is_in_the_executive_zone_whatever_the_zone_of_now() -> None:
    new_york = Settings(timezone="America/New_York")
    now_utc = MONDAY.in_tz("UTC")  # 09:00 UTC = 04:00 in New York
    result = parse_when("tomorrow 9am", now=now_utc, settings=new_york)
    assert result.timezone_name == "America/New_York"
    assert result.isoformat() == "2026-11-24T09:00:00-05:00"
    assert parse_when("8am", now=now_utc, settings=new_york).isoformat() == (
        "2026-11-23T08:00:00-05:00"
    )
    offset = parse_when("2026-11-24T15:00+01:00", now=now_utc, settings=new_york)
    assert offset.isoformat() == "2026-11-24T09:00:00-05:00"


def test_unset_zone_falls_back_to_the_local_zone() -> None:
    result = parse_when("tomorrow 3pm", now=MONDAY.in_tz("UTC"), settings=Settings())
    assert result.timezone_name == "Europe/Paris"  # TZ is pinned by the conftest
    assert result.isoformat() == "2026-11-24T15:00:00+01:00"


def test_unknown_zone_in_settings_is_reported() -> None:
    assert when_error("tomorrow", settings=Settings(timezone="Mars/Olympus")) == (
        "settings: unknown time zone 'Mars/Olympus'"
    )


def test_trailing_punctuation_is_allowed() -> None:
    assert when("tomorrow,") == "2026-11-24T18:00:00+01:00"
    assert when("fri 3pm.") == "2026-11-27T15:00:00+01:00"


def test_match_when_takes_the_longest_run() -> None:
    found = match_when(["tomorrow", "3pm", "refund"], now=MONDAY, settings=SETTINGS)
    assert (found.words, found.error) == (2, None)
    assert found.value == pendulum.datetime(2026, 11, 24, 15, tz=PARIS)


def test_match_when_keeps_an_explicit_year_even_when_past() -> None:
    found = match_when(["nov", "20", "2026", "invoices"], now=MONDAY, settings=SETTINGS)
    assert (found.words, found.value, found.error) == (3, None, "nov 20 2026 is in the past")


def test_match_when_reads_nothing_from_prose() -> None:
    found = match_when(["her", "manager"], now=MONDAY, settings=SETTINGS)
    assert (found.words, found.value, found.error) == (0, None, None)


def test_eow_follows_a_sunday_to_thursday_week() -> None:
    sunday_to_thursday = Settings(timezone=PARIS, workdays=(7, 1, 2, 3, 4))
    sunday = pendulum.datetime(2026, 11, 29, 10, tz=PARIS)
    assert when("eow", now=sunday, settings=sunday_to_thursday) == "2026-12-03T18:00:00+01:00"


def test_numeric_day_month_is_not_guessed() -> None:
    # 11/12 is 11 December in Paris and November 12 in New York: refuse rather than guess.
    assert when_error("11/12") == "could not read a date: unknown word '11/12'"
