"""An exclusive lock on a lock file that is never deleted.

flock(2) locks belong to the open file: when a process dies, even by kill -9,
the kernel releases its lock, so a stale lock can never block anyone.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from planner.errors import LockTimeout, StorageError


@contextmanager
def exclusive(path: Path, *, timeout: float = 15.0) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created 0600 if missing) for the block."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StorageError(f"cannot open the lock file {path}: {exc.strerror}") from None
    try:
        deadline = time.monotonic() + timeout
        delay = 0.002
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockTimeout(
                        f"another ea-planner process has held {path} for {timeout:.0f} s; "
                        "try again in a moment"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
