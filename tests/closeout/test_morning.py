"""The next morning: the last close-out's notes and tomorrow items, until dismissed."""

from __future__ import annotations

import pendulum
import pytest

from planner.closeout import (
    close_with_summary,
    dismiss_morning_notes,
    keep,
    morning_lines,
    morning_notes,
)
from planner.domain import lifecycle as lc
from planner.domain.document import Document
from planner.errors import InputError
from tests.closeout import day
from tests.closeout.day import CLOSE_TIME, DATE, TOMORROW, at


def closed(notes: str = "Call Li Wei first thing.") -> Document:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    document = keep(document, DATE, "f-liwei003", CLOSE_TIME)
    return close_with_summary(document, DATE, CLOSE_TIME, notes=notes)[0]


def test_the_next_workday_shows_the_notes_promises_due_and_briefs_carried() -> None:
    shown = morning_notes(closed(), TOMORROW)
    assert shown is not None
    assert shown.date == DATE
    assert shown.notes == "Call Li Wei first thing."
    assert [f.id for f in shown.due] == ["f-jonas007"]
    assert len(shown.carried) == 4
    lines = morning_lines(shown, day.TZ)
    assert lines[:3] == [
        "From the close-out of Monday 23 November",
        "  Notes:",
        "    Call Li Wei first thing.",
    ]
    assert (
        "    Jonas Berg — quote for 40 seats · promised Tue 24 Nov 11:00 · open (f-jonas007)"
        in (lines)
    )


def test_broken_promises_left_open_at_the_close_are_carried_to_the_morning() -> None:
    # Li Wei's 09:00 promise was broken and kept as it stood: still open, it must be
    # the first call of the next morning, not only the promises due that day.
    shown = morning_notes(closed(), TOMORROW)
    assert shown is not None
    assert "f-liwei003" in [f.id for f in shown.broken]
    assert all(f.is_open for f in shown.broken)
    assert not {f.id for f in shown.broken} & {f.id for f in shown.due}
    lines = morning_lines(shown, day.TZ)
    heading = lines.index("  Broken promises carried over (call them first):")
    assert heading < lines.index("  Promises due:")
    assert any(line.startswith("    Li Wei") and "(f-liwei003)" in line for line in lines)


def test_a_broken_promise_resolved_since_is_not_carried() -> None:
    document, _ = lc.change_followup(
        closed(), "f-liwei003", lambda f: lc.Outcome(lc.resolve(f, "called", at(24, 8))[0])
    )
    shown = morning_notes(document, TOMORROW)
    assert shown is not None
    assert "f-liwei003" not in [f.id for f in shown.broken]


def test_items_show_as_they_are_now() -> None:
    document, _ = lc.change_followup(
        closed(), "f-jonas007", lambda f: lc.Outcome(lc.resolve(f, "quote sent", at(24, 8))[0])
    )
    shown = morning_notes(document, TOMORROW)
    assert shown is not None
    assert "    Jonas Berg — quote for 40 seats · resolved (f-jonas007)" in morning_lines(
        shown, day.TZ
    )


def test_not_on_the_day_itself_nor_before_it_is_closed() -> None:
    assert morning_notes(closed(), DATE) is None
    assert morning_notes(day.document(), TOMORROW) is None


def test_dismissed_notes_stay_dismissed() -> None:
    document = dismiss_morning_notes(closed(), TOMORROW)
    assert morning_notes(document, TOMORROW) is None
    assert morning_notes(document, pendulum.date(2026, 11, 25)) is None
    assert document.closeouts[0].morning_dismissed
    with pytest.raises(InputError, match="no close-out notes"):
        dismiss_morning_notes(document, TOMORROW)


def test_a_later_close_out_replaces_the_earlier_one() -> None:
    document = closed()
    tuesday_close = pendulum.datetime(2026, 11, 24, 18, tz=day.TZ)
    for followup in ("f-jonas007", "f-liwei003", "f-paul0004", "f-sara0005"):
        document = keep(document, TOMORROW, followup, tuesday_close)
    document, _ = close_with_summary(document, TOMORROW, tuesday_close, notes="Tuesday notes")
    shown = morning_notes(document, pendulum.date(2026, 11, 25))
    assert shown is not None and shown.notes == "Tuesday notes"
