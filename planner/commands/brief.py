"""`ea-planner brief`: the brief queue from the shell — add, list, show, edit, deliver, drop.

ea-planner brief add "Budget overrun on Q4" --kind bad-news --solution "move 20k from travel"
ea-planner brief                       # the queue, where each brief lands, and its flags
ea-planner brief list --long           # … with each brief's facts and solution
ea-planner brief show b-7x             # one brief in full
ea-planner brief edit b-7x --minutes 10 --priority high --deliver-by "16:00"
ea-planner brief deliver b-7x
ea-planner brief drop b-7x "no longer relevant"
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import Actions, exec_option, json_option
from planner.humanize import fmt

if TYPE_CHECKING:
    from datetime import datetime

    from planner.domain import Brief
    from planner.scheduling import Packing

KINDS = ("escalation", "decision", "fyi", "good-news", "bad-news")
PRIORITY_NAMES = ("urgent", "high", "normal", "low")
_ID_HELP = "brief id (a unique prefix is enough)"


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    actions = Actions(
        subparsers,
        parent,
        "brief",
        help="the brief queue: add, list, deliver, solution",
        description="Things to tell the executive. With no action, lists the queue.",
    )
    add = actions.add(
        "add",
        help="queue a brief",
        description=(
            "Queue a brief to tell the executive; it is packed into the next good moment "
            "with room. Bad news is held until it has a --solution."
        ),
    )
    add.add_argument("title", nargs="+", metavar="TITLE", help="what to tell, in a few words")
    add.add_argument("--kind", default="fyi", help=f"one of {', '.join(KINDS)} (default fyi)")
    add.add_argument("--minutes", type=int, default=2, help="estimated minutes (default 2)")
    add.add_argument(
        "--priority", default="normal", help=f"one of {', '.join(PRIORITY_NAMES)} (default normal)"
    )
    add.add_argument("--deliver-by", metavar="WHEN", help="the latest time to tell it")
    add.add_argument("--followup", metavar="ID", help="the follow-up it is about")
    add.add_argument("--solution", default="", help="the proposed solution (bad news needs one)")
    add.add_argument("--fact", action="append", default=[], help="a fact to bring (repeatable)")
    exec_option(
        add,
        help="whom to tell: an executive's short name (default: the follow-up's executive, "
        "else the first)",
    )
    lst = actions.add(
        "list",
        help="the queue and where each brief lands",
        description="The brief queue in order, with where and when each brief lands.",
    )
    lst.add_argument("--all", action="store_true", help="include delivered and dropped briefs")
    lst.add_argument(
        "--long", action="store_true", help="with each brief's facts, solution and follow-up"
    )
    json_option(
        lst, "the queue (and with --all the delivered and dropped briefs), facts included, as JSON"
    )
    exec_option(lst, help="whose queue: an executive's short name (default: the first)")
    show = actions.add(
        "show",
        help="one brief in full, facts included",
        description="One brief in full: where it lands, its follow-up, solution and facts.",
        id_help=_ID_HELP,
    )
    json_option(show, "the brief as JSON")
    edit = actions.add(
        "edit",
        help="change a queued brief's title, minutes, priority, …",
        description="Change a queued brief: title, minutes, priority, deliver-by or solution.",
        id_help=_ID_HELP,
    )
    edit.add_argument("--title", help="the new title")
    edit.add_argument("--minutes", type=int, help="estimated minutes")
    edit.add_argument("--priority", help=f"one of {', '.join(PRIORITY_NAMES)}")
    edit.add_argument(
        "--deliver-by", metavar="WHEN", help="the latest time to tell it ('none' clears it)"
    )
    edit.add_argument("--solution", help="the proposed solution ('' takes it back)")
    actions.add(
        "deliver",
        help="mark a brief as told",
        description="Mark a brief as told to the executive: it leaves the queue.",
        id_help=_ID_HELP,
    )
    drop = actions.add(
        "drop",
        help="take a brief off the queue untold",
        description="Take a brief off the queue without telling it, with the reason.",
        id_help=_ID_HELP,
    )
    drop.add_argument("reason", nargs="+", metavar="REASON", help="why it is dropped")
    solution = actions.add(
        "solution",
        help="attach the proposed solution to a brief",
        description="Attach the proposed solution to a brief (bad news goes in only with one).",
        id_help=_ID_HELP,
    )
    solution.add_argument("text", nargs="+", metavar="TEXT", help="the proposed solution")
    return ["brief"]


def run(args: argparse.Namespace, context: Context) -> int:
    from planner.config import executive_zone

    now = context.clock.now()
    action = args.action or "list"
    _own_executive(args, context, action)
    document = context.view()
    tz = executive_zone(document.settings)
    local_now = now.in_tz(tz)
    if action == "add":
        return _add(args, context, local_now, tz)
    if action == "deliver":
        return _deliver(args, context, local_now)
    if action == "solution":
        return _solution(args, context, local_now, tz)
    if action == "show":
        return _show(args, context, local_now, tz)
    if action == "edit":
        return _edit(args, context, local_now, tz)
    if action == "drop":
        return _drop(args, context, local_now)
    return _list(args, context, local_now, tz)


def _own_executive(args: argparse.Namespace, context: Context, action: str) -> None:
    """Without --exec, a brief's times are in its own executive's zone, and a new brief
    about a follow-up is for the follow-up's executive."""
    if context.executive is not None:
        return
    desk = context.store.load()
    ref = getattr(args, "followup", None) if action == "add" else getattr(args, "id", None)
    records = desk.followups if action == "add" else desk.briefs
    if not ref:
        return
    matches = [r for r in records if r.id == ref] or [r for r in records if r.id.startswith(ref)]
    if len(matches) == 1 and (matches[0].executive or action != "add"):
        context.executive = desk.owner(matches[0].executive)


def _add(args: argparse.Namespace, context: Context, now: datetime, tz: str) -> int:
    from planner.domain.document import Document
    from planner.domain.lifecycle import find, new_brief
    from planner.operations.briefs import queue_brief
    from planner.when import parse_time

    settings = context.view().settings
    deliver_by = None
    if args.deliver_by:
        deliver_by = parse_time(args.deliver_by, now=now, settings=settings, what="--deliver-by")

    def append(document: Document) -> tuple[Document, Brief]:
        followup_id = None
        if args.followup:
            followup_id = find(document.followups, args.followup, "follow-up").id
        brief = new_brief(
            title=" ".join(args.title),
            now=now,
            kind=args.kind,
            priority=args.priority,
            minutes=args.minutes,
            deliver_by=deliver_by,
            followup_id=followup_id,
            facts=args.fact,
            solution=args.solution,
            executive=context.chosen(document).id,
        )
        return queue_brief(document, brief)

    document, brief = context.store.transact(append)
    packing = _packing(context.view(document), now, tz)
    lines = [f"Added brief {brief.id}: {brief.title}"]
    lines.append(f"  {brief.kind} · {brief.priority} · {brief.minutes} min")
    lines.append("  " + _where(packing, brief.id, now, tz))
    print("\n".join(lines), file=context.out)
    return 0


def _deliver(args: argparse.Namespace, context: Context, now: datetime) -> int:
    from planner.operations.briefs import deliver_brief

    _, brief = context.store.transact(lambda document: deliver_brief(document, args.id, now))
    print(f"Delivered {brief.id}: {brief.title}", file=context.out)
    return 0


def _solution(args: argparse.Namespace, context: Context, now: datetime, tz: str) -> int:
    from planner.operations.briefs import propose_solution

    text = " ".join(args.text)
    document, brief = context.store.transact(
        lambda document: propose_solution(document, args.id, text)
    )
    packing = _packing(context.view(document), now, tz)
    lines = [
        f"Solution for {brief.id}: {brief.solution}",
        "  " + _where(packing, brief.id, now, tz),
    ]
    print("\n".join(lines), file=context.out)
    return 0


def _list(args: argparse.Namespace, context: Context, now: datetime, tz: str) -> int:
    from planner.day import brief_queue

    document = context.view()
    packing = _packing(document, now, tz)
    queue = brief_queue(document.briefs)
    if getattr(args, "json", False):
        from planner.commands.options import print_json

        print_json(context, _queue_json(document, packing, queue, now, tz, args.all))
        return 0
    shown_all = getattr(args, "all", False)
    delivered = sorted(
        (b for b in document.briefs if b.delivered is not None),
        key=lambda b: b.delivered or b.created,
    )
    dropped = sorted(
        (b for b in document.briefs if b.dropped is not None),
        key=lambda b: b.dropped or b.created,
    )
    long = getattr(args, "long", False)
    lines = [f"Brief queue ({len(queue)})"]
    if not queue:
        lines.append("  (empty)")
    for brief in queue:
        lines.append(f"  {brief.id}  {brief.kind:<10}  {brief.priority:<6}  {brief.title}")
        lines.append(f"  {'':<10}  {brief.minutes} min · {_where(packing, brief.id, now, tz)}")
        if long:
            lines.extend(_details(brief, document, tz, indent=f"  {'':<10}  "))
    if shown_all:
        lines.append("")
        lines.append(f"Delivered ({len(delivered)})")
        for brief in delivered:
            assert brief.delivered is not None
            told = fmt(_local(brief.delivered, tz), "ddd D MMM HH:mm")
            lines.append(f"  {brief.id}  {brief.kind:<10}  {told}  {brief.title}")
            if long:
                lines.extend(_details(brief, document, tz, indent=f"  {'':<10}  "))
        lines.append("")
        lines.append(f"Dropped ({len(dropped)})")
        for brief in dropped:
            assert brief.dropped is not None
            when = fmt(_local(brief.dropped, tz), "ddd D MMM HH:mm")
            lines.append(f"  {brief.id}  {brief.kind:<10}  {when}  {brief.title}")
            lines.append(f"  {'':<10}  dropped: {brief.drop_reason}")
    print("\n".join(lines), file=context.out)
    return 0


def _show(args: argparse.Namespace, context: Context, now: datetime, tz: str) -> int:
    from planner.domain.lifecycle import find

    document = context.store.load()
    brief = find(document.briefs, args.id, "brief")
    packing = _packing(context.view(document), now, tz)
    if args.json:
        from planner.day import dumps

        print(dumps(_brief_json(brief, document, packing, now, tz)), file=context.out)
        return 0
    lines = [f"{brief.id}  {brief.title}"]
    lines.append(f"  {brief.kind} · {brief.priority} · {brief.minutes} min")
    lines.append("  " + _state(brief, packing, now, tz))
    lines.extend(_details(brief, document, tz, indent="  "))
    print("\n".join(lines), file=context.out)
    return 0


def _edit(args: argparse.Namespace, context: Context, now: datetime, tz: str) -> int:
    from planner.errors import InputError
    from planner.operations.briefs import edit_brief
    from planner.when import parse_time

    changes: dict[str, Any] = {}
    if args.title is not None:
        changes["title"] = args.title
    if args.minutes is not None:
        changes["minutes"] = args.minutes
    if args.priority is not None:
        changes["priority"] = args.priority
    if args.solution is not None:
        changes["solution"] = args.solution
    if args.deliver_by is not None:
        if args.deliver_by.strip().lower() in ("none", ""):
            changes["deliver_by"] = None
        else:
            settings = context.view().settings
            changes["deliver_by"] = parse_time(
                args.deliver_by, now=now, settings=settings, what="--deliver-by"
            )
    if not changes:
        raise InputError(
            "brief edit: say what to change (--title, --minutes, --priority, --deliver-by, "
            "--solution)"
        )
    document, brief = context.store.transact(
        lambda document: edit_brief(document, args.id, now, **changes)
    )
    packing = _packing(context.view(document), now, tz)
    lines = [
        f"Changed brief {brief.id}: {brief.title}",
        f"  {brief.kind} · {brief.priority} · {brief.minutes} min",
        "  " + _where(packing, brief.id, now, tz),
    ]
    print("\n".join(lines), file=context.out)
    return 0


def _queue_json(
    document: Any, packing: Packing, queue: tuple[Brief, ...], now: Any, tz: str, everything: bool
) -> dict[str, Any]:
    """`brief list --json`: {now, timezone, briefs: [...], and with --all delivered: [...],
    dropped: [...]}; every brief with its facts."""
    from planner.day import to_json

    briefs = []
    for brief in queue:
        item: dict[str, Any] = to_json(brief, tz)
        placement = packing.placement(brief.id)
        moment = placement.moment if placement is not None else None
        at = placement.at if placement is not None else None
        item["placed"] = moment.start.in_tz(tz).isoformat() if moment is not None else None
        item["planned_at"] = at.in_tz(tz).isoformat() if at is not None else None
        item["rolled"] = placement.rolled if placement is not None else False
        item["held"] = placement.held if placement is not None else False
        item["flags"] = list(placement.flags) if placement is not None else []
        briefs.append(item)
    result: dict[str, Any] = {"now": now.isoformat(), "timezone": tz, "briefs": briefs}
    if everything:
        told = sorted(
            (b for b in document.briefs if b.delivered is not None),
            key=lambda b: b.delivered or b.created,
        )
        result["delivered"] = [to_json(b, tz) for b in told]
        gone = sorted(
            (b for b in document.briefs if b.dropped is not None),
            key=lambda b: b.dropped or b.created,
        )
        result["dropped"] = [to_json(b, tz) for b in gone]
    return result


def _drop(args: argparse.Namespace, context: Context, now: datetime) -> int:
    from planner.operations.briefs import drop_brief

    reason = " ".join(args.reason)
    _, brief = context.store.transact(lambda document: drop_brief(document, args.id, reason, now))
    print(f"Dropped brief {brief.id}: {brief.title} ({brief.drop_reason})", file=context.out)
    return 0


def _state(brief: Brief, packing: Packing, now: datetime, tz: str) -> str:
    if brief.delivered is not None:
        return "told the executive " + fmt(_local(brief.delivered, tz), "ddd D MMM HH:mm")
    if brief.dropped is not None:
        when = fmt(_local(brief.dropped, tz), "ddd D MMM HH:mm")
        return f"dropped {when}: {brief.drop_reason}"
    return _where(packing, brief.id, now, tz)


def _details(brief: Brief, document: Any, tz: str, *, indent: str) -> list[str]:
    """The facts, solution and follow-up of a brief, one per line, under `indent`."""
    lines: list[str] = []
    if brief.followup_id is not None:
        followup = next((f for f in document.followups if f.id == brief.followup_id), None)
        about = f"{followup.customer} — {followup.summary} ({followup.status})" if followup else ""
        lines.append(f"{indent}follow-up: {brief.followup_id}" + (f" · {about}" if about else ""))
    if brief.deliver_by is not None:
        lines.append(f"{indent}deliver by: {fmt(_local(brief.deliver_by, tz), 'ddd D MMM HH:mm')}")
    if brief.solution:
        lines.append(f"{indent}solution: {brief.solution}")
    elif brief.kind == "bad-news":
        lines.append(f"{indent}solution: (none yet — bad news is held until it has one)")
    if brief.facts:
        lines.append(f"{indent}facts:")
        lines.extend(f"{indent}  {fact}" for fact in brief.facts)
    else:
        lines.append(f"{indent}facts: (none)")
    return lines


def _brief_json(
    brief: Brief, document: Any, packing: Packing, now: datetime, tz: str
) -> dict[str, Any]:
    from planner.day import to_json

    item: dict[str, Any] = to_json(brief, tz)
    item["queued"] = brief.queued
    placement = packing.placement(brief.id) if brief.queued else None
    item["lands"] = (
        placement.at.in_tz(tz).isoformat()
        if placement is not None and placement.at is not None
        else None
    )
    item["flags"] = list(placement.flags) if placement is not None else []
    return item


def _packing(document: Any, now: datetime, tz: str) -> Packing:
    import pendulum

    from planner.scheduling import pack

    today = pendulum.instance(now).in_tz(tz).date()
    return pack(
        document.briefs, document.events, document.windows, document.settings, today, now, tz=tz
    )


def _where(packing: Packing, brief_id: str, now: datetime, tz: str) -> str:
    """`lands 10:40 in the good moment 10:00–10:50 · interrupt now`, or why it does not."""
    placement = packing.placement(brief_id)
    if placement is None:
        return "delivered"
    parts: list[str] = []
    if placement.moment is not None and placement.at is not None:
        m = placement.moment
        at = placement.at.in_tz(tz)
        day = "" if at.date() == packing.date else fmt(at, "ddd D MMM ")
        span = f"{fmt(m.start.in_tz(tz), 'HH:mm')}–{fmt(m.end.in_tz(tz), 'HH:mm')}"
        parts.append(f"lands {day}{fmt(at, 'HH:mm')} in the good moment {span}")
    parts.extend(placement.flags)
    if placement.brief.deliver_by is not None:
        deadline = fmt(_local(placement.brief.deliver_by, tz), "ddd D MMM HH:mm")
        parts.append(f"deliver by {deadline}")
    return " · ".join(parts)


def _local(moment: datetime, tz: str) -> Any:
    import pendulum

    return pendulum.instance(moment).in_tz(tz)
