"""The data and config directories against other local users: modes, owners, planted links,
and files that are not files (a FIFO or a device must never hang or eat memory)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pendulum
import pytest

from planner.clock import Clock
from planner.errors import DataFileError, PlannerError
from planner.storage import Store
from planner.storage.files import DataDirError, check_private_dir, read_regular
from tests.storage.helpers import NOW, add_followup, followup

ROOT = Path(__file__).resolve().parents[2]


def make_store(directory: Path, *, backups_kept: int = 5) -> Store:
    return Store(
        directory,
        clock=Clock(fixed=pendulum.instance(NOW)),
        backup_interval=0,
        backups_kept=backups_kept,
    )


def cli(*argv: str, env: dict[str, str] | None = None, timeout: float = 20) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "planner", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )
    return result.returncode, result.stderr


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722, 0o1777])
def test_data_dir_others_can_write_to_is_refused_with_how_to_fix(tmp_path: Path, mode: int) -> None:
    directory = tmp_path / "data"
    directory.mkdir()
    directory.chmod(mode)
    with pytest.raises(DataDirError) as caught:
        make_store(directory).update(add_followup(followup("f-1")))
    assert caught.value.exit_status == 2
    assert f"chmod 700 {directory}" in caught.value.message
    assert "\n" not in caught.value.message
    assert list(directory.iterdir()) == []
    with pytest.raises(DataDirError):
        make_store(directory).load()


def test_cli_refuses_a_world_writable_data_dir_with_exit_2_and_one_line(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    directory.mkdir()
    directory.chmod(0o777)
    status, err = cli("--data-dir", str(directory), "add", "Maria: refund by 3pm")
    assert status == 2
    assert err.count("\n") == 1 and "chmod 700" in err
    assert "Traceback" not in err
    assert list(directory.iterdir()) == []


def test_cli_refuses_a_world_writable_config_dir_before_the_dashboard_starts(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    config.chmod(0o777)
    status, err = cli("--config-dir", str(config), "--data-dir", str(tmp_path / "data"))
    assert status == 2
    assert "configuration directory" in err and f"chmod 700 {config}" in err


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a directory to another user")
def test_data_dir_owned_by_another_user_is_refused(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    directory.mkdir(mode=0o700)
    os.chown(directory, 65534, 65534)
    with pytest.raises(DataDirError, match="belongs to another user"):
        make_store(directory).load()


def test_private_dir_check_passes_for_0700_and_0755(tmp_path: Path) -> None:
    for mode in (0o700, 0o755):
        directory = tmp_path / f"d{mode:o}"
        directory.mkdir()
        directory.chmod(mode)
        check_private_dir(directory, "data")


def test_missing_parents_are_created_0700_whatever_the_umask(tmp_path: Path) -> None:
    directory = tmp_path / "a" / "b" / "data"
    old = os.umask(0)
    try:
        make_store(directory).update(add_followup(followup("f-1")))
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", directory):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE((directory / "planner.json").stat().st_mode) == 0o600


def test_a_planted_lock_link_never_creates_a_file_outside(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    directory.mkdir(mode=0o700)
    outside = tmp_path / "victim"
    (directory / "planner.lock").symlink_to(outside)
    with pytest.raises(PlannerError, match="symbolic link"):
        make_store(directory).update(add_followup(followup("f-1")))
    assert not outside.exists()
    assert not (directory / "planner.json").exists()


def test_stale_temp_cleanup_never_deletes_through_a_linked_archive(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    store = make_store(directory)
    store.update(add_followup(followup("f-1")))
    outside = tmp_path / "outside"
    outside.mkdir()
    precious = outside / ".precious.tmp"
    precious.write_text("keep me")
    (directory / "archive").symlink_to(outside)
    with pytest.raises(PlannerError, match="symbolic link"):
        store.update(add_followup(followup("f-2")))
    assert precious.read_text() == "keep me"


def test_backup_rotation_never_deletes_through_a_linked_backups_dir(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    store = make_store(directory, backups_kept=1)
    store.update(add_followup(followup("f-1")))
    outside = tmp_path / "outside"
    outside.mkdir()
    for n in range(3):
        (outside / f"planner-2000010{n}.json").write_text("keep me")
    (directory / "backups").symlink_to(outside)
    with pytest.raises(PlannerError, match="symbolic link"):
        store.update(add_followup(followup("f-2")))
    assert sorted(p.name for p in outside.iterdir()) == [
        "planner-20000100.json",
        "planner-20000101.json",
        "planner-20000102.json",
    ]


def test_closeout_summary_never_goes_through_a_linked_closeouts_dir(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    store = make_store(directory)
    store.update(add_followup(followup("f-1")))
    outside = tmp_path / "outside"
    outside.mkdir()
    (directory / "closeouts").symlink_to(outside)
    with pytest.raises(PlannerError, match="symbolic link"):
        store.write_summary("2026-11-23", "# Close-out\n")
    assert list(outside.iterdir()) == []


def test_a_linked_planner_json_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    make_store(directory).update(add_followup(followup("f-1")))
    target = tmp_path / "elsewhere.json"
    (directory / "planner.json").rename(target)
    (directory / "planner.json").symlink_to(target)
    before = target.stat()
    with pytest.raises(DataFileError, match="symbolic link"):
        make_store(directory).update(add_followup(followup("f-2")))
    after = target.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert not (directory / "backups").exists() or not any(
        p.is_symlink() for p in (directory / "backups").iterdir()
    )


def test_planner_json_as_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    directory.mkdir(mode=0o700)
    os.mkfifo(directory / "planner.json", 0o600)
    status, err = cli("--data-dir", str(directory), "today", timeout=20)
    assert status == 2
    assert "not a regular file" in err


def test_planner_json_linked_to_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    directory.mkdir(mode=0o700)
    (directory / "planner.json").symlink_to("/dev/zero")
    status, err = cli("--data-dir", str(directory), "today", timeout=20)
    assert status == 2
    assert "planner.json" in err


def test_preferences_as_a_fifo_is_reported_not_waited_on(tmp_path: Path) -> None:
    from planner import preferences

    config = tmp_path / "config"
    config.mkdir(mode=0o700)
    os.mkfifo(config / "preferences.toml", 0o600)
    outcome: list[BaseException | object] = []

    def load() -> None:
        try:
            outcome.append(preferences.load(config / "preferences.toml"))
        except BaseException as exc:
            outcome.append(exc)

    # A thread, so that a regression fails this test instead of hanging the suite.
    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert outcome, "reading a FIFO as preferences.toml hung"
    assert isinstance(outcome[0], DataFileError)
    assert "not a regular file" in outcome[0].message


def test_read_regular_caps_what_it_reads(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 1000)
    assert read_regular(path, limit=1000) == b"x" * 1000
    with pytest.raises(DataFileError, match="larger than"):
        read_regular(path, limit=999)
    with pytest.raises(DataFileError, match="not a regular file"):
        read_regular(Path("/dev/zero"), limit=10, follow_symlinks=True)
