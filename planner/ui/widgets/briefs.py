"""The Brief queue pane: the next good moment and the briefs placed in it, then the rest."""

from __future__ import annotations

from rich.text import Text

from planner.day import Day
from planner.humanize import clock_extra, clock_range, fmt
from planner.humanize import minutes as minutes_text
from planner.scheduling.intervals import plain
from planner.ui.widgets.palette import status_colors
from planner.ui.widgets.table import PaneTable


class BriefPane(PaneTable):
    """Queue order: placed in the next good moment, later today, next workday, flagged."""

    COLUMNS = (
        ("when", "When", 9, 0),
        ("kind", "Kind", 10, 2),
        ("title", "Brief", None, 0),
        ("minutes", "Min", 3, 3),
        ("flags", "Flags", 22, 1),
    )

    def __init__(self) -> None:
        super().__init__(id="briefs", title="Brief queue")

    def show(self, day: Day) -> None:
        when, *rest = self.COLUMNS
        self.set_columns(((*when[:2], 9 + clock_extra(), when[3]), *rest))
        self.fill(lambda: self._rows(day))

    def _rows(self, day: Day) -> None:
        colors = status_colors(self.app)
        packing = day.packing
        now = plain(day.now)
        if packing is not None:
            upcoming = [s for s in packing.slots if plain(s.moment.end) > now]
            if upcoming:
                slot = upcoming[0]
                m = slot.moment
                label = (
                    f"next good moment {clock_range(m.start, m.end)} ({minutes_text(m.minutes)})"
                )
                self.put_row(
                    Text("▸ " + fmt(m.start, "HH:mm"), style=f"bold {colors.good_style}"),
                    Text("moment", style=colors.good_style),
                    Text(label, style=f"bold {colors.good_style}"),
                    Text(str(slot.capacity)),
                    Text(f"{slot.used} min placed", style=colors.good_style),
                    key="next-moment",
                )
        placements = packing.placements if packing is not None else ()
        by_id = {p.brief.id: p for p in placements}
        for brief in day.briefs:
            placement = by_id.get(brief.id)
            when = "—"
            flags = ""
            style = ""
            if placement is not None:
                if placement.at is not None:
                    when = fmt(placement.at, "HH:mm")
                    if placement.rolled and placement.date is not None:
                        when = fmt(placement.date, "ddd ") + when
                flags = ", ".join(placement.flags)
                if placement.interrupt_now:
                    style = colors.broken_style
                elif placement.held:
                    style = colors.due_soon_style
            self.put_row(
                Text(when, style=style),
                Text(brief.kind, style=style),
                Text(brief.title, style=style),
                Text(str(brief.minutes)),
                Text(flags, style=style),
                key=brief.id,
            )
        if not day.briefs:
            hint = Text("nothing to tell — b adds a brief", style="dim")
            self.put_row(Text(""), Text(""), hint, Text(""), Text(""), key="empty")
