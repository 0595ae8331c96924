"""The dashboard against hostile text and broken themes: markup never interpreted from
what the EA types or stores, a bad theme never stops the dashboard."""

from __future__ import annotations

import msgspec
from textual.content import Content

from planner.clock import Clock
from planner.domain.lifecycle import open_followup
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.screens.followup import FollowUpScreen
from planner.ui.widgets.followups import FollowUpsPane
from tests.conftest import FROZEN_ZONE


def _plain(value: object) -> str:
    """What a border title shows: Textual hands it back as markup (escaped when set as
    Content), so it is parsed the way the border draws it."""
    return value.plain if isinstance(value, Content) else Content.from_markup(str(value)).plain


async def test_markup_typed_in_the_filter_is_shown_as_typed(app: PlannerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await pilot.press(*"[/]")
        await pilot.pause(0.3)
        pane = app.query_one(FollowUpsPane)
        assert "“[/]”" in _plain(pane.border_subtitle)
        await pilot.press("escape")


async def test_markup_in_a_customer_name_is_shown_as_written(store: Store, clock: Clock) -> None:
    now = clock.now().in_tz(FROZEN_ZONE)
    followup = open_followup(
        customer="[b red]Eve[/]", summary="refund [link=x]", promised_by=now.add(hours=3), now=now
    )
    store.update(lambda d: msgspec.structs.replace(d, followups=(followup,)))
    app = create_app(store, clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(FollowUpsPane).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpScreen)
        title = app.screen.query_one("#detail").border_title
        assert _plain(title) == "Follow-up: [b red]Eve[/]"
