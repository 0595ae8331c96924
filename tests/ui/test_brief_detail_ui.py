"""Enter in the Brief queue opens the brief: its facts, solution, minutes, priority,
deliver-by, delivered and drop — each change on disk."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from planner.domain import Brief
from planner.storage import Store
from planner.ui.app import PlannerApp
from planner.ui.screens.brief import BriefScreen
from planner.ui.widgets.briefs import BriefPane
from tests.ui.test_dashboard import shown_text, type_text


def brief_of(app: PlannerApp, brief_id: str) -> Brief:
    return next(b for b in app.document.briefs if b.id == brief_id)


async def open_brief(app: PlannerApp, pilot: Pilot[int], brief_id: str) -> None:
    pane = app.query_one(BriefPane)
    pane.focus()
    pane.keep_cursor_on(brief_id)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, BriefScreen)


async def test_an_escalation_brief_shows_its_facts_log(app: PlannerApp) -> None:
    escalation = next(b for b in app.document.briefs if b.kind == "escalation")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_brief(app, pilot, escalation.id)
        body = shown_text(app)
        assert "Facts" in body
        for fact in escalation.facts:
            assert fact in body
        assert "Lars Nilsen (Stark Logistics)" in body and "escalated" in body


async def test_a_bad_news_brief_gets_its_solution_minutes_priority_and_deadline(
    app: PlannerApp, store: Store
) -> None:
    bad = next(b for b in app.document.briefs if b.kind == "bad-news")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_brief(app, pilot, bad.id)
        assert "held: bad news goes in only with a proposed solution" in shown_text(app)
        await pilot.press("s")
        await type_text(pilot, "switch to the second supplier")
        await pilot.press("enter")
        await pilot.pause()
        assert brief_of(app, bad.id).solution == "switch to the second supplier"
        assert "in the queue" in shown_text(app)
        await pilot.press("m")
        app.screen.query_one(Input).value = "12"
        await pilot.press("enter")
        await pilot.press("r")
        await pilot.press("down", "enter")  # high
        await pilot.press("b")
        app.screen.query_one(Input).value = "today 16:00"
        await pilot.press("enter")
        await pilot.pause()
        changed = brief_of(app, bad.id)
        assert (changed.minutes, changed.priority) == (12, "high")
        assert changed.deliver_by is not None and changed.deliver_by.hour == 16
        body = shown_text(app)
        assert "12 min" in body and "high" in body
    saved = next(b for b in Store(store.directory).load().briefs if b.id == bad.id)
    assert (saved.solution, saved.minutes, saved.priority) == (
        "switch to the second supplier",
        12,
        "high",
    )


async def test_dropping_a_brief_takes_it_off_the_queue(app: PlannerApp) -> None:
    good = next(b for b in app.document.briefs if b.kind == "good-news")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_brief(app, pilot, good.id)
        await pilot.press("x")
        await type_text(pilot, "the executive heard it at lunch")
        await pilot.press("enter")
        await pilot.pause()
        dropped = brief_of(app, good.id)
        assert dropped.dropped is not None
        assert dropped.drop_reason == "the executive heard it at lunch"
        assert "dropped" in shown_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert good.id not in app.query_one(BriefPane).row_keys()
