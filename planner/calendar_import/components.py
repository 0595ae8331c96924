"""Reading the parts of an iCalendar component safely: times in the executive's zone, text,
people, the keys of an event, a rule skipped ahead; and the messages a read reports."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from planner.calendar_import.imported import MAX_ATTENDEES
from planner.calendar_import.kinds import Person
from planner.text import clean_line


class Skip(Exception):
    """An occurrence or component to skip, with the reason for the report."""


def normalize(value: datetime, zone: tzinfo) -> datetime:
    """A wall-clock time that does not exist (DST gap) moves forward, as clocks do."""
    return value.astimezone(UTC).astimezone(zone)


def to_zone(value: date, zone: tzinfo) -> datetime:
    if not isinstance(value, datetime):
        return normalize(datetime.combine(value, time(0), tzinfo=zone), zone)
    if value.tzinfo is None or value.utcoffset() is None:
        return normalize(value.replace(tzinfo=zone), zone)
    return value.astimezone(zone)


def ends_before(end: date | None, start: date) -> bool:
    """Whether `end` is earlier than `start`; False when they cannot be compared."""
    if end is None or isinstance(end, datetime) != isinstance(start, datetime):
        return False
    try:
        return end < start
    except TypeError:  # a floating time against a zoned one
        return False


def recurrence_key(value: date) -> str:
    if not isinstance(value, datetime):
        return value.isoformat()
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=None).isoformat()
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def text_of(component: Any, name: str) -> str:
    try:
        value = component.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        return "" if value is None else str(value)
    except Exception:
        return ""


def categories_of(component: Any) -> list[str]:
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


def attendees_of(component: Any) -> list[Person]:
    """The people at an event: its organizer and attendees, rooms and resources left out."""
    people: list[Person] = []
    try:
        for prop in [*all_values(component, "ORGANIZER"), *all_values(component, "ATTENDEE")]:
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


def shown_people(people: list[Person]) -> tuple[str, ...]:
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


def all_values(component: Any, name: str) -> list[Any]:
    """Every value of a property that may appear more than once."""
    value = component.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def as_written(prop: Any) -> str:
    """The property as written in the file, for a message: ` (VALUE)` or nothing."""
    try:
        raw = prop.to_ical()
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    except Exception:
        return ""
    text = shortened(clean_line(text), 40)
    return f" ({text})" if text else ""


def uid_of(component: Any) -> str:
    uid = clean_line(text_of(component, "UID"))
    if uid:
        return uid
    parts = []
    for name in ("DTSTART", "SUMMARY", "LOCATION"):
        prop = component.get(name)
        parts.append(as_written(prop) if prop is not None and not isinstance(prop, list) else "")
    return "no-uid-" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def is_dense(component: Any) -> bool:
    """Whether a rule may yield thousands of occurrences: it repeats within hours."""
    for rule in all_values(component, "RRULE"):
        freq = [str(f).upper() for f in rule.get("FREQ", [])]
        if any(f in ("SECONDLY", "MINUTELY") for f in freq):
            raise Skip(f"it repeats every {freq[0].lower()[:-2]}; that is not a schedule")
        if "HOURLY" in freq or any(k in rule for k in ("BYHOUR", "BYMINUTE", "BYSECOND")):
            return True
    return False


def sequence_of(component: Any) -> int:
    try:
        return int(str(component.get("SEQUENCE", 0)))
    except (TypeError, ValueError):
        return 0


_PERIOD_DAYS = {"DAILY": 1, "WEEKLY": 7}
_SAFE_YEARS = 400
"""Leap years and weekdays repeat every 400 years: a yearly shift never needs more tries."""


def skip_ahead(component: Any, moment: datetime) -> None:
    """Move a rule's DTSTART forward by whole periods to shortly before `moment`, so that
    expanding it walks the import range only, never the centuries before it (a series
    from year 1 took 404 s of CPU). Occurrences stay exactly where they were: the shift is
    a whole number of INTERVALs, which keeps weekday, day of month and week alignment.
    A rule with COUNT counts from its first instance and is left alone (it is bounded)."""
    rules = all_values(component, "RRULE")
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
    target_at = moment.replace(tzinfo=None) - margin
    target: date = target_at
    wall: date = first
    if isinstance(first, datetime):
        wall = first.replace(tzinfo=None)
    else:
        target = target_at.date()
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


_GUESSED_TZID = re.compile(r"Timezone '(.+?)' is a globally unique TZID; guessing it means '(.+?)'")


def warning_note(message: str) -> str:
    guessed = _GUESSED_TZID.search(message)
    if guessed:
        return f"time zone {guessed.group(1)!r} was read as {guessed.group(2)!r}"
    return shortened(message, 120)


def message_of(exc: BaseException) -> str:
    text = clean_line(str(exc)) or type(exc).__name__
    return shortened(text, 120)


def reason_of(exc: BaseException) -> str:
    if isinstance(exc, KeyError) and exc.args:
        return f"it has no {clean_line(str(exc.args[0]))}"
    name = type(exc).__name__
    rule = getattr(exc, "rule", None)
    if name == "BadRuleStringFormat" and isinstance(rule, str):
        return f"its RRULE cannot be used ({shortened(rule, 60)})"
    text = message_of(exc)
    if "rule" in name.lower() or "rrule" in text.lower():
        return f"its RRULE cannot be used: {text}"
    return f"it cannot be expanded: {text}"


def shortened(text: str, limit: int = 60) -> str:
    text = clean_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
