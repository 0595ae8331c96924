"""Briefs from the keyboard: queue one with a form, mark one delivered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain import Brief, lifecycle
from planner.domain.brief import BRIEF_KINDS
from planner.domain.priority import PRIORITIES
from planner.operations.briefs import deliver_brief, queue_brief
from planner.text import clean_line
from planner.ui.flows.forms import refusal_of
from planner.ui.screens.form import Field, FormScreen, Values
from planner.when import parse_when

if TYPE_CHECKING:
    from planner.ui.app import PlannerApp


def add_brief(app: PlannerApp, linked: str | None = None) -> None:
    """The new-brief form; the brief is about follow-up `linked` when one is given (asked
    from its detail view)."""
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
                values["deliver_by"], now=app.clock.now(), settings=app.document.settings
            )
        return lifecycle.new_brief(
            title=clean_line(values["title"]),
            kind=values["kind"],
            priority=values["priority"],
            minutes=minutes,
            deliver_by=deliver_by,
            followup_id=linked,
            solution=values["solution"],
            now=app.now(),
        )

    def done(values: Values | None) -> None:
        if values is None:
            return
        brief = build(values)
        app.apply(lambda d: queue_brief(d, brief), f"Brief queued: {brief.title}")

    app.push_screen(FormScreen("New brief", fields, refusal_of(build)), done)


def deliver(app: PlannerApp, brief_id: str) -> None:
    """Mark the brief `brief_id` delivered."""
    now = app.now()
    app.apply(lambda d: deliver_brief(d, brief_id, now), "Delivered")
