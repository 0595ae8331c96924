"""One day as the EA sees it: the executive's events, open follow-ups, good moments
and the brief queue. Shared by `ea-planner today` and the dashboard; no Textual.

The good moments and the packed brief queue come from `planner.scheduling`; the
interrupt status always answers for the real "now" (today), whichever date is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

import msgspec
import pendulum

from planner.config import executive_zone
from planner.domain import Brief, Event, FollowUp
from planner.domain.document import Document
from planner.domain.followup import effective_promise
from planner.domain.priority import rank
from planner.scheduling import (
    GoodMoment,
    InterruptStatus,
    Packing,
    Slot,
    interrupt_status,
    pack,
    status_for,
)
from planner.scheduling.intervals import plain
from planner.scheduling.moments import day_bounds, events_near
from planner.scheduling.packing import ROLLOVER_LOOKAHEAD

PromiseState = Literal["broken", "due-soon", "due-today", "later", "waiting"]
PROMISE_STATES: tuple[PromiseState, ...] = get_args(PromiseState)
DUE_SOON = timedelta(hours=1)
NIGHT_ENDS = 6
"""Before this hour (executive's zone) today is "the coming day": its workday is still ahead."""


def place(zone: str) -> str:
    """`America/New_York` → `New York`: a zone as the place that names it (its label)."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


class Zones(msgspec.Struct, frozen=True, gc=False):
    """The one rule for whose clock a record's times are read on: its executive's zone
    (the desk's own follow-ups: the first executive's, whose rules read them), with a
    label (`11:00 London`) wherever that zone is not the EA's own. A one-executive desk
    never labels (it reads exactly as it always did); nor does an executive in the EA's
    zone."""

    ea_zone: str
    """The EA's own zone (TZ, else the system's)."""
    first: str
    """The first executive's id: the zone of records naming none."""
    of: dict[str, str]
    """Executive id → their zone."""

    @property
    def several(self) -> bool:
        return len(self.of) > 1

    def zone(self, executive: str) -> str:
        """The zone of a record whose `executive` field is `executive` ("" = the first's)."""
        return self.of.get(executive or self.first) or self.of[self.first]

    def label(self, executive: str) -> str:
        """The label its times carry: "" when the zone is the EA's or the desk has one
        executive, else the zone as a place (`London`)."""
        if not self.several:
            return ""
        zone = self.zone(executive)
        return "" if zone == self.ea_zone else place(zone)

    @property
    def labelled(self) -> bool:
        """Whether any executive's times carry a label."""
        return any(self.label(x) for x in self.of)


def zones_of(document: Document, ea_zone: str | None = None) -> Zones:
    """The zones of the desk's executives, seen from `ea_zone` (None: the EA's local
    zone). Pass the whole desk, not one executive's view (a view knows only them)."""
    if ea_zone is None:
        from planner.clock import local_zone_name

        ea_zone = local_zone_name()
    roster = document.roster
    return Zones(
        ea_zone=ea_zone,
        first=roster[0].id,
        of={x.id: executive_zone(document.rules_for(x.id)) for x in roster},
    )


def labelled(text: str, label: str) -> str:
    """`11:00` with the label `London` → `11:00 London`; unchanged without one."""
    return f"{text} {label}" if label else text


class FollowUpRow(msgspec.Struct, frozen=True, gc=False):
    """An open follow-up with its promise state on the day shown.

    Untracked by the cyclic garbage collector (it holds no cycles): thousands of rows (all
    history, filtered) then cost a collection nothing.
    """

    followup: FollowUp
    state: PromiseState
    when: datetime
    """The effective promise (moved by time spent waiting on the customer), in the zone
    the row reads in (the record's executive's, given `Zones`; else the day's)."""
    label: str = ""
    """The zone label its times carry (`London`), "" when none (see `Zones`)."""

    @property
    def promise(self) -> pendulum.DateTime:
        """`when` as a pendulum DateTime, for formatting (made on demand: it is not cheap)."""
        return pendulum.instance(self.when)


class Day(msgspec.Struct, frozen=True, gc=False):
    date: pendulum.Date
    timezone: str
    now: pendulum.DateTime
    events: tuple[Event, ...]
    followups: tuple[FollowUpRow, ...]
    briefs: tuple[Brief, ...]
    """The brief queue: undelivered briefs, highest priority first, then oldest."""
    packing: Packing | None = None
    """The queue packed into the date's good moments (and the next workday's)."""
    status: InterruptStatus | None = None
    """Can I interrupt now? (about the real now, whichever date is shown)."""

    @property
    def is_today(self) -> bool:
        return self.date == self.now.date()

    @property
    def is_coming(self) -> bool:
        """Today, seen in the small hours: the day is still to come (the header says so)."""
        return self.is_today and self.now.hour < NIGHT_ENDS


def promise_state(followup: FollowUp, now: datetime, date: pendulum.Date, tz: str) -> PromiseState:
    """Where a follow-up stands: broken first, then due within the hour, due that day, later;
    waiting matters whose promise still holds form their own group."""
    promise, instant = plain(effective_promise(followup, now)), plain(now)
    if promise < instant:
        return "broken"
    if followup.status == "waiting":
        return "waiting"
    if promise - instant <= DUE_SOON:
        return "due-soon"
    if promise.astimezone(_zone(tz)).date() == date:
        return "due-today"
    return "later"


@lru_cache(maxsize=8)
def status_words(followup: FollowUp, now: datetime, tz: str, label: str = "") -> str:
    """Where a follow-up stands, in words, for every list of open matters: `escalated`, `in
    progress`, `waiting on colleague since 09:30`, `paused: waiting on customer since 09:00`
    (the promise clock is paused); "" for a plain open one. Since-times on another day than
    `now`'s carry the day; with `label` (see `Zones`), the zone's (`since 09:30 London`)."""
    from planner.domain.history import standing
    from planner.humanize import fmt

    match followup.status:
        case "escalated":
            return "escalated"
        case "in progress":
            return "in progress"
        case "waiting":
            state = standing(followup)
            words = f"waiting on {followup.waiting_on or 'someone'}"
            if state.wait_began is not None:
                began = pendulum.instance(state.wait_began).in_tz(tz)
                today = pendulum.instance(now).in_tz(tz).date()
                pattern = "HH:mm" if began.date() == today else "ddd D MMM HH:mm"
                words += f" since {labelled(fmt(began, pattern), label)}"
            return f"paused: {words}" if state.paused else words
    return ""


def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(tz)


def followup_rows(
    followups: Iterable[FollowUp],
    now: datetime,
    date: pendulum.Date,
    tz: str,
    *,
    include_closed: bool = False,
    zones: Zones | None = None,
) -> tuple[FollowUpRow, ...]:
    """Open follow-ups (all of them with `include_closed`, for searching history) in display
    order: by state, then promise, then priority, then age. With `zones`, each row's time
    reads in its executive's zone, labelled where that is not the EA's (the state, due
    today or later, stays about `date` in `tz`: the list's day)."""
    zone = _zone(tz)
    if zones is None or not zones.several:
        rows = [
            FollowUpRow(
                followup=f,
                state=promise_state(f, now, date, tz),
                when=plain(effective_promise(f, now)).astimezone(zone),
            )
            for f in followups
            if include_closed or f.is_open
        ]
    else:
        rows = [
            FollowUpRow(
                followup=f,
                state=promise_state(f, now, date, tz),
                when=plain(effective_promise(f, now)).astimezone(_zone(zones.zone(f.executive))),
                label=zones.label(f.executive),
            )
            for f in followups
            if include_closed or f.is_open
        ]
    # Numeric keys: comparing aware datetimes of mixed offsets calls utcoffset() on every
    # comparison, which dominates sorting five years of history.
    rows.sort(
        key=lambda r: (
            PROMISE_STATES.index(r.state),
            r.when.timestamp(),
            rank(r.followup.priority),
            r.followup.created.timestamp(),
        )
    )
    return tuple(rows)


def events_on(events: Iterable[Event], date: pendulum.Date, tz: str) -> tuple[Event, ...]:
    """Events that overlap the day, all-day events first, then by start (compared as
    instants, so that the repeated hour of a DST change sorts right)."""
    low, high = day_bounds(date, tz)
    start, end = plain(low), plain(high)
    selected = [
        e
        for e in events
        if plain(e.start) < end and (plain(e.end) > start or plain(e.start) >= start)
    ]
    selected.sort(key=lambda e: (not e.all_day, plain(e.start), plain(e.end), e.title))
    return tuple(selected)


def brief_queue(briefs: tuple[Brief, ...]) -> tuple[Brief, ...]:
    """Undelivered briefs, highest priority first, then oldest (then id: a total order)."""
    queue = [b for b in briefs if b.queued]
    queue.sort(key=lambda b: (rank(b.priority), b.created, b.id))
    return tuple(queue)


def build_day(
    document: Document, date: pendulum.Date, now: datetime, *, zones: Zones | None = None
) -> Day:
    tz = executive_zone(document.settings)
    local_now = pendulum.instance(now).in_tz(tz)
    settings = document.settings
    today = local_now.date()
    # One pass over the whole schedule: the date, and the days its brief queue may roll to.
    ahead = timedelta(days=ROLLOVER_LOOKAHEAD + 1)
    events = tuple(events_near(document.events, date, tz, after=ahead))
    packing = pack(document.briefs, events, document.windows, settings, date, now, tz=tz)
    if date == today:
        status = status_for(
            packing.moments,
            events,
            now,
            tz,
            interrupt_now=packing.interrupt_now,
            settings=settings,
            missed=packing.missed,
        )
    else:
        around_today = events_near(document.events, today, tz, after=ahead)
        status = interrupt_status(
            around_today, document.windows, settings, now, briefs=document.briefs, tz=tz
        )
    return Day(
        date=date,
        timezone=tz,
        now=local_now,
        events=events_on(events, date, tz),
        followups=followup_rows(document.followups, now, date, tz, zones=zones),
        briefs=brief_queue(document.briefs),
        packing=packing,
        status=status,
    )


def to_json(record: Any, tz: str) -> Any:
    """A record as JSON-ready builtins, every time converted to the zone `tz`."""
    zone = pendulum.timezone(tz)

    def convert(value: Any) -> Any:
        if isinstance(value, datetime):
            return value.astimezone(zone).isoformat()
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [convert(v) for v in value]
        return value

    return convert(msgspec.to_builtins(record, builtin_types=(datetime,), enc_hook=_plain))


def _plain(value: Any) -> Any:
    # pendulum's DateTime subclasses datetime; msgspec only passes the exact type through.
    if isinstance(value, datetime):
        return plain(value)
    raise NotImplementedError(f"cannot convert a {type(value).__name__}")


def day_json(day: Day) -> dict[str, Any]:
    """The `today --json` object: date, timezone, events, windows, followups, briefs."""
    tz = day.timezone
    followups = []
    for row in day.followups:
        item = to_json(row.followup, tz)
        item["state"] = row.state
        item["broken"] = row.state == "broken"
        item["effective_promise"] = row.promise.isoformat()
        followups.append(item)
    packing = day.packing
    briefs = []
    for brief in day.briefs:
        item = to_json(brief, tz)
        placement = packing.placement(brief.id) if packing is not None else None
        moment = placement.moment if placement is not None else None
        item["placed"] = moment.start.in_tz(tz).isoformat() if moment is not None else None
        item["planned_at"] = (
            placement.at.in_tz(tz).isoformat()
            if placement is not None and placement.at is not None
            else None
        )
        item["rolled"] = placement.rolled if placement is not None else False
        item["held"] = placement.held if placement is not None else False
        item["flags"] = list(placement.flags) if placement is not None else []
        briefs.append(item)
    next_workday: dict[str, Any] | None = None
    if packing is not None and packing.next_date is not None:
        next_workday = {
            "date": packing.next_date.isoformat(),
            "windows": [slot_json(s, tz) for s in packing.next_slots],
        }
    return {
        "date": day.date.isoformat(),
        "timezone": tz,
        "now": day.now.isoformat(),
        "status": day.status.text if day.status is not None else None,
        "events": [to_json(e, tz) for e in day.events],
        "windows": [slot_json(s, tz) for s in packing.slots] if packing is not None else [],
        "next_workday": next_workday,
        "followups": followups,
        "briefs": briefs,
    }


def slot_json(slot: Slot, tz: str) -> dict[str, Any]:
    """A good moment as JSON: its span and rank, where it came from, the briefs packed in."""
    return {
        **moment_json(slot.moment, tz),
        "capacity": slot.capacity,
        "briefs": [b.id for b in slot.briefs],
    }


def moment_json(moment: GoodMoment, tz: str) -> dict[str, Any]:
    """A good moment as JSON: `start`, `end`, `minutes`, `best`, `source`, `after_event`,
    `note` (the window objects of `today --json`, without the packing)."""
    return {
        "start": moment.start.in_tz(tz).isoformat(),
        "end": moment.end.in_tz(tz).isoformat(),
        "minutes": moment.minutes,
        "best": moment.best,
        "source": moment.source,
        "after_event": moment.after_event,
        "note": moment.note,
    }


def dumps(value: Any) -> str:
    """JSON for people and scripts: indented, UTF-8 kept as is.

    `json.dumps(indent=...)` falls back to the pure-Python encoder; msgspec
    encodes and indents in C, which matters for `today --json` on a busy day.
    """
    return msgspec.json.format(msgspec.json.encode(value), indent=2).decode("utf-8")
