"""Who the follow-up is for: the customer forms at the start of a quick-add line.

- `Maria Ortiz: …` — the main form: 1–6 words before the first colon.
- `Maria Ortiz @Acme: …`, `Zoë O'Brien @"Acme Corp": …` — with the organisation.
- `Jana Novak (Tessmann) emailed - …`, `Dr. Sabine Kessler (Alpenbank) - …` — the
  organisation in brackets after the name; `(Tessmann internal)` marks it internal.
- `José Núñez from Acme called, …`, `Maria Ortiz from "Acme Corp" rang …`,
  `Ann Lee called about …` — the way a message slip starts: a name (capitalised), an
  optional `from <Org>`, then called / rang / phoned / emailed / wrote / texted /
  stopped by / dropped by / came by / left a message (`called again` drops the again).
- `Call Jenny Ruiz back re: …`, `Email Ann Lee about …` — a note to get back: call / ring /
  phone / email, the name (capitalised), then back / re / about / a separator.
- `spoke w/ Raj from Litware - …`, `talked to Ann Lee: …` — a note of a conversation: spoke
  with / talked to / met with / heard from, the name, an optional `from <Org>`, a separator.
- `Ken Adams @Tailspin wants …` — the name (each word capitalised) and `@Org`, no colon.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from planner.domain.followup import Channel
from planner.text import clean_line

CUSTOMER_FORMS = "`Name: …`, `Name @Org: …` or `Name from Org called, …`"
CUSTOMER_MISSING = f"no customer: start with {CUSTOMER_FORMS}"

_MAX_NAME_WORDS = 6
_TOKEN_STARTS = "@!#~"
_TIME_COLON = re.compile(r"\d:\d")

_NAME_WORD = r"[^\W\d_][\w'’.\-]*"
_VERBS = (
    r"called(?:\s+in)?|rang(?:\s+up)?|phoned(?:\s+in)?|e-?mailed|wrote(?:\s+in)?|texted"
    r"|messaged|stopped\s+by|dropped\s+by|came\s+by|popped\s+(?:by|in)"
    r"|left\s+(?:a\s+)?(?:message|voicemail|vm)"
)
_SLIP = re.compile(
    rf"""\s*(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}?)
    (?:\s+(?P<from>from)\s+(?P<org>"[^"]+"|'[^']+'|@?\S+(?:\s+\S+){{0,3}}?))?
    \s+(?P<verb>(?:{_VERBS})(?:\s+again)?)(?![\w-])(?P<punct>\s*[,:;–—-])?""",
    re.VERBOSE | re.IGNORECASE,
)
_CAPITALISED = r"(?-i:[^\W\d_a-z][\w'’.\-]*)"
"""A name word that starts with a capital (the forms below have no colon to end a name)."""
_PARTICLE = r"(?:de|da|di|du|del|der|van|von|la|le|ten|ter|bin|al)"
_CAPITALISED_NAME = rf"{_CAPITALISED}(?:\s+(?:{_PARTICLE}\s+)?{_CAPITALISED}){{0,3}}"
_GET_BACK = re.compile(
    rf"""\s*(?:please\s+)?(?P<verb>call|ring|phone|e-?mail)\s+(?P<name>{_CAPITALISED_NAME})
    (?P<rest>\s+back)?(?P<about>\s+(?:re|about|regarding)(?![\w-]))?(?P<punct>\s*[,:;–—-])?""",
    re.VERBOSE | re.IGNORECASE,
)
_SPOKE = re.compile(
    rf"""\s*(?P<verb>(?:spoke|talked|chatted|met)\s+(?:w/|with|to)|heard\s+from)
    \s+(?P<name>{_CAPITALISED_NAME})
    (?:\s+(?P<from>from|at|of)\s+(?P<org>"[^"]+"|'[^']+'|{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}}))?
    (?P<punct>\s*[,:;–—-])""",
    re.VERBOSE | re.IGNORECASE,
)
GET_BACK_VERBS = frozenset({"call", "ring", "phone", "email", "e-mail"})
"""The verbs of `Call Jenny Ruiz back …`: they say how to get back, not how she reached out."""
_WHERE_THEY_ARE = re.compile(
    rf"""(?<![\w'’])(?:she|he|they)(?:['’]s|['’]re|\s+is|\s+are|\s+works?)\s+(?:at|with|from)
    \s+(?P<org>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})""",
    re.VERBOSE | re.IGNORECASE,
)


def where_they_are(masked: str, start: int) -> tuple[int, int, str] | None:
    """`she's at Fabrikam`, `he is with Contoso` in the summary: (start, end, organisation)
    of the first such phrase after `start`, for a line whose customer form named none."""
    m = _WHERE_THEY_ARE.search(masked, start)
    if m is None:
        return None
    org = m.group("org").rstrip(".")
    begin, end = m.start(), m.start("org") + len(org)
    before = masked[start:begin].rstrip()
    if before.endswith((",", ";")):
        begin = start + len(before) - 1  # "redlines, she's at Fabrikam": the comma goes too
    elif not before and masked[end : end + 1] in (",", ";"):
        end += 1  # "he's at Contoso, wants …"
    return begin, end, clean_line(org)


_AT_ORG = re.compile(
    rf"""\s*(?P<name>{_CAPITALISED_NAME})
    \s+(?P<org>@(?:"[^"]*"|'[^']*'|[^\s"'@,:;]+))(?=[\s,:;]|$)(?P<punct>\s*[,:;–—-])?""",
    re.VERBOSE | re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    {"she", "he", "they", "her", "him", "them", "me", "us", "someone", "somebody", "nobody"}
    | {"i", "we", "you", "it", "who"}
)
_LABELS = frozenset(
    {
        "complaint", "request", "concern", "compliment", "question", "urgent", "important",
        "asap", "note", "fyi", "re", "todo", "to do", "reminder", "follow-up", "follow up",
    }
)  # fmt: skip
"""Words that label a line rather than name someone: `Complaint: …` has no customer."""


CustomerRole = Literal["customer", "organization", "intro"]


class Customer(NamedTuple):
    """The customer part of a line."""

    name: str
    """Cleaned; "" when no form matched."""
    organization: str
    """From `Name @Org:` or `from Org`; "" when the form has none."""
    organization_text: str
    """The organisation as typed, for messages."""
    spans: tuple[tuple[int, int, CustomerRole], ...]
    """(start, end, role) of each recognised piece: customer, organization, intro."""
    end: int
    """Where the rest of the line starts."""
    error: str | None = None
    channel: Channel | None = None
    """How the customer reached the EA, from the verb of the slip form (rang → phone)."""
    verb: str = ""
    internal: bool = False
    """True when the form says so: `Jana Novak (Tessmann internal) emailed …`."""


_BRACKETED = re.compile(
    rf"""\s*(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}?)
    \s*\((?P<org>[^()@!#~]+?)\)
    (?:\s+(?P<verb>(?:{_VERBS}))(?![\w-])(?P<punct>\s*[,:;–—-])?|\s*(?P<sep>[:,;–—-]))""",
    re.VERBOSE | re.IGNORECASE,
)
_INTERNAL = re.compile(r"[\s,;/-]+internal$", re.IGNORECASE)


def _bracketed_form(text: str) -> Customer | None:
    """`Jana Novak (Tessmann internal) emailed - …`, `Dr. Sabine Kessler (Alpenbank) - …`:
    the organisation in brackets after the name (a trailing "internal" marks it as the
    executive's own side)."""
    m = _BRACKETED.match(text)
    if m is None:
        return None
    name = m.group("name")
    first = name.split()[0]
    if not first[0].isupper() or first.casefold() in _NOT_NAMES or name.casefold() in _LABELS:
        return None
    raw = m.group("org")
    internal = _INTERNAL.search(" " + raw) is not None
    organization = clean_line(_INTERNAL.sub("", " " + raw))
    if not organization:
        return None
    spans: list[tuple[int, int, CustomerRole]] = [
        (m.start("name"), m.end("name"), "customer"),
        (m.start("org") - 1, m.end("org") + 1, "organization"),
    ]
    verb = ""
    if m.group("verb"):
        verb = " ".join(m.group("verb").split())
        spans.append((m.start("verb"), m.end(), "intro"))
    else:
        spans.append((m.start("sep"), m.end(), "intro"))
    return Customer(
        clean_line(name),
        organization,
        "(" + raw + ")",
        tuple(spans),
        m.end(),
        channel=_VERB_CHANNELS.get(verb.split()[0].lower()) if verb else None,
        verb=verb,
        internal=internal,
    )


_NO_NAME = re.compile(
    r"""\s*(?:please\s+)?(?P<verb>call|ring|phone|e-?mail|text|reply\s+to|write\s+to|get\s+back\s+to
    |(?:spoke|talked|chatted|met)\s+(?:w/|with|to)|heard\s+from)
    \s+(?P<who>her|him|them|me|us|she|he|they)(?![\w'’])""",
    re.VERBOSE | re.IGNORECASE,
)
"""Who, without saying who: `Call her back re: …` names no customer."""


def missing_customer(text: str) -> str:
    """Why the line has no customer, plainly: `Call her back re: …` says "her" is no name
    rather than taking the verb for one; other lines get the forms that name one."""
    m = _NO_NAME.match(text)
    if m is None:
        return CUSTOMER_MISSING
    return (
        f"no customer: “{m.group('who')}” does not say who; name them "
        "(`Call Jenny Ruiz back re: …`) or start with `Name: …`"
    )


def read_customer(text: str) -> Customer:
    """The customer form at the start of `text`; a Customer with name "" when none matches."""
    bracketed = _bracketed_form(text)
    if bracketed is not None:
        return bracketed
    get_back = _get_back_form(text)
    if get_back is not None:
        return get_back  # "Call Jenny Ruiz back re: …": the name is not "Call Jenny Ruiz back re"
    slip = _slip_form(text)
    colon = text.find(":")
    if slip is not None and (colon < 0 or colon >= slip.end - 1):
        return slip  # "Maria Ortiz called: …" is the slip form, not a three-word name
    return (
        _colon_form(text)
        or slip
        or _spoke_form(text)
        or _at_form(text)
        or Customer("", "", "", (), 0)
    )


def _a_name(name: str) -> bool:
    first = name.split()[0]
    return first.casefold() not in _NOT_NAMES and name.casefold() not in _LABELS


def _get_back_form(text: str) -> Customer | None:
    """`Call Jenny Ruiz back re: …`: the action, then who (the action says the channel)."""
    m = _GET_BACK.match(text)
    if m is None or not (m.group("rest") or m.group("about") or m.group("punct")):
        return None
    if not _a_name(m.group("name")):
        return None
    verb = m.group("verb")
    spans: list[tuple[int, int, CustomerRole]] = [
        (m.start("verb"), m.end("verb"), "intro"),
        (m.start("name"), m.end("name"), "customer"),
    ]
    tail = m.group(0)[m.end("name") - m.start() :]
    if tail.strip():
        spans.append((m.end() - len(tail.lstrip()), m.end(), "intro"))
    channel: Channel = "phone" if verb.lower() in ("call", "ring", "phone") else "email"
    return Customer(
        clean_line(m.group("name")), "", "", tuple(spans), m.end(), channel=channel, verb=verb
    )


def _spoke_form(text: str) -> Customer | None:
    """`spoke w/ Raj from Litware - …`: a note of a conversation with the customer."""
    m = _SPOKE.match(text)
    if m is None or not _a_name(m.group("name")):
        return None
    spans: list[tuple[int, int, CustomerRole]] = [
        (m.start("verb"), m.end("verb"), "intro"),
        (m.start("name"), m.end("name"), "customer"),
    ]
    organization = organization_text = ""
    if m.group("from"):
        organization_text = m.group("org")
        organization = clean_line(organization_text.strip("\"'"))
        if not organization:
            return None
        spans.append((m.start("from"), m.end("from"), "intro"))
        spans.append((m.start("org"), m.end("org"), "organization"))
    spans.append((m.end() - len(m.group("punct").lstrip()), m.end(), "intro"))
    verb = " ".join(m.group("verb").split())
    name = clean_line(m.group("name"))
    return Customer(name, organization, organization_text, tuple(spans), m.end(), verb=verb)


def _at_form(text: str) -> Customer | None:
    """`Ken Adams @Tailspin wants …`: a capitalised name and the organisation, no colon."""
    m = _AT_ORG.match(text)
    if m is None or not _a_name(m.group("name")):
        return None
    raw = m.group("org")
    organization = clean_line(raw[1:].strip("\"'"))
    if not organization:
        return None
    spans: list[tuple[int, int, CustomerRole]] = [
        (m.start("name"), m.end("name"), "customer"),
        (m.start("org"), m.end("org"), "organization"),
    ]
    if m.group("punct"):
        punct = m.group("punct")
        spans.append((m.end() - len(punct.lstrip()), m.end(), "intro"))
    return Customer(clean_line(m.group("name")), organization, raw, tuple(spans), m.end())


def _colon_form(text: str) -> Customer | None:
    colon = text.find(":")
    if colon < 0:
        return None
    looks_like_time = colon > 0 and _TIME_COLON.fullmatch(text, colon - 1, colon + 2)
    if looks_like_time or text.startswith("//", colon + 1):  # 15:30, https://
        return None
    head = text[:colon]
    start = len(text) - len(text.lstrip())
    org = _trailing_org(head)
    if org is not None:
        at, name_text, org_name = org
        name = clean_line(name_text)
        words = name_text.split()
        if not name or not 1 <= len(words) <= _MAX_NAME_WORDS or _has_token(words):
            return None
        if _NO_NAME.match(name_text):
            return None
        name_end = start + len(name_text.strip())
        if not org_name:
            return Customer(
                name, "", "", ((start, name_end, "customer"),), colon + 1,
                f"empty organisation: {head[at:].strip()!r}",
            )  # fmt: skip
        spans: tuple[tuple[int, int, CustomerRole], ...] = (
            (start, name_end, "customer"),
            (at, colon + 1, "organization"),
        )
        return Customer(name, org_name, head[at:].strip(), spans, colon + 1)
    words = head.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS or _has_token(words):
        return None
    name = clean_line(head)
    if not name or name.casefold() in _LABELS or _NO_NAME.match(head):
        return None  # "Call her back re: contract" is an action, not a name
    return Customer(name, "", "", ((start, colon + 1, "customer"),), colon + 1)


def _trailing_org(head: str) -> tuple[int, str, str] | None:
    """`Maria Ortiz @Acme` / `… @"Acme Corp"`: (where @ is, the name part, the organisation)."""
    m = re.search(r"\s@(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'@][^\"'@]*?))\s*$", head)
    if m is None:
        return None
    quoted = m.group(1) if m.group(1) is not None else m.group(2)
    org = clean_line(quoted if quoted is not None else m.group(3))
    at = m.start() + 1
    return at, head[:at], org


def _has_token(words: list[str]) -> bool:
    return any(w[0] in _TOKEN_STARTS for w in words)


def _slip_form(text: str) -> Customer | None:
    m = _SLIP.match(text)
    if m is None:
        return None
    name = m.group("name")
    first = name.split()[0]
    if not first[0].isupper() or first.casefold() in _NOT_NAMES:
        return None
    spans: list[tuple[int, int, CustomerRole]] = [(m.start("name"), m.end("name"), "customer")]
    organization = organization_text = ""
    if m.group("from"):
        raw = m.group("org")
        organization_text = raw
        organization = clean_line(raw.strip("\"'").removeprefix("@"))
        if not organization:
            return None
        spans.append((m.start("from"), m.end("from"), "intro"))
        spans.append((m.start("org"), m.end("org"), "organization"))
    spans.append((m.start("verb"), m.end(), "intro"))
    verb = " ".join(m.group("verb").split())
    return Customer(
        clean_line(name),
        organization,
        organization_text,
        tuple(spans),
        m.end(),
        channel=_VERB_CHANNELS.get(verb.split()[0].lower()),
        verb=verb,
    )


_VERB_CHANNELS: dict[str, Channel] = {
    "called": "phone",
    "rang": "phone",
    "phoned": "phone",
    "left": "phone",
    "texted": "phone",
    "emailed": "email",
    "e-mailed": "email",
    "wrote": "email",
    "stopped": "in-person",
    "dropped": "in-person",
    "came": "in-person",
    "popped": "in-person",
}
"""Reply the way the customer reached out, unless the line says otherwise."""
