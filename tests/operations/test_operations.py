"""The operations both front ends call: pure, checked, and the same change when applied
twice (in memory, then under the store's lock to the freshest file)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pendulum
import pytest

from planner.calendar_import.importer import prepare_for
from planner.clock import Clock
from planner.domain import lifecycle
from planner.domain.document import Document
from planner.errors import InputError
from planner.operations.calendars import import_calendar
from planner.operations.events import delete_event, make_event, new_event
from planner.operations.followups import Move, add_followup, move_followup, note_on
from planner.operations.windows import make_window, mark_window, remove_window
from tests.storage.helpers import NOW, followup

HOLIDAY = Path(__file__).resolve().parents[1] / "calendar_import" / "fixtures" / "holidays.ics"


def test_an_event_needs_a_title_and_an_end_after_its_start() -> None:
    with pytest.raises(InputError, match="title is empty"):
        make_event(title=" \x07 ", start=NOW, end=NOW + timedelta(hours=1))
    with pytest.raises(InputError, match="must end after it starts"):
        make_event(title="Board", start=NOW, end=NOW)


def test_new_event_adds_the_same_record_to_any_document() -> None:
    event = make_event(title="Board", start=NOW, end=NOW + timedelta(hours=1))
    first, added = new_event(Document(), event)
    again, _ = new_event(Document(), event)
    assert first == again and first.events == (added,)
    assert delete_event(first, event.id) == (Document(), added)


def test_a_mark_is_checked_and_removed_by_its_prefix() -> None:
    with pytest.raises(InputError):
        make_window(start=NOW, end=NOW - timedelta(minutes=5), mark="window")
    window = make_window(start=NOW, end=NOW + timedelta(minutes=30), mark="block", note=" x ")
    document, _ = mark_window(Document(), window)
    assert document.windows[0].note == "x"
    assert remove_window(document, window.id[:4])[0].windows == ()


def test_an_import_applied_twice_adds_the_same_events() -> None:
    clock = Clock(fixed=pendulum.instance(NOW))
    prepared = prepare_for(
        Document(), clock, HOLIDAY.read_bytes(), source_name="holidays", what="holidays.ics"
    )
    in_memory, report = import_calendar(Document(), prepared, None)
    on_disk, _ = import_calendar(Document(), prepared, None)
    assert report.calendar == "holidays" and report.counts.added == len(in_memory.events) > 0
    assert in_memory == on_disk


def test_resolving_retires_the_briefs_asked_for_and_keeps_the_how_it_was_solved_brief() -> None:
    document, record = add_followup(Document(), followup("f-1"))
    document, escalated = move_followup(
        document, "f-1", Move("escalate", "urgent"), now=NOW, tz="Europe/Paris"
    )
    escalation = escalated.outcome.brief
    assert escalation is not None
    resolve = Move("resolve", "refund issued", retire=[escalation.id])
    document, moved = move_followup(document, "f-1", resolve, now=NOW, tz="Europe/Paris")
    assert moved.retired and [b.id for b in moved.about] == [escalation.id]
    briefs = {b.id: b for b in document.briefs}
    assert briefs[escalation.id].drop_reason == "follow-up resolved"
    assert moved.outcome.brief is not None and briefs[moved.outcome.brief.id].queued
    assert document.followups[0].status == "resolved" == moved.outcome.followup.status
    assert moved.before == escalated.outcome.followup and record.status == "open"


def test_closing_without_retiring_lists_the_briefs_still_queued() -> None:
    document, _ = add_followup(Document(), followup("f-1"))
    document, _ = move_followup(document, "f-1", Move("escalate"), now=NOW, tz="Europe/Paris")
    document, moved = move_followup(
        document, "f-1", Move("drop", "duplicate"), now=NOW, tz="Europe/Paris"
    )
    assert not moved.retired and [b.kind for b in moved.about] == ["escalation"]
    assert lifecycle.queued_briefs_about(document, "f-1")


def test_a_repeat_callers_line_notes_and_re_promises_the_open_matter() -> None:
    document, _ = add_followup(Document(), followup("f-1"))
    later = NOW + timedelta(days=1)
    document, noted = note_on(document, "f-1", "called again", NOW, later)
    assert noted.promised_by == later
    assert [entry.action for entry in noted.log][-2:] == ["note", "re-promised"]
