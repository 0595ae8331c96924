"""`fmt` writes dates as pendulum's `format` does, for every pattern the planner uses."""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from planner.humanize import fmt, minutes, relative_day

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
def test_fmt_agrees_with_pendulum(moment: object, zone: str, pattern: str) -> None:
    local = pendulum.instance(moment, tz="UTC").in_tz(zone)  # type: ignore[arg-type]
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
