"""One shape for every command: --json on the listings, the command's own usage on a bad
option, a description in every --help, the same words for a day, messages in one voice."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.commands.parser import build_parser
from planner.storage import Store
from tests.cli.world import make_world


@pytest.fixture
def store(data_dir: Path) -> Store:
    return make_world(data_dir)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def every_parser(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found.append(((*path, name), child))
                found.extend(every_parser(child, (*path, name)))
    return found


COMMANDS = [path for path, _ in every_parser(build_parser()[0])]


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_help_has_a_description_and_explains_every_argument(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit:
        main([*path, "--help"])
    assert exit.value.code == 0
    text = capsys.readouterr().out
    usage, _, rest = text.partition("\n\n")
    assert usage.startswith(f"usage: ea-planner {' '.join(path)} ")
    description = rest.split("\n\n")[0]
    assert description.strip() and not description.startswith(("positional", "options")), text
    parser = dict(every_parser(build_parser()[0]))[path]
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            assert action.help, f"{' '.join(path)}: {action.dest} has no help"
    # Sub-commands are listed as actions, never as a positional argument.
    assert "positional arguments:\n  ACTION" not in text


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["closeout", "--jsonx"], "closeout"),
        (["brief", "list", "--bogus"], "brief list"),
        (["event", "add", "Dentist", "--start", "2026-11-24 10:00", "--bogus"], "event add"),
        (["today", "extra"], "today"),
    ],
)
def test_a_bad_option_prints_the_command_s_own_usage(
    argv: list[str], command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit:
        main(argv)
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: ea-planner {command} ")
    assert f"ea-planner {command}: error: unrecognized arguments: {argv[-1]}" in err


# -- --json on every listing -----------------------------------------------------------


def test_brief_list_json(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "brief", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert (listed["now"], listed["timezone"]) == ("2026-11-23T10:00:00+01:00", "Europe/Paris")
    assert [b["id"] for b in listed["briefs"]] == ["b-budget01", "b-press002"]
    first = listed["briefs"][0]
    assert first["planned_at"] == "2026-11-23T10:00:00+01:00" and first["flags"] == []
    assert "delivered" not in listed
    code, out, _ = run(capsys, "brief", "list", "--all", "--json")
    # The delivered brief was archived long ago: the listing is of the live queue.
    assert json.loads(out)["delivered"] == []


def test_moment_list_json(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "moment", "list", "--date", "wednesday", "--json")
    assert code == 0
    listed = json.loads(out)
    assert listed["date"] == "2026-11-25"
    assert [m["id"] for m in listed["marks"]] == ["w-come0001"]
    assert listed["marks"][0]["note"] == "come by"
    marked = [w for w in listed["windows"] if w["source"] == "marked"]
    assert marked == [
        {
            "start": "2026-11-25T16:00:00+01:00",
            "end": "2026-11-25T16:30:00+01:00",
            "minutes": 30,
            "best": False,
            "source": "marked",
            "after_event": None,
            "note": "come by",
        }
    ]


def test_event_list_json_on_another_day(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "event", "list", "--date", "tomorrow", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [e["title"] for e in listed["events"]] == ["Flight to Lisbon"]
    assert listed["events"][0]["kind"] == "travel"


# -- the same words and one voice --------------------------------------------------------


def test_moment_add_needs_no_end(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "moment", "add", "14:30", "--note", "come by")
    assert code == 0
    assert out.startswith("Marked a good moment Mon 23 Nov 14:30–14:45: come by (w-")
    code, out, _ = run(capsys, "moment", "block", "16:00", "--minutes", "60")
    assert out.startswith("Marked a block Mon 23 Nov 16:00–17:00 (w-")
    code, _, err = run(capsys, "moment", "add", "14:30", "15:00", "--minutes", "10")
    assert code == 2 and "give END or --minutes, not both" in err


def test_dates_read_one_way_and_print_one_way(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["today", "--date", "tomorrow"],
        ["event", "list", "--date", "tomorrow"],
        ["moment", "list", "--date", "tomorrow"],
        ["agenda", "--date", "tomorrow", "--days", "1"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert "Tuesday 24 November 2026" in out or "Tue 24 Nov 2026" in out, argv
    code, out, _ = run(capsys, "event", "list", "--date", "2026-12-01")
    assert out.startswith("Tuesday 1 December 2026 · Europe/Paris")  # never "01 December"


def test_messages_start_with_a_capital_verb(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    first_words = []
    for argv in (
        ["event", "add", "Call", "--start", "2026-11-24 10:00", "--minutes", "15"],
        ["brief", "add", "Budget"],
        ["moment", "add", "16:00"],
        ["note", "f-omar", "called back"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        first_words.append(out.split()[0])
    assert first_words == ["Added", "Added", "Marked", "Noted"]


def test_closeout_json_has_the_review_and_the_summary(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "closeout", "--json")
    assert code == 0
    review = json.loads(out)
    assert (review["date"], review["closed"], review["can_close"]) == ("2026-11-23", False, False)
    broken = [p for p in review["promises"] if p["broken"]]
    assert [(p["id"], p["addressed"]) for p in broken] == [("f-lena0001", None)]
    assert broken[0]["promise"] == "2026-11-20T17:00:00+01:00"
    assert review["summary"].startswith("# Close-out — Monday 23 November 2026")
    code, _, err = run(capsys, "closeout", "--json", "--close")
    assert code == 2 and "--json prints a day" in err


def test_import_json_reports_counts_and_skips(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.calendar_import.helpers import FIXTURES

    source = FIXTURES / "broken_among_good.ics"
    code, out, _ = run(capsys, "import", str(source), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["calendar"] == "broken_among_good"
    assert report["added"] >= 1 and report["updated"] == 0 and report["removed"] == 0
    assert report["skipped"] and all(s["reason"] for s in report["skipped"])
    assert report["timezone"] == "Europe/Paris"
    again = json.loads(run(capsys, "import", str(source), "--json")[1])
    assert (again["added"], again["updated"], again["removed"]) == (0, 0, 0)


LISTINGS = [
    ["today"],
    ["agenda"],
    ["search", "acme"],
    ["show", "f-maria001"],
    ["brief", "list"],
    ["event", "list"],
    ["moment", "list"],
    ["closeout"],
    ["calendar", "list"],
]


@pytest.mark.parametrize("argv", LISTINGS, ids=[" ".join(a) for a in LISTINGS])
def test_every_listing_prints_json(
    argv: list[str], store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    assert isinstance(json.loads(out), dict | list)


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["note", "f-nobody", "x"], "ea-planner search TEXT finds any"),
        (["brief", "deliver", "b-nobody"], "ea-planner brief list --all"),
        (["moment", "remove", "w-nobody"], "ea-planner moment list --date DAY"),
    ],
)
def test_an_unknown_id_names_the_command_that_lists_the_ids(
    argv: list[str], hint: str, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store.path.read_bytes()
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    first, second = err.splitlines()
    assert first.startswith("ea-planner: no ") and "nobody" in first
    assert hint in second
    assert store.path.read_bytes() == before


def test_the_new_commands_never_import_textual(store: Store, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys\n"
        "from planner.cli import main\n"
        "for argv in (['agenda'], ['show', 'f-maria001'], ['search', 'acme'],\n"
        "             ['remind', '--no-desktop'], ['export', '--csv'], ['export', '--ics'],\n"
        "             ['brief', 'list', '--json'], ['closeout', '--json']):\n"
        "    assert main(argv) == 0, argv\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich', 'shtab'})\n"
        "print('LOADED', bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "EA_PLANNER_DATA_DIR": str(store.directory), "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("LOADED []")
