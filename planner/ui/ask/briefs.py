"""Briefs: the new-brief form (from the dashboard, or about a follow-up from its detail
view)."""

from __future__ import annotations

from planner.domain import Brief, lifecycle
from planner.domain.brief import BRIEF_KINDS
from planner.domain.priority import PRIORITIES
from planner.operations.briefs import queue_brief
from planner.text import clean_line
from planner.ui.ask import Asker, Proposal
from planner.ui.ask.forms import refusal_of
from planner.ui.screens.form import Field, FormScreen, Values
from planner.when import parse_when


async def new_brief(asker: Asker, linked: str | None = None) -> Proposal[Brief] | None:
    """The new-brief form; the brief is about follow-up `linked` when one is given."""
    fields = [
        Field("title", "What to tell", "Approve the Q4 bonus pool"),
        Field("kind", "Kind", options=BRIEF_KINDS, value="fyi"),
        Field("priority", "Priority", options=PRIORITIES, value="normal"),
        Field("minutes", "Minutes of the executive's time", value="2"),
        Field("deliver_by", "Deliver by (optional)", "today 16:00"),
        Field("solution", "Proposed solution (bad news needs one)", ""),
    ]

    def build(values: Values) -> Brief:
        minutes = int(values["minutes"]) if values["minutes"].isdigit() else -1
        deliver_by = None
        if values["deliver_by"]:
            deliver_by = parse_when(
                values["deliver_by"], now=asker.clock.now(), settings=asker.settings
            )
        return lifecycle.new_brief(
            title=clean_line(values["title"]),
            kind=values["kind"],
            priority=values["priority"],
            minutes=minutes,
            deliver_by=deliver_by,
            followup_id=linked,
            solution=values["solution"],
            now=asker.now(),
        )

    values = await asker.ask(FormScreen("New brief", fields, refusal_of(build)))
    if values is None:
        return None
    brief = build(values)
    return Proposal(lambda d: queue_brief(d, brief), f"Brief queued: {brief.title}")
