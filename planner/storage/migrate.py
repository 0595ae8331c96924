"""Forward migrations of planner.json, one function per version step.

Each step takes the raw JSON object of version N and returns version N+1. Old
files are migrated on load and written in the current shape on the next save.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 4
"""The version this ea-planner writes."""

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


MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
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
