"""Version 4 → 5: typed log entries, from a planner.json that version 4 wrote.

The fixture `version-4.json` was written by the version-4 ea-planner living one
Monday from the shell (clock moved with EA_PLANNER_NOW): Maria waited on the
customer twice and was re-promised during the second wait, then resolved; Omar
was re-promised with a note that happens to end like the old automatic move
("…time spent waiting on the customer"); Paul was started, noted, escalated,
resolved; Sara waits on a colleague; Nadia waits on the customer; a duplicate was
dropped; the day was closed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
import pytest

from planner.clock import Clock
from planner.closeout import build_review, render_markdown
from planner.domain import FollowUp
from planner.domain import lifecycle as lc
from planner.domain.history import standing
from planner.storage import SCHEMA_VERSION, Document, Store
from planner.storage.migrate import migrate

FIXTURE = Path(__file__).parent / "fixtures" / "version-4.json"
TZ = "Europe/Paris"
CLOSED_AT = pendulum.datetime(2026, 11, 23, 17, 35, tz=TZ)


@pytest.fixture
def loaded(data_dir: Path) -> tuple[Store, Document]:
    data_dir.mkdir(parents=True)
    (data_dir / "planner.json").write_bytes(FIXTURE.read_bytes())
    store = Store(data_dir, clock=Clock(fixed=CLOSED_AT))
    return store, store.load()


def by_name(document: Document, customer: str) -> FollowUp:
    return next(f for f in document.followups if f.customer == customer)


def actions(followup: FollowUp) -> list[tuple[str, str]]:
    return [(e.action, e.text) for e in followup.log]


def test_the_fixture_is_a_version_4_document() -> None:
    assert json.loads(FIXTURE.read_text())["schema_version"] == 4
    assert SCHEMA_VERSION == 6


def test_start_resume_and_the_moves_after_a_customer_wait_get_their_own_actions(
    loaded: tuple[Store, Document],
) -> None:
    _, document = loaded
    maria = by_name(document, "Maria Ortiz")
    assert actions(maria) == [
        (
            "created",
            "Maria Ortiz: invoice charged twice, wants refund @Acme by 14:00 !high #billing",
        ),
        ("waiting", "sent her the refund form"),
        ("promise-moved-by-wait", ""),
        ("resumed", "form received"),
        ("waiting", "bank statement"),
        ("re-promised", "told her by four"),
        ("promise-moved-by-wait", ""),
        ("resumed", "statement received"),
        ("resolved", "refund issued, called her back"),
    ]
    assert [e.waiting_on for e in maria.log if e.action == "waiting"] == ["customer", "customer"]
    paul = by_name(document, "Paul Girard")
    assert actions(paul)[1] == ("started", "asked logistics")
    assert [a for a, _ in actions(paul)] == ["created", "started", "note", "escalated", "resolved"]


def test_a_re_promise_whose_note_ends_like_the_old_wait_move_stays_a_re_promise(
    loaded: tuple[Store, Document],
) -> None:
    _, document = loaded
    omar = by_name(document, "Omar Haddad")
    assert actions(omar)[1] == (
        "re-promised",
        "told him after lunch, allowing for the time spent waiting on the customer",
    )


def test_a_follow_up_still_waiting_learns_what_it_waits_for(
    loaded: tuple[Store, Document],
) -> None:
    _, document = loaded
    sara, nadia = by_name(document, "Sara Lind"), by_name(document, "Nadia Benali")
    assert (sara.waiting_on, sara.waiting_for) == ("colleague", "IT ticket 4411")
    assert (nadia.waiting_on, nadia.waiting_for) == ("customer", "the signed form")
    assert sara.log[-1].waiting_on == "colleague"
    assert by_name(document, "Maria Ortiz").waiting_for == ""  # resolved: waits for nothing


def test_the_migrated_log_replays_to_the_record(loaded: tuple[Store, Document]) -> None:
    _, document = loaded
    for followup in document.followups:
        before_last = followup.log[-1].at
        replayed = standing(followup, pendulum.instance(before_last).subtract(seconds=1))
        assert replayed.status in ("open", "in progress", "waiting", "escalated")
    maria = by_name(document, "Maria Ortiz")
    at_1130 = standing(maria, pendulum.datetime(2026, 11, 23, 11, 30, tz=TZ))
    assert at_1130.status == "waiting" and at_1130.paused
    assert at_1130.waiting_for == "bank statement"
    assert at_1130.promised_by == pendulum.datetime(2026, 11, 23, 16, 0, tz=TZ)


def test_the_migrated_day_shows_the_customer_wait_the_old_close_out_lost(
    loaded: tuple[Store, Document],
) -> None:
    _, document = loaded
    text = render_markdown(build_review(document, pendulum.date(2026, 11, 23), CLOSED_AT))
    # Version 4's saved summary never mentioned Nadia; the review of the same data does.
    assert "Nadia" not in document.closeouts[0].summary
    assert (
        "- paused · was 14:00 · Nadia Benali (Initech) — refund form"
        " · waiting on the customer since 09:01 for: the signed form"
    ) in text


def test_the_next_save_writes_the_current_version(loaded: tuple[Store, Document]) -> None:
    store, document = loaded

    def add_note(document: Document) -> Document:
        nadia = by_name(document, "Nadia Benali").id
        changed, _ = lc.change_followup(
            document, nadia, lambda f: lc.Outcome(lc.note(f, "she called", CLOSED_AT))
        )
        return changed

    store.update(add_note)
    raw = json.loads(store.path.read_text())
    assert raw["schema_version"] == SCHEMA_VERSION
    actions_written = {e["action"] for f in raw["followups"] for e in f["log"]}
    assert "status" not in actions_written and "promise" not in actions_written
    reloaded = store.load()
    assert reloaded.followups[:-1] == document.followups[:-1]
    assert by_name(reloaded, "Nadia Benali").log[-1].text == "she called"


def test_a_hand_written_promise_line_without_a_companion_entry_is_a_re_promise() -> None:
    entry = {
        "at": "2026-11-23T10:00:00+01:00",
        "action": "promise",
        "text": "promise moved by 2 h spent waiting on the customer",
        "old_promise": "2026-11-23T12:00:00+01:00",
        "new_promise": "2026-11-23T14:00:00+01:00",
    }
    raw = {"schema_version": 4, "followups": [{"id": "f-1", "status": "open", "log": [entry]}]}
    migrated = migrate(raw)
    assert migrated["schema_version"] == SCHEMA_VERSION
    assert migrated["followups"][0]["log"][0]["action"] == "re-promised"
