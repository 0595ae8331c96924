"""Calendars: an .ics file (or folder, or URL) read and prepared, merged into one calendar."""

from __future__ import annotations

from planner.calendar_import.importer import ImportReport, Prepared, merge_into
from planner.domain.document import Document


def import_calendar(
    document: Document,
    prepared: Prepared,
    calendar: str | None,
    *,
    executive: str | None = None,
) -> tuple[Document, ImportReport]:
    """The document with the `prepared` events merged into `calendar` (None: the calendar
    `choose_calendar` picks), and the report. Applied again to a fresher document it adds
    the same records (their ids were made when the calendar was read). The events are the
    executive's of id `executive` (None: the calendar's owner, else the first)."""
    return merge_into(
        document,
        prepared.read,
        prepared.window,
        calendar=calendar,
        source_name=prepared.source_name,
        event_ids=prepared.event_ids,
        executive=executive,
    )
