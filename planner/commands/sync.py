"""`ea-planner sync [NAME ...]`: fetch the subscribed calendars now.

Prints per calendar what was added, updated, removed, or that it is
unchanged. Exit status 0 when every calendar synced, 1 when one could not be
fetched (one line each: network, HTTP status, credentials), 2 for bad input
(a name that is not subscribed).
"""

from __future__ import annotations

import argparse
from typing import Any

from planner.commands.context import Context
from planner.commands.options import exec_option
from planner.errors import InputError


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "sync",
        parents=[parent],
        help="fetch the subscribed calendars now",
        description=(
            "Fetch the subscribed calendars now (all, or those named) and merge them into "
            "the schedule. A calendar that cannot be fetched keeps its last good schedule. "
            "Exit status: 0 all synced, 1 one could not be fetched, 2 bad input."
        ),
    )
    parser.add_argument("names", metavar="NAME", nargs="*", help="calendars to sync")
    exec_option(parser, help="only this executive's calendars (short name; default: all)")
    return ["sync"]


def run(args: argparse.Namespace, context: Context) -> int:
    from planner.sync.run import sync_calendar

    document = context.store.load()
    subs = document.settings.calendars
    if context.executive is not None:
        owner = context.chosen(document).id
        subs = tuple(s for s in subs if document.owner(s.executive) == owner)
    if not subs and not args.names:
        print(
            "no calendars subscribed; `ea-planner calendar add NAME URL` adds one",
            file=context.out,
        )
        return 0
    by_name = {s.name: s for s in subs}
    unknown = [n for n in args.names if n not in by_name]
    if unknown:
        raise InputError(f'no calendar named "{unknown[0]}"; `ea-planner calendar list` shows them')
    chosen = [by_name[n] for n in dict.fromkeys(args.names)] if args.names else list(subs)
    status = 0
    for sub in chosen:
        outcome = sync_calendar(context.store, context.clock, sub)
        if outcome.ok:
            print("\n".join(outcome.lines()), file=context.out, flush=True)
        else:
            status = 1
            print(f"ea-planner: {outcome.lines()[0]}", file=context.err, flush=True)
    return status
