"""The Follow-ups pane: broken promises first (red), due within the hour (amber), today, later,
waiting."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Protocol, runtime_checkable

import pendulum
from rich.text import Text

from planner.clock import Clock
from planner.day import FollowUpRow, labelled, status_words
from planner.domain import FollowUp
from planner.domain.history import standing
from planner.humanize import clock_extra, fmt
from planner.ui.widgets.palette import status_colors
from planner.ui.widgets.table import PaneTable

CHANNEL_LABEL = {"in-person": "person"}

STATUS_STYLE = {"escalated": "bold magenta", "waiting": "italic", "in progress": "italic"}

STATE_LABEL: dict[str, str] = {
    "broken": "BROKEN",
    "due-soon": "due soon",
    "due-today": "today",
    "later": "later",
    "waiting": "waiting",
    "closed": "closed",
}
"""The State column's word for the row's place in the list."""

STATUS_LABEL: dict[str, str] = {"escalated": "escalated", "in progress": "started"}
"""Where an open matter stands, in the State column instead of "today" or "later" (the
Promise column says the day): escalated and started rows read as words at any width."""


@runtime_checkable
class Clocked(Protocol):
    """What the pane needs of its app: the clock, and the zone its times are shown in."""

    @property
    def clock(self) -> Clock: ...

    @property
    def timezone(self) -> str: ...


def state_label(state: str, followup: FollowUp) -> str:
    """The State column: BROKEN and due soon first (the promise is what the EA must keep),
    then paused (the customer is awaited, the promise clock stops) or waiting, then the
    matter's own status, else the day's list it sits in."""
    if state == "waiting":
        return "paused" if standing(followup).paused else "waiting"
    if state in ("due-today", "later"):
        return STATUS_LABEL.get(followup.status, STATE_LABEL[state])
    return STATE_LABEL[state]


def short_promise(promise: pendulum.DateTime, today: pendulum.Date | None) -> str:
    """At most 12 characters: `today 15:00`, `tmrw 09:00`, `Fri 17:00`, `12 Dec 17:00` (15 in
    12-hour mode: `12 Dec 12:30 PM`)."""
    clock = fmt(promise, "HH:mm")
    if today is None:
        return fmt(promise, "D MMM ") + clock
    days = (promise.date() - today).days
    if days == 0:
        return "today " + clock
    if days == 1:
        return "tmrw " + clock
    if days == -1:
        return "yest " + clock
    if 1 < days < 7:
        return fmt(promise, "ddd ") + clock
    return fmt(promise, "D MMM ") + clock


def _shown_promise(row: FollowUpRow, label: str, tz: str) -> pendulum.DateTime:
    """The Promise column's time, in the row's zone: while the customer is awaited
    ("paused" in the State column) the promise as it was made, which stands still; else the
    effective one. The time waited is added only when the wait ends
    (planner.domain.history)."""
    if label == "paused":
        return pendulum.instance(row.followup.promised_by).in_tz(row_zone(row, tz))
    return row.promise


def row_zone(row: FollowUpRow, tz: str) -> str:
    """The zone a row's times read in (its executive's on a desk of several, see
    `planner.day.Zones`); `tz` when the row's time has no zone name."""
    return getattr(row.when.tzinfo, "key", None) or tz


def label_width(rows: tuple[FollowUpRow, ...], history: tuple[FollowUpRow, ...] = ()) -> int:
    """The cells the rows' zone labels add to the Promise column (0 without labels)."""
    return max((len(r.label) + 1 for r in (*rows, *history[:50]) if r.label), default=0)


def promise_cell(
    row: FollowUpRow, label: str, tz: str, today: pendulum.Date | None, now: datetime
) -> str:
    """The Promise column: `today 15:00`, with the zone label when the row has one
    (`tmrw 11:00 London`, "today" and "tmrw" then said on that zone's calendar)."""
    promise = _shown_promise(row, label, tz)
    if not row.label:
        return short_promise(promise, today)
    if today is not None:
        today = pendulum.instance(now).in_tz(row_zone(row, tz)).date()
    return labelled(short_promise(promise, today), row.label)


class FollowUpsPane(PaneTable):
    """One row per follow-up: promise, customer, organisation and summary, channel, priority."""

    COLUMNS = (
        ("state", "State", 9, 0),
        ("promise", "Promise", 12, 0),
        ("matter", "Customer — matter", None, 0),
        ("channel", "Channel", 7, 1),
        ("priority", "Pri", 6, 2),
    )

    MIN_FLEXIBLE = 24
    """Who and what, readable ("Rita Moreno · Globex — ord…"): channel and priority (in the
    detail view) give way first."""

    FOOTER_FIRST = ("followup.",)
    """Binding ids whose keys the footer shows first while this pane has the focus."""

    def __init__(self) -> None:
        super().__init__(id="followups", title="Follow-ups")

    def show(
        self,
        rows: tuple[FollowUpRow, ...],
        today: pendulum.Date | None,
        *,
        history: tuple[FollowUpRow, ...] = (),
        closed: frozenset[str] = frozenset(),
        empty: str = "no open follow-ups — a adds one",
        owners: Mapping[str, str] | None = None,
    ) -> None:
        """Show `rows`, then `history` (settled matters, shown as closed); `empty` says what
        an empty list means; `owners` (the desk's "all" view: a follow-up's `executive` → the
        short name to mark it with) says whose each row is, at the start of its matter.

        Cells are made only for the rows drawn: history may be thousands of rows. `history`
        is a cached tuple, so its identity stands for its content and a refresh that
        changes nothing costs only the few live rows.
        """
        state, promise, *rest = self.COLUMNS
        # Zone labels (several executives, one not in the EA's zone) widen the column.
        extra = label_width(rows, history)
        self.set_columns((state, (*promise[:2], 12 + clock_extra() + extra, promise[3]), *rest))
        if not rows and not history:
            hint = Text(empty, style="dim")
            blank = Text("")
            self.fill_lazily(
                lambda: ["empty"], lambda _n: (blank, blank, hint, blank, blank), empty
            )
            return
        colors = status_colors(self.app)
        live = len(rows)
        app = self.app
        if not isinstance(app, Clocked):
            raise TypeError(f"the Follow-ups pane needs an app with a clock, not {app!r}")
        now = app.clock.now()
        tz = app.timezone
        signature = (colors, today, rows, id(history), len(history), closed, owners)
        width = max(map(len, owners.values()), default=0) if owners else 0

        def build(index: int) -> tuple[Text, ...]:
            row = rows[index] if index < live else history[index - live]
            f = row.followup
            state = "closed" if index >= live or f.id in closed else row.state
            style = {
                "broken": colors.broken_style,
                "due-soon": colors.due_soon_style,
                "closed": "dim",
            }.get(state, "")
            # Where it stands, right after who, where the State column cannot say it all
            # (waiting on whom, since when). Escalated and started are the State column's.
            label = state_label(state, f)
            said = state != "closed" and label == STATUS_LABEL.get(f.status)
            words = (
                status_words(f, now, row_zone(row, tz), row.label)
                if state != "closed" and not said
                else ""
            )
            matter = Text(f.customer, style=style or "bold")
            if owners:
                mark = owners.get(f.executive, "?").ljust(width)
                matter = Text.assemble((mark + " ", "bold"), matter)
            if words:
                matter.append(" · ")
                matter.append(words, style=STATUS_STYLE.get(f.status, ""))
            if f.organization:
                matter.append(f" · {f.organization}", style=style)
            matter.append(f" — {f.summary}", style="dim" if state == "closed" else "")
            quiet = "dim" if state == "closed" else ""
            return (
                Text(label, style=style or STATUS_STYLE.get(f.status, "") if said else style),
                Text(promise_cell(row, label, tz, today, now), style=style),
                matter,
                Text(CHANNEL_LABEL.get(f.channel, f.channel), style=quiet),
                Text(f.priority, style=quiet),
            )

        def keys() -> list[str]:
            return [r.followup.id for r in rows] + [r.followup.id for r in history]

        self.fill_lazily(keys, build, signature)
