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
        ("next fri", "2026-12-04T18:00:00+01:00"),  # the Friday of next week
        ("this fri", "2026-11-27T18:00:00+01:00"),
        ("this mon", "2026-11-23T18:00:00+01:00"),  # this Monday is today
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


def test_numeric_dates_follow_the_date_order_setting() -> None:
    # 11/12 is 11 December in Paris and November 12 in New York: the setting decides.
    dmy = Settings(timezone=PARIS, date_order="DMY")
    mdy = Settings(timezone=PARIS, date_order="MDY")
    assert when("11/12", settings=dmy) == "2026-12-11T18:00:00+01:00"
    # No year: the next 12 November, this year's being past.
    assert when("11/12", settings=mdy) == "2027-11-12T18:00:00+01:00"
    assert when("12/4/2027", settings=dmy) == "2027-04-12T18:00:00+02:00"
    assert when("12/4/27", settings=mdy) == "2027-12-04T18:00:00+01:00"
    assert when_error("13/25", settings=dmy) == "13/25 is not a date"
    found = match_when(["12/4"], now=MONDAY, settings=dmy)
    assert found.notes == ("'12/4' read as 12 April 2027 (day/month)",)
    found = match_when(["12/4"], now=MONDAY, settings=mdy)
    assert found.notes == ("'12/4' read as 4 December 2026 (month/day)",)


# --- times as people write them ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected", "notes"),
    [
        # 12-hour times, with or without a space, any case, with dots
        ("fri 2:30 pm", "2026-11-27T14:30:00+01:00", ()),
        ("tomorrow 11:00 AM", "2026-11-24T11:00:00+01:00", ()),
        ("4:15 p.m.", "2026-11-23T16:15:00+01:00", ()),
        ("4:15pm", "2026-11-23T16:15:00+01:00", ()),
        ("11 a.m. tomorrow", "2026-11-24T11:00:00+01:00", ()),
        ("midday", "2026-11-23T12:00:00+01:00", ()),
        ("Noon", "2026-11-23T12:00:00+01:00", ()),
        (
            "midnight",
            "2026-11-24T00:00:00+01:00",
            ("'midnight' read as the end of Mon 23 Nov (00:00)",),
        ),
        (
            "tomorrow midnight",
            "2026-11-25T00:00:00+01:00",
            ("'midnight' read as the end of Tue 24 Nov (00:00)",),
        ),
        (
            "12am tomorrow",
            "2026-11-24T00:00:00+01:00",
            ("'12am' read as 00:00 at the start of Tue 24 Nov",),
        ),
        # a 12-hour time without am/pm: the one inside the workday
        (
            "2:30",
            "2026-11-23T14:30:00+01:00",
            ("'2:30' read as 14:30 (no am/pm: the one in the workday)",),
        ),
        (
            "fri 5.45",
            "2026-11-27T17:45:00+01:00",
            ("'5.45' read as 17:45 (no am/pm: the one in the workday)",),
        ),
        ("11:30", "2026-11-23T11:30:00+01:00", ()),
        ("09:30 tomorrow", "2026-11-24T09:30:00+01:00", ()),
        # an hour alone: the next such hour inside the workday
        (
            "3",
            "2026-11-23T15:00:00+01:00",
            ("'3' read as 15:00 today (an hour alone: the next 3 o'clock in the workday)",),
        ),
        (
            "9",
            "2026-11-24T09:00:00+01:00",
            ("'9' read as 09:00 tomorrow (an hour alone: the next 9 o'clock in the workday)",),
        ),
        (
            "tomorrow 9",
            "2026-11-24T09:00:00+01:00",
            ("'9' read as 09:00 tomorrow (an hour alone: the next 9 o'clock in the workday)",),
        ),
        (
            "monday 9",
            "2026-11-30T09:00:00+01:00",
            ("'9' read as 09:00 on Mon 30 Nov (an hour alone: the next 9 o'clock in the workday)",),
        ),
        (
            "at 4",
            "2026-11-23T16:00:00+01:00",
            ("'4' read as 16:00 today (an hour alone: the next 4 o'clock in the workday)",),
        ),
        (
            "5 o'clock",
            "2026-11-23T17:00:00+01:00",
            (
                '"5 o\'clock" read as 17:00 today '
                "(an hour alone: the next 5 o'clock in the workday)",
            ),
        ),
        ("16", "2026-11-23T16:00:00+01:00", ()),
        ("9 in the morning tomorrow", "2026-11-24T09:00:00+01:00", ()),
        ("tomorrow afternoon 3", "2026-11-24T15:00:00+01:00", ()),
        ("tonight 8", "2026-11-23T20:00:00+01:00", ()),
        # parts of the day, from the settings
        (
            "tomorrow morning",
            "2026-11-24T11:00:00+01:00",
            ("'morning' read as 11:00 tomorrow (settings: morning)",),
        ),
        (
            "this afternoon",
            "2026-11-23T16:00:00+01:00",
            ("'this afternoon' read as 16:00 today (settings: afternoon)",),
        ),
        (
            "lunchtime",
            "2026-11-23T12:00:00+01:00",
            ("'lunchtime' read as 12:00 today (settings: lunchtime)",),
        ),
        (
            "lunch fri",
            "2026-11-27T12:00:00+01:00",
            ("'lunch' read as 12:00 on Fri 27 Nov (settings: lunchtime)",),
        ),
        (
            "tonight",
            "2026-11-23T19:00:00+01:00",
            ("'tonight' read as 19:00 today (settings: evening)",),
        ),
        (
            "thursday evening",
            "2026-11-26T19:00:00+01:00",
            ("'evening' read as 19:00 on Thu 26 Nov (settings: evening)",),
        ),
        (
            "first thing tomorrow",
            "2026-11-24T08:30:00+01:00",
            ("'first thing' read as 08:30 tomorrow (start of the workday)",),
        ),
        ("end of day", "2026-11-23T18:00:00+01:00", ()),
        ("end of the day", "2026-11-23T18:00:00+01:00", ()),
        ("COB", "2026-11-23T18:00:00+01:00", ()),
        ("close of business friday", "2026-11-27T18:00:00+01:00", ()),
        ("end of week", "2026-11-27T18:00:00+01:00", ()),
        ("end of the week", "2026-11-27T18:00:00+01:00", ()),
        ("end of next week", "2026-12-04T18:00:00+01:00", ()),
        # weekdays: this / next
        (
            "next tuesday",
            "2026-12-01T18:00:00+01:00",
            ("'next tuesday' read as Tue 1 Dec, in next week (for Tue 24 Nov write 'tuesday')",),
        ),
        ("next mon 10am", "2026-11-30T10:00:00+01:00", ()),
        ("this thursday 3pm", "2026-11-26T15:00:00+01:00", ()),
        # ordinals, months either way round
        ("dec 1st", "2026-12-01T18:00:00+01:00", ()),
        ("1st december", "2026-12-01T18:00:00+01:00", ()),
        ("the 3rd", "2026-12-03T18:00:00+01:00", ("'the 3rd' read as Thu 3 Dec",)),
        ("on the 25th", "2026-11-25T18:00:00+01:00", ("'the 25th' read as Wed 25 Nov",)),
        ("the 3rd of december 2pm", "2026-12-03T14:00:00+01:00", ()),
        ("December 3rd, 2027", "2027-12-03T18:00:00+01:00", ()),
        ("jan the 5th", "2027-01-05T18:00:00+01:00", ()),
        # relative forms
        ("in 45 min", "2026-11-23T10:45:00+01:00", ()),
        ("in half an hour", "2026-11-23T10:30:00+01:00", ()),
        ("within the hour", "2026-11-23T11:00:00+01:00", ()),
        ("within 2 hours", "2026-11-23T12:00:00+01:00", ()),
        ("within 3 days", "2026-11-26T10:00:00+01:00", ()),
        (
            "asap",
            "2026-11-23T11:00:00+01:00",
            ("'asap' read as within 60 min (settings: asap_minutes)",),
        ),
        (
            "ASAP",
            "2026-11-23T11:00:00+01:00",
            ("'ASAP' read as within 60 min (settings: asap_minutes)",),
        ),
        (
            "as soon as possible",
            "2026-11-23T11:00:00+01:00",
            ("'as soon as possible' read as within 60 min (settings: asap_minutes)",),
        ),
    ],
)
def test_times_as_people_write_them(phrase: str, expected: str, notes: tuple[str, ...]) -> None:
    found = match_when(phrase.split(), now=MONDAY, settings=SETTINGS)
    assert (found.error, found.words) == (None, len(phrase.split()))
    assert found.value is not None
    assert found.value.isoformat() == expected
    assert found.notes == notes


def test_an_hour_alone_or_a_part_of_the_day_that_passed_means_the_next_workday() -> None:
    friday_evening = pendulum.datetime(2026, 11, 27, 18, 30, tz=PARIS)
    assert when("3", now=friday_evening) == "2026-11-30T15:00:00+01:00"
    assert when("morning", now=friday_evening) == "2026-11-30T11:00:00+01:00"
    assert when("first thing", now=friday_evening) == "2026-11-30T08:30:00+01:00"
    # Said so: `this afternoon` and a written time never move to another day.
    assert when_error("this afternoon", now=friday_evening) == "16:00 today has already passed"
    assert when_error("3pm", now=friday_evening) == "15:00 today has already passed"


def test_an_hour_outside_the_workday_is_the_nearer_reading() -> None:
    # 8 → 08:00 (half an hour before the workday) rather than 20:00 (two hours after it).
    assert when("tomorrow 8") == "2026-11-24T08:00:00+01:00"
    assert when("tomorrow 7:45") == "2026-11-24T07:45:00+01:00"
    assert when("tomorrow 8:30") == "2026-11-24T08:30:00+01:00"
    late = Settings(timezone=PARIS, workday_start="12:00", workday_end="21:00")
    assert when("tomorrow 8", settings=late) == "2026-11-24T20:00:00+01:00"


def test_parts_of_the_day_follow_the_settings() -> None:
    settings = Settings(
        timezone=PARIS, morning="10:30", lunchtime="13:00", afternoon="17:00", evening="21:00"
    )
    assert when("tomorrow morning", settings=settings) == "2026-11-24T10:30:00+01:00"
    assert when("lunchtime", settings=settings) == "2026-11-23T13:00:00+01:00"
    assert when("this afternoon", settings=settings) == "2026-11-23T17:00:00+01:00"
    assert when("tonight", settings=settings) == "2026-11-23T21:00:00+01:00"
    # am / pm after a day or `this` are the morning and the afternoon
    assert when("tomorrow am", settings=settings) == "2026-11-24T10:30:00+01:00"
    assert when("tomorrow pm", settings=settings) == "2026-11-24T17:00:00+01:00"
    assert when("fri a.m.", settings=settings) == "2026-11-27T10:30:00+01:00"
    assert when("this am", settings=settings) == "2026-11-23T10:30:00+01:00"
    assert when("this pm", settings=settings) == "2026-11-23T17:00:00+01:00"
    assert when("tomorrow 9 am", settings=settings) == "2026-11-24T09:00:00+01:00"


def test_asap_follows_the_settings() -> None:
    assert when("asap", settings=Settings(timezone=PARIS, asap_minutes=20)) == (
        "2026-11-23T10:20:00+01:00"
    )


def test_before_a_day_means_the_end_of_the_workday_before_it() -> None:
    found = match_when(["fri"], now=MONDAY, settings=SETTINGS, before=True)
    assert found.value is not None
    assert found.value.isoformat() == "2026-11-26T18:00:00+01:00"
    assert found.notes == ("'before fri' read as the end of Thu 26 Nov",)
    monday = match_when(["next", "mon"], now=MONDAY, settings=SETTINGS, before=True)
    assert monday.value is not None
    assert monday.value.isoformat() == "2026-11-27T18:00:00+01:00"  # Friday: skips the weekend
    three = match_when(["3pm"], now=MONDAY, settings=SETTINGS, before=True)
    assert three.value is not None
    assert three.value.isoformat() == "2026-11-23T15:00:00+01:00"


def test_a_repeated_time_is_noted() -> None:
    saturday = pendulum.datetime(2026, 10, 24, 10, tz=PARIS)
    found = match_when(["tomorrow", "2:30am"], now=saturday, settings=SETTINGS)
    assert found.notes == (
        "'tomorrow 2:30am': 02:30 happens twice on Sun 25 Oct 2026 (the clocks go back); "
        "read as the first, UTC+02:00",
    )


def test_is_when_word_knows_the_new_vocabulary() -> None:
    from planner.when import is_when_word

    for word in (
        "morning",
        "cob",
        "EOD",
        "asap",
        "noon",
        "midday",
        "3rd",
        "12/4",
        "p.m.",
        "tonight",
    ):
        assert is_when_word(word), word
    for word in ("refund", "invoice", "Acme", "call", "back"):
        assert not is_when_word(word), word
