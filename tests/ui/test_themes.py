"""Themes: the shipped files, the EA's own, bad files skipped with a notice, the choice kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.command import CommandList, CommandPalette

from planner.clock import Clock
from planner.preferences import load, preferences_path
from planner.storage import Store
from planner.ui.app import create_app
from planner.ui.themes import (
    ThemeError,
    all_themes,
    shipped_themes_dir,
    theme_from_mapping,
    theme_from_toml,
)
from planner.ui.widgets.palette import status_colors
from tests.conftest import FROZEN_ZONE

SHIPPED = ("ea-dark", "ea-light", "ea-high-contrast")


def test_three_themes_ship_a_dark_a_light_and_a_high_contrast_one() -> None:
    themes, problems = all_themes(None)
    assert problems == []
    by_name = {t.theme.name: t.theme for t in themes}
    assert set(SHIPPED) <= set(by_name)
    assert by_name["ea-dark"].dark and not by_name["ea-light"].dark
    for name in SHIPPED:
        for variable in ("status-broken", "status-due-soon", "status-good", "status-muted"):
            assert variable in by_name[name].variables, (name, variable)
    assert (shipped_themes_dir() / "README.md").is_file()


def test_every_shipped_theme_passes_the_full_check_its_start_skips() -> None:
    paths = sorted(shipped_themes_dir().glob("*.toml"))
    assert len(paths) >= 3
    for path in paths:
        checked = theme_from_toml(path)  # builds Textual's whole colour system
        assert checked.theme.to_color_system().generate()


def test_high_contrast_marks_the_states_without_colour(demo_store: Store, clock: Clock) -> None:
    """Broken, amber and good moment differ in type (reverse/underline/bold), not only hue."""
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE)
    app.theme = "ea-high-contrast"
    colors = status_colors(app)

    def type_only(style: str) -> tuple[bool, bool, bool]:
        parsed = Style.parse(style)
        return (bool(parsed.reverse), bool(parsed.underline), bool(parsed.bold))

    marks = {type_only(s) for s in (colors.broken_style, colors.due_soon_style, colors.good_style)}
    assert len(marks) == 3  # three different looks, even in black and white
    assert Style.parse(colors.broken_style).reverse


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"primary": "#123456"}, "`name` is missing"),
        ({"name": "x"}, "`primary` is missing"),
        ({"name": "x", "primary": "bluish"}, "'bluish' is not a colour"),
        ({"name": "x", "primary": "#123456", "primry": "#fff"}, "unknown key 'primry'"),
        ({"name": "x y", "primary": "#123456"}, "must be letters"),
        ({"name": "x", "primary": "#123456", "dark": "yes"}, "`dark` must be true or false"),
        (
            {"name": "x", "primary": "#123456", "variables": {"status-broken": "reddish"}},
            "variables.status-broken 'reddish' is not a colour",
        ),
        (
            {"name": "x", "primary": "#123456", "variables": {"status-good-style": "blink2"}},
            "'blink2' is not a text style",
        ),
    ],
)
def test_a_theme_file_is_checked_with_a_reason_a_person_can_act_on(
    data: dict[str, object], problem: str
) -> None:
    with pytest.raises(ThemeError) as caught:
        theme_from_mapping(data, Path("x.toml"))
    assert problem in caught.value.reason


async def test_a_bad_user_theme_is_skipped_with_a_notice_and_a_good_one_is_offered(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    folder = config_dir / "themes"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('name = "broken"\nprimary = "#12345"\n')
    (folder / "not-toml.toml").write_text("name = = 3\n")
    (folder / "mine.toml").write_text(
        'name = "mine"\ndescription = "my own"\nprimary = "#88C0D0"\ndark = true\n'
    )
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notices = [n.message for n in app._notifications if n.title == "Theme skipped"]
        assert len(notices) == 2
        assert any("broken.toml" in m and "'#12345' is not a colour" in m for m in notices)
        assert any("not-toml.toml" in m and "not valid TOML" in m for m in notices)
        assert "mine" in app.available_themes and "broken" not in app.available_themes
        assert app.is_running
        app.theme = "mine"
        await pilot.pause()
        assert app.current_theme.name == "mine"


async def test_switching_the_theme_is_remembered_across_restarts(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.theme == "ea-dark"
        await pilot.press("T")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"light")
        await pilot.pause(0.3)
        offered = app.screen.query_one(CommandList)
        assert str(offered.get_option_at_index(0).prompt).startswith("ea-light")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.theme == "ea-light"
    assert load(preferences_path(config_dir)).theme == "ea-light"
    again = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == "ea-light"
        assert again.current_theme.dark is False


async def test_the_palette_offers_each_theme_by_name(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"use high", "down", "enter")
        await pilot.pause()
        assert app.theme == "ea-high-contrast"
    assert load(preferences_path(config_dir)).theme == "ea-high-contrast"


async def test_the_panes_are_redrawn_in_the_new_theme_s_status_colours(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        from planner.ui.widgets.followups import FollowUpsPane

        pane = app.query_one(FollowUpsPane)
        assert app.dashboard.day is not None
        broken = next(r.followup.id for r in app.dashboard.day.followups if r.state == "broken")

        def state_style() -> str:
            return str(pane.get_row(broken)[0].style)

        dark = state_style()
        app.theme = "ea-high-contrast"
        await pilot.pause()
        assert state_style() != dark and "reverse" in state_style()


async def test_a_theme_description_is_shown_literally_never_as_markup(
    demo_store: Store, clock: Clock, config_dir: Path
) -> None:
    folder = config_dir / "themes"
    folder.mkdir(parents=True)
    (folder / "sly.toml").write_text(
        'name = "sly"\nprimary = "#88C0D0"\ndescription = "[@click=app.quit]free[/] [b]x"\n'
    )
    app = create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("T", *"sly")
        await pilot.pause(0.3)
        offered = app.screen.query_one(CommandList)
        assert "[@click=app.quit]free[/] [b]x" in str(offered.get_option_at_index(0).prompt)
        await pilot.press("escape")
        assert app.is_running


@pytest.mark.parametrize("theme", ["ea-dark", "ea-light", "ea-high-contrast"])
async def test_starting_in_a_theme_looks_exactly_like_switching_to_it(
    demo_store: Store, clock: Clock, config_dir: Path, monkeypatch: pytest.MonkeyPatch, theme: str
) -> None:
    """The start adopts the preferred theme without Textual's change-of-theme work; the
    screen must be the one that work would have drawn."""
    from planner.ui.app import PlannerApp

    config_dir.mkdir(parents=True, exist_ok=True)
    preferences_path(config_dir).write_text(f'theme = "{theme}"\n')

    async def screen(app: PlannerApp) -> str:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert app.theme == theme
            assert f"-theme-{theme}" in app.classes
            # The footer fills in its keys a few messages after the first frame, on a busy
            # machine later than one pause: compare the screens once they have settled.
            shot = app.export_screenshot()
            for _ in range(100):
                await pilot.pause(0.05)
                shot, previous = app.export_screenshot(), shot
                if shot == previous:
                    break
            return shot

    adopted = await screen(
        create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    )
    monkeypatch.setattr(PlannerApp, "_adopt_theme", lambda app, name: setattr(app, "theme", name))
    switched = await screen(
        create_app(demo_store, clock, ea_zone=FROZEN_ZONE, config_dir=config_dir)
    )
    assert adopted == switched
