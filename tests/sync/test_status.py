"""What the header says about the schedule's freshness, and when a calendar is due."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from planner.config import Subscription
from planner.storage.syncstate import CalendarState
from planner.sync.status import due, freshness, next_due

PARIS = ZoneInfo("Europe/Paris")
WORK = Subscription(name="work", url="https://example.com/work.ics", every=10)
HOME = Subscription(name="home", url="https://example.com/home/", caldav=True, every=30)


def at(hm: str) -> datetime:
    return datetime.fromisoformat(f"2026-11-23T{hm}").replace(tzinfo=PARIS)


def test_no_subscriptions_say_nothing() -> None:
    assert freshness((), {}, PARIS) == ""


def test_all_synced_shows_the_oldest_good_sync() -> None:
    states = {
        "work": CalendarState(synced=at("09:05"), attempted=at("09:05")),
        "home": CalendarState(synced=at("08:50"), attempted=at("08:50")),
    }
    assert freshness((WORK, HOME), states, PARIS) == "synced 08:50"
    assert freshness((WORK, HOME), states, PARIS, syncing=True) == "synced 08:50, syncing…"


def test_a_stale_calendar_says_since_when_why_and_which_schedule_shows() -> None:
    states = {
        "work": CalendarState(
            synced=at("09:05"),
            attempted=at("09:25"),
            failing_since=at("09:15"),
            error="cal.example.com: connection refused",
            offline=True,
        ),
        "home": CalendarState(synced=at("09:00")),
    }
    assert freshness((WORK, HOME), states, PARIS) == (
        "work: offline since 09:15, connection refused — showing the 09:05 schedule"
    )


def test_a_refused_password_is_not_called_offline() -> None:
    states = {
        "home": CalendarState(
            attempted=at("09:15"),
            failing_since=at("09:15"),
            error="cal.example.com refused the credentials (not authorised)",
        )
    }
    assert freshness((HOME,), states, PARIS) == (
        "home: not synced since 09:15, cal.example.com refused the credentials "
        "(not authorised) — no schedule from it yet"
    )


def test_never_synced_yet() -> None:
    assert freshness((WORK,), {}, PARIS) == "not synced yet"
    assert freshness((WORK,), {}, PARIS, syncing=True) == "syncing…"


def test_each_calendar_is_due_every_its_own_minutes() -> None:
    states = {
        "work": CalendarState(attempted=at("09:00")),
        "home": CalendarState(attempted=at("09:00")),
    }
    assert due((WORK, HOME), states, at("09:09")) == []
    assert due((WORK, HOME), states, at("09:10")) == [WORK]
    assert due((WORK, HOME), states, at("09:30")) == [WORK, HOME]
    assert due((WORK, HOME), {}, at("09:00")) == [WORK, HOME]
    assert next_due((WORK, HOME), states, at("09:04")) == 360.0
    assert next_due((WORK, HOME), {}, at("09:04")) == 0.0
    assert next_due((), {}, at("09:04")) is None
