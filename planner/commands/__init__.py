"""The plain-text subcommands, one module each.

Every module named in COMMANDS provides `register(subparsers, parent)` to add its
argparse sub-parser and `run(args, context) -> int`. Modules import only what
their parser needs at module level; the rest is imported inside `run`, so that
`ea-planner --help` and each command start fast. None of them imports Textual.
"""

COMMANDS: tuple[str, ...] = (
    "planner.commands.add",
    "planner.commands.today",
    "planner.commands.import_ics",
    "planner.commands.event",
    "planner.commands.closeout",
    "planner.commands.followup",
    "planner.commands.brief",
    "planner.commands.moment",
)
