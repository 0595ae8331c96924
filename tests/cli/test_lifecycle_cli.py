"""The lifecycle, brief and moment subcommands, through `planner.cli.main`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import msgspec
import pendulum
import pytest

from planner.cli import main
from planner.domain import FollowUp
from planner.domain.lifecycle import open_followup
from planner.storage import Store

TZ = "Europe/Paris"
NOW = pendulum.datetime(2026, 11, 23, 10, 0, tz=TZ)


@pytest.fixture
def store(data_dir: Path) -> Store:
    s = Store(data_dir)
    maria = open_followup(
        customer="Maria Ortiz",
        organization="Acme",
        summary="invoice charged twice",
        promised_by=NOW.add(hours=5),
        now=NOW.subtract(hours=1),
        priority="high",
        id="f-maria001",
    )
    omar = open_followup(
        customer="Omar Haddad",
        summary="wants a meeting",
        promised_by=NOW.add(days=1),
        now=NOW.subtract(hours=1),
        id="f-omar0002",
    )
    s.update(lambda d: msgspec.structs.replace(d, followups=(maria, omar)))
    return s


def followup(store: Store, id: str = "f-maria001") -> FollowUp:
    return next(f for f in store.load().followups if f.id == id)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_note_by_prefix(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "note", "f-mar", "customer", "called", "back")
    assert code == 0
    assert out.startswith("Noted on f-maria001 (Maria Ortiz — invoice charged twice)")
    assert followup(store).log[-1].text == "customer called back"


def test_start_wait_resume_moves_the_promise(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "start", "f-maria")[0] == 0
    code, out, _ = run(capsys, "wait", "f-maria", "customer", "sent", "the", "form")
    assert code == 0
    assert "waiting on the customer" in out and "paused" in out
    monkeypatch.setenv("EA_PLANNER_NOW", "2026-11-23T11:30:00+01:00")
    code, out, _ = run(capsys, "resume", "f-maria")
    assert code == 0
    assert "promise moved to Mon 23 Nov 16:30 (today)" in out
    f = followup(store)
    assert f.status == "in progress"
    assert f.promised_by == NOW.add(hours=6, minutes=30)


def test_promise_with_a_local_time_and_a_note(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "promise", "f-maria", "2026-11-24", "12:00", "--note", "by phone")
    assert code == 0
    assert "Re-promised f-maria001" in out and "Tue 24 Nov 12:00 (tomorrow)" in out
    assert "was Mon 23 Nov 15:00 (today) (kept in the log)" in out
    entry = followup(store).log[-1]
    assert entry.old_promise == NOW.add(hours=5)
    assert entry.new_promise == pendulum.datetime(2026, 11, 24, 12, tz=TZ)


def test_promise_accepts_the_quick_add_grammar(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "promise", "f-maria", "tomorrow", "3pm")
    assert code == 0, err
    assert followup(store).promised_by == pendulum.datetime(2026, 11, 24, 15, tz=TZ)


def test_escalate_then_resolve_queues_two_briefs(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "escalate", "f-maria", "threatens", "to", "leave")
    assert code == 0
    assert "Escalated f-maria001" in out
    assert "queued escalation brief b-" in out
    code, out, _ = run(capsys, "resolve", "f-maria", "refund issued")
    assert code == 0
    assert "queued fyi brief" in out and "How it was solved: Maria Ortiz (Acme)" in out
    briefs = store.load().briefs
    assert [b.kind for b in briefs] == ["escalation", "fyi"]
    assert briefs[0].facts[-1].endswith("escalated to the executive — threatens to leave")
    assert followup(store).status == "resolved"


def test_drop(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "drop", "f-omar", "customer", "withdrew")
    assert code == 0
    assert out.strip() == "Dropped f-omar0002 (Omar Haddad — wants a meeting): customer withdrew"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["resolve", "f-nope", "done"], "no follow-up with id 'f-nope'"),
        (["note", "f-", "x"], "'f-' matches 2 follow-ups"),
        (["wait", "f-maria", "boss"], "wait on the customer or a colleague"),
        (["promise", "f-maria", "2026-11-23 09:00"], "cannot promise a time in the past"),
        (["promise", "f-maria", "2026-02-30 09:00"], "WHEN"),
        (["resume", "f-maria"], "not waiting"),
        (["resolve", "f-maria", "   "], "resolution needs some text"),
        (["brief", "add", "X", "--kind", "gossip"], "unknown brief kind"),
        (["brief", "add", "X", "--minutes", "0"], "1 to 480"),
        (["brief", "add", "X", "--followup", "f-zz"], "no follow-up with id 'f-zz'"),
        (["brief", "deliver", "b-none"], "no brief with id"),
        (["moment", "add", "15:00", "14:00"], "must be after START"),
        (["moment", "block", "25:00", "26:00"], "START"),
    ],
)
def test_bad_input_exits_2_and_leaves_the_file_untouched(
    store: Store, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = store.path.read_bytes()
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.startswith("ea-planner: ")
    assert len(err.strip().splitlines()) <= 2
    assert store.path.read_bytes() == before


def test_a_closed_matter_refuses_changes(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "drop", "f-omar", "duplicate")[0] == 0
    before = store.path.read_bytes()
    code, _, err = run(capsys, "resolve", "f-omar", "done")
    assert code == 2
    assert "cannot resolve f-omar0002: it was dropped (duplicate)" in err
    assert store.path.read_bytes() == before


def test_brief_add_list_deliver(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "brief", "add", "Sign", "the", "contract", "--kind", "decision",
        "--priority", "urgent", "--minutes", "5", "--followup", "f-omar",
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[0].startswith("Added brief b-")
    assert "decision · urgent · 5 min" in out
    assert "lands 10:00 in the good moment 08:30–18:00" in out
    brief = store.load().briefs[0]
    assert brief.followup_id == "f-omar0002"

    code, out, _ = run(capsys, "brief")
    assert code == 0
    assert "Brief queue (1)" in out and brief.id in out

    code, out, _ = run(capsys, "brief", "deliver", brief.id[:5])
    assert code == 0
    assert out.strip() == f"Delivered {brief.id}: Sign the contract"
    assert store.load().briefs[0].delivered == NOW
    code, _, err = run(capsys, "brief", "deliver", brief.id)
    assert code == 2 and "already delivered" in err


def test_bad_news_is_held_until_a_solution_is_given(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "brief", "add", "Shipment late", "--kind", "bad-news")
    assert code == 0
    assert "needs a solution first" in out
    brief_id = store.load().briefs[0].id
    code, out, _ = run(capsys, "brief", "solution", brief_id, "ship", "from", "Lyon")
    assert code == 0
    assert "Solution for" in out and "lands 10:00" in out
    assert store.load().briefs[0].solution == "ship from Lyon"


def test_brief_deliver_by_without_a_window_is_interrupt_now(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "moment", "block", "10:00", "12:00", "--note", "board")
    assert code == 0
    code, out, _ = run(capsys, "brief", "add", "Wire", "--deliver-by", "11:00")
    assert code == 0
    assert "interrupt now" in out and "deliver by Mon 23 Nov 11:00" in out


def test_moment_add_block_list_remove(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "moment", "add", "14:30", "15:00", "--note", "come by")
    assert code == 0
    assert out.startswith("Marked a good moment Mon 23 Nov 14:30–15:00: come by (w-")
    code, out, _ = run(capsys, "moment", "block", "2026-11-24 13:00", "14:00")
    assert code == 0
    assert "Marked a block Tue 24 Nov 13:00–14:00" in out
    windows = store.load().windows
    assert [(w.mark, w.start) for w in windows] == [
        ("window", NOW.replace(hour=14, minute=30)),
        ("block", pendulum.datetime(2026, 11, 24, 13, tz=TZ)),
    ]
    code, out, _ = run(capsys, "moment")
    assert code == 0
    assert "Marks on Mon 23 Nov 2026 (1)" in out
    assert "14:30–15:00  30 min     marked · come by" in out
    code, out, _ = run(capsys, "moment", "remove", windows[0].id)
    assert code == 0 and out.startswith("Removed the good moment")
    assert len(store.load().windows) == 1


def test_commands_do_not_import_textual(store: Store) -> None:
    script = (
        "import sys; from planner.cli import main; "
        "main(['brief']); main(['note', 'f-maria', 'x']); main(['moment']); main(['today']); "
        "sys.exit(3 if 'textual' in sys.modules else 0)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Brief queue (0)" in done.stdout


def test_stored_times_keep_the_executive_offset(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "note", "f-maria", "fact")
    raw = json.loads(store.path.read_text())
    assert raw["followups"][0]["log"][-1]["at"] == "2026-11-23T10:00:00+01:00"


def test_an_escalation_brief_carries_the_facts_logged_after_the_escalation(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "escalate", "f-maria", "threatens to cancel")
    assert code == 0, err
    monkeypatch.setenv("EA_PLANNER_NOW", NOW.add(minutes=40).isoformat())
    line = "Maria Ortiz @Acme: called again, still waiting, call back in 1 hour"
    code, out, err = run(capsys, "add", "--as-note", line)
    assert code == 0, err
    (brief,) = store.load().briefs
    assert brief.facts[-3].endswith("escalated to the executive — threatens to cancel")
    assert brief.facts[-2] == "Mon 23 Nov 10:40 note: called again, still waiting, call back"
    assert brief.facts[-1].startswith("Mon 23 Nov 10:40 re-promised")
    assert "11:40" in brief.facts[-1]
    # The close-out carries the brief to tomorrow with the whole story.
    monkeypatch.setenv("EA_PLANNER_NOW", NOW.replace(hour=18, minute=10).isoformat())
    code, out, err = run(capsys, "brief", "show", brief.id)
    assert code == 0, err
    assert "called again, still waiting" in out
