"""Themes are data: `themes/*.toml` files turned into Textual `Theme` objects.

The shipped themes live in the wheel as `planner/themes/` (in a source checkout,
the repository's top-level `themes/`); the EA's own go in `<config dir>/themes/`.
A file that cannot be read becomes a `ThemeProblem` (file and reason) and is
skipped: a theme never stops the dashboard. themes/README.md documents the keys.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import msgspec
from rich.style import Style
from textual.color import Color, ColorParseError
from textual.theme import Theme

from planner.preferences import DEFAULT_THEME

__all__ = ["DEFAULT_THEME", "LoadedTheme", "ThemeProblem", "all_themes", "theme_from_toml"]

COLOR_KEYS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
STATUS_COLORS = ("status-broken", "status-due-soon", "status-good", "status-muted")
STATUS_STYLES = tuple(f"{name}-style" for name in STATUS_COLORS)
TEXT_STYLES = frozenset({"bold", "italic", "underline", "reverse", "dim", "strike", "none"})
NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_THEME_BYTES = 256 * 1024
"""A theme is a few hundred bytes; a larger file (or a FIFO, a device) is skipped."""


class LoadedTheme(msgspec.Struct, frozen=True, gc=False):
    """A theme and where it came from."""

    theme: Theme
    path: Path
    description: str = ""
    shipped: bool = False


class ThemeProblem(msgspec.Struct, frozen=True, gc=False):
    """A theme file that was skipped, and why (one line for a notification)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class ThemeError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def shipped_themes_dir() -> Path:
    """Where the shipped themes are: inside the installed package, else the source checkout."""
    package = Path(__file__).resolve().parent.parent  # planner/
    installed = package / "themes"
    if installed.is_dir():
        return installed
    return package.parent / "themes"


def user_themes_dir(config_dir: Path) -> Path:
    return Path(config_dir) / "themes"


def theme_from_toml(path: Path, *, trusted: bool = False) -> LoadedTheme:
    """Read one theme file. Raises ThemeError with a reason a person can act on.

    `trusted` (the shipped themes, which the tests check in full) skips building the
    whole colour system as a check: a few ms of every start."""
    from planner.errors import DataFileError
    from planner.storage.files import read_regular

    try:
        text = read_regular(path, limit=MAX_THEME_BYTES, follow_symlinks=True).decode("utf-8")
    except UnicodeDecodeError:
        raise ThemeError("not UTF-8 text") from None
    except DataFileError as exc:
        raise ThemeError(exc.problem) from None
    except OSError as exc:
        raise ThemeError(exc.strerror or str(exc)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"not valid TOML: {exc}") from None
    return theme_from_mapping(data, path, trusted=trusted)


def theme_from_mapping(data: dict[str, Any], path: Path, *, trusted: bool = False) -> LoadedTheme:
    known = {*COLOR_KEYS, "name", "description", "dark", "luminosity_spread", "text_alpha"}
    known.add("variables")
    unknown = sorted(set(data) - known)
    if unknown:
        raise ThemeError(f"unknown key {unknown[0]!r} (see themes/README.md for the keys)")
    name = data.get("name")
    if not isinstance(name, str) or not NAME.match(name):
        raise ThemeError(
            "`name` is missing"
            if name is None
            else f"`name` {name!r} must be letters, digits, -, _"
        )
    if "primary" not in data:
        raise ThemeError("`primary` is missing (the theme's main colour)")
    fields: dict[str, Any] = {"name": name}
    for key in COLOR_KEYS:
        if key in data:
            fields[key] = _color(data[key], f"`{key}`")
    if "dark" in data:
        if not isinstance(data["dark"], bool):
            raise ThemeError("`dark` must be true or false")
        fields["dark"] = data["dark"]
    for key in ("luminosity_spread", "text_alpha"):
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                raise ThemeError(f"`{key}` must be a number from 0 to 1")
            fields[key] = float(value)
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ThemeError("`variables` must be a table ([variables])")
    checked: dict[str, str] = {}
    for key, value in variables.items():
        if not isinstance(value, str):
            raise ThemeError(f"variables.{key} must be a string")
        if key in STATUS_COLORS:
            _color(value, f"variables.{key}")
        elif key in STATUS_STYLES:
            _text_style(value, f"variables.{key}")
        checked[key] = value
    fields["variables"] = checked
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ThemeError("`description` must be a string")
    theme = Theme(**fields)
    if not trusted:
        try:
            generated = theme.to_color_system().generate()
        except Exception as exc:  # Textual's own check of the whole colour system
            raise ThemeError(f"Textual cannot use it: {exc}") from None
        _check_variables(checked, {**generated, **checked})
    return LoadedTheme(theme=theme, path=path, description=description)


_VARIABLE_PROPERTIES = (
    ("background", "background"),
    ("foreground", "color"),
    ("color", "color"),
    ("style", "text-style"),
)
"""A variable's role, from the end of its name, and a CSS property that takes such a value."""


def _check_variables(variables: dict[str, str], everything: dict[str, str]) -> None:
    """Every variable used the way Textual's CSS uses one of its name, parsed by Textual:
    a value its CSS cannot parse would stop the dashboard at every start."""
    from textual.css.stylesheet import Stylesheet, StylesheetParseError

    for key, value in variables.items():
        prop = next((p for end, p in _VARIABLE_PROPERTIES if key.endswith(end)), None)
        if prop is None:
            continue
        sheet = Stylesheet(variables=everything)
        sheet.add_source(f"Screen {{ {prop}: ${key}; }}", read_from=("theme", key))
        try:
            sheet.parse()
        except StylesheetParseError:
            raise ThemeError(f"variables.{key} {value!r} is not a value Textual can use") from None
        except Exception as exc:
            raise ThemeError(f"variables.{key} {value!r}: {exc}") from None


def _color(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ThemeError(f'{what} must be a colour in quotes, e.g. "#1F6FB2"')
    try:
        Color.parse(value)
    except ColorParseError:
        raise ThemeError(f"{what} {value!r} is not a colour") from None
    return value


def _text_style(value: str, what: str) -> None:
    words = value.split()
    wrong = [w for w in words if w not in TEXT_STYLES]
    if wrong:
        raise ThemeError(
            f"{what}: {wrong[0]!r} is not a text style "
            f"(use {', '.join(sorted(TEXT_STYLES - {'none'}))})"
        )
    Style.parse(value)


def load_themes(folders: list[tuple[Path, bool]]) -> tuple[list[LoadedTheme], list[ThemeProblem]]:
    """Every `*.toml` theme in `folders` ((folder, shipped) pairs), in order, later ones
    replacing earlier ones of the same name; plus the files that were skipped."""
    themes: dict[str, LoadedTheme] = {}
    problems: list[ThemeProblem] = []
    for folder, shipped in folders:
        try:
            paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
        except OSError as exc:
            problems.append(ThemeProblem(folder, exc.strerror or str(exc)))
            continue
        for path in paths:
            try:
                loaded = theme_from_toml(path, trusted=shipped)
            except ThemeError as exc:
                problems.append(ThemeProblem(path, exc.reason))
                continue
            if shipped:
                loaded = LoadedTheme(loaded.theme, path, loaded.description, shipped=True)
            themes[loaded.theme.name] = loaded
    return list(themes.values()), problems


def all_themes(config_dir: Path | None) -> tuple[list[LoadedTheme], list[ThemeProblem]]:
    """The shipped themes, then the EA's own from the config directory."""
    folders = [(shipped_themes_dir(), True)]
    if config_dir is not None:
        folders.append((user_themes_dir(config_dir), False))
    return load_themes(folders)
