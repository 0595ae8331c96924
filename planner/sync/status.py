"""When each subscription is due, and what the header says about the schedule's freshness.

Pure functions of (subscriptions, sync state, now): the dashboard's background
sync asks `due`, its header shows `freshness`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, tzinfo

from planner.config import Subscription
from planner.storage.syncstate import CalendarState

_EMPTY = CalendarState()


def due(
    subscriptions: Sequence[Subscription], states: Mapping[str, CalendarState], now: datetime
) -> list[Subscription]:
    """The subscriptions whose last attempt is `every` minutes old or more (or never made)."""
    result = []
    for sub in subscriptions:
        attempted = states.get(sub.name, _EMPTY).attempted
        if attempted is None or now - attempted >= timedelta(minutes=sub.every):
            result.append(sub)
    return result


def next_due(
    subscriptions: Sequence[Subscription], states: Mapping[str, CalendarState], now: datetime
) -> float | None:
    """Seconds until the next subscription is due (0 when one is), None with none."""
    waits = []
    for sub in subscriptions:
        attempted = states.get(sub.name, _EMPTY).attempted
        if attempted is None:
            return 0.0
        waits.append((attempted + timedelta(minutes=sub.every) - now).total_seconds())
    return max(0.0, min(waits)) if waits else None


def freshness(
    subscriptions: Sequence[Subscription],
    states: Mapping[str, CalendarState],
    zone: tzinfo,
    *,
    syncing: bool = False,
) -> str:
    """One line for the header, "" without subscriptions. Examples:

    - `synced 09:05` (the oldest of the calendars' last good syncs)
    - `work: offline since 09:15, connection refused — showing the 09:05 schedule`
    - `home: not synced since 09:15, the server refused the credentials (not authorised)
      — showing the 08:40 schedule`
    - `syncing…` before any calendar has synced
    """
    if not subscriptions:
        return ""
    stale = []
    synced_times = []
    for sub in subscriptions:
        state = states.get(sub.name, _EMPTY)
        if state.error:
            stale.append(_stale(sub.name, state, zone))
        elif state.synced is not None:
            synced_times.append(state.synced)
    if stale:
        return " · ".join(stale)
    if len(synced_times) < len(subscriptions):
        return "syncing…" if syncing else "not synced yet"
    oldest = min(synced_times).astimezone(zone)
    return f"synced {oldest:%H:%M}" + (", syncing…" if syncing else "")


def _stale(name: str, state: CalendarState, zone: tzinfo) -> str:
    since = state.failing_since or state.attempted
    when = f" since {since.astimezone(zone):%H:%M}" if since else ""
    reason = state.error
    if state.offline:
        # "127.0.0.1: connection refused" — the host is the subscription's, known already.
        host, sep, rest = reason.partition(": ")
        if sep and " " not in host:
            reason = rest
    what = "offline" if state.offline else "not synced"
    shown = (
        f"showing the {state.synced.astimezone(zone):%H:%M} schedule"
        if state.synced is not None
        else "no schedule from it yet"
    )
    return f"{name}: {what}{when}, {reason} — {shown}"
