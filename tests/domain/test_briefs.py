"""Briefs and the document-level helpers: creation, delivery, holding bad news, id prefixes."""

from __future__ import annotations

import pendulum
import pytest

from planner.domain.brief import is_held
from planner.domain.document import Document
from planner.domain.lifecycle import (
    NotFoundError,
    Outcome,
    TransitionError,
    change_brief,
    change_followup,
    deliver,
    escalate,
    find,
    new_brief,
    open_followup,
    propose_solution,
    resolve,
    start,
)
from planner.errors import InputError

TZ = "Europe/Paris"
NOW = pendulum.datetime(2026, 11, 23, 10, 0, tz=TZ)


def test_new_brief_has_spec_defaults() -> None:
    brief = new_brief(title="  Q3 numbers are in ", now=NOW)
    assert (brief.title, brief.kind, brief.priority, brief.minutes) == (
        "Q3 numbers are in",
        "fyi",
        "normal",
        2,
    )
    assert brief.id.startswith("b-")
    assert brief.created == NOW
    assert brief.delivered is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": " "}, "needs a title"),
        ({"kind": "gossip"}, "unknown brief kind"),
        ({"priority": "asap"}, "unknown priority"),
        ({"minutes": 0}, "1 to 480"),
        ({"minutes": 481}, "1 to 480"),
        ({"deliver_by": NOW.subtract(minutes=5)}, "past"),
    ],
)
def test_new_brief_refuses_bad_fields(fields: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"title": "Contract", "now": NOW, **fields}
    with pytest.raises(InputError, match=message):
        new_brief(**args)  # type: ignore[arg-type]  # deliberately wrong values, checked at run time


def test_bad_news_without_a_solution_is_held() -> None:
    held = new_brief(title="Shipment late", kind="bad-news", now=NOW)
    assert is_held(held)
    assert not is_held(propose_solution(held, "ship from the Lyon depot"))
    assert not is_held(new_brief(title="Shipment on time", kind="good-news", now=NOW))
    assert not is_held(new_brief(title="Late", kind="bad-news", solution="air freight", now=NOW))


def test_deliver_marks_the_time_once() -> None:
    brief = new_brief(title="Contract signed", now=NOW)
    told = deliver(brief, NOW.add(hours=1))
    assert told.delivered == NOW.add(hours=1)
    with pytest.raises(TransitionError, match="already delivered"):
        deliver(told, NOW.add(hours=2))
    with pytest.raises(TransitionError, match="already delivered"):
        propose_solution(told, "too late")


def _document() -> Document:
    maria = open_followup(
        customer="Maria Ortiz", summary="refund", promised_by=NOW.add(hours=5), now=NOW, id="f-abc1"
    )
    omar = open_followup(
        customer="Omar Haddad", summary="visit", promised_by=NOW.add(hours=5), now=NOW, id="f-abd2"
    )
    return Document(followups=(maria, omar))


def test_find_accepts_a_unique_prefix() -> None:
    doc = _document()
    assert find(doc.followups, "f-abc", "follow-up").id == "f-abc1"
    assert find(doc.followups, "f-abd2", "follow-up").id == "f-abd2"


def test_find_refuses_ambiguous_and_unknown_ids() -> None:
    doc = _document()
    with pytest.raises(NotFoundError, match=r"matches 2 follow-ups .*f-abc1, f-abd2"):
        find(doc.followups, "f-ab", "follow-up")
    with pytest.raises(NotFoundError, match="no follow-up with id 'f-zz'"):
        find(doc.followups, "f-zz", "follow-up")


def test_change_followup_stores_the_follow_up_and_its_brief() -> None:
    doc, outcome = change_followup(
        _document(), "f-abc", lambda f: Outcome(*escalate(f, NOW, "angry", tz=TZ))
    )
    assert outcome.brief is not None
    assert [f.status for f in doc.followups] == ["escalated", "open"]
    assert doc.briefs == (outcome.brief,)


def test_escalating_again_refreshes_the_queued_brief_instead_of_queueing_twice() -> None:
    doc, first = change_followup(_document(), "f-abc1", lambda f: Outcome(*escalate(f, NOW)))
    doc, _ = change_followup(doc, "f-abc1", lambda f: Outcome(start(f, NOW.add(minutes=5))))
    later = NOW.add(minutes=10)
    doc, second = change_followup(doc, "f-abc1", lambda f: Outcome(*escalate(f, later)))
    assert len(doc.briefs) == 1
    assert second.brief is not None and first.brief is not None
    assert doc.briefs[0].id == first.brief.id
    assert doc.briefs[0].created == NOW  # keeps its place in the queue
    assert len(doc.briefs[0].facts) > len(first.brief.facts)


def test_resolution_fyi_is_queued_next_to_the_escalation() -> None:
    doc, _ = change_followup(_document(), "f-abc1", lambda f: Outcome(*escalate(f, NOW)))
    doc, _ = change_followup(doc, "f-abc1", lambda f: Outcome(*resolve(f, "refunded", NOW)))
    assert sorted(b.kind for b in doc.briefs) == ["escalation", "fyi"]


def test_change_brief_by_prefix() -> None:
    brief = new_brief(title="Contract", now=NOW, id="b-xyz9")
    doc, told = change_brief(Document(briefs=(brief,)), "b-x", lambda b: deliver(b, NOW))
    assert told.delivered == NOW
    assert doc.briefs == (told,)
