"""How the dashboard looks, frozen clock and sample day, at a roomy and a small terminal."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from planner.clock import Clock
from planner.demo import sample_document
from planner.storage import Store
from planner.ui.app import create_app
from tests.conftest import FROZEN_ZONE

MORNING = "2026-11-23T11:05:00+01:00"


@pytest.fixture
def snapshot_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    # Ids are random; the screen never shows them, but fix them anyway for a stable document.
    counter = iter(range(10_000))
    monkeypatch.setattr(
        "planner.domain.base.new_id", lambda prefix: f"{prefix}-{next(counter):08d}"
    )
    for module in ("planner.demo", "planner.domain.lifecycle"):
        monkeypatch.setattr(f"{module}.new_id", lambda prefix: f"{prefix}-{next(counter):08d}")
    clock = Clock(fixed=pendulum.parse(MORNING))  # type: ignore[arg-type]
    store = Store(tmp_path / "snap")
    store.save(sample_document(clock.now(), FROZEN_ZONE))
    return create_app(store, clock, ea_zone=FROZEN_ZONE)


def test_dashboard_at_120_by_40(snap_compare, snapshot_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(snapshot_app, terminal_size=(120, 40))


def test_dashboard_at_80_by_24(snap_compare, snapshot_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(snapshot_app, terminal_size=(80, 24))


def test_quick_add_preview(snap_compare, snapshot_app) -> None:  # type: ignore[no-untyped-def]
    async def type_line(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("a")
        pilot.app.screen.query_one(
            "Input"
        ).value = (
            "Maria Ortiz: invoice charged twice, wants refund @Acme by tomorrow 3pm !high #billing"
        )
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=(120, 40), run_before=type_line)


def test_quick_add_preview_with_an_error(snap_compare, snapshot_app) -> None:  # type: ignore[no-untyped-def]
    async def type_line(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("a")
        pilot.app.screen.query_one(
            "Input"
        ).value = "Tom Becker: call back about the contract by feb 30"
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=(120, 40), run_before=type_line)


def test_follow_up_detail(snap_compare, snapshot_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(snapshot_app, terminal_size=(120, 40), press=["enter"])


@pytest.mark.parametrize("theme", ["ea-dark", "ea-light", "ea-high-contrast"])
def test_dashboard_in_each_shipped_theme(snap_compare, snapshot_app, theme: str) -> None:  # type: ignore[no-untyped-def]
    async def use_theme(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.theme = theme
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=(120, 40), run_before=use_theme)


def test_help_screen(snap_compare, snapshot_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(snapshot_app, terminal_size=(120, 40), press=["question_mark"])


def test_welcome_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock = Clock(fixed=pendulum.parse(MORNING))  # type: ignore[arg-type]
    app = create_app(Store(tmp_path / "empty"), clock, ea_zone=FROZEN_ZONE)
    assert snap_compare(app, terminal_size=(120, 40))
