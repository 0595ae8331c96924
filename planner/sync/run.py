"""Sync subscribed calendars: fetch, read, merge, remember. Shared by `sync` and the dashboard.

A sync never removes an event unless the whole calendar arrived and was read:
- a failed fetch (network, HTTP status, credentials, a password command that
  fails) changes no event and records the error and since when it fails;
- a feed whose body breaks off (no closing END:VCALENDAR) or is not
  iCalendar at all is a failure too, never an empty calendar;
- an unchanged feed (304) or CalDAV calendar (same objects) is not parsed,
  unless the import window moved to a new day since the last merge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from planner.calendar_import.importer import (
    ImportReport,
    Window,
    import_window,
    merge_read,
    people,
)
from planner.config import Subscription
from planner.humanize import counted
from planner.storage.syncstate import (
    CalendarState,
    calendar_state,
    now_state,
    read_cache,
    update_state,
    write_cache,
)
from planner.sync.feed import FetchError

if TYPE_CHECKING:
    from planner.clock import Clock
    from planner.storage import Store

FEED_CACHE = ".ics"
CALDAV_CACHE = ".caldav.json"


class SyncOutcome(msgspec.Struct, frozen=True, kw_only=True):
    """What one calendar's sync did: a report, `unchanged`, or an error line."""

    name: str
    report: ImportReport | None = None
    unchanged: bool = False
    error: str = ""
    parsed: int | None = None
    """How many of the calendar's objects were parsed (CalDAV: the others were read from
    the last sync's); None for a feed, which is parsed whole."""
    objects: int = 0
    """How many objects the CalDAV calendar holds in the import window."""

    @property
    def ok(self) -> bool:
        return not self.error

    def lines(self) -> list[str]:
        if self.error:
            return [f'calendar "{self.name}": not synced: {self.error}; the schedule is unchanged']
        if self.report is None:
            return [f'calendar "{self.name}": unchanged']
        lines = self.report.lines()
        if self.parsed is not None:
            kept = self.objects - self.parsed
            since = f" ({kept} unchanged since the last sync)" if kept else ""
            of = counted(self.objects, "event")
            lines.append(f"  parsed {self.parsed} of {of}{since}")
        return lines


def sync_calendars(
    store: Store, clock: Clock, subscriptions: Sequence[Subscription]
) -> list[SyncOutcome]:
    """Sync each subscription in turn; one's failure does not stop the others."""
    return [sync_calendar(store, clock, sub) for sub in subscriptions]


def sync_calendar(store: Store, clock: Clock, subscription: Subscription) -> SyncOutcome:
    """Fetch one subscription and merge it; see the module doc."""
    name = subscription.name
    state = calendar_state(store, name)
    settings = store.load().rules_for(subscription.executive)
    window = import_window(settings, clock)
    try:
        from planner.sync.password import password_for

        password = password_for(subscription)
        if subscription.caldav:
            outcome, new_state = _sync_caldav(store, subscription, password, state, window)
        else:
            outcome, new_state = _sync_feed(store, subscription, password, state, window)
    except FetchError as exc:
        message, offline = exc.message, exc.offline
        update_state(
            store, name, lambda s: now_state(s, clock.now(), error=message, offline=offline)
        )
        return SyncOutcome(name=name, error=message)
    summary = outcome.report.summary() if outcome.report else "unchanged"
    update_state(
        store,
        name,
        lambda _s: now_state(
            msgspec.structs.replace(new_state, summary=summary, failing_since=None), clock.now()
        ),
    )
    return outcome


def _same_window(state: CalendarState, window: Window) -> bool:
    return state.window_day == window.start.date().isoformat()


def _sync_feed(
    store: Store,
    sub: Subscription,
    password: str | None,
    state: CalendarState,
    window: Window,
) -> tuple[SyncOutcome, CalendarState]:
    from planner.sync.feed import fetch_feed

    cached = read_cache(store, sub.name, FEED_CACHE)
    feed = fetch_feed(
        sub.url,
        etag=state.etag if cached is not None else "",
        last_modified=state.last_modified if cached is not None else "",
        username=sub.username,
        password=password,
    )
    fresh = msgspec.structs.replace(
        state,
        etag=feed.etag,
        last_modified=feed.last_modified,
        window_day=window.start.date().isoformat(),
    )
    if feed.body is None:
        if cached is not None and _same_window(state, window):
            return SyncOutcome(name=sub.name, unchanged=True), fresh
        body = cached or b""
    else:
        body = feed.body
        _check_complete(body, sub.url)
    report = _merge(store, sub, body, window)
    if feed.body is not None:
        write_cache(store, sub.name, FEED_CACHE, body)
    return SyncOutcome(name=sub.name, report=report), fresh


_BEGIN = re.compile(rb"BEGIN[ \t]*:[ \t]*VCALENDAR", re.IGNORECASE)
_END = re.compile(rb"END[ \t]*:[ \t]*VCALENDAR[ \t]*$", re.IGNORECASE)


def _check_complete(body: bytes, url: str) -> None:
    """A body cut short would look like a calendar whose later events were deleted.
    (A body that is not iCalendar at all is refused when it is read.)"""
    if _BEGIN.search(body) and not _END.search(body.rstrip()[-64:]):
        from urllib.parse import urlsplit

        host = urlsplit(url).hostname or url
        raise FetchError(f"{host}: the calendar arrived incomplete (no END:VCALENDAR)")


def _sync_caldav(
    store: Store,
    sub: Subscription,
    password: str | None,
    state: CalendarState,
    window: Window,
) -> tuple[SyncOutcome, CalendarState]:
    from planner.sync.caldav_source import CaldavCache, fetch_caldav

    raw = read_cache(store, sub.name, CALDAV_CACHE)
    cache = CaldavCache()
    if raw is not None:
        try:
            cache = msgspec.json.decode(raw, type=CaldavCache)
        except msgspec.DecodeError:
            cache = CaldavCache()
    have_cache = raw is not None and bool(state.window_day)
    same_day = have_cache and _same_window(state, window)
    fetched = fetch_caldav(
        sub.url,
        username=sub.username,
        password=password,
        start=window.start,
        end=window.end,
        cached=cache.objects,
        sync_token=state.sync_token if have_cache else "",
        full=not same_day,
    )
    fresh = msgspec.structs.replace(
        state, sync_token=fetched.sync_token, window_day=window.start.date().isoformat()
    )
    if not fetched.changed and same_day:
        return SyncOutcome(name=sub.name, unchanged=True), fresh
    from planner.sync.parsed import NotCalendarObject, read_objects

    try:
        done = read_objects(
            store,
            sub.name,
            sub.url,
            fetched.objects,
            window,
            people(store.load().rules_for(sub.executive)),
        )
    except NotCalendarObject as exc:
        raise FetchError(f"what the server sent is not iCalendar: {exc.reason}") from None
    report = merge_read(store, done.read, window, calendar=sub.name, source_name=None)
    write_cache(
        store, sub.name, CALDAV_CACHE, msgspec.json.encode(CaldavCache(objects=fetched.objects))
    )
    outcome = SyncOutcome(name=sub.name, report=report, parsed=done.parsed, objects=done.objects)
    return outcome, fresh


def _merge(store: Store, sub: Subscription, body: bytes, window: Window) -> ImportReport:
    from planner.calendar_import.imported import NotICalendar
    from planner.calendar_import.reader import read_ics

    settings = store.load().rules_for(sub.executive)
    try:
        read = read_ics(
            body, zone=window.zone, start=window.start, end=window.end, people=people(settings)
        )
    except NotICalendar as exc:
        raise FetchError(f"what the server sent is not an iCalendar file: {exc.reason}") from None
    document = store.load()
    owner = document.owner(sub.executive)
    return merge_read(store, read, window, calendar=sub.name, source_name=None, executive=owner)


def sync_due(store: Store, clock: Clock, *, everything: bool = False) -> list[SyncOutcome]:
    """Sync the subscriptions that are due (all of them with `everything`): the dashboard's
    background sync, run on a worker thread."""
    from planner.domain.base import plain
    from planner.storage.syncstate import load_state
    from planner.sync.status import due

    subscriptions = store.load().settings.calendars
    if not everything:
        subscriptions = tuple(due(subscriptions, load_state(store).calendars, plain(clock.now())))
    return sync_calendars(store, clock, subscriptions)
