"""Packing the brief queue into the day's good moments.

- The queue is the undelivered briefs, highest priority first, then oldest
  (then id, so the order is total and stable).
- A bad-news brief without a proposed solution is *held*: never placed, flagged
  "needs a solution first".
- First fit: each brief goes into the first window of the day with room for
  its minutes; a window is never filled past its usable minutes. A window that
  has ended offers nothing; the window running now offers only its remaining
  minutes.
- What does not fit rolls to the next workday that has a window with room
  (looking at most two weeks ahead), first fit again. What fits nowhere is
  flagged "no room".
- A brief with `deliver_by` that is not planned to be told by then (or not
  placed at all, when its deadline falls within the days looked at) is flagged
  "interrupt now". Held briefs are not: bad news goes in only with a solution.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

import msgspec
import pendulum

from planner.config import Settings, executive_zone
from planner.domain import Brief, Event, Window
from planner.domain.brief import is_held
from planner.domain.priority import rank
from planner.scheduling.intervals import plain
from planner.scheduling.moments import (
    GoodMoment,
    day_bounds,
    events_near,
    good_moments,
    is_workday,
)

NEEDS_SOLUTION = "needs a solution first"
INTERRUPT_NOW = "interrupt now"
DEADLINE_MISSED = "deadline missed"
"""Its `deliver_by` has passed: interrupting can no longer meet it, so it is no longer
"interrupt now"; it is told at the next moment the executive can hear it."""
NO_ROOM = "no room"
ROLLOVER_LOOKAHEAD = 14
"""Days after the packed date searched for a workday with room for the rest of the queue."""


class Slot(msgspec.Struct, frozen=True, gc=False):
    """One good moment with the briefs packed into it."""

    moment: GoodMoment
    date: pendulum.Date
    opens: pendulum.DateTime
    """When it can first be used: its start, or now for the window running now."""
    capacity: int
    """Usable minutes: 0 once it has ended, the remaining minutes while it runs."""
    briefs: tuple[Brief, ...] = ()

    @property
    def used(self) -> int:
        return sum(b.minutes for b in self.briefs)

    @property
    def free(self) -> int:
        return self.capacity - self.used


class Placement(msgspec.Struct, frozen=True, gc=False):
    """Where one brief of the queue lands, and what the EA should know about it."""

    brief: Brief
    moment: GoodMoment | None = None
    """The window it is packed into; None when held or when no window has room."""
    date: pendulum.Date | None = None
    at: pendulum.DateTime | None = None
    """The planned start: the window's opening plus the minutes of the briefs before it."""
    rolled: bool = False
    """True when it did not fit the packed date and went to the next workday."""
    flags: tuple[str, ...] = ()

    @property
    def held(self) -> bool:
        return NEEDS_SOLUTION in self.flags

    @property
    def interrupt_now(self) -> bool:
        return INTERRUPT_NOW in self.flags

    @property
    def missed(self) -> bool:
        return DEADLINE_MISSED in self.flags


class Packing(msgspec.Struct, frozen=True, gc=False):
    """The brief queue packed into one date's windows, and the rest into the next workday's."""

    date: pendulum.Date
    now: pendulum.DateTime
    slots: tuple[Slot, ...]
    """Every window of the date, in order, past ones included (with nothing in them)."""
    next_date: pendulum.Date | None
    """The workday the rest rolled to (None when nothing had to roll, or nowhere had room)."""
    next_slots: tuple[Slot, ...]
    placements: tuple[Placement, ...]
    """One per undelivered brief, in queue order."""

    @property
    def moments(self) -> tuple[GoodMoment, ...]:
        return tuple(s.moment for s in self.slots)

    def placement(self, brief_id: str) -> Placement | None:
        for p in self.placements:
            if p.brief.id == brief_id:
                return p
        return None

    @property
    def interrupt_now(self) -> tuple[Placement, ...]:
        """Briefs flagged "interrupt now", the most pressing deadline first."""
        urgent = [p for p in self.placements if p.interrupt_now]
        urgent.sort(
            key=lambda p: (plain(p.brief.deliver_by or p.brief.created), rank(p.brief.priority))
        )
        return tuple(urgent)

    @property
    def missed(self) -> tuple[Placement, ...]:
        """Briefs whose deadline has passed undelivered, the most recently missed first."""
        missed = [p for p in self.placements if p.missed]
        missed.sort(key=lambda p: (-plain(p.brief.deliver_by or p.brief.created).timestamp(),))
        return tuple(missed)


def queue_order(briefs: Iterable[Brief]) -> list[Brief]:
    """The brief queue: undelivered briefs, highest priority first, then oldest."""
    queue = [b for b in briefs if b.queued]
    queue.sort(key=lambda b: (rank(b.priority), plain(b.created), b.id))
    return queue


def open_slots(
    moments: Sequence[GoodMoment], date: pendulum.Date, now: datetime, tz: str
) -> list[Slot]:
    """Slots for `moments` with their usable minutes as of `now`."""
    local_now = pendulum.instance(now).in_tz(tz)
    instant = plain(now)
    slots: list[Slot] = []
    for m in moments:
        if plain(m.end) <= instant:
            slots.append(Slot(moment=m, date=date, opens=m.end, capacity=0))
        elif plain(m.start) < instant:
            remaining = int((plain(m.end) - instant).total_seconds() // 60)
            slots.append(Slot(moment=m, date=date, opens=local_now, capacity=remaining))
        else:
            slots.append(Slot(moment=m, date=date, opens=m.start, capacity=m.minutes))
    return slots


def pack(
    briefs: Sequence[Brief],
    events: Sequence[Event],
    windows: Sequence[Window],
    settings: Settings,
    date: pendulum.Date,
    now: datetime,
    *,
    tz: str | None = None,
) -> Packing:
    """Pack the undelivered `briefs` into the good moments of `date` as seen at `now`."""
    zone = tz or executive_zone(settings)
    local_now = pendulum.instance(now).in_tz(zone)
    queue = queue_order(briefs)
    # One pass over the whole schedule; every later step looks at this date and the next days.
    events = events_near(
        events, date, zone, after=timedelta(days=ROLLOVER_LOOKAHEAD + 1), before=timedelta(days=1)
    )
    slots = open_slots(good_moments(events, windows, settings, date, tz=zone), date, now, zone)

    placed: dict[str, tuple[int, bool]] = {}  # brief id -> (slot index, rolled)
    contents: list[list[Brief]] = [[] for _ in slots]
    rest = [b for b in queue if not is_held(b)]
    rest = _first_fit(rest, slots, contents, placed, rolled=False)

    next_date: pendulum.Date | None = None
    next_slots: list[Slot] = []
    next_contents: list[list[Brief]] = []
    horizon = day_bounds(date, zone)[1]
    if rest:
        found = _rollover_day(events, windows, settings, date, now, zone)
        if found is not None:
            next_date, next_slots = found
            next_contents = [[] for _ in next_slots]
            horizon = day_bounds(next_date, zone)[1]
            _first_fit(rest, next_slots, next_contents, placed, rolled=True, offset=len(slots))

    all_slots = [
        _fill(s, c) for s, c in zip([*slots, *next_slots], [*contents, *next_contents], strict=True)
    ]
    placements = [_placement(b, placed, all_slots, local_now, horizon) for b in queue]
    return Packing(
        date=date,
        now=local_now,
        slots=tuple(all_slots[: len(slots)]),
        next_date=next_date,
        next_slots=tuple(all_slots[len(slots) :]),
        placements=tuple(placements),
    )


def _first_fit(
    queue: list[Brief],
    slots: list[Slot],
    contents: list[list[Brief]],
    placed: dict[str, tuple[int, bool]],
    *,
    rolled: bool,
    offset: int = 0,
) -> list[Brief]:
    """Place what fits; return the briefs that did not fit anywhere, in queue order."""
    free = [s.capacity for s in slots]
    rest: list[Brief] = []
    for brief in queue:
        for index, room in enumerate(free):
            if brief.minutes <= room:
                free[index] -= brief.minutes
                contents[index].append(brief)
                placed[brief.id] = (offset + index, rolled)
                break
        else:
            rest.append(brief)
    return rest


def _rollover_day(
    events: Sequence[Event],
    windows: Sequence[Window],
    settings: Settings,
    date: pendulum.Date,
    now: datetime,
    tz: str,
) -> tuple[pendulum.Date, list[Slot]] | None:
    """The first workday after `date` with a window that still has room, and its slots."""
    for offset in range(1, ROLLOVER_LOOKAHEAD + 1):
        candidate = date.add(days=offset)
        if not is_workday(settings, candidate):
            continue
        slots = open_slots(
            good_moments(events, windows, settings, candidate, tz=tz), candidate, now, tz
        )
        if any(s.capacity > 0 for s in slots):
            return candidate, slots
    return None


def _fill(slot: Slot, briefs: list[Brief]) -> Slot:
    return Slot(
        moment=slot.moment,
        date=slot.date,
        opens=slot.opens,
        capacity=slot.capacity,
        briefs=tuple(briefs),
    )


def _placement(
    brief: Brief,
    placed: dict[str, tuple[int, bool]],
    slots: list[Slot],
    now: pendulum.DateTime,
    horizon: datetime,
) -> Placement:
    if is_held(brief):
        return Placement(brief=brief, flags=(NEEDS_SOLUTION,))
    where = placed.get(brief.id)
    missed = brief.deliver_by is not None and plain(brief.deliver_by) <= plain(now)
    if where is None:
        flags = [NO_ROOM]
        if missed:
            flags.insert(0, DEADLINE_MISSED)
        elif brief.deliver_by is not None and plain(brief.deliver_by) <= plain(horizon):
            flags.insert(0, INTERRUPT_NOW)
        return Placement(brief=brief, flags=tuple(flags))
    index, rolled = where
    slot = slots[index]
    before = 0
    for other in slot.briefs:
        if other.id == brief.id:
            break
        before += other.minutes
    at = slot.opens.add(minutes=before)
    flags = []
    done = plain(at.add(minutes=brief.minutes))
    if missed:
        flags.append(DEADLINE_MISSED)
    elif brief.deliver_by is not None and done > plain(brief.deliver_by):
        flags.append(INTERRUPT_NOW)
    return Placement(
        brief=brief,
        moment=slot.moment,
        date=slot.date,
        at=at,
        rolled=rolled,
        flags=tuple(flags),
    )
