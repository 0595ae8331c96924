"""The facts log of a follow-up as text: each entry written from its action and fields."""

from __future__ import annotations

from datetime import datetime, timedelta

import pendulum

from planner.domain.base import plain
from planner.domain.followup import FollowUp, LogEntry
from planner.humanize import fmt


def log_line(entry: LogEntry, tz: str) -> str:
    """One log entry as a line of facts: `Mon 23 Nov 10:00 note: customer called back`."""
    return f"{_stamp(entry.at, tz)} {describe(entry, tz)}"


def describe(entry: LogEntry, tz: str) -> str:
    """What a log entry records, in words, from its action and fields (no time stamp)."""
    text = entry.text
    match entry.action:
        case "created":
            head = "created"
            if entry.new_promise is not None:
                head += f" (promise {_stamp(entry.new_promise, tz)})"
            return head + _colon(text)
        case "started":
            return "in progress" + _dash(text)
        case "waiting":
            who = entry.waiting_on or "someone"
            line = f"waiting on the {who}" + (f" for: {text}" if text else "")
            if entry.waiting_on == "customer":
                line += " (the promise clock is paused)"
            return line
        case "resumed":
            return "resumed: in progress" + _dash(text)
        case "re-promised":
            return f"re-promised {_move(entry, tz)}" + _dash(text)
        case "promise-moved-by-wait":
            moved = ""
            if entry.old_promise is not None and entry.new_promise is not None:
                moved = f" by {_duration(plain(entry.new_promise) - plain(entry.old_promise))}"
            return (
                f"promise moved {_move(entry, tz)}{moved}: time spent waiting on the customer"
                + _dash(text)
            )
        case "escalated":
            return "escalated to the executive" + _dash(text)
        case "resolved" | "dropped" | "note":
            return entry.action + _colon(text)
    raise AssertionError(entry.action)  # pragma: no cover - LogAction is closed


def _stamp(moment: datetime, tz: str) -> str:
    return fmt(pendulum.instance(moment).in_tz(tz), "ddd D MMM HH:mm")


def _move(entry: LogEntry, tz: str) -> str:
    old = _stamp(entry.old_promise, tz) if entry.old_promise is not None else "?"
    new = _stamp(entry.new_promise, tz) if entry.new_promise is not None else "?"
    return f"{old} → {new}"


def _colon(text: str) -> str:
    return f": {text}" if text else ""


def _dash(text: str) -> str:
    return f" — {text}" if text else ""


def facts(followup: FollowUp, tz: str) -> tuple[str, ...]:
    """The follow-up's facts log as lines of text, oldest first."""
    return tuple(log_line(entry, tz) for entry in followup.log)


def _duration(delta: timedelta) -> str:
    minutes = round(delta.total_seconds() / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h" if rest == 0 else f"{hours} h {rest} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"
