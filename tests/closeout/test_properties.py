"""Property: whatever happens during a day, every follow-up open at close-out time is in it."""

from __future__ import annotations

import msgspec
import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.closeout import build_review, render_markdown
from planner.domain import FollowUp
from planner.domain import lifecycle as lc
from planner.domain.document import Document
from planner.domain.history import standing
from tests.closeout.day import SETTINGS, TZ

DATE = pendulum.date(2026, 11, 23)
MORNING = pendulum.datetime(2026, 11, 23, 8, 0, tz=TZ)
CLOSE = pendulum.datetime(2026, 11, 23, 17, 30, tz=TZ)
NAMES = ("Ana Silva", "Ben Okafor", "Chloé Martin", "Dev Patel", "Eva Stone")

ACTIONS = (
    "start",
    "wait-customer",
    "wait-colleague",
    "resume",
    "repromise",
    "escalate",
    "resolve",
    "drop",
    "note",
)

promises = st.integers(min_value=-3 * 24 * 60, max_value=3 * 24 * 60)
"""A promise, in minutes from the morning: from three days before to three days after."""
steps = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=len(NAMES) - 1),
        st.sampled_from(ACTIONS),
        st.integers(min_value=1, max_value=120),
        st.integers(min_value=1, max_value=3 * 24 * 60),
    ),
    max_size=25,
)


def apply(f: FollowUp, action: str, now: pendulum.DateTime, later: int) -> FollowUp:
    match action:
        case "start":
            return lc.start(f, now)
        case "wait-customer":
            return lc.wait(f, "customer", now, "the form")
        case "wait-colleague":
            return lc.wait(f, "colleague", now, "finance")
        case "resume":
            return lc.resume(f, now)
        case "repromise":
            return lc.repromise(f, now.add(minutes=later), now, "told them")
        case "escalate":
            return lc.escalate(f, now, tz=TZ)[0]
        case "resolve":
            return lc.resolve(f, "sorted", now, tz=TZ)[0]
        case "drop":
            return lc.drop(f, "withdrawn", now)
        case _:
            return lc.note(f, "a fact", now)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(promises, min_size=len(NAMES), max_size=len(NAMES)), steps)
def test_every_follow_up_open_at_close_out_time_appears_in_the_close_out(
    first_promises: list[int], plan: list[tuple[int, str, int, int]]
) -> None:
    followups = [
        lc.open_followup(
            customer=name,
            summary=f"matter {n}",
            promised_by=MORNING.add(minutes=first_promises[n]),
            now=MORNING.subtract(days=4),
            id=f"f-prop{n}",
        )
        for n, name in enumerate(NAMES)
    ]
    now = MORNING
    for who, action, gap, later in plan:
        now = now.add(minutes=gap)
        if now >= CLOSE:
            break
        try:
            followups[who] = apply(followups[who], action, now, later)
        except lc.TransitionError:
            continue
    document = msgspec.structs.replace(Document(settings=SETTINGS), followups=tuple(followups))
    review = build_review(document, DATE, CLOSE)
    listed = [c.followup.id for c in review.promises] + [o.followup.id for o in review.still_open]
    assert len(listed) == len(set(listed))  # each follow-up at most once
    markdown = render_markdown(review)
    promises_section = markdown.split("## Promises\n")[1].split("## Still to tell")[0]
    for f in followups:
        if f.is_open:
            assert f.id in listed
            assert f.customer in promises_section
            # The promise shown is the current one (a paused promise: where it stands now).
            shown = next(
                (c.current for c in review.promises if c.followup.id == f.id),
                next((o.current for o in review.still_open if o.followup.id == f.id), None),
            )
            assert shown == standing(f).promise(CLOSE)
        else:
            assert f.id not in [o.followup.id for o in review.still_open]
