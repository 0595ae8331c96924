"""Run the storage layer's Windows branch on this machine.

`install()` forces planner.storage.lock.WINDOWS, provides a `msvcrt` whose `locking`
behaves as Windows' does (a byte-range lock from the current position, refused at
once with OSError when another process holds it: emulated with fcntl.lockf, which
locks byte ranges the same way between processes), stands in for MoveFileExW with
os.replace, recording its flags, and makes `fcntl` unimportable afterwards, as it is
on Windows. Opening a directory fails with PermissionError, as it does there.
"""

from __future__ import annotations

import errno
import os
import types
from collections.abc import Callable
from typing import Any

MOVES: list[tuple[str, str, int]] = []
LOCKS: list[tuple[int, int, int]] = []

Patch = Callable[[Any, str, Any], None]


def fake_msvcrt() -> types.ModuleType:
    import fcntl

    lockf = fcntl.lockf
    modes = {"LK_UNLCK": 0, "LK_LOCK": 1, "LK_NBLCK": 2, "LK_RLCK": 3, "LK_NBRLCK": 4}
    module = types.ModuleType("msvcrt")
    for name, value in modes.items():
        setattr(module, name, value)
    exclusive, unlock, nonblocking = fcntl.LOCK_EX, fcntl.LOCK_UN, fcntl.LOCK_NB

    def locking(fd: int, mode: int, nbytes: int) -> None:
        LOCKS.append((fd, mode, nbytes))
        try:
            if mode == modes["LK_UNLCK"]:
                lockf(fd, unlock, nbytes, 0, os.SEEK_CUR)
            elif mode == modes["LK_NBLCK"]:
                lockf(fd, exclusive | nonblocking, nbytes, 0, os.SEEK_CUR)
            else:
                raise AssertionError(f"ea-planner only uses LK_NBLCK and LK_UNLCK, not {mode}")
        except BlockingIOError:
            # What Windows raises for a region another process has locked.
            raise OSError(errno.EACCES, "Permission denied") from None

    module.locking = locking  # type: ignore[attr-defined]  # ModuleType declares no attributes
    return module


def fake_move(outcomes: list[int] | None = None) -> Callable[[str, str, int], int]:
    """MoveFileExW: the next of `outcomes` (Windows error codes) first, then success."""
    pending = list(outcomes or [])

    def move(source: str, target: str, flags: int) -> int:
        MOVES.append((source, target, flags))
        if pending:
            return pending.pop(0)
        os.replace(source, target)
        return 0

    return move


def no_directories(real_open: Callable[..., int]) -> Callable[..., int]:
    def open_(path: Any, flags: int, mode: int = 0o777, *args: Any, **kw: Any) -> int:
        if os.path.isdir(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, mode, *args, **kw)

    return open_


def install(patch: Patch = setattr, modules: dict[str, Any] | None = None) -> None:
    """Force the Windows branch: with pytest's monkeypatch (setattr, setitem on
    sys.modules) in a test, or for good in a worker process."""
    import sys

    from planner.storage import lock, replace

    target = sys.modules if modules is None else modules
    target["msvcrt"] = fake_msvcrt()
    patch(lock, "WINDOWS", True)
    patch(replace, "move_file_ex", fake_move())
    patch(os, "open", no_directories(os.open))
    for name in ("chmod", "link", "utime"):
        patch(os, name, no_follow_symlinks_argument(getattr(os, name)))
    if modules is None:
        sys.modules["fcntl"] = None  # type: ignore[assignment]  # None makes `import fcntl` fail


def no_follow_symlinks_argument(call: Callable[..., Any]) -> Callable[..., Any]:
    """`call` as CPython before 3.13 has it on Windows: follow_symlinks=False is refused."""

    def windows_call(*args: Any, **kw: Any) -> Any:
        if kw.get("follow_symlinks") is False:
            raise NotImplementedError(
                f"{call.__name__}: follow_symlinks unavailable on this platform"
            )
        return call(*args, **kw)

    return windows_call
