"""The answer to "can I interrupt now?", in SPEC.md's words.

Forms, first match wins (times HH:MM in the executive's zone):

1. `interrupt now: <brief title> (deliver by HH:MM)` — a brief of the queue has
   a `deliver_by` that no good moment meets; the earliest deadline is named, and
   ` (+N more)` is added when N more briefs are in the same case. A deadline on
   another day than today reads `(deliver by Tue 24 Nov 09:00)`.
2. `good moment now (until HH:MM)` — now is inside a window; "until" is the end
   of the run of windows that follow each other without a gap.
3. `in <event title> until HH:MM` — a blocking event is running (the one that
   ends last, if several); "until" is that event's end.
4. `next good moment HH:MM (in N min)` — a window starts later today; N is
   whole minutes, rounded up, however large.
5. `no good moment left today`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from typing import Literal

import msgspec
import pendulum

from planner.config import Settings, executive_zone
from planner.domain import Brief, Event, Window
from planner.humanize import fmt
from planner.scheduling.intervals import plain
from planner.scheduling.moments import GoodMoment, good_moments, running_event
from planner.scheduling.packing import Placement, pack

StatusKind = Literal[
    "interrupt-now", "good-moment-now", "in-event", "next-good-moment", "none-left"
]


class InterruptStatus(msgspec.Struct, frozen=True, gc=False):
    """The header's answer, with the pieces a UI may want to style separately."""

    kind: StatusKind
    text: str
    until: pendulum.DateTime | None = None
    """End of the current window run or of the running event."""
    at: pendulum.DateTime | None = None
    """Start of the next good moment."""
    event: Event | None = None
    brief: Brief | None = None
    """The brief to tell now (interrupt-now)."""

    def __str__(self) -> str:
        return self.text


def status_for(
    moments: Sequence[GoodMoment],
    events: Sequence[Event],
    now: datetime,
    tz: str,
    *,
    interrupt_now: Sequence[Placement] = (),
) -> InterruptStatus:
    """The status from today's good `moments`, the schedule, and the briefs flagged
    "interrupt now" (as `Packing.interrupt_now` gives them, most pressing first)."""
    local_now = pendulum.instance(now).in_tz(tz)
    if interrupt_now:
        brief = interrupt_now[0].brief
        text = f"interrupt now: {brief.title}"
        if brief.deliver_by is not None:
            text += f" (deliver by {_deadline(brief.deliver_by, local_now, tz)})"
        if len(interrupt_now) > 1:
            text += f" (+{len(interrupt_now) - 1} more)"
        return InterruptStatus(kind="interrupt-now", text=text, brief=brief)

    ordered = sorted(moments, key=lambda m: plain(m.start))
    for index, moment in enumerate(ordered):
        if moment.contains(now):
            until = moment.end
            for following in ordered[index + 1 :]:
                if plain(following.start) > plain(until):
                    break
                if plain(following.end) > plain(until):
                    until = following.end
            return InterruptStatus(
                kind="good-moment-now",
                text=f"good moment now (until {_hhmm(until, tz)})",
                until=pendulum.instance(until).in_tz(tz),
            )

    event = running_event(events, now)
    if event is not None:
        end = pendulum.instance(event.end).in_tz(tz)
        return InterruptStatus(
            kind="in-event",
            text=f"in {event.title} until {_hhmm(end, tz)}",
            until=end,
            event=event,
        )

    today = local_now.date()
    for moment in ordered:
        if plain(moment.start) > plain(now) and moment.start.in_tz(tz).date() == today:
            wait = math.ceil((plain(moment.start) - plain(now)).total_seconds() / 60)
            return InterruptStatus(
                kind="next-good-moment",
                text=f"next good moment {_hhmm(moment.start, tz)} (in {wait} min)",
                at=moment.start,
            )
    return InterruptStatus(kind="none-left", text="no good moment left today")


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
        return status_for(packing.moments, events, now, zone, interrupt_now=packing.interrupt_now)
    moments = good_moments(events, windows, settings, today, tz=zone)
    return status_for(moments, events, now, zone)


def _hhmm(moment: datetime, tz: str) -> str:
    return fmt(pendulum.instance(moment).in_tz(tz), "HH:mm")


def _deadline(deadline: datetime, now: pendulum.DateTime, tz: str) -> str:
    local = pendulum.instance(deadline).in_tz(tz)
    if local.date() == now.date():
        return fmt(local, "HH:mm")
    return fmt(local, "ddd D MMM HH:mm")
