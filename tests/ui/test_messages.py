"""Screens ask the app for changes with messages (planner.ui.messages): the app carries
each out through the session in one handler, and `u` takes it back. The screens see the
app only as a `Host`."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message
from textual.pilot import Pilot

from planner.domain import FollowUp
from planner.ui.app import PlannerApp
from planner.ui.dialogs.form import FormScreen
from planner.ui.dialogs.prompt import PromptScreen
from planner.ui.host import Host
from planner.ui.messages import ChangeRequested, UndoRequested
from planner.ui.screens.closeout import CloseoutScreen
from planner.ui.screens.followup import FollowUpScreen
from planner.ui.widgets.followups import FollowUpsPane
from planner.ui.widgets.promise_table import PromiseTable
from tests.ui.test_dashboard import type_text


async def until(pilot: Pilot[int], condition: Callable[[], bool]) -> None:
    for _ in range(300):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("never happened")


def followup(app: PlannerApp, customer: str) -> FollowUp:
    return next(f for f in app.document.followups if f.customer == customer)


def requests(seen: list[Message]) -> list[ChangeRequested]:
    return [m for m in seen if isinstance(m, ChangeRequested)]


def test_the_app_is_what_its_screens_take_it_for(app: PlannerApp) -> None:
    host: Host = app  # mypy checks every member the screens read is there, typed alike
    assert isinstance(host, Host)
    # What a screen may not do through it: change anything.
    for change in ("settle", "apply", "change", "carry_out", "action_undo", "save_preferences"):
        assert not hasattr(Host, change), change


async def test_the_detail_views_resolve_reaches_the_session_by_a_message_and_u_undoes_it(
    app: PlannerApp,
) -> None:
    seen: list[Message] = []
    tom = followup(app, "Tom Becker")
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        app.query_one(FollowUpsPane).keep_cursor_on(tom.id)
        await pilot.pause()
        await pilot.press("enter")
        assert isinstance(app.screen, FollowUpScreen)
        await pilot.press("x")
        assert isinstance(app.screen, PromptScreen)
        await type_text(pilot, "sent the signed copy")
        await pilot.press("enter")
        await until(pilot, lambda: followup(app, "Tom Becker").status == "resolved")
        (request,) = requests(seen)
        assert request.proposal.done.startswith("Resolved")
        assert request.outcome.done() and request.outcome.result() is not None
        assert isinstance(app.screen, FollowUpScreen)
        assert "resolved" in str(app.screen.query_one("#detail-body").render())
        await until(pilot, lambda: app.session.pending == 0)

        await pilot.press("u")
        await until(pilot, lambda: followup(app, "Tom Becker").status == "open")
        assert followup(app, "Tom Becker").resolution == tom.resolution
        assert len(requests(seen)) == 1  # the undo is the app's own key, not a change asked


async def test_the_close_outs_repromise_and_its_undo_go_up_as_messages(app: PlannerApp) -> None:
    seen: list[Message] = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, CloseoutScreen))
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CloseoutScreen)
        maria = followup(app, "Maria Ortiz")
        assert screen.query_one(PromiseTable).selected_key == maria.id
        await pilot.press("p")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "tomorrow 10am")
        await pilot.press("enter")
        await until(pilot, lambda: followup(app, "Maria Ortiz").log[-1].action == "re-promised")
        (request,) = requests(seen)
        assert request.proposal.done.startswith("Re-promised")
        assert request.outcome.result() is not None
        # The close-out keeps the cursor on the promise just answered.
        assert screen.query_one(PromiseTable).selected_key == maria.id

        await pilot.press("u")  # the close-out's own u: asked of the app by a message
        await until(pilot, lambda: followup(app, "Maria Ortiz").promised_by == maria.promised_by)
        assert any(isinstance(m, UndoRequested) for m in seen)
        assert followup(app, "Maria Ortiz").log == maria.log
