"""The dashboard's session undo against another process on the same data (no Textual)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import msgspec
import pendulum
import pytest

from planner.clock import Clock
from planner.domain import lifecycle
from planner.domain.document import Document
from planner.storage import Store
from planner.storage.patch import UndoConflict
from planner.ui.session import Session
from tests.storage.helpers import NOW, followup


def _waiting() -> tuple[
    list[object],
    threading.Event,
    Callable[[Document], None],
    Callable[[BaseException], None],
]:
    results: list[object] = []
    done = threading.Event()

    def saved(document: Document) -> None:
        results.append(document)
        done.set()

    def failed(error: BaseException) -> None:
        results.append(error)
        done.set()

    return results, done, saved, failed


def test_undo_asks_when_another_process_changed_the_same_field(data_dir: Path) -> None:
    store = Store(data_dir, clock=Clock(fixed=pendulum.instance(NOW)))
    store.update(lambda d: msgspec.structs.replace(d, followups=(followup("f-a"),)))
    session = Session(store, Clock(fixed=pendulum.instance(NOW)))
    results, done, saved, failed = _waiting()

    def mine(document: Document) -> Document:
        (f,) = document.followups
        later = lifecycle.repromise(f, NOW + timedelta(days=1), NOW)
        return msgspec.structs.replace(document, followups=(later,))

    session.apply(mine, on_saved=saved, on_failed=failed)
    assert done.wait(10)

    def theirs(document: Document) -> Document:
        (f,) = document.followups
        later = lifecycle.repromise(f, NOW + timedelta(days=3), NOW + timedelta(minutes=1))
        return msgspec.structs.replace(document, followups=(later,))

    store.update(theirs)  # another process, not seen by the session yet
    results.clear()
    done.clear()
    assert session.undo(on_saved=saved, on_failed=failed)
    assert done.wait(10)
    assert isinstance(results[0], UndoConflict)
    assert "promised_by" in results[0].message
    assert store.load().followups[0].promised_by == NOW + timedelta(days=3)
    assert session.undo_patch is not None  # kept, to ask and then force

    session.document = store.load()
    with pytest.raises(UndoConflict):
        session.undo(on_saved=saved, on_failed=failed)
    results.clear()
    done.clear()
    assert session.undo(on_saved=saved, on_failed=failed, force=True)
    assert done.wait(10)
    assert store.load().followups[0].promised_by == followup("f-a").promised_by
    session.close()
