"""The single writer of the data directory.

Every change goes through `Store.update`: take the lock, re-read the document,
apply the change, write it atomically and durably. Readers never lock: a rename
is atomic, so they see the old document or the new one, never a mix.

Layout of the data directory:

    planner.json          the live document (settings, open and recent records)
    planner.lock          the lock file (never deleted)
    archive/YYYY.json     settled history, same shape as planner.json
    backups/              a few rolling copies of earlier planner.json versions, and each
                          archive year as it was before it was migrated to a newer schema
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import msgspec

from planner.clock import Clock
from planner.domain.document import SCHEMA_VERSION, Document
from planner.errors import DataFileError, StorageError
from planner.storage.archive import merge, split_settled
from planner.storage.document import decode, encode, schema_of
from planner.storage.files import (
    check_private_dir,
    make_private_dir,
    read_regular,
    real_dir,
    without_following,
)
from planner.storage.lock import exclusive
from planner.storage.replace import replace_durably

FILE_NAME = "planner.json"
LOCK_NAME = "planner.lock"
BACKUP_DIR = "backups"
ARCHIVE_DIR = "archive"
CLOSEOUT_DIR = "closeouts"

T = TypeVar("T")
_BINARY = getattr(os, "O_BINARY", 0)


class Store:
    """Loads and saves one data directory."""

    def __init__(
        self,
        directory: Path,
        *,
        clock: Clock | None = None,
        backup_interval: float = 3600.0,
        backups_kept: int = 5,
        archive: bool = True,
    ) -> None:
        self.directory = Path(directory)
        self.path = self.directory / FILE_NAME
        self.lock_path = self.directory / LOCK_NAME
        self.backup_dir = self.directory / BACKUP_DIR
        self.archive_dir = self.directory / ARCHIVE_DIR
        self.clock = clock or Clock.from_env()
        self.backup_interval = backup_interval
        """Seconds between two backups: at most one backup per interval of writes."""
        self.backups_kept = backups_kept
        self.archive = archive
        """Move settled history into archive files on write (see planner.storage.archive)."""

    # -- reading -----------------------------------------------------------

    def exists(self) -> bool:
        return self.path.exists()

    def check_directory(self) -> None:
        """Refuse (DataDirError, exit 2) a data directory another user owns or may write to."""
        check_private_dir(self.directory, "data")

    def load(self) -> Document:
        """The live document; an empty one when the file does not exist yet."""
        self.check_directory()
        return self._read(self.path) or Document()

    def signature(self) -> tuple[int, int, int] | None:
        """Changes whenever planner.json is replaced: for watching other processes' writes."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise DataFileError(self.path, exc.strerror or str(exc)) from None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def archive_paths(self) -> list[Path]:
        if not real_dir(self.archive_dir):
            return []
        return sorted(self.archive_dir.glob("[0-9][0-9][0-9][0-9].json"))

    def history(self) -> Document:
        """Everything: the archives and the live document merged (live records win)."""
        live = self.load()
        read = map(self._read_archive, self.archive_paths())
        archives = [doc for doc in read if doc is not None]
        return merge(live, archives)

    def _read_archive(self, path: Path) -> Document | None:
        """An archive year; one written at an older schema is migrated once and written back
        (see `_upgrade_archive`), so that later reads decode it as it is."""
        try:
            data = read_regular(path)
        except FileNotFoundError:
            return None
        document = decode(data, path)
        version = schema_of(data)
        if version is not None and version < SCHEMA_VERSION:
            self._upgrade_archive(path, data, version, document)
        return document

    def _upgrade_archive(self, path: Path, data: bytes, version: int, document: Document) -> None:
        """Write an archive year read at an older schema `version` (`document`, migrated from
        `data`) back in the current one, as the next save does for planner.json: under the
        lock, atomically, keeping the file as it was in backups/archive-YYYY-schemaN.json.
        A reader never waits for this: when another process holds the lock (or the directory
        cannot be written) the archive stays as it is, read correctly, and a later read
        upgrades it."""
        try:
            with exclusive(self.lock_path, timeout=0):
                current = read_regular(path)
                if current != data:
                    return  # rewritten meanwhile (archiving into it upgrades it too)
                make_private_dir(self.backup_dir)
                kept = self.backup_dir / f"archive-{path.stem}-schema{version}.json"
                if not os.path.lexists(kept):
                    atomic_write(kept, current)
                atomic_write(path, encode(document))
        except (OSError, StorageError, DataFileError):
            return  # a read must not fail because the upgrade could not be written

    def _read(self, path: Path) -> Document | None:
        try:
            data = read_regular(path)
        except FileNotFoundError:
            return None
        return decode(data, path)

    # -- writing -----------------------------------------------------------

    def update(self, change: Callable[[Document], Document]) -> Document:
        """Apply `change` to the freshest document under the lock and save the result."""
        document, _ = self.transact(lambda doc: (change(doc), None))
        return document

    def transact(self, change: Callable[[Document], tuple[Document, T]]) -> tuple[Document, T]:
        """Like `update`, for a change that also returns a value (e.g. the new record)."""
        self._ensure_directory()
        with exclusive(self.lock_path):
            self._remove_stale_temp_files()
            current = self.load()
            changed, result = change(current)
            if changed is current:
                return current, result
            if self.archive:
                changed = self._archive_settled(changed)
            self._backup()
            atomic_write(self.path, encode(changed))
            return changed, result

    def save(self, document: Document) -> Document:
        """Replace the whole document (bulk tools such as the dataset generator)."""
        return self.update(lambda _current: document)

    def write_summary(self, date: str, markdown: str) -> Path:
        """Save a close-out summary as closeouts/YYYY-MM-DD.md, atomically; return its path."""
        self._ensure_directory()
        with exclusive(self.lock_path):
            return self.write_summary_locked(date, markdown)

    def write_summary_locked(self, date: str, markdown: str) -> Path:
        """`write_summary` for a caller that already holds the lock (inside `transact`)."""
        from planner.text import for_terminal

        folder = self.directory / CLOSEOUT_DIR
        make_private_dir(folder)
        path = folder / f"{date}.md"
        atomic_write(path, for_terminal(markdown).encode("utf-8"))
        return path

    def _ensure_directory(self) -> None:
        self.check_directory()
        make_private_dir(self.directory, link_ok=True)

    def _remove_stale_temp_files(self) -> None:
        # Under the lock no other writer is active: any temp file left is from a killed one.
        # Entries are unlinked, never followed, and only inside real directories.
        for folder, pattern in (
            (self.directory, f".{FILE_NAME}.*.tmp"),
            (self.archive_dir, ".*.tmp"),
        ):
            if folder != self.directory and not real_dir(folder):
                continue
            for stale in folder.glob(pattern):
                with contextlib.suppress(OSError):
                    stale.unlink()

    def _backup(self) -> None:
        """Keep the document being replaced, at most once per `backup_interval`."""
        if not os.path.lexists(self.path):
            return
        exists = real_dir(self.backup_dir)
        backups = sorted(self.backup_dir.glob("planner-*.json")) if exists else []
        if backups and time.time() - backups[-1].stat().st_mtime < self.backup_interval:
            return
        make_private_dir(self.backup_dir)
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime()) + f"-{time.time_ns() % 10**9:09d}"
        target = self.backup_dir / f"planner-{stamp}.json"
        try:
            # The live file is about to be replaced by a rename, so a hard link keeps
            # the old version without copying a byte.
            without_following(os.link, self.path, target)
            without_following(os.utime, target)
        except OSError:
            try:
                atomic_write(target, read_regular(self.path))
            except (OSError, StorageError, DataFileError):
                return  # a missed backup must not stop the save itself
        for old in sorted(self.backup_dir.glob("planner-*.json"))[: -self.backups_kept]:
            with contextlib.suppress(OSError):
                old.unlink()

    def _archive_settled(self, document: Document) -> Document:
        now = self.clock.now()
        live, moved = split_settled(document, now)
        if not moved:
            return document
        make_private_dir(self.archive_dir)
        for year, records in sorted(moved.items()):
            path = self.archive_dir / f"{year}.json"
            existing = self._read(path) or Document(settings=document.settings)
            incoming = msgspec.structs.replace(existing, **records)
            updated = merge(incoming, [existing])
            atomic_write(path, encode(updated))
        return live


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a crash at any instant leaves the old or the new file."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        # O_BINARY: Windows would otherwise write every newline as CRLF.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        replace_durably(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        reason = exc.strerror or str(exc)
        if exc.errno == errno.ENOSPC:
            reason = "the disk is full"
        elif exc.errno == errno.EROFS:
            reason = "the file system is read-only"
        raise StorageError(
            f"cannot save {path}: {reason}; the previous version is intact"
        ) from None


__all__ = ["Document", "Store", "atomic_write", "make_private_dir"]
