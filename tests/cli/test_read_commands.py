"""`agenda`, `show` and `search`: what a user reads, in text and JSON, archives included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.storage import Store
from tests.cli.world import make_world


@pytest.fixture
def store(data_dir: Path) -> Store:
    return make_world(data_dir)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_world_has_settled_history_in_an_archive(store: Store) -> None:
    assert [f.id for f in store.load().followups] == ["f-lena0001", "f-maria001", "f-omar0002"]
    assert "f-ines0003" in {f.id for f in store.history().followups}


# -- agenda ---------------------------------------------------------------------------


def test_agenda_lists_each_day_with_its_events_moments_promises_and_briefs(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "agenda", "--days", "3")
    assert code == 0
    days = out.split("\n\n")
    assert days[0] == "Agenda · Mon 23 Nov – Wed 25 Nov 2026 · Europe/Paris"
    today, tomorrow, wednesday = days[1], days[2], days[3]
    assert today.startswith("Monday 23 November 2026 (today)")
    assert "11:00–12:00  meeting     Board meeting" in today
    # The broken promise of last Friday is listed on today, first.
    promises = [line for line in today.splitlines() if "f-" in line]
    assert "BROKEN" in promises[0] and "f-lena0001" in promises[0]
    assert "15:00  Maria Ortiz @Acme" in promises[1]
    assert "brief 10:00" in today and "Budget overrun on Q4" in today
    assert tomorrow.startswith("Tuesday 24 November 2026 (tomorrow)")
    assert "travel" in tomorrow and "Flight to Lisbon" in tomorrow
    assert "brief due by 16:00" in tomorrow and "b-press002" in tomorrow
    assert wednesday.startswith("Wednesday 25 November 2026\n")
    assert "Omar Haddad" in wednesday and "Acme quarterly review" in wednesday
    assert "16:00–16:30 (30 min, come by)" in wednesday
    assert "Lena" not in tomorrow + wednesday


def test_agenda_json_has_one_object_per_day(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "agenda", "--json")
    assert code == 0
    agenda = json.loads(out)
    assert (agenda["start"], agenda["end"], agenda["timezone"]) == (
        "2026-11-23",
        "2026-11-29",
        "Europe/Paris",
    )
    assert agenda["now"] == "2026-11-23T10:00:00+01:00"
    assert [d["date"] for d in agenda["days"]] == [f"2026-11-{n}" for n in range(23, 30)]
    monday = agenda["days"][0]
    assert [e["id"] for e in monday["events"]] == ["e-board001"]
    assert [(f["id"], f["state"], f["broken"]) for f in monday["followups"]] == [
        ("f-lena0001", "broken", True),
        ("f-maria001", "due-today", False),
    ]
    assert monday["briefs"][0]["id"] == "b-budget01"
    assert monday["briefs"][0]["listed"] == "planned"
    assert monday["briefs"][0]["planned_at"] == "2026-11-23T10:00:00+01:00"
    assert monday["windows"][0]["start"] == "2026-11-23T08:30:00+01:00"
    tuesday = agenda["days"][1]
    assert [(b["id"], b["listed"]) for b in tuesday["briefs"]] == [("b-press002", "deadline")]
    # Saturday and Sunday are no workdays: no computed good moments.
    assert agenda["days"][5]["windows"] == [] and agenda["days"][6]["windows"] == []


def test_agenda_starts_on_another_day_and_refuses_bad_options(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "agenda", "--date", "wednesday", "--days", "1", "--json")
    assert code == 0
    (day,) = json.loads(out)["days"]
    assert day["date"] == "2026-11-25"
    assert [f["id"] for f in day["followups"]] == ["f-omar0002"]
    for argv, message in (
        (["--days", "0"], "--days: give a number from 1 to 366"),
        (["--date", "someday"], "--date: 'someday' is not a date"),
    ):
        code, out, err = run(capsys, "agenda", *argv)
        assert (code, out) == (2, "")
        assert message in err


# -- show -----------------------------------------------------------------------------


def test_show_prints_a_follow_up_with_its_whole_log(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "show", "f-mar")
    assert code == 0
    assert out.startswith("f-maria001: Maria Ortiz (Acme) — invoice charged twice\n")
    assert "  promise:  Mon 23 Nov 15:00 (today)" in out
    assert "Log (2)" in out
    assert "Mon 23 Nov 2026 09:30  note: finance confirms the double charge" in out


def test_show_marks_a_broken_promise(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "f-lena0001")
    assert "  promise:  Fri 20 Nov 17:00 (3 days ago) — BROKEN" in out


def test_show_finds_archived_records_and_their_briefs(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "show", "f-ines0003", "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["status"] == "resolved"
    assert shown["resolution"] == "credit note sent for the refund"
    assert [entry["action"] for entry in shown["log"]] == ["created", "resolved"]
    assert [b["id"] for b in shown["briefs"]] == ["b-told0003"]
    code, out, _ = run(capsys, "show", "b-told")
    assert code == 0
    assert "b-told0003: Refund policy agreed" in out
    assert "about:       f-ines0003 (Ines Duarte — printer contract)" in out


def test_show_a_brief_as_json(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "b-press002", "--json")
    assert code == 0
    brief = json.loads(out)
    assert brief["deliver_by"] == "2026-11-24T16:00:00+01:00"
    assert brief["delivered"] is None


def test_show_an_unknown_id_names_the_way_to_find_one(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "show", "f-nobody")
    assert (code, out) == (2, "")
    assert "no follow-up with id 'f-nobody'" in err
    assert "ea-planner search TEXT" in err


# -- search ---------------------------------------------------------------------------


def test_search_finds_resolutions_in_the_archives(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", "refund")
    assert code == 0
    assert "2 matches for “refund”" in out
    assert "f-ines0003  resolved" in out and "(in resolution" in out
    assert "b-told0003  told" in out


def test_search_matches_log_notes_tags_and_organisations(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    def ids(*words: str) -> list[str]:
        code, out, _ = run(capsys, "search", *words, "--json")
        assert code == 0
        found = json.loads(out)
        return [r["id"] for kind in ("followups", "briefs", "events") for r in found[kind]]

    assert ids("double", "charge") == ["f-maria001"]
    assert ids("#billing") == ["f-maria001", "f-ines0003"]  # newest first
    assert ids("#billing", "@initech") == ["f-ines0003"]
    assert ids("@acme") == ["f-maria001"]
    assert ids("ACME") == ["f-maria001", "e-acme0003"]
    assert ids("room", "4") == ["e-acme0003"]
    assert ids("nothing-like-this") == []


def test_search_json_says_which_fields_matched(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "search", "finance", "--json")
    found = json.loads(out)
    assert found["query"] == "finance"
    (hit,) = found["followups"]
    assert hit["matched"] == ["log"]
    assert hit["customer"] == "Maria Ortiz"
    assert found["briefs"] == [] and found["events"] == [] and found["closeouts"] == []


def test_search_limits_and_says_so(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "search", "#billing", "--limit", "1")
    assert "… and 1 more (--limit 0 shows all)" in out
    _, out, _ = run(capsys, "search", "zzz")
    assert out == "Nothing matches “zzz”.\n"
    code, _, err = run(capsys, "search", "  ")
    assert code == 2 and "give a word" in err
