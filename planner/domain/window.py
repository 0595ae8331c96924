"""A hand-marked good moment ("come by at 14:30") or block ("do not disturb 13-14")."""

from __future__ import annotations

from typing import Literal

from planner.domain.base import Instant, NonEmpty, Record

WindowMark = Literal["window", "block"]


class Window(Record, frozen=True, kw_only=True):
    """A span the EA marked by hand; computed good moments are never stored."""

    id: NonEmpty
    executive: str = ""
    """The id of the executive it is a good moment or block of ("" = the first executive)."""
    start: Instant
    end: Instant
    mark: WindowMark = "window"
    """`window` adds a good moment; `block` removes any good moment in the span."""
    note: str = ""
