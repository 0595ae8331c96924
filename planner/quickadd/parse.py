"""The quick-add line: `Name: what it is about @Org by WHEN !prio #tag ~channel` → QuickAdd.

`parse` never raises on bad input: problems go into `QuickAdd.errors`, and every recognised
token is reported as a span so a live preview can show what was understood. Nothing is
dropped: a word that is not a token (or is a faulty one) stays in the summary. Kind words
(`complaint` …) set the kind and stay in the summary, being prose. `by`/`due` followed by
words that are no date is an error (a mistyped promise must not become the default one),
unless another `by`/`due` in the line did read a date; `due to` and a final `by` are prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

import pendulum

from planner.config import Settings
from planner.domain.followup import FOLLOWUP_KINDS, Channel, FollowUpKind
from planner.domain.priority import Priority
from planner.text import clean_line
from planner.when import WhenMatch, is_when_word, match_when

SpanRole = Literal["customer", "organization", "promise", "priority", "tag", "channel", "kind"]


class Span(NamedTuple):
    """Where a recognised token sits in the input: `text[start:end]`."""

    start: int
    end: int
    role: SpanRole


@dataclass(frozen=True)
class QuickAdd:
    """What one quick-add line says: the follow-up to create, or why it cannot be saved yet."""

    text: str
    """The input as given (spans index into it)."""
    customer: str
    """The `Name:` prefix, cleaned; "" when missing (which is an error)."""
    organization: str
    """The `@Org`, cleaned; "" when none."""
    internal: bool
    """True when the organisation is the executive's own (settings.own_organization)."""
    summary: str
    """Every word that is not a token, in order, cleaned."""
    kind: FollowUpKind
    kind_guessed: bool
    """True when no kind word was written and the kind was guessed from the summary."""
    channel: Channel
    channel_given: bool
    """True when a `~channel` was written (else: phone for complaints, email otherwise)."""
    priority: Priority
    tags: tuple[str, ...]
    """Without `#`, lower-cased, first occurrence order."""
    promised_by: pendulum.DateTime | None
    """The promise in the executive's zone; None when the WHEN (or the default) is in error."""
    promise_given: bool
    """False when no `by`/`due` was written and settings.default_promise was used."""
    errors: tuple[str, ...]
    """Short messages naming the offending text; empty when the line can be saved."""
    spans: tuple[Span, ...]
    """Recognised tokens, by position. A `kind` span overlaps the summary (the word stays)."""

    @property
    def ok(self) -> bool:
        """True when the line can be saved as a follow-up."""
        return not self.errors and self.promised_by is not None


# --- vocabulary -------------------------------------------------------------------------------

_PRIORITY_WORDS: dict[str, Priority] = {
    "1": "urgent",
    "urgent": "urgent",
    "2": "high",
    "high": "high",
    "3": "normal",
    "normal": "normal",
    "4": "low",
    "low": "low",
}
_CHANNEL_WORDS: dict[str, Channel] = {
    "phone": "phone",
    "call": "phone",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "in-person": "in-person",
    "inperson": "in-person",
    "meet": "in-person",
    "meeting": "in-person",
}
_PROMISE_WORDS = ("by", "due")
_MAX_WHEN_WORDS = 8
_TRAILING = ",;."
_TOKEN_STARTS = "@!#~"
_MAX_NAME_WORDS = 6

_CUSTOMER_MISSING = "no customer: start with a name and a colon, e.g. `Maria Ortiz: …`"
_SUMMARY_MISSING = "nothing to follow up: add what it is about"

_NOT_IN_WORD = r"(?<![\w-])(?:{})(?![\w-])"
_KIND_WORD = re.compile(
    _NOT_IN_WORD.format("complaint|request|concern|compliment|question"), re.IGNORECASE
)
_GUESSES: tuple[tuple[FollowUpKind, re.Pattern[str]], ...] = (
    (
        "complaint",
        re.compile(
            _NOT_IN_WORD.format(
                r"refunds?|refunded|charged twice|double[- ]charged|overcharged|broken|late"
                r"|angry|unhappy|upset|furious|rude|wrong|never arrived|damaged"
                r"|complain(?:s|ed|ing)?|cancel(?:s|led|ed|lation)?"
            ),
            re.IGNORECASE,
        ),
    ),
    (
        "concern",
        re.compile(
            _NOT_IN_WORD.format(r"worried|worries|concerns?|concerned|risks?|risky|unsure|nervous"),
            re.IGNORECASE,
        ),
    ),
    (
        "compliment",
        re.compile(
            _NOT_IN_WORD.format(r"thanks|thank you|great job|well done|happy with|praised?|kudos"),
            re.IGNORECASE,
        ),
    ),
    (
        "question",
        re.compile(
            _NOT_IN_WORD.format(r"ask|asks|asked|asking|wants to know|how do|how does"),
            re.IGNORECASE,
        ),
    ),
)
"""Keyword guesses, strongest first: a complaint that also says thanks is still a complaint."""

_TAG = re.compile(r"[\w/-]+")
_TIME_COLON = re.compile(r"\d:\d")


# --- lexing -----------------------------------------------------------------------------------


class _Lexeme(NamedTuple):
    start: int
    end: int
    text: str
    quoted_org: str | None = None
    """For `@"Multi Word Org"`: the text between the quotes."""


_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"\S+")


def _lex(text: str, pos: int) -> list[_Lexeme]:
    """Whitespace-separated words from `pos`, with `@"…"` / `@'…'` kept as one lexeme."""
    lexemes: list[_Lexeme] = []
    while found := _NON_SPACE.search(text, pos):
        i = found.start()
        if text.startswith(('@"', "@'"), i):
            close = text.find(text[i + 1], i + 2)
            if close >= 0:
                end = close + 1
                while end < len(text) and text[end] in _TRAILING:
                    end += 1
                lexemes.append(_Lexeme(i, end, text[i:end], text[i + 2 : close]))
                pos = end
                continue
        word = _WORD.match(text, i)
        assert word is not None
        lexemes.append(_Lexeme(i, word.end(), word.group()))
        pos = word.end()
    return lexemes


def _customer_prefix(text: str) -> tuple[str, Span] | None:
    """`Name:` at the start: 1–6 words before the first colon, not a time like 15:30."""
    colon = text.find(":")
    if colon < 0:
        return None
    looks_like_time = colon > 0 and _TIME_COLON.fullmatch(text, colon - 1, colon + 2)
    if looks_like_time or text.startswith("//", colon + 1):  # 15:30, https://
        return None
    words = text[:colon].split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS or any(w[0] in _TOKEN_STARTS for w in words):
        return None
    name = clean_line(text[:colon])
    if not name:
        return None
    start = len(text) - len(text.lstrip())
    return name, Span(start, colon + 1, "customer")


def _core(word: str) -> str:
    """A token's body: without its sigil and without trailing `,;.`."""
    return word[1:].rstrip(_TRAILING)


# --- the line ---------------------------------------------------------------------------------


class _Reading:
    """What the scan has found so far (mutable while scanning one line)."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.errors: list[str] = []
        self.organization = ""
        self.organization_text = ""
        self.priority: Priority | None = None
        self.priority_text = ""
        self.channel: Channel | None = None
        self.channel_text = ""
        self.tags: list[str] = []
        self.promises: list[tuple[str, WhenMatch]] = []
        """Each `by`/`due` that read a WHEN: (its text, what it read)."""
        self.unread_promises: list[tuple[str, str]] = []
        """Each `by`/`due` followed by words that are not a WHEN: (keyword, those words)."""

    def token(self, lexeme: _Lexeme, role: SpanRole) -> None:
        self.spans.append(Span(lexeme.start, lexeme.end, role))


def _read_organization(reading: _Reading, lexeme: _Lexeme) -> None:
    if lexeme.quoted_org is not None:
        name = clean_line(lexeme.quoted_org)
        if not name:
            reading.errors.append(f"empty organisation: {lexeme.text!r}")
            return
    else:
        name = _core(lexeme.text)
        if name[:1] in ("'", '"'):
            reading.errors.append(f"the quote after @ is not closed: {lexeme.text!r}")
            return
        if not name[:1].isalnum():
            return  # a lone "@" or "@)" is prose
        name = clean_line(name)
    if reading.organization:
        reading.errors.append(
            f"more than one organisation: {reading.organization_text!r} and {lexeme.text!r}"
        )
        return
    reading.organization, reading.organization_text = name, lexeme.text
    reading.token(lexeme, "organization")


def _read_priority(reading: _Reading, lexeme: _Lexeme) -> None:
    core = _core(lexeme.text)
    if not core[:1].isalnum():
        return  # "!" or "!!!" is prose
    priority = _PRIORITY_WORDS.get(core.lower())
    if priority is None:
        reading.errors.append(
            f"unknown priority {'!' + core!r}: use !1–!4 or !urgent, !high, !normal, !low"
        )
    elif reading.priority is not None:
        reading.errors.append(
            f"more than one priority: {reading.priority_text!r} and {'!' + core!r}"
        )
    else:
        reading.priority, reading.priority_text = priority, "!" + core
        reading.token(lexeme, "priority")


def _read_tag(reading: _Reading, lexeme: _Lexeme) -> None:
    core = _core(lexeme.text)
    if not core[:1].isalpha():
        return  # "#4521" is an order number, not a tag
    if not _TAG.fullmatch(core):
        reading.errors.append(f"not a tag: {lexeme.text!r} (use letters, digits, - _ /)")
        return
    tag = core.lower()
    if tag not in reading.tags:
        reading.tags.append(tag)
    reading.token(lexeme, "tag")


def _read_channel(reading: _Reading, lexeme: _Lexeme) -> None:
    core = _core(lexeme.text)
    if not core[:1].isalpha():
        return  # "~5 min" is prose
    channel = _CHANNEL_WORDS.get(core.lower())
    if channel is None:
        reading.errors.append(f"unknown channel {'~' + core!r}: use ~phone, ~email or ~in-person")
    elif reading.channel is not None:
        reading.errors.append(f"more than one channel: {reading.channel_text!r} and {'~' + core!r}")
    else:
        reading.channel, reading.channel_text = channel, "~" + core
        reading.token(lexeme, "channel")


def _read_promise(
    reading: _Reading,
    lexemes: list[_Lexeme],
    k: int,
    now: pendulum.DateTime,
    settings: Settings,
) -> int:
    """`by WHEN` / `due WHEN` at lexemes[k]: how many lexemes after it the WHEN took."""
    keyword = lexemes[k].text.lower()
    following: list[_Lexeme] = []
    for lexeme in lexemes[k + 1 : k + 1 + _MAX_WHEN_WORDS]:
        if lexeme.quoted_org is not None or lexeme.text[0] in _TOKEN_STARTS:
            break
        following.append(lexeme)
    if not following or (keyword == "due" and following[0].text.lower() == "to"):
        return 0  # "stopped by", "due to the delay": prose
    words = [lexeme.text for lexeme in following]
    found = match_when(words, now=now, settings=settings)
    if found.words == 0:
        unread: list[str] = []
        for word in words:
            unread.append(word)
            if not is_when_word(word):
                break
        reading.unread_promises.append((keyword, " ".join(unread)))
        return 0
    last = following[found.words - 1]
    reading.spans.append(Span(lexemes[k].start, last.end, "promise"))
    reading.promises.append((f"{lexemes[k].text} {' '.join(words[: found.words])}", found))
    return found.words


def _scan(text: str, start: int, now: pendulum.DateTime, settings: Settings) -> _Reading:
    reading = _Reading()
    lexemes = _lex(text, start)
    k = 0
    while k < len(lexemes):
        lexeme = lexemes[k]
        sigil = lexeme.text[0]
        if lexeme.quoted_org is not None or sigil == "@":
            _read_organization(reading, lexeme)
        elif sigil == "!":
            _read_priority(reading, lexeme)
        elif sigil == "#":
            _read_tag(reading, lexeme)
        elif sigil == "~":
            _read_channel(reading, lexeme)
        elif lexeme.text.lower() in _PROMISE_WORDS:
            k += _read_promise(reading, lexemes, k, now, settings)
        k += 1
    return reading


def _promise(
    reading: _Reading, now: pendulum.DateTime, settings: Settings
) -> tuple[pendulum.DateTime | None, bool, list[str]]:
    """(promised_by, promise_given, errors) from the `by`/`due` found, or the default."""
    if len(reading.promises) > 1:
        first, second = reading.promises[0][0], reading.promises[1][0]
        return (
            reading.promises[0][1].value,
            True,
            [f"more than one promise: {first!r} and {second!r}"],
        )
    if reading.promises:
        found = reading.promises[0][1]
        return found.value, True, [found.error] if found.error else []
    if reading.unread_promises:
        keyword, words = reading.unread_promises[0]
        return None, True, [f"could not read a date after `{keyword}`: {words!r}"]
    default = settings.default_promise
    found = match_when(default.split(), now=now, settings=settings)
    if found.words == 0 or found.words < len(default.split()):
        return None, False, [f"settings: default_promise {default!r} is not a date phrase"]
    if found.error:
        return None, False, [f"default promise ({default}): {found.error}"]
    return found.value, False, []


def _summary(text: str, spans: list[Span]) -> str:
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return clean_line("".join(chars))


def _kind(text: str, covered: list[Span]) -> Span | None:
    """The first standalone kind word outside the tokens (it stays in the summary)."""
    for found in _KIND_WORD.finditer(text):
        if not any(s.start < found.end() and found.start() < s.end for s in covered):
            return Span(found.start(), found.end(), "kind")
    return None


def guess_kind(summary: str) -> FollowUpKind:
    """The kind a summary suggests when no kind word was written ("wants refund" → complaint)."""
    for kind, pattern in _GUESSES:
        if pattern.search(summary):
            return kind
    return "question" if summary.rstrip().endswith("?") else "request"


def parse(text: str, *, now: pendulum.DateTime, settings: Settings) -> QuickAdd:
    """Read one quick-add line. Never raises for bad input: see `QuickAdd.errors`."""
    errors: list[str] = []
    prefix = _customer_prefix(text)
    customer = ""
    spans: list[Span] = []
    if prefix is None:
        errors.append(_CUSTOMER_MISSING)
    else:
        customer = prefix[0]
        spans.append(prefix[1])
    reading = _scan(text, prefix[1].end if prefix else 0, now, settings)
    spans += reading.spans
    errors += reading.errors
    promised_by, promise_given, promise_errors = _promise(reading, now, settings)
    errors += promise_errors

    summary = _summary(text, spans)
    if not summary:
        errors.append(_SUMMARY_MISSING)
    kind_span = _kind(text, spans)
    if kind_span is not None:
        kind = _KIND_WORD.fullmatch(text, kind_span.start, kind_span.end)
        assert kind is not None
        kind_word: FollowUpKind = _as_kind(kind.group().lower())
        spans.append(kind_span)
    else:
        kind_word = guess_kind(summary)
    channel: Channel = reading.channel or ("phone" if kind_word == "complaint" else "email")
    own = clean_line(settings.own_organization).casefold()
    return QuickAdd(
        text=text,
        customer=customer,
        organization=reading.organization,
        internal=bool(own) and reading.organization.casefold() == own,
        summary=summary,
        kind=kind_word,
        kind_guessed=kind_span is None,
        channel=channel,
        channel_given=reading.channel is not None,
        priority=reading.priority or "normal",
        tags=tuple(reading.tags),
        promised_by=promised_by,
        promise_given=promise_given,
        errors=tuple(errors),
        spans=tuple(sorted(spans)),
    )


def _as_kind(word: str) -> FollowUpKind:
    for kind in FOLLOWUP_KINDS:
        if word == kind:
            return kind
    raise AssertionError(word)
