"""`ea-planner add`: capture a follow-up from the shell in the quick-add grammar."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import exec_option
from planner.humanize import counted

if TYPE_CHECKING:
    from planner.domain import FollowUp
    from planner.domain.document import Document
    from planner.quickadd import QuickAdd


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "add",
        parents=[parent],
        help="quick-add a follow-up",
        description=(
            'Quick-add a follow-up, e.g.: ea-planner add "Maria Ortiz: invoice charged twice, '
            'wants refund @Acme by tomorrow 3pm !high #billing"'
        ),
    )
    parser.add_argument("text", nargs="+", metavar="TEXT", help="the quick-add line")
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be saved; save nothing"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the record as stored, in JSON, with `repeat_caller`: the customer's other "
        "open follow-ups",
    )
    parser.add_argument(
        "--as-note",
        action="store_true",
        help="when the customer (same name, same organisation) already has an open follow-up, "
        "add the text as a note to it instead of a new follow-up",
    )
    exec_option(
        parser,
        help="whose follow-up: an executive's short name, or desk for the desk's own "
        "(default: +SHORT or +desk in the line, else the first executive)",
    )
    return ["add"]


def run(args: argparse.Namespace, context: Context) -> int:
    import msgspec

    from planner.clock import local_zone_name
    from planner.config import executive_zone
    from planner.day import dumps, to_json
    from planner.domain.executive import describe
    from planner.domain.repeat import open_for_customer
    from planner.errors import InputError
    from planner.humanize import when
    from planner.operations.followups import add_followup, note_on
    from planner.quickadd import followup_from_quickadd
    from planner.quickadd.executive import (
        is_desk,
        on_clock,
        parse_for,
        parse_for_matter,
        whose,
    )

    text = " ".join(args.text)
    now = context.clock.now()
    desk = context.store.load()
    # `--exec desk`: the desk's own, read with the first executive's rules.
    desk_own = context.executive is not None and is_desk(context.executive, desk.roster)
    in_view = desk.roster[0].id if desk_own else context.chosen(desk).id
    reading = parse_for(text, now=now, document=desk, in_view=in_view)
    parsed = reading.line
    # A note on a repeat caller's one open matter is read on its executive's clock: that
    # reading, not the one for a new follow-up, must make sense.
    matters = (
        open_for_customer(desk.followups, parsed.customer, parsed.organization)
        if args.as_note
        else ()
    )
    checked = reading
    if len(matters) == 1:
        checked = parse_for_matter(
            text, now=now, document=desk, matter_executive=matters[0].executive, in_view=in_view
        )
    if not checked.ok or checked.executive is None:
        raise InputError("; ".join(checked.line.errors) + f"\n  in: {text}")
    if desk_own and reading.named and reading.executive is not None:
        raise InputError(f"--exec desk and +{reading.executive.short} disagree\n  in: {text}")
    refused = "" if reading.ok else "; ".join(parsed.errors) + f"\n  in: {text}"
    if refused:  # only the note can be made (the reading for a new follow-up failed)
        reading = checked
        parsed = reading.line
    executive = reading.executive
    assert executive is not None
    tz = executive_zone(desk.rules_for(executive.id))
    assert parsed.promised_by is not None
    # A line that names no one is for the executive in view (on a desk of one: that
    # executive); the desk's own only when said (+desk, --exec desk).
    owner = "" if desk_own else reading.owner
    followup = msgspec.structs.replace(
        followup_from_quickadd(parsed, now.in_tz(tz)), executive=owner
    )
    # Whether the caller already has an open matter is decided on the document the change
    # is applied to (under the store's lock), not on an earlier read.
    seen: list[tuple[FollowUp, ...]] = []
    readings: list[QuickAdd] = []

    def append(document: Document) -> tuple[Document, FollowUp]:
        matches = open_for_customer(document.followups, parsed.customer, parsed.organization)
        seen.append(matches)
        if not args.as_note or not matches:
            if refused:
                raise InputError(refused)
            return add_followup(document, followup)
        if len(matches) > 1:
            ids = ", ".join(m.id for m in matches)
            raise InputError(
                f"{parsed.customer} has {len(matches)} open follow-ups ({ids}): "
                "add the note to one of them with: ea-planner note ID TEXT"
            )
        # the line's own promise ("call her back in 30 min") re-promises the open matter,
        # read on the clock of the matter's executive unless the line named one
        matter = matches[0]
        noted = parse_for_matter(
            text,
            now=now,
            document=document,
            matter_executive=matter.executive,
            in_view=in_view,
        ).line
        readings.append(noted)
        promise = noted.promised_by if noted.promise_given else None
        return note_on(document, matter.id, noted.summary or text, now.in_tz(tz), promise)

    if args.dry_run:
        _, stored = append(context.store.load())
    else:
        _, stored = context.store.transact(append)
    matches = tuple(m for m in seen[-1] if m.id != stored.id)
    noted = stored.id != followup.id
    if args.json:
        record = to_json(stored, tz)
        record["repeat_caller"] = [_match_json(m, tz) for m in seen[-1]]
        record["noted_instead"] = noted
        print(dumps(record), file=context.out)
        return 0
    if noted:
        verb = "Would note" if args.dry_run else "Noted"
        note = readings[-1]
        owner_words = whose(desk, stored.executive)
        matter_tz = executive_zone(desk.rules_for(desk.owner(stored.executive)))
        print(
            f"{verb} on {stored.id} ({stored.customer} — {stored.summary}"
            + (f"; {owner_words}" if owner_words else "")
            + f"): {note.summary or text}"
            + (
                f"\n  re-promised: {on_clock(note.promised_by, now, matter_tz, local_zone_name())}"
                if note.promise_given and note.promised_by is not None
                else ""
            )
            + ("\n  (dry run: nothing saved)" if args.dry_run else ""),
            file=context.out,
        )
        return 0
    verb = "Would add" if args.dry_run else "Added"
    several = len(desk.roster) > 1 or reading.named or not owner
    who = followup.customer + (f" ({followup.organization})" if followup.organization else "")
    kind = followup.kind + (" (guessed)" if parsed.kind_guessed else "")
    promise = when(followup.promised_by, now, tz)
    if not parsed.promise_given:
        promise += " — default promise"
    lines = [
        f"{verb} {followup.id}: {who}",
        *([f"  for:      {describe(executive) if owner else DESK_OWN}"] if several else []),
        f"  summary:  {followup.summary}",
        f"  promise:  {promise}",
        f"  kind:     {kind} · {followup.channel} · {followup.priority}",
    ]
    if followup.tags:
        lines.append("  tags:     " + " ".join("#" + t for t in followup.tags))
    lines += [f"  note:     {note}" for note in parsed.notes]
    lines.extend(
        repeat_warning(matches, now, tz, None if args.dry_run else followup.id, document=desk)
    )
    if args.dry_run:
        lines.append("  (dry run: nothing saved)")
    print("\n".join(lines), file=context.out)
    return 0


DESK_OWN = "the desk's own (no executive)"


def repeat_warning(
    matches: tuple[FollowUp, ...],
    now: Any,
    tz: str,
    added: str | None,
    *,
    document: Document | None = None,
) -> list[str]:
    """Lines warning that the customer already has open follow-ups, and how to note instead
    (`added`: the id of the follow-up just added, None on a dry run). On a desk of several
    executives (`document`), whose each matter is, its promise on that executive's clock."""
    from planner.config import executive_zone
    from planner.domain.followup import effective_promise
    from planner.quickadd.executive import on_clock, whose

    if not matches:
        return []
    noun = "an open follow-up" if len(matches) == 1 else counted(len(matches), "open follow-up")
    owners = {whose(document, m.executive) for m in matches} if document is not None else set()
    said = f" ({owners.pop()})" if len(owners) == 1 and "" not in owners else ""
    lines = [f"  repeat caller: {matches[0].customer} already has {noun}{said}:"]
    for match in matches:
        zone = tz
        if document is not None:
            zone = executive_zone(document.rules_for(document.owner(match.executive)))
        promise = on_clock(effective_promise(match, now), now, zone, tz)
        if document is not None and not said and whose(document, match.executive):
            promise += f" ({whose(document, match.executive)})"
        if match.status == "waiting" and match.waiting_on == "customer":
            promise += ", paused"
        lines.append(f"    {match.id}  {match.summary} · {match.status} · promised {promise}")
    if len(matches) == 1 and added is None:
        lines.append(f"  to add it as a note to {matches[0].id} instead: add --as-note")
    elif len(matches) == 1:
        old = matches[0].id
        lines.append(
            f'  same matter? ea-planner drop {added} "duplicate of {old}" and '
            f"ea-planner note {old} TEXT (add --as-note does it in one step)"
        )
    return lines


def _match_json(match: FollowUp, tz: str) -> dict[str, Any]:
    from planner.day import to_json

    return {
        key: value
        for key, value in to_json(match, tz).items()
        if key in ("id", "customer", "organization", "summary", "status", "promised_by")
    }
