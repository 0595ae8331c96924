"""The end-of-day close-out: the review model of one day and its Markdown summary.

Pure functions of (document, date, now); no Textual, no I/O. The CLI
(`ea-planner closeout`) and the dashboard's guided review build on these.
"""

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
from planner.closeout.review import (
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
    build_review,
    close_day,
    commands_for,
    day_label,
    find_closeout,
    keep,
    reopen_day,
    unkeep,
)

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
