"""The EA's own preferences: `preferences.toml` in the config directory.

Theme, alerts, bell and key bindings are the assistant's taste, not facts
about the executive, so they live here rather than in planner.json. A file that
cannot be read is reported (file and problem) and left untouched: the app runs
on the defaults and does not overwrite it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal, get_args

import msgspec

from planner.errors import DataFileError

FILE_NAME = "preferences.toml"
DEFAULT_THEME = "ea-dark"
MAX_BYTES = 1 << 20
"""A preferences file is a few hundred bytes; anything past this is refused."""

KeyName = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
ClockStyle = Literal["auto", "12h", "24h"]
CLOCK_STYLES: tuple[ClockStyle, ...] = get_args(ClockStyle)


class Preferences(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """How the dashboard looks and behaves for this assistant."""

    theme: str = DEFAULT_THEME
    """The theme by name: a shipped one (ea-dark, ea-light, ea-high-contrast) or one of yours."""

    alerts: bool = True
    """Notify while the dashboard runs: promises due or broken, good moments, brief deadlines."""

    bell: bool = True
    """Ring the terminal bell with each alert."""

    clock: ClockStyle = "auto"
    """Clock times as "3:00 PM" (12h) or "15:00" (24h); auto follows the locale (LC_TIME)."""

    keymap: dict[str, KeyName] = msgspec.field(default_factory=dict)
    """Your own keys: binding id = "key" (e.g. "followup.resolve" = "r"); see the help screen."""

    view: str = ""
    """With several executives, whose records the dashboard shows: an executive's short
    name, or "all" (the default); `v` cycles it and it is remembered here."""


def preferences_path(config_dir: Path) -> Path:
    return Path(config_dir) / FILE_NAME


def load(path: Path) -> Preferences:
    """The preferences in `path`; the defaults when the file does not exist.

    Raises DataFileError naming the file and the problem (never a traceback).
    """
    from planner.storage.files import read_regular

    try:
        data = read_regular(path, limit=MAX_BYTES, follow_symlinks=True)
    except FileNotFoundError:
        return Preferences()
    import tomllib  # only when there is a file: plain commands start without it

    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise DataFileError(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(path, f"not valid TOML: {exc}") from None
    try:
        return msgspec.convert(raw, Preferences)
    except msgspec.ValidationError as exc:
        raise DataFileError(path, _describe(exc)) from None


def _describe(exc: msgspec.ValidationError) -> str:
    message = str(exc)
    if message.startswith("Invalid enum value") and message.endswith("`$.clock`"):
        given = message.removeprefix("Invalid enum value ").rsplit(" - at ", 1)[0]
        return f"clock is {given}; write one of {', '.join(map(repr, CLOCK_STYLES))}"
    if message.startswith("Object contains unknown field"):
        return message.replace("Object contains unknown field", "unknown setting")
    return message.replace("Expected", "expected").replace("`$.", "`").replace("`$`", "the file")


HEADER = """\
# ea-planner preferences: your own choices (the executive's facts and day
# rules live in planner.json's "settings"). Edit here or in the dashboard (S).
#
# theme   the theme by name: ea-dark, ea-light, ea-high-contrast, or a
#         *.toml theme of your own in the themes/ folder beside this file
# alerts  true/false: notify about promises due or broken, good moments
#         and brief deadlines while the dashboard runs
# bell    true/false: ring the terminal bell with each alert
# clock   "12h" (3:00 PM), "24h" (15:00) or "auto" (as your locale writes
#         times); --json output is ISO 8601 whatever this says
# view    with several executives: whose records the dashboard shows, an
#         executive's short name or "all" (v in the dashboard cycles it)
# [keymap] binding id = "key", e.g. "followup.resolve" = "r"
#         (the help screen, ?, lists every binding id)
"""


def dumps(preferences: Preferences) -> str:
    """The preferences as TOML, with a header documenting every key."""
    lines = [
        HEADER,
        f"theme = {_toml_string(preferences.theme)}",
        f"alerts = {_toml_bool(preferences.alerts)}",
        f"bell = {_toml_bool(preferences.bell)}",
        f"clock = {_toml_string(preferences.clock)}",
        *([f"view = {_toml_string(preferences.view)}"] if preferences.view else []),
        "",
        "[keymap]",
    ]
    for binding_id, key in sorted(preferences.keymap.items()):
        lines.append(f"{_toml_string(binding_id)} = {_toml_string(key)}")
    return "\n".join(lines) + "\n"


def hour_cycle(
    preferences: Preferences, environ: Mapping[str, str] | None = None
) -> Literal[12, 24]:
    """12 or 24: the preference when it names one, else what the locale uses."""
    if preferences.clock == "12h":
        return 12
    if preferences.clock == "24h":
        return 24
    from planner.humanize import locale_hour_cycle

    return locale_hour_cycle(os.environ if environ is None else environ)


def use_clock_preference(config_dir: Path) -> str | None:
    """Set the process's hour cycle from preferences.toml in `config_dir` (the locale's when
    the file says auto or does not exist); the problem, when the file cannot be read, in
    which case the locale decides."""
    from planner.humanize import set_hour_cycle

    problem = None
    try:
        preferences = load(preferences_path(config_dir))
    except DataFileError as exc:
        preferences, problem = Preferences(), exc.message
    set_hour_cycle(hour_cycle(preferences))
    return problem


def save(path: Path, preferences: Preferences) -> None:
    """Write the preferences atomically (temp file, fsync, rename), creating the folder 0700."""
    from planner.storage.store import atomic_write, make_private_dir

    make_private_dir(path.parent)
    atomic_write(path, dumps(preferences).encode("utf-8"))


def _toml_bool(value: bool) -> str:
    return "true" if value else "false"


def _toml_string(value: str) -> str:
    """A TOML basic string; control characters escaped as TOML requires."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


__all__ = [
    "CLOCK_STYLES",
    "DEFAULT_THEME",
    "FILE_NAME",
    "ClockStyle",
    "Preferences",
    "dumps",
    "hour_cycle",
    "load",
    "preferences_path",
    "save",
    "use_clock_preference",
]
