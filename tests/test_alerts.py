"""Alerts as pure logic: which fire when, each once, and again only for a new promise."""

from __future__ import annotations

import msgspec
import pendulum

from planner.alerts import Alert, due_alerts
from planner.demo import sample_document
from planner.domain.document import Document
from planner.domain.lifecycle import new_brief, open_followup, repromise, wait
from tests.conftest import FROZEN_ZONE


def run_day(document: Document, start: pendulum.DateTime, minutes: int) -> list[tuple[str, Alert]]:
    """Step a minute at a time, as the dashboard's tick does, keeping the fired keys."""
    fired: set[str] = set()
    seen = []
    for step in range(minutes + 1):
        now = start.add(minutes=step)
        for alert in due_alerts(document, now, fired, tz=FROZEN_ZONE):
            fired.add(alert.key)
            seen.append((now.in_tz(FROZEN_ZONE).format("HH:mm"), alert))
    return seen


def test_the_sample_morning_alerts_each_moment_once_at_its_time(now: pendulum.DateTime) -> None:
    document = sample_document(now, FROZEN_ZONE)
    seen = run_day(document, now, 100)  # 10:00 to 11:40
    assert [(at, a.kind) for at, a in seen] == [
        ("10:20", "promise-due"),  # Tom Becker, promised for 10:35
        ("10:35", "promise-broken"),
        ("11:15", "good-moment"),  # after Board prep, with briefs packed into it
        ("11:30", "deliver-by"),  # the board deck, to be told by 11:30
    ]
    due, broken, moment, deadline = (a for _, a in seen)
    assert "Tom Becker" in due.message and "10:35" in due.message and due.title.endswith("15 min")
    assert broken.severity == "error" and "re-promise" in broken.message
    assert moment.message.startswith("Until 11:35 (20 min left), 5 briefs to tell:")
    assert "Board deck needs sign-off" in moment.message
    assert "Board deck needs sign-off" in deadline.message and "11:30" in deadline.message


def test_an_alert_already_fired_never_comes_back(now: pendulum.DateTime) -> None:
    document = sample_document(now, FROZEN_ZONE)
    at = now.add(minutes=25)
    (first,) = due_alerts(document, at, tz=FROZEN_ZONE)
    assert due_alerts(document, at.add(minutes=1), {first.key}, tz=FROZEN_ZONE) == []


def test_a_repromise_can_alert_again(now: pendulum.DateTime) -> None:
    followup = open_followup(
        customer="Ana Lima", summary="refund", promised_by=now.add(minutes=10), now=now
    )
    document = Document(followups=(followup,))
    (due,) = due_alerts(document, now, tz=FROZEN_ZONE)
    assert due.kind == "promise-due"
    later = repromise(followup, now.add(minutes=20), now, "finance needs 20 more minutes")
    document = msgspec.structs.replace(document, followups=(later,))
    assert due_alerts(document, now, {due.key}, tz=FROZEN_ZONE) == []  # 20 min away: not yet
    (again,) = due_alerts(document, now.add(minutes=6), {due.key}, tz=FROZEN_ZONE)
    assert again.kind == "promise-due" and again.key != due.key


def test_a_promise_broken_long_ago_is_left_to_the_red_row(now: pendulum.DateTime) -> None:
    followup = open_followup(
        customer="Old Matter", summary="x", promised_by=now.subtract(hours=2), now=now
    )
    assert due_alerts(Document(followups=(followup,)), now, tz=FROZEN_ZONE) == []


def test_a_paused_promise_and_a_closed_matter_never_alert(now: pendulum.DateTime) -> None:
    paused = wait(
        open_followup(customer="Paused", summary="x", promised_by=now.add(minutes=5), now=now),
        "customer",
        now,
    )
    document = Document(followups=(paused,))
    for minutes in range(0, 60, 5):
        assert due_alerts(document, now.add(minutes=minutes), tz=FROZEN_ZONE) == []
    done = open_followup(customer="Done", summary="x", promised_by=now.add(minutes=5), now=now)
    resolved = msgspec.structs.replace(done, status="resolved", resolution="called her")
    assert due_alerts(Document(followups=(resolved,)), now, tz=FROZEN_ZONE) == []
    assert due_alerts(Document(followups=(done,)), now, tz=FROZEN_ZONE) != []


def test_a_good_moment_with_nothing_to_tell_stays_quiet(now: pendulum.DateTime) -> None:
    document = sample_document(now, FROZEN_ZONE)
    document = msgspec.structs.replace(document, briefs=())
    assert all(a.kind != "good-moment" for _, a in run_day(document, now, 100))


def test_a_delivered_brief_has_no_deadline_alert(now: pendulum.DateTime) -> None:
    brief = new_brief(title="Sign the deck", deliver_by=now.add(minutes=1), now=now)
    delivered = msgspec.structs.replace(brief, delivered=now)
    assert [a.kind for _, a in run_day(Document(briefs=(brief,)), now, 3)] == ["deliver-by"]
    assert run_day(Document(briefs=(delivered,)), now, 3) == []


def test_a_good_moment_noticed_late_says_the_time_left(now: pendulum.DateTime) -> None:
    document = sample_document(now, FROZEN_ZONE)
    at = now.replace(hour=11, minute=25)  # the 11:15–11:35 moment began ten minutes ago
    moments = [a for a in due_alerts(document, at, tz=FROZEN_ZONE) if a.kind == "good-moment"]
    assert [a.message.split(",")[0] for a in moments] == ["Until 11:35 (10 min left)"]


def test_a_promise_due_says_how_long_in_readable_words(now: pendulum.DateTime) -> None:
    followup = open_followup(
        customer="Ana Lima", summary="refund", promised_by=now.add(minutes=14, seconds=20), now=now
    )
    (due,) = due_alerts(Document(followups=(followup,)), now, tz=FROZEN_ZONE)
    assert due.title == "Promise due in 15 min"
