"""What `parse` makes of one quick-add line: the `QuickAdd` and the spans of its tokens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

import pendulum

from planner.domain.followup import Channel, FollowUpKind
from planner.domain.priority import Priority

SpanRole = Literal[
    "customer",
    "organization",
    "intro",
    "promise",
    "priority",
    "tag",
    "channel",
    "kind",
    "executive",
]
"""What a token is; `executive` (`+Dana`) only from planner.quickadd.executive."""


class Span(NamedTuple):
    """Where a recognised token sits in the input: `text[start:end]`."""

    start: int
    end: int
    role: SpanRole
    kept: bool = False
    """True when the words stay in the summary too (a plain priority, channel or kind word)."""


@dataclass(frozen=True)
class QuickAdd:
    """What one quick-add line says: the follow-up to create, or why it cannot be saved yet."""

    text: str
    """The input as given (spans index into it)."""
    customer: str
    """From `Name:`, `Name @Org:` or `Name from Org called, …`, cleaned; "" when missing."""
    organization: str
    """The `@Org` (or `from Org`), cleaned; "" when none."""
    internal: bool
    """True when the organisation is the executive's own (settings.own_organization)."""
    summary: str
    """Every word that is not a token, in order, cleaned."""
    kind: FollowUpKind
    kind_guessed: bool
    """True when no kind word was written and the kind was guessed from the summary."""
    channel: Channel
    channel_given: bool
    """True when a `~channel` or a channel phrase ("call back") said it (else the default:
    phone for complaints, email otherwise)."""
    priority: Priority
    tags: tuple[str, ...]
    """Without `#`, lower-cased, first occurrence order."""
    promised_by: pendulum.DateTime | None
    """The promise in the executive's zone; None when the WHEN (or the default) is in error."""
    promise_given: bool
    """False when no promise was written and settings.default_promise was used."""
    errors: tuple[str, ...]
    """Short messages naming the offending text; empty when the line can be saved."""
    spans: tuple[Span, ...]
    """Recognised tokens, by position. A span with `kept` overlaps the summary."""
    notes: tuple[str, ...] = ()
    """Readings taken where words could mean two things, and flags (a promise outside the
    workday), for the preview and `add` to show."""

    @property
    def ok(self) -> bool:
        """True when the line can be saved as a follow-up."""
        return not self.errors and self.promised_by is not None
