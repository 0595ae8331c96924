"""A desk of two executives whose days overlap, for the dashboard's tests: Dana in New
York (the first) and Lee in London, seen by an EA in Paris at 15:00 on a Monday (09:00 in
New York, 14:00 in London): Dana is in the board meeting, Lee in a good moment
(since 13:50, with a brief packed into it)."""

from __future__ import annotations

import itertools
from typing import Any

import pendulum

from planner.config import Settings
from planner.domain import Brief, Event, FollowUp
from planner.domain.document import Document
from planner.domain.executive import Executive
from tests.conftest import instant

NY = "America/New_York"
LONDON = "Europe/London"
NOW = "2026-11-23T15:00:00+01:00"
"""15:00 in Paris (the EA), 09:00 in New York, 14:00 in London."""
MONDAY = "2026-11-23"

DANA = Executive(id="x-1", name="Dana Whitfield", short="Dana", timezone=NY)
LEE = Executive(
    id="x-2",
    name="Lee Okafor",
    short="Lee",
    timezone=LONDON,
    workday_start="08:00",
    workday_end="17:00",
    protect_before=5,
    min_window=15,
)


def local(day: str, clock: str, tz: str) -> pendulum.DateTime:
    return instant(f"{day}T{clock}", tz=tz)


def two_executives() -> Document:
    ids = itertools.count(1)

    def event(who: Executive, start: str, end: str, title: str, **fields: Any) -> Event:
        tz = who.timezone or "UTC"
        return Event(
            id=f"e-{next(ids):04d}",
            executive=who.id,
            title=title,
            start=local(MONDAY, start, tz),
            end=local(MONDAY, end, tz),
            **fields,
        )

    created = local("2026-11-20", "09:00", "UTC")

    def followup(
        executive: str, customer: str, summary: str, promised: pendulum.DateTime, **fields: Any
    ) -> FollowUp:
        return FollowUp(
            id=f"f-{next(ids):04d}",
            executive=executive,
            customer=customer,
            summary=summary,
            promised_by=promised,
            created=created,
            updated=created,
            **fields,
        )

    def brief(who: Executive, title: str, **fields: Any) -> Brief:
        return Brief(
            id=f"b-{next(ids):04d}", executive=who.id, title=title, created=created, **fields
        )

    return Document(
        settings=Settings(executive_name=DANA.name, timezone=NY, assistant_name="Sam"),
        executives=(DANA, LEE),
        events=(
            event(DANA, "09:00", "10:00", "Board meeting"),
            event(DANA, "11:00", "11:30", "Investor call"),
            event(LEE, "12:30", "13:50", "Lunch with auditors"),
            event(LEE, "15:00", "16:00", "Ops review"),
        ),
        followups=(
            followup(
                DANA.id,
                "Maria Ortiz",
                "refund charged twice",
                local(MONDAY, "17:00", NY),
                organization="Acme",
            ),
            followup(
                LEE.id,
                "Tom Becker",
                "contract renewal",
                local(MONDAY, "14:10", LONDON),
                organization="Globex",
                channel="phone",
            ),
            followup(
                "", "Facilities", "badge for the new hire", local("2026-11-24", "12:00", LONDON)
            ),
        ),
        briefs=(
            brief(DANA, "Board pack is late", solution="send Tuesday", minutes=3),
            brief(LEE, "Supplier call went well", kind="good-news"),
        ),
    )
