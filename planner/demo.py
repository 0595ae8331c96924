"""A realistic sample day, relative to now, for `ea-planner --demo`.

A dozen events of every kind, a one-on-one with the EA, a broken promise, a
promise due within the hour, an escalation with its brief, a bad-news brief
still waiting for a solution, and a matter resolved this morning. Built with the
same lifecycle functions as the real commands, so the demo shows real behaviour.

The day is today's date in the zone, whatever the hour: during the workday "now"
falls among its meetings; in the evening the day is behind and the brief queue
has rolled to tomorrow; before 06:00 it is the coming day (the dashboard says
so), its matters captured the evening before. Every record is made before "now",
and every promise and deadline the demo means to be ahead is ahead of it.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from functools import partial
from pathlib import Path

import pendulum

from planner.clock import local_zone_name
from planner.config import EventKind, Settings
from planner.domain import Brief, Event
from planner.domain.base import new_id
from planner.domain.document import Document
from planner.domain.lifecycle import (
    escalate,
    new_brief,
    note,
    open_followup,
    resolve,
    start,
    wait,
)
from planner.storage import Store

NIGHT_ENDS = 6
"""Before this hour the sample day is the coming one, its matters captured the evening before."""

# (start HH:MM, minutes, kind, title, with_ea)
SCHEDULE: tuple[tuple[str, int, EventKind, str, bool], ...] = (
    ("08:30", 30, "focus", "Inbox and prep", False),
    ("09:00", 30, "meeting", "Leadership stand-up", False),
    ("09:30", 30, "one-on-one", "1:1 with Sam (EA)", True),
    ("10:15", 60, "meeting", "Board prep: Q4 numbers", False),
    ("11:45", 30, "call", "Investor call: Halvorsen Capital", False),
    ("12:30", 60, "personal", "Lunch with Tom", False),
    ("13:45", 60, "meeting", "Customer QBR: Acme", False),
    ("15:15", 30, "call", "Press interview: Business Daily", False),
    ("16:00", 60, "focus", "Deep work: strategy memo", False),
    ("17:15", 30, "meeting", "Hiring debrief", False),
)
TOMORROW: tuple[tuple[str, int, EventKind, str, bool], ...] = (
    ("07:10", 120, "travel", "Flight to Berlin (LH 1027)", False),
    ("10:00", 90, "meeting", "Partner summit", False),
    ("14:00", 30, "one-on-one", "1:1 with Sam (EA)", True),
)


def _at(day: pendulum.DateTime, hhmm: str) -> pendulum.DateTime:
    hour, minute = map(int, hhmm.split(":"))
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def _events(
    day: pendulum.DateTime, plan: tuple[tuple[str, int, EventKind, str, bool], ...]
) -> list[Event]:
    events = []
    for hhmm, minutes, kind, title, with_ea in plan:
        begin = _at(day, hhmm)
        events.append(
            Event(
                id=new_id("e"),
                title=title,
                start=begin,
                end=begin.add(minutes=minutes),
                kind=kind,
                with_ea=with_ea,
                calendar="demo",
                uid=f"demo-{hhmm}-{kind}@ea-planner",
            )
        )
    return events


def sample_document(now: datetime, tz: str | None = None) -> Document:
    """The sample day around `now`, in the zone `tz` (default: the EA's local zone)."""
    tz = tz or local_zone_name()
    local = pendulum.instance(now).in_tz(tz).replace(second=0, microsecond=0)
    today = local.start_of("day")
    # When the matters were captured: this morning at 08:05, or an hour before now when
    # now is earlier; in the small hours, the evening before (the day is still to come).
    if local.hour < NIGHT_ENDS:
        morning = _at(today.subtract(days=1), "17:05")
    else:
        morning = min(_at(today, "08:05"), local.subtract(hours=1))
    events = _events(today, SCHEDULE) + _events(today.add(days=1), TOMORROW)
    events.append(
        Event(
            id=new_id("e"),
            title="Quarter-end close",
            start=today,
            end=today.add(days=1),
            all_day=True,
            kind="meeting",
            calendar="demo",
            uid="demo-allday@ea-planner",
        )
    )

    followup = partial(open_followup, now=morning)

    broken = followup(
        customer="Maria Ortiz",
        organization="Acme",
        summary="invoice charged twice, wants refund",
        kind="complaint",
        channel="phone",
        priority="high",
        tags=("billing",),
        promised_by=local.subtract(minutes=40),
        source="Maria Ortiz: invoice charged twice, wants refund @Acme !high #billing",
    )
    broken = note(broken, "Finance confirms the double charge; refund needs CFO sign-off", morning)
    due_soon = followup(
        customer="Tom Becker",
        organization="Globex",
        summary="asks for the signed contract copy",
        kind="request",
        promised_by=local.add(minutes=35),
    )
    waiting = wait(
        start(
            followup(
                customer="Aiko Sato",
                organization="Initech",
                summary="worried about the renewal price",
                kind="concern",
                channel="phone",
                promised_by=local.add(hours=5),
            ),
            morning,
        ),
        "customer",
        morning.add(minutes=20),
        "sent the price sheet; she checks with procurement",
    )
    escalated, escalation = escalate(
        note(
            followup(
                customer="Lars Nilsen",
                organization="Stark Logistics",
                summary="delivery arrived damaged, threatens to cancel the contract",
                kind="complaint",
                channel="phone",
                priority="urgent",
                promised_by=local.add(hours=3),
            ),
            "Third damaged shipment this quarter; carrier claims packaging",
            morning.add(minutes=5),
        ),
        morning.add(minutes=10),
        "Needs Dana's call: contract at risk",
        tz=tz,
        minutes=5,
    )
    resolved, how_solved = resolve(
        escalate(
            followup(
                customer="Priya Raman",
                organization="Northwind",
                summary="team offsite budget question",
                kind="question",
                promised_by=local.add(hours=1),
            ),
            morning.add(minutes=1),
            tz=tz,
        )[0],
        "Budget approved by Finance within the existing envelope",
        morning.add(minutes=25),
        tz=tz,
    )
    later = followup(
        customer="Grace Kim",
        organization="Hooli",
        summary="thanks the team for the quick fix",
        kind="compliment",
        priority="low",
        promised_by=_at(today.add(days=2), "17:00"),
    )
    internal = followup(
        customer="Jonas Weber",
        organization="Northwind",
        internal=True,
        summary="wants 30 minutes with Dana about the reorg",
        kind="request",
        promised_by=_at(today, "17:00") if local.hour < 16 else local.add(hours=2),
    )
    # The board deck is due within the workday: in 90 minutes, or by 10:00 on the coming
    # day when the workday is over (or not yet begun).
    if _at(today, "07:00") <= local <= _at(today, "16:30"):
        deadline = local.add(minutes=90)
    elif local < _at(today, "07:00"):
        deadline = _at(today, "10:00")
    else:
        deadline = _at(today.add(days=1), "10:00")
    briefs: list[Brief] = [escalation]
    if how_solved is not None:
        briefs.append(how_solved)
    briefs += [
        new_brief(
            title="Approve the Q4 bonus pool",
            kind="decision",
            priority="high",
            minutes=5,
            now=morning,
        ),
        new_brief(
            title="Supplier price increase of 8% from January",
            kind="bad-news",
            minutes=3,
            now=morning,
        ),
        new_brief(
            title="Acme renewed for three years",
            kind="good-news",
            minutes=2,
            now=morning,
        ),
        new_brief(
            title="Board deck needs sign-off before it goes out",
            kind="decision",
            priority="urgent",
            minutes=2,
            deliver_by=deadline,
            now=morning,
        ),
    ]
    settings = Settings(
        executive_name="Dana Whitfield",
        timezone=tz,
        own_organization="Northwind",
        workdays=(1, 2, 3, 4, 5, 6, 7),
    )
    return Document(
        settings=settings,
        events=tuple(events),
        followups=(broken, due_soon, waiting, escalated, resolved, later, internal),
        briefs=tuple(briefs),
    )


def demo_store(now: datetime) -> Store:
    """A throw-away data directory holding the sample day."""
    directory = Path(tempfile.mkdtemp(prefix="ea-planner-demo-"))
    store = Store(directory / "data", backup_interval=float("inf"))
    store.save(sample_document(now))
    return store


__all__ = ["demo_store", "sample_document"]
