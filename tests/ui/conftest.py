"""Dashboard fixtures: a store with a known day and an app built by the one factory."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from planner.clock import Clock
from planner.demo import sample_document
from planner.storage import Store
from planner.ui.app import PlannerApp, create_app
from tests.conftest import FROZEN_NOW, FROZEN_ZONE


@pytest.fixture
def clock() -> Clock:
    return Clock(fixed=pendulum.parse(FROZEN_NOW))  # type: ignore[arg-type]


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
