"""`ea-planner add`: capture a follow-up from the shell in the quick-add grammar."""

from __future__ import annotations

import argparse
from typing import Any

from planner.commands.context import Context


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
    parser.add_argument("--json", action="store_true", help="print the record as stored, in JSON")
    return ["add"]


def run(args: argparse.Namespace, context: Context) -> int:
    import msgspec

    from planner.config import executive_zone
    from planner.day import dumps, to_json
    from planner.domain.lifecycle import followup_from_quickadd
    from planner.errors import InputError
    from planner.humanize import when
    from planner.quickadd import parse
    from planner.storage import Document

    text = " ".join(args.text)
    now = context.clock.now()
    settings = context.store.load().settings
    tz = executive_zone(settings)
    parsed = parse(text, now=now, settings=settings)
    if not parsed.ok:
        raise InputError("; ".join(parsed.errors) + f"\n  in: {text}")
    assert parsed.promised_by is not None
    followup = followup_from_quickadd(parsed, now.in_tz(tz))
    if not args.dry_run:

        def append(document: Document) -> Document:
            return msgspec.structs.replace(document, followups=(*document.followups, followup))

        context.store.update(append)
    if args.json:
        print(dumps(to_json(followup, tz)), file=context.out)
        return 0
    verb = "Would add" if args.dry_run else "Added"
    who = followup.customer + (f" ({followup.organization})" if followup.organization else "")
    kind = followup.kind + (" (guessed)" if parsed.kind_guessed else "")
    promise = when(followup.promised_by, now, tz)
    if not parsed.promise_given:
        promise += " — default promise"
    lines = [
        f"{verb} {followup.id}: {who}",
        f"  summary:  {followup.summary}",
        f"  promise:  {promise}",
        f"  kind:     {kind} · {followup.channel} · {followup.priority}",
    ]
    if followup.tags:
        lines.append("  tags:     " + " ".join("#" + t for t in followup.tags))
    lines += [f"  note:     {note}" for note in parsed.notes]
    if args.dry_run:
        lines.append("  (dry run: nothing saved)")
    print("\n".join(lines), file=context.out)
    return 0
