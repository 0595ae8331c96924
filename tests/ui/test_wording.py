"""Counts read as people write them: "1 event read", "These events are" only for several."""

from __future__ import annotations

from pathlib import Path

from planner.ui.app import PlannerApp
from planner.ui.dialogs.prompt import PromptScreen
from tests.ui.test_keys import asked_which_calendar, set_input

ONE_EVENT = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//ea-planner tests//one event//EN
BEGIN:VEVENT
UID:one@example.com
DTSTAMP:20261001T000000Z
SUMMARY:Budget review
DTSTART:20261124T100000Z
DURATION:PT90M
END:VEVENT
END:VCALENDAR
"""


async def test_the_calendar_question_counts_one_event_in_the_singular(
    app: PlannerApp, tmp_path: Path
) -> None:
    source = tmp_path / "budget.ics"
    source.write_text(ONE_EVENT)
    async with app.run_test(size=(120, 40)) as pilot:
        for answer in ("Budget", None):
            await pilot.press("i")
            set_input(app, str(source))
            await pilot.press("enter")
            await asked_which_calendar(pilot)
            screen = app.screen
            assert isinstance(screen, PromptScreen)
            context = screen._prompt_context
            assert context.startswith("1 event read."), context
            if answer is None:
                assert "This event is already in “Budget”." in context, context
                await pilot.press("escape")
            else:
                set_input(app, answer)
                await pilot.press("enter")
                await app.workers.wait_for_complete()
                while not any(e.calendar == "Budget" for e in app.document.events):
                    await pilot.pause(0.05)
