"""The quick-add line: `Name: what it is about @Org by WHEN !prio #tag ~channel` → QuickAdd.

`parse` never raises on bad input: problems go into `QuickAdd.errors`, readings taken where
words could mean two things go into `QuickAdd.notes`, and every recognised token is
reported as a span so a live preview can show what was understood. Nothing is dropped: a
word that is not a token (or is a faulty one) stays in the summary.

The promise: `by`/`due`/`before WHEN` anywhere; without a keyword only the forms that
cannot be anything else — `asap`, `in 2 hours`, `within the hour`, `eod`, `cob`, `end of
day`, `end of week` — and the first of those wins. A WHEN phrase elsewhere in the line
(`meeting moved to friday`) is prose and stays in the summary; when no promise was given
the preview says how to make it one. `by`/`due` followed by words that are no date is an
error (a mistyped promise must not become the default one), unless another promise was
read; `due to`, `stopped by` and a final `by` are prose; `before` + no date is prose.

Priority, channel and kind also come from plain words (planner.quickadd.words);
a written `!priority` / `~channel` wins over them.
"""

from __future__ import annotations

import pendulum

from planner.config import Settings
from planner.domain.base import FIRST_YEAR, LAST_YEAR
from planner.domain.followup import Channel, FollowUpKind
from planner.quickadd.customer import (
    GET_BACK_VERBS,
    missing_customer,
    read_customer,
    where_they_are,
)
from planner.quickadd.parsed import QuickAdd, Span
from planner.quickadd.promise import (
    ASAP,
    MOTION,
    PROMISE_WORDS,
    chosen_promise,
    default_promise,
    prose_when_notes,
    read_alone,
    read_promise,
    trailing_when,
)
from planner.quickadd.summary import mask, release_punctuation, summary_of, take_dangling
from planner.quickadd.tokens import (
    Reading,
    lex,
    read_channel,
    read_organization,
    read_priority,
    read_tag,
)
from planner.quickadd.words import (
    channel_words,
    guess_kind,
    is_asap,
    kind_word,
    priority_words,
    reached_by,
)
from planner.text import clean_line
from planner.when import match_when, promise_flags

_SUMMARY_MISSING = "nothing to follow up: add what it is about"


def _scan(text: str, start: int, now: pendulum.DateTime, settings: Settings) -> Reading:
    reading = Reading()
    lexemes = lex(text, start)
    k = 0
    while k < len(lexemes):
        lexeme = lexemes[k]
        sigil = lexeme.text[0]
        if lexeme.quoted_org is not None or sigil == "@":
            read_organization(reading, lexeme)
        elif sigil == "!":
            read_priority(reading, lexeme)
        elif sigil == "#":
            read_tag(reading, lexeme)
        elif sigil == "~":
            read_channel(reading, lexeme)
        elif lexeme.text.lower() in PROMISE_WORDS:
            after_motion = k > 0 and lexemes[k - 1].text.lower().rstrip(",;.") in MOTION
            if not (after_motion and lexeme.text.lower() == "by"):  # "stopped by to say …"
                k += read_promise(reading, lexemes, k, now, settings)
        else:
            taken = read_alone(reading, lexemes, k, now, settings)
            k += max(taken - 1, 0)
        k += 1
    return reading


def parse(text: str, *, now: pendulum.DateTime, settings: Settings) -> QuickAdd:
    """Read one quick-add line. Never raises for bad input: see `QuickAdd.errors`."""
    errors: list[str] = []
    notes: list[str] = []
    customer = read_customer(text)
    spans: list[Span] = [Span(start, end, role) for start, end, role in customer.spans]
    if not customer.name:
        errors.append(missing_customer(text))
    if customer.error:
        errors.append(customer.error)
    reading = _scan(text, customer.end, now, settings)
    if customer.organization:
        reading_org = reading.organization_text
        if reading_org:
            errors.append(
                f"more than one organisation: {customer.organization_text!r} and {reading_org!r}"
            )
            spans += [s for s in reading.spans if s.role != "organization"]
        else:
            spans += reading.spans
        organization = customer.organization
    else:
        spans += reading.spans
        organization = reading.organization
        where = where_they_are(mask(text, spans), customer.end) if not organization else None
        if where is not None:
            spans.append(Span(where[0], where[1], "organization"))
            organization = where[2]
            phrase = text[where[0] : where[1]].strip(",; ")
            notes.append(f"organisation {organization} (from {phrase!r})")
    errors += reading.errors

    promise, promise_errors = chosen_promise(reading, notes)
    errors += promise_errors
    if promise is None and not reading.unread_promises:
        promise = trailing_when(text, spans, customer.end, now, settings)
        if promise is not None:
            reading.alone.append(promise)
            notes.append(f"{promise.text!r} at the end read as the promise (no `by`)")
    if promise is None and reading.gone_by and not reading.unread_promises:
        promise = reading.gone_by[0]
        reading.alone.append(promise)
    elif promise is not None:
        for passed in reading.gone_by:
            notes.append(
                f"{passed.text!r} stays in the summary: that date has passed this year "
                f"(the promise is {promise.text!r})"
            )
    if promise is not None and promise in reading.alone:
        spans.append(promise.span)
    promise_given = promise is not None or bool(reading.unread_promises)
    promised_by: pendulum.DateTime | None = None
    if promise is not None:
        promised_by = promise.found.value
        if promise.found.error:
            errors.append(promise.found.error)
        notes += promise.found.notes
    elif reading.unread_promises:
        keyword, words = reading.unread_promises[0]
        errors.append(f"could not read a date after `{keyword}`: {words!r}")

    masked = mask(text, spans)
    priority = reading.priority
    plain_priority, priority_found = priority_words(masked)
    for word in priority_found:
        spans.append(Span(word.start, word.end, "priority", kept=True))
    asap = next((w for w in priority_found if is_asap(w.word)), None)
    if promise is not None and ASAP.search(promise.text):
        plain_priority = "urgent"  # `by asap`
    said = [repr(w.word) for w in priority_found] or [repr(promise.text if promise else "")]
    if priority is None:
        priority = plain_priority
        if plain_priority:
            notes.append(f"priority {plain_priority} (from {', '.join(said)})")
    elif plain_priority and plain_priority != priority:
        notes.append(
            f"{said[0]} in the text: priority stays {priority}, as written "
            f"({reading.priority_text})"
        )

    if promise is None and not reading.unread_promises and asap is not None:
        found = match_when([asap.word], now=now, settings=settings)
        promised_by, promise_given = found.value, True
        notes.append(f"{asap.word!r} read as the promise: within {settings.asap_minutes} min")
    elif promise is None and not reading.unread_promises:
        promised_by, default_errors = default_promise(now, settings)
        errors += default_errors
        notes += prose_when_notes(masked, customer.end, now, settings)

    kind: FollowUpKind
    written_kind = kind_word(mask(text, spans))
    if written_kind is not None:
        kind = written_kind.kind
        label = written_kind.label
        spans.append(Span(written_kind.start, written_kind.end, "kind", kept=not label))
        if label:
            notes.append(f"{kind!r} labels the line: kind {kind}, left out of the summary")
    spans = take_dangling(text, release_punctuation(text, spans, customer.end), customer.end)
    summary = summary_of(text, spans)
    if not summary:
        errors.append(_SUMMARY_MISSING)
    if written_kind is None:
        kind = guess_kind(summary)

    channel = reading.channel
    if channel is None:
        channel, channel_found = channel_words(mask(text, spans), customer.end)
        for word in channel_found:
            spans.append(Span(word.start, word.end, "channel", kept=True))
        if channel is not None:
            notes.append(f"channel {channel} (from {channel_found[0].word!r})")
        elif (reached := reached_by(mask(text, spans), customer.end)) is not None:
            channel = reached[0]
            spans.append(Span(reached[1].start, reached[1].end, "channel", kept=True))
            notes.append(f"channel {channel}, as they reached you ({reached[1].word!r})")
        elif customer.channel is not None:
            channel = customer.channel
            how = "" if customer.verb.lower() in GET_BACK_VERBS else ", as they reached you"
            notes.append(f"channel {channel}{how} ({customer.verb!r})")
    channel_given = channel is not None
    final_channel: Channel = channel or ("phone" if kind == "complaint" else "email")

    if promised_by is not None and promise_given:
        notes += promise_flags(promised_by, settings)
    if promised_by is not None and not FIRST_YEAR <= promised_by.year <= LAST_YEAR:
        errors.append(f"the promise must be in the years {FIRST_YEAR} to {LAST_YEAR}")
        promised_by = None
    own = clean_line(settings.own_organization).casefold()
    return QuickAdd(
        text=text,
        customer=customer.name,
        organization=organization,
        internal=customer.internal or (bool(own) and organization.casefold() == own),
        summary=summary,
        kind=kind,
        kind_guessed=written_kind is None,
        channel=final_channel,
        channel_given=channel_given,
        priority=priority or "normal",
        tags=tuple(reading.tags),
        promised_by=promised_by,
        promise_given=promise_given,
        errors=tuple(dict.fromkeys(errors)),
        spans=tuple(sorted(spans)),
        notes=tuple(dict.fromkeys(notes)),
    )
