"""Putting a fully written temporary file in place of the real one, durably, per platform.

- POSIX: rename(2) over the old file, then fsync the directory so the rename itself
  survives a power cut.
- Windows: a directory cannot be opened to fsync; MoveFileExW with
  MOVEFILE_WRITE_THROUGH returns only once the move is on disk. A reader that has the
  old file open at that instant makes the move fail with a sharing violation for a
  moment, so the move is retried for up to `WINDOWS_RETRY` seconds.
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

from planner.storage import lock

MOVEFILE_REPLACE_EXISTING = 0x1
MOVEFILE_WRITE_THROUGH = 0x8
ERROR_ACCESS_DENIED = 5
ERROR_SHARING_VIOLATION = 32
ERROR_DISK_FULL = 112
ERROR_HANDLE_DISK_FULL = 39
WINDOWS_RETRY = 2.0
"""Seconds to retry a move that a reader's open handle refuses."""
_ERRNO = {
    ERROR_ACCESS_DENIED: errno.EACCES,
    ERROR_SHARING_VIOLATION: errno.EACCES,
    ERROR_DISK_FULL: errno.ENOSPC,
    ERROR_HANDLE_DISK_FULL: errno.ENOSPC,
}


def replace_durably(temp: Path, path: Path) -> None:
    """Move `temp` over `path`; when this returns, the new file is there after a crash."""
    if lock.WINDOWS:
        _replace_windows(temp, path)
        return
    os.replace(temp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace_windows(temp: Path, path: Path) -> None:
    flags = MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH
    deadline = time.monotonic() + WINDOWS_RETRY
    delay = 0.005
    while True:
        error = move_file_ex(str(temp), str(path), flags)
        if error == 0:
            return
        busy = error in (ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION)
        if not busy or time.monotonic() > deadline:
            code = _ERRNO.get(error, errno.EIO)
            raise OSError(code, f"{os.strerror(code)} (Windows error {error})", str(path))
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def move_file_ex(source: str, target: str, flags: int) -> int:
    """Windows' MoveFileExW: 0 on success, else the Windows error code."""
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]  # Windows-only API
    if kernel32.MoveFileExW(source, target, flags):
        return 0
    code: int = ctypes.get_last_error()  # type: ignore[attr-defined,unused-ignore]  # Windows-only API
    return code
