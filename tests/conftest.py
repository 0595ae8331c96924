"""Every test runs in a frozen world: fixed clock, fixed zone, private directories."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest

from planner.clock import parse_instant

FROZEN_NOW = "2026-11-23T10:00:00+01:00"
"""A Monday morning in Paris."""
FROZEN_ZONE = "Europe/Paris"


@pytest.fixture(autouse=True)
def frozen_world(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    from planner.humanize import set_hour_cycle

    monkeypatch.setenv("TZ", FROZEN_ZONE)
    # The locale picks 12- or 24-hour clock times and how 12/4 is read: pin it to one
    # that writes 24-hour and reads day/month.
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_TIME", "C.UTF-8")
    set_hour_cycle(24)
    monkeypatch.setenv("EA_PLANNER_NOW", FROZEN_NOW)
    monkeypatch.setenv("EA_PLANNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("EA_PLANNER_CONFIG_DIR", str(tmp_path / "config"))
    time.tzset()
    yield
    set_hour_cycle(24)
    time.tzset()


@pytest.fixture
def now() -> pendulum.DateTime:
    """The frozen instant, in the executive's zone."""
    return parse_instant(FROZEN_NOW, what="FROZEN_NOW").in_tz(FROZEN_ZONE)


def instant(text: str, tz: str | None = None) -> pendulum.DateTime:
    """`pendulum.parse` of a date-time (in `tz` when the text has no offset), typed as one:
    parse may also give a Date, a Time or a Duration, and a test that meant an instant
    stops here, naming the text."""
    parsed = pendulum.parse(text) if tz is None else pendulum.parse(text, tz=tz)
    assert isinstance(parsed, pendulum.DateTime), f"{text!r} is not a date-time"
    return parsed


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"
