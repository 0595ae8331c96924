"""The next morning's greeting on a desk of two executives: the promises grouped per
executive, each on its executive's clock with the zone named where it is not the EA's,
and a promise that has broken since the close said so ("broken 08:00")."""

from __future__ import annotations

from datetime import datetime

import pendulum

from planner.closeout import morning_lines, morning_notes
from planner.config import Settings
from planner.domain import Closeout, FollowUp
from planner.domain.document import Document
from planner.domain.executive import Executive

NY = "America/New_York"
LONDON = "Europe/London"
PRIYA = Executive(id="x-1", name="Priya Raman", short="Priya", timezone=NY)
LEE = Executive(id="x-2", name="Lee Okafor", short="Lee", timezone=LONDON)


def at(text: str) -> pendulum.DateTime:
    return pendulum.instance(datetime.fromisoformat(text))


def followup(id: str, executive: str, customer: str, promised: str) -> FollowUp:
    created = at("2026-12-09T09:00:00-05:00")
    return FollowUp(
        id=id,
        executive=executive,
        customer=customer,
        summary="needs an answer",
        promised_by=at(promised),
        created=created,
        updated=created,
    )


def desk() -> Document:
    return Document(
        settings=Settings(executive_name=PRIYA.name, timezone=NY, assistant_name="Sam"),
        executives=(PRIYA, LEE),
        followups=(
            followup("f-marcus", PRIYA.id, "Marcus Bell", "2026-12-10T09:30:00-05:00"),
            followup("f-greta", LEE.id, "Greta Lind", "2026-12-10T08:00:00+00:00"),
            followup("f-omar", LEE.id, "Omar Haddad", "2026-12-10T15:00:00+00:00"),
        ),
        closeouts=(
            Closeout(
                id="c-1",
                date="2026-12-09",
                closed=True,
                closed_at=at("2026-12-09T18:10:00-05:00"),
                due_next=("f-marcus", "f-greta", "f-omar"),
            ),
        ),
    )


def test_the_greeting_groups_per_executive_and_says_what_broke_since() -> None:
    document = desk()
    now = at("2026-12-10T07:50:00-05:00")  # 12:50 in London: Greta's 08:00 has passed
    notes = morning_notes(document, now.in_tz(NY).date())
    assert notes is not None
    lines = morning_lines(notes, NY, document=document, now=now, ea_zone=NY)
    assert lines[1:] == [
        "  Promises due — Priya Raman:",
        "    Marcus Bell — needs an answer · promised Thu 10 Dec 09:30 · open (f-marcus)",
        "  Promises due — Lee Okafor:",
        "    Greta Lind — needs an answer · broken Thu 10 Dec 08:00 London · open (f-greta)",
        "    Omar Haddad — needs an answer · promised Thu 10 Dec 15:00 London · open (f-omar)",
    ]


def test_a_desk_of_one_reads_as_before() -> None:
    document = desk()
    one = Document(
        settings=document.settings,
        executives=(PRIYA,),
        followups=document.followups[:1],
        closeouts=document.closeouts,
    )
    now = at("2026-12-10T07:50:00-05:00")
    notes = morning_notes(one, now.date())
    assert notes is not None
    assert morning_lines(notes, NY, document=one, now=now, ea_zone=NY) == morning_lines(notes, NY)
