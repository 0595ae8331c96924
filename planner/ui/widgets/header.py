"""The header: date shown, the executive and their local time, and "can I interrupt now?"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from planner.day import Day
from planner.humanize import fmt
from planner.scheduling import InterruptStatus
from planner.ui.desk_view import ExecutiveLine
from planner.ui.widgets.palette import StatusColors, status_colors

STATUS_CLASSES = (
    "interrupt-now",
    "brief-waits",
    "good-moment-now",
    "in-event",
    "next-good-moment",
    "day-off",
    "none-left",
)


class DayHeader(Vertical):
    """Two lines: who/when, then the interrupt status in SPEC.md's words. On a desk of
    several executives, the status is one line per executive (see `show_lines`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lines: Sequence[ExecutiveLine] = ()
        """The executives' lines shown (several executives), redrawn with their freshness."""
        self._fresh: Mapping[str, str] = {}
        """Each executive's calendar freshness, by id (several executives)."""

    def compose(self) -> ComposeResult:
        yield Static(id="header-title")
        with Horizontal(id="header-line"):
            yield Static(id="header-status")
            yield Static(id="header-sync")

    def show_freshness(self, line: str, by_executive: Mapping[str, str] | None = None) -> None:
        """How fresh the schedule is: `synced 09:05`, or which calendar is stale and why.
        `by_executive` (several executives): each executive's own, on their line (or
        under it when it does not fit), never beside another's."""
        sync = self.query_one("#header-sync", Static)
        if by_executive is not None:
            self._fresh = dict(by_executive)
            if self._lines:
                self._show_lines(self._lines, status_colors(self.app))
            line = ""
        stale = " since " in line
        sync.set_class(stale, "-stale")
        colors = status_colors(self.app)
        style = colors.due_soon_style if stale else colors.muted_style
        _update(sync, Text(("  ·  " + line) if line else "", style=style))

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
        _update(self.query_one("#header-title", Static), title)
        status = self.query_one("#header-status", Static)
        colors = status_colors(self.app)
        self._lines = tuple(lines)
        if lines:
            self._show_lines(lines, colors)
            return
        self._size_lines(1)
        text = Text()
        if day.status is None:
            text.append("no good moment left today")
        else:
            text.append(self._fitted(day.status), style=_style(day.status, colors))
            for kind in STATUS_CLASSES:
                status.set_class(kind == day.status.kind, f"-{kind}")
        _update(status, text)

    def _show_lines(self, lines: Sequence[ExecutiveLine], colors: StatusColors) -> None:
        """One line per executive: `▸ Dana 04:00 New York  next good moment 08:30 (in …)`,
        the one in view marked, each status coloured as a lone executive's is."""
        names = max(len(line.executive.short) for line in lines)
        places = max(len(_place(line.timezone)) for line in lines)
        width = (self.size.width or self.app.size.width) - 2
        text = Text()
        count = 0
        for line in lines:
            if count:
                text.append("\n")
            count += 1
            head = Text()
            head.append("▸ " if line.in_view else "  ", style=f"bold {colors.accent}")
            head.append(
                line.executive.short.ljust(names),
                style=f"bold {colors.accent}" if line.in_view else "bold",
            )
            head.append(f" {fmt(line.now, 'HH:mm')} {_place(line.timezone).ljust(places)}  ")
            text.append_text(head)
            shown = self._fitted(line.status, head.cell_len)
            text.append(shown, style=_style(line.status, colors))
            fresh = self._fresh.get(line.executive.id, "")
            if fresh:
                stale = " since " in fresh
                style = colors.due_soon_style if stale else colors.muted_style
                used = head.cell_len + len(shown)
                if used + 5 + len(fresh) <= width:
                    text.append("  ·  " + fresh, style=style)
                else:
                    # Its own line under the executive's, cut to the width there is.
                    indent = " " * (2 + names + 1)
                    room = max(width - len(indent), 8)
                    cut = fresh if len(fresh) <= room else fresh[: room - 1].rstrip() + "…"
                    text.append("\n" + indent)
                    text.append(cut, style=style)
                    count += 1
        status = self.query_one("#header-status", Static)
        for kind in STATUS_CLASSES:
            status.set_class(False, f"-{kind}")
        self._size_lines(count)
        _update(status, text)

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

    def _fitted(self, status: InterruptStatus, before: int = 0) -> str:
        """The status in the width there is (`before` cells of the line already taken): a
        long event title gives way, never the "until HH:MM" after it."""
        return status.fitted((self.size.width or self.app.size.width) - 2 - before)


def _update(static: Static, text: Text) -> None:
    """Show `text` unless it is shown already: each update lays the screen out again, and
    most redraws of the day (a change saved, a minute passed) leave a header line as it
    was."""
    shown = static.content
    if (
        isinstance(shown, Text)
        and shown.plain == text.plain
        and shown.spans == text.spans
        and shown.style == text.style
    ):
        return
    static.update(text)


def _style(status: InterruptStatus, colors: StatusColors) -> str:
    return {
        "interrupt-now": colors.broken_style,
        "brief-waits": colors.due_soon_style,
        "good-moment-now": f"bold {colors.good_style}",
        "in-event": colors.due_soon_style,
        "next-good-moment": "bold",
        "day-off": colors.muted_style,
        "none-left": colors.muted_style,
    }[status.kind]


def _place(zone: str) -> str:
    """`America/New_York` → `New York`: the zone as a place, for the executives' lines."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")
