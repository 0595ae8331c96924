"""The follow-up a quick-add line makes: the one step from the grammar to the lifecycle."""

from __future__ import annotations

from datetime import datetime

from planner.domain import FollowUp
from planner.domain.lifecycle import open_followup
from planner.errors import InputError
from planner.quickadd.parsed import QuickAdd


def followup_from_quickadd(parsed: QuickAdd, now: datetime) -> FollowUp:
    """The new follow-up a valid quick-add line describes (CLI `add` and the dashboard's `a`)."""
    if not parsed.ok or parsed.promised_by is None:
        raise InputError("; ".join(parsed.errors) or "the quick-add line has no promise")
    return open_followup(
        customer=parsed.customer,
        summary=parsed.summary,
        promised_by=parsed.promised_by,
        now=now,
        organization=parsed.organization,
        internal=parsed.internal,
        kind=parsed.kind,
        channel=parsed.channel,
        priority=parsed.priority,
        tags=parsed.tags,
        source=parsed.text,
    )
