"""The follow-up lifecycle from the shell: `note`, `promise`, `start`, `wait`, `resume`,
`escalate`, `resolve` and `drop`, each taking a follow-up id or a unique prefix of one.

    ea-planner wait f-3k9 customer "the signed refund form"     # what you wait for
    ea-planner resolve f-3k9 "refund issued, customer called back" --retire-briefs

Each prints what it did. A refused change (resolving a dropped matter,
re-promising into the past, an unknown id) exits with status 2 and leaves the
data file untouched.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import id_argument

if TYPE_CHECKING:
    from planner.domain import Brief, FollowUp

COMMANDS = ("note", "promise", "start", "wait", "resume", "escalate", "resolve", "drop")
NOTE_HELP = "an optional note for the log"
WHEN_HELP = (
    "a time: YYYY-MM-DD HH:MM or HH:MM (executive's zone), ISO 8601, "
    "or a quick-add phrase such as 'tomorrow 3pm' when available"
)


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    def command(name: str, help: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = subparsers.add_parser(
            name, parents=[parent], help=help, description=help[0].upper() + help[1:] + "."
        )
        id_argument(parser, "follow-up id (a unique prefix is enough)")
        return parser

    p = command("note", "add a note or fact to a follow-up's log")
    p.add_argument("text", nargs="+", metavar="TEXT", help="the note, in your words")
    p = command("promise", "re-promise: a new time to get back to the customer")
    p.add_argument("when", nargs="+", metavar="WHEN", help=WHEN_HELP)
    p.add_argument("--note", default="", help="what the customer was told")
    p = command("start", "mark a follow-up in progress (investigating)")
    p.add_argument("note", nargs="*", metavar="NOTE", help=NOTE_HELP)
    p = command("wait", "wait on the customer (pauses the promise) or a colleague")
    p.add_argument(
        "on",
        metavar="customer|colleague",
        help="whom: waiting on the customer pauses the promise clock, on a colleague does not",
    )
    p.add_argument("note", nargs="*", metavar="WHAT_FOR", help="what you are waiting for")
    p = command("resume", "end the wait: back in progress")
    p.add_argument("note", nargs="*", metavar="NOTE", help=NOTE_HELP)
    p = command("escalate", "hand the matter to the executive (queues an escalation brief)")
    p.add_argument("note", nargs="*", metavar="NOTE", help=NOTE_HELP)
    for name, help, metavar, what in (
        (
            "resolve",
            "resolve a follow-up with how it was solved",
            "RESOLUTION",
            "how it was solved",
        ),
        ("drop", "drop a follow-up, with the reason", "REASON", "why it is dropped"),
    ):
        p = command(name, help)
        p.add_argument("text", nargs="+", metavar=metavar, help=what)
        p.add_argument(
            "--retire-briefs",
            action="store_true",
            help="also take the queued briefs about it (an escalation, a bad-news brief) off "
            "the brief queue; without it they are listed",
        )
    return list(COMMANDS)


def run(args: argparse.Namespace, context: Context) -> int:
    from planner.config import executive_zone
    from planner.operations.followups import Move, move_followup
    from planner.when import parse_time

    now_utc = context.clock.now()
    desk = context.store.load()
    # Times are read and written in the follow-up's own executive's zone.
    ref = getattr(args, "id", "") or ""
    owned = [f for f in desk.followups if f.id == ref] or [
        f for f in desk.followups if ref and f.id.startswith(ref)
    ]
    owner = owned[0].executive if len(owned) == 1 else None
    known = {x.id for x in desk.roster}
    settings = desk.rules_for(owner if owner in known else None)
    tz = executive_zone(settings)
    now = now_utc.in_tz(tz)
    words = args.note if args.command in ("start", "wait", "resume", "escalate") else []
    text = " ".join(getattr(args, "text", None) or words)
    closing = args.command in ("resolve", "drop")
    retire = closing and args.retire_briefs
    if args.command == "promise":
        when = parse_time(" ".join(args.when), now=now, settings=settings, what="WHEN")
        move = Move("repromise", text=args.note, promise=when)
    elif args.command == "wait":
        move = Move("wait", text=text, on=args.on)
    else:
        move = Move(args.command, text=text, retire=retire)

    _, moved = context.store.transact(
        lambda document: move_followup(document, args.id, move, now=now, tz=tz)
    )
    outcome = moved.outcome
    lines = [report(args.command, moved.before, outcome.followup, outcome.brief, now, tz)]
    for brief in moved.about:
        verb = "retired" if moved.retired else "still queued"
        lines.append(f"  {verb}: {brief.kind} brief {brief.id}: {brief.title}")
    if moved.about and not moved.retired:
        lines.append(
            "  retire with: ea-planner brief drop ID REASON "
            f"({args.command} --retire-briefs does it in the same step)"
        )
    print("\n".join(lines), file=context.out)
    return 0


def report(
    command: str, old: FollowUp, new: FollowUp, brief: Brief | None, now: datetime, tz: str
) -> str:
    """What the command did, in a line or three."""
    from planner.humanize import when

    about = f"{new.id} ({new.customer} — {new.summary})"
    lines: list[str] = []
    match command:
        case "note":
            lines.append(f"Noted on {about}: {new.log[-1].text}")
        case "promise":
            lines.append(f"Re-promised {about}: {when(new.promised_by, now, tz)}")
            previous = new.log[-1].old_promise
            if previous is not None:
                lines.append(f"  was {when(previous, now, tz)} (kept in the log)")
        case "start":
            lines.append(f"Started {about}: in progress")
        case "wait":
            what_for = f" for: {new.waiting_for}" if new.waiting_for else ""
            lines.append(f"{about} is waiting on the {new.waiting_on}{what_for}")
            if new.waiting_on == "customer":
                lines.append("  the promise clock is paused until the wait ends")
        case "resume":
            lines.append(f"Resumed {about}: in progress")
        case "escalate":
            lines.append(f"Escalated {about} to the executive")
        case "resolve":
            lines.append(f"Resolved {about}: {new.resolution}")
        case "drop":
            lines.append(f"Dropped {about}: {new.drop_reason}")
    if command != "promise" and new.promised_by != old.promised_by:
        moved = when(new.promised_by, now, tz)
        lines.append(f"  promise moved to {moved} (time spent waiting on the customer)")
    if brief is not None:
        lines.append(f"  queued {brief.kind} brief {brief.id}: {brief.title}")
        if brief.facts:
            lines.append(f"  with {len(brief.facts)} line(s) of facts")
    return "\n".join(lines)
