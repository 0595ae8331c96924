"""Time zone names for the welcome and settings screens: completion, check and hints.

Everything here answers from the list of zone names, read once; what the EA types is
never handed to the zone loader, which reads files (`America` is a directory there).
"""

from __future__ import annotations

import functools
import zoneinfo

from textual.suggester import Suggester


@functools.cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone this machine knows, sorted (read once, on first use)."""
    return tuple(sorted(zoneinfo.available_timezones()))


@functools.cache
def _zone_set() -> frozenset[str]:
    return frozenset(zone_names())


def is_zone(name: str) -> bool:
    """Whether `name` is a zone of the list, exactly as written."""
    return name in _zone_set()


def zone_hint(value: str, limit: int = 3) -> str:
    """What to say under a zone input: empty when it is a zone, else a nudge with candidates."""
    value = value.strip()
    if not value or is_zone(value):
        return ""
    needle = value.casefold().replace(" ", "_")
    matches = [z for z in zone_names() if needle in z.casefold()]
    if matches:
        shown = ", ".join(matches[:limit]) + (" …" if len(matches) > limit else "")
        return f"not a time zone yet — did you mean {shown}?"
    return "not a time zone — write it as Region/City, e.g. Europe/Paris or America/New_York"


class ZoneSuggester(Suggester):
    """Completes a zone name from its start, whatever the case ("europe/pa" → Europe/Paris)."""

    def __init__(self) -> None:
        super().__init__(use_cache=True, case_sensitive=False)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        for name in zone_names():
            if name.casefold().startswith(value):
                return name
        return None
