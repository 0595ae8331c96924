"""Completion of file paths while typing (the `i` import prompt): → accepts the suggestion."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester


class PathSuggester(Suggester):
    """Suggests the first matching directory or .ics file for what has been typed so far."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        # A suggestion is a nicety: a path the system refuses (no such user after ~, a NUL
        # byte pasted in, a folder that vanishes mid-listing) suggests nothing.
        try:
            return self._suggest(value)
        except (OSError, ValueError):
            return None

    def _suggest(self, value: str) -> str | None:
        if not value:
            return None
        expanded = Path(os.path.expanduser(value))
        folder, prefix = (
            (expanded, "") if value.endswith(os.sep) else (expanded.parent, expanded.name)
        )
        entries = sorted(os.scandir(folder), key=lambda e: (not e.is_dir(), e.name.lower()))
        for entry in entries:
            if entry.name.startswith(".") and not prefix.startswith("."):
                continue
            if not entry.name.startswith(prefix) or entry.name == prefix:
                continue
            if entry.is_dir() or entry.name.lower().endswith(".ics"):
                completed = value + entry.name[len(prefix) :]
                return completed + (os.sep if entry.is_dir() else "")
        return None
