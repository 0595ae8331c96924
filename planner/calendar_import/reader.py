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

import hashlib
import re
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

import msgspec

from planner.calendar_import.kinds import NO_PEOPLE, People, Person, guess_kind
from planner.config import EventKind
from planner.errors import PlannerError
from planner.text import clean_line, clean_text

MAX_OCCURRENCES = 2000
"""A series with more occurrences than this in the import range is skipped."""

MAX_EVENTS_PER_IMPORT = 20_000
"""One import keeps at most this many events: a busy executive has a few thousand a year.
A series that would go past it is skipped and reported, and the report says the limit
was reached (1,000 daily series once made a 161 MB planner.json)."""

MAX_COUNTED = 20_000
"""A dense series with a COUNT above this cannot be skipped ahead (COUNT counts from its
first instance) and is refused rather than walked from its start."""

MAX_DESCRIPTION = 4000
"""Descriptions (often long Teams/Zoom boilerplate) are cut to this many characters."""

MAX_REPORTED_NOTES = 10

MAX_ATTENDEES = 40
"""An all-hands invites hundreds; the event view shows the first forty."""

NO_TITLE = "(no title)"


class ImportCancelled(PlannerError):
    """The import was cancelled (the dashboard quit while it ran): nothing was written."""

    def __init__(self) -> None:
        super().__init__("the import was cancelled; nothing was imported")


class NotICalendar(Exception):
    """The data is not an iCalendar file at all; `reason` says why, for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ImportedEvent(msgspec.Struct, frozen=True, kw_only=True):
    """One occurrence read from a calendar, before it becomes a stored Event."""

    uid: str
    recurrence_id: str | None
    """None for a single event; the instance's id within its series otherwise."""
    title: str
    start: datetime
    end: datetime
    all_day: bool
    kind: EventKind
    with_ea: bool
    interruptible: bool | None
    location: str
    description: str
    attendees: tuple[str, ...] = ()
    """The organizer and attendees (rooms left out), "Name <address>", at most MAX_ATTENDEES."""


class Skipped(msgspec.Struct, frozen=True, kw_only=True):
    """An event (or series) that could not be imported, and why."""

    uid: str
    """The UID as written in the file; empty when it has none."""
    summary: str
    reason: str


class CalendarRead(msgspec.Struct, frozen=True, kw_only=True):
    """What one file yielded: events in the range, what was skipped, notes for the user."""

    events: tuple[ImportedEvent, ...]
    skipped: tuple[Skipped, ...]
    notes: tuple[str, ...] = ()
    cancelled: int = 0
    """Occurrences in the range marked STATUS:CANCELLED: not imported, so never blocking."""
    outside: int = 0
    """Events (a series counts once) with no occurrence in the import range."""
    name: str = ""
    """The calendar's own name (X-WR-CALNAME), cleaned; empty when it has none."""


def import_range(
    today: date, zone: tzinfo, *, days_back: int, days_ahead: int
) -> tuple[datetime, datetime]:
    """Midnight `days_back` days before today to midnight `days_ahead` days after it."""
    start = datetime.combine(today - timedelta(days=days_back), time(0), tzinfo=zone)
    end = datetime.combine(today + timedelta(days=days_ahead), time(0), tzinfo=zone)
    return _normalize(start, zone), _normalize(end, zone)


# -- text ------------------------------------------------------------------

_BEGIN_VCALENDAR = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCALENDAR[ \t\r]*$", re.I | re.M)
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode(data: bytes) -> tuple[str, list[str]]:
    """The file as text, and notes; NotICalendar when it cannot be iCalendar."""
    notes: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise NotICalendar("it is not readable text") from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            notes.append("the file is not UTF-8; it was read as Windows-1252")
    if not text.strip():
        raise NotICalendar("it is empty")
    head = text[:4096]
    if "\x00" in head or len(_BINARY.findall(head)) > len(head) // 20:
        raise NotICalendar("it holds binary data, not text")
    if not _BEGIN_VCALENDAR.search(text):
        raise NotICalendar("it has no BEGIN:VCALENDAR line")
    return text, notes


# -- reading ---------------------------------------------------------------


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
        reader.note(_warning_note(str(warning.message)))
    return CalendarRead(
        events=tuple(reader.events),
        skipped=tuple(reader.skipped),
        notes=tuple(reader.notes[:MAX_REPORTED_NOTES]),
        cancelled=reader.cancelled,
        outside=reader.outside,
        name=reader.name,
    )


class _Skip(Exception):
    """An occurrence or component to skip, with the reason for the report."""


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
        self.skipped.append(Skipped(uid=uid, summary=_short(summary), reason=reason))

    # -- parsing -----------------------------------------------------------

    def parse(self, text: str) -> list[Any]:
        """The VCALENDARs of the file; read event by event when the whole fails."""
        import icalendar

        try:
            components = icalendar.Calendar.from_ical(text, multiple=True)
            calendars = [c for c in components if c.name == "VCALENDAR"]
        except Exception as exc:
            self.note(f"the file is damaged ({_message(exc)}); it was read one event at a time")
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
        for chunk in _split_calendars(text):
            # Each event is parsed with only the zones it names: handing every event every
            # zone made a damaged file with many of both quadratic (134 s for 364 KB).
            zones: dict[str, list[str]] = {}
            for block in chunk.timezones:
                try:
                    icalendar.Calendar.from_ical(_wrap([block]))
                except Exception:
                    continue
                zones.setdefault(_block_field(block, "TZID"), block)
            calendar = icalendar.Calendar()
            if chunk.x_wr_timezone:
                calendar.add("X-WR-TIMEZONE", chunk.x_wr_timezone)
            for block in chunk.events:
                uid, summary = _block_field(block, "UID"), _block_field(block, "SUMMARY")
                if not block[-1].upper().startswith("END:VEVENT"):
                    self.skip(uid, summary, "the VEVENT is not closed (END:VEVENT missing)")
                    continue
                named = [zones[t] for t in _tzids(block) if t in zones]
                try:
                    parsed = icalendar.Calendar.from_ical(_wrap([*named, block]))
                    events = parsed.walk("VEVENT")
                except Exception as exc:
                    self.skip(uid, summary, f"it cannot be parsed: {_message(exc)}")
                    continue
                for event in events:
                    calendar.add_component(event)
            calendars.append(calendar)
        return calendars

    # -- expanding ---------------------------------------------------------

    def read_calendar(self, calendar: Any) -> None:
        if not self.name:
            self.name = clean_line(_text(calendar, "X-WR-CALNAME"))
        x_wr = self.x_wr_timezone(calendar)
        groups: dict[str, list[Any]] = {}
        for component in calendar.walk("VEVENT"):
            groups.setdefault(_uid(component), []).append(component)
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

        shown = uid if clean_line(_text(components[0], "UID")) else ""
        good = []
        for component in components:
            problem = self.check(component)
            if problem:
                self.skip(shown, _text(component, "SUMMARY"), problem)
            else:
                good.append(component)
        good = self.one_master(shown, good)
        if not good:
            return
        summary = _text(good[0], "SUMMARY")
        if self.full:
            self.over_limit(shown, summary)
            return
        is_series = len(good) > 1 or any(
            name in c for c in good for name in ("RRULE", "RDATE", "RECURRENCE-ID")
        )

        def query_from(moment: datetime) -> Any:
            """The series with every rule's start skipped ahead to just before `moment`."""
            for component in good:
                _skip_ahead(component, moment)
            calendar = icalendar.Calendar()
            for component in good:
                calendar.add_component(component)
            if x_wr is not None:
                calendar = x_wr_timezone.to_standard(calendar, timezone=x_wr)
            return recurring_ical_events.of(calendar)

        try:
            dense = any(_is_dense(c) for c in good)
            if dense:
                occurrences = self.capped(query_from)
            else:
                occurrences = query_from(self.start).between(self.start, self.end)
        except _Skip as exc:
            self.skip(shown, summary, str(exc))
            return
        except Exception as exc:
            self.skip(shown, summary, _reason(exc))
            return
        if len(self.events) + len(occurrences) > MAX_EVENTS_PER_IMPORT:
            self.over_limit(shown, summary)
            return
        if not occurrences:
            self.outside += 1
        for occurrence in occurrences:
            if _text(occurrence, "STATUS").strip().upper() == "CANCELLED":
                self.cancelled += 1
                continue
            try:
                event = self.convert(occurrence, uid, is_series)
            except _Skip as exc:
                self.skip(shown, _text(occurrence, "SUMMARY"), str(exc))
                continue
            except Exception as exc:
                self.skip(
                    shown, _text(occurrence, "SUMMARY"), f"it cannot be read: {_message(exc)}"
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
        kept = max(reversed(masters), key=_sequence)
        for component in masters:
            if component is not kept:
                self.skip(
                    shown,
                    _text(component, "SUMMARY"),
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
            following = min(_normalize(week + timedelta(days=7), self.zone), self.end)
            for occurrence in query_from(week).between(week, following):
                kept.setdefault(_recurrence_key(occurrence["RECURRENCE-ID"].dt), occurrence)
            if len(kept) > MAX_OCCURRENCES:
                raise _Skip(f"it repeats more than {MAX_OCCURRENCES} times in the import range")
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
                return f"its {name} is not valid{_raw(prop)}"
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
        if _before(values.get("DTEND"), values["DTSTART"]):
            return "it ends before it starts"
        if values.get("DURATION", timedelta(0)) < timedelta(0):
            return "its DURATION is negative"
        for name in ("EXDATE", "RDATE"):
            for prop in _all(component, name):
                try:
                    dates = [d.dt for d in prop.dts]
                except Exception:
                    return f"its {name} is not valid{_raw(prop)}"
                if not all(isinstance(v, (date, tuple)) for v in dates):
                    return f"its {name} is not a list of dates"
        for prop in _all(component, "RRULE"):
            try:
                prop.get("FREQ")
            except Exception:
                return f"its RRULE is not valid{_raw(prop)}"
        return None

    def convert(self, occurrence: Any, uid: str, is_series: bool) -> ImportedEvent:
        raw_start = occurrence["DTSTART"].dt
        raw_end = occurrence["DTEND"].dt if "DTEND" in occurrence else raw_start
        all_day = not isinstance(raw_start, datetime)
        start = _to_zone(raw_start, self.zone)
        end = _to_zone(raw_end, self.zone)
        if end < start:
            raise _Skip("it ends before it starts")
        if all_day and end == start:
            end = _to_zone(raw_start + timedelta(days=1), self.zone)
        recurrence_id = None
        if is_series:
            recurrence_id = _recurrence_key(occurrence["RECURRENCE-ID"].dt)
        title = clean_line(_text(occurrence, "SUMMARY")) or NO_TITLE
        people = _attendees(occurrence)
        guess = guess_kind(
            title=title,
            categories=_categories(occurrence),
            transp=_text(occurrence, "TRANSP"),
            status=_text(occurrence, "STATUS"),
            klass=_text(occurrence, "CLASS"),
            busy_status=_text(occurrence, "X-MICROSOFT-CDO-BUSYSTATUS"),
            x_kind=_text(occurrence, "X-EA-KIND"),
            x_interruptible=_text(occurrence, "X-EA-INTERRUPTIBLE"),
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
            location=clean_line(_text(occurrence, "LOCATION")),
            description=clean_text(_text(occurrence, "DESCRIPTION"))[:MAX_DESCRIPTION],
            attendees=_shown(people),
        )


# -- helpers ---------------------------------------------------------------


def _normalize(value: datetime, zone: tzinfo) -> datetime:
    """A wall-clock time that does not exist (DST gap) moves forward, as clocks do."""
    return value.astimezone(UTC).astimezone(zone)


def _to_zone(value: date, zone: tzinfo) -> datetime:
    if not isinstance(value, datetime):
        return _normalize(datetime.combine(value, time(0), tzinfo=zone), zone)
    if value.tzinfo is None or value.utcoffset() is None:
        return _normalize(value.replace(tzinfo=zone), zone)
    return value.astimezone(zone)


def _before(end: date | None, start: date) -> bool:
    """Whether `end` is earlier than `start`; False when they cannot be compared."""
    if end is None or isinstance(end, datetime) != isinstance(start, datetime):
        return False
    try:
        return end < start
    except TypeError:  # a floating time against a zoned one
        return False


def _recurrence_key(value: date) -> str:
    if not isinstance(value, datetime):
        return value.isoformat()
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=None).isoformat()
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(component: Any, name: str) -> str:
    try:
        value = component.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        return "" if value is None else str(value)
    except Exception:
        return ""


def _categories(component: Any) -> list[str]:
    try:
        values = component.get("CATEGORIES")
        if values is None:
            return []
        result: list[str] = []
        for value in values if isinstance(values, list) else [values]:
            cats = getattr(value, "cats", None)
            result.extend(str(c) for c in (cats if cats is not None else [value]))
        return result
    except Exception:
        return []


def _attendees(component: Any) -> list[Person]:
    """The people at an event: its organizer and attendees, rooms and resources left out."""
    people: list[Person] = []
    try:
        for prop in [*_all(component, "ORGANIZER"), *_all(component, "ATTENDEE")]:
            params = getattr(prop, "params", {})
            if str(params.get("CUTYPE", "")).upper() in ("ROOM", "RESOURCE"):
                continue
            address = str(prop).strip()
            if address.lower().startswith("mailto:"):
                address = address[7:]
            people.append(Person(clean_line(str(params.get("CN", ""))), clean_line(address)))
    except Exception:
        return []
    return people


def _shown(people: list[Person]) -> tuple[str, ...]:
    """People as stored on an event: "Name <address>", each once, at most MAX_ATTENDEES."""
    shown: dict[str, str] = {}
    for person in people:
        key = (person.address or person.name).lower()
        if not key or key in shown:
            continue
        if person.name and person.address:
            shown[key] = f"{person.name} <{person.address}>"
        else:
            shown[key] = person.name or person.address
    return tuple(list(shown.values())[:MAX_ATTENDEES])


def _all(component: Any, name: str) -> list[Any]:
    """Every value of a property that may appear more than once."""
    value = component.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _raw(prop: Any) -> str:
    """The property as written in the file, for a message: ` (VALUE)` or nothing."""
    try:
        raw = prop.to_ical()
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    except Exception:
        return ""
    text = _short(clean_line(text), 40)
    return f" ({text})" if text else ""


def _uid(component: Any) -> str:
    uid = clean_line(_text(component, "UID"))
    if uid:
        return uid
    parts = []
    for name in ("DTSTART", "SUMMARY", "LOCATION"):
        prop = component.get(name)
        parts.append(_raw(prop) if prop is not None and not isinstance(prop, list) else "")
    return "no-uid-" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def _is_dense(component: Any) -> bool:
    """Whether a rule may yield thousands of occurrences: it repeats within hours."""
    for rule in _all(component, "RRULE"):
        freq = [str(f).upper() for f in rule.get("FREQ", [])]
        if any(f in ("SECONDLY", "MINUTELY") for f in freq):
            raise _Skip(f"it repeats every {freq[0].lower()[:-2]}; that is not a schedule")
        if "HOURLY" in freq or any(k in rule for k in ("BYHOUR", "BYMINUTE", "BYSECOND")):
            return True
    return False


def _sequence(component: Any) -> int:
    try:
        return int(str(component.get("SEQUENCE", 0)))
    except (TypeError, ValueError):
        return 0


_PERIOD_DAYS = {"DAILY": 1, "WEEKLY": 7}
_SAFE_YEARS = 400
"""Leap years and weekdays repeat every 400 years: a yearly shift never needs more tries."""


def _skip_ahead(component: Any, moment: datetime) -> None:
    """Move a rule's DTSTART forward by whole periods to shortly before `moment`, so that
    expanding it walks the import range only, never the centuries before it (a series
    from year 1 took 404 s of CPU). Occurrences stay exactly where they were: the shift is
    a whole number of INTERVALs, which keeps weekday, day of month and week alignment.
    A rule with COUNT counts from its first instance and is left alone (it is bounded)."""
    rules = _all(component, "RRULE")
    if len(rules) != 1 or "COUNT" in rules[0]:
        return
    rule = rules[0]
    freq = str((rule.get("FREQ") or [""])[0]).upper()
    try:
        interval = max(1, int((rule.get("INTERVAL") or [1])[0]))
        first = component["DTSTART"].dt
        length = component["DTEND"].dt - first if "DTEND" in component else None
    except Exception:
        return
    # Wall-clock arithmetic on both sides: the zone offsets (hours) vanish in the margin.
    margin = timedelta(days=3)
    if isinstance(length, timedelta) and length > timedelta(0):
        margin += length
    target: date = moment.replace(tzinfo=None) - margin
    wall: date = first
    if isinstance(first, datetime):
        wall = first.replace(tzinfo=None)
    else:
        target = target.date()  # type: ignore[attr-defined]
        if freq == "HOURLY":
            return
    if wall >= target:
        return
    shifted: date | None = None
    if freq in _PERIOD_DAYS or freq == "HOURLY":
        period = (
            timedelta(hours=interval)
            if freq == "HOURLY"
            else timedelta(days=_PERIOD_DAYS[freq] * interval)
        )
        steps = (target - wall) // period
        if steps > 0:
            shifted = first + steps * period
    elif freq in ("MONTHLY", "YEARLY"):
        months = (target.year - wall.year) * 12 + target.month - wall.month - 1
        step = interval * (12 if freq == "YEARLY" else 1)
        steps = months // step
        for _ in range(_SAFE_YEARS if freq == "YEARLY" else 24):
            if steps <= 0:
                break
            month_index = wall.month - 1 + steps * step
            try:
                shifted = first.replace(
                    year=wall.year + month_index // 12, month=month_index % 12 + 1
                )
                break
            except ValueError:  # the 31st or 29 February is not in that month
                steps -= 1
    if shifted is None:
        return
    params = dict(getattr(component["DTSTART"], "params", {}))
    del component["DTSTART"]
    component.add("DTSTART", shifted, parameters=params or None)
    if length is not None:
        end_params = dict(getattr(component["DTEND"], "params", {}))
        del component["DTEND"]
        component.add("DTEND", shifted + length, parameters=end_params or None)


_FOLD = re.compile(r"\r?\n[ \t]")


def drop_broken_zones(text: str) -> tuple[str, list[str]]:
    """The text without VTIMEZONEs whose rules change the offset more often than yearly,
    and their TZIDs. icalendar expands a zone's rules from their DTSTART to 2038 when the
    zone is first used: a 616-byte zone repeating every minute from 1601 took 2 GB."""
    if "VTIMEZONE" not in text.upper():
        return text, []
    lines = _FOLD.sub("", text).splitlines()
    kept: list[str] = []
    broken: list[str] = []
    zone: list[str] | None = None
    for line in lines:
        upper = line.strip().upper().replace(" ", "")
        if zone is None:
            if upper == "BEGIN:VTIMEZONE":
                zone = [line]
            else:
                kept.append(line)
            continue
        zone.append(line)
        if upper == "END:VTIMEZONE":
            name = _broken_zone(zone)
            if name is None:
                kept.extend(zone)
            else:
                broken.append(name)
            zone = None
    if zone is not None:  # not closed: leave it to the parser to report
        kept.extend(zone)
    if not broken:
        return text, []
    return "\r\n".join(kept) + "\r\n", broken


def _broken_zone(block: list[str]) -> str | None:
    """The zone's TZID when one of its rules recurs more often than yearly, else None."""
    tzid = ""
    broken = False
    for line in block:
        head, _, value = line.partition(":")
        name = head.split(";", 1)[0].strip().upper()
        if name == "TZID":
            tzid = clean_line(value)
        elif name == "RRULE":
            parts = dict(
                part.partition("=")[::2] for part in value.strip().upper().split(";") if part
            )
            if (
                parts.get("FREQ") != "YEARLY"
                or any(
                    key in parts
                    for key in ("BYHOUR", "BYMINUTE", "BYSECOND", "BYYEARDAY", "BYWEEKNO")
                )
                or len(parts.get("BYMONTH", "").split(",")) > 2
            ):
                broken = True
    return (tzid or "(no TZID)") if broken else None


_GUESSED_TZID = re.compile(r"Timezone '(.+?)' is a globally unique TZID; guessing it means '(.+?)'")


def _warning_note(message: str) -> str:
    guessed = _GUESSED_TZID.search(message)
    if guessed:
        return f"time zone {guessed.group(1)!r} was read as {guessed.group(2)!r}"
    return _short(message, 120)


def _message(exc: BaseException) -> str:
    text = clean_line(str(exc)) or type(exc).__name__
    return _short(text, 120)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError) and exc.args:
        return f"it has no {clean_line(str(exc.args[0]))}"
    name = type(exc).__name__
    rule = getattr(exc, "rule", None)
    if name == "BadRuleStringFormat" and isinstance(rule, str):
        return f"its RRULE cannot be used ({_short(rule, 60)})"
    text = _message(exc)
    if "rule" in name.lower() or "rrule" in text.lower():
        return f"its RRULE cannot be used: {text}"
    return f"it cannot be expanded: {text}"


def _short(text: str, limit: int = 60) -> str:
    text = clean_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- reading a damaged file block by block -----------------------------------


class _Chunk:
    """The pieces of one VCALENDAR of a damaged file, as lists of content lines."""

    def __init__(self) -> None:
        self.x_wr_timezone = ""
        self.timezones: list[list[str]] = []
        self.events: list[list[str]] = []


_UNFOLD = re.compile(r"\r?\n[ \t]")


def _split_calendars(text: str) -> Iterator[_Chunk]:
    chunk: _Chunk | None = None
    block: list[str] | None = None
    depth = 0
    for line in _UNFOLD.sub("", text).splitlines():
        upper = line.strip().upper().replace(" ", "")
        if block is not None:
            block.append(line)
            if upper.startswith("BEGIN:"):
                depth += 1
            elif upper.startswith("END:"):
                depth -= 1
                if depth == 0:
                    block = None
            continue
        if upper == "BEGIN:VCALENDAR":
            if chunk is not None:
                yield chunk
            chunk = _Chunk()
        elif chunk is None:
            continue
        elif upper in ("BEGIN:VEVENT", "BEGIN:VTIMEZONE"):
            block = [line]
            depth = 1
            (chunk.events if upper == "BEGIN:VEVENT" else chunk.timezones).append(block)
        elif upper.startswith("X-WR-TIMEZONE:"):
            chunk.x_wr_timezone = line.split(":", 1)[1].strip()
    if chunk is not None:
        yield chunk


def _wrap(blocks: list[list[str]]) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ea-planner//salvage//EN"]
    for block in blocks:
        lines.extend(block)
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


_TZID_PARAM = re.compile(r';TZID=("[^"]*"|[^;:]*)', re.I)


def _tzids(block: list[str]) -> list[str]:
    """The TZIDs a block's properties name, in order, each once."""
    found: dict[str, None] = {}
    for line in block:
        head = line.partition(":")[0]
        for match in _TZID_PARAM.finditer(head):
            found[clean_line(match.group(1).strip('"'))] = None
    return list(found)


def _block_field(block: list[str], name: str) -> str:
    for line in block[1:]:
        head, _, value = line.partition(":")
        if head.split(";", 1)[0].strip().upper() == name:
            return clean_line(value)
    return ""
