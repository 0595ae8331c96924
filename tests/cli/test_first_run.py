"""The first command that saves on an empty store says where the data went and which zone
it assumed; later ones, and reads, say nothing of the kind."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from planner.cli import main


def test_the_first_save_names_the_file_and_the_assumed_zone(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # a person at a terminal
    assert main(["today"]) == 0
    assert "new data file" not in capsys.readouterr().err  # reading creates nothing
    assert main(["add", "Ann Lee: contract by fri"]) == 0
    err = capsys.readouterr().err
    assert err == (
        f"ea-planner: started a new data file, {data_dir / 'planner.json'}\n"
        "ea-planner: the executive's time zone is taken to be Europe/Paris "
        "(this computer's zone); change it in the dashboard's settings (S)\n"
    )
    assert main(["add", "Bob Stone: invoice by fri"]) == 0
    assert capsys.readouterr().err == ""


def test_a_script_s_stderr_stays_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", "Ann Lee: contract by fri"]) == 0
    assert capsys.readouterr().err == ""
