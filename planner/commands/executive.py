"""`ea-planner exec add|list|edit|remove` and `ea-planner move`: the executives of the desk.

Each executive has a name, a short name (`+Dana` in quick-add, `--exec dana` on the
command line), a zone, a workday and the rules of their good moments. The first one is
the executive a command works on when `--exec` is not given.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from planner.commands.context import Context
from planner.commands.options import EXEC_HELP, Actions, exec_option, id_argument, json_option
from planner.errors import InputError
from planner.humanize import counted

if TYPE_CHECKING:
    from planner.domain.document import Document
    from planner.domain.executive import Executive

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--short", metavar="SHORT", help="short name (default: the first name)")
    parser.add_argument(
        "--timezone", metavar="ZONE", help="their IANA time zone, e.g. America/New_York"
    )
    parser.add_argument(
        "--org", metavar="ORG", help="their own organisation (its customers are internal)"
    )
    parser.add_argument("--workday", metavar="HH:MM-HH:MM", help="their workday (e.g. 08:30-18:00)")
    parser.add_argument(
        "--workdays", metavar="DAYS", help="their workdays: mon-fri, 1-5, or mon,tue,thu"
    )
    parser.add_argument(
        "--never-interrupt",
        metavar="KINDS",
        help="event kinds never interrupted, comma-separated (default focus,travel,personal)",
    )
    parser.add_argument(
        "--protect-before", metavar="MIN", type=int, help="minutes kept free before a meeting"
    )
    parser.add_argument(
        "--settle-after", metavar="MIN", type=int, help="minutes kept free after a meeting"
    )
    parser.add_argument(
        "--min-window", metavar="MIN", type=int, help="shorter gaps are not good moments"
    )
    parser.add_argument(
        "--one-on-one", metavar="TITLE", help="the title of the EA's standing one-on-one with them"
    )


def register(subparsers: Any, parent: argparse.ArgumentParser) -> list[str]:
    actions = Actions(
        subparsers,
        parent,
        "exec",
        help="the executives of the desk: add, list, edit, remove",
        description=(
            "The executives the desk serves. Each has a short name: +SHORT in a quick-add "
            "line and --exec SHORT on the other commands pick them (a unique prefix is "
            "enough). Without --exec, a command works on the first executive."
        ),
        dest="exec_command",
        required=True,
    )
    add = actions.add(
        "add",
        help="add an executive",
        description=(
            "Add an executive to the desk: their name, and optionally their short name, zone, "
            "workday and interrupt rules (the defaults are those of a new desk). On a desk "
            "whose one executive has no name yet, that executive is the one named."
        ),
    )
    add.add_argument("name", metavar="NAME", help="the executive's name")
    _rule_options(add)
    json_option(add, "the executive as stored")

    listing = actions.add(
        "list",
        help="list the executives",
        description=(
            "List the executives in order (the first is the default of --exec), with their "
            "zone, workday, open follow-ups and queued briefs."
        ),
    )
    json_option(listing, "the executives as stored")

    edit = actions.add(
        "edit",
        help="change an executive's facts",
        description="Change an executive's name, short name, zone, workday or rules: only "
        "the options given change.",
    )
    edit.add_argument("who", metavar="SHORT", help="the executive (short name or prefix)")
    edit.add_argument("--name", metavar="NAME", help="their name")
    _rule_options(edit)
    json_option(edit, "the executive as stored")

    remove = actions.add(
        "remove",
        help="remove an executive",
        description=(
            "Remove an executive, their events, hand-marked good moments and calendars. "
            "Refused while they have open follow-ups or queued briefs, unless --move-to "
            "names the executive those (and their settled history) go to."
        ),
    )
    remove.add_argument("who", metavar="SHORT", help="the executive (short name or prefix)")
    remove.add_argument(
        "--move-to", metavar="SHORT", help="move their follow-ups and briefs to this executive"
    )

    move = subparsers.add_parser(
        "move",
        parents=[parent],
        help="move a follow-up or brief to another executive",
        description=(
            "Move a follow-up (with its queued briefs) or a brief to another executive; "
            "--desk makes a follow-up the desk's own."
        ),
    )
    id_argument(move, "the follow-up's or brief's id (a unique prefix)")
    target = move.add_mutually_exclusive_group(required=True)
    exec_option(target, help=EXEC_HELP.split(" (")[0] + " it goes to")
    target.add_argument(
        "--desk", action="store_true", help="make the follow-up the desk's own (no executive)"
    )
    return ["exec", "move"]


def run(args: argparse.Namespace, context: Context) -> int:
    if args.command == "move":
        return _move(args, context)
    action = args.exec_command
    if action == "list":
        return _list(args, context)
    if action == "add":
        return _add(args, context)
    if action == "edit":
        return _edit(args, context)
    return _remove(args, context)


def _fields(args: argparse.Namespace) -> dict[str, Any]:
    """The executive fields the options give (only those given)."""
    from planner.text import clean_line

    fields: dict[str, Any] = {}
    if getattr(args, "name", None) is not None:
        fields["name"] = clean_line(args.name)
    if args.short is not None:
        fields["short"] = args.short.strip().lstrip("+")
    if args.timezone is not None:
        fields["timezone"] = args.timezone.strip() or None
    if args.org is not None:
        fields["own_organization"] = clean_line(args.org)
    if args.workday is not None:
        start, sep, end = args.workday.replace("–", "-").partition("-")
        if not sep:
            raise InputError(f"--workday {args.workday!r}: give HH:MM-HH:MM, e.g. 08:30-18:00")
        fields["workday_start"], fields["workday_end"] = _hhmm(start), _hhmm(end)
    if args.workdays is not None:
        fields["workdays"] = _weekdays(args.workdays)
    if args.never_interrupt is not None:
        kinds = args.never_interrupt.split(",")
        fields["never_interrupt"] = [k.strip() for k in kinds if k.strip()]
    for name in ("protect_before", "settle_after", "min_window"):
        value = getattr(args, name)
        if value is not None:
            fields[name] = value
    if args.one_on_one is not None:
        fields["one_on_one"] = clean_line(args.one_on_one)
    return fields


def _hhmm(text: str) -> str:
    text = text.strip()
    hour, sep, minute = text.partition(":")
    if not sep:
        minute = "00"
    if not (hour.isdigit() and minute.isdigit()) or int(hour) > 23 or int(minute) > 59:
        raise InputError(f"--workday: {text!r} is not a time (HH:MM)")
    return f"{int(hour):02d}:{int(minute):02d}"


def _weekday(text: str) -> int:
    word = text.strip().lower()
    if word.isdigit() and 1 <= int(word) <= 7:
        return int(word)
    for number, name in enumerate(_WEEKDAYS, start=1):
        if word[:3] == name and name.startswith(word[:3]) and len(word) >= 3:
            return number
    raise InputError(f"--workdays: {text!r} is not a weekday (mon … sun or 1 … 7)")


def _weekdays(text: str) -> list[int]:
    days: set[int] = set()
    for part in text.split(","):
        if not part.strip():
            continue
        low, sep, high = part.partition("-")
        first = _weekday(low)
        last = _weekday(high) if sep else first
        if last < first:
            raise InputError(f"--workdays: {part.strip()!r} runs backwards")
        days.update(range(first, last + 1))
    if not days:
        raise InputError("--workdays: give at least one day")
    return sorted(days)


def _add(args: argparse.Namespace, context: Context) -> int:
    from planner.domain.desk import add_executive, give_desk_own_to

    fields = _fields(args)
    added: list[Executive] = []
    given: list[tuple[Executive, tuple[str, ...]]] = []

    def change(document: Document) -> Document:
        given.clear()
        roster = document.roster
        if len(roster) == 1 and not roster[0].name:
            # A desk whose one executive has no name yet (a new desk): naming them is
            # what adding the first executive means.
            from planner.domain.desk import edit_executive

            first = document.roster[0]
            fields.setdefault("short", _short(fields.get("name", "")))
            changed, executive = edit_executive(document, first.id, fields)
        else:
            if len(roster) == 1:
                # The desk had one executive: the follow-ups of no executive were
                # captured for them (a line that names no one is for the executive).
                document, ids = give_desk_own_to(document, roster[0].id)
                given[:] = [(roster[0], ids)] if ids else []
            changed, executive = add_executive(document, fields)
        added.append(executive)
        return changed

    context.store.update(change)
    status = _print_one(args, context, added[-1], "Added")
    if given and not args.json:
        first, ids = given[-1]
        print(
            f"  {counted(len(ids), 'follow-up')} of no executive, captured when "
            f"{_describe(first)} was the only one, {'are' if len(ids) > 1 else 'is'} now "
            f"theirs: {', '.join(ids)}\n"
            "  (ea-planner move ID --desk makes one the desk's own again)",
            file=context.out,
        )
    return status


def _short(name: str) -> str:
    from planner.domain.executive import short_from

    return short_from(name)


def _edit(args: argparse.Namespace, context: Context) -> int:
    from planner.domain.desk import edit_executive
    from planner.domain.executive import find

    fields = _fields(args)
    if not fields:
        raise InputError("nothing to change: give --name, --short, --timezone, --workday, …")
    edited: list[Executive] = []

    def change(document: Document) -> Document:
        executive = find(document.roster, args.who, what="exec edit")
        changed, executive = edit_executive(document, executive.id, fields)
        edited.append(executive)
        return changed

    context.store.update(change)
    return _print_one(args, context, edited[-1], "Changed")


def _remove(args: argparse.Namespace, context: Context) -> int:
    from planner.domain.desk import Removal, remove_executive
    from planner.domain.executive import find

    done: list[Removal] = []

    def change(document: Document) -> Document:
        executive = find(document.roster, args.who, what="exec remove")
        target = (
            find(document.roster, args.move_to, what="--move-to").id
            if args.move_to is not None
            else None
        )
        changed, removal = remove_executive(document, executive.id, move_to=target)
        done.append(removal)
        return changed

    context.store.update(change)
    removal = done[-1]
    print(f"Removed {_describe(removal.executive)}", file=context.out)
    if removal.moved_followups or removal.moved_briefs:
        print(
            f"  moved {counted(removal.moved_followups, 'follow-up')} and "
            f"{counted(removal.moved_briefs, 'brief')} to +{args.move_to}",
            file=context.out,
        )
    if removal.events or removal.windows:
        print(
            f"  removed their {counted(removal.events, 'event')} and "
            f"{counted(removal.windows, 'marked moment')}",
            file=context.out,
        )
    for name in removal.calendars:
        print(f'  unsubscribed their calendar "{name}"', file=context.out)
    return 0


def _move(args: argparse.Namespace, context: Context) -> int:
    from planner.domain import lifecycle
    from planner.domain.desk import move_record
    from planner.domain.executive import find

    said: list[str] = []

    def change(document: Document) -> Document:
        record: Any
        if args.id.startswith("b-") and not args.desk:
            record = lifecycle.find(document.briefs, args.id, "brief")
        else:
            record = lifecycle.find(document.followups, args.id, "follow-up")
        if args.desk:
            import msgspec

            moved = msgspec.structs.replace(record, executive="")
            said.append(f"{record.id} is now the desk's own")
            return msgspec.structs.replace(
                document,
                followups=tuple(moved if f.id == record.id else f for f in document.followups),
            )
        target = find(document.roster, args.executive, what="--exec")
        changed, _ = move_record(document, record.id, target.id)
        said.append(f"Moved {record.id} to {_describe(target)}")
        return changed

    context.store.update(change)
    print(said[-1], file=context.out)
    return 0


def _describe(executive: Executive) -> str:
    from planner.domain.executive import describe

    return describe(executive)


def _list(args: argparse.Namespace, context: Context) -> int:
    import msgspec

    from planner.config import executive_zone
    from planner.domain.desk import open_records

    document = context.store.load()
    roster = document.roster
    if args.json:
        from planner.commands.options import print_json

        print_json(context, {"executives": msgspec.to_builtins(roster)})
        return 0
    for number, executive in enumerate(roster):
        rules = document.rules_for(executive.id)
        followups, briefs = open_records(document, executive.id)
        days = ",".join(_WEEKDAYS[d - 1] for d in executive.workdays)
        first = " (first: the default)" if number == 0 and len(roster) > 1 else ""
        print(f"+{executive.short:<10} {executive.name or '(no name)'}{first}", file=context.out)
        print(
            f"  {executive_zone(rules)} · {executive.workday_start}–{executive.workday_end} "
            f"{days} · {counted(len(followups), 'open follow-up')} · "
            f"{counted(len(briefs), 'queued brief')} · {executive.id}",
            file=context.out,
        )
    return 0


def _print_one(args: argparse.Namespace, context: Context, executive: Executive, verb: str) -> int:
    if args.json:
        import msgspec

        from planner.commands.options import print_json

        print_json(context, msgspec.to_builtins(executive))
        return 0
    print(f"{verb} {_describe(executive)} ({executive.id})", file=context.out)
    zone = executive.timezone or "the EA's zone"
    print(
        f"  {zone} · workday {executive.workday_start}–{executive.workday_end}",
        file=context.out,
    )
    return 0
