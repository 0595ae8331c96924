"""Settings (S): the executive's rules into planner.json, the EA's choices into preferences.toml;
bad values and bad files reported, never a crash, never an overwritten file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, Switch

from planner.clock import Clock
from planner.preferences import load, preferences_path
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from planner.ui.dialogs.settings import (
    SettingsScreen,
    field_docs,
    keymap_from_text,
    settings_from_texts,
)
from tests.conftest import FROZEN_ZONE, instant


def settings_app(store: Store, clock: Clock, config_dir: Path) -> PlannerApp:
    return create_app(store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)


def field(app: PlannerApp, name: str) -> Input:
    return app.screen.query_one(f"#setting-{name}", Input)


def test_every_setting_has_its_explanation() -> None:
    from planner import config, preferences
    from planner.config import Settings
    from planner.preferences import Preferences

    docs = field_docs(config, "Settings")
    assert set(docs) == set(Settings.__struct_fields__)
    assert docs["protect_before"].startswith("Minutes before a blocking event")
    assert set(field_docs(preferences, "Preferences")) == set(Preferences.__struct_fields__)


def test_typed_texts_become_settings_and_mistakes_name_the_field() -> None:
    from planner.config import Settings

    current = Settings()
    made = settings_from_texts(
        {"workdays": "mon, tue wed", "never_interrupt": "focus", "min_window": "15"}, current
    )
    assert (made.workdays, made.never_interrupt, made.min_window) == ((1, 2, 3), ("focus",), 15)
    with pytest.raises(ValueError, match=r"^protect_before: "):
        settings_from_texts({"protect_before": "-5"}, current)
    with pytest.raises(ValueError, match=r"^workday_start: "):
        settings_from_texts({"workday_start": "8h30"}, current)
    with pytest.raises(ValueError, match="never_interrupt"):
        settings_from_texts({"never_interrupt": "focus, naps"}, current)
    assert keymap_from_text(
        "followup.resolve = r; day.next=n", ["followup.resolve", "day.next"]
    ) == {
        "followup.resolve": "r",
        "day.next": "n",
    }
    with pytest.raises(ValueError, match="not a binding id"):
        keymap_from_text("follow.resolve = r", ["followup.resolve"])


async def test_settings_are_saved_into_planner_json_and_preferences_toml(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    app = settings_app(demo_store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("S")
        assert isinstance(app.screen, SettingsScreen)
        assert field(app, "executive_name").value == "Dana Whitfield"
        field(app, "min_window").value = "15"
        field(app, "workday_end").value = "17:30"
        app.screen.query_one("#pref-bell", Switch).value = False
        app.screen.query_one("#pref-theme", Select).value = "ea-light"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        assert app.theme == "ea-light"
    saved = Store(demo_store.directory).load().settings
    assert (saved.min_window, saved.workday_end) == (15, "17:30")
    prefs = load(preferences_path(config_dir))
    assert (prefs.bell, prefs.theme) == (False, "ea-light")


async def test_the_eas_name_is_a_setting_and_subscriptions_stay_untouched(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    import msgspec

    from planner.config import Subscription

    work = Subscription(name="work", url="https://example.com/work.ics", password_env="PW")
    demo_store.update(
        lambda d: msgspec.structs.replace(
            d, settings=msgspec.structs.replace(d.settings, calendars=(work,))
        )
    )
    app = settings_app(demo_store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("S")
        assert isinstance(app.screen, SettingsScreen)
        assert not app.screen.query("#setting-calendars")
        field(app, "assistant_name").value = "Chris Park"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    saved = Store(demo_store.directory).load().settings
    assert saved.assistant_name == "Chris Park"
    assert saved.calendars == (work,)


async def test_a_bad_value_is_shown_and_nothing_is_saved(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    app = settings_app(demo_store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.document.settings
        await pilot.press("S")
        field(app, "protect_before").value = "lots"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        error = str(app.screen.query_one("#settings-error", Static).render())
        assert error.startswith("✗ protect_before:")
        field(app, "protect_before").value = "10"
        field(app, "timezone").value = "Mars/Olympus"
        await pilot.press("ctrl+s")
        assert "timezone" in str(app.screen.query_one("#settings-error", Static).render())
        field(app, "timezone").value = FROZEN_ZONE
        field(app, "default_promise").value = "whenever"
        await pilot.press("ctrl+s")
        assert "default_promise" in str(app.screen.query_one("#settings-error", Static).render())
        await pilot.press("escape")
        assert not isinstance(app.screen, SettingsScreen)
        assert app.document.settings == before
    assert not preferences_path(config_dir).exists()


async def test_the_dashboard_keys_do_not_act_behind_the_settings(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    app = settings_app(demo_store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("S")
        app.screen.query_one("#pref-bell", Switch).focus()
        await pilot.press("q")
        assert app.is_running and isinstance(app.screen, SettingsScreen)


async def test_a_bad_preferences_file_is_named_the_app_runs_and_the_file_is_kept(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    config_dir.mkdir(parents=True)
    path = preferences_path(config_dir)
    bad = 'theme = "ea-light"\nbell = "loud"\n'
    path.write_text(bad)
    app = settings_app(demo_store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (notice,) = [n for n in app._notifications if n.title == "Preferences not read"]
        assert str(path) in notice.message and "expected `bool`" in notice.message
        assert "Traceback" not in notice.message
        assert app.theme == "ea-dark"  # the defaults
        app.theme = "ea-high-contrast"  # a change is not written over the bad file
        await pilot.pause()
        assert app.theme == "ea-high-contrast"
    assert path.read_text() == bad


async def test_the_quick_add_settings_are_set_here_and_quick_add_follows_them(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    from planner.quickadd import parse

    app = settings_app(demo_store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("S")
        assert isinstance(app.screen, SettingsScreen)
        assert field(app, "date_order").value == ""  # unset: from the locale
        field(app, "morning").value = "10:30"
        field(app, "asap_minutes").value = "20"
        field(app, "date_order").value = "MDY"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
    saved = Store(demo_store.directory).load().settings
    assert (saved.morning, saved.asap_minutes, saved.date_order) == ("10:30", 20, "MDY")
    now = clock.now()
    line = parse("Ann: call back by tomorrow morning", now=now, settings=saved)
    assert line.promised_by is not None and line.promised_by.in_tz("Europe/Paris").hour == 10
    assert parse("Ann: asap", now=now, settings=saved).promised_by == now.add(minutes=20)
    numeric = parse("Ann: call back by 12/4", now=now, settings=saved).promised_by
    assert numeric is not None and (numeric.month, numeric.day) == (12, 4)


async def test_only_the_zone_field_falls_back_to_the_eas_zone(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    """An empty field with no default said "(the EA's local zone)", the EA's name included."""
    app = settings_app(demo_store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("S")
        assert isinstance(app.screen, SettingsScreen)
        assert field(app, "assistant_name").placeholder == "(not set)"
        saying_zone = [
            field.id for field in app.screen.query(Input) if "local zone" in str(field.placeholder)
        ]
        assert saying_zone in ([], ["setting-timezone"])


async def settings_shown(pilot: Pilot[int]) -> SettingsScreen:
    """Wait until the settings screen is up with a field focused (it opens in a worker)."""
    app = pilot.app
    while not (
        isinstance(app.screen, SettingsScreen) and getattr(app.screen, "ready_for_keys", True)
    ):
        await pilot.pause(0.05)
    await pilot.pause()
    return app.screen


async def test_keys_typed_while_settings_opens_never_replace_the_executives_name(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    """The field test: `S` seemed to do nothing on a busy machine, a second `S` went into
    the pre-selected name and replaced it. Now one screen opens, the name is not selected,
    and what is typed ahead lands after the name, in sight."""
    app = settings_app(demo_store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("S", "S", "j")
        await settings_shown(pilot)
        assert sum(isinstance(s, SettingsScreen) for s in app.screen_stack) == 1
        name = field(app, "executive_name")
        assert name.has_focus
        assert name.value.startswith("Dana Whitfield")
        assert name.selected_text == ""
        await pilot.press("x")
        assert name.value.startswith("Dana Whitfield") and name.value.endswith("x")
        await pilot.press("escape")
        await pilot.pause()
    assert Store(demo_store.directory).load().settings.executive_name == "Dana Whitfield"


async def test_on_a_desk_the_settings_are_the_executives_in_view_and_say_so(
    store: Store, config_dir: Path
) -> None:

    from tests.ui.desk import LEE, NOW, two_executives

    store.save(two_executives())
    clock = Clock(fixed=instant(NOW))
    app = settings_app(store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        while app.dashboard.in_view != LEE.id:
            await pilot.press("v")
            await pilot.pause()
        await pilot.press("S")
        screen = await settings_shown(pilot)
        heading = str(screen.query_one(".settings-section", Static).render())
        assert heading.startswith("+Lee (Lee Okafor)'s settings (the executive in view)")
        assert "Also on this desk: +Dana (Dana Whitfield)" in heading
        assert "ea-planner exec edit" in heading
        assert field(app, "executive_name").value == "Lee Okafor"
        assert field(app, "timezone").value == "Europe/London"
        assert field(app, "workday_end").value == "17:00"
        field(app, "workday_end").value = "16:30"
        field(app, "executive_name").value = "Lee Okafor-Brown"
        field(app, "assistant_name").value = "Chris"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
    saved = Store(store.directory).load()
    lee = saved.executive(LEE.id)
    assert (lee.name, lee.workday_end, lee.timezone) == ("Lee Okafor-Brown", "16:30", LEE.timezone)
    # Dana (the first) keeps hers; the EA's name is the desk's.
    assert saved.settings.executive_name == "Dana Whitfield"
    assert saved.settings.workday_end == "18:00"
    assert saved.settings.timezone == "America/New_York"
    assert saved.settings.assistant_name == "Chris"


async def test_on_a_desk_in_all_the_settings_are_the_firsts_and_name_the_others(
    store: Store, config_dir: Path
) -> None:

    from tests.ui.desk import NOW, two_executives

    store.save(two_executives())
    clock = Clock(fixed=instant(NOW))
    app = settings_app(store, clock, config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        while app.dashboard.in_view is not None:
            await pilot.press("v")
            await pilot.pause()
        await pilot.press("S")
        screen = await settings_shown(pilot)
        heading = str(screen.query_one(".settings-section", Static).render())
        assert heading.startswith("+Dana (Dana Whitfield)'s settings (the first; the view is all)")
        assert "Also on this desk: +Lee (Lee Okafor)" in heading
        assert field(app, "executive_name").value == "Dana Whitfield"
        docs = [str(d.render()) for d in screen.query(".settings-doc").results(Static)]
        assert any(d.startswith("The desk's, the same for every executive.") for d in docs)
