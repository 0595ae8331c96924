"""Where a follow-up stands, in words, for the Follow-ups pane and `today`."""

from __future__ import annotations

import pendulum

from planner.day import status_words
from planner.domain import FollowUp
from planner.domain import lifecycle as lc

TZ = "Europe/Paris"
NOW = pendulum.datetime(2026, 11, 23, 10, 0, tz=TZ)


def fresh() -> FollowUp:
    return lc.open_followup(
        customer="Maria Ortiz", summary="refund", promised_by=NOW.add(hours=4), now=NOW
    )


def test_each_open_status_reads_as_words() -> None:
    assert status_words(fresh(), NOW, TZ) == ""
    assert status_words(lc.start(fresh(), NOW), NOW, TZ) == "in progress"
    assert status_words(lc.escalate(fresh(), NOW, tz=TZ)[0], NOW, TZ) == "escalated"
    colleague = lc.wait(fresh(), "colleague", NOW.subtract(minutes=30), "finance")
    assert status_words(colleague, NOW, TZ) == "waiting on colleague since 09:30"


def test_a_paused_promise_says_so_and_since_when() -> None:
    waiting = lc.wait(fresh(), "customer", NOW.subtract(hours=1), "the signed form")
    assert status_words(waiting, NOW, TZ) == "paused: waiting on customer since 09:00"
    tomorrow = NOW.add(days=1)
    assert status_words(waiting, tomorrow, TZ) == (
        "paused: waiting on customer since Mon 23 Nov 09:00"
    )
    # A re-promise during the wait restarts the pause, not the wait.
    moved = lc.repromise(waiting, NOW.add(hours=6), NOW)
    assert status_words(moved, NOW, TZ) == "paused: waiting on customer since 09:00"
