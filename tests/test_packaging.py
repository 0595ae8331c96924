"""The built wheel ships the themes and the screens' stylesheets, and the installed package
finds them there."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_ships_every_theme_file_and_the_package_finds_them(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("ea_planner-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(p.name for p in (ROOT / "themes").iterdir())
    assert {"ea-dark.toml", "ea-light.toml", "ea-high-contrast.toml", "README.md"} <= set(shipped)
    for name in shipped:
        assert f"planner/themes/{name}" in names
    assert not any(n.startswith("themes/") for n in names)
    # Each screen reads the .tcss beside it (CSS_PATH) when it opens: all must ship.
    styles = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "planner").rglob("*.tcss"))
    assert {"planner/ui/app.tcss", "planner/ui/dialogs/dialog.tcss"} <= set(styles)
    assert set(styles) <= names

    # Installed (here: unpacked first on the path), the package loads its own copy.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "from planner.ui.themes import all_themes, shipped_themes_dir;"
        "themes, problems = all_themes(None);"
        "print(shipped_themes_dir());"
        "print(sorted(t.theme.name for t in themes), problems)"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    where, found = result.stdout.splitlines()
    assert Path(where) == site / "planner" / "themes"
    assert found == "['ea-dark', 'ea-high-contrast', 'ea-light'] []"
