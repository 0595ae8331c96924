"""`ea-planner closeout`: print, keep, close, reopen, through `planner.cli.main`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

from planner.cli import main
from planner.domain import lifecycle as lc
from planner.domain.document import Document
from planner.storage import Store
from tests.closeout import day

CLOSE_NOW = "2026-11-23T17:30:00+01:00"
SUMMARY = Path("closeouts") / "2026-11-23.md"


@pytest.fixture
def store(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("EA_PLANNER_NOW", CLOSE_NOW)
    s = Store(data_dir)
    s.save(day.document())
    return s


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def record(store: Store) -> dict[str, object] | None:
    raw = json.loads(store.path.read_text())
    found = [c for c in raw["closeouts"] if c["date"] == "2026-11-23"]
    return found[0] if found else None


def test_closeout_prints_todays_summary(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "closeout")
    assert (code, err) == (0, "")
    assert out.startswith("# Close-out — Monday 23 November 2026\n\n")
    assert "Not closed yet: 2 promises still to address." in out
    assert (
        "- **broken** · promised 09:00 · Li Wei (Globex) — contract renewal terms"
        " · **not addressed** (f-liwei003)\n"
    ) in out
    for heading in ("Done today", "Promises", "Still to tell the executive", "Tomorrow", "Notes"):
        assert f"\n## {heading}\n" in out


def test_closeout_for_another_date(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "closeout", "--date", "2026-11-20")
    assert code == 0
    assert out.startswith("# Close-out — Friday 20 November 2026\n")
    # Omar's promise broke on Friday at 17:00 and was not addressed that day.
    assert "- **broken** · promised 17:00 · Omar Haddad (Initech)" in out
    assert "Monday 23 November 2026 (next workday): first good moment" in out


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-13-40", "--date: 2026-13-40 is not a date"),
        ("soonish", "--date: 'soonish' is not a date (e.g. today, tomorrow, fri, nov 24"),
        ("2026-11-23T10:00", "--date: '2026-11-23T10:00' is not a date"),
    ],
)
def test_a_bad_date_exits_2_with_a_clear_message(
    store: Store, capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    code, out, err = run(capsys, "closeout", "--date", value)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_date_takes_the_day_words_of_the_time_grammar(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # Monday 23 November 2026: `yesterday` and last Friday's `nov 20` are past days.
    for value in ("yesterday", "2026-11-22", "sunday"):
        code, out, err = run(capsys, "closeout", "--date", value)
        assert code == 0, err
        heading = "Sunday 22 November 2026" if value != "sunday" else "Sunday 29 November 2026"
        assert heading in out
    code, out, _ = run(capsys, "closeout", "--date", "nov 20")
    assert code == 0
    assert "Friday 20 November 2026" in out


def test_close_is_refused_while_a_broken_promise_is_unaddressed(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store.path.read_bytes()
    code, out, err = run(capsys, "closeout", "--keep", "f-sara", "--close")
    assert code == 2
    assert out == ""
    assert "cannot close Monday 23 November 2026: 1 promise is not addressed" in err
    assert "f-liwei003  Li Wei (Globex) — contract renewal terms: broken, promised 09:00" in err
    assert not (data_dir / SUMMARY).exists()
    assert store.path.read_bytes() == before  # the keep in the same command is not saved either
    # The refusal names the commands that fix it, ids filled in; the last one works as given.
    assert 'ea-planner promise f-liwei003 "tomorrow 10am"' in err
    assert "ea-planner resolve f-liwei003" in err and "ea-planner escalate f-liwei003" in err
    fix = err.strip().splitlines()[-1]
    assert fix == (
        "or keep them as they stand: "
        "ea-planner closeout --keep f-sara0005 --keep f-liwei003 --close"
    )
    code, out, _ = run(capsys, *fix.split("ea-planner ", 1)[1].split())
    assert code == 0 and "Li Wei" in out


def test_keep_then_close_saves_what_closeout_prints(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "closeout", "--keep", "f-sara0005")
    assert code == 0
    assert out == "Kept f-sara0005 (Sara Lind — access badge not working)\n"
    code, closing, err = run(
        capsys, "closeout", "--keep", "f-liwei", "--close", "--notes", "Call Li Wei at 9."
    )
    assert code == 0
    assert "Closed Monday 23 November 2026; summary saved to" in err
    saved = (data_dir / SUMMARY).read_text(encoding="utf-8")
    assert saved == closing
    assert "Closed at 17:30.\n" in saved
    assert "· Li Wei (Globex) — contract renewal terms · kept as it stands\n" in saved
    assert saved.endswith("## Notes\n\nCall Li Wei at 9.\n")
    assert oct((data_dir / SUMMARY).stat().st_mode & 0o777) == "0o600"
    saved_record = record(store)
    assert saved_record is not None
    assert saved_record["closed"] is True
    assert saved_record["summary"] == saved
    assert saved_record["kept"] == ["f-sara0005", "f-liwei003"]
    assert saved_record["closed_at"] == CLOSE_NOW

    # Later that evening the day is printed again: the saved summary, byte for byte.
    _, printed, _ = run(capsys, "closeout", "--date", "2026-11-23")
    assert printed == saved


def test_re_promise_from_the_shell_then_close(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(capsys, "promise", "f-liwei003", "2026-11-24 10:00", "--note", "told him")
    assert code == 0
    code, out, _ = run(capsys, "closeout", "--keep", "f-sara", "--close")
    assert code == 0
    assert (
        "- **was broken** · promised Tue 24 Nov 10:00 (re-promised 09:00 → Tue 24 Nov 10:00"
        " at 17:30) · Li Wei (Globex) — contract renewal terms · re-promised at 17:30: told him\n"
    ) in out
    assert "- 10:00 · Li Wei (Globex) — contract renewal terms\n" in out  # due tomorrow
    assert (data_dir / SUMMARY).read_text(encoding="utf-8") == out


def test_reopen_then_close_again_rewrites_the_summary(
    store: Store,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run(capsys, "closeout", "--keep", "f-sara", "--keep", "f-liwei", "--close")[0] == 0
    first = (data_dir / SUMMARY).read_text(encoding="utf-8")
    assert "No notes." in first

    code, out, _ = run(capsys, "closeout", "--reopen")
    assert code == 0
    assert out == "Reopened Monday 23 November 2026: close it again to rewrite its summary\n"
    reopened = record(store)
    assert reopened is not None and reopened["closed"] is False
    _, live, _ = run(capsys, "closeout")
    assert "Not closed yet." in live

    monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T18:10:00+01:00")
    assert run(capsys, "resolve", "f-liwei003", "terms", "sent")[0] == 0
    code, second, _ = run(capsys, "closeout", "--close", "--notes", "Li Wei sorted after all")
    assert code == 0
    saved = (data_dir / SUMMARY).read_text(encoding="utf-8")
    assert saved == second != first
    assert "Closed at 18:10." in saved
    assert "· Li Wei (Globex) — contract renewal terms · resolved at 18:10: terms sent\n" in saved
    assert saved.endswith("## Notes\n\nLi Wei sorted after all\n")
    assert len(json.loads(store.path.read_text())["closeouts"]) == 1


def test_reopening_an_open_day_exits_2(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "closeout", "--reopen")
    assert code == 2
    assert "Monday 23 November 2026 is not closed" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--notes", "x"], "--notes goes with --close"),
        (["--keep", "f-sara", "--reopen"], "--keep cannot be combined with --reopen"),
        (["--keep", "f-jonas007"], "has no promise due by the end of Monday 23 November 2026"),
        (["--keep", "f-nobody"], "no follow-up with id 'f-nobody'"),
        (["--date", "2026-11-24", "--close"], "Tuesday 24 November 2026 has not begun yet"),
    ],
)
def test_refused_changes_exit_2(
    store: Store, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = store.path.read_bytes()
    code, _, err = run(capsys, "closeout", *argv)
    assert code == 2
    assert message in err
    assert store.path.read_bytes() == before


def test_a_day_older_than_30_days_is_read_from_the_archives(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def october(day_: int, hour: int) -> pendulum.DateTime:
        return pendulum.datetime(2026, 10, day_, hour, tz=day.TZ)

    old = lc.open_followup(
        customer="Rita Moreno",
        summary="lost luggage",
        promised_by=october(15, 12),
        now=october(14, 9),
    )
    old, _ = lc.resolve(old, "found and delivered", october(15, 11), tz=day.TZ)
    store = Store(data_dir)
    store.save(Document(settings=day.SETTINGS, followups=(old,)))
    assert json.loads(store.path.read_text())["followups"] == []  # archived on write

    code, out, _ = run(capsys, "closeout", "--date", "2026-10-15")
    assert code == 0
    assert "- Resolved 11:00 · Rita Moreno — lost luggage · found and delivered\n" in out
    assert "- promised 12:00 · Rita Moreno — lost luggage · resolved at 11:00" in out

    code, _, err = run(capsys, "closeout", "--date", "2026-10-15", "--close")
    assert code == 2
    assert "settled history" in err


def test_help_documents_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["closeout", "--help"])
    assert exit.value.code == 0
    text = capsys.readouterr().out
    for option in ("--date DAY", "--keep ID", "--close", "--reopen", "--notes TEXT"):
        assert option in text
    assert "closeouts/YYYY-MM-DD.md" in text


def test_closeout_never_imports_textual(store: Store, data_dir: Path) -> None:
    code = (
        "import sys; from planner.cli import main; status = main(['closeout']); "
        "assert 'textual' not in sys.modules, 'textual imported'; sys.exit(status)"
    )
    env = {**os.environ, "EA_PLANNER_DATA_DIR": str(data_dir), "EA_PLANNER_NOW": CLOSE_NOW}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Close-out — Monday 23 November 2026\n")


def test_a_summary_that_cannot_be_written_leaves_the_day_open(
    store: Store,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from planner.errors import StorageError

    def disk_full(self: Store, date: str, markdown: str) -> Path:
        raise StorageError(
            f"cannot save {date}.md: the disk is full; the previous version is intact"
        )

    monkeypatch.setattr(Store, "write_summary_locked", disk_full)
    before = (data_dir / "planner.json").read_bytes()
    code, out, err = run(capsys, "closeout", "--keep", "f-sara", "--keep", "f-liwei", "--close")
    assert code == 1
    assert "the disk is full" in err
    assert "Closed" not in err and out == ""
    # Nothing of the close reached planner.json: the day is open, the keeps not recorded.
    assert (data_dir / "planner.json").read_bytes() == before
    saved = record(store)
    assert saved is None or saved["closed"] is False
