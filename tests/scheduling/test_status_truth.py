"""The header's "in <event> until …" says what is true at every instant: the event named
is running, ends when the line says, and whatever follows back to back is named too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.config import EventKind
from planner.domain import Event
from planner.scheduling import InterruptStatus, interrupt_status
from planner.scheduling.moments import blocks
from tests.scheduling.helpers import MONDAY, SETTINGS, TZ, at, event

IN_EVENT = re.compile(
    r"^in (?P<first>.+?) until (?P<first_end>\d\d:\d\d)"
    r"(?:, then (?P<then>.+?)(?: \(\+(?P<more>\d+) more\))? until (?P<end>\d\d:\d\d))?$"
)

ACME_DAY = [
    event("09:00", "10:00", "Staff meeting"),
    event("13:00", "14:00", "Customer call - Acme renewal", kind="call"),
    event("14:00", "14:30", "Globex sync", kind="call"),
    event("16:00", "16:30", "Board prep", kind="focus"),
    event("16:30", "17:00", "Investor call", kind="call"),
    event("17:00", "17:20", "Press", kind="call"),
]


def status(now: pendulum.DateTime, events: Sequence[Event] = ACME_DAY) -> InterruptStatus:
    return interrupt_status(events, [], SETTINGS, now)


def hhmm(moment: datetime) -> str:
    return pendulum.instance(moment).in_tz(TZ).format("HH:mm")


def check_true(line: InterruptStatus, now: pendulum.DateTime, events: Sequence[Event]) -> None:
    """What an in-event line claims holds at `now`."""
    if line.kind != "in-event":
        assert " until " not in line.text or line.text.startswith("good moment now")
        return
    match = IN_EVENT.match(line.text)
    assert match, line.text
    named = line.event
    assert named is not None
    assert named.start <= now < named.end and blocks(named)
    assert match["first"] == named.title
    assert match["first_end"] == hhmm(named.end)
    assert line.until is not None
    if match["then"] is None:
        # Nothing blocking goes on from its end: the line ends where the event does.
        assert line.until == named.end
        return
    assert match["end"] == hhmm(line.until)
    assert line.until > named.end
    following = [e for e in events if blocks(e) and e.start <= named.end < e.end and e is not named]
    assert match["then"] in {e.title for e in following}


def test_back_to_back_calls_name_both() -> None:
    line = status(at("13:50"))
    assert line.text == (
        "in Customer call - Acme renewal until 14:00, then Globex sync until 14:30"
    )
    assert len(line.fitted(78)) <= 78
    assert status(at("14:00")).text == "in Globex sync until 14:30"
    assert status(at("13:59").add(seconds=59)).text == line.text


def test_three_back_to_back_name_the_next_and_count_the_rest() -> None:
    assert status(at("16:10")).text == (
        "in Board prep until 16:30, then Investor call (+1 more) until 17:20"
    )
    assert status(at("16:30")).text == "in Investor call until 17:00, then Press until 17:20"
    assert status(at("17:19")).text == "in Press until 17:20"


def test_the_clock_swept_through_the_day_says_only_what_is_true() -> None:
    day_start = at("00:00")
    instants = [day_start.add(minutes=m) for m in range(0, 24 * 60, 5)]
    for e in ACME_DAY:  # just before, at and just after each boundary
        for edge in (e.start, e.end):
            local = pendulum.instance(edge).in_tz(TZ)
            instants += [local.subtract(seconds=1), local, local.add(seconds=1)]
    instants += [at("00:00", MONDAY.add(days=1)), at("23:59").add(seconds=59)]
    for now in instants:
        line = status(now)
        check_true(line, now, ACME_DAY)
        assert len(line.fitted(78)) <= 78, line.text


def test_long_titles_give_way_at_80_columns_never_the_times() -> None:
    events = [
        event("13:00", "14:00", "Customer call - Acme Corporation contract renewal, all hands"),
        event("14:00", "14:30", "Globex International quarterly business review sync"),
        event("14:30", "15:00", "Third"),
    ]
    line = status(at("13:50"), events)
    shown = line.fitted(78)
    assert len(shown) <= 78
    assert shown.startswith("in Customer call")
    assert "… until 14:00, then Globex" in shown
    assert shown.endswith("… (+1 more) until 15:00")
    assert line.fitted(200) == line.text


@st.composite
def schedules(draw: st.DrawFn) -> list[Event]:
    count = draw(st.integers(min_value=1, max_value=6))
    events = []
    for index in range(count):
        start = draw(st.integers(min_value=7 * 12, max_value=19 * 12)) * 5
        length = draw(st.sampled_from([10, 15, 30, 45, 60, 90]))
        kinds: list[EventKind] = ["meeting", "call", "focus", "personal"]
        kind = draw(st.sampled_from(kinds))
        begin = at("00:00").add(minutes=start)
        events.append(
            Event(
                id=f"p-{index}",
                title=f"Event {index}",
                start=begin,
                end=begin.add(minutes=length),
                kind=kind,
            )
        )
    return events


@settings(max_examples=150, deadline=None)
@given(events=schedules(), minute=st.integers(min_value=0, max_value=24 * 60 - 1))
def test_any_schedule_any_minute_the_line_is_true(events: list[Event], minute: int) -> None:
    now = at("00:00").add(minutes=minute)
    check_true(status(now, events), now, events)
