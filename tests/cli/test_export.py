"""`ea-planner export`: the .ics read back by the icalendar library, the CSV by csv."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import msgspec
import pytest

from planner.cli import main
from planner.domain.document import Document
from planner.domain.lifecycle import open_followup, wait
from planner.storage import Store
from tests.cli.world import at, make_world


@pytest.fixture
def store(data_dir: Path) -> Store:
    return make_world(data_dir)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def todos(text: str) -> dict[str, icalendar.Component]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(t["UID"]): t for t in calendar.walk("VTODO")}


def test_ics_has_one_todo_per_open_promise_with_due_and_an_alarm(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "export", "--ics")
    assert code == 0
    found = todos(out)
    assert set(found) == {"f-lena0001@ea-planner", "f-maria001@ea-planner", "f-omar0002@ea-planner"}
    maria = found["f-maria001@ea-planner"]
    assert str(maria["SUMMARY"]) == "Get back to Maria Ortiz (Acme): invoice charged twice"
    assert maria.decoded("DUE") == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    assert maria.decoded("PRIORITY") == 3
    assert str(maria["STATUS"]) == "NEEDS-ACTION"
    categories = maria["CATEGORIES"]
    assert isinstance(categories, icalendar.vCategory) and categories.cats == ["billing"]
    assert "finance confirms the double charge" in str(maria["DESCRIPTION"])
    (alarm,) = maria.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -timedelta(minutes=15)
    assert alarm["TRIGGER"].params["RELATED"] == "END"
    assert found["f-lena0001@ea-planner"].decoded("PRIORITY") == 1
    calendar = icalendar.Calendar.from_ical(out)
    assert str(calendar["VERSION"]) == "2.0" and "ea-planner" in str(calendar["PRODID"])


def test_ics_due_follows_the_paused_promise_clock(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    def pause(document: Document) -> Document:
        followups = tuple(
            wait(f, "customer", at(23, 9), "sent the form") if f.id == "f-maria001" else f
            for f in document.followups
        )
        return msgspec.structs.replace(document, followups=followups)

    store.update(pause)
    _, out, _ = run(capsys, "export", "--ics")
    maria = todos(out)["f-maria001@ea-planner"]
    # Waiting on the customer since 09:00, now 10:00: the 15:00 promise moved to 16:00.
    assert maria.decoded("DUE") == datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    assert str(maria["STATUS"]) == "IN-PROCESS"


def test_ics_since_until_keep_the_promises_due_those_days(
    store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "promises.ics"
    code, out, _ = run(
        capsys, "export", "--ics", "--since", "today", "--until", "2026-11-25", "-o", str(target)
    )
    assert code == 0
    assert out == f"Exported 2 open promises as to-dos to {target}\n"
    assert set(todos(target.read_text())) == {"f-maria001@ea-planner", "f-omar0002@ea-planner"}


def test_csv_reads_back_with_every_column(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["f-ines0003", "f-lena0001", "f-omar0002", "f-maria001"]
    ines = rows[0]
    assert ines["status"] == "resolved"
    assert ines["resolution"] == "credit note sent for the refund"
    assert ines["closed"] == "2026-09-01T15:00:00+02:00"
    assert ines["tags"] == "billing" and ines["broken"] == "no"
    lena = rows[1]
    assert (lena["broken"], lena["priority"], lena["closed"]) == ("yes", "urgent", "")
    assert lena["promised_by"] == "2026-11-20T17:00:00+01:00"
    maria = rows[3]
    assert maria["notes"] == "finance confirms the double charge"
    assert maria["organization"] == "Acme" and maria["internal"] == "no"


def test_csv_since_keeps_the_follow_ups_alive_in_the_period(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "export", "--csv", "--since", "2026-11-16", "--until", "2026-11-22")
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == ["f-lena0001"]
    _, out, _ = run(capsys, "export", "--csv", "--since", "2026-09-01", "--until", "2026-09-01")
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == ["f-ines0003"]


def test_csv_defuses_formulas_from_outside_text(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = open_followup(
        customer='=HYPERLINK("http://x")',
        summary="+1 refund",
        promised_by=at(24, 10),
        now=at(23, 9),
    )
    Store(data_dir).update(lambda d: msgspec.structs.replace(d, followups=(hostile,)))
    _, out, _ = run(capsys, "export", "--csv")
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["customer"] == '\'=HYPERLINK("http://x")'
    assert row["summary"] == "'+1 refund"


def test_export_refuses_bad_options(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "export", "--csv", "--since", "2026-11-27", "--until", "2026-11-23"
    )
    assert (code, out) == (2, "")
    assert "--until (2026-11-23) is before --since (2026-11-27)" in err
    code, _, err = run(capsys, "export", "--csv", "--since", "last week")
    assert code == 2 and "--since: 'last week' is not a date (last takes a weekday" in err
    code, _, err = run(capsys, "export", "--ics", "--since", "someday")
    assert code == 2 and "--since: 'someday' is not a date" in err
    with pytest.raises(SystemExit) as exit:
        main(["export"])
    assert exit.value.code == 2
    assert "one of the arguments --ics --csv is required" in capsys.readouterr().err


def test_standard_output_keeps_the_formats_crlf_line_ends(store: Store, data_dir: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "EA_PLANNER_DATA_DIR": str(data_dir), "PYTHONPATH": str(root)}
    for form, first in (("--ics", b"BEGIN:VCALENDAR\r\n"), ("--csv", b"id,customer,")):
        result = subprocess.run(
            [sys.executable, "-m", "planner", "export", form], env=env, capture_output=True
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(first)
        lines = result.stdout.split(b"\n")[:-1]
        assert lines and all(line.endswith(b"\r") for line in lines)


WEDNESDAY = "2026-11-25T10:00:00+01:00"


def csv_ids(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    code, out, err = run(capsys, "export", "--csv", *argv)
    assert code == 0, err
    return [r["id"] for r in csv.DictReader(io.StringIO(out))]


def test_readmes_week_words_name_this_weeks_days_mid_week(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The field test: on a Wednesday `--since monday --until friday` was refused
    (`monday` read as next Monday)."""
    monkeypatch.setenv("EA_PLANNER_NOW", WEDNESDAY)
    week = csv_ids(capsys, "--since", "2026-11-23", "--until", "2026-11-27")
    assert csv_ids(capsys, "--since", "monday", "--until", "friday") == week
    assert csv_ids(capsys, "--since", "this monday", "--until", "this friday") == week
    last_week = csv_ids(capsys, "--since", "2026-11-16", "--until", "2026-11-20")
    assert last_week == ["f-lena0001"]
    assert csv_ids(capsys, "--since", "last monday", "--until", "last friday") == last_week


def test_csv_names_the_executive_and_broken_means_ever_broken(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.domain.executive import Executive
    from planner.domain.lifecycle import repromise, resolve

    lee = Executive(id="x-2", name="Lee Okafor", short="Lee", timezone="Europe/London")
    # Promised 15:40, resolved at 16:45: broken, though closed now.
    late = open_followup(
        customer="Raj Patel", summary="invoice", promised_by=at(20, 15, 40), now=at(20, 9)
    )
    late, _ = resolve(late, "credit issued", at(20, 16, 45))
    # Re-promised before its time, then resolved in time: never broken.
    kept = open_followup(customer="Ada Kim", summary="deck", promised_by=at(20, 12), now=at(20, 9))
    kept = repromise(kept, at(20, 17), at(20, 11))
    kept, _ = resolve(kept, "sent", at(20, 16))
    late = msgspec.structs.replace(late, executive=lee.id)

    def world(d: Document) -> Document:
        return msgspec.structs.replace(d, executives=(*d.roster, lee), followups=(late, kept))

    Store(data_dir).update(world)
    _, out, _ = run(capsys, "export", "--csv")
    header = out.splitlines()[0].split(",")
    assert header[-1] == "executive"
    rows = {r["customer"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["Raj Patel"]["broken"] == "yes"
    assert rows["Raj Patel"]["executive"] == "Lee"
    assert rows["Ada Kim"]["broken"] == "no"
    assert rows["Ada Kim"]["executive"] == "desk"
