"""What the dashboard shows of a desk of several executives: whose records are in view
(one executive's, or "all"), each executive's own day, and one header line each.

The view is the EA's choice, not data: the dashboard screen holds it (and preferences.toml
remembers it), never planner.json. One executive's view is the desk as that executive sees
it (`Document.view`: their events, windows, briefs and follow-ups, and the desk's own
follow-ups), drawn exactly as a one-executive desk is. "All" lays every executive's day
side by side in one timeline (the Schedule and the Brief queue run on the EA's clock and
say so), each row saying whose it is. Wherever it is shown, a follow-up's promise reads on
its executive's clock, labelled with the zone's place (`11:00 London`) when that is not
the EA's zone (`planner.day.Zones`). A one-executive desk has no lines, no labels and no
"all": it looks exactly as before. No Textual here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

import msgspec
import pendulum

from planner.config import executive_zone
from planner.day import Day, Zones, brief_queue, build_day, followup_rows, zones_of
from planner.domain.document import Document
from planner.domain.executive import Executive, describe
from planner.scheduling import InterruptStatus
from planner.scheduling.desk import status_of
from planner.scheduling.intervals import plain

if TYPE_CHECKING:
    from planner.quickadd import QuickAdd
    from planner.quickadd.executive import ExecutiveLine as ReadLine

ALL = "all"
"""The view of every executive at once (as preferences.toml writes it)."""

DESK_OWN = "desk"
"""What the marker says for a follow-up of the desk's own (no executive)."""

MAX_LINES = 4
"""Header lines at most: the first four executives of the desk each have one."""

MARKER_WIDTH = 8
"""A short name is cut to this many cells in the panes' marker."""


class ExecutiveLine(msgspec.Struct, frozen=True, gc=False):
    """One executive's header line: who, their local time, and "can I interrupt now?"."""

    executive: Executive
    timezone: str
    now: pendulum.DateTime
    """Now, in the executive's zone."""
    status: InterruptStatus
    in_view: bool
    """The executive whose records the panes show."""


class OwnedDay(msgspec.Struct, frozen=True, gc=False):
    """One executive's day of the date shown, in their own zone, with their marker."""

    executive: Executive
    marker: str
    day: Day


class DeskDay(msgspec.Struct, frozen=True, gc=False):
    """The day as the dashboard shows it in the view chosen."""

    in_view: str | None
    """The id of the executive in view; None for all of them (several executives only)."""
    day: Day
    """What the panes show: the executive's day; in "all", every executive's events and
    the whole desk's follow-ups and briefs, in the EA's zone (no packing, no status: each
    executive has their own, in `days`)."""
    days: tuple[OwnedDay, ...] = ()
    """In "all": each executive's own day, desk order."""
    lines: tuple[ExecutiveLine, ...] = ()
    """The header's lines, one per executive (at most MAX_LINES); none for one executive."""
    markers: dict[str, str] = msgspec.field(default_factory=dict)
    """Executive id → the short name the panes mark their rows with ("" → DESK_OWN)."""
    zones: Zones | None = None
    """Whose zone each record's times read in, and their labels (several executives)."""

    @property
    def is_all(self) -> bool:
        return self.in_view is None and bool(self.days)

    def marker_of(self, executive: str) -> str:
        """The marker of an event, brief or window whose `executive` field is `executive`
        ("" is the first executive's)."""
        return self.markers.get(executive, "?")

    def followup_marker(self, executive: str) -> str:
        """The marker of a follow-up: "" is the desk's own, not the first executive's."""
        return self.markers.get(executive, "?") if executive else DESK_OWN

    @property
    def followup_markers(self) -> dict[str, str]:
        """A follow-up's `executive` → its marker ("": the desk's own)."""
        return {**self.markers, "": DESK_OWN}

    @property
    def marker_width(self) -> int:
        """The widest marker, so that the text after each lines up."""
        return max((len(m) for m in (*self.markers.values(), DESK_OWN)), default=0)


def several(document: Document) -> bool:
    return len(document.roster) > 1


def resolve_view(document: Document, wanted: str | None) -> str | None:
    """The executive id to show for a remembered choice (an id or a short name; None or
    ALL for all): None ("all") when the desk has several executives and the choice names
    none of them; the first executive's id on a one-executive desk."""
    roster = document.roster
    if len(roster) == 1:
        return roster[0].id
    if wanted and wanted != ALL:
        for executive in roster:
            if wanted in (executive.id, executive.short):
                return executive.id
    return None


def next_view(document: Document, current: str | None) -> str | None:
    """The view after `current`: each executive in desk order, then all, then the first."""
    ids = [x.id for x in document.roster]
    if len(ids) == 1:
        return ids[0]
    if current is None:
        return ids[0]
    if current not in ids or current == ids[-1]:
        return None
    return ids[ids.index(current) + 1]


def view_name(document: Document, in_view: str | None) -> str:
    """What preferences.toml keeps: the executive's short name, or ALL."""
    if in_view is None:
        return ALL
    try:
        return document.executive(in_view).short
    except KeyError:
        return ALL


def markers(roster: Sequence[Executive], first_id: str) -> dict[str, str]:
    """Executive id → marker (its short name, cut to MARKER_WIDTH); records naming no
    executive are the first's ("" on a follow-up is the desk's own: see `owner_marker`)."""
    found = {x.id: x.short[:MARKER_WIDTH] for x in roster}
    found[""] = found.get(first_id, "")
    return found


def build_desk_day(
    document: Document,
    in_view: str | None,
    date: pendulum.Date,
    now: datetime,
    *,
    ea_zone: str,
) -> DeskDay:
    """The day shown in the view `in_view` (an executive's id, None for all)."""
    roster = document.roster
    if len(roster) == 1:
        return DeskDay(in_view=roster[0].id, day=build_day(document, date, now))
    marks = markers(roster, document.first_executive_id)
    zones = zones_of(document, ea_zone)
    days: tuple[OwnedDay, ...] = ()
    if in_view is None:
        days = tuple(
            OwnedDay(
                executive=x,
                marker=marks[x.id],
                # The desk's own follow-ups are the desk's, not the first executive's.
                day=build_day(document.view(x.id, desk_own=False), date, now, zones=zones),
            )
            for x in roster
        )
        day = _all_day(document, days, date, now, zones)
    else:
        day = build_day(document.view(in_view), date, now, zones=zones)
    lines = _lines(document, in_view, days, day, now)
    return DeskDay(in_view=in_view, day=day, days=days, lines=lines, markers=marks, zones=zones)


def _all_day(
    document: Document,
    days: tuple[OwnedDay, ...],
    date: pendulum.Date,
    now: datetime,
    zones: Zones,
) -> Day:
    zone = zones.ea_zone
    events = [e for owned in days for e in owned.day.events]
    events.sort(key=lambda e: (not e.all_day, plain(e.start), plain(e.end), e.title))
    return Day(
        date=date,
        timezone=zone,
        now=pendulum.instance(now).in_tz(zone),
        events=tuple(events),
        followups=followup_rows(document.followups, now, date, zone, zones=zones),
        briefs=brief_queue(document.briefs),
    )


def _lines(
    document: Document,
    in_view: str | None,
    days: tuple[OwnedDay, ...],
    day: Day,
    now: datetime,
) -> tuple[ExecutiveLine, ...]:
    """One line per executive (the first MAX_LINES): their status is about the real now
    whichever date is shown, so the days already built give it."""
    built = {owned.executive.id: owned.day for owned in days}
    if in_view is not None:
        built[in_view] = day
    lines = []
    for executive in document.roster[:MAX_LINES]:
        own = built.get(executive.id)
        status = own.status if own is not None else None
        if status is None:
            status = status_of(document, executive.id, now).status
        tz = own.timezone if own is not None else executive_zone(document.rules_for(executive.id))
        lines.append(
            ExecutiveLine(
                executive=executive,
                timezone=tz,
                now=pendulum.instance(now).in_tz(tz),
                status=status,
                in_view=executive.id == in_view,
            )
        )
    return tuple(lines)


__all__ = [
    "ALL",
    "DESK_OWN",
    "DeskDay",
    "ExecutiveLine",
    "LineReader",
    "OwnedDay",
    "build_desk_day",
    "next_view",
    "resolve_view",
    "several",
    "view_name",
]


class LineReader:
    """Reads quick-add lines on a desk of several executives: `+Short` names whose
    follow-up it is, else the executive in view; in "all", the first (the preview says
    so, and `+Short` names another: no extra question before every line)."""

    def __init__(
        self, document: Callable[[], Document], now: Callable[[], datetime], in_view: str | None
    ) -> None:
        self._document = document
        self._now = now
        self.in_view = in_view
        self._last: tuple[str, ReadLine] | None = None

    def read(self, text: str) -> ReadLine:
        """The line as `planner.quickadd.executive.parse_for` reads it (the last one kept:
        the preview and Enter read the same text)."""
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        from planner.quickadd.executive import parse_for

        now = pendulum.instance(self._now())
        result = parse_for(text, now=now, document=self._document(), in_view=self.in_view)
        self._last = (text, result)
        return result

    def parse(self, text: str) -> QuickAdd:
        return self.read(text).line

    def whom(self, text: str) -> tuple[str, str]:
        """Whose follow-up the line is, for the preview, and the zone of its times."""
        from planner.quickadd.executive import whom

        result = self.read(text)
        document = self._document()
        executive = result.executive
        if executive is None:
            return "", executive_zone(document.rules_for(self.in_view))
        if result.desk:
            return whom(result), executive_zone(document.rules_for(executive.id))
        words = describe(executive)
        if not result.named and self.in_view is None:
            words += "  (the first; +Short names another)"
        return words, executive_zone(document.rules_for(executive.id))

    def executive_of(self, text: str) -> str:
        """The id of the executive the line is for (the first's when it names none)."""
        executive = self.read(text).executive
        return executive.id if executive is not None else self._document().first_executive_id
