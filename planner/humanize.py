"""Times as an EA reads them: "Tue 24 Nov 15:00 (tomorrow)", "in 18 min"."""

from __future__ import annotations

from datetime import datetime

import pendulum


def relative_day(date: pendulum.Date, today: pendulum.Date) -> str:
    days = (date - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if days > 0:
        return f"in {days} days"
    return f"{-days} days ago"


def when(moment: datetime, now: datetime, tz: str) -> str:
    """`Tue 24 Nov 15:00 (tomorrow)` in the zone `tz`."""
    local = pendulum.instance(moment).in_tz(tz)
    today = pendulum.instance(now).in_tz(tz).date()
    return f"{local.format('ddd D MMM HH:mm')} ({relative_day(local.date(), today)})"


def minutes(total: float) -> str:
    """`45 min`, `2 h`, `2 h 5 min`, `3 days`."""
    value = round(total)
    if value < 60:
        return f"{value} min"
    if value < 24 * 60:
        hours, mins = divmod(value, 60)
        return f"{hours} h" if mins == 0 else f"{hours} h {mins} min"
    days = round(value / (24 * 60))
    return f"{days} day" + ("s" if days != 1 else "")
