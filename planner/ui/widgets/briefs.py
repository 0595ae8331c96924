"""The Brief queue pane: the next good moment and the briefs placed in it, then the rest.

In the desk's "all" view, each executive's next good moment and queue in turn, every row
marked with the executive's short name (good moments are each executive's own).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from planner.day import Day
from planner.humanize import clock_extra, clock_range, fmt
from planner.humanize import minutes as minutes_text
from planner.scheduling.intervals import plain
from planner.scheduling.packing import NEEDS_SOLUTION, Slot
from planner.ui.desk_view import OwnedDay
from planner.ui.widgets.palette import status_colors
from planner.ui.widgets.table import PaneTable, marked


def _what_is_briefed(slot: Slot, whose: str, span: str) -> str:
    """One line: the good moment, and the briefs placed in it in the order they will be told."""
    head = f"Good moment {span}" + (f" ({whose})" if whose else "")
    if not slot.briefs:
        return f"{head}: nothing placed in it yet — b adds a brief"
    noun = "brief" if len(slot.briefs) == 1 else "briefs"
    titles = " · ".join(b.title for b in slot.briefs)
    return (
        f"{head}: {len(slot.briefs)} {noun} to tell, {slot.used} of {slot.capacity} min — " + titles
    )


class BriefPane(PaneTable):
    """Queue order: placed in the next good moment, later today, next workday, flagged."""

    COLUMNS = (
        ("when", "When", 9, 0),
        ("kind", "Kind", 10, 2),
        ("title", "Brief", None, 0),
        ("minutes", "Min", 3, 3),
        ("flags", "Flags", 22, 1),
    )

    MIN_FLEXIBLE = 22
    """A brief's title reads before its kind (most titles say it: "Escalation: …")."""

    FOOTER_FIRST = ("brief.",)
    """Binding ids whose keys the footer shows first while this pane has the focus."""

    def __init__(self) -> None:
        super().__init__(id="briefs", title="Brief queue")
        self._moments: dict[str, str] = {}
        """What each good-moment row stands for, in one line (Enter on the row says it)."""

    def moment_said(self, key: str) -> str | None:
        """The one line that says what will be briefed in the good moment of row `key`;
        None when the row is not a good moment."""
        return self._moments.get(key)

    def show(self, day: Day, owned: Sequence[OwnedDay] = (), marker_width: int = 0) -> None:
        """The day's queue; with `owned` (the desk's "all"), each executive's in turn, each
        row's brief marked with their short name (`marker_width` wide)."""
        when, *rest = self.COLUMNS
        self.set_columns(((*when[:2], 9 + clock_extra(), when[3]), *rest))
        self.fill_from(lambda: self._all_rows(day, owned, marker_width))

    def _all_rows(self, day: Day, owned: Sequence[OwnedDay], marker_width: int) -> None:
        self._moments = {}
        if not owned:
            for _, cells, key in self._rows(day):
                self.put_row(*cells, key=key)
            return
        # Every executive's rows in one list, by time: a good moment before the briefs
        # placed in it, a brief with no time (held, no room) last, each executive's in
        # queue order.
        rows: list[tuple[tuple[float, int, int, int], tuple[Text, ...], str]] = []
        for number, own in enumerate(owned):
            marker = own.marker.ljust(marker_width)
            for order, (at, cells, key) in enumerate(
                self._rows(own.day, marker=marker, number=number, zone=day.timezone)
            ):
                moment = 0 if key.startswith("next-moment") else 1
                rows.append(((at, moment, number, order), cells, key))
        for _, cells, key in sorted(rows, key=lambda row: row[0]):
            self.put_row(*cells, key=key)
        if not rows:
            hint = Text("nothing to tell — b adds a brief", style="dim")
            self.put_row(Text(""), Text(""), hint, Text(""), Text(""), key="empty")

    def _rows(
        self, day: Day, *, marker: str = "", number: int | None = None, zone: str | None = None
    ) -> list[tuple[float, tuple[Text, ...], str]]:
        """`day`'s next good moment and queue; times in `zone` (else the day's own): each
        row with the time it is at (a timestamp; infinity when it has none)."""
        colors = status_colors(self.app)
        packing = day.packing
        now = plain(day.now)
        tz = zone or day.timezone
        rows: list[tuple[float, tuple[Text, ...], str]] = []

        if packing is not None:
            upcoming = [s for s in packing.slots if plain(s.moment.end) > now]
            if upcoming:
                slot = upcoming[0]
                m = slot.moment
                start, end = m.start.in_tz(tz), m.end.in_tz(tz)
                if plain(m.start) <= now:
                    # Under way: it is now, until its end.
                    left = int((plain(m.end) - now).total_seconds() // 60)
                    label = (
                        f"good moment now (until {fmt(end, 'HH:mm')}, {minutes_text(left)} left)"
                    )
                    at = "▸ now"
                else:
                    label = (
                        f"next good moment {clock_range(start, end)} ({minutes_text(m.minutes)})"
                    )
                    at = "▸ " + fmt(start, "HH:mm")
                key = "next-moment" if number is None else f"next-moment:{number}"
                self._moments[key] = _what_is_briefed(slot, marker.strip(), clock_range(start, end))
                rows.append(
                    (
                        plain(m.start).timestamp(),
                        (
                            Text(at, style=f"bold {colors.good_style}"),
                            Text("moment", style=colors.good_style),
                            marked(marker, label, f"bold {colors.good_style}"),
                            Text(str(slot.capacity)),
                            Text(f"{slot.used} min placed", style=colors.good_style),
                        ),
                        key,
                    )
                )
        placements = packing.placements if packing is not None else ()
        by_id = {p.brief.id: p for p in placements}
        for brief in day.briefs:
            placement = by_id.get(brief.id)
            when = "—"
            flags = ""
            style = ""
            text = brief.title
            time = float("inf")
            if placement is not None:
                if placement.at is not None:
                    when = fmt(placement.at.in_tz(tz), "HH:mm")
                    time = plain(placement.at).timestamp()
                    if placement.rolled and placement.date is not None:
                        when = fmt(placement.date, "ddd ") + when
                flags = ", ".join(f for f in placement.flags if f != NEEDS_SOLUTION)
                if placement.interrupt_now:
                    style = colors.broken_style
                elif placement.held:
                    # Why it has no time, where it is read (the Flags column may be hidden).
                    when = "held"
                    text = f"{NEEDS_SOLUTION.removesuffix(' first')}: {brief.title}"
                    style = colors.due_soon_style
            rows.append(
                (
                    time,
                    (
                        Text(when, style=style),
                        Text(brief.kind, style=style),
                        marked(marker, text, style),
                        Text(str(brief.minutes)),
                        Text(flags, style=style),
                    ),
                    brief.id,
                )
            )
        if not day.briefs and number is None:
            hint = Text("nothing to tell — b adds a brief", style="dim")
            rows.append((float("inf"), (Text(""), Text(""), hint, Text(""), Text("")), "empty"))
        return rows
