"""Quick-add warns about a repeat caller and can add the line as a note instead."""

from __future__ import annotations

from planner.storage import Store
from planner.ui.app import PlannerApp
from planner.ui.dialogs.quick_add import QuickAddScreen
from tests.ui.test_dashboard import static_text, type_text


async def test_the_preview_warns_and_ctrl_n_adds_a_note_to_the_open_follow_up(
    app: PlannerApp, store: Store
) -> None:
    maria = next(f for f in app.document.followups if f.customer == "Maria Ortiz")
    before = len(app.document.followups)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Maria Ortiz: called again, refund still missing @Acme")
        preview = static_text(app, "#quick-add-preview")
        assert "↻ repeat caller: Maria Ortiz already has an open follow-up" in preview
        assert f"{maria.summary} · open · promised" in preview
        assert "ctrl+n adds this as a note to" in preview
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not isinstance(app.screen, QuickAddScreen)
        assert len(app.document.followups) == before  # no second follow-up
        noted = next(f for f in app.document.followups if f.id == maria.id)
        assert (noted.log[-1].action, noted.log[-1].text) == (
            "note",
            "called again, refund still missing",
        )
    on_disk = next(f for f in Store(store.directory).load().followups if f.id == maria.id)
    assert on_disk.log[-1].text == "called again, refund still missing"


async def test_another_organisation_is_no_repeat_caller_and_enter_still_adds(
    app: PlannerApp,
) -> None:
    before = len(app.document.followups)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Maria Ortiz: new badge @Globex by tomorrow 3pm")
        assert "repeat caller" not in static_text(app, "#quick-add-preview")
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.document.followups) == before + 1


async def test_ctrl_n_with_a_promise_notes_and_re_promises_the_open_follow_up(
    app: PlannerApp, store: Store
) -> None:
    maria = next(f for f in app.document.followups if f.customer == "Maria Ortiz")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await type_text(pilot, "Maria Ortiz: rang again, furious, call her back in 30 min @Acme")
        await pilot.pause()
        preview = static_text(app, "#quick-add-preview")
        assert ", re-promising it for" in preview
        await pilot.press("ctrl+n")
        await pilot.pause()
        noted = next(f for f in app.document.followups if f.id == maria.id)
        assert (noted.log[-2].action, noted.log[-2].text) == (
            "note",
            "rang again, furious, call her back",
        )
        assert noted.log[-1].action == "re-promised"
        assert noted.promised_by == noted.log[-1].new_promise
    on_disk = next(f for f in Store(store.directory).load().followups if f.id == maria.id)
    assert on_disk.log[-1].action == "re-promised"
