"""Archiving trusts the clock only as far as the document's own changes agree with it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import msgspec
import pendulum

from planner.clock import Clock
from planner.domain import Event
from planner.domain.document import Document
from planner.storage import Store
from planner.storage.archive import TRUSTED_HISTORY
from tests.storage.helpers import NOW, add_followup, followup

YEAR_AHEAD = NOW + timedelta(days=365)


def lived_in(data_dir: Path) -> Store:
    """Two months of an EA's work up to NOW: a follow-up resolved every day,
    one open, and this week's meetings."""
    resolved = tuple(
        followup(
            f"f-{n:02d}",
            status="resolved",
            resolution="done",
            created=NOW - timedelta(days=n + 1),
            updated=NOW - timedelta(days=n),
        )
        for n in range(60)
    )
    still_open = followup("f-open", promised_by=NOW + timedelta(days=2))
    events = tuple(
        Event(
            id=f"e-{day}",
            title=f"Staff meeting {day}",
            start=NOW + timedelta(days=day),
            end=NOW + timedelta(days=day, hours=1),
        )
        for day in range(-2, 5)
    )
    store = Store(data_dir, clock=Clock(fixed=pendulum.instance(NOW)))
    store.save(Document(followups=(*resolved, still_open), events=events))
    return store


def live_ids(store: Store) -> set[str]:
    document = store.load()
    return {f.id for f in document.followups} | {e.id for e in document.events}


def test_the_clock_archives_what_settled_by_it(data_dir: Path) -> None:
    store = lived_in(data_dir)
    # Changed more than 30 days ago: settled. This week's meetings and the open one stay.
    assert live_ids(store) == {f"f-{n:02d}" for n in range(31)} | {"f-open"} | {
        f"e-{day}" for day in range(-2, 5)
    }


def test_a_clock_a_year_fast_archives_none_of_the_days_the_ea_is_living(data_dir: Path) -> None:
    before = live_ids(lived_in(data_dir))
    jumped = Store(data_dir, clock=Clock(fixed=pendulum.instance(YEAR_AHEAD)))
    for n in range(TRUSTED_HISTORY - 1):
        # Each change is stamped with the wrong clock, as a real one would be.
        jumped.update(add_followup(followup(f"f-new-{n}", created=YEAR_AHEAD, updated=YEAR_AHEAD)))
        assert before <= live_ids(jumped), f"write {n + 1} archived live records"
    # Back to the right clock: the week is where the EA left it.
    assert before <= live_ids(Store(data_dir, clock=Clock(fixed=pendulum.instance(NOW))))
    assert {e.id for e in jumped.load().events} == {f"e-{day}" for day in range(-2, 5)}


def test_after_a_real_absence_archiving_resumes_once_work_has(data_dir: Path) -> None:
    lived_in(data_dir)
    later = NOW + timedelta(days=90)
    back = Store(data_dir, clock=Clock(fixed=pendulum.instance(later)))
    for n in range(TRUSTED_HISTORY):
        back.update(add_followup(followup(f"f-new-{n}", created=later, updated=later)))
    live = live_ids(back)
    assert not live & {f"f-{n:02d}" for n in range(60)}  # settled by now: archived
    assert "f-open" in live
    assert {f.id for f in back.history().followups} >= {f"f-{n:02d}" for n in range(60)}


def test_a_small_document_follows_the_clock(data_dir: Path) -> None:
    # Too little history to tell a jump: the clock decides, as before.
    store = Store(data_dir, clock=Clock(fixed=pendulum.instance(YEAR_AHEAD)))
    old = followup("f-old", status="resolved", resolution="done", updated=NOW)
    store.update(add_followup(old))
    assert store.load().followups == ()
    assert msgspec.to_builtins(store.history().followups)[0]["id"] == "f-old"
