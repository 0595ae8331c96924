"""The dashboard against hostile text and broken themes: markup never interpreted from
what the EA types or stores, a bad theme never stops the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest
from textual.content import Content
from textual.widgets import Input

from planner.clock import Clock
from planner.domain.document import Document
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


BAD_VARIABLE = (
    'name = "badvar"\nprimary = "#88C0D0"\ndark = true\n'
    '[variables]\n"block-cursor-background" = "not-a-colour"\n'
)


async def test_a_theme_whose_css_textual_cannot_parse_never_stops_the_dashboard(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    """A user theme that passes the TOML checks but breaks Textual's CSS is skipped with a
    notice, and a preferences.toml naming it starts in the default theme."""
    from planner.preferences import Preferences, load, preferences_path, save

    folder = config_dir / "themes"
    folder.mkdir(parents=True)
    (folder / "badvar.toml").write_text(BAD_VARIABLE)
    save(preferences_path(config_dir), Preferences(theme="badvar"))
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.is_running
        assert "badvar" not in app.available_themes
        notices = [n.message for n in app._notifications if n.title == "Theme skipped"]
        assert any("badvar.toml" in m for m in notices)
        assert app.theme == "ea-dark"
    assert load(preferences_path(config_dir)).theme == "badvar"  # the file is not rewritten


async def test_a_theme_file_that_is_a_fifo_is_skipped_not_waited_on(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    import os

    folder = config_dir / "themes"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pipe.toml")
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notices = [n.message for n in app._notifications if n.title == "Theme skipped"]
        assert any("pipe.toml" in m and "not a regular file" in m for m in notices)


async def test_at_80_columns_the_header_keeps_until_hh_mm(store: Store, clock: Clock) -> None:
    from planner.domain import Event
    from planner.ui.widgets.header import DayHeader

    now = clock.now().in_tz(FROZEN_ZONE)
    long_title = "Quarterly board strategy offsite with the regional directors and advisors"
    event = Event(
        id="e-long",
        title=long_title,
        start=now.subtract(minutes=30),
        end=now.add(minutes=60),
        kind="meeting",
    )
    store.update(lambda d: msgspec.structs.replace(d, events=(event,)))
    # The EA in another zone than the executive: the first line carries both clocks.
    app = create_app(store, clock, ea_zone="America/New_York")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.query_one(DayHeader)
        lines = [
            strip.text
            for strip in header.query_one("#header-status").render_lines(
                header.query_one("#header-status").region.reset_offset
            )
        ]
        shown = " ".join(line.strip() for line in lines if line.strip())
        assert "until 11:00" in shown, shown
        assert shown.startswith("in Quarterly board")
        assert len(lines[0].rstrip()) <= 80
        title = header.query_one("#header-title")
        assert (
            len([s for s in title.render_lines(title.region.reset_offset) if s.text.strip()]) == 1
        )
        status = header.query_one("#header-status")
        assert status.region.height >= 1 and status.region.bottom <= header.region.bottom


async def test_quitting_during_an_import_cancels_it_and_writes_nothing(
    demo_store: Store, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from planner.ui.ask import schedule
    from planner.ui.dialogs.prompt import PromptScreen

    finished = threading.Event()
    real_read = schedule._read  # the import's first step: reading the calendar

    def watched(*args: Any) -> Any:
        try:
            return real_read(*args)
        finally:
            finished.set()

    monkeypatch.setattr(schedule, "_read", watched)

    series = "".join(
        f"BEGIN:VEVENT\r\nUID:s{n}\r\nSUMMARY:Series {n}\r\n"
        f"DTSTART:20260101T{8 + n % 10:02d}0000Z\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n"
        for n in range(300)
    )
    big = tmp_path / "big.ics"
    big.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{series}END:VCALENDAR\r\n")
    before = demo_store.path.read_bytes()
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = str(big)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not finished.is_set(), "the import ended before q: nothing to cancel"
        await pilot.press("q")
    assert finished.wait(60), "the import went on after the dashboard quit"
    assert demo_store.path.read_bytes() == before


async def test_a_change_is_said_only_once_it_is_on_disk(
    demo_store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Until the background save is done the header says "saving…" and no toast says
    the change was made; then the toast comes and "saving…" goes."""
    import threading

    from planner.ui.widgets.header import DayHeader

    release = threading.Event()
    real_update = Store.update

    def slow_update(self: Store, change: Callable[[Document], Document]) -> Document:
        assert release.wait(30)
        return real_update(self, change)

    monkeypatch.setattr(Store, "update", slow_update)
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        settings = msgspec.structs.replace(app.document.settings, executive_name="Dana Saved")
        assert app.change(lambda d: msgspec.structs.replace(d, settings=settings), "Settings saved")
        await pilot.pause(0.2)
        title = app.query_one(DayHeader).query_one("#header-title")
        assert "saving…" in str(title.render())
        assert not [n for n in app._notifications if n.message == "Settings saved"]
        release.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if [n for n in app._notifications if n.message == "Settings saved"]:
                break
        assert [n for n in app._notifications if n.message == "Settings saved"]
        assert "saving…" not in str(title.render())
    assert Store(demo_store.directory).load().settings.executive_name == "Dana Saved"
