"""Good moments, brief packing and the interrupt status: pure functions of
(events, windows, settings, date, now). No Textual, no I/O."""

from planner.domain.brief import is_held
from planner.scheduling.moments import (
    Busy,
    GoodMoment,
    blocks,
    busy_spans,
    good_moments,
    never_interrupted,
    next_workday,
    running_event,
    workday_span,
)
from planner.scheduling.packing import (
    DEADLINE_MISSED,
    INTERRUPT_NOW,
    NEEDS_SOLUTION,
    NO_ROOM,
    Packing,
    Placement,
    Slot,
    pack,
    queue_order,
)
from planner.scheduling.status import InterruptStatus, interrupt_status, status_for

__all__ = [
    "DEADLINE_MISSED",
    "INTERRUPT_NOW",
    "NEEDS_SOLUTION",
    "NO_ROOM",
    "Busy",
    "GoodMoment",
    "InterruptStatus",
    "Packing",
    "Placement",
    "Slot",
    "blocks",
    "busy_spans",
    "good_moments",
    "interrupt_status",
    "is_held",
    "never_interrupted",
    "next_workday",
    "pack",
    "queue_order",
    "running_event",
    "status_for",
    "workday_span",
]
