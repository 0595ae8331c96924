"""Import one calendar's data into the document: the operation `import` and `sync` share.

Which calendar the events go into (`choose_calendar`), in this order:
1. the name given (`--calendar NAME`, a subscription's name);
2. the calendar that already holds most of these events (same UID and
   RECURRENCE-ID): the same calendar exported again under another file name
   (`calendar (1).ics`) updates it and never doubles it. When two calendars
   hold equally many of them, the user is asked to choose with --calendar;
3. the calendar's own name (X-WR-CALNAME, as Google and Outlook write it);
4. the name of the source: the file name without `.ics`, a vdir's
   `displayname` file or folder name, the last part of a URL's path.
Standard input has no name of its own: without 1–3 the user is asked for one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

import msgspec

from planner.calendar_import.imported import CalendarRead, ImportedEvent, Skipped
from planner.calendar_import.kinds import People
from planner.calendar_import.merge import Key, MergeCounts, merge_calendar
from planner.calendar_import.reader import import_range
from planner.domain.base import new_id
from planner.errors import InputError
from planner.humanize import counted
from planner.text import clean_line

if TYPE_CHECKING:
    from planner.clock import Clock
    from planner.config import Settings
    from planner.domain.document import Document
    from planner.storage import Store

MAX_SKIPPED_SHOWN = 50


class Window(msgspec.Struct, frozen=True):
    """The import window: series are expanded in [start, end), in the executive's zone."""

    zone_name: str
    zone: tzinfo
    start: datetime
    end: datetime


class ImportReport(msgspec.Struct, frozen=True, kw_only=True):
    """What an import did to one calendar; `lines()` is how every front end says it."""

    calendar: str
    counts: MergeCounts
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...]
    cancelled: int
    outside: int
    window: Window

    def summary(self) -> str:
        """One line: the counts."""
        c = self.counts
        return (
            f'calendar "{self.calendar}": added {c.added}, updated {c.updated}, '
            f"removed {c.removed}, skipped {len(self.skipped)}"
        )

    def lines(self) -> list[str]:
        w = self.window
        lines = [
            f"{self.summary()} (from {w.start.date().isoformat()} to "
            f"{w.end.date().isoformat()}, {w.zone_name})"
        ]
        if self.cancelled:
            lines.append(
                f"  cancelled: {counted(self.cancelled, 'occurrence')} marked "
                "STATUS:CANCELLED (not on the schedule)"
            )
        if self.outside:
            lines.append(
                f"  outside the import window: {counted(self.outside, 'event')} entirely before "
                f"{w.start.date().isoformat()} or from {w.end.date().isoformat()} on "
                "(settings import_days_back / import_days_ahead)"
            )
        for item in self.skipped[:MAX_SKIPPED_SHOWN]:
            uid = f"UID {item.uid}" if item.uid else "no UID"
            summary = f', "{item.summary}"' if item.summary else ""
            lines.append(f"  skipped: {item.reason} ({uid}{summary})")
        if len(self.skipped) > MAX_SKIPPED_SHOWN:
            lines.append(f"  … and {len(self.skipped) - MAX_SKIPPED_SHOWN} more skipped")
        lines.extend(f"  note: {note}" for note in self.notes)
        return lines


def import_window(settings: Settings, clock: Clock) -> Window:
    """The window of settings.import_days_back / import_days_ahead around today."""
    from zoneinfo import ZoneInfo

    from planner.config import executive_zone

    zone_name = executive_zone(settings)
    try:
        zone = ZoneInfo(zone_name)
    except (ValueError, KeyError, OSError):
        raise InputError(f"the executive's time zone {zone_name!r} is unknown") from None
    today = clock.now().astimezone(zone).date()
    start, end = import_range(
        today, zone, days_back=settings.import_days_back, days_ahead=settings.import_days_ahead
    )
    return Window(zone_name, zone, start, end)


def calendar_owner(document: Document, name: str) -> str:
    """The id of the executive whose calendar `name` is: its subscription's, else that of
    the events it holds, else the first executive's."""
    for subscription in document.settings.calendars:
        if subscription.name == name:
            return document.owner(subscription.executive)
    for event in document.events:
        if event.calendar == name:
            return document.owner(event.executive)
    return document.first_executive_id


def _one_on_one(document: Document, executive_id: str) -> str:
    for candidate in document.roster:
        if candidate.id == executive_id:
            return candidate.one_on_one
    return ""


def with_one_on_one(events: Sequence[ImportedEvent], title: str) -> Sequence[ImportedEvent]:
    """The events, those titled `title` (the EA's standing one-on-one with the executive,
    case and spacing aside) made one-on-ones with the EA."""
    wanted = " ".join(title.split()).casefold()
    if not wanted:
        return events
    return [
        msgspec.structs.replace(e, kind="one-on-one", with_ea=True)
        if " ".join(e.title.split()).casefold() == wanted
        else e
        for e in events
    ]


def people(settings: Settings) -> People:
    """The names that recognise a one-on-one with the EA."""
    return People(executive=settings.executive_name, assistant=settings.assistant_name)


def choose_calendar(
    document: Document, read: CalendarRead, *, given: str | None, source_name: str | None
) -> str:
    """The calendar the events go into; see the module doc."""
    if given is not None:
        name = clean_line(given)
        if not name:
            raise InputError("the calendar name is empty; give one with --calendar NAME")
        return name
    keys = {(e.uid, e.recurrence_id) for e in read.events}
    held = Counter(
        e.calendar
        for e in document.events
        if e.calendar is not None and (e.uid, e.recurrence_id) in keys
    )
    if held:
        ranked = held.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            tied = sorted(name for name, count in ranked if count == ranked[0][1])
            raise InputError(
                "these events are already in the calendars "
                + ", ".join(f'"{n}"' for n in tied)
                + "; say which one with --calendar NAME"
            )
        return ranked[0][0]
    for candidate in (read.name, source_name):
        if candidate and clean_line(candidate):
            return clean_line(candidate)
    raise InputError("the calendar has no name; give one with --calendar NAME")


def merge_read(
    store: Store,
    read: CalendarRead,
    window: Window,
    *,
    calendar: str | None,
    source_name: str | None,
    cancelled: Callable[[], bool] | None = None,
    executive: str | None = None,
) -> ImportReport:
    """Merge what was read into the document (one locked write); the report.
    `cancelled`, asked under the lock just before the write, stops it (ImportCancelled).
    `executive`: see `merge_into`."""

    def change(document: Document) -> tuple[Document, ImportReport]:
        if cancelled is not None and cancelled():
            from planner.calendar_import.imported import ImportCancelled

            raise ImportCancelled()
        return merge_into(
            document,
            read,
            window,
            calendar=calendar,
            source_name=source_name,
            event_ids={},
            executive=executive,
        )

    _, report = store.transact(change)
    return report


def merge_into(
    document: Document,
    read: CalendarRead,
    window: Window,
    *,
    calendar: str | None,
    source_name: str | None,
    event_ids: Mapping[Key, str],
    executive: str | None = None,
) -> tuple[Document, ImportReport]:
    """The document with what was read merged into its calendar (`choose_calendar`), and the
    report. A new event takes its id from `event_ids` when there: the same merge applied
    again (in memory, then on disk) adds the same records. The events are the schedule of
    the executive of id `executive`; None: the executive whose calendar of that name it is
    (subscription or events), else the first."""
    name = choose_calendar(document, read, given=calendar, source_name=source_name)
    owner = executive or calendar_owner(document, name)
    merged, counts = merge_calendar(
        document,
        name,
        with_one_on_one(read.events, _one_on_one(document, owner)),
        start=window.start,
        end=window.end,
        ids=event_ids,
        executive=owner,
    )
    report = ImportReport(
        calendar=name,
        counts=counts,
        skipped=read.skipped,
        notes=read.notes,
        cancelled=read.cancelled,
        outside=read.outside,
        window=window,
    )
    return merged, report


class Prepared(msgspec.Struct, frozen=True, kw_only=True):
    """Data read and ready to merge: the dashboard asks which calendar in between."""

    read: CalendarRead
    window: Window
    source_name: str | None
    suggested: str | None
    """The calendar `choose_calendar` would pick with no name given (None: it would ask)."""
    event_ids: dict[Key, str] = {}
    """An id for each event read, made once: see `merge_into`."""


def prepare(
    store: Store,
    clock: Clock,
    data: bytes,
    *,
    source_name: str | None,
    what: str,
    cancelled: Callable[[], bool] | None = None,
    executive: str | None = None,
) -> Prepared:
    """Read iCalendar `data` in the import window; `what` names the source in a refusal.
    `executive`: see `prepare_for`."""
    return prepare_for(
        store.load(),
        clock,
        data,
        source_name=source_name,
        what=what,
        cancelled=cancelled,
        executive=executive,
    )


def prepare_for(
    document: Document,
    clock: Clock,
    data: bytes,
    *,
    source_name: str | None,
    what: str,
    cancelled: Callable[[], bool] | None = None,
    executive: str | None = None,
) -> Prepared:
    """`prepare` against `document` (the dashboard's, in memory), in the zone of the
    executive of id `executive` (None: the first)."""
    from planner.calendar_import.imported import NotICalendar
    from planner.calendar_import.reader import read_ics

    settings = document.rules_for(executive)
    window = import_window(settings, clock)
    try:
        read = read_ics(
            data,
            zone=window.zone,
            start=window.start,
            end=window.end,
            people=people(settings),
            cancelled=cancelled,
        )
    except NotICalendar as exc:
        raise InputError(
            f"{what} is not an iCalendar file: {exc.reason}; nothing was imported"
        ) from None
    try:
        suggested: str | None = choose_calendar(document, read, given=None, source_name=source_name)
    except InputError:
        suggested = None
    event_ids: dict[Key, str] = {(e.uid, e.recurrence_id): new_id("e") for e in read.events}
    return Prepared(
        read=read,
        window=window,
        source_name=source_name,
        suggested=suggested,
        event_ids=event_ids,
    )


def joined(parts: Sequence[bytes]) -> bytes:
    """Several .ics files (a vdir) as one stream of VCALENDARs."""
    return (
        b"\r\n".join(part.removeprefix(b"\xef\xbb\xbf").rstrip(b"\r\n") for part in parts) + b"\r\n"
    )
