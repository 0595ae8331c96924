"""Good moments to interrupt the executive on one date, from the schedule and the settings.

Rules (SPEC.md "Good moments to interrupt"; decisions where it is silent are marked *):

- Every timed event occupies the executive and *blocks* interruptions while it
  runs, except an event flagged `interruptible=True` and a one-on-one with the
  EA (`with_ea=True`). All-day events block nothing. Kinds in
  `settings.never_interrupt` (and events flagged `interruptible=False`) are
  *never interrupted*: they block like a meeting, and a window after them is
  not ranked "best" (only the end of a meeting, call or one-on-one is).*
- Blocking events merge when they overlap or touch (back-to-back).
- `protect_before` minutes before and `settle_after` minutes after each merged
  block are not computed windows.
- Computed windows lie inside the workday, and only on workdays.
- A one-on-one with the EA is a window of its own (source "one-on-one",
  ranked best) for its whole length: other blocking events cut it, the
  protected minutes around them do not, and it counts on any day.*
- Hand-marked windows are added as they are (source "marked"), on any day and
  over anything but a hand-marked block.* Hand-marked blocks remove every kind
  of window in their span.
- Windows never overlap: marked beats one-on-one beats computed. Any window
  shorter than `min_window` is dropped, whatever its source.*

All times are computed as instants, and the day runs from local midnight to
local midnight in the executive's zone, so 23- and 25-hour DST days come out right.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Literal

import msgspec
import pendulum

from planner.config import Settings, executive_zone
from planner.domain import Event, Window
from planner.scheduling.intervals import Span, clip, plain, subtract

Source = Literal["computed", "marked", "one-on-one"]
MEETING_KINDS: frozenset[str] = frozenset({"meeting", "call", "one-on-one"})
"""Kinds whose end is a natural break: a window starting there ranks "best"."""


class GoodMoment(msgspec.Struct, frozen=True, gc=False):
    """A window in which the executive may be interrupted (times in the executive's zone)."""

    start: pendulum.DateTime
    end: pendulum.DateTime
    best: bool = False
    """True when the window begins at the end of a meeting (or is a one-on-one with the EA)."""
    source: Source = "computed"
    """`computed` from the schedule, `marked` by hand, or a `one-on-one` with the EA."""
    after_event: str | None = None
    """Title of the blocking event whose end starts this window, if any."""
    note: str = ""
    """The hand-marked window's note, or the one-on-one's title."""

    @property
    def minutes(self) -> int:
        """Whole minutes from start to end (real elapsed time, DST-proof)."""
        return int((plain(self.end) - plain(self.start)).total_seconds() // 60)

    def contains(self, moment: datetime) -> bool:
        return plain(self.start) <= plain(moment) < plain(self.end)


class Busy(msgspec.Struct, frozen=True, gc=False):
    """A merged run of blocking events: the executive is occupied from start to end."""

    start: datetime
    end: datetime
    events: tuple[Event, ...]
    """The events merged into this block, by start."""

    @property
    def last(self) -> Event:
        """The event that ends the block (the latest end; on a tie, a meeting-like one)."""
        ending = [e for e in self.events if plain(e.end) == self.end]
        ending.sort(key=lambda e: (e.kind not in MEETING_KINDS, plain(e.start)))
        return ending[0]


def is_one_on_one_with_ea(event: Event) -> bool:
    """A timed event with the EA: a good moment for the whole brief queue."""
    return event.with_ea and not event.all_day


def blocks(event: Event) -> bool:
    """Whether the event keeps the EA out while it runs."""
    if event.all_day or event.with_ea or plain(event.end) <= plain(event.start):
        return False
    return event.interruptible is not True


def never_interrupted(event: Event, settings: Settings) -> bool:
    """Flagged not interruptible, or of a `never_interrupt` kind and not flagged at all."""
    if event.interruptible is not None:
        return not event.interruptible
    return event.kind in settings.never_interrupt


def day_bounds(date: pendulum.Date, tz: str) -> tuple[pendulum.DateTime, pendulum.DateTime]:
    """Local midnight to the next local midnight (23 or 25 hours on DST days)."""
    start = pendulum.datetime(date.year, date.month, date.day, tz=tz)
    return start, start.add(days=1)


def is_workday(settings: Settings, date: pendulum.Date) -> bool:
    return date.isoweekday() in settings.workdays


def workday_span(
    settings: Settings, date: pendulum.Date, tz: str
) -> tuple[pendulum.DateTime, pendulum.DateTime] | None:
    """The workday of `date` in the zone `tz`, or None on a day off (or an empty workday)."""
    if not is_workday(settings, date):
        return None
    start = _at(date, settings.workday_start, tz)
    end = _at(date, settings.workday_end, tz)
    return (start, end) if plain(start) < plain(end) else None


def next_workday(settings: Settings, date: pendulum.Date) -> pendulum.Date | None:
    """The first workday after `date`, or None when no weekday is a workday."""
    for offset in range(1, 8):
        candidate = date.add(days=offset)
        if is_workday(settings, candidate):
            return candidate
    return None


def _at(date: pendulum.Date, clock: str, tz: str) -> pendulum.DateTime:
    hour, minute = (int(part) for part in clock.split(":"))
    # A wall-clock time inside a DST gap moves forward, as pendulum does by default.
    return pendulum.datetime(date.year, date.month, date.day, hour, minute, tz=tz)


def events_near(
    events: Iterable[Event],
    date: pendulum.Date,
    tz: str,
    *,
    before: timedelta = timedelta(days=1),
    after: timedelta = timedelta(days=1),
) -> list[Event]:
    """The events that touch `date` give or take a margin: a cheap first filter."""
    low, high = day_bounds(date, tz)
    start, end = plain(low - before), plain(high + after)
    return [e for e in events if e.start < end and e.end > start]


def busy_spans(
    events: Iterable[Event], date: pendulum.Date, tz: str, *, margin: timedelta = timedelta(days=1)
) -> tuple[Busy, ...]:
    """Blocking events near `date`, merged where they overlap or touch."""
    day_start, day_end = day_bounds(date, tz)
    low, high = plain(day_start - margin), plain(day_end + margin)
    blocking = sorted(
        ((plain(e.start), plain(e.end), e) for e in events if e.start < high and e.end > low),
        key=lambda item: (item[0], item[1]),
    )
    result: list[Busy] = []
    for start, end, event in blocking:
        if not blocks(event):
            continue
        if result and start <= result[-1].end:
            last = result[-1]
            result[-1] = Busy(
                start=last.start, end=max(last.end, end), events=(*last.events, event)
            )
        else:
            result.append(Busy(start=start, end=end, events=(event,)))
    return tuple(result)


def good_moments(
    events: Sequence[Event],
    windows: Sequence[Window],
    settings: Settings,
    date: pendulum.Date,
    *,
    tz: str | None = None,
) -> tuple[GoodMoment, ...]:
    """The good moments of `date`, sorted and disjoint, in the executive's zone."""
    zone = tz or executive_zone(settings)
    local_start, local_end = day_bounds(date, zone)
    day_start, day_end = plain(local_start), plain(local_end)
    events = events_near(events, date, zone)
    busy = busy_spans(events, date, zone)
    busy_raw: list[Span] = [(b.start, b.end) for b in busy]
    protect = timedelta(minutes=settings.protect_before)
    settle = timedelta(minutes=settings.settle_after)
    shadows: list[Span] = [(b.start - protect, b.end + settle) for b in busy]

    marked_blocks = clip(
        ((plain(w.start), plain(w.end)) for w in windows if w.mark == "block"), day_start, day_end
    )
    marked: list[tuple[Span, str]] = []
    hand_windows = sorted(
        ((plain(w.start), plain(w.end), w.note) for w in windows if w.mark == "window"),
        key=lambda item: (item[0], item[1]),
    )
    for start, end, note in hand_windows:
        for span in subtract(clip([(start, end)], day_start, day_end), marked_blocks):
            marked.append((span, note))
    # Two marked windows may overlap: the earlier one keeps the shared minutes.
    marked = _disjoint(marked)
    marked_spans = [span for span, _ in marked]

    one_on_ones: list[tuple[Span, str]] = []
    for e in sorted((e for e in events if is_one_on_one_with_ea(e)), key=lambda e: plain(e.start)):
        spans = subtract(
            clip([(plain(e.start), plain(e.end))], day_start, day_end),
            [*busy_raw, *marked_blocks, *marked_spans],
        )
        one_on_ones.extend((span, e.title) for span in spans)
    one_on_ones = _disjoint(one_on_ones)

    computed: list[Span] = []
    workday = workday_span(settings, date, zone)
    if workday is not None:
        computed = subtract(
            [(plain(workday[0]), plain(workday[1]))],
            [*shadows, *marked_blocks, *marked_spans, *(span for span, _ in one_on_ones)],
        )

    ends = {b.end + settle: b for b in busy}
    minimum = timedelta(minutes=settings.min_window)
    # Spans are plain fixed-offset datetimes until here: compared as instants even
    # in the repeated hour of a fall-back day (same-zone datetimes compare by wall clock).
    pieces: list[tuple[Span, Source, bool, str | None, str]] = []
    for span in computed:
        block = ends.get(span[0])
        last = block.last if block is not None else None
        best = last is not None and not never_interrupted(last, settings)
        pieces.append((span, "computed", best, last.title if last else None, ""))
    for span, title in one_on_ones:
        pieces.append((span, "one-on-one", True, None, title))
    for span, note in marked:
        block = ends.get(span[0])
        pieces.append((span, "marked", False, block.last.title if block else None, note))
    pieces = [p for p in pieces if p[0][1] - p[0][0] >= minimum and p[0][1] > p[0][0]]
    pieces.sort(key=lambda p: p[0])
    return tuple(
        _moment(start, end, zone, source=source, best=best, after_event=after, note=note)
        for (start, end), source, best, after, note in pieces
    )


def _disjoint(items: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Keep each span's part not already taken by an earlier one (in the given order)."""
    taken: list[Span] = []
    result: list[tuple[Span, str]] = []
    for span, label in items:
        for piece in subtract([span], taken):
            result.append((piece, label))
        taken.append(span)
    return result


def _moment(
    start: datetime,
    end: datetime,
    tz: str,
    *,
    source: Source,
    best: bool,
    after_event: str | None = None,
    note: str = "",
) -> GoodMoment:
    return GoodMoment(
        start=pendulum.instance(start).in_tz(tz),
        end=pendulum.instance(end).in_tz(tz),
        best=best,
        source=source,
        after_event=after_event,
        note=note,
    )


def running_event(events: Iterable[Event], now: datetime) -> Event | None:
    """The blocking event the executive is in at `now` (the one ending last, if several)."""
    instant = plain(now)
    running = [e for e in events if e.start <= instant < e.end and blocks(e)]
    if not running:
        return None
    running.sort(key=lambda e: (plain(e.end), plain(e.start)), reverse=True)
    return running[0]
