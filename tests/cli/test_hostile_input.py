"""What a hostile or careless input does to the plain commands: escapes never reach the
terminal, bad bytes and absurd dates are exit 2 and one line, the data stays untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.storage import Store

ROOT = Path(__file__).resolve().parents[2]
ESC = "\x1b"
OSC_TITLE = "\x1b]0;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4vKg==\x07"  # "rm -rf ~/*"
HOSTILE = f"Maria {OSC_TITLE}Ortiz: refund{OSC_CLIPBOARD} by tomorrow 3pm"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def cli_bytes(
    *argv: bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the real program with raw byte arguments, as a shell passes them."""
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"planner", *argv],
        capture_output=True,
        timeout=30,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )


def raw_document(data_dir: Path, **collections: object) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    document = {"schema_version": 1, **collections}
    (data_dir / "planner.json").write_text(json.dumps(document))


def followup_with(text: str) -> dict[str, object]:
    return {
        "id": "f-esc",
        "customer": f"Eve{text}",
        "summary": f"summary{text}",
        "organization": f"Org{text}",
        "promised_by": "2026-11-23T09:00:00+01:00",
        "created": "2026-11-22T09:00:00+01:00",
        "updated": "2026-11-22T09:00:00+01:00",
        "log": [{"at": "2026-11-22T09:00:00+01:00", "action": "created", "text": f"raw{text}"}],
    }


# -- 3. escapes --------------------------------------------------------------


def test_the_created_log_entry_stores_the_typed_line_cleaned(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    status, out, _ = run(capsys, "add", HOSTILE)
    assert status == 0
    assert ESC not in out and "\x07" not in out
    raw = (data_dir / "planner.json").read_text()
    assert "\\u001b" not in raw and "\\u0007" not in raw
    (followup,) = Store(data_dir).load().followups
    assert followup.log[0].text.startswith("Maria ]0;pwnedOrtiz")


@pytest.mark.parametrize(
    "argv",
    [("today",), ("today", "--json"), ("closeout",), ("note", "f-esc", "called back")],
)
def test_commands_never_print_an_escape_held_in_the_document(
    capsys: pytest.CaptureFixture[str], data_dir: Path, argv: tuple[str, ...]
) -> None:
    raw_document(data_dir, followups=[followup_with(OSC_TITLE + "\x9b2J\u202e")])
    status, out, err = run(capsys, *argv)
    assert status == 0, err
    for text in (out, err):
        assert ESC not in text and "\x07" not in text and "\x9b" not in text
        assert "\u202e" not in text
    assert "Eve" in out or "f-esc" in out


def test_import_never_echoes_a_file_names_escapes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / f"cal{OSC_TITLE}.ics"
    path.write_text("not a calendar\n")
    status, _out, err = run(capsys, "import", str(path))
    assert status == 2
    assert ESC not in err and "\x07" not in err
    assert "is not an iCalendar file" in err


def test_an_error_message_never_carries_an_escape(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    status, _, err = run(capsys, "note", f"f-{OSC_TITLE}", "hello")
    assert status == 2
    assert ESC not in err and "\x07" not in err


def test_the_closeout_markdown_file_never_holds_an_escape(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T18:00:00+01:00")
    resolved = followup_with(OSC_TITLE)
    resolved.update(
        status="resolved",
        resolution=f"done{OSC_CLIPBOARD}",
        updated="2026-11-23T12:00:00+01:00",
    )
    log = resolved["log"]
    assert isinstance(log, list)
    resolved["log"] = [
        *log,
        {"at": "2026-11-23T12:00:00+01:00", "action": "resolved", "text": f"done{OSC_TITLE}"},
    ]
    raw_document(data_dir, followups=[resolved])
    status, out, err = run(capsys, "closeout", "--close")
    assert status == 0, err
    markdown = (data_dir / "closeouts" / "2026-11-23.md").read_text()
    assert "Eve" in markdown
    assert ESC not in markdown and "\x07" not in markdown
    assert ESC not in out


# -- 8. bad bytes and absurd values: exit 2, one line, data untouched --------


def _assert_one_line_exit_2(result: subprocess.CompletedProcess[bytes]) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count(b"\n") == 1, result.stderr
    assert b"Traceback" not in result.stderr and b"unexpected" not in result.stderr


def test_invalid_utf8_in_an_argument_is_exit_2(data_dir: Path) -> None:
    result = cli_bytes(b"add", b"Maria \xff\xfe: refund by 3pm")
    _assert_one_line_exit_2(result)
    assert b"UTF-8" in result.stderr
    assert not (data_dir / "planner.json").exists()


def test_invalid_utf8_in_a_calendar_name_is_exit_2(data_dir: Path) -> None:
    fixture = str(ROOT / "tests" / "calendar_import" / "fixtures" / "holidays.ics").encode()
    _assert_one_line_exit_2(cli_bytes(b"import", fixture, b"--calendar", b"Exec\xff"))
    assert not (data_dir / "planner.json").exists()


def test_invalid_utf8_in_a_file_name_is_exit_2(data_dir: Path, tmp_path: Path) -> None:
    source = ROOT / "tests" / "calendar_import" / "fixtures" / "holidays.ics"
    target = os.path.join(os.fsencode(tmp_path), b"cal\xff.ics")
    with open(target, "wb") as handle:
        handle.write(source.read_bytes())
    _assert_one_line_exit_2(cli_bytes(b"import", target))
    assert not (data_dir / "planner.json").exists()


def test_an_unknown_settings_timezone_is_exit_2_naming_the_file(data_dir: Path) -> None:
    raw_document(data_dir, settings={"timezone": "Mars/Olympus_Mons"})
    before = (data_dir / "planner.json").read_bytes()
    for argv in ((b"today",), (b"add", b"Maria: refund by 3pm")):
        result = cli_bytes(*argv)
        _assert_one_line_exit_2(result)
        assert b"Mars/Olympus_Mons" in result.stderr and b"planner.json" in result.stderr
    assert (data_dir / "planner.json").read_bytes() == before


def test_json_nested_100k_deep_is_exit_2(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    deep = b'{"schema_version": 1, "settings": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    (data_dir / "planner.json").write_bytes(deep)
    _assert_one_line_exit_2(cli_bytes(b"today"))
    assert (data_dir / "planner.json").read_bytes() == deep


@pytest.mark.parametrize("command", [b"today", b"closeout"])
def test_a_date_beyond_2100_is_exit_2(command: bytes) -> None:
    result = cli_bytes(command, b"--date", b"9999-12-31")
    _assert_one_line_exit_2(result)


@pytest.mark.parametrize(
    "argv",
    [
        ("add", "Maria: refund by 9999-12-31 11pm"),
        ("add", "Maria: refund by 2101-01-01 9am"),
    ],
)
def test_a_promise_beyond_2100_is_refused_at_input(
    capsys: pytest.CaptureFixture[str], data_dir: Path, argv: tuple[str, ...]
) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert "2100" in err
    assert not (data_dir / "planner.json").exists()


def test_a_repromise_beyond_2100_is_refused_at_input(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    status, out, _ = run(capsys, "add", "--json", "Maria: refund by tomorrow 3pm")
    followup_id = json.loads(out)["id"]
    before = (data_dir / "planner.json").read_bytes()
    status, _, err = run(capsys, "promise", followup_id, "9999-12-31 23:00")
    assert status == 2 and "2100" in err
    assert (data_dir / "planner.json").read_bytes() == before


@pytest.mark.parametrize("tz", [":/etc/localtime", "/usr/share/zoneinfo/Asia/Tokyo", "/dev/null"])
def test_a_tz_that_is_a_path_still_gives_a_day(tz: str, tmp_path: Path) -> None:
    env = {"TZ": tz, "EA_PLANNER_DATA_DIR": str(tmp_path / "tzdata")}
    for argv in ((b"add", b"Maria: refund by tomorrow 3pm"), (b"today",)):
        result = cli_bytes(*argv, env=env)
        assert result.returncode == 0, result.stderr
    if "Tokyo" in tz:
        assert b"Asia/Tokyo" in cli_bytes(b"today", env=env).stdout
