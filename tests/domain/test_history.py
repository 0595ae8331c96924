"""Replaying the typed log gives the follow-up as it stood at any past moment."""

from __future__ import annotations

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain import FollowUp
from planner.domain import lifecycle as lc
from planner.domain.history import moves, standing
from tests.closeout.test_properties import ACTIONS, apply

TZ = "Europe/Paris"
START = pendulum.datetime(2026, 11, 23, 8, 0, tz=TZ)


def fresh() -> FollowUp:
    return lc.open_followup(
        customer="Ana Silva", summary="warranty", promised_by=START.add(hours=6), now=START
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(ACTIONS),
            st.integers(min_value=1, max_value=600),
            st.integers(min_value=1, max_value=3000),
        ),
        max_size=15,
    )
)
def test_the_replayed_log_matches_the_record_at_every_step(
    plan: list[tuple[str, int, int]],
) -> None:
    f = fresh()
    snapshots = [(START, f)]
    now = START
    for action, gap, later in plan:
        now = now.add(minutes=gap)
        try:
            f = apply(f, action, now, later)
        except lc.TransitionError:
            continue
        snapshots.append((now, f))
    for at, then in snapshots:
        assert standing(f, at) == standing(then)
        assert standing(f, at.add(seconds=30)).promise(at.add(minutes=5)) == standing(then).promise(
            at.add(minutes=5)
        )


def test_a_paused_promise_says_since_when_and_for_what() -> None:
    f = lc.wait(fresh(), "customer", START.add(hours=1), "the signed form")
    state = standing(f)
    assert state.paused and state.waiting_on == "customer"
    assert (state.wait_began, state.waiting_for) == (START.add(hours=1), "the signed form")
    assert state.promise(START.add(hours=3)) == START.add(hours=8)
    f = lc.repromise(f, START.add(hours=10), START.add(hours=2), "told her tonight")
    assert standing(f).wait_began == START.add(hours=1)  # the wait began before the re-promise


def test_moves_lists_the_days_re_promises_and_moves_after_a_wait() -> None:
    f = lc.wait(fresh(), "customer", START.add(hours=1))
    f = lc.resume(f, START.add(hours=2))
    f = lc.repromise(f, START.add(hours=9), START.add(hours=3))
    assert [e.action for e in moves(f, START, START.add(hours=4))] == [
        "promise-moved-by-wait",
        "re-promised",
    ]
    assert moves(f, START.add(hours=4), START.add(hours=5)) == ()
