"""A brief: one thing to tell the executive, waiting for a good moment."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

import msgspec

from planner.domain.base import Instant, NonEmpty, Record
from planner.domain.priority import Priority

BriefKind = Literal["escalation", "decision", "fyi", "good-news", "bad-news"]
BRIEF_KINDS: tuple[BriefKind, ...] = get_args(BriefKind)


class Brief(Record, frozen=True, kw_only=True):
    """An item of the brief queue until it is delivered."""

    id: NonEmpty
    executive: str = ""
    """The id of the executive to tell ("" = the desk's first executive)."""
    title: str
    kind: BriefKind = "fyi"
    priority: Priority = "normal"
    minutes: Annotated[int, msgspec.Meta(ge=1, le=480)] = 2
    """Estimated minutes of the executive's time."""
    deliver_by: Instant | None = None
    """If no good moment comes before this, the brief is flagged "interrupt now"."""
    followup_id: str | None = None
    """The follow-up this brief is about, if any."""
    facts: tuple[str, ...] = ()
    """The facts to bring (an escalation carries the follow-up's log)."""
    solution: str = ""
    """The proposed solution; a bad-news brief without one is held back."""
    created: Instant
    delivered: Instant | None = None
    """When it was told; briefs neither delivered nor dropped form the brief queue."""
    dropped: Instant | None = None
    """When it was taken off the queue untold (retired with its follow-up, or dropped)."""
    drop_reason: str = ""
    """Why it was dropped ("follow-up resolved", "no longer relevant")."""

    @property
    def queued(self) -> bool:
        """Still to tell: neither delivered nor dropped."""
        return self.delivered is None and self.dropped is None


def is_held(brief: Brief) -> bool:
    """Bad news goes in only with a proposed solution: without one the brief is held."""
    return brief.kind == "bad-news" and not brief.solution.strip()
