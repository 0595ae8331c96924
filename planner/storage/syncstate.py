"""What the last syncs of each subscribed calendar left: `sync/state.json` and cached data.

Kept apart from planner.json: it changes on every sync attempt, and none of it
is the user's data. Losing it costs one full fetch, nothing more.

    sync/state.json          per calendar: validators, sync-token, last good sync, last error
    sync/<key>.ics           a feed's last good body (parsed again when the day moves)
    sync/<key>.caldav.json   a CalDAV calendar's objects by href: etag and data
    sync/<key>.parsed.json   the events read from each of those objects (planner.sync.parsed)

Every write goes through `atomic_write` under the data directory's lock,
like planner.json. No password is ever part of any of it.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from planner.domain.base import Instant, plain
from planner.storage.lock import exclusive
from planner.storage.store import atomic_write, make_private_dir

if TYPE_CHECKING:
    from planner.storage.store import Store

SYNC_DIR = "sync"
STATE_NAME = "state.json"
CACHE_SUFFIXES = (".ics", ".caldav.json", ".parsed.json")
"""The cached data a calendar may have (see the module doc)."""


class CalendarState(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """One subscribed calendar's sync history."""

    etag: str = ""
    """The feed's ETag of the last good fetch (sent back as If-None-Match)."""
    last_modified: str = ""
    """The feed's Last-Modified of the last good fetch (sent back as If-Modified-Since)."""
    sync_token: str = ""
    """The CalDAV sync-token of the last good fetch ("" when the server offers none)."""
    window_day: str = ""
    """The first day of the import window the cached data was last merged for."""
    synced: Instant | None = None
    """When the schedule last matched the calendar (a good fetch, or an unchanged one)."""
    attempted: Instant | None = None
    """When the last sync was tried."""
    error: str = ""
    """Why the last attempt failed; "" when it succeeded."""
    offline: bool = False
    """The last failure was the network (refused, timed out, no host), not the server."""
    failing_since: Instant | None = None
    """The first of the failed attempts since the last good one."""
    summary: str = ""
    """What the last good sync did, in words (`added 1, updated 0, …`)."""


class SyncState(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    calendars: dict[str, CalendarState] = msgspec.field(default_factory=dict)


_decoder = msgspec.json.Decoder(SyncState)


def _dir(store: Store) -> Path:
    return store.directory / SYNC_DIR


def load_state(store: Store) -> SyncState:
    """The sync state; an empty one when there is none or it cannot be read (it is a cache)."""
    try:
        return _decoder.decode((_dir(store) / STATE_NAME).read_bytes())
    except (OSError, msgspec.DecodeError):
        return SyncState()


def calendar_state(store: Store, name: str) -> CalendarState:
    return load_state(store).calendars.get(name, CalendarState())


def update_state(store: Store, name: str, change: Callable[[CalendarState], CalendarState]) -> None:
    """Change one calendar's state under the lock (other calendars' syncs may run at once)."""
    _write(
        store, lambda state: _with(state, name, change(state.calendars.get(name, CalendarState())))
    )


def forget(store: Store, name: str) -> None:
    """Remove a calendar's state and cached data (its subscription was removed)."""

    def without(state: SyncState) -> SyncState:
        calendars = dict(state.calendars)
        calendars.pop(name, None)
        return SyncState(calendars=calendars)

    _write(store, without)
    for suffix in CACHE_SUFFIXES:
        path = cache_path(store, name, suffix)
        with contextlib.suppress(OSError):
            path.unlink()


def _with(state: SyncState, name: str, value: CalendarState) -> SyncState:
    return SyncState(calendars={**state.calendars, name: value})


def _write(store: Store, change: Callable[[SyncState], SyncState]) -> None:
    make_private_dir(store.directory)
    with exclusive(store.lock_path):
        make_private_dir(_dir(store))
        state = change(load_state(store))
        atomic_write(_dir(store) / STATE_NAME, msgspec.json.encode(state) + b"\n")


_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def cache_path(store: Store, name: str, suffix: str) -> Path:
    """A file name for the calendar's cache: readable, and unique for any name."""
    digest = hashlib.sha1(name.encode()).hexdigest()[:8]
    return _dir(store) / f"{_UNSAFE.sub('-', name)[:40]}-{digest}{suffix}"


def read_cache(store: Store, name: str, suffix: str) -> bytes | None:
    try:
        return cache_path(store, name, suffix).read_bytes()
    except OSError:
        return None


def write_cache(store: Store, name: str, suffix: str, data: bytes) -> None:
    make_private_dir(store.directory)
    with exclusive(store.lock_path):
        make_private_dir(_dir(store))
        atomic_write(cache_path(store, name, suffix), data)


def now_state(
    state: CalendarState, now: datetime, *, error: str = "", offline: bool = False
) -> CalendarState:
    """`state` after an attempt at `now`: a failure keeps `synced` and starts `failing_since`."""
    now = plain(now)
    if error:
        return msgspec.structs.replace(
            state,
            attempted=now,
            error=error,
            offline=offline,
            failing_since=state.failing_since or now,
        )
    return msgspec.structs.replace(
        state, attempted=now, synced=now, error="", offline=False, failing_since=None
    )
