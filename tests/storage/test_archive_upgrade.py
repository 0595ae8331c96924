"""An archive year written at an older schema is migrated once, on the first read of the
history, and written back (atomically, under the lock, the old file kept in backups/):
later reads decode it as it is, never migrating it again."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import planner.storage.document as stored
from planner.domain.document import Document
from planner.errors import DataFileError
from planner.storage import SCHEMA_VERSION, Store
from planner.storage.lock import exclusive
from planner.storage.migrate import migrate

FIXTURE = Path(__file__).parent / "fixtures" / "version-5.json"


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir, archive=False)
    store.save(Document())
    archive = data_dir / "archive"
    archive.mkdir(mode=0o700)
    (archive / "2025.json").write_bytes(FIXTURE.read_bytes())
    return store


@pytest.fixture
def migrations(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The schema_version of each document migrated on load."""
    seen: list[int] = []
    real = migrate

    def counting(raw: Any) -> Any:
        seen.append(raw.get("schema_version", 0))
        return real(raw)

    monkeypatch.setattr(stored, "migrate", counting)
    yield seen


def followup_ids(document: Document) -> set[str]:
    return {f.id for f in document.followups}


def test_an_old_archive_is_migrated_once_and_written_back(
    store: Store, migrations: list[int]
) -> None:
    archive = store.archive_dir / "2025.json"
    original = archive.read_bytes()
    expected = json.loads(original)["followups"]
    first = store.history()
    assert migrations == [5]
    assert followup_ids(first) == {f["id"] for f in expected} and expected
    assert json.loads(archive.read_bytes())["schema_version"] == SCHEMA_VERSION
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    kept = store.backup_dir / "archive-2025-schema5.json"
    assert kept.read_bytes() == original
    # Every later read (the filter, `history`, search) decodes it as it is.
    second = store.history()
    third = store.history()
    assert migrations == [5]
    assert second == first == third
    assert not list(store.archive_dir.glob(".*.tmp"))


def test_with_the_lock_held_elsewhere_the_read_neither_waits_nor_writes(
    store: Store, migrations: list[int]
) -> None:
    archive = store.archive_dir / "2025.json"
    original = archive.read_bytes()
    with exclusive(store.lock_path):
        document = store.history()
    assert followup_ids(document)
    assert archive.read_bytes() == original  # left for a later read
    assert not store.backup_dir.joinpath("archive-2025-schema5.json").exists()
    store.history()
    assert json.loads(archive.read_bytes())["schema_version"] == SCHEMA_VERSION
    assert migrations == [5, 5]


def test_a_broken_archive_is_refused_and_never_rewritten(store: Store) -> None:
    archive = store.archive_dir / "2025.json"
    broken = archive.read_bytes()[:-40]
    archive.write_bytes(broken)
    with pytest.raises(DataFileError) as caught:
        store.history()
    assert "2025.json" in str(caught.value)
    assert archive.read_bytes() == broken


def test_a_current_archive_is_read_without_writing(data_dir: Path) -> None:
    store = Store(data_dir, archive=False)
    store.save(Document())
    store.history()  # nothing archived: nothing to read
    archive = data_dir / "archive"
    archive.mkdir(mode=0o700)
    (archive / "2026.json").write_bytes(stored.encode(Document()))
    before = (archive / "2026.json").stat().st_mtime_ns
    store.history()
    assert (archive / "2026.json").stat().st_mtime_ns == before
    assert not store.backup_dir.exists() or not list(store.backup_dir.glob("archive-*"))
