"""The clock: frozen by EA_PLANNER_NOW, or a ManualClock a test starts anywhere and moves."""

from __future__ import annotations

import threading

import pendulum
import pytest

from planner.clock import Clock, ManualClock, parse_instant
from planner.errors import InputError


def test_env_freezes_the_clock_at_the_instant_given() -> None:
    clock = Clock.from_env({"EA_PLANNER_NOW": "2026-11-23T23:59:00-05:00"})
    assert clock.now() == pendulum.datetime(2026, 11, 24, 4, 59, tz="UTC")
    assert clock.now() == clock.now()


def test_without_env_the_clock_is_the_systems() -> None:
    before = pendulum.now("UTC").replace(microsecond=0)
    now = Clock.from_env({}).now()
    assert before <= now <= pendulum.now("UTC")
    assert now.timezone_name == "UTC"


def test_env_without_an_offset_is_that_time_in_the_eas_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    clock = Clock.from_env({"EA_PLANNER_NOW": "2026-12-01T08:55:00"})
    assert clock.now() == pendulum.datetime(2026, 12, 1, 7, 55, tz="UTC")
    monkeypatch.setenv("TZ", "America/New_York")
    clock = Clock.from_env({"EA_PLANNER_NOW": "2026-12-01T08:55:00"})
    assert clock.now() == pendulum.datetime(2026, 12, 1, 13, 55, tz="UTC")


def test_env_that_is_not_a_date_time_is_refused_plainly() -> None:
    with pytest.raises(InputError, match="EA_PLANNER_NOW: 'tomorrow-ish' is not an ISO 8601"):
        Clock.from_env({"EA_PLANNER_NOW": "tomorrow-ish"})
    with pytest.raises(InputError, match="is a date; give a date-time"):
        Clock.from_env({"EA_PLANNER_NOW": "2026-12-01"})


def test_an_instant_without_an_offset_is_refused_where_no_zone_is_given() -> None:
    with pytest.raises(InputError, match="no UTC offset"):
        parse_instant("2026-11-23T10:00:00", what="the snapshot's now")


def test_manual_clock_starts_anywhere_and_moves_only_when_told() -> None:
    clock = ManualClock(pendulum.datetime(2026, 11, 23, 23, 59, tz="America/New_York"))
    assert clock.now() == pendulum.datetime(2026, 11, 24, 4, 59, tz="UTC")
    assert clock.now().timezone_name == "UTC"
    assert clock.now() == clock.now()
    moved = clock.advance(minutes=2)
    assert moved.in_tz("America/New_York").to_datetime_string() == "2026-11-24 00:01:00"
    assert clock.now() == moved
    clock.advance(days=1, hours=1, seconds=30)
    assert clock.now() == moved.add(days=1, hours=1, seconds=30)


def test_manual_clock_jumps_but_never_runs_backwards_by_advance() -> None:
    clock = ManualClock(pendulum.datetime(2026, 3, 8, 1, 30, tz="America/New_York"))
    with pytest.raises(ValueError, match="forward"):
        clock.advance(minutes=-1)
    clock.set(pendulum.datetime(2026, 3, 8, 3, 30, tz="America/New_York"))
    assert clock.now() == pendulum.datetime(2026, 3, 8, 7, 30, tz="UTC")


def test_manual_clock_refuses_a_naive_time() -> None:
    with pytest.raises(ValueError, match="no time zone"):
        ManualClock(pendulum.naive(2026, 11, 23, 10, 0))


def test_manual_clock_moves_are_seen_whole_by_other_threads() -> None:
    clock = ManualClock(pendulum.datetime(2026, 11, 23, tz="UTC"))
    seen: list[pendulum.DateTime] = []

    def read() -> None:
        for _ in range(2000):
            seen.append(clock.now())

    reader = threading.Thread(target=read)
    reader.start()
    for _ in range(2000):
        clock.advance(seconds=1)
    reader.join()
    assert seen == sorted(seen)
    assert clock.now() == pendulum.datetime(2026, 11, 23, 0, 33, 20, tz="UTC")
