"""The whole planner.json as one immutable value: settings, executives and every record.

Pure: reading, migrating and writing it is planner.storage's business.

`settings` holds the desk's facts (the EA's name, quick-add words, import range,
subscriptions) together with the first executive's name, zone, workday and rules, as a
one-executive desk always had them: code that knows of one executive reads
`document.settings` and is right for the first. `executives` lists every executive; the
first one's rules are the ones in `settings` (`roster` and `rules_for` lay them over), so
a change of `settings` is a change of the first executive.
"""

from __future__ import annotations

from typing import Any

import msgspec

from planner.config import Settings
from planner.domain import executive as x
from planner.domain.brief import Brief
from planner.domain.closeout import Closeout
from planner.domain.event import Event
from planner.domain.executive import FIRST_EXECUTIVE_ID, Executive
from planner.domain.followup import FollowUp
from planner.domain.window import Window

SCHEMA_VERSION = 6
"""The version of planner.json this ea-planner writes (planner.storage.migrate brings older
files forward to it)."""

COLLECTIONS = ("events", "followups", "briefs", "windows", "closeouts")
"""The document's record collections, each a tuple of records with unique ids."""


class Document(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, gc=False):
    """The whole planner.json: settings, executives and every record, in a stable order."""

    schema_version: int = SCHEMA_VERSION
    settings: Settings = msgspec.field(default_factory=Settings)
    executives: tuple[Executive, ...] = ()
    """Every executive of the desk, the first one first; empty means one executive, the one
    `settings` describes (id FIRST_EXECUTIVE_ID)."""
    events: tuple[Event, ...] = ()
    followups: tuple[FollowUp, ...] = ()
    briefs: tuple[Brief, ...] = ()
    windows: tuple[Window, ...] = ()
    closeouts: tuple[Closeout, ...] = ()

    @property
    def roster(self) -> tuple[Executive, ...]:
        """The desk's executives in order, never empty; the first as `settings` has it."""
        if not self.executives:
            short = x.short_from(self.settings.executive_name)
            return (x.from_settings(self.settings, id=FIRST_EXECUTIVE_ID, short=short),)
        first = self.executives[0]
        if x.same_rules(self.settings, first):
            return self.executives
        rules: dict[str, Any] = {name: getattr(self.settings, name) for name in x.RULE_FIELDS}
        first = msgspec.structs.replace(first, name=self.settings.executive_name, **rules)
        return (first, *self.executives[1:])

    @property
    def first_executive_id(self) -> str:
        """The id of the first executive: the one a record without an executive belongs to
        (a follow-up without one is the desk's own)."""
        return self.executives[0].id if self.executives else FIRST_EXECUTIVE_ID

    def executive(self, executive_id: str | None = None) -> Executive:
        """The executive of that id (None or "": the first); KeyError when there is none."""
        if not executive_id or executive_id == self.first_executive_id:
            return self.roster[0]
        for candidate in self.executives:
            if candidate.id == executive_id:
                return candidate
        raise KeyError(executive_id)

    def rules_for(self, executive_id: str | None = None) -> Settings:
        """The settings scheduling and quick-add use for that executive (None: the first):
        the desk's facts with the executive's name, zone, workday and rules."""
        if not executive_id or executive_id == self.first_executive_id:
            return self.settings
        return x.rules(self.settings, self.executive(executive_id))

    def owner(self, executive: str) -> str:
        """The id of the executive a record's `executive` field means ("" is the first)."""
        return executive or self.first_executive_id

    def is_of(self, executive: str, executive_id: str) -> bool:
        """Whether a record whose `executive` field is `executive` is that executive's."""
        return (executive or self.first_executive_id) == executive_id

    def view(self, executive_id: str | None = None, *, desk_own: bool = True) -> Document:
        """The desk as one executive sees it (None: the first): their events, hand-marked
        windows, briefs and follow-ups — and, with `desk_own`, the desk's own follow-ups —
        with their rules in `settings` and them alone in `executives`. Everything that
        works on one executive's document (the day, good moments, the brief queue, the
        close-out) works on it unchanged. A one-executive desk is its own view."""
        first = self.first_executive_id
        wanted = executive_id or first
        if len(self.executives) <= 1 and wanted == first:
            return self
        settings = self.rules_for(wanted)
        executive = self.executive(wanted)

        def mine(records: tuple[Any, ...]) -> tuple[Any, ...]:
            return tuple(r for r in records if (r.executive or first) == wanted)

        followups = tuple(
            f for f in self.followups if f.executive == wanted or (desk_own and not f.executive)
        )
        return msgspec.structs.replace(
            self,
            settings=settings,
            executives=(executive,),
            events=mine(self.events),
            windows=mine(self.windows),
            briefs=mine(self.briefs),
            followups=followups,
        )

    def with_executive(self, changed: Executive) -> Document:
        """The document with `changed` in place of the executive of its id, or added last.
        The first executive's name and rules go into `settings` too."""
        roster = self.roster
        if changed.id == roster[0].id:
            rules: dict[str, Any] = {name: getattr(changed, name) for name in x.RULE_FIELDS}
            settings = msgspec.structs.replace(self.settings, executive_name=changed.name, **rules)
            return msgspec.structs.replace(
                self, settings=settings, executives=(changed, *roster[1:])
            )
        if any(e.id == changed.id for e in roster):
            executives = tuple(changed if e.id == changed.id else e for e in roster)
        else:
            executives = (*roster, changed)
        return msgspec.structs.replace(self, executives=executives)
