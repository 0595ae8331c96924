"""The quick-add examples the help screen and README show: each one reads, and both show it."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from planner.config import Settings
from planner.quickadd import parse
from planner.quickadd.examples import EXAMPLES

README = Path(__file__).resolve().parents[2] / "README.md"
WORKDAY_NOWS = [
    pendulum.datetime(2026, 11, 23, 8, 30, tz="Europe/Paris"),
    pendulum.datetime(2026, 11, 25, 13, 0, tz="Europe/Paris"),
    pendulum.datetime(2026, 11, 27, 17, 59, tz="Europe/Paris"),
]


@pytest.mark.parametrize(("line", "shows"), EXAMPLES)
def test_every_example_is_a_valid_line_at_any_time_of_a_workday(line: str, shows: str) -> None:
    for now in WORKDAY_NOWS:
        result = parse(line, now=now, settings=Settings(timezone="Europe/Paris"))
        assert result.ok, (now, result.errors)
        assert result.customer and result.summary


def test_the_readme_shows_every_example() -> None:
    text = README.read_text(encoding="utf-8")
    for line, shows in EXAMPLES:
        assert f"| `{line}` | {shows} |" in text
