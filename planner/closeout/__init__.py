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
    StillToTell,
    Tomorrow,
    build_review,
    close_day,
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
    "PromiseCheck",
    "Review",
    "StillToTell",
    "Tomorrow",
    "build_review",
    "close_day",
    "close_with_summary",
    "day_label",
    "escape",
    "find_closeout",
    "keep",
    "render_markdown",
    "reopen_day",
    "summary_markdown",
    "unkeep",
]
