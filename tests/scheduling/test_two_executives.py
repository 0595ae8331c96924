"""Two executives, New York and London, whose workdays overlap (13:30-18:00 UTC in winter):
each one's good moments and status come from their own events, windows, zone and rules,
and their briefs land in their own good moments. The clock is swept through the early
morning, the overlap, both midnights, and the two DST changes (US 2027-03-14, EU
2027-03-28), when the overlap moves by an hour and back.
"""

from __future__ import annotations

import itertools
from typing import Any

import pendulum
import pytest

from planner.config import Settings
from planner.domain import Brief, Event, Window
from planner.domain.document import Document
from planner.domain.executive import Executive
from planner.scheduling.desk import desk_status, moments_of, packing_of, status_of
from tests.ui.desk import DANA, LEE, LONDON, NY, local

_ids = itertools.count(1)


def utc(day: str, clock: str) -> pendulum.DateTime:
    return local(day, clock, "UTC")


def event(who: Executive, day: str, start: str, end: str, title: str, **fields: Any) -> Event:
    tz = who.timezone or "UTC"
    return Event(
        id=f"e-{next(_ids)}",
        executive=who.id,
        title=title,
        start=local(day, start, tz),
        end=local(day, end, tz),
        **fields,
    )


def brief(who: Executive, title: str, minutes: int = 5, **fields: Any) -> Brief:
    return Brief(
        id=f"b-{next(_ids)}",
        executive=who.id,
        title=title,
        minutes=minutes,
        created=utc("2026-11-20", "09:00"),
        **fields,
    )


def desk(*records: Event | Brief | Window) -> Document:
    settings = Settings(executive_name=DANA.name, timezone=NY, assistant_name="Sam")
    return Document(
        settings=settings,
        executives=(DANA, LEE),
        events=tuple(r for r in records if isinstance(r, Event)),
        briefs=tuple(r for r in records if isinstance(r, Brief)),
        windows=tuple(r for r in records if isinstance(r, Window)),
    )


MONDAY = "2026-11-23"
WINTER = desk(
    # Dana, New York (UTC-5): the board 10:00-12:00 = 15:00-17:00 UTC.
    event(DANA, MONDAY, "10:00", "12:00", "Board meeting"),
    event(DANA, MONDAY, "13:00", "14:00", "Lunch", kind="personal"),
    # Lee, London (UTC+0): focus 09:00-10:00, the ops review 15:00-16:00.
    event(LEE, MONDAY, "09:00", "10:00", "Deep work", kind="focus"),
    event(LEE, MONDAY, "15:00", "16:00", "Ops review"),
    brief(DANA, "Board pack is late", solution="send Tuesday"),
    brief(LEE, "Supplier call went well", kind="good-news"),
)


def statuses(document: Document, now: pendulum.DateTime) -> dict[str, str]:
    return {s.executive.short: s.status.text for s in desk_status(document, now)}


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # 06:00 UTC: 01:00 in New York, 06:00 in London.
        (
            utc(MONDAY, "06:00"),
            {
                "Dana": "next good moment 08:30 (in 7 h 30 min)",
                "Lee": "next good moment 08:00 (in 2 h)",
            },
        ),
        # 09:30 UTC: Lee in focus time; Dana asleep (04:30).
        (
            utc(MONDAY, "09:30"),
            {
                "Dana": "next good moment 08:30 (in 4 h)",
                "Lee": "in Deep work until 10:00",
            },
        ),
        # 15:30 UTC: both in meetings, each their own, in their own zone's time.
        (
            utc(MONDAY, "15:30"),
            {"Dana": "in Board meeting until 12:00", "Lee": "in Ops review until 16:00"},
        ),
        # 16:10 UTC: Dana still in the board; Lee's review ended: the rest of his day.
        (
            utc(MONDAY, "16:10"),
            {
                "Dana": "in Board meeting until 12:00",
                "Lee": "good moment now (until 17:00, 50 min left)",
            },
        ),
        # 17:20 UTC = 12:20 in New York: Dana's gap before lunch (protect 10 min).
        (
            utc(MONDAY, "17:20"),
            {
                "Dana": "good moment now (until 12:50, 30 min left)",
                "Lee": "no good moment left today",
            },
        ),
        # 23:30 UTC: past both workdays (18:30 in New York, 23:30 in London).
        (
            utc(MONDAY, "23:30"),
            {"Dana": "no good moment left today", "Lee": "no good moment left today"},
        ),
        # 00:30 UTC Tuesday: still Monday evening in New York, Tuesday in London.
        (
            utc("2026-11-24", "00:30"),
            {
                "Dana": "no good moment left today",
                "Lee": "next good moment 08:00 (in 7 h 30 min)",
            },
        ),
        # 05:30 UTC Tuesday: past midnight in New York too.
        (
            utc("2026-11-24", "05:30"),
            {
                "Dana": "next good moment 08:30 (in 8 h)",
                "Lee": "next good moment 08:00 (in 2 h 30 min)",
            },
        ),
    ],
)
def test_each_executives_status_is_their_own(
    now: pendulum.DateTime, expected: dict[str, str]
) -> None:
    assert statuses(WINTER, now) == expected


def spans(moments: Any, tz: str) -> list[tuple[str, str]]:
    return [(m.start.in_tz(tz).format("HH:mm"), m.end.in_tz(tz).format("HH:mm")) for m in moments]


def test_each_executives_good_moments_come_from_their_own_day() -> None:
    monday = pendulum.date(2026, 11, 23)
    # Dana: 08:30-09:50 (protect 10 before the board), 12:00-12:50, 14:00-18:00.
    assert spans(moments_of(WINTER, "x-1", monday), NY) == [
        ("08:30", "09:50"),
        ("12:00", "12:50"),
        ("14:00", "18:00"),
    ]
    # Lee: 08:00-08:55 (protect 5), 10:00-14:55, 16:00-17:00; Dana's board (15-17 UTC) is
    # not his.
    assert spans(moments_of(WINTER, "x-2", monday), LONDON) == [
        ("08:00", "08:55"),
        ("10:00", "14:55"),
        ("16:00", "17:00"),
    ]


def test_briefs_land_in_their_own_executives_good_moments() -> None:
    now = utc(MONDAY, "06:00")
    monday = pendulum.date(2026, 11, 23)
    dana = packing_of(WINTER, "x-1", monday, now)
    lee = packing_of(WINTER, "x-2", monday, now)
    assert [p.brief.title for p in dana.placements] == ["Board pack is late"]
    assert [p.brief.title for p in lee.placements] == ["Supplier call went well"]
    (dana_at,) = [p.at for p in dana.placements]
    (lee_at,) = [p.at for p in lee.placements]
    assert dana_at is not None and lee_at is not None
    assert dana_at.in_tz(NY).format("HH:mm") == "08:30"
    assert lee_at.in_tz(LONDON).format("HH:mm") == "08:00"


def test_a_hand_marked_block_is_only_its_executives() -> None:
    block = Window(
        id="w-1",
        executive="x-2",
        start=local(MONDAY, "16:00", LONDON),
        end=local(MONDAY, "17:00", LONDON),
        mark="block",
    )
    document = desk(*WINTER.events, *WINTER.briefs, block)
    now = utc(MONDAY, "16:10")
    assert status_of(document, "x-2", now).status.text == "no good moment left today"
    # 11:10 in New York: Dana is in the board either way; her 12:00 gap is untouched.
    monday = pendulum.date(2026, 11, 23)
    assert ("12:00", "12:50") in spans(moments_of(document, "x-1", monday), NY)


# The DST weeks: the US springs forward on Sunday 2027-03-14, the EU on 2027-03-28. In
# between, New York is UTC-4 and London still UTC+0: the overlap starts an hour earlier.
SPRING = desk(
    event(DANA, "2027-03-15", "09:00", "10:00", "Staff meeting"),
    event(LEE, "2027-03-15", "09:00", "10:00", "Staff meeting"),
    event(DANA, "2027-03-29", "09:00", "10:00", "Staff meeting"),
    event(LEE, "2027-03-29", "09:00", "10:00", "Staff meeting"),
)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Sunday 14 March, 12:00 UTC: 08:00 EDT (the US changed at 07:00 UTC), a day off.
        (
            utc("2027-03-14", "12:00"),
            {
                "Dana": "not a workday (next workday Mon 15 Mar 08:30)",
                "Lee": "not a workday (next workday Mon 15 Mar 08:00)",
            },
        ),
        # Monday 15 March, 12:00 UTC = 08:00 EDT (not 07:00 EST) and 12:00 GMT.
        (
            utc("2027-03-15", "12:00"),
            {
                "Dana": "next good moment 08:30 (in 30 min)",
                "Lee": "good moment now (until 17:00, 5 h left)",
            },
        ),
        # 13:30 UTC = 09:30 EDT: Dana's staff meeting (9-10 EDT = 13-14 UTC).
        (
            utc("2027-03-15", "13:30"),
            {
                "Dana": "in Staff meeting until 10:00",
                "Lee": "good moment now (until 17:00, 3 h 30 min left)",
            },
        ),
        # Monday 29 March, 08:30 UTC = 09:30 BST: Lee's staff meeting (8-9 UTC) now, and
        # Dana still asleep (04:30 EDT).
        (
            utc("2027-03-29", "08:30"),
            {
                "Dana": "next good moment 08:30 (in 4 h)",
                "Lee": "in Staff meeting until 10:00",
            },
        ),
        # 07:10 UTC = 08:10 BST: before Lee's meeting (protect 5 min: until 08:55 BST).
        (
            utc("2027-03-29", "07:10"),
            {
                "Dana": "next good moment 08:30 (in 5 h 20 min)",
                "Lee": "good moment now (until 08:55, 45 min left)",
            },
        ),
    ],
)
def test_status_across_the_two_dst_changes(
    now: pendulum.DateTime, expected: dict[str, str]
) -> None:
    assert statuses(SPRING, now) == expected


def test_a_one_executive_desk_is_its_own_view() -> None:
    document = Document(settings=Settings(executive_name="Dana", timezone=NY))
    assert document.view() is document
    assert document.view("x-1") is document
    (only,) = document.roster
    assert only.id == "x-1" and only.short == "Dana" and only.timezone == NY


def test_the_view_of_an_executive_holds_their_records_and_rules() -> None:
    view = WINTER.view("x-2")
    assert {e.title for e in view.events} == {"Deep work", "Ops review"}
    assert [b.title for b in view.briefs] == ["Supplier call went well"]
    assert view.settings.timezone == LONDON and view.settings.workday_start == "08:00"
    assert view.settings.executive_name == "Lee Okafor"
    assert view.settings.assistant_name == "Sam"
    first = WINTER.view("x-1")
    assert {e.title for e in first.events} == {"Board meeting", "Lunch"}
    assert first.settings is WINTER.settings


def alone(document: Document, executive: Executive) -> Document:
    """A desk of the executive alone, with only their records (what they would see if the
    EA served no one else)."""
    settings = Settings(
        executive_name=executive.name,
        timezone=executive.timezone,
        workday_start=executive.workday_start,
        workday_end=executive.workday_end,
        protect_before=executive.protect_before,
        min_window=executive.min_window,
    )
    return Document(
        settings=settings,
        events=tuple(e for e in document.events if e.executive == executive.id),
        briefs=tuple(b for b in document.briefs if b.executive == executive.id),
        windows=tuple(w for w in document.windows if w.executive == executive.id),
    )


@pytest.mark.parametrize(
    "start",
    ["2026-11-23", "2027-03-13", "2027-03-27"],
)
def test_sweep_each_executives_status_is_the_one_of_a_desk_of_their_own(start: str) -> None:
    """Every 30 minutes for three days (a winter Monday; both DST weekends and the Monday
    after): on the shared desk each executive's status is exactly the one they would have
    on a desk of their own."""
    document = desk(*WINTER.events, *WINTER.briefs, *SPRING.events)
    own = {x.id: alone(document, x) for x in (DANA, LEE)}
    instant = utc(start[:10], "00:00")
    for _ in range(3 * 48):
        for shared in desk_status(document, instant):
            single = status_of(own[shared.executive.id], None, instant)
            assert shared.status.text == single.status.text, (instant, shared.executive.short)
            assert shared.timezone == single.timezone
        instant = instant.add(minutes=30)
