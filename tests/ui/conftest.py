"""Dashboard fixtures: a store with a known day and an app built by the one factory."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from planner.clock import Clock, parse_instant
from planner.demo import sample_document
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from tests.conftest import FROZEN_NOW, FROZEN_ZONE

RunBefore = Callable[[Pilot[Any]], Awaitable[None] | None]
"""What a snapshot test does to the app before the picture: keys, typing, waiting."""


class SnapCompare(Protocol):
    """The `snap_compare` fixture (pytest-textual-snapshot's, which declares no type for it):
    run `app` at `terminal_size`, press `press` or run `run_before`, and compare the
    screen with the stored SVG."""

    def __call__(
        self,
        app: App[Any],
        press: Iterable[str] = (),
        terminal_size: tuple[int, int] = (80, 24),
        run_before: RunBefore | None = None,
    ) -> bool: ...


@pytest.fixture
def clock() -> Clock:
    return Clock(fixed=parse_instant(FROZEN_NOW, what="FROZEN_NOW"))


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


@pytest.fixture
def demo_store(store: Store, clock: Clock) -> Store:
    store.save(sample_document(clock.now(), FROZEN_ZONE))
    return store


@pytest.fixture
def app(demo_store: Store, clock: Clock) -> PlannerApp:
    return create_app(demo_store, clock, ea_zone=FROZEN_ZONE)


@pytest.fixture
def empty_app(store: Store, clock: Clock) -> PlannerApp:
    """No data, past the welcome screen (the welcome has its own tests)."""
    return create_app(store, clock, ea_zone=FROZEN_ZONE, welcome=False)


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    """The EA's config directory: preferences.toml and user themes (empty at first)."""
    return tmp_path / "config"


@pytest.fixture
def snap_compare(snap_compare: SnapCompare) -> SnapCompare:
    """The plugin's `snap_compare` with a steady text cursor.

    An Input's cursor blinks every half second, so on a busy machine a screenshot
    could catch it either way. After the keys are pressed, every Input on the
    screen stops blinking, which shows the cursor steadily where the input has
    focus: the look a person sees the moment they arrive.
    """

    def compare(
        app: App[Any],
        press: Iterable[str] = (),
        terminal_size: tuple[int, int] = (80, 24),
        run_before: RunBefore | None = None,
    ) -> bool:
        async def steady(pilot: Pilot[Any]) -> None:
            if run_before is not None:
                result = run_before(pilot)
                if inspect.isawaitable(result):
                    await result
            await pilot.pause()
            await pilot.press(*press)
            await pilot.pause()
            for field in pilot.app.screen.query(Input):
                field.cursor_blink = False
            await pilot.pause()

        return bool(snap_compare(app, terminal_size=terminal_size, run_before=steady))

    return compare


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """The text cursor stays shown instead of blinking: a snapshot taken on a busy machine
    must not depend on which half of the blink it caught."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
