"""`+Short` in a quick-add line: whose follow-up it is, on a desk of several executives.

`+Dana` names the executive whose short name starts with `dana` (case does not matter; a
whole short name wins over a longer one it begins). Without it, the line is for the
executive in view. The rest of the line is read with that executive's rules (their zone,
workday and organisation), so `by eod` is the end of *their* workday. An unknown or
ambiguous `+Short`, or two of them, is an error naming the executives there are; `+1`
or a lone `+` is prose (a phone number, a plus).

`+desk` makes the follow-up the desk's own (no executive's: the EA's own matter), read
with the rules of the executive in view; unless an executive's short name is `desk`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import datetime

import pendulum

from planner.domain.document import Document
from planner.domain.executive import Executive, describe, find
from planner.errors import InputError
from planner.quickadd.parse import parse
from planner.quickadd.parsed import QuickAdd, Span

_TOKEN = re.compile(r"(?<!\S)\+([A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*)[,;.]?(?=:|\s|$)")
"""`+Short` as a word of its own (trailing `,;.` go with it, as after other tokens; a
`:` after it stays: `Omar +Lee: …` names the customer Omar)."""


@dataclass(frozen=True)
class ExecutiveLine:
    """A quick-add line read for one executive of the desk."""

    line: QuickAdd
    """The line as read with the executive's rules; `+Short` is not in the summary, it is
    a span of role `executive`, and an error about it is among `line.errors`."""
    executive: Executive | None
    """Whose follow-up it is; None when `+Short` names no executive, or several."""
    named: bool
    """True when the line said whom with `+Short` (else: the executive in view)."""
    span: tuple[int, int] | None = None
    """Where `+Short` sits in the text, for the preview."""
    desk: bool = False
    """True when the line said `+desk`: the desk's own follow-up (no executive);
    `executive` is then the one in view, whose rules read the line."""

    @property
    def owner(self) -> str:
        """The `executive` of the follow-up the line makes: the executive's id, or "" for
        the desk's own (`+desk`)."""
        if self.desk or self.executive is None:
            return ""
        return self.executive.id

    @property
    def ok(self) -> bool:
        return self.line.ok and self.executive is not None


def parse_for(
    text: str, *, now: pendulum.DateTime, document: Document, in_view: str | None = None
) -> ExecutiveLine:
    """Read `text` for the executive it names with `+Short`, else the one of id `in_view`
    (None: the first). Never raises for bad input."""
    roster = document.roster
    default = document.executive(in_view) if in_view else roster[0]
    tokens = list(_TOKEN.finditer(text))
    errors: list[str] = []
    executive: Executive | None = default
    span: tuple[int, int] | None = None
    desk = False
    if len(tokens) > 1:
        errors.append("more than one executive: " + " and ".join(repr(t.group(0)) for t in tokens))
        executive = None
    elif tokens:
        token = tokens[0]
        span = (token.start(), token.end())
        if is_desk(token.group(1), roster):
            desk = True
        else:
            try:
                executive = find(roster, "+" + token.group(1), what="")
            except InputError as exc:
                errors.append(exc.message)
                executive = None
    masked = text
    for token in tokens:
        # Blanks keep every other token's position: the spans still index `text`.
        masked = (
            masked[: token.start()] + " " * (token.end() - token.start()) + masked[token.end() :]
        )
    settings = document.rules_for(executive.id if executive is not None else default.id)
    line = parse(masked, now=now, settings=settings)
    spans = line.spans
    if span is not None:
        spans = tuple(sorted((*spans, Span(span[0], span[1], "executive")), key=lambda s: s[:2]))
    line = dataclasses.replace(line, text=text, errors=(*errors, *line.errors), spans=spans)
    return ExecutiveLine(
        line=line, executive=executive, named=bool(tokens) and not desk, span=span, desk=desk
    )


def parse_for_matter(
    text: str,
    *,
    now: pendulum.DateTime,
    document: Document,
    matter_executive: str,
    in_view: str | None = None,
) -> ExecutiveLine:
    """A repeat caller's line, read to be noted on their open matter, whose `executive`
    field is `matter_executive` ("" the desk's own, read with the first executive's rules).

    Unless the line names an executive with `+Short` (the EA's word wins), it is read with
    the rules of the matter's executive, as if it said their `+Short`: "by noon" on Lee's
    matter is noon on Lee's clock, whoever is in view. Never raises for bad input."""
    as_typed = parse_for(text, now=now, document=document, in_view=in_view)
    if as_typed.named or as_typed.desk:
        return as_typed
    owner = document.owner(matter_executive)
    if as_typed.executive is not None and as_typed.executive.id == owner:
        return as_typed
    return parse_for(text, now=now, document=document, in_view=owner)


def whose(document: Document, executive: str) -> str:
    """`Lee's` for a record of that executive on a desk of several (`the desk's own` for
    one of no executive); "" on a desk of one, where nothing needs saying."""
    if len(document.roster) <= 1:
        return ""
    if not executive:
        return "the desk's own"
    return f"{document.executive(executive).short}'s"


def on_clock(moment: datetime, now: datetime, zone: str, shown_in: str) -> str:
    """`humanize.when` of `moment` on the clock of `zone`, with the zone's place after the
    time (`Thu 10 Dec 12:00 London (today)`) when that is not `shown_in`, the zone of the
    times around it."""
    from planner.humanize import when

    words = when(moment, now, zone)
    if zone == shown_in:
        return words
    place = zone.rsplit("/", 1)[-1].replace("_", " ")
    head, paren, tail = words.partition(" (")
    return f"{head} {place}{paren}{tail}"


DESK = "desk"
"""`+desk` and `--exec desk`: the desk's own (no executive)."""


def is_desk(short: str, roster: tuple[Executive, ...]) -> bool:
    """Whether `short` (without its `+`) means the desk's own: `desk`, unless an executive's
    short name is `desk`."""
    word = short.strip().lstrip("+").casefold()
    return word == DESK and all(x.short.casefold() != DESK for x in roster)


def whom(result: ExecutiveLine) -> str:
    """`+Lee (Lee Okafor)` for the preview and `add`; "the desk's own" for `+desk`; ""
    when in error."""
    if result.desk:
        return "the desk's own (+desk)"
    return describe(result.executive) if result.executive is not None else ""
