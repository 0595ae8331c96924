"""The store: round trips, permissions, backups, archives, migrations, bad files."""

from __future__ import annotations

import json
import os
import stat
from datetime import timedelta
from pathlib import Path

import msgspec
import pendulum
import pytest

from planner.clock import Clock
from planner.domain.document import Document
from planner.errors import DataFileError, StorageError
from planner.storage import SCHEMA_VERSION, Store
from tests.storage.helpers import NOW, add_followup, followup


def make_store(directory: Path, *, backup_interval: float = 3600.0, backups_kept: int = 5) -> Store:
    return Store(
        directory,
        clock=Clock(fixed=pendulum.instance(NOW)),
        backup_interval=backup_interval,
        backups_kept=backups_kept,
    )


def test_missing_file_loads_as_empty_document_without_creating_anything(data_dir: Path) -> None:
    store = make_store(data_dir)
    assert store.load() == Document()
    assert not data_dir.exists()


def test_update_round_trips_every_field(data_dir: Path) -> None:
    store = make_store(data_dir)
    record = followup("f-1", tags=("billing", "vip"), priority="high", channel="phone")
    store.update(add_followup(record))
    assert make_store(data_dir).load().followups == (record,)


def test_times_are_stored_as_iso_8601_with_offset(data_dir: Path) -> None:
    store = make_store(data_dir)
    store.update(add_followup(followup("f-1")))
    raw = json.loads((data_dir / "planner.json").read_text())
    assert raw["followups"][0]["promised_by"] == "2026-11-23T15:00:00+01:00"
    assert raw["schema_version"] == SCHEMA_VERSION
    assert set(raw) == {
        "schema_version",
        "settings",
        "executives",
        "events",
        "followups",
        "briefs",
        "windows",
        "closeouts",
    }


def test_new_directory_is_0700_and_file_is_0600(tmp_path: Path) -> None:
    directory = tmp_path / "fresh" / "data"
    os.umask(0o022)
    make_store(directory).update(add_followup(followup("f-1")))
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert stat.S_IMODE((directory / "planner.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((directory / "planner.lock").stat().st_mode) == 0o600


def test_unchanged_document_is_not_rewritten(data_dir: Path) -> None:
    store = make_store(data_dir)
    store.update(add_followup(followup("f-1")))
    before = store.signature()
    store.update(lambda document: document)
    assert store.signature() == before


def test_rolling_backups_keep_the_previous_versions(data_dir: Path) -> None:
    store = make_store(data_dir, backup_interval=0, backups_kept=3)
    for n in range(6):
        store.update(add_followup(followup(f"f-{n}")))
    backups = sorted((data_dir / "backups").glob("planner-*.json"))
    assert len(backups) == 3
    read = [Store(data_dir)._read(backup) for backup in backups]
    counts = sorted(len(document.followups) for document in read if document is not None)
    assert counts == [3, 4, 5]
    for backup in backups:
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_backups_are_taken_at_most_once_per_interval(data_dir: Path) -> None:
    store = make_store(data_dir, backup_interval=3600)
    for n in range(4):
        store.update(add_followup(followup(f"f-{n}")))
    assert len(list((data_dir / "backups").glob("planner-*.json"))) == 1


def test_version_0_document_is_migrated_on_load_and_saved_in_current_shape(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    fixture = Path(__file__).parent / "fixtures" / "version-0.json"
    (data_dir / "planner.json").write_bytes(fixture.read_bytes())
    store = make_store(data_dir)
    document = store.load()
    assert document.schema_version == SCHEMA_VERSION
    assert [f.customer for f in document.followups] == ["Maria Ortiz"]
    assert document.windows == () and document.closeouts == ()
    store.update(add_followup(followup("f-new")))
    raw = json.loads((data_dir / "planner.json").read_text())
    assert raw["schema_version"] == SCHEMA_VERSION
    assert [f["id"] for f in raw["followups"]] == ["f-0001", "f-new"]


def test_version_1_document_gains_assistant_name_and_calendars_on_load(data_dir: Path) -> None:
    """Written by the version-1 program: an event by hand and an imported calendar."""
    data_dir.mkdir(parents=True)
    fixture = Path(__file__).parent / "fixtures" / "version-1.json"
    (data_dir / "planner.json").write_bytes(fixture.read_bytes())
    store = make_store(data_dir)
    document = store.load()
    assert document.schema_version == SCHEMA_VERSION
    assert document.settings.assistant_name == ""
    assert document.settings.calendars == ()
    assert len(document.events) == 7
    assert {e.calendar for e in document.events} == {None, "work"}
    store.update(add_followup(followup("f-new")))
    raw = json.loads((data_dir / "planner.json").read_text())
    assert raw["schema_version"] == SCHEMA_VERSION
    assert raw["settings"]["calendars"] == []
    assert len(raw["events"]) == 7


def test_version_2_document_gains_event_attendees_on_load(data_dir: Path) -> None:
    """Written by the version-2 program: events by hand and imported, a subscription."""
    data_dir.mkdir(parents=True)
    fixture = Path(__file__).parent / "fixtures" / "version-2.json"
    (data_dir / "planner.json").write_bytes(fixture.read_bytes())
    store = make_store(data_dir)
    document = store.load()
    assert document.schema_version == SCHEMA_VERSION
    assert len(document.events) == 7
    assert all(e.attendees == () for e in document.events)
    assert [c.name for c in document.settings.calendars] == ["work"]
    assert document.settings.calendars[0].password_env == "WORK_PW"
    store.update(add_followup(followup("f-new")))
    raw = json.loads((data_dir / "planner.json").read_text())
    assert raw["schema_version"] == SCHEMA_VERSION
    assert all(e["attendees"] == [] for e in raw["events"])


def test_version_3_document_gains_the_quick_add_settings_on_load(data_dir: Path) -> None:
    """Written by the version-3 program: the executive's settings and one follow-up."""
    data_dir.mkdir(parents=True)
    fixture = Path(__file__).parent / "fixtures" / "version-3.json"
    (data_dir / "planner.json").write_bytes(fixture.read_bytes())
    store = make_store(data_dir)
    document = store.load()
    assert document.schema_version == SCHEMA_VERSION
    settings = document.settings
    assert (settings.workday_end, settings.own_organization) == ("17:30", "Globex")
    assert (settings.morning, settings.lunchtime, settings.afternoon, settings.evening) == (
        "11:00",
        "12:00",
        "16:00",
        "19:00",
    )
    assert (settings.asap_minutes, settings.date_order) == (60, None)
    assert [f.customer for f in document.followups] == ["Maria Ortiz"]
    store.update(add_followup(followup("f-new")))
    raw = json.loads((data_dir / "planner.json").read_text())
    assert raw["schema_version"] == SCHEMA_VERSION
    assert raw["settings"]["morning"] == "11:00"
    assert raw["settings"]["date_order"] is None
    assert [f["customer"] for f in raw["followups"]] == ["Maria Ortiz", "Maria Ortiz"]


def test_settled_history_moves_to_yearly_archives_and_history_merges_it(data_dir: Path) -> None:
    store = make_store(data_dir)
    old = followup(
        "f-old", status="resolved", resolution="refunded", updated=NOW - timedelta(days=400)
    )
    recent = followup(
        "f-recent", status="resolved", resolution="ok", updated=NOW - timedelta(days=2)
    )
    still_open = followup("f-open", promised_by=NOW - timedelta(days=90))
    for record in (old, recent, still_open):
        store.update(add_followup(record))
    live_ids = {f.id for f in store.load().followups}
    assert live_ids == {"f-recent", "f-open"}
    archive = data_dir / "archive" / "2025.json"
    assert [f["id"] for f in json.loads(archive.read_text())["followups"]] == ["f-old"]
    assert {f.id for f in store.history().followups} == {"f-old", "f-recent", "f-open"}


def test_write_failure_leaves_old_file_intact_and_no_temp_file(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store(data_dir)
    store.update(add_followup(followup("f-1")))
    before = (data_dir / "planner.json").read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)  # the module the store writes with
    with pytest.raises(StorageError, match="disk is full"):
        store.update(add_followup(followup("f-2")))
    assert (data_dir / "planner.json").read_bytes() == before
    assert [p.name for p in data_dir.iterdir() if p.name.endswith(".tmp")] == []


def test_stale_temp_file_from_a_killed_writer_is_cleaned_up(data_dir: Path) -> None:
    store = make_store(data_dir)
    store.update(add_followup(followup("f-1")))
    stale = data_dir / ".planner.json.999.deadbeef.tmp"
    stale.write_text('{"half": ')
    store.update(add_followup(followup("f-2")))
    assert not stale.exists()


BAD_FILES = {
    "bad JSON": (b'{"schema_version": 1, "followups": [}', "not valid JSON"),
    "truncated": (b'{"schema_version": 1, "settings": {"executive_na', "not valid JSON"),
    "binary": (bytes(range(256)) * 4, "not valid JSON"),
    "empty": (b"", "empty"),
    "not an object": (b"[1, 2, 3]", "Expected `object`"),
    "wrong type": (
        b'{"schema_version": 1, "followups": [{"id": 5}]}',
        "$.followups[0]",
    ),
    "naive time": (
        json.dumps(
            {
                "schema_version": 1,
                "followups": [
                    {
                        "id": "f-1",
                        "customer": "A",
                        "summary": "s",
                        "promised_by": "2026-11-23T15:00:00",
                        "created": "2026-11-23T09:00:00+01:00",
                        "updated": "2026-11-23T09:00:00+01:00",
                    }
                ],
            }
        ).encode(),
        "timezone",
    ),
    "unknown field": (b'{"schema_version": 1, "surprise": true}', "surprise"),
    "newer version": (b'{"schema_version": 99, "events": []}', "newer than this ea-planner"),
    "duplicate id": (
        json.dumps(
            {
                "schema_version": 1,
                "windows": [
                    {
                        "id": "w-1",
                        "start": "2026-11-23T14:00:00+01:00",
                        "end": "2026-11-23T15:00:00+01:00",
                    },
                    {
                        "id": "w-1",
                        "start": "2026-11-24T14:00:00+01:00",
                        "end": "2026-11-24T15:00:00+01:00",
                    },
                ],
            }
        ).encode(),
        "appears twice",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_unreadable_file_is_refused_and_never_overwritten(data_dir: Path, case: str) -> None:
    content, expected = BAD_FILES[case]
    data_dir.mkdir(parents=True)
    path = data_dir / "planner.json"
    path.write_bytes(content)
    store = make_store(data_dir)
    with pytest.raises(DataFileError) as caught:
        store.load()
    assert str(path) in caught.value.message
    assert expected.lower() in caught.value.message.lower()
    with pytest.raises(DataFileError):
        store.update(add_followup(followup("f-1")))
    assert path.read_bytes() == content
    assert not (data_dir / "backups").exists()


def test_bad_json_error_names_line_and_column(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "planner.json").write_text('{\n "schema_version": 1,\n "events": [,]\n}')
    with pytest.raises(DataFileError, match=r"line 3, column 13"):
        make_store(data_dir).load()


def test_document_encoding_is_stable_across_a_load_save_cycle(data_dir: Path) -> None:
    store = make_store(data_dir)
    store.update(add_followup(followup("f-1")))
    first = (data_dir / "planner.json").read_bytes()
    document = store.load()
    store.save(msgspec.structs.replace(document, followups=document.followups))
    assert (data_dir / "planner.json").read_bytes() == first


def test_closeout_summary_is_written_privately_and_replaced_on_rewrite(data_dir: Path) -> None:
    store = make_store(data_dir)
    path = store.write_summary("2026-11-23", "# Close-out\n\nfirst\n")
    assert path == data_dir / "closeouts" / "2026-11-23.md"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    store.write_summary("2026-11-23", "# Close-out\n\nsecond\n")
    assert path.read_text() == "# Close-out\n\nsecond\n"
