"""An exclusive lock on a lock file that is never deleted.

On POSIX systems, flock(2): the lock belongs to the open file, and when a process
dies, even by kill -9, the kernel releases it, so a stale lock can never block anyone.
On Windows, msvcrt.locking on the file's first byte: Windows likewise releases a
process's byte-range locks when it ends. Each platform's module is imported only there.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from planner.errors import DataFileError, LockTimeout, StorageError

WINDOWS = os.name == "nt"
"""Which branch locks (and, in planner.storage.store, replaces files); tests force it."""


@contextmanager
def exclusive(path: Path, *, timeout: float = 15.0) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created 0600 if missing) for the block."""
    try:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
        flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DataFileError(
                path, "it is a symbolic link; remove it (ea-planner makes its own lock file)"
            ) from None
        raise StorageError(f"cannot open the lock file {path}: {exc.strerror}") from None
    windows = WINDOWS
    try:
        deadline = time.monotonic() + timeout
        delay = 0.002
        while not (_try_lock_windows(fd) if windows else _try_lock_posix(fd)):
            if time.monotonic() > deadline:
                raise LockTimeout(
                    f"another ea-planner process has held {path} for {timeout:.0f} s; "
                    "try again in a moment"
                )
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        try:
            yield
        finally:
            if windows:
                _unlock_windows(fd)
            else:
                _unlock_posix(fd)
    finally:
        os.close(fd)


def _try_lock_posix(fd: int) -> bool:
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock_posix(fd: int) -> None:
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _try_lock_windows(fd: int) -> bool:
    import msvcrt

    # msvcrt.locking locks bytes from the current position: always the first byte, which
    # may lie past the end of the (empty) lock file — Windows allows that.
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]  # Windows-only API
    except OSError:
        return False
    return True


def _unlock_windows(fd: int) -> None:
    import msvcrt

    os.lseek(fd, 0, os.SEEK_SET)
    msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined,unused-ignore]  # Windows-only API
