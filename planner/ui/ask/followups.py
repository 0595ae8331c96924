"""Follow-ups: the quick-add line, and the questions before each move of one (note,
re-promise, wait, start, resolve, escalate, drop). The dashboard, the detail view and
the close-out ask the same questions and make the same change."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec
import pendulum

from planner.config import executive_zone
from planner.domain import FollowUp, lifecycle
from planner.domain.repeat import open_for_customer
from planner.errors import PlannerError
from planner.humanize import counted, plural, when
from planner.operations.followups import Move, Moved, add_followup, move_followup, note_on
from planner.quickadd import QuickAdd, followup_from_quickadd
from planner.quickadd.executive import parse_for_matter
from planner.quickadd.executive import whose as whose_matter
from planner.ui.ask import Asker, Proposal
from planner.ui.ask.forms import refusal_of
from planner.ui.dialogs.choice import ChoiceScreen
from planner.ui.dialogs.form import Field, FormScreen, Values
from planner.ui.dialogs.prompt import PromptScreen
from planner.ui.dialogs.quick_add import NoteInstead, QuickAddScreen
from planner.ui.widgets.closeout_steps import about as describe
from planner.when import parse_time

if TYPE_CHECKING:
    from planner.domain.document import Document


async def quick_add(asker: Asker, initial: str = "") -> Proposal[FollowUp] | None:
    """The quick-add line, parsed as it is typed: a new follow-up, or (a repeat caller) a
    note on their open one. `+Short` names whose follow-up it is, `+desk` makes it the
    desk's own, else it is the executive's the asker works for (in "all": the first; on a
    desk of one: the one); the line is read with that executive's rules and zone, and on
    a desk of several the preview says whom."""
    from planner.ui.desk_view import LineReader

    def repeat(parsed: QuickAdd) -> tuple[FollowUp, ...]:
        return open_for_customer(asker.document.followups, parsed.customer, parsed.organization)

    reader = LineReader(lambda: asker.document, asker.clock.now, asker.executive)
    several = len(asker.document.roster) > 1
    typed: list[str] = []

    def parse_line(text: str) -> QuickAdd:
        typed[:] = [text]
        return reader.parse(text)

    def whom(text: str) -> tuple[str, str]:
        words, zone = reader.whom(text)
        return (words if several or reader.read(text).desk else ""), zone

    def note_reading(text: str, matter: FollowUp) -> tuple[QuickAdd, str, str]:
        # A note on the caller's open matter reads its times on the clock of the matter's
        # executive (unless the line names one), as `+Short` would.
        document = asker.document
        read = parse_for_matter(
            text,
            now=pendulum.instance(asker.clock.now()),
            document=document,
            matter_executive=matter.executive,
            in_view=reader.in_view,
        )
        owner = read.executive.id if read.executive is not None else document.first_executive_id
        return (
            read.line,
            whose_matter(document, matter.executive),
            executive_zone(document.rules_for(owner)),
        )

    answer = await asker.ask(
        QuickAddScreen(
            parse_line,
            asker.clock.now(),
            asker.timezone,
            initial,
            repeat=repeat,
            whom=whom,
            note_reading=note_reading,
        )
    )
    if answer is None:
        return None
    if isinstance(answer, NoteInstead):
        return note_instead(asker, answer)
    executive = reader.executive_of(typed[0]) if typed else asker.owner
    desk_own = bool(typed) and reader.read(typed[0]).desk
    tz = executive_zone(asker.document.rules_for(executive))
    followup = msgspec.structs.replace(
        followup_from_quickadd(answer, asker.clock.now().in_tz(tz)),
        executive="" if desk_own else executive,
    )
    promise = when(followup.promised_by, asker.clock.now(), tz)
    if desk_own:
        said = f"Added {followup.customer} (the desk's own): {promise}"
    elif several:
        whose = asker.document.executive(executive).short
        said = f"Added {followup.customer} for {whose}: {promise}"
    else:
        said = f"Added {followup.customer}: {promise}"
    return Proposal(lambda d: add_followup(d, followup), said)


def note_instead(asker: Asker, note: NoteInstead) -> Proposal[FollowUp]:
    """A repeat caller's line, as a note on their open follow-up (its own promise
    re-promises the open matter)."""
    now = asker.now()
    followup = find(asker.document, note.followup_id)
    who = followup.customer if followup is not None else note.followup_id
    owner = whose_matter(asker.document, followup.executive) if followup is not None else ""
    said = f"Noted on {who}'s open follow-up" + (f" ({owner})" if owner else "")
    if note.promise is not None:
        tz = asker.timezone
        if followup is not None:
            tz = executive_zone(asker.document.rules_for(asker.document.owner(followup.executive)))
        said += f", re-promised {when(note.promise, asker.clock.now(), tz)}"
    return Proposal(lambda d: note_on(d, note.followup_id, note.text, now, note.promise), said)


def find(document: Document, followup_id: str) -> FollowUp | None:
    return next((f for f in document.followups if f.id == followup_id), None)


async def move(asker: Asker, step: str, followup: FollowUp) -> Proposal[Moved] | None:
    """Ask what the move `step` of `followup` needs, then propose it; None if cancelled.
    What is typed (a re-promise's time, a wait's) is read in the follow-up's executive's
    zone and workday, wherever the move is made from (as quick-add reads `+Short`)."""
    asker = asker.for_executive(asker.document.owner(followup.executive))
    about = describe(followup)
    who = followup.customer + (f" · {followup.organization}" if followup.organization else "")

    async def prompt(title: str, placeholder: str = "") -> str | None:
        return await asker.ask(PromptScreen(title, context=about, placeholder=placeholder))

    match step:
        case "note":
            text = await prompt("Note a fact", placeholder="e.g. she called back; invoice found")
            return None if text is None else _propose(asker, followup, Move("note", text), "Noted")
        case "start":
            return _propose(asker, followup, Move("start"), f"In progress: {who}")
        case "repromise":
            return await _repromise(asker, followup, about)
        case "wait":
            on = await asker.ask(
                ChoiceScreen(
                    "Waiting on whom? (step 1 of 2; next: for what, optional)",
                    [
                        ("customer", "the customer (pauses the promise)"),
                        ("colleague", "a colleague"),
                    ],
                    context=about,
                )
            )
            if not on:
                return None
            pause = " (the promise clock pauses)" if on == "customer" else ""
            what = await prompt(
                f"Step 2 of 2 · waiting on the {on}{pause}: for what?",
                placeholder="optional, e.g. the signed refund form",
            )
            if what is None:
                return None
            said = f"Waiting on the {on}" + (f" for: {what}" if what else "")
            return _propose(asker, followup, Move("wait", what, on=on), said)
        case "escalate":
            note = await prompt(
                "Escalate to the executive: what should they know?",
                placeholder="optional, e.g. customer threatens to cancel; needs Dana's call",
            )
            if note is None:
                return None
            said = f"Escalated: {who} is in the brief queue with the facts log"
            return _propose(asker, followup, Move("escalate", note), said)
        case "resolve" | "drop":
            # The title names whose matter it is: the line under it is easy to miss in a hurry.
            title, placeholder, verb = (
                (
                    f"How was it resolved for {who}{_whose(asker, followup)}?",
                    "e.g. refund issued, confirmed by phone",
                    "Resolved",
                )
                if step == "resolve"
                else (
                    f"Why drop {who}{_whose(asker, followup)}?",
                    "e.g. duplicate of her other request",
                    "Dropped",
                )
            )
            if lifecycle.queued_briefs_about(asker.document, followup.id):
                title += " (step 1 of 2; next: its briefs still queued)"
            text = await prompt(title, placeholder=placeholder)
            if text is None:
                return None
            retire = await _retire(asker, followup, "resolved" if step == "resolve" else "dropped")
            said = f"{verb}: {who}" + (f"; {retire[1]}" if retire[0] else "")
            return _propose(asker, followup, Move(step, text, retire=retire[0]), said)
    raise ValueError(f"no such move: {step}")


async def _repromise(asker: Asker, followup: FollowUp, about: str) -> Proposal[Moved] | None:
    """One dialog with both fields: when they will hear back (a time after now, read by
    planner.when, previewed as it is typed) and an optional note for the log. Enter in
    either field saves, so no second prompt opens to catch the keys typed next."""
    tz = asker.timezone

    def moment_of(value: str) -> pendulum.DateTime:
        now = asker.clock.now()
        moment = parse_time(value, now=now, settings=asker.settings, what="new promise")
        if moment <= now:
            raise PlannerError("new promise: that is in the past; give a time after now")
        return pendulum.instance(moment).in_tz(tz)

    def preview(values: Values) -> tuple[bool, str]:
        if not values["when"]:
            return False, ""
        try:
            moment = moment_of(values["when"])
        except PlannerError as exc:
            return False, exc.message
        return True, f"New promise: {when(moment, asker.clock.now(), tz)}"

    def build(values: Values) -> pendulum.DateTime:
        if not values["when"]:
            raise PlannerError("new promise: say when they will hear back")
        return moment_of(values["when"])

    values = await asker.ask(
        FormScreen(
            f"Re-promise: when will {followup.customer}{_whose(asker, followup)} hear back?",
            [
                Field("when", "When", placeholder=promise_examples(asker.clock.now(), tz)),
                Field(
                    "note",
                    "Note (optional)",
                    placeholder="what you told them, e.g. by phone; finance needs a day",
                ),
            ],
            refusal_of(build),
            context=about,
            preview=preview,
        )
    )
    if values is None:
        return None
    moment = build(values)
    promised = when(moment, asker.clock.now(), tz)
    move = Move("repromise", values["note"], promise=moment)
    return _propose(asker, followup, move, f"Re-promised {followup.customer}: {promised}")


def _whose(asker: Asker, followup: FollowUp) -> str:
    """` (+Lee's)` on a desk of several executives, where the matter belongs to one."""
    document = asker.document
    if len(document.roster) < 2 or not followup.executive:
        return ""
    try:
        return f" (+{document.executive(followup.executive).short}'s)"
    except KeyError:
        return ""


def promise_examples(now: pendulum.DateTime, tz: str) -> str:
    """What the promise field can take, every example a time after `now` (the dated one
    two days on, in the form the field reads)."""
    later = now.in_tz(tz).add(days=2).replace(hour=9, minute=30)
    return f"tomorrow 10am · fri 15:00 · {later.format('YYYY-MM-DD HH:mm')}"


async def _retire(asker: Asker, followup: FollowUp, closed: str) -> tuple[list[str], str]:
    """Once a follow-up closes, offer to take its queued briefs (an escalation, a bad-news
    brief) off the queue: the ids to retire (none if kept) and how to say it."""
    queued = lifecycle.queued_briefs_about(asker.document, followup.id)
    if not queued:
        return [], ""
    names = "; ".join(f"{b.kind}: {b.title}" for b in queued)
    noun = "brief" if len(queued) == 1 else counted(len(queued), "brief")
    them = plural(len(queued), "it", "them")
    answer = await asker.ask(
        ChoiceScreen(
            f"Step 2 of 2 · still queued about it: {names}",
            [("retire", f"Retire the {noun} (take {them} off the queue)"), ("keep", "Keep queued")],
        )
    )
    if answer != "retire":
        return [], ""
    return [b.id for b in queued], f"retired {noun} from the queue (follow-up {closed})"


def _propose(asker: Asker, followup: FollowUp, move: Move, done: str) -> Proposal[Moved]:
    now, tz, followup_id = asker.now(), asker.timezone, followup.id
    return Proposal(lambda d: move_followup(d, followup_id, move, now=now, tz=tz), done)
