"""Priority, channel and kind read from plain words of a quick-add line.

The words stay in the summary (they are prose: "call back", "urgent"), except a kind
word that only labels the line. The rule for kind words:

- A kind word is a *label*, and leaves the summary, when it is set apart: first, followed
  by `:` `,` `-` `–` or `—` ("Complaint: invoice charged twice"); last, after `,` `;` `-`
  `–` `—` or in brackets ("invoice charged twice - complaint", "… (concern)"); or last
  and bare when neither of the two words before it is an article, possessive or
  preposition and at least two words remain ("invoice charged twice complaint").
- Otherwise it is part of the sentence and stays ("Question about the board pack",
  "raised a concern about travel"). Either way it sets the kind.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from planner.domain.followup import FOLLOWUP_KINDS, Channel, FollowUpKind
from planner.domain.priority import Priority

_NOT_IN_WORD = r"(?<![\w-])(?:{})(?![\w-])"

# --- priority ---------------------------------------------------------------------------------

_PRIORITY_WORDS = re.compile(
    _NOT_IN_WORD.format(
        r"urgent|urgently|asap|a\.s\.a\.p\.?|as soon as possible|important"
        r"|(?:top|high|low)[ -]priority"
    ),
    re.IGNORECASE,
)
_NEGATION = re.compile(r"(?:\bnot|\bno|\bnon|\bisn't|\bnothing|\bnever)[ -]*(?:very |that |so )?$")
_RANK: dict[Priority, int] = {"urgent": 0, "high": 1, "normal": 2, "low": 3}


class WordReading(NamedTuple):
    """A plain word (or phrase) that set a field: where it is and what it said."""

    start: int
    end: int
    word: str


def _priority_of(word: str) -> Priority:
    w = word.lower()
    if w.startswith("important") or w.startswith("high"):
        return "high"
    if w.startswith("low"):
        return "low"
    return "urgent"


def priority_words(masked: str) -> tuple[Priority | None, list[WordReading]]:
    """The strongest priority the plain words ask for ("urgent", "asap", "important"),
    skipping negated ones ("not urgent"), and where each such word is."""
    found: list[WordReading] = []
    best: Priority | None = None
    for m in _PRIORITY_WORDS.finditer(masked):
        if _NEGATION.search(masked[max(0, m.start() - 16) : m.start()]):
            continue
        found.append(WordReading(m.start(), m.end(), m.group()))
        priority = _priority_of(m.group())
        if best is None or _RANK[priority] < _RANK[best]:
            best = priority
    return best, found


def is_asap(word: str) -> bool:
    """True for the ASAP words (which also set a promise when none is given)."""
    return word.lower().rstrip(".").replace(".", "") == "asap" or word.lower() == (
        "as soon as possible"
    )


# --- channel ----------------------------------------------------------------------------------

_OBJECT = r"(?:her|him|them|me|us|(?-i:[A-Z][\w'’-]+))"
_CHANNEL_PHRASES: tuple[tuple[Channel, re.Pattern[str]], ...] = (
    (
        "phone",
        re.compile(
            _NOT_IN_WORD.format(
                rf"call(?:ing)?\s+(?:{_OBJECT}\s+)?back|call-?back|ring(?:ing)?\s+(?:{_OBJECT}\s+)?back"
                rf"|phone\s+(?:{_OBJECT}\s+)?back|(?:call|ring|phone)\s+{_OBJECT}"
                rf"|give\s+{_OBJECT}\s+a\s+(?:call|ring|buzz)|(?:by|over the|on the)\s+phone"
                r"|wants? a call|asked for a call|return(?:ing)? (?:her|his|their|the) call"
            ),
            re.IGNORECASE,
        ),
    ),
    (
        "email",
        re.compile(
            _NOT_IN_WORD.format(
                rf"e-?mail\s+(?:{_OBJECT}|back)|write\s+(?:{_OBJECT}\s+)?back|write\s+to\s+{_OBJECT}"
                rf"|reply\s+by\s+e-?mail|(?:by|via|over)\s+e-?mail|send\s+{_OBJECT}\s+an?\s+e-?mail"
                rf"|drop\s+{_OBJECT}\s+(?:an?\s+e-?mail|a\s+line|a\s+note)"
            ),
            re.IGNORECASE,
        ),
    ),
    (
        "in-person",
        re.compile(
            _NOT_IN_WORD.format(
                rf"in[ -]person|face[ -]to[ -]face|meet\s+(?:with\s+)?{_OBJECT}|f2f"
            ),
            re.IGNORECASE,
        ),
    ),
)
"""Phrases that say how to get back. Object pronouns and capitalised names only, so
"the call went badly" or "after the meeting" say nothing about the channel."""
_IMPERATIVE = re.compile(r"\s*(?:please\s+)?(call|ring|phone|e-?mail|write)\b", re.IGNORECASE)


_REACHED = re.compile(r"\s*(called|rang|phoned|e-?mailed|wrote|texted)(?![\w-])", re.IGNORECASE)


def reached_by(masked: str, summary_start: int) -> tuple[Channel, WordReading] | None:
    """How the customer reached out, when the summary starts by saying it ("called again,
    …"): the channel to reply on when nothing else says one."""
    m = _REACHED.match(masked, summary_start)
    if m is None:
        return None
    verb = m.group(1)
    said: Channel = "email" if verb.lower() in ("emailed", "e-mailed", "wrote") else "phone"
    return said, WordReading(m.start(1), m.end(1), verb)


def channel_words(masked: str, summary_start: int) -> tuple[Channel | None, list[WordReading]]:
    """The channel the plain words ask for: the first phrase that says one, and all found."""
    found: list[tuple[WordReading, Channel]] = []
    for channel, pattern in _CHANNEL_PHRASES:
        for m in pattern.finditer(masked):
            found.append((WordReading(m.start(), m.end(), m.group()), channel))
    if imperative := _IMPERATIVE.match(masked, summary_start):
        verb = imperative.group(1)
        said: Channel = "phone" if verb.lower() in ("call", "ring", "phone") else "email"
        found.append((WordReading(imperative.start(1), imperative.end(1), verb), said))
    if not found:
        return None, []
    found.sort(key=lambda item: (item[0].start, -item[0].end))
    return found[0][1], [reading for reading, _ in found]


# --- kind -------------------------------------------------------------------------------------

KIND_WORD = re.compile(
    _NOT_IN_WORD.format("complaint|request|concern|compliment|question"), re.IGNORECASE
)
_BINDING = frozenset(
    {
        "a", "an", "the", "her", "his", "their", "my", "our", "your", "its", "this", "that",
        "any", "another", "some", "no", "one", "of", "about", "with", "for", "to", "in", "on",
        "re", "a-", "new", "big", "small", "serious", "real", "general", "quick", "main",
    }
)  # fmt: skip
_LEADING_SEPARATOR = re.compile(r"\s*[:,\-–—]")
_TRAILING_SEPARATOR = re.compile(r"[,;\-–—(]\s*$")


class KindWord(NamedTuple):
    kind: FollowUpKind
    start: int
    end: int
    """The word, or with a label its separator too (`Complaint:`, `, concern`, `(concern)`)."""
    label: bool
    """True when the word only labels the line: it leaves the summary."""


def kind_word(masked: str) -> KindWord | None:
    """The first standalone kind word of the summary text, and whether it is a label."""
    m = KIND_WORD.search(masked)
    if m is None:
        return None
    kind = _as_kind(m.group().lower())
    before, after = masked[: m.start()], masked[m.end() :]
    words_before, words_after = before.split(), after.split()
    if before.rstrip().endswith("(") and after.lstrip().startswith(")"):  # "… (complaint) …"
        opening = len(before.rstrip()) - 1
        closing = m.end() + (len(after) - len(after.lstrip())) + 1
        return KindWord(kind, opening, closing, True)
    if not words_before and words_after and (sep := _LEADING_SEPARATOR.match(after)):
        return KindWord(kind, m.start(), m.end() + sep.end(), True)
    rest = after.strip()
    if (
        words_before
        and rest in ("", ")", ".", "!", ").")
        and ((tail := _TRAILING_SEPARATOR.search(before)) is not None)
    ):
        end = m.end() + (len(after) - len(after.lstrip())) + (1 if rest.startswith(")") else 0)
        return KindWord(kind, tail.start(), end, True)
    if (
        rest in ("", ".", "!")
        and len(words_before) >= 2
        and not any(w.lower().strip(",;.") in _BINDING for w in words_before[-2:])
    ):
        return KindWord(kind, m.start(), m.end(), True)
    return KindWord(kind, m.start(), m.end(), False)


def _as_kind(word: str) -> FollowUpKind:
    for kind in FOLLOWUP_KINDS:
        if word == kind:
            return kind
    raise AssertionError(word)


_GUESSES: tuple[tuple[FollowUpKind, re.Pattern[str]], ...] = (
    (
        "complaint",
        re.compile(
            _NOT_IN_WORD.format(
                r"refunds?|refunded|charged twice|double[- ]charged|overcharged|broken|late"
                r"|angry|unhappy|upset|furious|rude|wrong|never arrived|damaged"
                r"|complain(?:s|ed|ing)?|cancel(?:s|led|ed|lation)?|disputes?|disputed"
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


def guess_kind(summary: str) -> FollowUpKind:
    """The kind a summary suggests when no kind word was written ("wants refund" → complaint)."""
    for kind, pattern in _GUESSES:
        if pattern.search(summary):
            return kind
    return "question" if summary.rstrip().endswith("?") else "request"
