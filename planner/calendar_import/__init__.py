""".ics -> events: read a calendar file (reader), guess kinds (kinds), merge it (merge).

The heavy libraries (icalendar, recurring-ical-events, x-wr-timezone) are
imported only when a file is read, so importing this package stays cheap.
"""

from planner.calendar_import.imported import CalendarRead, ImportedEvent, NotICalendar, Skipped
from planner.calendar_import.kinds import KindGuess, guess_kind
from planner.calendar_import.merge import MergeCounts, merge_calendar
from planner.calendar_import.reader import import_range, read_ics

__all__ = [
    "CalendarRead",
    "ImportedEvent",
    "KindGuess",
    "MergeCounts",
    "NotICalendar",
    "Skipped",
    "guess_kind",
    "import_range",
    "merge_calendar",
    "read_ics",
]
