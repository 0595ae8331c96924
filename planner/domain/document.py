"""The whole planner.json as one immutable value: settings and every record.

Pure: reading, migrating and writing it is planner.storage's business.
"""

from __future__ import annotations

import msgspec

from planner.config import Settings
from planner.domain.brief import Brief
from planner.domain.closeout import Closeout
from planner.domain.event import Event
from planner.domain.followup import FollowUp
from planner.domain.window import Window

SCHEMA_VERSION = 5
"""The version of planner.json this ea-planner writes (planner.storage.migrate brings older
files forward to it)."""

COLLECTIONS = ("events", "followups", "briefs", "windows", "closeouts")
"""The document's record collections, each a tuple of records with unique ids."""


class Document(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, gc=False):
    """The whole planner.json: settings and every record, each collection in a stable order."""

    schema_version: int = SCHEMA_VERSION
    settings: Settings = msgspec.field(default_factory=Settings)
    events: tuple[Event, ...] = ()
    followups: tuple[FollowUp, ...] = ()
    briefs: tuple[Brief, ...] = ()
    windows: tuple[Window, ...] = ()
    closeouts: tuple[Closeout, ...] = ()
