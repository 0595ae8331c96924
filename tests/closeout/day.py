"""A realistic Monday for the close-out tests, built with the lifecycle functions.

Monday 23 November 2026, Europe/Paris. By 17:30 the EA has:
- resolved Maria Ortiz's double charge (promise 12:00) at 11:20, and Tom
  Keller's office-move budget (escalated last week) at 14:10, which queued an
  fyi brief "How it was solved";
- dropped a duplicate of Maria's complaint (promise 17:00) at 11:25;
- re-promised Omar Haddad (broken since Friday 17:00) at 09:15 for Wednesday 10:00;
- escalated Paul Girard's delayed delivery (promise 09:30, broken) at 10:30:
  a 45-minute escalation brief;
- left Li Wei's contract question (promise 09:00) broken and unaddressed;
- Sara Lind's badge waits on a colleague (IT), promise 18:00 today;
- Nadia Benali's refund waits on the customer since Friday: the clock is paused;
- Jonas Berg's quote is promised for Tuesday 11:00;
- told the executive "Board deck is ready for review" at 09:40.
Tuesday: an all-day office visit, Leadership sync 08:45-10:00, Focus 10:00-11:00,
lunch 12:30-14:00 (personal), a one-on-one with the EA 14:00-14:30.
"""

from __future__ import annotations

import msgspec
import pendulum

from planner.config import Settings
from planner.domain import Brief, Event, FollowUp
from planner.domain import lifecycle as lc
from planner.domain.document import Document

TZ = "Europe/Paris"
DATE = pendulum.date(2026, 11, 23)
TOMORROW = pendulum.date(2026, 11, 24)


def at(day: int, hour: int, minute: int = 0) -> pendulum.DateTime:
    """A time in November 2026, Paris."""
    return pendulum.datetime(2026, 11, day, hour, minute, tz=TZ)


CLOSE_TIME = at(23, 17, 30)
SETTINGS = Settings(timezone=TZ, executive_name="Claire Martin", own_organization="Our Co")


def followups_and_briefs() -> tuple[list[FollowUp], list[Brief]]:
    briefs: list[Brief] = []

    maria = lc.open_followup(
        customer="Maria Ortiz",
        organization="Acme",
        summary="invoice charged twice, wants refund",
        kind="complaint",
        channel="phone",
        priority="high",
        promised_by=at(23, 12),
        now=at(20, 11),
        id="f-maria001",
    )
    maria = lc.start(maria, at(23, 9, 5), "asked billing")
    maria, none = lc.resolve(maria, "refund issued, called her back", at(23, 11, 20), tz=TZ)
    assert none is None

    omar = lc.open_followup(
        customer="Omar Haddad",
        organization="Initech",
        summary="wants a meeting with the executive",
        promised_by=at(20, 17),
        now=at(19, 10),
        id="f-omar0002",
    )
    omar = lc.repromise(omar, at(25, 10), at(23, 9, 15), "told him Wednesday morning")

    li = lc.open_followup(
        customer="Li Wei",
        organization="Globex",
        summary="contract renewal terms",
        promised_by=at(23, 9),
        now=at(20, 16),
        id="f-liwei003",
    )

    paul = lc.open_followup(
        customer="Paul Girard",
        organization="Acme",
        summary="delivery delayed three weeks",
        kind="complaint",
        channel="phone",
        priority="high",
        promised_by=at(23, 9, 30),
        now=at(20, 9),
        id="f-paul0004",
    )
    paul, escalation = lc.escalate(
        paul, at(23, 10, 30), "needs a call from the executive", tz=TZ, minutes=45
    )
    briefs.append(escalation)

    sara = lc.open_followup(
        customer="Sara Lind",
        organization="Our Co",
        internal=True,
        summary="access badge not working",
        promised_by=at(23, 18),
        now=at(23, 8, 40),
        id="f-sara0005",
    )
    sara = lc.wait(sara, "colleague", at(23, 9, 30), "IT ticket 4411")

    nadia = lc.open_followup(
        customer="Nadia Benali",
        organization="Initech",
        summary="refund form",
        promised_by=at(23, 14),
        now=at(20, 10),
        id="f-nadia006",
    )
    nadia = lc.wait(nadia, "customer", at(20, 15), "sent her the form")

    jonas = lc.open_followup(
        customer="Jonas Berg",
        organization="Northwind",
        summary="quote for 40 seats",
        promised_by=at(24, 11),
        now=at(23, 9, 50),
        id="f-jonas007",
    )

    duplicate = lc.open_followup(
        customer="M. Ortiz",
        summary="refund request",
        promised_by=at(23, 17),
        now=at(23, 8, 55),
        id="f-dupl0008",
    )
    duplicate = lc.drop(duplicate, "duplicate of f-maria001", at(23, 11, 25))

    tom = lc.open_followup(
        customer="Tom Keller",
        organization="Our Co",
        internal=True,
        summary="office move budget",
        promised_by=at(26, 12),
        now=at(17, 10),
        id="f-tomk0009",
    )
    tom, old_escalation = lc.escalate(tom, at(18, 11), tz=TZ)
    briefs.append(lc.deliver(old_escalation, at(18, 16)))
    tom, fyi = lc.resolve(tom, "budget approved by finance", at(23, 14, 10), tz=TZ)
    assert fyi is not None
    briefs.append(fyi)

    last_week = lc.open_followup(
        customer="Eva Stone",
        summary="parking pass",
        promised_by=at(16, 12),
        now=at(16, 9),
        id="f-evas0010",
    )
    last_week, _ = lc.resolve(last_week, "pass sent", at(16, 11), tz=TZ)

    deck = lc.new_brief(title="Board deck is ready for review", now=at(20, 17))
    briefs.append(lc.deliver(deck, at(23, 9, 40)))
    briefs.append(
        lc.new_brief(
            title="Acme renewed for two years", kind="good-news", minutes=40, now=at(23, 8, 50)
        )
    )
    briefs.append(
        lc.new_brief(title="Server outage planned Thursday", kind="bad-news", now=at(23, 11))
    )
    followups = [maria, omar, li, paul, sara, nadia, jonas, duplicate, tom, last_week]
    return followups, briefs


def events() -> list[Event]:
    return [
        Event(id="e-staff", title="Staff meeting", start=at(23, 9), end=at(23, 10)),
        Event(
            id="e-globex",
            title="Call with Globex",
            kind="call",
            start=at(23, 14, 30),
            end=at(23, 15, 30),
        ),
        Event(
            id="e-visit",
            title="Paris office visit",
            all_day=True,
            start=at(24, 0),
            end=at(25, 0),
        ),
        Event(id="e-sync", title="Leadership sync", start=at(24, 8, 45), end=at(24, 10)),
        Event(id="e-focus", title="Focus: budget", kind="focus", start=at(24, 10), end=at(24, 11)),
        Event(id="e-lunch", title="Lunch", kind="personal", start=at(24, 12, 30), end=at(24, 14)),
        Event(
            id="e-1on1",
            title="Weekly with EA",
            kind="one-on-one",
            with_ea=True,
            start=at(24, 14),
            end=at(24, 14, 30),
        ),
    ]


def document() -> Document:
    """The whole realistic day (no close-out record yet)."""
    followups, briefs = followups_and_briefs()
    return msgspec.structs.replace(
        Document(settings=SETTINGS),
        followups=tuple(followups),
        briefs=tuple(briefs),
        events=tuple(events()),
    )
