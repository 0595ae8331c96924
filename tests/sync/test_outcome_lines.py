"""What a sync says it did, with counts that read right for one thing as for several."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from planner.calendar_import.importer import ImportReport, Window
from planner.calendar_import.merge import MergeCounts
from planner.sync.run import SyncOutcome

ZONE = ZoneInfo("Europe/Paris")


def report(cancelled: int = 0, outside: int = 0) -> ImportReport:
    return ImportReport(
        calendar="Board",
        counts=MergeCounts(added=1, updated=0, removed=0),
        skipped=(),
        notes=(),
        cancelled=cancelled,
        outside=outside,
        window=Window(
            zone_name="Europe/Paris",
            zone=ZONE,
            start=datetime(2026, 11, 1, tzinfo=ZONE),
            end=datetime(2027, 2, 1, tzinfo=ZONE),
        ),
    )


def test_one_object_of_one_reads_in_the_singular() -> None:
    lines = SyncOutcome(name="Board", report=report(), parsed=1, objects=1).lines()
    assert lines[-1] == "  parsed 1 of 1 event"
    lines = SyncOutcome(name="Board", report=report(), parsed=0, objects=2).lines()
    assert lines[-1] == "  parsed 0 of 2 events (2 unchanged since the last sync)"


def test_one_cancelled_occurrence_and_one_event_outside_read_in_the_singular() -> None:
    lines = report(cancelled=1, outside=1).lines()
    assert lines[1].startswith("  cancelled: 1 occurrence marked STATUS:CANCELLED")
    assert lines[2].startswith("  outside the import window: 1 event entirely before")
    lines = report(cancelled=2, outside=3).lines()
    assert lines[1].startswith("  cancelled: 2 occurrences marked")
    assert lines[2].startswith("  outside the import window: 3 events entirely before")
