"""`parse_day`: the day words of the grammar for looking a day up (`--date`); the package's
import rules."""

from __future__ import annotations

import subprocess
import sys

import pendulum
import pytest

from planner.config import Settings
from planner.when import WhenError, parse_day
from tests.conftest import instant

SETTINGS = Settings(timezone="Europe/Paris")
MONDAY = pendulum.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("today", "2026-11-23"),
        ("yesterday", "2026-11-22"),
        ("tomorrow", "2026-11-24"),
        ("fri", "2026-11-27"),
        ("on friday", "2026-11-27"),
        ("mon", "2026-11-23"),  # looking a day up, today counts
        ("sun", "2026-11-29"),
        ("next workday", "2026-11-24"),
        ("eow", "2026-11-27"),
        ("nov 20", "2026-11-20"),  # no year: the closest, here last Friday
        ("20th november", "2026-11-20"),
        ("jan 5", "2027-01-05"),
        ("may 30", "2026-05-30"),
        ("nov 20 2027", "2027-11-20"),
        ("2025-02-28", "2025-02-28"),
        ("in 3 days", "2026-11-26"),
    ],
)
def test_day_words(words: str, day: str) -> None:
    assert parse_day(words, today=MONDAY, settings=SETTINGS).isoformat() == day


def test_a_stdlib_date_is_fine_as_today() -> None:
    import datetime

    found = parse_day("tomorrow", today=datetime.date(2026, 11, 23), settings=SETTINGS)
    assert found == pendulum.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("", "--date: give a day (e.g. tomorrow, fri, 2026-11-24)"),
        ("soon", "--date: 'soon' is not a date (e.g. today, tomorrow, fri, nov 24, 2026-11-24)"),
        ("tomorrow 3pm", "--date: 'tomorrow 3pm' is not a date (e.g. today, tomorrow, fri"),
        ("2026-02-30", "--date: 2026-02-30 is not a date"),
        ("feb 30", "--date: feb 30 is not a date"),
    ],
)
def test_what_is_not_a_day(words: str, message: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_day(words, today=MONDAY, settings=SETTINGS)
    assert caught.value.message.startswith(message)


def test_the_package_needs_no_textual_and_no_storage() -> None:
    code = (
        "import sys, planner.when; "
        "bad = {m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'} "
        "or m.startswith(('planner.storage', 'planner.ui'))}; "
        "assert not bad, sorted(bad)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_period_named_by_weekdays_is_this_weeks() -> None:
    """`export --since monday --until friday`, said on any day of the week."""
    from planner.config import Settings
    from planner.when import parse_range_day

    settings = Settings(timezone="Europe/Paris")

    def period(today: str, since: str, until: str) -> tuple[str, str]:
        day = instant(today).date()
        start = parse_range_day(since, today=day, settings=settings, what="--since")
        end = parse_range_day(
            until, today=day, settings=settings, what="--until", end=True, since=start
        )
        return start.isoformat(), end.isoformat()

    week = ("2026-12-07", "2026-12-11")
    for today in ("2026-12-07", "2026-12-09", "2026-12-11", "2026-12-12", "2026-12-13"):
        assert period(today, "monday", "friday") == week, today
        assert period(today, "this monday", "this friday") == week, today
        assert period(today, "last monday", "last friday") == ("2026-11-30", "2026-12-04")
    # Only the end: this week's Friday, even on the Saturday after it.
    saturday = pendulum.date(2026, 12, 12)
    assert parse_range_day(
        "friday", today=saturday, settings=settings, what="--until", end=True
    ) == pendulum.date(2026, 12, 11)
    # Dates and day words read as --date reads them.
    assert period("2026-12-09", "2026-12-01", "today") == ("2026-12-01", "2026-12-09")
