"""The header: date shown, the executive and their local time, and "can I interrupt now?"."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from planner.day import Day
from planner.humanize import fmt
from planner.ui.widgets.palette import status_colors

STATUS_CLASSES = ("interrupt-now", "good-moment-now", "in-event", "next-good-moment", "none-left")


class DayHeader(Vertical):
    """Two lines: who/when, then the interrupt status in SPEC.md's words."""

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

    def show(self, day: Day, *, executive: str, ea_zone: str, saving: bool = False) -> None:
        title = Text()
        if saving:  # a change shown but not yet on disk; first, so no width ever hides it
            title.append("saving…  ", style="italic")
        title.append(fmt(day.date, "dddd D MMMM YYYY"), style="bold")
        if not day.is_today:
            title.append(" (not today)", style="italic")
        elif day.is_coming:
            title.append(" (the coming day)", style="italic")
        title.append("  ·  ")
        title.append(executive or "Executive", style="bold")
        title.append(f" {fmt(day.now, 'HH:mm')} ({day.timezone})")
        if ea_zone != day.timezone:
            mine = day.now.in_tz(ea_zone)
            title.append(f"  ·  you {fmt(mine, 'HH:mm')} ({ea_zone})")
        self.query_one("#header-title", Static).update(title)
        status = self.query_one("#header-status", Static)
        colors = status_colors(self.app)
        text = Text()
        if day.status is None:
            text.append("no good moment left today")
        else:
            style = {
                "interrupt-now": colors.broken_style,
                "good-moment-now": f"bold {colors.good_style}",
                "in-event": colors.due_soon_style,
                "next-good-moment": "bold",
                "none-left": colors.muted_style,
            }[day.status.kind]
            text.append(self._fitted(day.status.text), style=style)
            for kind in STATUS_CLASSES:
                status.set_class(kind == day.status.kind, f"-{kind}")
        status.update(text)

    def _fitted(self, status: str) -> str:
        """The status in the width there is: a long event title gives way, never the
        "until HH:MM" after it."""
        width = (self.size.width or self.app.size.width) - 2
        if len(status) <= width or " until " not in status:
            return status
        head, _, tail = status.rpartition(" until ")
        keep = max(width - len(tail) - len(" until ") - 1, 8)
        return head[:keep].rstrip() + "… until " + tail
