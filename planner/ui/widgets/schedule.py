"""The Schedule pane: the executive's day as a timeline of events and good moments."""

from __future__ import annotations

from datetime import datetime

import pendulum
from rich.text import Text

from planner.day import Day
from planner.humanize import clock_range, fmt, hour_cycle
from planner.humanize import minutes as minutes_text
from planner.scheduling.intervals import plain
from planner.ui.widgets.palette import status_colors
from planner.ui.widgets.table import PaneTable

KIND_LABEL = {"one-on-one": "1:1"}
"""Kinds shortened to fit the narrow Kind column."""


class SchedulePane(PaneTable):
    """All-day events on top, then events and good moments in time order, with a now-line."""

    COLUMNS = (("time", "Time", 11, 0), ("kind", "Kind", 8, 1), ("what", "What", None, 0))
    MIN_FLEXIBLE = 12

    def __init__(self) -> None:
        super().__init__(id="schedule", title="Schedule")

    def show(self, day: Day) -> None:
        self.set_class(hour_cycle() == 12, "-twelve-hour")
        self.fill(lambda: self._rows(day))

    @classmethod
    def wanted_width(cls, day: Day) -> int:
        """The width that shows every title of the day in full."""
        longest = max((len(e.title) for e in day.events), default=0)
        return cls.width_for(max(longest, cls.MIN_FLEXIBLE, 24))

    def _rows(self, day: Day) -> None:
        colors = status_colors(self.app)
        tz = day.timezone
        now = plain(day.now)
        rows: list[tuple[datetime, int, str, tuple[Text, Text, Text]]] = []

        def past(end: datetime) -> bool:
            return plain(end) <= now

        for event in day.events:
            dim = "dim" if past(event.end) else ""
            if event.all_day:
                self.put_row(
                    Text("all day", style=dim),
                    Text(KIND_LABEL.get(event.kind, event.kind), style=dim),
                    Text(event.title, style=dim),
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
                        Text(event.title, style=dim),
                    ),
                )
            )
        if day.packing is not None:
            for index, slot in enumerate(day.packing.slots):
                moment = slot.moment
                style = "dim" if past(moment.end) else colors.good_style
                label = minutes_text(moment.minutes)
                if moment.best:
                    label += " · best"
                if slot.briefs:
                    count = len(slot.briefs)
                    label += f" · {count} brief" + ("s" if count != 1 else "")
                if moment.note and moment.source == "marked":
                    label += f" · {moment.note}"
                span = clock_range(moment.start.in_tz(tz), moment.end.in_tz(tz))
                rows.append(
                    (
                        plain(moment.start),
                        2,
                        f"m:{index}",
                        (
                            Text(span, style=style),
                            Text("◆ moment", style=style),
                            Text(label, style=style),
                        ),
                    )
                )
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
