"""Briefs: the new-brief form (from the dashboard, or about a follow-up from its detail
view), and the questions before each change on the brief's own view."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pendulum

from planner.domain import Brief, lifecycle
from planner.domain.brief import BRIEF_KINDS
from planner.domain.priority import PRIORITIES
from planner.errors import PlannerError
from planner.humanize import fmt, when
from planner.operations import briefs as operations
from planner.operations.briefs import queue_brief
from planner.text import clean_line
from planner.ui.ask import Asker, Proposal
from planner.ui.ask.forms import refusal_of
from planner.ui.dialogs.choice import ChoiceScreen
from planner.ui.dialogs.form import Field, FormScreen, Values
from planner.ui.dialogs.prompt import PromptScreen
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

    # A brief about a follow-up is for that follow-up's executive (the desk's own: the one
    # worked for).
    owner = asker.owner
    about = next((f for f in asker.document.followups if f.id == linked), None)
    if about is not None and about.executive:
        owner = about.executive
        # Its deadline is typed on that executive's clock too.
        asker = asker.for_executive(owner)

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
            executive=owner,
        )

    values = await asker.ask(FormScreen("New brief", fields, refusal_of(build)))
    if values is None:
        return None
    brief = build(values)
    return Proposal(lambda d: queue_brief(d, brief), f"Brief queued: {brief.title}")


async def solution(asker: Asker, brief: Brief) -> Proposal[Brief] | None:
    """The proposed solution (an empty one takes it back)."""
    text = await asker.ask(
        PromptScreen("Proposed solution (empty takes it back)", value=brief.solution)
    )
    return None if text is None else _edit(asker, brief, "Solution saved", solution=text)


async def minutes(asker: Asker, brief: Brief) -> Proposal[Brief] | None:
    """Minutes of the executive's time."""

    def read(text: str) -> int:
        value = text.strip().removesuffix("min").strip()
        if not value.isdigit() or not 1 <= int(value) <= lifecycle.MAX_BRIEF_MINUTES:
            raise PlannerError(f"a number of minutes, 1 to {lifecycle.MAX_BRIEF_MINUTES}")
        return int(value)

    def check(text: str) -> tuple[bool, str]:
        try:
            return True, f"{read(text)} min of the executive's time"
        except PlannerError as exc:
            return False, exc.message

    text = await asker.ask(
        PromptScreen("Minutes of the executive's time", value=str(brief.minutes), check=check)
    )
    return None if text is None else _edit(asker, brief, "Minutes changed", minutes=read(text))


async def priority(asker: Asker, brief: Brief) -> Proposal[Brief] | None:
    """The brief's priority, picked from the list."""
    value = await asker.ask(ChoiceScreen("Priority", [(p, p) for p in PRIORITIES]))
    return None if value is None else _edit(asker, brief, f"Priority: {value}", priority=value)


async def deliver_by(asker: Asker, brief: Brief) -> Proposal[Brief] | None:
    """The deadline, read as a promise is (empty: no deadline), on the brief's executive's
    clock wherever it is asked from."""
    asker = asker.for_executive(asker.document.owner(brief.executive))

    def read(text: str) -> datetime | None:
        if text.strip().lower() in ("", "none"):
            return None
        return parse_when(text, now=asker.clock.now(), settings=asker.settings)

    def check(text: str) -> tuple[bool, str]:
        try:
            moment = read(text)
        except PlannerError as exc:
            return False, exc.message
        if moment is None:
            return True, "no deadline"
        return True, when(moment, asker.clock.now(), asker.timezone)

    current = ""
    if brief.deliver_by is not None:
        current = fmt(pendulum.instance(brief.deliver_by).in_tz(asker.timezone), "YYYY-MM-DD HH:mm")
    text = await asker.ask(
        PromptScreen("Deliver by (empty: no deadline)", value=current, check=check)
    )
    return None if text is None else _edit(asker, brief, "Deadline changed", deliver_by=read(text))


async def drop(asker: Asker, brief: Brief) -> Proposal[Brief] | None:
    """Take the brief off the queue untold, with the reason."""

    def check(text: str) -> tuple[bool, str]:
        return (True, "") if text.strip() else (False, "say why it is dropped")

    reason = await asker.ask(PromptScreen("Drop this brief: why?", check=check))
    if reason is None:
        return None
    now, brief_id = asker.now(), brief.id
    return Proposal(lambda d: operations.drop_brief(d, brief_id, reason, now), "Brief dropped")


def _edit(asker: Asker, brief: Brief, done: str, **changes: Any) -> Proposal[Brief]:
    now, brief_id = asker.now(), brief.id
    return Proposal(lambda d: operations.edit_brief(d, brief_id, now, **changes), done)
