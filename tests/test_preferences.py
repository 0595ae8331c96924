"""The EA's preferences file: defaults, a faithful round trip, and bad files named, not fatal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planner.errors import DataFileError
from planner.preferences import (
    Preferences,
    dumps,
    hour_cycle,
    load,
    preferences_path,
    save,
    use_clock_preference,
)


def test_a_missing_file_means_the_defaults(tmp_path: Path) -> None:
    prefs = load(preferences_path(tmp_path))
    assert prefs == Preferences()
    assert (prefs.theme, prefs.alerts, prefs.bell, prefs.keymap) == ("ea-dark", True, True, {})


def test_save_then_load_gives_back_the_same_preferences(tmp_path: Path) -> None:
    path = preferences_path(tmp_path / "new" / "config")
    prefs = Preferences(
        theme='odd "name" \\ with\ttab\x01',
        alerts=False,
        bell=False,
        clock="12h",
        keymap={"followup.resolve": "r", "day.next": "n,right"},
    )
    save(path, prefs)
    assert load(path) == prefs
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert not list(path.parent.glob(".*.tmp"))  # written through a temp file, then renamed


def test_the_written_file_documents_every_key() -> None:
    text = dumps(Preferences(keymap={"followup.resolve": "r"}))
    comments = [line for line in text.splitlines() if line.startswith("#")]
    for key in ("theme", "alerts", "bell", "clock", "[keymap]"):
        assert any(line.startswith(f"# {key} ") for line in comments), key
    assert '"followup.resolve" = "r"' in text


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("theme = \n", "not valid TOML"),
        ('thme = "ea-light"\n', "unknown setting `thme`"),
        ("bell = 3\n", "expected `bool`, got `int`"),
        ('clock = "12"\n', "clock is '12'; write one of 'auto', '12h', '24h'"),
        ("[keymap]\n'followup.resolve' = 1\n", "expected `str`, got `int`"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_a_bad_file_is_an_error_naming_the_file_and_the_problem(
    tmp_path: Path, content: str | bytes, problem: str
) -> None:
    path = preferences_path(tmp_path)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    with pytest.raises(DataFileError) as caught:
        load(path)
    assert str(path) in caught.value.message
    assert problem in caught.value.message


def test_the_plain_modules_never_import_textual() -> None:
    code = "import sys, planner.preferences, planner.alerts; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_the_clock_preference_or_else_the_locale_picks_the_hour_cycle() -> None:
    american, british = {"LANG": "en_US.UTF-8"}, {"LANG": "en_GB.UTF-8"}
    assert hour_cycle(Preferences(), american) == 12
    assert hour_cycle(Preferences(), british) == 24
    assert hour_cycle(Preferences(clock="24h"), american) == 24
    assert hour_cycle(Preferences(clock="12h"), british) == 12


def test_use_clock_preference_sets_the_hour_cycle_from_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.humanize import hour_cycle as cycle_in_force

    save(preferences_path(tmp_path), Preferences(clock="12h"))
    assert use_clock_preference(tmp_path) is None
    assert cycle_in_force() == 12
    preferences_path(tmp_path).write_text("clock = 3\n")
    monkeypatch.setenv("LC_TIME", "en_GB.UTF-8")
    problem = use_clock_preference(tmp_path)
    assert problem is not None and str(preferences_path(tmp_path)) in problem
    assert cycle_in_force() == 24
    assert preferences_path(tmp_path).read_text() == "clock = 3\n"  # left as it was
