"""Where ea-planner keeps its data and its configuration.

Precedence: the command-line flag, then the environment variable, then the
platform's own directory (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ea-planner"
ENV_DATA_DIR = "EA_PLANNER_DATA_DIR"
ENV_CONFIG_DIR = "EA_PLANNER_CONFIG_DIR"


def data_dir(flag: str | os.PathLike[str] | None = None) -> Path:
    """The data directory that holds `planner.json`, its backups and archives."""
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get(ENV_DATA_DIR, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir(flag: str | os.PathLike[str] | None = None) -> Path:
    """The configuration directory: the EA's preferences and user themes."""
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get(ENV_CONFIG_DIR, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
