"""The zone field's helpers answer from the zone list, whatever is typed: no keystroke
reaches the zone loader (which reads files, and fails on `America`, a directory)."""

from __future__ import annotations

import asyncio
import zoneinfo

import pytest

from planner.ui.widgets.zones import ZoneSuggester, is_zone, zone_hint

NAMES = ("America/New_York", "Europe/London", "Asia/Kolkata", "Pacific/Chatham", "UTC")
ODD = ("America", "America/", "Europe", "Etc", "..", "../..", "/etc/passwd", "posix", "right",
       "zone.tab", "tzdata.zi", " UTC", "UTC ", "\x00", "Europe/Paris\n", "a" * 300)  # fmt: skip


def prefixes(name: str) -> list[str]:
    return [name[:n] for n in range(1, len(name) + 1)]


@pytest.mark.parametrize("name", NAMES)
def test_every_prefix_of_a_zone_name_is_answered_without_error(name: str) -> None:
    suggester = ZoneSuggester()
    for typed in prefixes(name):
        hint = zone_hint(typed)
        suggestion = asyncio.run(suggester.get_suggestion(typed.casefold()))
        assert suggestion is not None and suggestion.casefold().startswith(typed.casefold())
        assert is_zone(typed) == (typed in zoneinfo.available_timezones())
        assert (hint == "") == is_zone(typed), typed
    assert is_zone(name) and zone_hint(name) == ""


@pytest.mark.parametrize("typed", ODD)
def test_directories_and_odd_text_are_not_zones_and_do_not_fail(typed: str) -> None:
    assert not is_zone(typed)
    # What surrounds a name is trimmed before the hint looks it up.
    assert (zone_hint(typed) == "") == is_zone(typed.strip())
    asyncio.run(ZoneSuggester().get_suggestion(typed.casefold()))


def test_a_directory_of_the_zone_database_hints_at_its_zones() -> None:
    assert "America/" in zone_hint("America")
    assert "Europe/" in zone_hint("europe")


@pytest.mark.parametrize("typed", ["bad\x00name", "~no-such-user-here/x", "/nonexistent/dir/"])
def test_the_path_completion_suggests_nothing_where_the_system_refuses(typed: str) -> None:
    from planner.ui.widgets.path_suggester import PathSuggester

    assert asyncio.run(PathSuggester().get_suggestion(typed)) is None
