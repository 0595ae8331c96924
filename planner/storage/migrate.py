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


MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
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
