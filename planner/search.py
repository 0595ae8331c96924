"""Searching all history: which follow-ups, briefs, events and close-outs match a query.

A query is words; a record matches when every word does (case-insensitive):
`#billing` matches the tag `billing`, `@acme` an organisation containing "acme",
and any other word a substring of a searchable field. Pure functions; no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from planner.domain import Brief, Closeout, Event, FollowUp


@dataclass(frozen=True)
class Hit:
    """One matching record and the fields the words were found in."""

    record: Any
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...]
    tags: tuple[str, ...]
    organizations: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Query:
        words: list[str] = []
        tags: list[str] = []
        orgs: list[str] = []
        for word in text.split():
            folded = word.casefold()
            if folded.startswith("#") and len(folded) > 1:
                tags.append(folded[1:])
            elif folded.startswith("@") and len(folded) > 1:
                orgs.append(folded[1:].strip('"'))
            else:
                words.append(folded)
        return cls(tuple(words), tuple(tags), tuple(orgs))

    @property
    def empty(self) -> bool:
        return not (self.words or self.tags or self.organizations)


def _followup_fields(f: FollowUp) -> Iterator[tuple[str, str]]:
    yield "customer", f.customer
    yield "organization", f.organization
    yield "summary", f.summary
    yield "tags", " ".join(f.tags)
    yield "resolution", f.resolution or ""
    yield "drop reason", f.drop_reason or ""
    for entry in f.log:
        yield "log", entry.text
    yield "id", f.id


def _brief_fields(b: Brief) -> Iterator[tuple[str, str]]:
    yield "title", b.title
    yield "solution", b.solution
    for fact in b.facts:
        yield "facts", fact
    yield "id", b.id


def _event_fields(e: Event) -> Iterator[tuple[str, str]]:
    yield "title", e.title
    yield "location", e.location
    yield "description", e.description
    yield "id", e.id


def _closeout_fields(c: Closeout) -> Iterator[tuple[str, str]]:
    yield "notes", c.notes
    yield "date", c.date


def _match(
    query: Query,
    fields: Iterable[tuple[str, str]],
    tags: tuple[str, ...] = (),
    organization: str | None = None,
) -> tuple[str, ...] | None:
    """The fields that matched, or None when some word did not."""
    if query.tags and not all(t in (x.casefold() for x in tags) for t in query.tags):
        return None
    org = (organization or "").casefold()
    if query.organizations and (
        organization is None or not all(o in org for o in query.organizations)
    ):
        return None
    found: dict[str, None] = {}
    if query.tags:
        found["tags"] = None
    if query.organizations:
        found["organization"] = None
    texts = [(name, value.casefold()) for name, value in fields if value]
    for word in query.words:
        where = [name for name, value in texts if word in value]
        if not where:
            return None
        found.update(dict.fromkeys(where))
    return tuple(found)


def matches_followup(query: Query, followup: FollowUp) -> bool:
    """Whether `followup` matches `query`: the dashboard's filter reads a query as
    `ea-planner search` does."""
    fields = _match(query, _followup_fields(followup), followup.tags, followup.organization)
    return fields is not None


def search(document: Any, text: str) -> dict[str, list[Hit]]:
    """Every record of `document` matching `text`, by collection, newest first."""
    query = Query.parse(text)
    result: dict[str, list[Hit]] = {"followups": [], "briefs": [], "events": [], "closeouts": []}
    if query.empty:
        return result
    for f in document.followups:
        fields = _match(query, _followup_fields(f), f.tags, f.organization)
        if fields is not None:
            result["followups"].append(Hit(f, fields))
    plain_only = not (query.tags or query.organizations)
    if plain_only:
        for b in document.briefs:
            fields = _match(query, _brief_fields(b))
            if fields is not None:
                result["briefs"].append(Hit(b, fields))
        for e in document.events:
            fields = _match(query, _event_fields(e))
            if fields is not None:
                result["events"].append(Hit(e, fields))
        for c in document.closeouts:
            fields = _match(query, _closeout_fields(c))
            if fields is not None:
                result["closeouts"].append(Hit(c, fields))
    result["followups"].sort(key=lambda h: h.record.updated.timestamp(), reverse=True)
    result["briefs"].sort(key=lambda h: h.record.created.timestamp(), reverse=True)
    result["events"].sort(key=lambda h: h.record.start.timestamp(), reverse=True)
    result["closeouts"].sort(key=lambda h: h.record.date, reverse=True)
    return result
