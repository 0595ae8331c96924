"""A real HTTP server on 127.0.0.1 serving one .ics feed with ETag and Last-Modified."""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Feed:
    """What the server serves, and what it saw (status of each answer, request headers)."""

    body: bytes = b""
    last_modified: str = "Mon, 23 Nov 2026 08:00:00 GMT"
    gzip: bool = False
    status: int = 200
    """Answer every request with this status instead (e.g. 500) when not 200."""
    statuses: list[int] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    url: str = ""

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


def _handler(feed: Feed) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            feed.headers.append(dict(self.headers.items()))
            if feed.status != 200:
                self.answer(feed.status)
                return
            if self.headers.get("If-None-Match") == feed.etag:
                self.answer(304)
                return
            body = feed.body
            self.send_response(200)
            feed.statuses.append(200)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("ETag", feed.etag)
            self.send_header("Last-Modified", feed.last_modified)
            if feed.gzip and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def answer(self, status: int) -> None:
            feed.statuses.append(status)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            if status == 304:
                self.send_header("ETag", feed.etag)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(feed: Feed, path: str = "/calendars/work/basic.ics") -> Iterator[Feed]:
    """Serve `feed` at http://127.0.0.1:PORT/PATH on a free port while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(feed))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    feed.url = f"http://127.0.0.1:{server.server_address[1]}{path}"
    try:
        yield feed
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
