"""The header: date shown, the executive and their local time, and "can I interrupt now?"."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from planner.day import Day
from planner.humanize import fmt
from planner.scheduling import InterruptStatus
from planner.ui.desk_view import ExecutiveLine
from planner.ui.widgets.palette import StatusColors, status_colors

STATUS_CLASSES = ("interrupt-now", "good-moment-now", "in-event", "next-good-moment", "none-left")


class DayHeader(Vertical):
    """Two lines: who/when, then the interrupt status in SPEC.md's words. On a desk of
    several executives, the status is one line per executive (see `show_lines`)."""

    def compose(self) -> ComposeResult:
        yield Static(id="header-title")
        with Horizontal(id="header-line"):
            yield Static(id="header-status")
            yield Static(id="header-sync")

    def show_freshness(self, line: str) -> None:
        """How fresh the schedule is: `synced 09:05`, or which calendar is stale and why."""
        sync = self.query_one("#header-sync", Static)
        stale = " since " in line
        sync.set_class(stale, "-stale")
        colors = status_colors(self.app)
        style = colors.due_soon_style if stale else colors.muted_style
        sync.update(Text(("  ·  " + line) if line else "", style=style))

    def show(
        self,
        day: Day,
        *,
        executive: str,
        ea_zone: str,
        saving: bool = False,
        lines: Sequence[ExecutiveLine] = (),
        everyone: bool = False,
    ) -> None:
        """The title line and the status: `day.status`, or with `lines` (several
        executives) one line each. `everyone`: the panes show all executives, in the EA's
        zone (`day.timezone`), which the title then gives as the EA's."""
        title = Text()
        if saving:  # a change shown but not yet on disk; first, so no width ever hides it
            title.append("saving…  ", style="italic")
        title.append(fmt(day.date, "dddd D MMMM YYYY"), style="bold")
        if not day.is_today:
            title.append(" (not today)", style="italic")
        elif day.is_coming:
            title.append(" (the coming day)", style="italic")
        title.append("  ·  ")
        if everyone:
            title.append("all executives", style="bold")
        else:
            title.append(executive or "Executive", style="bold")
            title.append(f" {fmt(day.now, 'HH:mm')} ({day.timezone})")
        if ea_zone != day.timezone or everyone:
            mine = day.now.in_tz(ea_zone)
            title.append(f"  ·  you {fmt(mine, 'HH:mm')} ({ea_zone})")
        self.query_one("#header-title", Static).update(title)
        status = self.query_one("#header-status", Static)
        colors = status_colors(self.app)
        if lines:
            self._show_lines(lines, colors)
            return
        self._size_lines(1)
        text = Text()
        if day.status is None:
            text.append("no good moment left today")
        else:
            text.append(self._fitted(day.status.text), style=_style(day.status, colors))
            for kind in STATUS_CLASSES:
                status.set_class(kind == day.status.kind, f"-{kind}")
        status.update(text)

    def _show_lines(self, lines: Sequence[ExecutiveLine], colors: StatusColors) -> None:
        """One line per executive: `▸ Dana 04:00 New York  next good moment 08:30 (in …)`,
        the one in view marked, each status coloured as a lone executive's is."""
        names = max(len(line.executive.short) for line in lines)
        places = max(len(_place(line.timezone)) for line in lines)
        text = Text()
        for number, line in enumerate(lines):
            if number:
                text.append("\n")
            head = Text()
            head.append("▸ " if line.in_view else "  ", style=f"bold {colors.accent}")
            head.append(
                line.executive.short.ljust(names),
                style=f"bold {colors.accent}" if line.in_view else "bold",
            )
            head.append(f" {fmt(line.now, 'HH:mm')} {_place(line.timezone).ljust(places)}  ")
            text.append_text(head)
            text.append(
                self._fitted(line.status.text, head.cell_len), style=_style(line.status, colors)
            )
        status = self.query_one("#header-status", Static)
        for kind in STATUS_CLASSES:
            status.set_class(False, f"-{kind}")
        self._size_lines(len(lines))
        status.update(text)

    def _size_lines(self, count: int) -> None:
        """Room for `count` status lines (the stylesheet's one line when there is one)."""
        several = count > 1
        for widget, height in (
            (self.query_one("#header-status"), count),
            (self.query_one("#header-line"), count),
            (self, count + 1),
        ):
            inline = widget.styles.inline.height
            if several and (inline is None or inline.value != height):
                widget.styles.height = height
            elif not several and inline is not None:
                widget.styles.height = None

    def _fitted(self, status: str, before: int = 0) -> str:
        """The status in the width there is (`before` cells of the line already taken): a
        long event title gives way, never the "until HH:MM" after it."""
        width = (self.size.width or self.app.size.width) - 2 - before
        if len(status) <= width or " until " not in status:
            return status
        head, _, tail = status.rpartition(" until ")
        keep = max(width - len(tail) - len(" until ") - 1, 8)
        return head[:keep].rstrip() + "… until " + tail


def _style(status: InterruptStatus, colors: StatusColors) -> str:
    return {
        "interrupt-now": colors.broken_style,
        "good-moment-now": f"bold {colors.good_style}",
        "in-event": colors.due_soon_style,
        "next-good-moment": "bold",
        "none-left": colors.muted_style,
    }[status.kind]


def _place(zone: str) -> str:
    """`America/New_York` → `New York`: the zone as a place, for the executives' lines."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")
