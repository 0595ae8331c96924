"""The import rules of pyproject.toml cover every part of the package.

`lint-imports` (run by CI) checks the contracts; this test keeps them whole: a new
module or package under planner/ (or under planner/ui/) must be given its layer, the
Textual rule must name it, and the cycle rule skips nothing, or the rules would silently
not apply to it.
"""

from __future__ import annotations

import pkgutil
import re
import tomllib
from pathlib import Path
from typing import Any

import planner
import planner.ui

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def contracts() -> dict[str, dict[str, Any]]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def parts_of_planner() -> set[str]:
    return {module.name for module in pkgutil.iter_modules(planner.__path__)}


def named_in(layers: list[str]) -> set[str]:
    return {name.strip() for layer in layers for name in re.split(r"[|:]", layer)}


def test_every_part_of_the_package_has_its_layer() -> None:
    assert named_in(contracts()["layers"]["layers"]) == parts_of_planner()


def test_every_part_of_the_dashboard_has_its_layer() -> None:
    contract = contracts()["dashboard-layers"]
    assert contract["containers"] == ["planner.ui"]
    parts = {module.name for module in pkgutil.iter_modules(planner.ui.__path__)}
    assert named_in(contract["layers"]) == parts
    # The app on top, the views above what they use, and nothing of the dashboard
    # imports the app back.
    assert contract["layers"][0] == "app"
    assert "screens" in named_in(contract["layers"][:3])


def test_no_package_is_left_out_of_the_cycle_rule() -> None:
    contract = contracts()["acyclic"]
    assert contract["ancestors"] == ["planner"]
    assert "skip_descendants" not in contract


def test_the_textual_rule_names_every_part_but_the_dashboard() -> None:
    sources = set(contracts()["no-textual-outside-ui"]["source_modules"])
    assert sources == {f"planner.{name}" for name in parts_of_planner() - {"ui"}}


def test_the_pure_core_is_below_the_storage_package() -> None:
    layers = [layer.replace(" ", "") for layer in contracts()["layers"]["layers"]]
    below_storage = {
        f"planner.{name}"
        for layer in layers[layers.index("storage") + 1 :]
        for name in re.split(r"[|:]", layer)
    }
    pure = set(contracts()["pure-core-without-storage"]["source_modules"])
    assert pure <= below_storage
