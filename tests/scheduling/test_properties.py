"""Invariants of the scheduler, on generated days (including DST days and odd settings)."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import datetime, timedelta

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.config import Settings
from planner.domain import Brief, Event, Window
from planner.domain.brief import BRIEF_KINDS
from planner.domain.priority import PRIORITIES
from planner.scheduling import blocks, good_moments, pack, workday_span
from planner.scheduling.intervals import merge, plain, subtract

TZ = "Europe/Paris"
DATES = [
    pendulum.date(2026, 11, 23),
    pendulum.date(2026, 11, 28),  # a Saturday
    pendulum.date(2027, 3, 28),  # spring forward
    pendulum.date(2026, 10, 25),  # fall back
]


def overlaps(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    """Instants, not wall clocks: same-zone datetimes compare by wall clock in Python."""
    return plain(a[0]) < plain(b[1]) and plain(b[0]) < plain(a[1])


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@st.composite
def day_settings(draw: st.DrawFn) -> Settings:
    start = draw(st.integers(0, 12 * 60))
    end = draw(st.integers(start + 1, 24 * 60 - 1))
    return Settings(
        timezone=TZ,
        workday_start=clock(start),
        workday_end=clock(end),
        workdays=tuple(sorted(draw(st.sets(st.integers(1, 7), min_size=0, max_size=7)))),
        protect_before=draw(st.integers(0, 45)),
        settle_after=draw(st.integers(0, 30)),
        min_window=draw(st.integers(0, 60)),
        never_interrupt=tuple(
            draw(st.sets(st.sampled_from(["focus", "travel", "personal", "meeting"])))
        ),
    )


@st.composite
def events_on(draw: st.DrawFn, date: pendulum.Date) -> list[Event]:
    base = pendulum.datetime(date.year, date.month, date.day, tz=TZ)
    result = []
    for index in range(draw(st.integers(0, 12))):
        start = base.add(minutes=draw(st.integers(-120, 25 * 60)))
        end = start.add(minutes=draw(st.integers(1, 300)))
        all_day = draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans())
        if all_day:
            start, end = base, base.add(days=1)
        result.append(
            Event(
                id=f"e-{index}",
                title=f"Event {index}",
                start=start,
                end=end,
                all_day=all_day,
                kind=draw(
                    st.sampled_from(["meeting", "call", "focus", "travel", "personal", "hold"])
                ),
                interruptible=draw(st.sampled_from([None, None, True, False])),
                with_ea=draw(st.integers(0, 9)) == 0,
            )
        )
    return result


@st.composite
def marks_on(draw: st.DrawFn, date: pendulum.Date) -> list[Window]:
    base = pendulum.datetime(date.year, date.month, date.day, tz=TZ)
    result = []
    for index in range(draw(st.integers(0, 4))):
        start = base.add(minutes=draw(st.integers(0, 24 * 60)))
        result.append(
            Window(
                id=f"w-{index}",
                start=start,
                end=start.add(minutes=draw(st.integers(1, 180))),
                mark=draw(st.sampled_from(["window", "block"])),
            )
        )
    return result


Scenario = tuple[pendulum.Date, Settings, list[Event], list[Window]]
"""A day, its settings, its events and the EA's marks."""


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    date = draw(st.sampled_from(DATES))
    return date, draw(day_settings()), draw(events_on(date)), draw(marks_on(date))


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_windows_are_sorted_disjoint_long_enough_and_avoid_blocks(scenario: Scenario) -> None:
    date, config, events, marks = scenario
    moments = good_moments(events, marks, config, date, tz=TZ)
    minimum = timedelta(minutes=config.min_window)
    for a, b in itertools.pairwise(moments):
        assert plain(a.end) <= plain(b.start), "sorted and disjoint"
    for m in moments:
        assert plain(m.start) < plain(m.end)
        assert plain(m.end) - plain(m.start) >= minimum
        assert (
            m.minutes * 60 <= (plain(m.end) - plain(m.start)).total_seconds() < m.minutes * 60 + 60
        )
        for w in marks:
            if w.mark == "block":
                assert not overlaps((m.start, m.end), (w.start, w.end))

    workday = workday_span(config, date, TZ)
    protect = timedelta(minutes=config.protect_before)
    settle = timedelta(minutes=config.settle_after)
    for m in moments:
        if m.source == "computed":
            assert workday is not None, "no computed windows on a day off"
            inside = plain(workday[0]) <= plain(m.start) and plain(m.end) <= plain(workday[1])
            assert inside, "inside the workday"
            for e in events:
                if blocks(e):
                    shadow = (e.start - protect, e.end + settle)
                    assert not overlaps((m.start, m.end), shadow), "clear of blocking events"
        elif m.source == "one-on-one":
            for e in events:
                if blocks(e):
                    assert not overlaps((m.start, m.end), (e.start, e.end))


@settings(max_examples=200, deadline=None)
@given(scenarios())
def test_without_marks_or_one_on_ones_every_free_minute_of_the_workday_is_accounted_for(
    scenario: Scenario,
) -> None:
    date, config, events, _ = scenario
    events = [e for e in events if not e.with_ea]
    moments = good_moments(events, [], config, date, tz=TZ)
    workday = workday_span(config, date, TZ)
    if workday is None:
        assert moments == ()
        return
    protect = timedelta(minutes=config.protect_before)
    settle = timedelta(minutes=config.settle_after)
    busy = merge((plain(e.start), plain(e.end)) for e in events if blocks(e))
    free = subtract(
        [(plain(workday[0]), plain(workday[1]))], [(s - protect, t + settle) for s, t in busy]
    )
    expected = [(s, t) for s, t in free if t - s >= timedelta(minutes=config.min_window)]
    assert [(plain(m.start), plain(m.end)) for m in moments] == expected


@st.composite
def queues(draw: st.DrawFn, date: pendulum.Date) -> list[Brief]:
    base = pendulum.datetime(date.year, date.month, date.day, tz=TZ)
    result = []
    for index in range(draw(st.integers(0, 25))):
        kind = draw(st.sampled_from(BRIEF_KINDS))
        deliver_by = None
        if draw(st.booleans()):
            deliver_by = base.add(minutes=draw(st.integers(0, 3 * 24 * 60)))
        result.append(
            Brief(
                id=f"b-{index}",
                title=f"Brief {index}",
                kind=kind,
                priority=draw(st.sampled_from(PRIORITIES)),
                minutes=draw(st.integers(1, 120)),
                deliver_by=deliver_by,
                solution=draw(st.sampled_from(["", "a plan"])),
                created=base.subtract(minutes=draw(st.integers(0, 5000))),
                delivered=base if draw(st.integers(0, 5)) == 0 else None,
            )
        )
    return result


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_packing_never_overfills_loses_duplicates_or_places_held_briefs(
    data: st.DataObject,
) -> None:
    date, config, events, marks = data.draw(scenarios())
    briefs = data.draw(queues(date))
    base = pendulum.datetime(date.year, date.month, date.day, tz=TZ)
    now = base.add(minutes=data.draw(st.integers(-60, 25 * 60)))
    packing = pack(briefs, events, marks, config, date, now, tz=TZ)

    queued = [b for b in briefs if b.delivered is None]
    assert sorted(p.brief.id for p in packing.placements) == sorted(b.id for b in queued)
    in_slots = Counter(b.id for s in (*packing.slots, *packing.next_slots) for b in s.briefs)
    assert all(count == 1 for count in in_slots.values()), "no brief packed twice"
    for slot in (*packing.slots, *packing.next_slots):
        assert slot.used <= slot.capacity <= slot.moment.minutes, "never overfilled"
        if plain(slot.moment.end) <= plain(now):
            assert slot.briefs == ()
    for p in packing.placements:
        if p.held:
            assert p.brief.kind == "bad-news" and not p.brief.solution
            assert p.brief.id not in in_slots
            assert p.moment is None
        else:
            assert (p.moment is not None) == (p.brief.id in in_slots)
        if p.at is not None:
            assert plain(p.at) >= plain(now)
            assert p.moment is not None
            assert plain(p.at.add(minutes=p.brief.minutes)) <= plain(p.moment.end)
