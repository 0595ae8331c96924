"""The close-out on screen and its Markdown summary word a follow-up's state and the moves
of its promise alike (one source: planner.closeout.words)."""

from __future__ import annotations

from planner.closeout import build_review, render_markdown
from planner.ui.widgets.closeout_steps import promise_detail, still_open_view
from planner.ui.widgets.palette import StatusColors
from tests.closeout import day
from tests.closeout.day import CLOSE_TIME, DATE

COLORS = StatusColors(*(["red"] * 9))


def test_the_review_on_screen_words_states_and_moves_as_the_summary_does() -> None:
    review = build_review(day.document(), DATE, CLOSE_TIME)
    summary = render_markdown(review)
    shown = "\n".join(
        [promise_detail(check, review, COLORS).plain for check in review.promises]
        + [still_open_view(review).plain]
    )
    for words in (
        "(re-promised Fri 20 Nov 17:00 → Wed 25 Nov 10:00 at 09:15)",
        "escalated to the executive at 10:30",
        "waiting on the colleague since 09:30 for: IT ticket 4411",
        # A paused promise says so once, at the start of its line.
        "paused · was 14:00 · Nadia Benali (Initech) — refund form"
        " · waiting on the customer since Fri 20 Nov 15:00 for: sent her the form\n",
    ):
        assert words in summary
        assert words in shown + "\n"
    assert "(promise paused)" not in summary + shown
