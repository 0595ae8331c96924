"""The Schedule pane: the executive's day as a timeline of events and good moments.

On a desk of several executives, "all" interleaves every executive's events and good
moments in one timeline (in the EA's zone), each row marked with the executive's short
name: one list shows that one executive's good moment is another's board meeting, at 80
columns as at 120, for up to four executives (side by side, each would get a dozen).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pendulum
from rich.text import Text

from planner.day import Day
from planner.humanize import clock_range, counted, fmt, hour_cycle
from planner.humanize import minutes as minutes_text
from planner.scheduling.intervals import plain
from planner.ui.desk_view import OwnedDay
from planner.ui.widgets.palette import status_colors
from planner.ui.widgets.table import PaneTable, marked

KIND_LABEL = {"one-on-one": "1:1"}
"""Kinds shortened to fit the narrow Kind column."""


class SchedulePane(PaneTable):
    """All-day events on top, then events and good moments in time order, with a now-line."""

    COLUMNS = (("time", "Time", 11, 0), ("kind", "Kind", 8, 1), ("what", "What", None, 0))
    MIN_FLEXIBLE = 12

    def __init__(self) -> None:
        super().__init__(id="schedule", title="Schedule")

    def show(self, day: Day, owned: Sequence[OwnedDay] = (), marker_width: int = 0) -> None:
        """The day's timeline; with `owned` (the desk's "all"), each executive's events and
        good moments in `day`'s zone, marked with their short name (`marker_width` wide)."""
        self.set_class(hour_cycle() == 12, "-twelve-hour")
        self.fill_from(lambda: self._rows(day, owned, marker_width))

    @classmethod
    def wanted_width(cls, day: Day, marker_width: int = 0) -> int:
        """The width that shows every title of the day in full (after its marker)."""
        longest = max((len(e.title) for e in day.events), default=0)
        extra = marker_width + 1 if marker_width else 0
        return cls.width_for(max(longest + extra, cls.MIN_FLEXIBLE, 24))

    def _rows(self, day: Day, owned: Sequence[OwnedDay], marker_width: int) -> None:
        rows: list[tuple[datetime, int, str, tuple[Text, Text, Text]]] = []
        if not owned:
            self._day_rows(day, day, rows)
        for number, own in enumerate(owned):
            marker = own.marker.ljust(marker_width)
            self._day_rows(day, own.day, rows, marker=marker, number=number)
        self._now_and_sort(day, rows)

    def _day_rows(
        self,
        day: Day,
        source: Day,
        rows: list[tuple[datetime, int, str, tuple[Text, Text, Text]]],
        *,
        marker: str = "",
        number: int | None = None,
    ) -> None:
        """`source`'s events and good moments, in `day`'s zone: all-day events at once,
        the rest into `rows` to be sorted."""
        colors = status_colors(self.app)
        tz = day.timezone
        now = plain(day.now)

        def past(end: datetime) -> bool:
            return plain(end) <= now

        for event in source.events:
            dim = "dim" if past(event.end) else ""
            if event.all_day:
                self.put_row(
                    Text("all day", style=dim),
                    Text(KIND_LABEL.get(event.kind, event.kind), style=dim),
                    marked(marker, event.title, dim),
                    key=f"e:{event.id}",
                )
                continue
            start = pendulum.instance(event.start).in_tz(tz)
            end = pendulum.instance(event.end).in_tz(tz)
            span = clock_range(start, end)
            if start.date() != day.date or end.date() != day.date:
                span = f"{fmt(start, 'D MMM HH:mm')}→"
            rows.append(
                (
                    plain(event.start),
                    1,
                    f"e:{event.id}",
                    (
                        Text(span, style=dim),
                        Text(KIND_LABEL.get(event.kind, event.kind), style=dim),
                        marked(marker, event.title, dim),
                    ),
                )
            )
        if source.packing is not None:
            for index, slot in enumerate(source.packing.slots):
                moment = slot.moment
                style = "dim" if past(moment.end) else colors.good_style
                # The diamond marks a good moment where the Kind column has given way (80
                # columns): the row never reads as one more event.
                label = "◆ " + minutes_text(moment.minutes)
                if moment.best:
                    label += " · best"
                if slot.briefs:
                    count = len(slot.briefs)
                    label += f" · {counted(count, 'brief')}"
                if moment.note and moment.source == "marked":
                    label += f" · {moment.note}"
                span = clock_range(moment.start.in_tz(tz), moment.end.in_tz(tz))
                rows.append(
                    (
                        plain(moment.start),
                        2,
                        f"m:{index}" if number is None else f"m:{number}:{index}",
                        (
                            Text(span, style=style),
                            Text("moment", style=style),
                            marked(marker, label, style),
                        ),
                    )
                )

    def _now_and_sort(
        self, day: Day, rows: list[tuple[datetime, int, str, tuple[Text, Text, Text]]]
    ) -> None:
        colors = status_colors(self.app)
        now = plain(day.now)
        if day.is_today:
            rows.append(
                (
                    now,
                    0,
                    "now",
                    (
                        Text(f"── {fmt(day.now, 'HH:mm')}", style=f"bold {colors.accent}"),
                        Text("── now ─", style=f"bold {colors.accent}"),
                        Text("─" * 40, style=colors.accent),
                    ),
                )
            )
        # As wide as the day's longest time range: `11:45 AM–12:15 PM` in 12-hour mode, where
        # most ranges (`9:00–9:30 AM`) leave the Kind column room.
        time, *rest = self.COLUMNS
        widest = max((row[3][0].cell_len for row in rows), default=0)
        self.set_columns(((*time[:2], max(11, widest), time[3]), *rest))
        rows.sort(key=lambda row: (row[0], row[1]))
        for _, _, key, cells in rows:
            self.put_row(*cells, key=key)
        if not day.events:
            hint = Text("no events — e adds one, i imports .ics", style="dim")
            self.put_row(Text(""), Text(""), hint, key="empty")
