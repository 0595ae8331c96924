"""The end-of-day close-out: the review model of one day and its Markdown summary.

Pure functions of (document, date, now); no Textual, no I/O. The CLI
(`ea-planner closeout`) and the dashboard's guided review build on these.

The names below are imported on first use: `ea-planner today` reads only the
morning notes (planner.closeout.morning) and must not pay for the review.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.closeout.actions import close_day, commands_for, keep, reopen_day, unkeep
    from planner.closeout.markdown import (
        close_with_summary,
        escape,
        render_markdown,
        summary_markdown,
    )
    from planner.closeout.morning import (
        MorningNotes,
        dismiss_morning_notes,
        morning_lines,
        morning_notes,
    )
    from planner.closeout.review import build_review, day_label, find_closeout
    from planner.closeout.steps import (
        STEPS,
        Address,
        ClosingRefused,
        Delivered,
        Done,
        DoneToday,
        Due,
        PromiseCheck,
        Review,
        StillOpen,
        StillToTell,
        Tomorrow,
    )

_WHERE = {
    "markdown": ("close_with_summary", "escape", "render_markdown", "summary_markdown"),
    "morning": ("MorningNotes", "dismiss_morning_notes", "morning_lines", "morning_notes"),
    "actions": ("close_day", "commands_for", "keep", "reopen_day", "unkeep"),
    "review": ("build_review", "day_label", "find_closeout"),
    "steps": (
        "STEPS",
        "Address",
        "ClosingRefused",
        "Delivered",
        "Done",
        "DoneToday",
        "Due",
        "PromiseCheck",
        "Review",
        "StillOpen",
        "StillToTell",
        "Tomorrow",
    ),
}
_MODULE = {name: module for module, names in _WHERE.items() for name in names}

__all__ = [
    "STEPS",
    "Address",
    "ClosingRefused",
    "Delivered",
    "Done",
    "DoneToday",
    "Due",
    "MorningNotes",
    "PromiseCheck",
    "Review",
    "StillOpen",
    "StillToTell",
    "Tomorrow",
    "build_review",
    "close_day",
    "close_with_summary",
    "commands_for",
    "day_label",
    "dismiss_morning_notes",
    "escape",
    "find_closeout",
    "keep",
    "morning_lines",
    "morning_notes",
    "render_markdown",
    "reopen_day",
    "summary_markdown",
    "unkeep",
]


def __getattr__(name: str) -> Any:
    module = _MODULE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
