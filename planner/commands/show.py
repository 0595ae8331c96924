"""`ea-planner show ID`: one follow-up with its whole facts log, or one brief, from all of
history (archives included); ids may be shortened to any unique prefix.

    ea-planner show f-3k9
    ea-planner show b-7x --json
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import id_argument, json_option

if TYPE_CHECKING:
    from datetime import datetime

    from planner.domain import Brief, FollowUp


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "show",
        parents=[parent],
        help="a follow-up with its whole log, or a brief",
        description=(
            "Show one follow-up (f-…) with its whole facts log and its briefs, or one "
            "brief (b-…) with its facts and the follow-up it is about. Archived history "
            "is searched too; a unique prefix of the id is enough."
        ),
    )
    id_argument(parser, "a follow-up or brief id, or a unique prefix")
    json_option(parser, "the record as stored (times in the executive's zone), in JSON")
    return ["show"]


def run(args: argparse.Namespace, context: Context) -> int:
    from planner.commands.options import print_json
    from planner.config import executive_zone
    from planner.day import to_json
    from planner.domain.lifecycle import find
    from planner.errors import InputError, PlannerError

    now = context.clock.now()
    ref = args.id.strip()
    document = context.store.load()
    tz = executive_zone(document.settings)
    kind = "brief" if ref.startswith("b-") else "follow-up"
    records: Any = document.briefs if kind == "brief" else document.followups
    try:
        record = find(records, ref, kind)
    except PlannerError:
        # Not in the live document: settled history lives in the archives.
        document = context.store.history()
        records = document.briefs if kind == "brief" else document.followups
        try:
            record = find(records, ref, kind)
        except PlannerError as exc:
            hint = "ea-planner search TEXT finds ids by name"
            raise InputError(f"{exc.message}; {hint}") from None
    whose = label = ""
    if len(document.roster) > 1:
        # Several executives: the record's times in its own executive's zone, labelled when
        # that is not the EA's (planner.day.Zones), and whose.
        from planner.day import zones_of
        from planner.domain.executive import describe as named

        known = {x.id: x for x in document.roster}
        owner = record.executive if kind == "follow-up" else document.owner(record.executive)
        zones = zones_of(document)
        if owner in known:
            tz, label = zones.zone(owner), zones.label(owner)
            whose = f"  for:      {named(known[owner])}"
        else:
            if not owner:
                tz, label = zones.zone(owner), zones.label(owner)
            whose = "  for:      the desk" if not owner else f"  for:      {owner} (removed)"
    if kind == "brief":
        brief: Brief = record
        if args.json:
            print_json(context, to_json(brief, tz))
        else:
            followup = next((f for f in document.followups if f.id == brief.followup_id), None)
            print(_with(render_brief(brief, followup, now, tz, label), whose), file=context.out)
        return 0
    followup_record: FollowUp = record
    briefs = [b for b in document.briefs if b.followup_id == followup_record.id]
    if args.json:
        item = to_json(followup_record, tz)
        item["briefs"] = [to_json(b, tz) for b in briefs]
        print_json(context, item)
    else:
        rendered = render_followup(followup_record, briefs, now, tz, label)
        print(_with(rendered, whose), file=context.out)
    return 0


def _with(text: str, line: str) -> str:
    """`text` with `line` after its first line (nothing added when `line` is empty)."""
    if not line:
        return text
    head, _, rest = text.partition("\n")
    return f"{head}\n{line}\n{rest}" if rest else f"{head}\n{line}"


def render_followup(
    followup: FollowUp, briefs: list[Brief], now: datetime, tz: str, label: str = ""
) -> str:
    """The follow-up in full, its times in `tz`; `label` (the zone as a place, when it is
    not the EA's) after its promise."""
    from planner.domain.facts import describe
    from planner.domain.followup import effective_promise, is_broken
    from planner.humanize import when

    f = followup
    who = f.customer + (f" ({f.organization})" if f.organization else "")
    lines = [f"{f.id}: {who} — {f.summary}"]
    status = f.status + (f" on the {f.waiting_on}" if f.waiting_on else "")
    lines.append(f"  status:   {status}")
    promise = when(effective_promise(f, now), now, tz, label)
    if is_broken(f, now):
        promise += " — BROKEN"
    lines.append(f"  promise:  {promise}")
    lines.append(f"  kind:     {f.kind} · {f.channel} · {f.priority}")
    if f.tags:
        lines.append("  tags:     " + " ".join("#" + t for t in f.tags))
    if f.resolution:
        lines.append(f"  resolved: {f.resolution}")
    if f.drop_reason:
        lines.append(f"  dropped:  {f.drop_reason}")
    lines.append(f"  created:  {when(f.created, now, tz)}")
    lines.append("")
    lines.append(f"Log ({len(f.log)})")
    if not f.log:
        lines.append("  (empty)")
    for entry in f.log:
        lines.append(f"  {_stamp(entry.at, tz)}  {describe(entry, tz)}")
    if briefs:
        lines.append("")
        lines.append(f"Briefs ({len(briefs)})")
        for b in briefs:
            state = f"told {_stamp(b.delivered, tz)}" if b.delivered else "in the queue"
            if b.dropped is not None:
                state = f"dropped {_stamp(b.dropped, tz)}"
            lines.append(f"  {b.id}  {b.kind:<10}  {state}  {b.title}")
    return "\n".join(lines)


def render_brief(
    brief: Brief, followup: FollowUp | None, now: datetime, tz: str, label: str = ""
) -> str:
    """The brief in full, its times in `tz`; `label` as for `render_followup`."""
    from planner.domain.brief import is_held
    from planner.humanize import when

    b = brief
    lines = [f"{b.id}: {b.title}"]
    lines.append(f"  {b.kind} · {b.priority} · {b.minutes} min")
    if b.delivered is not None:
        lines.append(f"  told:        {when(b.delivered, now, tz)}")
    elif b.dropped is not None:
        lines.append(f"  dropped:     {when(b.dropped, now, tz)}: {b.drop_reason}")
    else:
        held = " (held: bad news needs a solution)" if is_held(b) else ""
        lines.append(f"  in the queue{held}")
    if b.deliver_by is not None:
        lines.append(f"  deliver by:  {when(b.deliver_by, now, tz, label)}")
    if b.solution:
        lines.append(f"  solution:    {b.solution}")
    if followup is not None:
        lines.append(f"  about:       {followup.id} ({followup.customer} — {followup.summary})")
    elif b.followup_id:
        lines.append(f"  about:       {b.followup_id}")
    lines.append(f"  created:     {when(b.created, now, tz)}")
    if b.facts:
        lines.append("")
        lines.append(f"Facts ({len(b.facts)})")
        lines.extend(f"  {fact}" for fact in b.facts)
    return "\n".join(lines)


def _stamp(moment: datetime, tz: str) -> str:
    import pendulum

    from planner.humanize import fmt

    return fmt(pendulum.instance(moment).in_tz(tz), "ddd D MMM YYYY HH:mm")
