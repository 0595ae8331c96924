"""The close-out review model: the five steps of a realistic day, and the actions on it."""

from __future__ import annotations

from collections.abc import Callable

import msgspec
import pendulum
import pytest

from planner.closeout import (
    ClosingRefused,
    PromiseCheck,
    Review,
    build_review,
    close_day,
    find_closeout,
    keep,
    reopen_day,
    unkeep,
)
from planner.domain import FollowUp
from planner.domain import lifecycle as lc
from planner.domain.document import Document
from planner.domain.lifecycle import Outcome
from planner.errors import InputError
from tests.closeout import day
from tests.closeout.day import CLOSE_TIME, DATE, TOMORROW, at


def review(document: Document | None = None, now: pendulum.DateTime = CLOSE_TIME) -> Review:
    return build_review(document or day.document(), DATE, now)


def checks(r: Review) -> dict[str, PromiseCheck]:
    return {c.followup.id: c for c in r.promises}


def change(document: Document, ref: str, outcome: Callable[[FollowUp], Outcome]) -> Document:
    updated, _ = lc.change_followup(document, ref, outcome)
    return updated


# -- step 1: done today --------------------------------------------------------


def test_done_today_lists_resolutions_deliveries_and_drops_of_that_day() -> None:
    done = review().done
    assert [(d.followup.id, d.at) for d in done.resolved] == [
        ("f-maria001", at(23, 11, 20)),
        ("f-tomk0009", at(23, 14, 10)),
    ]
    assert done.resolved[0].text == "refund issued, called her back"
    assert [(d.brief.title, d.at) for d in done.delivered] == [
        ("Board deck is ready for review", at(23, 9, 40))
    ]
    assert [(d.followup.id, d.text) for d in done.dropped] == [
        ("f-dupl0008", "duplicate of f-maria001")
    ]


def test_done_today_is_by_the_executives_day_not_utc() -> None:
    # 00:30 in Paris on Tuesday is still Monday in UTC: it belongs to Tuesday.
    document = day.document()
    late = lc.open_followup(
        customer="Late Caller", summary="night shift", promised_by=at(24, 9), now=at(23, 20)
    )
    late, _ = lc.resolve(late, "sorted", at(24, 0, 30), tz=day.TZ)
    document = msgspec.structs.replace(document, followups=(*document.followups, late))
    monday = build_review(document, DATE, at(24, 8))
    tuesday = build_review(document, TOMORROW, at(24, 8))
    assert late.id not in [d.followup.id for d in monday.done.resolved]
    assert late.id in [d.followup.id for d in tuesday.done.resolved]


# -- step 2: promises ----------------------------------------------------------


def test_every_promise_due_today_or_earlier_is_listed_with_how_it_was_addressed() -> None:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    found = {id: (c.broken, c.addressed, c.promise) for id, c in checks(review(document)).items()}
    assert found == {
        "f-liwei003": (True, None, at(23, 9)),
        "f-omar0002": (True, "re-promised", at(20, 17)),
        "f-paul0004": (True, "escalated", at(23, 9, 30)),
        "f-maria001": (False, "resolved", at(23, 12)),
        "f-dupl0008": (False, "dropped", at(23, 17)),
        "f-sara0005": (False, "kept", at(23, 18)),
    }


def test_broken_promises_come_first_unaddressed_before_addressed() -> None:
    ids = [c.followup.id for c in review().promises]
    assert ids[:3] == ["f-liwei003", "f-omar0002", "f-paul0004"]


def test_a_re_promise_records_the_new_time_and_the_note() -> None:
    omar = checks(review())["f-omar0002"]
    assert omar.current == at(25, 10)
    assert omar.addressed_at == at(23, 9, 15)
    assert omar.text == "told him Wednesday morning"


def test_waiting_on_the_customer_pauses_the_promise_clock() -> None:
    # Nadia's promise (14:00) passed while she was awaited: the clock is paused.
    assert "f-nadia006" not in checks(review())


def test_a_paused_promise_drifting_into_the_evening_needs_no_decision() -> None:
    # Promised for 10:00, awaited since 09:00: at 17:30 the promise has drifted to 18:30.
    f = lc.open_followup(
        customer="Ivo Petrov", summary="warranty", promised_by=at(23, 10), now=at(20, 9)
    )
    f = lc.wait(f, "customer", at(23, 9))
    document = day.document()
    document = msgspec.structs.replace(document, followups=(*document.followups, f))
    r = review(document)
    assert f.id not in checks(r)
    assert f.id not in [d.followup.id for d in r.tomorrow.promises]


def test_a_paused_promise_is_not_due_tomorrow_either() -> None:
    # Promised for Tuesday 09:00; the customer is awaited from 17:00: the clock is paused.
    f = lc.open_followup(
        customer="Ivo Petrov", summary="warranty", promised_by=at(24, 9), now=at(20, 9)
    )
    f = lc.wait(f, "customer", at(23, 17))
    document = day.document()
    document = msgspec.structs.replace(document, followups=(*document.followups, f))
    assert f.id not in [d.followup.id for d in review(document).tomorrow.promises]
    resumed = lc.resume(f, at(23, 17, 20))
    document = msgspec.structs.replace(document, followups=(*day.document().followups, resumed))
    due = {d.followup.id: d.promise for d in review(document).tomorrow.promises}
    assert due[f.id] == at(24, 9, 20)


def test_a_past_days_paused_promise_is_rebuilt_from_the_log() -> None:
    # Awaited from Monday 09:00 to Wednesday 12:00: on Monday the 10:00 promise was paused.
    f = lc.open_followup(
        customer="Ivo Petrov", summary="warranty", promised_by=at(23, 10), now=at(20, 9)
    )
    f = lc.wait(f, "customer", at(23, 9))
    f = lc.resume(f, at(25, 12))
    document = day.document()
    document = msgspec.structs.replace(document, followups=(*document.followups, f))
    assert f.id not in checks(build_review(document, DATE, at(26, 9)))
    # Tuesday, still paused: not due. Wednesday: resumed at 12:00, the promise moved by
    # the 51 hours waited, to 13:00, and broke that afternoon.
    assert f.id not in checks(build_review(document, TOMORROW, at(26, 9)))
    wednesday = checks(build_review(document, pendulum.date(2026, 11, 25), at(26, 9)))[f.id]
    assert (wednesday.promise, wednesday.broken) == (at(25, 13), True)


def test_a_past_days_paused_promise_is_rebuilt_from_a_later_re_promise() -> None:
    # Awaited from Monday 09:00; re-promised on Wednesday during the wait (for Friday).
    f = lc.open_followup(
        customer="Ivo Petrov", summary="warranty", promised_by=at(23, 10), now=at(20, 9)
    )
    f = lc.wait(f, "customer", at(23, 9))
    f = lc.repromise(f, at(27, 10), at(25, 12), "Friday then")
    assert f.log[-1].old_promise == at(25, 13)  # the drifted promise
    document = day.document()
    document = msgspec.structs.replace(document, followups=(*document.followups, f))
    assert f.id not in checks(build_review(document, DATE, at(26, 9)))


def test_a_wait_on_the_customer_begun_after_the_promise_broke_still_shows_it_broken() -> None:
    late = lc.open_followup(
        customer="Ivo Petrov", summary="warranty", promised_by=at(23, 9), now=at(20, 9)
    )
    late = lc.wait(late, "customer", at(23, 11))
    document = day.document()
    document = msgspec.structs.replace(document, followups=(*document.followups, late))
    check = checks(review(document))[late.id]
    assert check.broken and not check.is_addressed


def test_a_waiting_on_a_colleague_promise_due_later_today_still_needs_a_decision() -> None:
    sara = checks(review())["f-sara0005"]
    assert not sara.broken
    assert sara.addressed is None
    assert sara in review().unaddressed()


def test_the_move_after_a_customer_wait_is_not_a_re_promise() -> None:
    f = lc.open_followup(
        customer="Ana Silva", summary="delivery address", promised_by=at(23, 10), now=at(20, 9)
    )
    f = lc.wait(f, "customer", at(23, 9))
    f = lc.resume(f, at(23, 12))  # the promise moves 3 h later, to 13:00: logged, not re-promised
    document = day.document()
    document = msgspec.structs.replace(document, followups=(*document.followups, f))
    check = checks(review(document))[f.id]
    assert check.promise == at(23, 13)
    assert check.broken
    assert check.addressed is None


def test_a_re_promise_that_broke_again_is_not_addressed() -> None:
    document = change(
        day.document(),
        "f-liwei003",
        lambda f: Outcome(lc.repromise(f, at(23, 15), at(23, 10), "this afternoon")),
    )
    li = checks(review(document))["f-liwei003"]
    assert li.broken
    assert li.addressed is None


def test_an_older_escalation_does_not_silence_a_promise_due_today() -> None:
    f = lc.open_followup(
        customer="Kim Lee", summary="pricing", promised_by=at(23, 9), now=at(19, 9)
    )
    f, _ = lc.escalate(f, at(19, 12), tz=day.TZ)
    document = day.document()
    document = msgspec.structs.replace(document, followups=(*document.followups, f))
    check = checks(review(document))[f.id]
    assert check.broken and check.addressed is None


def test_an_escalation_does_not_answer_a_promise_made_after_it() -> None:
    # Escalated at 08:55; the customer called again at 10:40 and was re-promised
    # 11:40; nobody called back. The escalation answered the 14:00 promise, not
    # the 11:40 one: the close-out must still ask for an answer.
    f = lc.open_followup(
        customer="Marcus Bell", summary="outage", promised_by=at(23, 14), now=at(23, 8, 30)
    )
    f, _ = lc.escalate(f, at(23, 8, 55), tz=day.TZ)
    f = lc.repromise(f, at(23, 11, 40), at(23, 10, 40))
    document = day.document()
    document = msgspec.structs.replace(document, followups=(*document.followups, f))
    r = review(document)
    check = checks(r)[f.id]
    assert check.broken and check.addressed is None
    assert check in r.unaddressed()


def test_an_escalation_after_the_re_promise_answers_it() -> None:
    f = lc.open_followup(
        customer="Marcus Bell", summary="outage", promised_by=at(23, 14), now=at(23, 8, 30)
    )
    f = lc.repromise(f, at(23, 11, 40), at(23, 10, 40))
    f, _ = lc.escalate(f, at(23, 11, 30), tz=day.TZ)
    document = day.document()
    document = msgspec.structs.replace(document, followups=(*document.followups, f))
    assert checks(review(document))[f.id].addressed == "escalated"


def test_resolved_early_with_a_later_promise_is_done_but_not_a_promise_of_today() -> None:
    r = review()
    assert "f-tomk0009" not in checks(r)
    assert "f-tomk0009" in [d.followup.id for d in r.done.resolved]


def test_a_past_day_is_seen_as_it_stood_at_its_end() -> None:
    # On Wednesday Li Wei is resolved: Monday's review still shows the broken promise.
    document = change(
        day.document(),
        "f-liwei003",
        lambda f: Outcome(lc.resolve(f, "terms sent", at(25, 9), tz=day.TZ)[0]),
    )
    later = build_review(document, DATE, at(26, 9))
    li = checks(later)["f-liwei003"]
    assert li.broken and li.addressed is None
    assert li.current == at(23, 9)
    assert later.as_of == at(24, 0)
    assert "f-liwei003" not in [d.followup.id for d in later.done.resolved]


def test_the_friday_before_knows_nothing_of_mondays_new_follow_ups() -> None:
    friday = build_review(day.document(), pendulum.date(2026, 11, 20), CLOSE_TIME)
    assert [c.followup.id for c in friday.promises] == ["f-omar0002"]
    # Sara and the duplicate were opened on Monday; Nadia's clock was paused on Friday.
    assert [d.followup.id for d in friday.tomorrow.promises] == [
        "f-liwei003",
        "f-paul0004",
        "f-maria001",
    ]
    assert friday.done.empty


# -- step 3: still to tell the executive --------------------------------------


def test_undelivered_briefs_land_in_the_next_workdays_good_moments() -> None:
    tell = review().still_to_tell
    assert tell.date == TOMORROW
    where = {p.brief.title: (p.at, p.held) for p in tell.placements}
    assert where == {
        # 45 min, high priority: first into 11:00-12:20 (after Focus: budget).
        "Escalation: Paul Girard (Acme) — delivery delayed three weeks": (at(24, 11), False),
        # 40 min does not fit the 35 min left nor the 30 min one-on-one: 14:30-18:00.
        "Acme renewed for two years": (at(24, 14, 30), False),
        "Server outage planned Thursday": (None, True),
        "How it was solved: Tom Keller (Our Co) — office move budget": (at(24, 11, 45), False),
    }


def test_a_brief_delivered_after_the_reviewed_day_was_still_to_tell_that_day() -> None:
    document = day.document()
    fyi = next(b for b in document.briefs if b.title.startswith("How it was solved"))
    document, _ = lc.change_brief(document, fyi.id, lambda b: lc.deliver(b, at(24, 11, 45)))
    assert fyi.id in [
        p.brief.id for p in build_review(document, DATE, at(25, 9)).still_to_tell.placements
    ]
    assert fyi.id not in [
        p.brief.id for p in build_review(document, TOMORROW, at(25, 9)).still_to_tell.placements
    ]


# -- step 4: tomorrow ----------------------------------------------------------


def test_tomorrow_shows_the_schedule_first_good_moment_and_promises_due() -> None:
    tomorrow = review().tomorrow
    assert tomorrow.date == TOMORROW
    assert [e.title for e in tomorrow.events] == [
        "Paris office visit",
        "Leadership sync",
        "Focus: budget",
        "Lunch",
        "Weekly with EA",
    ]
    moment = tomorrow.first_moment
    assert moment is not None
    assert (moment.start, moment.end, moment.after_event) == (
        at(24, 11),
        at(24, 12, 20),
        "Focus: budget",
    )
    assert [(d.followup.id, d.promise) for d in tomorrow.promises] == [("f-jonas007", at(24, 11))]


def test_on_friday_tomorrow_is_monday_and_weekend_promises_are_not_skipped() -> None:
    friday = pendulum.date(2026, 11, 27)
    saturday = lc.open_followup(
        customer="Weekend Caller", summary="event tickets", promised_by=at(28, 10), now=at(27, 9)
    )
    monday = lc.open_followup(
        customer="Monday Caller", summary="catering", promised_by=at(30, 15), now=at(27, 9)
    )
    document = msgspec.structs.replace(day.document(), followups=(monday, saturday))
    r = build_review(document, friday, at(27, 17))
    assert r.tomorrow.date == pendulum.date(2026, 11, 30)
    assert r.still_to_tell.date == pendulum.date(2026, 11, 30)
    assert [d.followup.id for d in r.tomorrow.promises] == [saturday.id, monday.id]


# -- actions -------------------------------------------------------------------


def test_closing_is_refused_while_a_broken_promise_is_unaddressed() -> None:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    with pytest.raises(ClosingRefused) as refused:
        close_day(document, DATE, "", "# summary", CLOSE_TIME)
    message = refused.value.message
    assert "1 promise is not addressed" in message
    assert "f-liwei003" in message and "broken" in message
    assert [c.followup.id for c in refused.value.unaddressed] == ["f-liwei003"]
    assert isinstance(refused.value, InputError)


def test_refusal_names_every_unaddressed_promise() -> None:
    with pytest.raises(ClosingRefused) as refused:
        close_day(day.document(), DATE, "", "", CLOSE_TIME)
    assert "2 promises are not addressed" in refused.value.message
    assert "f-sara0005" in refused.value.message


def test_re_promise_then_close_works() -> None:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    document = change(
        document,
        "f-liwei003",
        lambda f: Outcome(lc.repromise(f, at(24, 10), CLOSE_TIME, "told him tomorrow 10:00")),
    )
    li = checks(review(document))["f-liwei003"]
    assert (li.broken, li.addressed, li.current) == (True, "re-promised", at(24, 10))
    closed = close_day(document, DATE, "a long day", "# the summary\n", CLOSE_TIME)
    record = find_closeout(closed, DATE)
    assert record is not None
    assert record.closed and record.closed_at == CLOSE_TIME
    assert record.notes == "a long day"
    assert record.summary == "# the summary\n"
    assert record.id.startswith("c-")
    assert review(closed).closed


def test_keep_then_close_works_and_the_kept_ids_are_recorded() -> None:
    document = keep(day.document(), DATE, "f-liwei", CLOSE_TIME)  # a unique prefix is enough
    document = keep(document, DATE, "f-sara0005", CLOSE_TIME)
    assert keep(document, DATE, "f-sara0005", CLOSE_TIME) is document  # keeping twice: no change
    record = find_closeout(document, DATE)
    assert record is not None and record.kept == ("f-liwei003", "f-sara0005")
    assert not record.closed
    closed = close_day(document, DATE, "", "summary", CLOSE_TIME)
    assert len(closed.closeouts) == 1
    assert closed.closeouts[0].closed


def test_keep_refuses_a_follow_up_with_no_promise_due_that_day() -> None:
    with pytest.raises(InputError, match="nothing to keep"):
        keep(day.document(), DATE, "f-jonas007", CLOSE_TIME)
    with pytest.raises(InputError, match="no follow-up"):
        keep(day.document(), DATE, "f-nobody", CLOSE_TIME)


def test_unkeep_makes_the_promise_need_addressing_again() -> None:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    document = unkeep(document, DATE, "f-sara0005", CLOSE_TIME)
    assert checks(review(document))["f-sara0005"].addressed is None


def test_reopen_keeps_notes_and_allows_changes_again() -> None:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    document = keep(document, DATE, "f-liwei003", CLOSE_TIME)
    closed = close_day(document, DATE, "notes", "first", CLOSE_TIME)
    with pytest.raises(InputError, match="reopen it first"):
        unkeep(closed, DATE, "f-liwei003", CLOSE_TIME)
    reopened = reopen_day(closed, DATE, CLOSE_TIME)
    record = find_closeout(reopened, DATE)
    assert record is not None
    assert (record.closed, record.closed_at, record.notes) == (False, None, "notes")
    assert not review(reopened).closed
    unkept = unkeep(reopened, DATE, "f-liwei003", CLOSE_TIME)
    assert [c.followup.id for c in review(unkept).unaddressed()] == ["f-liwei003"]


def test_reopening_a_day_that_is_not_closed_is_refused() -> None:
    with pytest.raises(InputError, match="not closed"):
        reopen_day(day.document(), DATE, CLOSE_TIME)


def test_closing_again_rewrites_the_record() -> None:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    document = keep(document, DATE, "f-liwei003", CLOSE_TIME)
    first = close_day(document, DATE, "first notes", "first summary", CLOSE_TIME)
    later = at(23, 18, 5)
    second = close_day(reopen_day(first, DATE, later), DATE, "second", "second summary", later)
    assert len(second.closeouts) == 1
    record = second.closeouts[0]
    assert record.id == first.closeouts[0].id
    assert (record.summary, record.notes, record.closed_at) == ("second summary", "second", later)


def test_a_day_that_has_not_begun_cannot_be_closed() -> None:
    with pytest.raises(InputError, match="has not begun"):
        close_day(day.document(), TOMORROW, "", "", CLOSE_TIME)


def test_notes_are_cleaned_of_control_characters() -> None:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    document = keep(document, DATE, "f-liwei003", CLOSE_TIME)
    closed = close_day(document, DATE, "call \x1b[31mAcme\x07\nthen Globex", "", CLOSE_TIME)
    assert closed.closeouts[0].notes == "call [31mAcme\nthen Globex"
