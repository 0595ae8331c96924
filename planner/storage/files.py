"""Files and folders other local users cannot trick us with.

The data and config directories hold customer names and phone numbers. A
directory someone else owns or can write to lets them plant symbolic links, so
it is refused outright. Inside a private directory the program still never
follows a link for what it creates, rotates or deletes (`O_NOFOLLOW`, `lstat`),
and it reads only regular files: a FIFO would block forever and a device such
as /dev/zero would never end.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from planner.errors import DataFileError, InputError


class DataDirError(InputError):
    """A data or config directory that is not private to this user (exit 2)."""


def check_private_dir(path: Path, what: str) -> None:
    """Refuse `path` if it exists and another user owns it or may write to it.

    `what` names it for the message ("data", "configuration"). The directory
    itself may be a symbolic link the user made; its target is what is checked.
    """
    if not hasattr(os, "geteuid"):  # Windows: no POSIX owner and mode bits to check
        return
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DataDirError(
            f"cannot use the {what} directory {path}: {exc.strerror or exc}"
        ) from None
    if not stat.S_ISDIR(st.st_mode):
        raise DataDirError(f"the {what} directory {path} is not a directory")
    if st.st_uid != os.geteuid():
        raise DataDirError(
            f"the {what} directory {path} belongs to another user (uid {st.st_uid}); "
            "use a directory of your own"
        )
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise DataDirError(
            f"the {what} directory {path} is writable by other users "
            f"(mode {stat.S_IMODE(st.st_mode):o}); make it private with: chmod 700 {path}"
        )


def real_dir(path: Path) -> bool:
    """Whether `path` is a directory (never through a link); False when it is missing."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise DataFileError(path, exc.strerror or str(exc)) from None
    if stat.S_ISLNK(st.st_mode):
        raise DataFileError(
            path,
            "it is a symbolic link; ea-planner never follows links inside its data "
            "directory: remove the link",
        )
    if not stat.S_ISDIR(st.st_mode):
        raise DataFileError(path, "it is not a directory")
    return True


def make_private_dir(path: Path, *, link_ok: bool = False) -> None:
    """Create `path` and its missing parents 0700, whatever the umask; never through a link.

    `link_ok`: `path` itself may be a link to a directory (a data or config directory the
    user placed elsewhere); folders inside them never may."""
    if link_ok and os.path.isdir(path):
        return
    if real_dir(path):
        return
    missing: list[Path] = []
    current = path
    while not os.path.lexists(current):
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    from planner.errors import StorageError

    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        except OSError as exc:
            raise StorageError(
                f"cannot create the directory {folder}: {exc.strerror or exc}"
            ) from None
        real_dir(folder)
        without_following(os.chmod, folder, 0o700)


def without_following(call: Callable[..., object], *args: object) -> None:
    """`call(*args, follow_symlinks=False)`; where the platform cannot refuse to follow
    (Windows before Python 3.13 raises NotImplementedError), the plain call."""
    try:
        call(*args, follow_symlinks=False)
    except NotImplementedError:
        call(*args)


_CHUNK = 1 << 20
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_regular(path: Path, *, limit: int | None = None, follow_symlinks: bool = False) -> bytes:
    """The bytes of a regular file, at most `limit` of them (else DataFileError).

    Raises FileNotFoundError when it does not exist, DataFileError when it is a
    link (unless `follow_symlinks`), a FIFO, a device or a directory, or unreadable.
    """
    flags = os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    if not follow_symlinks:
        flags |= _NOFOLLOW
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if not follow_symlinks and (
            exc.errno == errno.ELOOP or (_NOFOLLOW == 0 and os.path.islink(path))
        ):
            raise DataFileError(
                path,
                "it is a symbolic link; ea-planner replaces this file on every save, so keep "
                "the real file here (or point --data-dir at the folder that holds it)",
            ) from None
        raise DataFileError(path, exc.strerror or str(exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise DataFileError(path, "it is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise DataFileError(path, "it is not a regular file (a pipe or a device?)")
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return read_capped(fd, path, limit)
    finally:
        os.close(fd)


def read_capped(fd: int, path: Path, limit: int | None) -> bytes:
    """Everything `fd` yields, refusing (DataFileError) more than `limit` bytes: a size is
    counted by reading, never trusted from `stat`."""
    parts: list[bytes] = []
    total = 0
    while True:
        want = _CHUNK if limit is None else min(_CHUNK, limit + 1 - total)
        try:
            part = os.read(fd, want)
        except OSError as exc:
            raise DataFileError(path, exc.strerror or str(exc)) from None
        if not part:
            break
        parts.append(part)
        total += len(part)
        if limit is not None and total > limit:
            raise DataFileError(path, f"it is larger than {_size(limit)}")
    return b"".join(parts)


def _size(limit: int) -> str:
    if limit >= 1 << 20:
        return f"{limit >> 20} MB"
    if limit >= 1 << 10:
        return f"{limit >> 10} KB"
    return f"{limit} bytes"


__all__ = ["DataDirError", "check_private_dir", "make_private_dir", "read_regular", "real_dir"]
