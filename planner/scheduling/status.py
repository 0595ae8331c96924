"""The answer to "can I interrupt now?", in SPEC.md's words.

Forms, first match wins (times HH:MM in the executive's zone):

1. `interrupt now: <brief title> (deliver by HH:MM)` — a brief of the queue has
   a `deliver_by` that no good moment meets; the earliest deadline is named, and
   ` (+N more)` is added when N more briefs are in the same case. A deadline on
   another day than today reads `(deliver by Tue 24 Nov 09:00)`. Said only inside the
   executive's workday (given their settings): outside it the line says when they can
   be told instead, `tell at 08:00: <title> (deliver by 09:00)` (the next workday's
   start; with its day when not today).
   A brief whose deadline has passed is no longer "interrupt now" (interrupting cannot
   meet it any more): `missed 16:00: <title> — tell at 08:00` (`tell now` inside the
   workday), said until the end of the first workday that starts after the deadline;
   after that it is a row of the brief queue flagged "deadline missed".
2. `good moment now (until HH:MM, 20 min left)` — now is inside a window; "until"
   is the end of the run of windows that follow each other without a gap.
3. `in <event title> until HH:MM` — a blocking event is running (the one that
   ends last, if several, is named) and nothing blocking follows it back to back.
   When the busy stretch goes on (blocking events back to back or overlapping, up
   to the next good moment if one begins first), what follows is named too, so the
   line never says the executive is in one event after it ended:
   `in Acme renewal until 14:00, then Globex sync until 14:30`, and
   `… then Globex sync (+2 more) until 16:00` when more follow.
4. `next good moment HH:MM (in 8 h 30 min)` — a window starts later today; the
   wait in whole minutes, rounded up, written as people read durations.
5. `not a workday (next workday Mon 30 Nov 08:30)` — today is none of the
   executive's workdays and nothing above applies (the settings must be given).
6. `no good moment left today`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal

import msgspec
import pendulum

from planner.config import Settings, executive_zone
from planner.domain import Brief, Event, Window
from planner.humanize import fmt, left, until
from planner.scheduling.intervals import plain
from planner.scheduling.moments import (
    GoodMoment,
    blocks,
    good_moments,
    is_workday,
    next_workday,
    running_event,
    workday_span,
)
from planner.scheduling.packing import Placement, pack

StatusKind = Literal[
    "interrupt-now",
    "brief-waits",
    "good-moment-now",
    "in-event",
    "next-good-moment",
    "day-off",
    "none-left",
]

_SHORTEST_TITLE = 8
"""A title cut to fit the width keeps at least this many characters (the "…" included)."""


class InterruptStatus(msgspec.Struct, frozen=True, gc=False):
    """The header's answer, with the pieces a UI may want to style separately."""

    kind: StatusKind
    text: str
    until: pendulum.DateTime | None = None
    """End of the current window run, or of the busy stretch the running event is part of."""
    at: pendulum.DateTime | None = None
    """Start of the next good moment."""
    event: Event | None = None
    brief: Brief | None = None
    """The brief to tell now (interrupt-now)."""
    titles: tuple[str, ...] = ()
    """The event titles in `text` (in-event), in order: what gives way when it must fit."""
    pattern: str = ""
    """`text` with `{0}`, `{1}` … where `titles` go (in-event)."""

    def __str__(self) -> str:
        return self.text

    def fitted(self, width: int) -> str:
        """`text` in `width` characters: the event titles give way (each cut with "…", the
        longest first), never the times after them."""
        if len(self.text) <= width or not self.titles:
            return self.text
        room = width - len(self.pattern.format(*("" for _ in self.titles)))
        sizes = [len(title) for title in self.titles]
        while sum(sizes) > room:
            longest = max(range(len(sizes)), key=lambda i: sizes[i])
            if sizes[longest] <= _SHORTEST_TITLE:
                break
            sizes[longest] -= 1
        cut = [
            title if len(title) <= size else title[: size - 1].rstrip() + "…"
            for title, size in zip(self.titles, sizes, strict=True)
        ]
        return self.pattern.format(*cut)


def status_for(
    moments: Sequence[GoodMoment],
    events: Sequence[Event],
    now: datetime,
    tz: str,
    *,
    interrupt_now: Sequence[Placement] = (),
    settings: Settings | None = None,
    missed: Sequence[Placement] = (),
) -> InterruptStatus:
    """The status from today's good `moments`, the schedule, and the briefs flagged
    "interrupt now" (as `Packing.interrupt_now` gives them, most pressing first) or whose
    deadline passed undelivered (`Packing.missed`). With the executive's `settings`, a day
    that is not one of their workdays says so, and nothing is "interrupt now" outside
    their workday."""
    local_now = pendulum.instance(now).in_tz(tz)
    working = settings is None or _workday_around(settings, now, tz) is not None
    if interrupt_now:
        brief = interrupt_now[0].brief
        more = f" (+{len(interrupt_now) - 1} more)" if len(interrupt_now) > 1 else ""
        deadline = ""
        if brief.deliver_by is not None:
            deadline = f" (deliver by {_deadline(brief.deliver_by, local_now, tz)})"
        if working:
            text = f"interrupt now: {brief.title}{deadline}{more}"
            return InterruptStatus(kind="interrupt-now", text=text, brief=brief)
        assert settings is not None
        start = _next_start(settings, now, tz)
        if start is not None:
            text = f"tell at {_deadline(start, local_now, tz)}: {brief.title}{deadline}{more}"
            return InterruptStatus(kind="brief-waits", text=text, brief=brief, at=start)
    told = _missed(missed, now, tz, settings, working)
    if told is not None:
        return told

    ordered = sorted(moments, key=lambda m: plain(m.start))
    instant = plain(now)
    for index, moment in enumerate(ordered):
        if moment.contains(now):
            end = moment.end
            for following in ordered[index + 1 :]:
                if plain(following.start) > plain(end):
                    break
                if plain(following.end) > plain(end):
                    end = following.end
            return InterruptStatus(
                kind="good-moment-now",
                text=f"good moment now (until {_hhmm(end, tz)}, {left(instant, plain(end))})",
                until=pendulum.instance(end).in_tz(tz),
            )

    event = running_event(events, now)
    if event is not None:
        upcoming = [plain(m.start) for m in ordered if plain(m.start) > instant]
        before = upcoming[0] if upcoming else None
        busy = busy_until(event, events, before=before)
        return _in_event(event, _following(event, events, busy), busy, tz)

    today = local_now.date()
    for moment in ordered:
        if plain(moment.start) > instant and moment.start.in_tz(tz).date() == today:
            return InterruptStatus(
                kind="next-good-moment",
                text=f"next good moment {_hhmm(moment.start, tz)} "
                f"({until(instant, plain(moment.start))})",
                at=moment.start,
            )
    if settings is not None and not is_workday(settings, today):
        return _day_off(settings, today, tz)
    return InterruptStatus(kind="none-left", text="no good moment left today")


def _following(event: Event, events: Sequence[Event], busy: datetime) -> list[Event]:
    """The blocking events the executive goes into, one after another, after `event`
    until `busy` (the end of the stretch): at each end, the one then running that ends
    last."""
    chain: list[Event] = []
    end = plain(event.end)
    stop = plain(busy)
    while end < stop:
        running = [e for e in events if blocks(e) and plain(e.start) <= end < plain(e.end)]
        if not running:
            break
        following = max(running, key=lambda e: (plain(e.end), plain(e.start)))
        chain.append(following)
        end = plain(following.end)
    return chain


def _in_event(event: Event, following: Sequence[Event], busy: datetime, tz: str) -> InterruptStatus:
    """`in A until 14:00`, or `in A until 14:00, then B until 14:30` (`(+N more)` after B
    when more follow): each title a `{n}` of the pattern, so it can give way to the width."""
    end = _hhmm(busy, tz)
    if not following:
        pattern = f"in {{0}} until {end}"
        titles: tuple[str, ...] = (event.title,)
    else:
        more = f" (+{len(following) - 1} more)" if len(following) > 1 else ""
        pattern = f"in {{0}} until {_hhmm(event.end, tz)}, then {{1}}{more} until {end}"
        titles = (event.title, following[0].title)
    return InterruptStatus(
        kind="in-event",
        text=pattern.format(*titles),
        until=pendulum.instance(busy).in_tz(tz),
        event=event,
        titles=titles,
        pattern=pattern,
    )


def _day_off(settings: Settings, today: pendulum.Date, tz: str) -> InterruptStatus:
    """`not a workday (next workday Mon 30 Nov 08:30)`: when the executive's next one starts."""
    following = next_workday(settings, today)
    while following is not None and following <= today.add(days=7):
        span = workday_span(settings, following, tz)
        if span is not None:
            start = span[0]
            return InterruptStatus(
                kind="day-off",
                text=f"not a workday (next workday {fmt(start, 'ddd D MMM HH:mm')})",
                at=start,
            )
        following = next_workday(settings, following)
    return InterruptStatus(kind="day-off", text="not a workday")


def busy_until(
    event: Event, events: Sequence[Event], *, before: datetime | None = None
) -> datetime:
    """The end of the busy stretch `event` is part of: the blocking events that follow it
    back to back or overlap it, one after another; cut short at `before` (the start of the
    next good moment), when that comes first."""
    end = plain(event.end)
    following = sorted(
        (e for e in events if blocks(e) and plain(e.end) > end), key=lambda e: plain(e.start)
    )
    for other in following:
        if plain(other.start) > end:
            break
        end = max(end, plain(other.end))
    if before is not None and plain(event.end) <= before < end:
        return before
    return end


def interrupt_status(
    events: Sequence[Event],
    windows: Sequence[Window],
    settings: Settings,
    now: datetime,
    *,
    briefs: Sequence[Brief] = (),
    tz: str | None = None,
) -> InterruptStatus:
    """The status at `now`, computing today's good moments and packing `briefs`."""
    zone = tz or executive_zone(settings)
    today = pendulum.instance(now).in_tz(zone).date()
    if briefs:
        packing = pack(briefs, events, windows, settings, today, now, tz=zone)
        return status_for(
            packing.moments,
            events,
            now,
            zone,
            interrupt_now=packing.interrupt_now,
            settings=settings,
            missed=packing.missed,
        )
    moments = good_moments(events, windows, settings, today, tz=zone)
    return status_for(moments, events, now, zone, settings=settings)


def _workday_around(
    settings: Settings, moment: datetime, tz: str
) -> tuple[pendulum.DateTime, pendulum.DateTime] | None:
    """The executive's workday `moment` falls in (their zone), or None outside any."""
    date = pendulum.instance(moment).in_tz(tz).date()
    for day in (date.subtract(days=1), date):  # a workday may run past midnight
        span = workday_span(settings, day, tz)
        if span is not None and plain(span[0]) <= plain(moment) < plain(span[1]):
            return span
    return None


def _next_start(settings: Settings, moment: datetime, tz: str) -> pendulum.DateTime | None:
    """The start of the executive's first workday after `moment`, or None (no workdays)."""
    day = pendulum.instance(moment).in_tz(tz).date()
    for _ in range(9):
        span = workday_span(settings, day, tz)
        if span is not None and plain(span[0]) > plain(moment):
            return span[0]
        day = day.add(days=1)
    return None


def _missed(
    missed: Sequence[Placement],
    now: datetime,
    tz: str,
    settings: Settings | None,
    working: bool,
) -> InterruptStatus | None:
    """`missed 16:00: <title> — tell at 08:00` (`tell now` inside the workday) for the
    most recently missed deadline, until the end of the first workday that starts after
    it; None when there is none (or every one is older than that)."""
    if settings is None:
        return None
    local_now = pendulum.instance(now).in_tz(tz)
    for placement in missed:
        brief = placement.brief
        if brief.deliver_by is None:
            continue
        start = _next_start(settings, brief.deliver_by, tz)
        span = _workday_around(settings, start, tz) if start is not None else None
        if span is None or plain(now) >= plain(span[1]):
            continue
        when = "now" if working else None
        if when is None:
            start = _next_start(settings, now, tz)
            if start is None:
                continue
            when = f"at {_deadline(start, local_now, tz)}"
        more = f" (+{len(missed) - 1} more)" if len(missed) > 1 else ""
        text = (
            f"missed {_deadline(brief.deliver_by, local_now, tz)}: {brief.title}{more}"
            f" — tell {when}"
        )
        return InterruptStatus(kind="brief-waits", text=text, brief=brief)
    return None


def _hhmm(moment: datetime, tz: str) -> str:
    return fmt(pendulum.instance(moment).in_tz(tz), "HH:mm")


def _deadline(deadline: datetime, now: pendulum.DateTime, tz: str) -> str:
    local = pendulum.instance(deadline).in_tz(tz)
    if local.date() == now.date():
        return fmt(local, "HH:mm")
    return fmt(local, "ddd D MMM HH:mm")
