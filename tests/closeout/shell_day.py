"""One working day of an EA, step by step, to be lived from the shell and in the dashboard.

Monday 23 November 2026, Europe/Paris. Each step is (time, command words); the
follow-ups are named by customer, resolved to ids as the day goes.
"""

from __future__ import annotations

DATE = "2026-11-23"

ADDS: tuple[tuple[str, str], ...] = (
    ("08:40", "Maria Ortiz: invoice charged twice, wants refund @Acme by 14:00 !high"),
    ("08:45", "Omar Haddad: wants a meeting with the executive @Initech by 11:00"),
    ("08:50", "Paul Girard: delivery delayed three weeks @Acme by 16:00 !high"),
    ("08:55", "Sara Lind: access badge not working @Globex by 17:00"),
    ("08:58", "Dan Ray: catering order for Friday by 17:00"),
    ("09:02", "Jonas Berg: quote for 40 seats @Northwind by 2026-11-24 11:00"),
)
"""The quick-add lines of the morning."""

STEPS: tuple[tuple[str, str, str, str], ...] = (
    ("09:05", "wait", "Maria Ortiz", "customer|the signed form"),
    ("09:30", "wait", "Sara Lind", "colleague|IT ticket 4411"),
    ("10:30", "promise", "Omar Haddad", "12:30|told him after lunch"),
    ("10:40", "escalate", "Paul Girard", "needs a call from the executive"),
    ("11:10", "start", "Jonas Berg", "asked sales for the price list"),
    ("12:25", "resolve", "Sara Lind", "new badge issued"),
    ("14:40", "drop", "Dan Ray", "customer cancelled the order"),
)
"""The lifecycle of the day: (time, action, customer, argument; `|` separates two)."""

CLOSE_REVIEW = "17:30"
"""When the EA opens the close-out."""
REPROMISE_AT = "17:32"
"""Omar's 12:30 promise broke: he is called and re-promised for Tuesday 10:00."""
REPROMISE_TO = "2026-11-24 10:00"
CLOSE_AT = "17:35"
NOTES = "chase Maria first thing"

OPEN_AT_CLOSE = ("Maria Ortiz", "Omar Haddad", "Paul Girard", "Jonas Berg")
"""Every follow-up still open when the day closes."""


def at(hhmm: str, date: str = DATE) -> str:
    """`2026-11-23T09:05:00+01:00`: a time of the day as EA_PLANNER_NOW wants it."""
    return f"{date}T{hhmm}:00+01:00"
