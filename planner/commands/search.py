"""`ea-planner search TEXT`: all history, archives included — follow-ups (customer,
organisation, summary, tags, resolution, notes of the log), briefs, events, close-out notes.

    ea-planner search refund
    ea-planner search "#billing" @acme --json
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import exec_option, json_option
from planner.humanize import counted

if TYPE_CHECKING:
    from planner.search import Hit

DEFAULT_LIMIT = 50
TITLES = {
    "followups": "Follow-ups",
    "briefs": "Briefs",
    "events": "Events",
    "closeouts": "Close-outs",
}


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "search",
        parents=[parent],
        help="search all history: follow-ups, notes, resolutions, tags, briefs, events",
        description=(
            "Search all history, archives included. Every word must match, ignoring case: "
            "#tag matches a follow-up's tag, @org its organisation, and any other word a "
            "customer, summary, resolution, log note, brief, event title or close-out "
            "note. Newest first."
        ),
    )
    parser.add_argument("text", nargs="+", metavar="TEXT", help="the words to look for")
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N results of each kind (default {DEFAULT_LIMIT}; 0: all)",
    )
    json_option(parser, "the matching records, by kind, as one JSON object")
    exec_option(
        parser, help="only this executive's records (short name; default: every executive's)"
    )
    return ["search"]


def run(args: argparse.Namespace, context: Context) -> int:
    from planner.commands.options import print_json
    from planner.config import executive_zone
    from planner.errors import InputError
    from planner.search import Query, search

    text = " ".join(args.text)
    if Query.parse(text).empty:
        raise InputError("search: give a word to look for")
    if args.limit < 0:
        raise InputError(f"--limit: give 0 (all) or a positive number (not {args.limit})")
    document = context.store.history()
    if context.executive is not None:
        document = context.view(document)
    tz = executive_zone(document.settings)
    found = search(document, text)
    limit = args.limit or None
    if args.json:
        from planner.day import to_json

        def item(hit: Hit) -> dict[str, Any]:
            value: dict[str, Any] = to_json(hit.record, tz)
            value["matched"] = list(hit.fields)
            return value

        print_json(
            context,
            {
                "query": text,
                "timezone": tz,
                **{name: [item(h) for h in hits[:limit]] for name, hits in found.items()},
            },
        )
        return 0
    print(render(found, text, limit, tz), file=context.out)
    return 0


def render(found: dict[str, list[Hit]], text: str, limit: int | None, tz: str) -> str:
    total = sum(len(hits) for hits in found.values())
    if total == 0:
        return f"Nothing matches “{text}”."
    lines = [f"{counted(total, 'match', 'matches')} for “{text}”"]
    for name, hits in found.items():
        if not hits:
            continue
        lines.append("")
        lines.append(f"{TITLES[name]} ({len(hits)})")
        for hit in hits[:limit]:
            lines.append("  " + describe(name, hit, tz))
        if limit is not None and len(hits) > limit:
            lines.append(f"  … and {len(hits) - limit} more (--limit 0 shows all)")
    return "\n".join(lines)


def describe(name: str, hit: Hit, tz: str) -> str:
    import pendulum

    from planner.humanize import fmt

    def day(moment: Any) -> str:
        return fmt(pendulum.instance(moment).in_tz(tz), "ddd D MMM YYYY")

    r = hit.record
    where = ", ".join(f for f in hit.fields if f != "id")
    tail = f"  (in {where})" if where else ""
    if name == "followups":
        who = r.customer + (f" @{r.organization}" if r.organization else "")
        return f"{r.id}  {r.status:<11}  {day(r.updated)}  {who} — {r.summary}{tail}"
    if name == "briefs":
        state = "told" if r.delivered is not None else "dropped" if r.dropped else "queued"
        return f"{r.id}  {state:<6}  {day(r.created)}  {r.kind} · {r.title}{tail}"
    if name == "events":
        return f"{r.id}  {day(r.start)}  {r.kind} · {r.title}{tail}"
    date = pendulum.Date.fromisoformat(r.date)
    return f"{r.id}  {fmt(date, 'ddd D MMM YYYY')}  close-out{tail}"
