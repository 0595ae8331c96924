"""Follow-ups from the keyboard: the quick-add line, and the dialogs that move one along.

Each change is applied through the app (`PlannerApp.change`): at once on screen,
saved in the background, undoable with `u`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pendulum

from planner.domain import FollowUp, lifecycle
from planner.domain.document import Document
from planner.domain.lifecycle import Outcome
from planner.domain.repeat import open_for_customer
from planner.errors import PlannerError
from planner.humanize import when
from planner.operations.followups import add_followup, note_on
from planner.quickadd import QuickAdd, parse
from planner.ui.screens.choice import ChoiceScreen
from planner.ui.screens.prompt import PromptScreen
from planner.ui.screens.quick_add import NoteInstead, QuickAddScreen
from planner.ui.widgets.followups import FollowUpsPane
from planner.when import parse_when

if TYPE_CHECKING:
    from planner.ui.app import PlannerApp
    from planner.ui.screens.dashboard import DashboardScreen


def quick_add(app: PlannerApp, dashboard: DashboardScreen, initial: str = "") -> None:
    """The quick-add line, parsed as it is typed; the new follow-up is selected once added."""

    def parse_line(text: str) -> QuickAdd:
        return parse(text, now=app.clock.now(), settings=app.document.settings)

    def repeat(parsed: QuickAdd) -> tuple[FollowUp, ...]:
        return open_for_customer(app.document.followups, parsed.customer, parsed.organization)

    def done(parsed: QuickAdd | NoteInstead | None) -> None:
        if parsed is None:
            return
        if isinstance(parsed, NoteInstead):
            note_instead(app, parsed)
            return
        followup = lifecycle.followup_from_quickadd(parsed, app.now())
        if app.apply(
            lambda d: add_followup(d, followup),
            f"Added {followup.customer}: "
            f"{when(followup.promised_by, app.clock.now(), app.timezone)}",
        ):
            dashboard.query_one(FollowUpsPane).keep_cursor_on(followup.id)

    app.push_screen(
        QuickAddScreen(parse_line, app.clock.now(), app.timezone, initial, repeat=repeat), done
    )


def note_instead(app: PlannerApp, note: NoteInstead) -> None:
    """A repeat caller's line, added as a note to their open follow-up."""
    now = app.now()
    followup = app.find_followup(note.followup_id)
    who = followup.customer if followup is not None else note.followup_id
    promise = note.promise  # the line's own promise re-promises the open matter
    said = f"Noted on {who}'s open follow-up"
    if promise is not None:
        said += f", re-promised {when(promise, app.clock.now(), app.timezone)}"
    app.apply(lambda d: note_on(d, note.followup_id, note.text, now, promise), said)


def run_action(app: PlannerApp, action: str, followup_id: str) -> None:
    """Note, re-promise, wait, start, resolve, escalate or drop one follow-up, asking
    first for whatever the change needs (the note, the new promise, whom it waits on)."""
    followup = app.find_followup(followup_id)
    if followup is None:
        return
    tz = app.timezone
    about = f"{followup.customer} — {followup.summary}"

    def apply(make: Callable[[FollowUp, pendulum.DateTime], Outcome], done: str) -> None:
        now = app.now()
        app.change(
            lambda d: lifecycle.change_followup(d, followup_id, lambda f: make(f, now))[0], done
        )

    def ask(title: str, then: Callable[[str], None], **options: Any) -> None:
        app.push_screen(
            PromptScreen(title, context=about, **options),
            lambda value: then(value) if value is not None else None,
        )

    if action == "note":
        ask(
            "Note a fact",
            lambda text: apply(lambda f, now: Outcome(lifecycle.note(f, text, now)), "Noted"),
        )
    elif action == "repromise":

        def check(value: str) -> tuple[bool, str]:
            try:
                moment = parse_when(value, now=app.clock.now(), settings=app.document.settings)
            except PlannerError as exc:
                return False, exc.message
            return True, when(moment, app.clock.now(), tz)

        def repromise(value: str) -> None:
            moment = parse_when(value, now=app.clock.now(), settings=app.document.settings)
            ask(
                f"Note for the new promise ({when(moment, app.clock.now(), tz)})",
                lambda note: apply(
                    lambda f, now: Outcome(lifecycle.repromise(f, moment, now, note)),
                    "Re-promised",
                ),
                placeholder="e.g. told her by phone; finance needs one more day",
            )

        ask(
            "New promise: when will they hear back?",
            repromise,
            placeholder="tomorrow 10am",
            check=check,
        )
    elif action == "wait":

        def waited(on: str | None) -> None:
            if not on:
                return
            pause = " (the promise clock pauses)" if on == "customer" else ""
            app.push_screen(
                PromptScreen(
                    f"Waiting on the {on}{pause}: for what?",
                    context=about,
                    placeholder="optional, e.g. the signed refund form",
                ),
                lambda what: (
                    apply(
                        lambda f, now: Outcome(lifecycle.wait(f, on, now, what)),
                        f"Waiting on the {on}" + (f" for: {what}" if what else ""),
                    )
                    if what is not None
                    else None
                ),
            )

        app.push_screen(
            ChoiceScreen(
                "Waiting on whom?",
                [
                    ("customer", "the customer (pauses the promise)"),
                    ("colleague", "a colleague"),
                ],
            ),
            waited,
        )
    elif action == "start":
        apply(lambda f, now: Outcome(lifecycle.start(f, now)), "In progress")
    elif action == "resolve":

        def resolved(text: str) -> None:
            now = app.now()
            queued: list[str] = []  # the "how it was solved" brief the resolution queues

            def resolve(document: Document) -> Document:
                changed, outcome = lifecycle.change_followup(
                    document,
                    followup_id,
                    lambda f: Outcome(*lifecycle.resolve(f, text, now, tz=tz)),
                )
                queued[:] = [outcome.brief.id] if outcome.brief is not None else []
                return changed

            if app.change(resolve, "Resolved"):
                offer_to_retire_briefs(
                    app, followup_id, "follow-up resolved", besides=queued[0] if queued else None
                )

        ask("How was it resolved?", resolved)
    elif action == "escalate":

        def escalated(note: str) -> None:
            apply(
                lambda f, now: Outcome(*lifecycle.escalate(f, now, note, tz=tz)),
                "Escalated: an escalation brief with the facts log is in the brief queue",
            )

        app.push_screen(
            PromptScreen(
                "Escalate to the executive: a note for the brief",
                context=about,
                placeholder="optional",
            ),
            lambda note: escalated(note or "") if note is not None else None,
        )
    elif action == "drop":

        def dropped(text: str) -> None:
            now = app.now()
            if app.change(
                lambda d: lifecycle.change_followup(
                    d, followup_id, lambda f: Outcome(lifecycle.drop(f, text, now))
                )[0],
                "Dropped",
            ):
                offer_to_retire_briefs(app, followup_id, "follow-up dropped")

        ask("Why drop it?", dropped)


def offer_to_retire_briefs(
    app: PlannerApp, followup_id: str, reason: str, *, besides: str | None = None
) -> None:
    """Once a follow-up is closed, offer to take its queued briefs (an escalation, a bad-news
    brief) off the queue; `besides`, the "how it was solved" brief a resolution queued, stays."""
    queued = lifecycle.queued_briefs_about(app.document, followup_id, besides=besides)
    if not queued:
        return
    names = "; ".join(f"{b.kind}: {b.title}" for b in queued)
    noun = "brief" if len(queued) == 1 else f"{len(queued)} briefs"

    def picked(answer: str | None) -> None:
        if answer != "retire":
            return
        now = app.now()
        ids = [b.id for b in queued]
        app.change(
            lambda d: lifecycle.retire_briefs(d, ids, reason, now)[0],
            f"Retired {noun} from the queue",
        )

    app.push_screen(
        ChoiceScreen(
            f"Still queued about it: {names}",
            [("retire", f"Retire the {noun} (take it off the queue)"), ("keep", "Keep queued")],
        ),
        picked,
    )
