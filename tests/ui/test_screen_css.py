"""Each screen's styles live in a .tcss file beside it (its CSS_PATH), read by Textual when the
screen first opens: the dashboard's first paint parses only app.tcss.

Textual resolves CSS_PATH against the file of the screen's own class, reads each file once
into the one global stylesheet (unscoped), and on a tie of specificity the rule read later
wins. So every modal screen lists dialog.tcss first: read after a full-screen modal's own
file, its `ModalScreen { align: center middle; ... }` would override the close-out's or the
settings' `align: left top`.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path, PurePath

import pytest
from textual.screen import ModalScreen, Screen

import planner.ui
from planner.ui.app import PlannerApp

DIALOG_CSS = Path(planner.ui.__file__).resolve().parent / "dialogs" / "dialog.tcss"


def planner_screens() -> list[type[Screen[object]]]:
    """Every Screen class defined in planner.ui (its modules imported here)."""
    for module in pkgutil.walk_packages(planner.ui.__path__, "planner.ui."):
        importlib.import_module(module.name)
    found: list[type[Screen[object]]] = []
    pending: list[type[Screen[object]]] = [Screen]
    while pending:
        for cls in pending.pop().__subclasses__():
            pending.append(cls)
            if cls.__module__.startswith("planner."):
                found.append(cls)
    return found


def css_files(cls: type[Screen[object]]) -> list[Path]:
    """The files a screen's CSS_PATH names, resolved as Textual does (beside its class)."""
    paths = cls.CSS_PATH
    if paths is None:
        return []
    here = Path(inspect.getfile(cls)).parent
    listed = [paths] if isinstance(paths, str | PurePath) else paths
    return [(here / path).resolve() for path in listed]


def test_every_screens_css_files_are_beside_it() -> None:
    screens = planner_screens()
    assert len(screens) >= 9
    for cls in screens:
        for path in css_files(cls):
            assert path.is_file(), f"{cls.__qualname__}: no {path}"


def test_every_modal_screen_reads_the_dialog_css_first() -> None:
    modals = [cls for cls in planner_screens() if issubclass(cls, ModalScreen)]
    assert modals
    for cls in modals:
        assert css_files(cls)[:1] == [DIALOG_CSS], cls.__qualname__


@pytest.mark.parametrize(
    ("keys", "screen_name"),
    [
        (["c", "n", "p", "escape"], "CloseoutScreen"),  # a prompt opened over the close-out
        (["S", "escape", "a", "escape", "S"], "SettingsScreen"),  # a dialog after the settings
    ],
)
async def test_a_full_screen_modal_keeps_its_look_once_the_dialogs_css_is_read(
    app: PlannerApp, keys: list[str], screen_name: str
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == screen_name
        assert str(DIALOG_CSS) in {path for path, _ in app.stylesheet.source}
        assert (screen.styles.align_horizontal, screen.styles.align_vertical) == ("left", "top")
        assert screen.styles.background.a == 1  # opaque: the dashboard does not show through
