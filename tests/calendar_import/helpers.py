"""Shared by the calendar import tests: fixture paths, the corpus, running the CLI."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = REPO_ROOT.parent / "shared" / "ics-corpus"
"""../shared/ics-corpus next to the repository: real-world calendars (may be absent)."""

PARIS = ZoneInfo("Europe/Paris")
TODAY = date(2026, 11, 23)
"""The frozen today of tests/conftest.py."""


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.ics")) if CORPUS.is_dir() else []


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`ea-planner ARGV` in-process: exit status, stdout, stderr."""
    from planner.cli import main

    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def stored_events(data_dir: Path) -> list[dict[str, Any]]:
    """The events of planner.json as plain JSON objects."""
    document = json.loads((data_dir / "planner.json").read_text(encoding="utf-8"))
    events: list[dict[str, Any]] = document["events"]
    return events


def local(value: str) -> datetime:
    """A stored ISO time, in Paris."""
    return datetime.fromisoformat(value).astimezone(PARIS)
