"""Read a CalDAV calendar collection with the `caldav` library, never writing to it.

The first fetch (and the first of each new day, when the import window moves)
asks for the objects in the window with a time-range REPORT (calendar-query),
after reading the collection's sync-token. Later fetches send that token
(sync-collection REPORT, RFC 6578) and get only what changed; a server that
offers no token, or forgot it, gets the time-range REPORT again. Objects are
kept by href, so an unchanged calendar is found unchanged without parsing.

Only PROPFIND, REPORT and GET are sent: the executive's calendar is never
changed from here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec

from planner.sync.feed import USER_AGENT, FetchError

TIMEOUT = 30


class CalendarObject(msgspec.Struct, frozen=True, gc=False):
    etag: str
    data: str


class CaldavCache(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """The objects of the calendar as last fetched, by href."""

    objects: dict[str, CalendarObject] = msgspec.field(default_factory=dict)


class CaldavFetch(msgspec.Struct, frozen=True, kw_only=True):
    objects: dict[str, CalendarObject]
    sync_token: str
    changed: bool
    full: bool
    """A time-range REPORT was made (rather than a sync-token delta)."""


def fetch_caldav(
    url: str,
    *,
    username: str,
    password: str | None,
    start: datetime,
    end: datetime,
    cached: dict[str, CalendarObject],
    sync_token: str,
    full: bool,
    timeout: int = TIMEOUT,
) -> CaldavFetch:
    """The calendar's objects now; see the module doc. Raises FetchError."""
    import logging

    # The library logs each fallback at INFO/WARNING; the report says what matters.
    logging.getLogger("caldav").setLevel(logging.ERROR)
    try:
        from caldav.davclient import DAVClient
    except ImportError:
        raise FetchError("CalDAV needs the caldav package (pip install caldav)") from None
    try:
        client = DAVClient(
            url=url,
            username=username or None,
            password=password,
            timeout=timeout,
            enable_rfc6764=False,
            headers={"User-Agent": USER_AGENT},
        )
        calendar = client.calendar(url=url)  # type: ignore[no-untyped-call]  # caldav: unannotated
        if sync_token and not full:
            delta = _delta(calendar, sync_token, cached)
            if delta is not None:
                return delta
        return _full(calendar, start, end, cached)
    except FetchError:
        raise
    except Exception as exc:
        raise _fetch_error(exc, url) from None


def _delta(calendar: Any, token: str, cached: dict[str, CalendarObject]) -> CaldavFetch | None:
    """What changed since `token`; None when the server cannot say (then: a full fetch)."""
    from caldav.lib import error

    try:
        result = calendar.get_objects_by_sync_token(
            sync_token=token, load_objects=True, disable_fallback=True
        )
    except error.AuthorizationError as exc:
        if _expired_token(exc):
            return None
        raise
    except (error.ReportError, error.DAVError):
        return None
    if getattr(result, "truncated", False):
        return None
    objects = dict(cached)
    changed = False
    deleted = {_href(h) for h in result.deleted_urls}
    for key in deleted:
        if objects.pop(key, None) is not None:
            changed = True
    for obj in result.objects:
        key = _href(obj.url)
        if key in deleted:
            continue
        data = obj.data
        if data is None:
            # Named by the delta but gone (or unreadable) when fetched: keeping the old copy
            # under the new token would keep it on the schedule; the time-range REPORT says.
            return None
        item = CalendarObject(etag=_etag(obj), data=str(data))
        if objects.get(key) != item:
            objects[key] = item
            changed = True
    return CaldavFetch(
        objects=objects, sync_token=str(result.sync_token or token), changed=changed, full=False
    )


def _full(
    calendar: Any, start: datetime, end: datetime, cached: dict[str, CalendarObject]
) -> CaldavFetch:
    """Every event in [start, end): a time-range REPORT, after reading the sync-token."""
    from caldav.elements import dav

    try:
        token = calendar.get_property(dav.SyncToken()) or ""
    except Exception:
        token = ""
    found = calendar.search(start=start, end=end, event=True, expand=False)
    objects: dict[str, CalendarObject] = {}
    for obj in found:
        data = obj.data
        if data is None:
            obj.load()
            data = obj.data
        objects[_href(obj.url)] = CalendarObject(etag=_etag(obj), data=str(data))
    return CaldavFetch(objects=objects, sync_token=str(token), changed=objects != cached, full=True)


def _href(url: Any) -> str:
    try:
        return str(url.canonical().path)
    except Exception:
        from urllib.parse import urlsplit

        return urlsplit(str(url)).path


def _etag(obj: Any) -> str:
    props = getattr(obj, "props", None) or {}
    for key, value in props.items():
        if str(key).endswith("getetag"):
            return str(value)
    return ""


def _expired_token(exc: Exception) -> bool:
    text = str(getattr(exc, "preconditions", "")) + str(exc)
    return "valid-sync-token" in text


def _fetch_error(exc: BaseException, url: str) -> FetchError:
    """One line for whatever the library or the network raised."""
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or url
    from caldav.lib import error

    if isinstance(exc, error.AuthorizationError):
        return FetchError(f"{host} refused the credentials (not authorised)", auth=True)
    if isinstance(exc, error.NotFoundError):
        return FetchError(f"{host} has no calendar at {urlsplit(url).path or '/'} (not found)")
    chain: BaseException | None = exc
    while chain is not None:
        if isinstance(chain, ConnectionRefusedError):
            return FetchError(f"{host}: connection refused", offline=True)
        if isinstance(chain, TimeoutError) or "timed out" in str(chain).lower():
            return FetchError(f"{host}: timed out", offline=True)
        chain = chain.__cause__ or chain.__context__
    name = type(exc).__name__
    if "Connection" in name or "refused" in str(exc).lower():
        return FetchError(f"{host}: connection refused", offline=True)
    text = " ".join(str(exc).split())[:160] or name
    return FetchError(f"{host}: {text}")
