"""Plain, immutable value types: one noun per module. No Textual, no I/O."""

from planner.domain.brief import Brief, BriefKind
from planner.domain.closeout import Closeout
from planner.domain.event import Event
from planner.domain.followup import Channel, FollowUp, FollowUpKind, LogEntry, Status
from planner.domain.priority import PRIORITIES, Priority
from planner.domain.window import Window

__all__ = [
    "PRIORITIES",
    "Brief",
    "BriefKind",
    "Channel",
    "Closeout",
    "Event",
    "FollowUp",
    "FollowUpKind",
    "LogEntry",
    "Priority",
    "Status",
    "Window",
]
