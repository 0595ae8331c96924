"""The storage layer with its Windows branch forced (see fake_windows.py): msvcrt locking,
MoveFileExW with write-through instead of rename + directory fsync, retries while a
reader holds the file, and fcntl never touched."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner.errors import LockTimeout, StorageError
from planner.storage import Store, lock, replace
from planner.storage.lock import exclusive
from tests.storage import fake_windows
from tests.storage.helpers import add_followup, followup

ROOT = Path(__file__).resolve().parents[2]
WRITE_THROUGH = replace.MOVEFILE_REPLACE_EXISTING | replace.MOVEFILE_WRITE_THROUGH


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    def refuse(*args: object) -> None:
        raise AssertionError("flock called on the Windows branch")

    monkeypatch.setattr(fcntl, "flock", refuse)
    monkeypatch.setitem(sys.modules, "msvcrt", fake_windows.fake_msvcrt())
    monkeypatch.setattr(lock, "WINDOWS", True)
    monkeypatch.setattr(replace, "move_file_ex", fake_windows.fake_move())
    monkeypatch.setattr(os, "open", fake_windows.no_directories(os.open))
    for name in ("chmod", "link", "utime"):
        monkeypatch.setattr(os, name, fake_windows.no_follow_symlinks_argument(getattr(os, name)))
    fake_windows.MOVES.clear()
    fake_windows.LOCKS.clear()


def test_the_store_works_end_to_end_on_the_windows_branch(windows: None, data_dir: Path) -> None:
    store = Store(data_dir, backup_interval=0)
    for n in range(3):
        store.update(add_followup(followup(f"f-{n}")))
    summary = store.write_summary("2026-11-23", "# Close-out\n")
    assert [f.id for f in Store(data_dir).load().followups] == ["f-0", "f-1", "f-2"]
    assert summary.read_text() == "# Close-out\n"
    assert len(list((data_dir / "backups").glob("planner-*.json"))) == 2
    # Every file was put in place by a write-through move, none by rename + fsync.
    targets = [Path(target).name for _, target, _ in fake_windows.MOVES]
    assert targets == ["planner.json"] * 3 + ["2026-11-23.md"]
    assert {flags for _, _, flags in fake_windows.MOVES} == {WRITE_THROUGH}
    # The lock: the first byte, non-blocking, released after each write.
    assert [(mode, size) for _, mode, size in fake_windows.LOCKS] == [(2, 1), (0, 1)] * 4
    assert not list(data_dir.glob(".*.tmp"))


def test_a_move_a_reader_holds_up_is_retried(
    windows: None, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(data_dir)
    store.update(add_followup(followup("f-1")))
    refusals = [replace.ERROR_SHARING_VIOLATION, replace.ERROR_ACCESS_DENIED]
    monkeypatch.setattr(replace, "move_file_ex", fake_windows.fake_move(refusals))
    fake_windows.MOVES.clear()
    store.update(add_followup(followup("f-2")))
    assert len(fake_windows.MOVES) == 3
    assert [f.id for f in store.load().followups] == ["f-1", "f-2"]


def test_a_full_disk_leaves_the_old_file_and_says_so(
    windows: None, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(data_dir)
    store.update(add_followup(followup("f-1")))
    before = store.path.read_bytes()
    monkeypatch.setattr(replace, "move_file_ex", fake_windows.fake_move([replace.ERROR_DISK_FULL]))
    with pytest.raises(StorageError, match="the disk is full; the previous version is intact"):
        store.update(add_followup(followup("f-2")))
    assert store.path.read_bytes() == before
    assert not list(data_dir.glob(".*.tmp"))


def test_a_file_held_open_for_too_long_is_given_up_on(
    windows: None, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(data_dir)
    store.update(add_followup(followup("f-1")))
    monkeypatch.setattr(replace, "WINDOWS_RETRY", 0.05)
    forever = [replace.ERROR_SHARING_VIOLATION] * 10_000
    monkeypatch.setattr(replace, "move_file_ex", fake_windows.fake_move(forever))
    with pytest.raises(StorageError, match=r"Windows error 32\); the previous version is intact"):
        store.update(add_followup(followup("f-2")))
    assert [f.id for f in store.load().followups] == ["f-1"]


WORKER = """
import sys, time
from tests.storage import fake_windows
fake_windows.install()
from planner.storage import Store
from planner.storage.lock import exclusive
from tests.storage.helpers import add_followup, followup
store = Store(sys.argv[2])
if sys.argv[1] == "hold":
    with exclusive(store.lock_path):
        print("held", flush=True)
        time.sleep(float(sys.argv[3]))
else:
    for n in range(int(sys.argv[3])):
        store.update(add_followup(followup(f"f-{sys.argv[1]}-{n}")))
    print("done", flush=True)
"""


def worker(*argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, *argv],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_the_lock_excludes_another_process_on_the_windows_branch(
    windows: None, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    holder = worker("hold", str(data_dir), "3")
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    started = time.monotonic()
    with pytest.raises(LockTimeout), exclusive(data_dir / "planner.lock", timeout=0.3):
        pass
    assert time.monotonic() - started >= 0.3
    holder.wait(timeout=30)
    with exclusive(data_dir / "planner.lock", timeout=5):
        pass  # released when its holder ended


def test_processes_on_the_windows_branch_lose_no_update(data_dir: Path) -> None:
    procs = [worker(str(w), str(data_dir), "10") for w in range(3)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out == "done\n"
    ids = {f.id for f in Store(data_dir).load().followups}
    assert ids == {f"f-{w}-{n}" for w in range(3) for n in range(10)}
