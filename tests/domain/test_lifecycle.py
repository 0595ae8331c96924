"""The follow-up lifecycle: every transition, every refusal, the paused promise clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import msgspec
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain import FollowUp, lifecycle
from planner.domain.document import Document
from planner.domain.facts import facts, log_line
from planner.domain.followup import effective_promise, is_broken
from planner.domain.lifecycle import (
    TransitionError,
    drop,
    escalate,
    note,
    open_followup,
    repromise,
    resolve,
    resume,
    start,
    wait,
)
from planner.errors import InputError
from planner.operations.followups import note_on

TZ = "Europe/Paris"
NOW = pendulum.datetime(2026, 11, 23, 10, 0, tz=TZ)
PROMISE = pendulum.datetime(2026, 11, 23, 15, 0, tz=TZ)


def fresh(**changes: object) -> FollowUp:
    f = open_followup(
        customer="Maria Ortiz",
        organization="Acme",
        summary="invoice charged twice",
        promised_by=PROMISE,
        now=NOW,
        priority="high",
        id="f-maria",
    )
    import msgspec

    return msgspec.structs.replace(f, **changes) if changes else f


# -- start / note ------------------------------------------------------------


def test_start_moves_open_to_in_progress_and_logs_it() -> None:
    f = start(fresh(), NOW.add(minutes=5), "checking with billing")
    assert f.status == "in progress"
    assert f.updated == NOW.add(minutes=5)
    assert f.log[-1].action == "started"
    assert f.log[-1].text == "checking with billing"
    assert len(f.log) == 2


def test_start_twice_is_refused() -> None:
    f = start(fresh(), NOW)
    with pytest.raises(TransitionError, match="already in progress"):
        start(f, NOW)


def test_note_appends_to_the_log_and_keeps_the_status() -> None:
    f = note(fresh(), "  customer called back\x1b[31m ", NOW.add(minutes=1))
    assert f.status == "open"
    assert f.log[-1].action == "note"
    assert f.log[-1].text == "customer called back[31m"  # ESC stripped on ingest


def test_empty_note_is_refused() -> None:
    with pytest.raises(TransitionError, match="needs some text"):
        note(fresh(), "   ", NOW)


def test_a_note_on_a_closed_matter_is_allowed() -> None:
    closed = drop(fresh(), "duplicate", NOW)
    assert note(closed, "customer thanked us", NOW).log[-1].text == "customer thanked us"


# -- waiting -------------------------------------------------------------------


def test_waiting_on_the_customer_pauses_the_promise_clock() -> None:
    f = wait(fresh(), "customer", NOW, "the signed refund form")
    assert (f.status, f.waiting_on, f.waiting_since) == ("waiting", "customer", NOW)
    assert f.waiting_for == "the signed refund form"
    entry = f.log[-1]
    assert (entry.action, entry.waiting_on, entry.text) == (
        "waiting",
        "customer",
        "the signed refund form",
    )
    later = NOW.add(hours=7)  # past the original promise: not broken while paused
    assert effective_promise(f, later) == PROMISE.add(hours=7)
    assert not is_broken(f, later)


def test_resume_moves_the_promise_by_exactly_the_time_waited() -> None:
    f = wait(fresh(), "customer", NOW)
    back = NOW.add(hours=2, minutes=17, seconds=30)
    f = resume(f, back)
    assert f.status == "in progress"
    assert f.promised_by == PROMISE + timedelta(hours=2, minutes=17, seconds=30)
    assert (f.waiting_on, f.waiting_since, f.waiting_for) == (None, None, "")
    assert [e.action for e in f.log] == ["created", "waiting", "promise-moved-by-wait", "resumed"]
    moved = f.log[2]
    assert moved.old_promise == PROMISE
    assert moved.new_promise == f.promised_by
    assert moved.text == ""  # the meaning is in the action and the two promises
    assert "by 2 h 18 min: time spent waiting on the customer" in log_line(moved, TZ)


def test_waiting_on_a_colleague_does_not_pause_the_clock() -> None:
    f = wait(fresh(), "colleague", NOW, "asked finance")
    assert f.waiting_on == "colleague"
    assert f.waiting_since is None
    assert effective_promise(f, NOW.add(hours=7)) == PROMISE
    assert is_broken(f, NOW.add(hours=7))
    assert resume(f, NOW.add(hours=3)).promised_by == PROMISE


@pytest.mark.parametrize(
    "leave",
    [
        lambda f, t: start(f, t),
        lambda f, t: escalate(f, t)[0],
        lambda f, t: resolve(f, "refunded", t)[0],
        lambda f, t: drop(f, "withdrawn", t),
        lambda f, t: wait(f, "colleague", t),
    ],
    ids=["start", "escalate", "resolve", "drop", "wait-colleague"],
)
def test_every_way_out_of_a_customer_wait_moves_the_promise(
    leave: Callable[[FollowUp, pendulum.DateTime], FollowUp],
) -> None:
    f = wait(fresh(), "customer", NOW)
    left = leave(f, NOW.add(minutes=45))
    assert left.promised_by == PROMISE.add(minutes=45)
    assert left.waiting_since is None


def test_waiting_on_an_unknown_party_is_refused() -> None:
    with pytest.raises(TransitionError, match="customer or a colleague"):
        wait(fresh(), "the moon", NOW)


def test_waiting_again_on_the_same_party_is_refused() -> None:
    f = wait(fresh(), "customer", NOW)
    with pytest.raises(TransitionError, match="already waiting on the customer"):
        wait(f, "Customer", NOW)


def test_resume_when_not_waiting_is_refused() -> None:
    with pytest.raises(TransitionError, match="not waiting"):
        resume(fresh(), NOW)


# -- promises ------------------------------------------------------------------


def test_repromise_keeps_the_old_promise_in_the_log() -> None:
    new = PROMISE.add(days=1)
    f = repromise(fresh(), new, NOW, "told her by phone")
    assert f.promised_by == new
    entry = f.log[-1]
    assert (entry.action, entry.old_promise, entry.new_promise) == ("re-promised", PROMISE, new)
    assert entry.text == "told her by phone"


def test_repromise_into_the_past_is_refused() -> None:
    with pytest.raises(TransitionError, match="past"):
        repromise(fresh(), NOW.subtract(minutes=1), NOW)
    with pytest.raises(TransitionError, match="past"):
        repromise(fresh(), NOW, NOW)


def test_repromise_while_waiting_on_the_customer_restarts_the_pause() -> None:
    f = wait(fresh(), "customer", NOW)
    later = NOW.add(hours=1)
    f = repromise(f, PROMISE.add(days=1), later)
    assert f.log[-1].old_promise == PROMISE.add(hours=1)  # the promise in force
    assert f.waiting_since == later
    assert resume(f, later.add(minutes=30)).promised_by == PROMISE.add(days=1, minutes=30)


def test_repromise_of_a_closed_matter_is_refused() -> None:
    closed, _ = resolve(fresh(), "refunded", NOW)
    with pytest.raises(TransitionError, match="already resolved"):
        repromise(closed, PROMISE.add(days=1), NOW)


# -- escalation and resolution ---------------------------------------------------


def test_escalate_creates_a_brief_carrying_the_facts_log() -> None:
    f = note(fresh(), "charged 2 × 480 €", NOW.add(minutes=1))
    f, brief = escalate(f, NOW.add(minutes=2), "threatens to leave", tz=TZ)
    assert f.status == "escalated"
    assert f.reached_executive
    assert brief.kind == "escalation"
    assert brief.followup_id == "f-maria"
    assert brief.priority == "high"
    assert brief.title == "Escalation: Maria Ortiz (Acme) — invoice charged twice"
    assert brief.facts == facts(f, TZ)
    assert brief.facts[1] == "Mon 23 Nov 10:01 note: charged 2 × 480 €"
    assert brief.facts[-1] == "Mon 23 Nov 10:02 escalated to the executive — threatens to leave"
    assert brief.created == NOW.add(minutes=2)
    assert brief.delivered is None


def test_escalating_twice_is_refused() -> None:
    f, _ = escalate(fresh(), NOW)
    with pytest.raises(TransitionError, match="already escalated"):
        escalate(f, NOW)


def test_resolve_without_the_executive_queues_nothing() -> None:
    f, brief = resolve(start(fresh(), NOW), "refund issued", NOW.add(hours=1))
    assert f.status == "resolved"
    assert f.resolution == "refund issued"
    assert brief is None
    assert f.log[-1].action == "resolved"
    assert not f.is_open


def test_resolve_after_escalation_queues_an_fyi_how_it_was_solved() -> None:
    f, _ = escalate(fresh(), NOW)
    f, brief = resolve(f, "refund issued, apology sent", NOW.add(hours=1))
    assert brief is not None
    assert brief.kind == "fyi"
    assert brief.title == "How it was solved: Maria Ortiz (Acme) — invoice charged twice"
    assert brief.facts == ("refund issued, apology sent",)
    assert brief.followup_id == f.id


def test_empty_resolution_is_refused() -> None:
    with pytest.raises(TransitionError, match="resolution needs"):
        resolve(fresh(), " ", NOW)


def test_drop_needs_a_reason() -> None:
    with pytest.raises(TransitionError, match="reason"):
        drop(fresh(), "", NOW)
    f = drop(fresh(), "duplicate of f-123", NOW)
    assert (f.status, f.drop_reason) == ("dropped", "duplicate of f-123")


@pytest.mark.parametrize(
    "act",
    [
        lambda f: resolve(f, "done", NOW),
        lambda f: drop(f, "again", NOW),
        lambda f: start(f, NOW),
        lambda f: wait(f, "customer", NOW),
        lambda f: escalate(f, NOW),
        lambda f: repromise(f, PROMISE.add(days=1), NOW),
    ],
    ids=["resolve", "drop", "start", "wait", "escalate", "repromise"],
)
@pytest.mark.parametrize("closed", ["resolved", "dropped"])
def test_closed_matters_refuse_every_change_but_notes(
    act: Callable[[FollowUp], object], closed: str
) -> None:
    f = resolve(fresh(), "done", NOW)[0] if closed == "resolved" else drop(fresh(), "dup", NOW)
    with pytest.raises(TransitionError, match=r"already resolved|was dropped") as info:
        act(f)
    assert isinstance(info.value, InputError)
    assert info.value.exit_status == 2


def test_broken_promise_needs_an_open_matter() -> None:
    late = PROMISE.add(minutes=1)
    assert is_broken(fresh(), late)
    assert not is_broken(resolve(fresh(), "done", NOW)[0], late)


# -- property ------------------------------------------------------------------

steps = st.lists(
    st.tuples(
        st.sampled_from(["wait-customer", "wait-colleague", "resume", "start", "note"]),
        st.integers(min_value=0, max_value=3 * 24 * 60),
    ),
    max_size=12,
)


@given(steps)
def test_waiting_on_the_customer_never_makes_a_promise_earlier(plan: list[tuple[str, int]]) -> None:
    f = fresh()
    at = NOW
    for action, minutes in plan:
        at = at.add(minutes=minutes)
        before = effective_promise(f, at)
        try:
            if action == "wait-customer":
                f = wait(f, "customer", at)
            elif action == "wait-colleague":
                f = wait(f, "colleague", at)
            elif action == "resume":
                f = resume(f, at)
            elif action == "start":
                f = start(f, at)
            else:
                f = note(f, "fact", at)
        except TransitionError:
            continue
        assert f.promised_by >= PROMISE
        assert effective_promise(f, at) == before  # a change never jumps the promise
        assert effective_promise(f, at.add(hours=1)) >= f.promised_by


def test_a_wait_across_the_repeated_hour_moves_the_promise_by_real_time() -> None:
    waited_from = pendulum.datetime(2026, 10, 25, 0, 50, tz="UTC").in_tz(TZ)  # 02:50 CEST
    back = pendulum.datetime(2026, 10, 25, 1, 10, tz="UTC").in_tz(TZ)  # 02:10 CET
    f = wait(fresh(), "customer", waited_from)
    f = resume(f, back)
    assert f.promised_by == PROMISE.add(minutes=20)
    assert f.log[-2].action == "promise-moved-by-wait"
    assert "Mon 23 Nov 15:00 → Mon 23 Nov 15:20 by 20 min: time spent" in log_line(f.log[-2], TZ)


def test_repromise_into_the_second_0210_of_a_fall_back_day_is_in_the_future() -> None:
    now = pendulum.datetime(2026, 10, 25, 0, 50, tz="UTC").in_tz(TZ)  # 02:50 CEST
    later = pendulum.datetime(2026, 10, 25, 1, 10, tz="UTC").in_tz(TZ)  # 02:10 CET
    assert repromise(fresh(), later, now).promised_by == later


def test_a_re_promise_note_that_reads_like_a_wait_move_is_still_a_re_promise() -> None:
    f = repromise(
        fresh(), PROMISE.add(hours=2), NOW, "after the time spent waiting on the customer"
    )
    assert f.log[-1].action == "re-promised"


def test_every_log_line_is_written_from_the_action_and_fields() -> None:
    f = wait(fresh(), "customer", NOW, "the signed form")
    f = resume(f, NOW.add(hours=2), "form received")
    f = repromise(f, PROMISE.add(days=1), NOW.add(hours=3), "told her tomorrow")
    f = wait(f, "colleague", NOW.add(hours=4), "finance")
    f, _ = escalate(f, NOW.add(hours=5), "needs a decision", tz=TZ)
    lines = [line.split(" ", 4)[4] for line in facts(f, TZ)]
    assert lines == [
        "created (promise Mon 23 Nov 15:00)",
        "waiting on the customer for: the signed form (the promise clock is paused)",
        "promise moved Mon 23 Nov 15:00 → Mon 23 Nov 17:00 by 2 h: time spent waiting on the"
        " customer",
        "resumed: in progress — form received",
        "re-promised Mon 23 Nov 17:00 → Tue 24 Nov 15:00 — told her tomorrow",
        "waiting on the colleague for: finance",
        "escalated to the executive — needs a decision",
    ]


def test_queued_escalation_briefs_gain_later_facts_and_keep_the_eas_edits() -> None:
    start = pendulum.datetime(2026, 12, 9, 8, 0, tz="Europe/Paris")
    matter = lifecycle.open_followup(
        customer="Marcus Bell",
        summary="invoice wrong",
        promised_by=start.add(hours=6),
        now=start,
        id="f-marcus01",
    )
    escalated, brief = lifecycle.escalate(
        matter, start.add(minutes=55), "threatens to cancel", tz="Europe/Paris"
    )
    edited = msgspec.structs.replace(brief, facts=(*brief.facts, "EA: he is the CFO"))
    delivered = msgspec.structs.replace(brief, id="b-old", delivered=start.add(minutes=56))
    document = Document(followups=(escalated,), briefs=(edited, delivered))
    later = start.add(hours=2, minutes=40)
    document, _ = note_on(document, matter.id, "called again", later, later.add(hours=1))
    queued, told = document.briefs
    assert queued.facts[: len(edited.facts)] == edited.facts
    assert queued.facts[-2:] == (
        "Wed 9 Dec 10:40 note: called again",
        queued.facts[-1],
    ) and queued.facts[-1].startswith("Wed 9 Dec 10:40 re-promised")
    assert told.facts == brief.facts  # the executive already heard that one
