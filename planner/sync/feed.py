"""Fetch a published .ics feed over http, https or webcal, politely and within limits.

- Conditional GET: the ETag and Last-Modified of the last good fetch go back as
  If-None-Match / If-Modified-Since, so an unchanged feed costs one 304 and no
  parsing.
- `webcal://` is https (Google and Outlook publish over TLS).
- gzip and deflate are accepted; the body is read in pieces and refused past
  MAX_FEED_BYTES, before and after decompression.
- Every failure is a FetchError with one line for the user: the host, and
  what went wrong (refused, timed out, HTTP 404, not authorised, too large).

Only the standard library is used: urllib is already imported by Python's
start-up machinery in part, and a feed needs nothing more.
"""

from __future__ import annotations

import base64
import socket
import zlib
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from urllib.response import addinfourl

MAX_FEED_BYTES = 64 * 1024 * 1024
"""A published calendar is megabytes; past this the fetch is refused."""

TIMEOUT = 20.0
"""Seconds to wait for the server to connect or to send the next piece."""

USER_AGENT = "ea-planner (calendar subscription)"

_CHUNK = 256 * 1024


class FetchError(Exception):
    """A fetch that failed; `message` is one line for the user."""

    def __init__(self, message: str, *, auth: bool = False, offline: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.auth = auth
        """The server refused the credentials (401/403)."""
        self.offline = offline
        """The server could not be reached (refused, timed out, no such host)."""


class Feed(msgspec.Struct, frozen=True, kw_only=True):
    """The answer to one fetch: `body` is None when the feed has not changed (304)."""

    body: bytes | None
    etag: str = ""
    last_modified: str = ""


def http_url(url: str) -> str:
    """The URL to request: webcal:// becomes https://."""
    scheme, sep, rest = url.partition("://")
    if sep and scheme.lower() == "webcal":
        return "https://" + rest
    return url


def is_url(text: str) -> bool:
    """Whether `text` is an http, https or webcal URL (not a file path)."""
    scheme, sep, rest = text.strip().partition("://")
    return bool(sep) and scheme.lower() in ("http", "https", "webcal") and bool(rest)


def check_url(url: str) -> str | None:
    """Why `url` cannot be a feed address, or None."""
    from urllib.parse import urlsplit

    if not is_url(url):
        return f"{url!r} is not an http://, https:// or webcal:// address"
    try:
        parts = urlsplit(http_url(url))
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        return f"{url!r} is not a valid address: {exc}"
    if not parts.hostname:
        return f"{url!r} has no host name"
    if parts.password:
        return (
            "the address holds a password; leave it out and give --password-command "
            "or a password environment variable instead"
        )
    return None


def fetch_feed(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    username: str = "",
    password: str | None = None,
    timeout: float = TIMEOUT,
    limit: int = MAX_FEED_BYTES,
) -> Feed:
    """GET the feed, conditionally; see the module doc. Raises FetchError."""
    import http.client
    import urllib.error
    import urllib.request
    from urllib.parse import urlsplit

    target = http_url(url)
    host = urlsplit(target).hostname or target
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/calendar, */*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    if username or password:
        token = base64.b64encode(f"{username}:{password or ''}".encode()).decode("ascii")
        headers["Authorization"] = "Basic " + token
    request = urllib.request.Request(target, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = _read(response, limit, host)
            encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
            new_etag = response.headers.get("ETag") or ""
            new_modified = response.headers.get("Last-Modified") or ""
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Feed(body=None, etag=etag, last_modified=last_modified)
        if exc.code in (401, 403):
            raise FetchError(
                f"{host} refused the credentials (HTTP {exc.code})", auth=True
            ) from None
        raise FetchError(f"{host} answered HTTP {exc.code} {exc.reason}".rstrip()) from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{host}: {_reason(exc.reason)}", offline=True) from None
    except TimeoutError:
        raise FetchError(f"{host}: timed out after {timeout:g} s", offline=True) from None
    except OSError as exc:
        raise FetchError(f"{host}: {_reason(exc)}", offline=True) from None
    except http.client.HTTPException as exc:
        raise FetchError(
            f"{host}: the answer broke off ({type(exc).__name__}); nothing was changed",
            offline=True,
        ) from None
    except ValueError as exc:
        raise FetchError(f"{url!r} is not a valid address: {exc}") from None
    return Feed(
        body=_decompress(body, encoding, limit, host), etag=new_etag, last_modified=new_modified
    )


def _read(response: addinfourl, limit: int, host: str) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise FetchError(f"{host}: the calendar is larger than {_size(limit)}")
    pieces: list[bytes] = []
    size = 0
    while True:
        piece = response.read(_CHUNK)
        if not piece:
            return b"".join(pieces)
        size += len(piece)
        if size > limit:
            raise FetchError(f"{host}: the calendar is larger than {_size(limit)}")
        pieces.append(piece)


def _decompress(body: bytes, encoding: str, limit: int, host: str) -> bytes:
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return body
    wbits = 16 + zlib.MAX_WBITS if encoding != "deflate" else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        data = inflater.decompress(body, limit + 1)
    except zlib.error:
        try:  # some servers send raw deflate
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            data = inflater.decompress(body, limit + 1)
        except zlib.error:
            raise FetchError(f"{host}: the compressed answer is damaged") from None
    if len(data) > limit:
        raise FetchError(f"{host}: the calendar is larger than {_size(limit)}")
    return data


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, OSError) and reason.strerror:
        return str(reason.strerror).lower()
    text = str(reason).strip()
    return text.splitlines()[0] if text else "the connection failed"
