"""How a desk of two executives looks in "all" (New York and London, seen from Paris), at
a roomy and a small terminal: a header line each, one timeline marked with whose each row
is, and the Follow-ups and Brief queue saying whose each matter is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from planner.clock import Clock
from planner.preferences import Preferences, preferences_path, save
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from tests.conftest import FROZEN_ZONE, instant
from tests.ui.desk import NOW, two_executives


@pytest.fixture
def desk_snapshot_app(tmp_path: Path) -> PlannerApp:
    store = Store(tmp_path / "snap")
    store.save(two_executives())
    clock = Clock(fixed=instant(NOW))
    # Lee's promise is due and a good moment has begun: their alerts (tested on their own)
    # would cover the panes this is about.
    config = tmp_path / "config"
    save(preferences_path(config), Preferences(alerts=False))
    return create_app(store, clock, ea_zone=FROZEN_ZONE, config_dir=config)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_all_executives(
    snap_compare: Any, desk_snapshot_app: PlannerApp, size: tuple[int, int]
) -> None:
    assert snap_compare(desk_snapshot_app, terminal_size=size)


def test_one_executive_of_two(snap_compare: Any, desk_snapshot_app: PlannerApp) -> None:
    assert snap_compare(desk_snapshot_app, terminal_size=(80, 24), press=["v", "v"])
