"""Every real-world calendar of ../shared/ics-corpus, through the CLI: never a traceback."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.calendar_import.helpers import CORPUS, corpus_files, run_cli

FILES = corpus_files()


def libraries_read(path: Path) -> bool:
    """Whether icalendar itself finds a VCALENDAR in the file."""
    import icalendar

    try:
        components = icalendar.Calendar.from_ical(path.read_bytes(), multiple=True)
    except Exception:
        return False
    return any(c.name == "VCALENDAR" for c in components)


def own_name(path: Path) -> str:
    """The calendar's X-WR-CALNAME as written (a simple one), which names the calendar."""
    from planner.text import clean_line

    text = path.read_bytes().decode("utf-8", "replace")
    found = re.search(r"^X-WR-CALNAME[^:\r\n]*:(.*?)\r?$", text, re.M)
    return clean_line(found.group(1).replace("\\,", ",")) if found else ""


@pytest.mark.skipif(not FILES, reason=f"no calendars in {CORPUS}")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file_imports_or_is_rejected_in_one_line(
    path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    began = time.perf_counter()
    status, out, err = run_cli(capsys, "import", str(path))
    assert time.perf_counter() - began < 10
    assert "Traceback" not in out + err
    assert status in (0, 2), err
    if status == 2:
        assert out == ""
        lines = err.splitlines()
        assert len(lines) == 1
        assert str(path) in lines[0]
        assert "is not an iCalendar file" in lines[0]
        assert not (data_dir / "planner.json").exists()
    else:
        assert err == ""
        assert out.startswith(f'calendar "{own_name(path) or path.stem}": added ')
    if libraries_read(path):
        assert status == 0


@pytest.mark.skipif(not FILES, reason=f"no calendars in {CORPUS}")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file_reimport_changes_nothing(
    path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    first, _, _ = run_cli(capsys, "import", str(path))
    if first != 0:
        # A refused file is refused again, and still leaves no data behind.
        again, out, _ = run_cli(capsys, "import", str(path))
        assert (again, out) == (2, "")
        assert not (data_dir / "planner.json").exists()
        return
    before = (
        (data_dir / "planner.json").read_bytes() if (data_dir / "planner.json").exists() else None
    )
    status, out, _ = run_cli(capsys, "import", str(path))
    assert status == 0
    assert "added 0, updated 0, removed 0" in out
    after = (
        (data_dir / "planner.json").read_bytes() if (data_dir / "planner.json").exists() else None
    )
    assert after == before
