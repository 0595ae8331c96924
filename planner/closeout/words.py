"""The close-out's words for where a follow-up stands and how its promise moved: one
source for the Markdown summary and the dashboard's review, so both say the same.

Plain text with times in the executive's zone; the Markdown passes its `escape` for the
EA's own words in them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import pendulum

from planner.humanize import fmt

if TYPE_CHECKING:
    from planner.closeout.steps import Review
    from planner.domain import LogEntry
    from planner.domain.history import Standing


def local(moment: datetime, review: Review) -> pendulum.DateTime:
    """`moment` in the review's zone (the executive's)."""
    return pendulum.instance(moment).in_tz(review.timezone)


def when(moment: datetime, day: pendulum.Date, *, at: bool = False) -> str:
    """`14:30` on `day`, else `Tue 24 Nov 14:30`; with `at`: `at 14:30` or
    `on Tue 24 Nov at 14:30`. `moment` is already in the executive's zone."""
    shown = pendulum.instance(moment)
    if shown.date() == day:
        return f"at {fmt(shown, 'HH:mm')}" if at else fmt(shown, "HH:mm")
    if at:
        return f"on {fmt(shown, 'ddd D MMM')} at {fmt(shown, 'HH:mm')}"
    return fmt(shown, "ddd D MMM HH:mm")


def _same(text: str) -> str:
    return text


def state_words(
    state: Standing, review: Review, *, paused: bool = True, escape: Callable[[str], str] = _same
) -> str:
    """`waiting on the customer since 09:00 for: the signed form (promise paused)`, `in
    progress`, `escalated to the executive at 10:40`; "" for a plain open follow-up.
    `paused=False` where the line already says the promise is paused; `escape` is applied
    to the EA's words (what is awaited)."""
    match state.status:
        case "waiting":
            words = f"waiting on the {state.waiting_on or 'someone'}"
            if state.wait_began is not None:
                words += f" since {when(local(state.wait_began, review), review.date)}"
            if state.waiting_for:
                words += f" for: {escape(state.waiting_for)}"
            if state.paused and paused:
                words += " (promise paused)"
            return words
        case "escalated":
            if state.escalated_at is not None:
                at = when(local(state.escalated_at, review), review.date, at=True)
                return f"escalated to the executive {at}"
            return "escalated to the executive"
        case "in progress":
            return "in progress"
    return ""


def moves_words(entries: tuple[LogEntry, ...], review: Review) -> str:
    """` (re-promised 11:00 → 12:30 at 10:30; moved by the wait on the customer 14:00 →
    16:00 at 11:00)`: how the promise moved that day; "" when it did not."""
    parts: list[str] = []
    for entry in entries:
        if entry.old_promise is None or entry.new_promise is None:
            continue
        old = when(local(entry.old_promise, review), review.date)
        new = when(local(entry.new_promise, review), review.date)
        at = when(local(entry.at, review), review.date, at=True)
        what = (
            "re-promised" if entry.action == "re-promised" else "moved by the wait on the customer"
        )
        parts.append(f"{what} {old} → {new} {at}")
    return f" ({'; '.join(parts)})" if parts else ""


__all__ = ["local", "moves_words", "state_words", "when"]
