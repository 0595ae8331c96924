"""Every time the EA types, read one way: the promise grammar, `--date` days, form fields.

Pure functions on pendulum: no Textual, no storage. Quick-add, the command line's
`--date` and `--start`/`--end`, and the dashboard's dialogs and settings all read
typed times here, so the same words mean the same instant everywhere. A wall-clock
time the clocks skip at a DST change is refused; a repeated one is read as the first
(see planner.when.wall).
"""

from planner.when.fields import localize, parse_time
from planner.when.phrase import (
    WhenMatch,
    match_when,
    parse_day,
    parse_range_day,
    parse_when,
    promise_flags,
    starts_alone,
)
from planner.when.syntax import could_start, is_when_word
from planner.when.wall import WhenError, is_repeated, wall_time

__all__ = [
    "WhenError",
    "WhenMatch",
    "could_start",
    "is_repeated",
    "is_when_word",
    "localize",
    "match_when",
    "parse_day",
    "parse_range_day",
    "parse_time",
    "parse_when",
    "promise_flags",
    "starts_alone",
    "wall_time",
]
