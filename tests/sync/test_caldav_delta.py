"""The sync-token delta's own decisions: what it cannot vouch for becomes a full fetch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner.sync.caldav_source import CalendarObject, _delta


@dataclass
class Url:
    path: str

    def canonical(self) -> Url:
        return self


@dataclass
class Loaded:
    """A calendar object as the caldav library hands it back after loading it."""

    href: str
    data: str | None
    props: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> Url:
        return Url(self.href)


@dataclass
class Delta:
    objects: list[Loaded]
    deleted_urls: set[str] = field(default_factory=set)
    sync_token: str = "token-2"
    truncated: bool = False


class Calendar:
    def __init__(self, result: Delta) -> None:
        self.result = result

    def get_objects_by_sync_token(self, **_options: Any) -> Delta:
        return self.result


CACHED = {
    "/dana/work/a.ics": CalendarObject(etag='"a1"', data="BEGIN:VCALENDAR…a"),
    "/dana/work/b.ics": CalendarObject(etag='"b1"', data="BEGIN:VCALENDAR…b"),
}


def test_a_changed_and_a_deleted_object_update_the_cache() -> None:
    changed = Loaded("/dana/work/a.ics", "BEGIN:VCALENDAR…a2", {"{DAV:}getetag": '"a2"'})
    fetched = _delta(
        Calendar(Delta([changed], deleted_urls={"/dana/work/b.ics"})), "token-1", CACHED
    )
    assert fetched is not None
    assert fetched.objects == {
        "/dana/work/a.ics": CalendarObject(etag='"a2"', data="BEGIN:VCALENDAR…a2")
    }
    assert (fetched.changed, fetched.sync_token, fetched.full) == (True, "token-2", False)


def test_an_object_that_could_not_be_loaded_makes_it_a_full_fetch() -> None:
    # Named by the delta, gone (or unreadable) by the time it was fetched: the library
    # leaves its data empty. Keeping the old copy under the new token would keep a deleted
    # event on the schedule until the next day; the time-range REPORT says what is there.
    gone = Loaded("/dana/work/b.ics", None, {"{DAV:}getetag": '"b2"'})
    assert _delta(Calendar(Delta([gone])), "token-1", CACHED) is None


def test_a_truncated_delta_makes_it_a_full_fetch() -> None:
    changed = Loaded("/dana/work/a.ics", "BEGIN:VCALENDAR…a2")
    assert _delta(Calendar(Delta([changed], truncated=True)), "token-1", CACHED) is None
