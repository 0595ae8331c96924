"""The plain-text subcommands, one module each.

Every module named in COMMANDS provides `register(subparsers, parent)` to add its
argparse sub-parser and `run(args, context) -> int`. Modules import only what
their parser needs at module level; the rest is imported inside `run`, so that
`ea-planner --help` and each command start fast. None of them imports Textual.
"""

COMMANDS: dict[str, str] = {
    "add": "planner.commands.add",
    "today": "planner.commands.today",
    "agenda": "planner.commands.agenda",
    "show": "planner.commands.show",
    "search": "planner.commands.search",
    "import": "planner.commands.import_ics",
    "calendar": "planner.commands.calendar",
    "sync": "planner.commands.sync",
    "event": "planner.commands.event",
    "closeout": "planner.commands.closeout",
    "note": "planner.commands.followup",
    "promise": "planner.commands.followup",
    "start": "planner.commands.followup",
    "wait": "planner.commands.followup",
    "resume": "planner.commands.followup",
    "escalate": "planner.commands.followup",
    "resolve": "planner.commands.followup",
    "drop": "planner.commands.followup",
    "brief": "planner.commands.brief",
    "moment": "planner.commands.moment",
    "remind": "planner.commands.remind",
    "export": "planner.commands.export",
    "exec": "planner.commands.executive",
    "move": "planner.commands.executive",
    "completion": "planner.commands.completion",
    "manpage": "planner.commands.completion",
}
"""Command name -> the module that registers and runs it (in `--help` order)."""
