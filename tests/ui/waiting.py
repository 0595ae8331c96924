"""Waiting in Pilot tests for what a test checks, never for a fixed time."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot


async def until(pilot: Pilot[int], condition: Callable[[], object], what: str) -> None:
    """Let the app run until `condition()` holds (up to ~20 s on a busy machine)."""
    for _ in range(400):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never: {what}")
