"""Forward migrations of planner.json, one function per version step.

Each step takes the raw JSON object of version N and returns version N+1. Old
files are migrated on load and written in the current shape on the next save.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from planner.domain.document import SCHEMA_VERSION
from planner.domain.executive import FIRST_EXECUTIVE_ID, short_from

Raw = dict[str, Any]


def _v0_to_v1(raw: Raw) -> Raw:
    """Version 0 had no `schema_version` and could lack `windows` and `closeouts`."""
    migrated = dict(raw)
    migrated["schema_version"] = 1
    for name in ("events", "followups", "briefs", "windows", "closeouts"):
        migrated.setdefault(name, [])
    migrated.setdefault("settings", {})
    return migrated


def _v1_to_v2(raw: Raw) -> Raw:
    """Version 2 adds `settings.assistant_name` and `settings.calendars`, both defaulted."""
    migrated = dict(raw)
    migrated["schema_version"] = 2
    return migrated


def _v2_to_v3(raw: Raw) -> Raw:
    """Version 3 adds `attendees` to events, defaulted to none (the next import fills it)."""
    migrated = dict(raw)
    migrated["schema_version"] = 3
    return migrated


def _v3_to_v4(raw: Raw) -> Raw:
    """Version 4 adds the quick-add settings `morning`, `lunchtime`, `afternoon`, `evening`,
    `asap_minutes` and `date_order`, all defaulted: a version-3 file is read as it is."""
    migrated = dict(raw)
    migrated["schema_version"] = 4
    return migrated


_WAIT_MOVE = re.compile(
    r"^promise moved by (?P<took>\d+ min|\d+ h(?: \d+ min)?|\d+ d(?: \d+ h)?) "
    r"spent waiting on the customer$"
)
"""The text versions 1 to 4 wrote for the automatic move at the end of a wait on the customer."""
_WAITING = re.compile(r"^waiting on the (?P<party>customer|colleague)(?: — (?P<what>.*))?$", re.S)
_STARTED = re.compile(r"^in progress(?: — (?P<note>.*))?$", re.S)
_RESUMED = re.compile(r"^resumed: in progress(?: — (?P<note>.*))?$", re.S)


def _v4_to_v5(raw: Raw) -> Raw:
    """Version 5 types every log entry by its action instead of by its words.

    Versions 1 to 4 wrote `status` for start and resume, `promise` both for a re-promise and
    for the move after a wait on the customer, and `waiting` with the party in the text.
    They become `started` / `resumed`, `re-promised` / `promise-moved-by-wait` and
    `waiting` with `waiting_on`, the text keeping only the EA's own words. A `promise`
    entry is a move after a wait only when its text is exactly the sentence versions 1
    to 4 generated, the duration in it equals the move, and another entry of the same
    instant follows it (the move was always logged with the change that ended the wait);
    any other is a re-promise. A follow-up still waiting gets `waiting_for` from the
    words of its last wait.
    """
    migrated = dict(raw)
    migrated["schema_version"] = 5
    followups = raw.get("followups")
    if isinstance(followups, list):
        migrated["followups"] = [_followup_v5(f) if isinstance(f, dict) else f for f in followups]
    return migrated


def _followup_v5(followup: Raw) -> Raw:
    log = followup.get("log")
    if not isinstance(log, list):
        return followup
    entries = [dict(e) if isinstance(e, dict) else e for e in log]
    last_wait = ""
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("text", ""), str):
            continue
        text: str = entry.get("text", "")
        action = entry.get("action")
        if action == "status":
            resumed, started = _RESUMED.match(text), _STARTED.match(text)
            match = resumed or started
            entry["action"] = "resumed" if resumed else "started" if started else "note"
            if match:
                entry["text"] = match.group("note") or ""
        elif action == "waiting":
            waiting = _WAITING.match(text)
            if waiting:
                entry["waiting_on"] = waiting.group("party")
                entry["text"] = last_wait = waiting.group("what") or ""
        elif action == "promise":
            follower = entries[index + 1] if index + 1 < len(entries) else None
            if _is_wait_move(entry, follower):
                entry["action"] = "promise-moved-by-wait"
                entry["text"] = ""
            else:
                entry["action"] = "re-promised"
        elif action == "edit":
            entry["action"] = "note"
    migrated = dict(followup)
    migrated["log"] = entries
    if followup.get("status") == "waiting":
        migrated.setdefault("waiting_for", last_wait)
    return migrated


def _is_wait_move(entry: Raw, follower: Any) -> bool:
    match = _WAIT_MOVE.match(entry.get("text", ""))
    if match is None or not isinstance(follower, dict) or follower.get("at") != entry.get("at"):
        return False
    try:
        old = datetime.fromisoformat(entry["old_promise"])
        new = datetime.fromisoformat(entry["new_promise"])
    except (KeyError, TypeError, ValueError):
        return False
    units = {"d": 1440, "h": 60, "min": 1}
    words = match.group("took").split()
    said = sum(int(n) * units[unit] for n, unit in zip(words[::2], words[1::2], strict=True))
    return round((new - old).total_seconds() / 60) == said


_EXECUTIVE_KEYS = {
    "executive_name": "name",
    "timezone": "timezone",
    "own_organization": "own_organization",
    "workday_start": "workday_start",
    "workday_end": "workday_end",
    "workdays": "workdays",
    "never_interrupt": "never_interrupt",
    "protect_before": "protect_before",
    "settle_after": "settle_after",
    "min_window": "min_window",
}
"""Version-5 `settings` keys that became the first executive's (settings key -> executive key)."""


def _v5_to_v6(raw: Raw) -> Raw:
    """Version 6 serves several executives: the executive's name, zone, workday and rules
    move from `settings` to the first record of `executives` (id `x-1`, its short name the
    first name), and every event, follow-up, brief, hand-marked window and subscription
    gets `executive` naming it. Nothing else changes."""
    migrated = dict(raw)
    migrated["schema_version"] = 6
    settings = raw.get("settings")
    if not isinstance(settings, dict):
        return migrated
    desk = {k: v for k, v in settings.items() if k not in _EXECUTIVE_KEYS}
    first: Raw = {"id": FIRST_EXECUTIVE_ID}
    for key, field in _EXECUTIVE_KEYS.items():
        if key in settings:
            first[field] = settings[key]
    name = settings.get("executive_name", "")
    first["short"] = short_from(name if isinstance(name, str) else "")
    calendars = desk.get("calendars")
    if isinstance(calendars, list):
        desk["calendars"] = [_owned(c) for c in calendars]
    migrated["settings"] = desk
    migrated["executives"] = [first]
    for collection in ("events", "followups", "briefs", "windows"):
        records = raw.get(collection)
        if isinstance(records, list):
            migrated[collection] = [_owned(r) for r in records]
    return migrated


def _owned(record: Any) -> Any:
    if not isinstance(record, dict):
        return record
    return {**record, "executive": FIRST_EXECUTIVE_ID}


MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
}


def migrate(raw: Any) -> Any:
    """Bring a raw document forward to SCHEMA_VERSION (a non-object is left for validation)."""
    if not isinstance(raw, dict):
        return raw
    version = raw.get("schema_version", 0)
    while isinstance(version, int) and version < SCHEMA_VERSION:
        raw = MIGRATIONS[version](raw)
        version = raw["schema_version"]
    return raw
