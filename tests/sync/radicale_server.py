"""A real Radicale CalDAV server for the tests: 127.0.0.1, a free port, a throw-away folder."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

USER = "dana"
PASSWORD = "s3cret-horse"


@dataclass
class Radicale:
    base: str
    """http://127.0.0.1:PORT"""
    folder: Path
    process: subprocess.Popen[bytes]

    def calendar_url(self, name: str = "work") -> str:
        return f"{self.base}/{USER}/{name}/"

    def new_calendar(self, name: str = "work") -> Any:
        """A new, empty calendar on the server, made through CalDAV (as a phone would)."""
        from caldav.davclient import DAVClient

        client = DAVClient(url=self.base + "/", username=USER, password=PASSWORD)
        principal = client.principal()  # type: ignore[no-untyped-call]  # caldav: unannotated
        return principal.make_calendar(name=name, cal_id=name)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"radicale exited: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("radicale did not start within 30 s")


@contextmanager
def radicale(folder: Path) -> Iterator[Radicale]:
    """Run Radicale with one htpasswd user (USER / PASSWORD) while the block runs."""
    folder.mkdir(parents=True, exist_ok=True)
    users = folder / "users"
    users.write_text(f"{USER}:{PASSWORD}\n")
    log = folder / "radicale.log"
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "radicale",
        "--server-hosts",
        f"127.0.0.1:{port}",
        "--storage-filesystem-folder",
        str(folder / "collections"),
        "--auth-type",
        "htpasswd",
        "--auth-htpasswd-filename",
        str(users),
        "--auth-htpasswd-encryption",
        "plain",
        "--rights-type",
        "owner_only",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    server = Radicale(f"http://127.0.0.1:{port}", folder, process)
    try:
        _wait_for(port, process, log)
        yield server
    finally:
        server.stop()
