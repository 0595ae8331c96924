"""An urgent brief outside the executive's workday, and one whose deadline has passed:
"interrupt now" is said only inside the executive's workday, and a missed deadline is
said as missed (`missed 16:00: … — tell at 08:00`) for one workday, then no more.

Lee works 08:00–17:00 in London; the EA is in New York, where the evening is already
London's next day. Swept over instants of both days, both midnights, a weekend and the
weeks the clocks change (2027-03-14 in New York, 2027-03-28 in London)."""

from __future__ import annotations

from datetime import datetime

import pendulum
import pytest

from planner.config import Settings
from planner.domain import Brief, Event
from planner.domain.document import Document
from planner.domain.executive import Executive
from planner.scheduling.desk import desk_status

NY = "America/New_York"
LONDON = "Europe/London"
PRIYA = Executive(id="x-1", name="Priya Raman", short="Priya", timezone=NY)
LEE = Executive(
    id="x-2",
    name="Lee Okafor",
    short="Lee",
    timezone=LONDON,
    workday_start="08:00",
    workday_end="17:00",
)


def london(text: str) -> pendulum.DateTime:
    return pendulum.instance(datetime.fromisoformat(text)).in_tz(LONDON)


def desk() -> Document:
    """Lee in meetings all Wednesday 9 Dec until 16:00; the Adatum brief must reach him by
    16:00 and no good moment comes before."""
    created = london("2026-12-08T09:00:00+00:00")
    return Document(
        settings=Settings(executive_name=PRIYA.name, timezone=NY, assistant_name="Sam"),
        executives=(PRIYA, LEE),
        events=(
            Event(
                id="e-1",
                executive=LEE.id,
                title="Board offsite",
                start=london("2026-12-09T08:00:00+00:00"),
                end=london("2026-12-09T16:00:00+00:00"),
            ),
        ),
        briefs=(
            Brief(
                id="b-1",
                executive=LEE.id,
                title="Sign Adatum renewal",
                created=created,
                minutes=5,
                deliver_by=london("2026-12-09T16:00:00+00:00"),
            ),
        ),
    )


# (the instant, as the EA's New York clock reads it; Lee's line then)
CASES = [
    ("2026-12-09T00:30:00-05:00", "tell at 08:00: Sign Adatum renewal (deliver by 16:00)"),
    ("2026-12-09T02:59:00-05:00", "tell at 08:00: Sign Adatum renewal (deliver by 16:00)"),
    ("2026-12-09T03:00:00-05:00", "interrupt now: Sign Adatum renewal (deliver by 16:00)"),
    ("2026-12-09T10:59:00-05:00", "interrupt now: Sign Adatum renewal (deliver by 16:00)"),
    ("2026-12-09T11:00:00-05:00", "missed 16:00: Sign Adatum renewal — tell now"),
    ("2026-12-09T11:59:00-05:00", "missed 16:00: Sign Adatum renewal — tell now"),
    ("2026-12-09T12:00:00-05:00", "missed 16:00: Sign Adatum renewal — tell at Thu 10 Dec 08:00"),
    ("2026-12-09T18:59:00-05:00", "missed 16:00: Sign Adatum renewal — tell at Thu 10 Dec 08:00"),
    ("2026-12-09T19:00:00-05:00", "missed Wed 9 Dec 16:00: Sign Adatum renewal — tell at 08:00"),
    ("2026-12-09T20:30:00-05:00", "missed Wed 9 Dec 16:00: Sign Adatum renewal — tell at 08:00"),
    ("2026-12-09T23:59:00-05:00", "missed Wed 9 Dec 16:00: Sign Adatum renewal — tell at 08:00"),
    ("2026-12-10T00:00:00-05:00", "missed Wed 9 Dec 16:00: Sign Adatum renewal — tell at 08:00"),
    ("2026-12-10T03:00:00-05:00", "missed Wed 9 Dec 16:00: Sign Adatum renewal — tell now"),
    ("2026-12-10T11:59:00-05:00", "missed Wed 9 Dec 16:00: Sign Adatum renewal — tell now"),
]
# After the first workday past the deadline, the header no longer names it.
FORGOTTEN = [
    "2026-12-10T12:00:00-05:00",
    "2026-12-10T20:30:00-05:00",
    "2026-12-12T10:00:00-05:00",
    "2027-03-15T09:00:00-04:00",
    "2027-03-15T21:00:00-04:00",
    "2027-03-29T09:00:00-04:00",
]


def lee_status(instant: str) -> str:
    now = pendulum.instance(datetime.fromisoformat(instant))
    _, lee = desk_status(desk(), now)
    return lee.status.text


@pytest.mark.parametrize(("instant", "expected"), CASES)
def test_the_urgent_brief_on_lees_line_follows_his_workday(instant: str, expected: str) -> None:
    assert lee_status(instant) == expected


@pytest.mark.parametrize("instant", FORGOTTEN)
def test_a_missed_brief_leaves_the_header_after_one_workday(instant: str) -> None:
    text = lee_status(instant)
    assert "Adatum" not in text and "interrupt now" not in text, text


def test_interrupt_now_is_never_said_outside_lees_workday() -> None:
    """Every quarter hour of two weeks around the deadline, and of both DST weeks."""
    starts = ["2026-12-07T00:00:00-05:00", "2027-03-13T00:00:00-05:00", "2027-03-27T00:00:00-04:00"]
    for start in starts:
        moment = pendulum.instance(datetime.fromisoformat(start))
        for _ in range(4 * 24 * 4):
            local = moment.in_tz(LONDON)
            working = local.isoweekday() <= 5 and 8 <= local.hour < 17
            text = lee_status(moment.isoformat())
            if not working:
                assert not text.startswith("interrupt now"), (moment, text)
            moment = moment.add(minutes=15)
