"""A desk of three executives seen by an EA in New York: Dana in New York (the first, the
EA's own zone), Lee in London and Priya in Kolkata (an odd offset, +05:30). Each has one
open follow-up; the desk has one of its own. For the tests of whose clock a record's
times read on."""

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
KOLKATA = "Asia/Kolkata"
EA_ZONE = NY

DANA = Executive(id="x-1", name="Dana Whitfield", short="Dana", timezone=NY)
LEE = Executive(
    id="x-2",
    name="Lee Okafor",
    short="Lee",
    timezone=LONDON,
    workday_start="08:00",
    workday_end="17:00",
)
PRIYA = Executive(
    id="x-3",
    name="Priya Nair",
    short="Priya",
    timezone=KOLKATA,
    workday_start="09:30",
    workday_end="18:30",
)


def local(stamp: str, tz: str) -> pendulum.DateTime:
    """`2026-12-03T11:00` in the zone `tz`."""
    return instant(stamp, tz=tz)


def desk(
    lee_promise: str = "2026-12-03T11:00",
    priya_promise: str = "2026-12-02T18:30",
    dana_promise: str = "2026-12-02T15:00",
    *,
    created: str = "2026-11-30T09:00",
    events: tuple[Event, ...] = (),
    briefs: tuple[Brief, ...] = (),
    **followup_fields: Any,
) -> Document:
    ids = itertools.count(1)
    made = local(created, "UTC")

    def followup(executive: str, customer: str, org: str, summary: str, promised: Any) -> FollowUp:
        return FollowUp(
            id=f"f-{next(ids):04d}",
            executive=executive,
            customer=customer,
            organization=org,
            summary=summary,
            promised_by=promised,
            created=made,
            updated=made,
            **followup_fields,
        )

    return Document(
        settings=Settings(executive_name=DANA.name, timezone=NY, assistant_name="Sam"),
        executives=(DANA, LEE, PRIYA),
        events=events,
        followups=(
            followup(
                LEE.id, "Ann Lee", "Globex", "wants the board pack", local(lee_promise, LONDON)
            ),
            followup(PRIYA.id, "Ravi Rao", "Initech", "PO query", local(priya_promise, KOLKATA)),
            followup(DANA.id, "Maria Ortiz", "Acme", "refund", local(dana_promise, NY)),
        ),
        briefs=briefs,
    )
