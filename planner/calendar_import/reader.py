"""Read an iCalendar file into imported events: parse, expand series, convert times.

`icalendar` parses (it maps Outlook's Windows zone names and resolves VTIMEZONE
definitions), `x_wr_timezone.to_standard` turns Google's X-WR-TIMEZONE into RFC
5545 form, and `recurring_ical_events.of(...).between(start, end)` expands
series with RRULE, RDATE, EXDATE and moved instances (RECURRENCE-ID). This
module only decides what to keep and converts the result:

- Every time is returned aware, in the executive's zone. Floating times (no
  zone, no X-WR-TIMEZONE) and TZIDs nobody knows are read as wall-clock time in
  the executive's zone. All-day events start and end at midnight there.
- No DTEND: DURATION is used; otherwise a date-only event lasts one day and a
  date-time event has no length (RFC 5545, 3.6.1). An all-day event whose
  DTEND equals its DTSTART lasts one day.
- The key of an event is (UID, recurrence id). A single event has no
  recurrence id, so moving it updates it. Every instance of a series has one:
  its RECURRENCE-ID for a moved instance, else its original start; both are
  written in UTC (`2026-11-24T13:00:00Z`), as a date (`2026-11-24`) for
  all-day series, or as wall-clock time for floating series.
- An event without UID gets a stable one made from its start, title and
  location (`no-uid-…`).
- Each series is expanded on its own, so a bad one (no DTSTART, an unreadable
  date, a broken RRULE, anything the libraries raise) is skipped and reported
  and the rest imports. A rule that repeats more often than hourly, or more
  than MAX_OCCURRENCES times in the range, is skipped as well.
- A file that fails to parse as a whole is read again one VEVENT at a time, so
  one damaged event does not sink the file. Only a file with no
  `BEGIN:VCALENDAR` line at all (or binary data) is not iCalendar.
- Titles and locations go through `clean_line`, descriptions through
  `clean_text` (at most MAX_DESCRIPTION characters); markup stays verbatim.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from planner.calendar_import.components import (
    Skip,
    all_values,
    as_written,
    attendees_of,
    categories_of,
    ends_before,
    is_dense,
    message_of,
    normalize,
    reason_of,
    recurrence_key,
    sequence_of,
    shortened,
    shown_people,
    skip_ahead,
    text_of,
    to_zone,
    uid_of,
    warning_note,
)
from planner.calendar_import.ics_text import (
    block_field,
    decode,
    drop_broken_zones,
    split_calendars,
    tzids,
    wrap,
)
from planner.calendar_import.imported import (
    MAX_DESCRIPTION,
    MAX_EVENTS_PER_IMPORT,
    MAX_OCCURRENCES,
    MAX_REPORTED_NOTES,
    NO_TITLE,
    CalendarRead,
    ImportCancelled,
    ImportedEvent,
    Skipped,
)
from planner.calendar_import.kinds import NO_PEOPLE, People, guess_kind
from planner.text import clean_line, clean_text


def import_range(
    today: date, zone: tzinfo, *, days_back: int, days_ahead: int
) -> tuple[datetime, datetime]:
    """Midnight `days_back` days before today to midnight `days_ahead` days after it."""
    start = datetime.combine(today - timedelta(days=days_back), time(0), tzinfo=zone)
    end = datetime.combine(today + timedelta(days=days_ahead), time(0), tzinfo=zone)
    return normalize(start, zone), normalize(end, zone)


def read_ics(
    data: bytes,
    *,
    zone: tzinfo,
    start: datetime,
    end: datetime,
    people: People = NO_PEOPLE,
    cancelled: Callable[[], bool] | None = None,
) -> CalendarRead:
    """Every event of the file that overlaps [start, end), in `zone`; see the module doc.

    `people` (the executive's and the assistant's names) recognises one-on-ones.
    """
    text, notes = decode(data)
    text, broken = drop_broken_zones(text)
    notes.extend(
        f"time zone {name!r} changes its offset more often than yearly; it was ignored "
        "and its times were read as the executive's local time"
        for name in broken
    )
    reader = _Reader(zone, start, end, people)
    reader.cancelled_by = cancelled
    reader.notes.extend(notes)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for calendar in reader.parse(text):
            reader.read_calendar(calendar)
    for warning in caught:
        reader.note(warning_note(str(warning.message)))
    return CalendarRead(
        events=tuple(reader.events),
        skipped=tuple(reader.skipped),
        notes=tuple(reader.notes[:MAX_REPORTED_NOTES]),
        cancelled=reader.cancelled,
        outside=reader.outside,
        name=reader.name,
    )


class _Reader:
    """The state of one read: collected events, skipped items and notes."""

    def __init__(self, zone: tzinfo, start: datetime, end: datetime, people: People) -> None:
        self.zone = zone
        self.start = start
        self.end = end
        self.people = people
        self.cancelled = 0
        self.outside = 0
        self.cancelled_by: Callable[[], bool] | None = None
        """Asked between series: True stops the read (ImportCancelled)."""
        self.full = False
        """The import reached MAX_EVENTS_PER_IMPORT: every further series is skipped."""
        self.name = ""
        self.events: list[ImportedEvent] = []
        self.skipped: list[Skipped] = []
        self.notes: list[str] = []
        self.keys: set[tuple[str, str | None]] = set()

    def note(self, message: str) -> None:
        if message and message not in self.notes:
            self.notes.append(message)

    def skip(self, uid: str, summary: str, reason: str) -> None:
        self.skipped.append(Skipped(uid=uid, summary=shortened(summary), reason=reason))

    # -- parsing -----------------------------------------------------------

    def parse(self, text: str) -> list[Any]:
        """The VCALENDARs of the file; read event by event when the whole fails."""
        import icalendar

        try:
            components = icalendar.Calendar.from_ical(text, multiple=True)
            calendars = [c for c in components if c.name == "VCALENDAR"]
        except Exception as exc:
            self.note(f"the file is damaged ({message_of(exc)}); it was read one event at a time")
            return self.salvage(text)
        if not calendars:
            self.note(
                "the file is damaged (VCALENDAR not closed?); it was read one event at a time"
            )
            return self.salvage(text)
        return calendars

    def salvage(self, text: str) -> list[Any]:
        """Parse each VEVENT block on its own, with the VTIMEZONEs that parse."""
        import icalendar

        calendars = []
        for chunk in split_calendars(text):
            # Each event is parsed with only the zones it names: handing every event every
            # zone made a damaged file with many of both quadratic (134 s for 364 KB).
            zones: dict[str, list[str]] = {}
            for block in chunk.timezones:
                try:
                    icalendar.Calendar.from_ical(wrap([block]))
                except Exception:
                    continue
                zones.setdefault(block_field(block, "TZID"), block)
            calendar = icalendar.Calendar()
            if chunk.x_wr_timezone:
                calendar.add("X-WR-TIMEZONE", chunk.x_wr_timezone)
            for block in chunk.events:
                uid, summary = block_field(block, "UID"), block_field(block, "SUMMARY")
                if not block[-1].upper().startswith("END:VEVENT"):
                    self.skip(uid, summary, "the VEVENT is not closed (END:VEVENT missing)")
                    continue
                named = [zones[t] for t in tzids(block) if t in zones]
                try:
                    parsed = icalendar.Calendar.from_ical(wrap([*named, block]))
                    events = parsed.walk("VEVENT")
                except Exception as exc:
                    self.skip(uid, summary, f"it cannot be parsed: {message_of(exc)}")
                    continue
                for event in events:
                    calendar.add_component(event)
            calendars.append(calendar)
        return calendars

    # -- expanding ---------------------------------------------------------

    def read_calendar(self, calendar: Any) -> None:
        if not self.name:
            self.name = clean_line(text_of(calendar, "X-WR-CALNAME"))
        x_wr = self.x_wr_timezone(calendar)
        groups: dict[str, list[Any]] = {}
        for component in calendar.walk("VEVENT"):
            groups.setdefault(uid_of(component), []).append(component)
        for uid, components in groups.items():
            if self.cancelled_by is not None and self.cancelled_by():
                raise ImportCancelled()
            self.read_series(uid, components, x_wr)

    def x_wr_timezone(self, calendar: Any) -> tzinfo | None:
        """Google's calendar-wide zone, when the calendar has a usable one."""
        value = calendar.get("X-WR-TIMEZONE")
        if value is None:
            return None
        if isinstance(value, list):
            value = value[0] if value else ""
        name = str(value).strip()
        if not name:
            return None
        from icalendar.timezone import tzp

        try:
            zone: tzinfo | None = tzp.timezone(name)
        except Exception:
            zone = None
        if zone is None:
            self.note(f"X-WR-TIMEZONE {clean_line(name)!r} is unknown; it was ignored")
        return zone

    def read_series(self, uid: str, components: list[Any], x_wr: tzinfo | None) -> None:
        """Expand the components sharing one UID (a series and its moved instances)."""
        import icalendar
        import recurring_ical_events
        import x_wr_timezone

        shown = uid if clean_line(text_of(components[0], "UID")) else ""
        good = []
        for component in components:
            problem = self.check(component)
            if problem:
                self.skip(shown, text_of(component, "SUMMARY"), problem)
            else:
                good.append(component)
        good = self.one_master(shown, good)
        if not good:
            return
        summary = text_of(good[0], "SUMMARY")
        if self.full:
            self.over_limit(shown, summary)
            return
        is_series = len(good) > 1 or any(
            name in c for c in good for name in ("RRULE", "RDATE", "RECURRENCE-ID")
        )

        def query_from(moment: datetime) -> Any:
            """The series with every rule's start skipped ahead to just before `moment`."""
            for component in good:
                skip_ahead(component, moment)
            calendar = icalendar.Calendar()
            for component in good:
                calendar.add_component(component)
            if x_wr is not None:
                calendar = x_wr_timezone.to_standard(calendar, timezone=x_wr)
            return recurring_ical_events.of(calendar)

        try:
            dense = any(is_dense(c) for c in good)
            if dense:
                occurrences = self.capped(query_from)
            else:
                occurrences = query_from(self.start).between(self.start, self.end)
        except Skip as exc:
            self.skip(shown, summary, str(exc))
            return
        except Exception as exc:
            self.skip(shown, summary, reason_of(exc))
            return
        if len(self.events) + len(occurrences) > MAX_EVENTS_PER_IMPORT:
            self.over_limit(shown, summary)
            return
        if not occurrences:
            self.outside += 1
        for occurrence in occurrences:
            if text_of(occurrence, "STATUS").strip().upper() == "CANCELLED":
                self.cancelled += 1
                continue
            try:
                event = self.convert(occurrence, uid, is_series)
            except Skip as exc:
                self.skip(shown, text_of(occurrence, "SUMMARY"), str(exc))
                continue
            except Exception as exc:
                self.skip(
                    shown, text_of(occurrence, "SUMMARY"), f"it cannot be read: {message_of(exc)}"
                )
                continue
            key = (event.uid, event.recurrence_id)
            if key in self.keys:
                self.skip(shown, event.title, "another event has the same UID and RECURRENCE-ID")
                continue
            self.keys.add(key)
            self.events.append(event)

    def one_master(self, shown: str, components: list[Any]) -> list[Any]:
        """At most one component without RECURRENCE-ID per UID: the one with the highest
        SEQUENCE (the later one on a tie) stays, the others are reported as skipped."""
        masters = [c for c in components if "RECURRENCE-ID" not in c]
        if len(masters) < 2:
            return components
        kept = max(reversed(masters), key=sequence_of)
        for component in masters:
            if component is not kept:
                self.skip(
                    shown,
                    text_of(component, "SUMMARY"),
                    "another event has the same UID and no RECURRENCE-ID "
                    "(the one with the highest SEQUENCE was kept)",
                )
        return [c for c in components if c is kept or "RECURRENCE-ID" in c]

    def over_limit(self, shown: str, summary: str) -> None:
        """Skip a series past MAX_EVENTS_PER_IMPORT; the ones after it are not even expanded."""
        self.full = True
        self.skip(
            shown, summary, f"the import reached its limit of {MAX_EVENTS_PER_IMPORT:,} events"
        )
        self.note(
            f"the import reached its limit of {MAX_EVENTS_PER_IMPORT:,} events; "
            "the series past it were skipped"
        )

    def capped(self, query_from: Any) -> list[Any]:
        """The occurrences of a dense series in the range, a week at a time, at most
        MAX_OCCURRENCES: the library would compute them all before saying how many. Each
        week's expansion starts just before that week (skip-ahead), so the work grows with
        the range, not with how long ago the series began."""
        kept: dict[str, Any] = {}
        week = self.start
        while week < self.end:
            following = min(normalize(week + timedelta(days=7), self.zone), self.end)
            for occurrence in query_from(week).between(week, following):
                kept.setdefault(recurrence_key(occurrence["RECURRENCE-ID"].dt), occurrence)
            if len(kept) > MAX_OCCURRENCES:
                raise Skip(f"it repeats more than {MAX_OCCURRENCES} times in the import range")
            week = following
        return list(kept.values())

    def check(self, component: Any) -> str | None:
        """Why a component cannot be used, or None. The libraries would raise later."""
        if "DTSTART" not in component:
            return "it has no DTSTART"
        values: dict[str, Any] = {}
        for name in ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID"):
            prop = component.get(name)
            if prop is None:
                continue
            if isinstance(prop, list):
                return f"it has more than one {name}"
            try:
                value = prop.dt
            except Exception:
                return f"its {name} is not valid{as_written(prop)}"
            wanted: type | tuple[type, ...] = timedelta if name == "DURATION" else date
            if not isinstance(value, wanted):
                return f"its {name} is not a {'duration' if name == 'DURATION' else 'date'}"
            tzid = getattr(prop, "params", {}).get("TZID")
            if tzid and isinstance(value, datetime) and value.tzinfo is None:
                self.note(
                    f"time zone {clean_line(str(tzid))!r} is unknown; "
                    "its times were read as the executive's local time"
                )
            values[name] = value
        if ends_before(values.get("DTEND"), values["DTSTART"]):
            return "it ends before it starts"
        if values.get("DURATION", timedelta(0)) < timedelta(0):
            return "its DURATION is negative"
        for name in ("EXDATE", "RDATE"):
            for prop in all_values(component, name):
                try:
                    dates = [d.dt for d in prop.dts]
                except Exception:
                    return f"its {name} is not valid{as_written(prop)}"
                if not all(isinstance(v, (date, tuple)) for v in dates):
                    return f"its {name} is not a list of dates"
        for prop in all_values(component, "RRULE"):
            try:
                prop.get("FREQ")
            except Exception:
                return f"its RRULE is not valid{as_written(prop)}"
        return None

    def convert(self, occurrence: Any, uid: str, is_series: bool) -> ImportedEvent:
        raw_start = occurrence["DTSTART"].dt
        raw_end = occurrence["DTEND"].dt if "DTEND" in occurrence else raw_start
        all_day = not isinstance(raw_start, datetime)
        start = to_zone(raw_start, self.zone)
        end = to_zone(raw_end, self.zone)
        if end < start:
            raise Skip("it ends before it starts")
        if all_day and end == start:
            end = to_zone(raw_start + timedelta(days=1), self.zone)
        recurrence_id = None
        if is_series:
            recurrence_id = recurrence_key(occurrence["RECURRENCE-ID"].dt)
        title = clean_line(text_of(occurrence, "SUMMARY")) or NO_TITLE
        people = attendees_of(occurrence)
        guess = guess_kind(
            title=title,
            categories=categories_of(occurrence),
            transp=text_of(occurrence, "TRANSP"),
            status=text_of(occurrence, "STATUS"),
            klass=text_of(occurrence, "CLASS"),
            busy_status=text_of(occurrence, "X-MICROSOFT-CDO-BUSYSTATUS"),
            x_kind=text_of(occurrence, "X-EA-KIND"),
            x_interruptible=text_of(occurrence, "X-EA-INTERRUPTIBLE"),
            attendees=people,
            people=self.people,
        )
        return ImportedEvent(
            uid=uid,
            recurrence_id=recurrence_id,
            title=title,
            start=start,
            end=end,
            all_day=all_day,
            kind=guess.kind,
            with_ea=guess.with_ea,
            interruptible=guess.interruptible,
            location=clean_line(text_of(occurrence, "LOCATION")),
            description=clean_text(text_of(occurrence, "DESCRIPTION"))[:MAX_DESCRIPTION],
            attendees=shown_people(people),
        )
