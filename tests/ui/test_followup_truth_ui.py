"""State you can see, waiting asks what for, closing a matter offers to retire its briefs."""

from __future__ import annotations

import pendulum
import pytest

from planner.storage import Store
from planner.ui.app import PlannerApp
from planner.ui.dialogs.choice import ChoiceScreen
from planner.ui.dialogs.prompt import PromptScreen
from planner.ui.screens.followup import FollowUpScreen
from planner.ui.widgets.followups import FollowUpsPane, short_promise
from tests.ui.test_dashboard import cell_texts, shown_text, type_text


def followup_id(app: PlannerApp, customer: str) -> str:
    return next(f.id for f in app.document.followups if f.customer == customer)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_escalated_waiting_and_paused_read_as_words_at_every_width(
    app: PlannerApp, size: tuple[int, int]
) -> None:
    lars, aiko = followup_id(app, "Lars Nilsen"), followup_id(app, "Aiko Sato")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        pane = app.query_one(FollowUpsPane)
        assert cell_texts(pane, lars)[0] == "escalated"
        assert cell_texts(pane, aiko)[0] == "paused"
        assert "Aiko Sato · paused: waiting on customer since" in " ".join(cell_texts(pane, aiko))
        # The promise as it was made, not one sliding later with every minute awaited.
        made = next(f for f in app.document.followups if f.id == aiko).promised_by
        assert cell_texts(pane, aiko)[1] == short_promise(
            pendulum.instance(made).in_tz(app.timezone), app.clock.now().in_tz(app.timezone).date()
        )
        # Drawn, not only held: the State column is there at this width, as words.
        drawn = [pane.render_line(y).text for y in range(pane.size.height)]
        assert any(line.lstrip().startswith("escalated") for line in drawn)
        assert any(line.lstrip().startswith("paused") for line in drawn)


async def test_waiting_asks_what_for_and_the_detail_view_explains_the_pause(
    app: PlannerApp, store: Store
) -> None:
    tom = followup_id(app, "Tom Becker")  # promised for later today: not broken
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(FollowUpsPane).keep_cursor_on(tom)
        await pilot.pause()
        await pilot.press("w")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # the customer
        assert isinstance(app.screen, PromptScreen)
        await type_text(pilot, "the signed refund form")
        await pilot.press("enter")
        await pilot.pause()
        saved = next(f for f in app.document.followups if f.id == tom)
        assert (saved.status, saved.waiting_on, saved.waiting_for) == (
            "waiting",
            "customer",
            "the signed refund form",
        )
        await pilot.press("enter")
        assert isinstance(app.screen, FollowUpScreen)
        body = shown_text(app)
        assert "paused: waiting on customer since 10:00" in body
        assert "waiting for   the signed refund form" in body
        assert "paused · was" in body and "added when the wait ends" in body
        assert "waiting on the customer for: the signed refund form" in body  # the log
    on_disk = next(f for f in Store(store.directory).load().followups if f.id == tom)
    assert on_disk.waiting_for == "the signed refund form"


async def test_resolving_an_escalated_matter_offers_to_retire_its_escalation_brief(
    app: PlannerApp,
) -> None:
    lars = followup_id(app, "Lars Nilsen")
    escalation = next(b for b in app.document.briefs if b.followup_id == lars)
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(FollowUpsPane).keep_cursor_on(lars)
        await pilot.pause()
        await pilot.press("x")
        await type_text(pilot, "executive called him")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # retire
        await pilot.pause()
        briefs = {b.id: b for b in app.document.briefs if b.followup_id == lars}
        assert briefs[escalation.id].dropped is not None
        assert briefs[escalation.id].drop_reason == "follow-up resolved"
        # The "how it was solved" brief the resolution queued stays in the queue.
        (fyi,) = [b for b in briefs.values() if b.id != escalation.id]
        assert fyi.kind == "fyi" and fyi.queued


async def test_the_close_outs_step_2_lists_every_other_open_follow_up(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        text = shown_text(app)
        assert "Still open, no promise due today:" in text
        assert "paused · was" in text and "paused: now" not in text
        assert "Aiko Sato (Initech)" in text
        assert "waiting on the customer since" in text
        assert "Grace Kim (Hooli)" in text
