"""Good moments, brief packing and the interrupt status of each executive of the desk.

Each executive's come from their own events, hand-marked windows and briefs, in their
own zone, with their own rules: the functions of this package applied to the desk as
that executive sees it (`Document.view`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import msgspec
import pendulum

from planner.config import executive_zone
from planner.domain.document import Document
from planner.domain.executive import Executive
from planner.scheduling.moments import GoodMoment, events_near, good_moments
from planner.scheduling.packing import ROLLOVER_LOOKAHEAD, Packing, pack
from planner.scheduling.status import InterruptStatus, status_for


class ExecutiveStatus(msgspec.Struct, frozen=True, gc=False):
    """One executive's answer to "can I interrupt now?"."""

    executive: Executive
    timezone: str
    status: InterruptStatus


def moments_of(
    document: Document, executive_id: str | None, date: pendulum.Date
) -> tuple[GoodMoment, ...]:
    """The executive's good moments of `date` (their zone's date)."""
    view = document.view(executive_id)
    tz = executive_zone(view.settings)
    return good_moments(view.events, view.windows, view.settings, date, tz=tz)


def packing_of(
    document: Document, executive_id: str | None, date: pendulum.Date, now: datetime
) -> Packing:
    """The executive's brief queue packed into their good moments of `date` (and the next
    workday's)."""
    view = document.view(executive_id)
    tz = executive_zone(view.settings)
    ahead = timedelta(days=ROLLOVER_LOOKAHEAD + 1)
    events = events_near(view.events, date, tz, after=ahead)
    return pack(view.briefs, events, view.windows, view.settings, date, now, tz=tz)


def status_of(document: Document, executive_id: str | None, now: datetime) -> ExecutiveStatus:
    """The executive's interrupt status at `now`, from their day in their zone."""
    view = document.view(executive_id)
    tz = executive_zone(view.settings)
    today = pendulum.instance(now).in_tz(tz).date()
    ahead = timedelta(days=ROLLOVER_LOOKAHEAD + 1)
    events = events_near(view.events, today, tz, after=ahead)
    packing = pack(view.briefs, events, view.windows, view.settings, today, now, tz=tz)
    settings = view.settings
    status = status_for(
        packing.moments,
        events,
        now,
        tz,
        interrupt_now=packing.interrupt_now,
        settings=settings,
        missed=packing.missed,
    )
    return ExecutiveStatus(executive=document.executive(executive_id), timezone=tz, status=status)


def desk_status(document: Document, now: datetime) -> tuple[ExecutiveStatus, ...]:
    """Every executive's interrupt status at `now`, in the desk's order."""
    return tuple(status_of(document, executive.id, now) for executive in document.roster)
