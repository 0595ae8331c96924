"""`ea-planner closeout`: the end-of-day close-out of a day, as Markdown.

    ea-planner closeout                      print today's close-out summary
    ea-planner closeout --date 2026-11-20    any other day (a closed day: its saved summary)
    ea-planner closeout --keep f-3k9         keep that promise as it stands, explicitly
    ea-planner closeout --close --notes "…"  close the day; saves closeouts/YYYY-MM-DD.md
    ea-planner closeout --reopen             reopen a closed day

Closing is refused (exit status 2, the promises named) while a promise due that
day or earlier is not addressed: resolve it, re-promise it (`ea-planner
promise`), escalate it, or keep it. Close-outs of days more than 30 days ago
are settled history: they can be printed, not changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import exec_option, json_option

if TYPE_CHECKING:
    from planner.domain import FollowUp
    from planner.domain.document import Document

HISTORY_DAYS = 30
"""Days older than this are read from the archives too (Store.history) and cannot change."""

DESCRIPTION = """\
Print the close-out summary of a day as Markdown: done today, promises (broken
ones named as broken, and how each was addressed), what is still to tell the
executive, tomorrow, notes. A closed day prints the summary saved when it was
closed.

Closing (--close) saves the summary to closeouts/YYYY-MM-DD.md in the data
directory, prints it, and marks the day closed. It is refused (exit status 2)
while a promise due that day or earlier is not addressed: resolve it,
re-promise it (ea-planner promise ID WHEN), escalate it, or keep it as it
stands (--keep ID). Closing a closed day again rewrites its summary.

With several executives the close-out is the desk's: a section per executive,
each in their own zone, and the day closes when every executive's promises are
addressed. --exec prints one executive's part alone; with --close, --exec
--notes TEXT are the notes about that executive's day.
"""


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    parser = subparsers.add_parser(
        "closeout",
        parents=[parent],
        help="print the close-out summary of a day as Markdown; keep, close or reopen it",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--date", metavar="DAY", help="the day (default: today): YYYY-MM-DD, yesterday, fri …"
    )
    parser.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="ID",
        help="explicitly keep the promise of follow-up ID (a unique prefix is enough) as it "
        "stands; may be repeated, and combined with --close",
    )
    change = parser.add_mutually_exclusive_group()
    change.add_argument(
        "--close",
        action="store_true",
        help="close the day: save the summary to closeouts/YYYY-MM-DD.md and print it",
    )
    change.add_argument("--reopen", action="store_true", help="reopen a closed day")
    change.add_argument(
        "--dismiss-notes",
        action="store_true",
        help="dismiss the last close-out's notes shown this morning (by `today` and the dashboard)",
    )
    parser.add_argument(
        "--notes",
        metavar="TEXT",
        help="with --close: the day's free notes (default: the notes already saved)",
    )
    json_option(parser, "the day's review (promises and how each was addressed) and summary")
    exec_option(
        parser, help="one executive's part of the close-out (short name; default: the desk's)"
    )
    return ["closeout"]


def run(args: argparse.Namespace, context: Context) -> int:
    import pendulum

    from planner.closeout import day_label, keep, reopen_day
    from planner.closeout.desk import close_desk, desk_summary_markdown
    from planner.commands.today import parse_date
    from planner.config import executive_zone
    from planner.domain.lifecycle import find
    from planner.errors import InputError

    now = context.clock.now()
    document = context.store.load()
    tz = executive_zone(document.settings)
    today = pendulum.instance(now).in_tz(tz).date()
    date = parse_date(args.date, today=today, settings=document.settings) if args.date else today
    settled = date < today.subtract(days=HISTORY_DAYS)
    if args.notes is not None and not args.close:
        raise InputError("--notes goes with --close")
    if args.json and (args.keep or args.close or args.reopen):
        raise InputError("--json prints a day; it goes without --keep, --close and --reopen")
    if args.keep and args.reopen:
        raise InputError("--keep cannot be combined with --reopen")
    if settled and (args.close or args.reopen or args.keep):
        raise InputError(
            f"{day_label(date)} is more than {HISTORY_DAYS} days ago: "
            "its close-out is settled history and can only be printed"
        )

    if args.dismiss_notes:
        from planner.closeout.morning import dismiss_morning_notes

        context.store.update(lambda doc: dismiss_morning_notes(doc, today))
        print("Dismissed the close-out notes", file=context.out)
        return 0

    if args.reopen:
        context.store.update(lambda doc: reopen_day(doc, date, now))
        print(
            f"Reopened {day_label(date)}: close it again to rewrite its summary",
            file=context.out,
        )
        return 0

    if args.keep or args.close:

        def change(doc: Document) -> tuple[Document, tuple[list[FollowUp], str | None]]:
            kept: list[FollowUp] = []
            for ref in args.keep:
                kept.append(find(doc.followups, ref, "follow-up"))
                doc = keep(doc, date, ref, now)
            if not args.close:
                return doc, (kept, None)
            if context.executive is not None and len(doc.roster) > 1:
                about = context.chosen(doc).id
                doc, text = close_desk(doc, date, now, executive_notes={about: args.notes or ""})
            else:
                doc, text = close_desk(doc, date, now, notes=args.notes)
            # The Markdown first, under the same lock: if it cannot be written (a full
            # disk), the change is dropped and the day stays open.
            paths.append(context.store.write_summary_locked(date.isoformat(), text))
            return doc, (kept, text)

        paths: list[Path] = []
        _, (kept, text) = context.store.transact(change)
        stream = context.out if text is None else context.err
        for followup in kept:
            print(f"Kept {followup.id} ({followup.customer} — {followup.summary})", file=stream)
        if text is None:
            return 0
        path = paths[-1]
        context.out.write(text)
        print(f"Closed {day_label(date)}; summary saved to {path}", file=context.err)
        return 0

    if settled:
        document = context.store.history()
    if context.executive is not None and len(document.roster) > 1:
        # One executive's part: their review alone, in their zone.
        from planner.closeout import render_markdown

        view = context.view(document)
        if args.json:
            from planner.commands.options import print_json

            print_json(context, review_json(view, date, now, executive_zone(view.settings)))
            return 0
        from planner.closeout import build_review

        context.out.write(render_markdown(build_review(view, date, now)))
        return 0
    if args.json:
        from planner.commands.options import print_json

        print_json(context, review_json(document, date, now, tz))
        return 0
    context.out.write(desk_summary_markdown(document, date, now))
    return 0


def review_json(document: Document, date: Any, now: Any, tz: str) -> dict[str, Any]:
    """`closeout --json`: the day's review as data, and its Markdown summary."""
    from planner.closeout import build_review
    from planner.closeout.desk import build_desk_review, desk_summary_markdown

    review = build_review(document, date, now)
    desk = build_desk_review(document, date, now)
    promises = [c for s in desk.sections for c in s.review.promises]

    def time(moment: Any) -> str | None:
        return None if moment is None else moment.in_tz(tz).isoformat()

    value: dict[str, Any] = {
        "date": date.isoformat(),
        "timezone": tz,
        "closed": review.closed,
        "closed_at": time(review.closed_at),
        "notes": review.notes,
        "kept": list(review.kept),
        "done": {
            "resolved": [d.followup.id for d in review.done.resolved],
            "dropped": [d.followup.id for d in review.done.dropped],
            "delivered": [d.brief.id for d in review.done.delivered],
        },
        "promises": [
            {
                "id": check.followup.id,
                "customer": check.followup.customer,
                "summary": check.followup.summary,
                "promise": time(check.promise),
                "broken": check.broken,
                "addressed": check.addressed,
                "addressed_at": time(check.addressed_at),
                "current": time(check.current),
                "text": check.text,
            }
            for check in promises
        ],
        "can_close": desk.can_close,
        "summary": desk_summary_markdown(document, date, now),
    }
    if not desk.single:
        value["executives"] = [
            {
                "id": s.executive.id,
                "short": s.executive.short,
                "name": s.executive.name,
                "timezone": s.review.timezone,
                "promises": [c.followup.id for c in s.review.promises],
                "still_to_tell": [p.brief.id for p in s.review.still_to_tell.placements],
                "tomorrow": s.review.tomorrow.date.isoformat(),
                "can_close": s.review.can_close,
                "notes": s.notes,
            }
            for s in desk.sections
        ]
    return value
