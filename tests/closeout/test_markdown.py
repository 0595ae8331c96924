"""The close-out summary as Markdown: the realistic day section by section, and escaping."""

from __future__ import annotations

import re

import msgspec
import pytest

from planner.closeout import (
    ClosingRefused,
    build_review,
    close_with_summary,
    escape,
    keep,
    render_markdown,
    reopen_day,
    summary_markdown,
)
from planner.domain import Event
from planner.domain import lifecycle as lc
from planner.domain.document import Document
from tests.closeout import day
from tests.closeout.day import CLOSE_TIME, DATE, at

HEADINGS = [
    "# Close-out — Monday 23 November 2026",
    "## Done today",
    "## Promises",
    "## Still to tell the executive",
    "## Tomorrow",
    "## Notes",
]


def sections(markdown: str) -> dict[str, list[str]]:
    """The non-blank lines under each heading."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in markdown.splitlines():
        if line.startswith("#"):
            current = line
            found[current] = []
        elif line.strip():
            found[current].append(line)
    return found


@pytest.fixture
def markdown() -> str:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    return render_markdown(build_review(document, DATE, CLOSE_TIME))


def test_the_summary_has_the_heading_and_the_five_sections_in_order(markdown: str) -> None:
    assert [line for line in markdown.splitlines() if line.startswith("#")] == HEADINGS
    assert markdown.startswith(HEADINGS[0] + "\n")
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


def test_the_status_line_says_what_still_blocks_closing(markdown: str) -> None:
    assert sections(markdown)[HEADINGS[0]] == ["Not closed yet: 1 promise still to address."]


def test_done_today_section(markdown: str) -> None:
    # One list in time order, whatever was done.
    assert sections(markdown)["## Done today"] == [
        "- Told the executive 09:40 · Board deck is ready for review (fyi)",
        "- Resolved 11:20 · Maria Ortiz (Acme) — invoice charged twice, wants refund"
        " · refund issued, called her back",
        "- Dropped 11:25 · M. Ortiz — refund request · duplicate of f-maria001",
        "- Resolved 14:10 · Tom Keller (Our Co) — office move budget · budget approved by finance",
    ]


def test_promises_section_names_broken_promises_as_broken(markdown: str) -> None:
    lines = sections(markdown)["## Promises"]
    assert lines == [
        "- **broken** · promised 09:00 · Li Wei (Globex) — contract renewal terms"
        " · **not addressed** (f-liwei003)",
        # The current promise first, then how it moved that day.
        "- **was broken** · promised Wed 25 Nov 10:00"
        " (re-promised Fri 20 Nov 17:00 → Wed 25 Nov 10:00 at 09:15)"
        " · Omar Haddad (Initech) — wants a meeting with the executive"
        " · re-promised at 09:15: told him Wednesday morning",
        "- **broken** · promised 09:30 · Paul Girard (Acme) — delivery delayed three weeks"
        " · escalated to the executive at 10:30: needs a call from the executive",
        "- promised 12:00 · Maria Ortiz (Acme) — invoice charged twice, wants refund"
        " · resolved at 11:20: refund issued, called her back",
        "- promised 17:00 · M. Ortiz — refund request · dropped at 11:25: duplicate of f-maria001",
        "- promised 18:00 · Sara Lind (Our Co) — access badge not working"
        " · waiting on the colleague since 09:30 for: IT ticket 4411 · kept as it stands",
        # Every other open follow-up, with its current promise and state.
        "Still open:",
        "- promised Tue 24 Nov 11:00 · Jonas Berg (Northwind) — quote for 40 seats",
        "- paused · was 14:00 · Nadia Benali (Initech) — refund form"
        # The line starts with the pause: the state does not say it again.
        " · waiting on the customer since Fri 20 Nov 15:00 for: sent her the form",
    ]


def test_still_to_tell_section_shows_the_good_moment_each_brief_lands_in(markdown: str) -> None:
    assert sections(markdown)["## Still to tell the executive"] == [
        "- Escalation: Paul Girard (Acme) — delivery delayed three weeks (escalation, high, 45 min)"
        " → Tue 24 Nov 11:00, in the good moment 11:00–12:20 after Focus: budget",
        "  - Fact: Fri 20 Nov 09:00 created (promise Mon 23 Nov 09:30)",
        "  - Fact: Mon 23 Nov 10:30 escalated to the executive — needs a call from the executive",
        "- Acme renewed for two years (good-news, 40 min)"
        " → Tue 24 Nov 14:30, in the good moment 14:30–18:00",
        "- Server outage planned Thursday (bad-news, 2 min) → held: needs a solution first",
        "- How it was solved: Tom Keller (Our Co) — office move budget (fyi, 2 min)"
        " → Tue 24 Nov 11:45, in the good moment 11:00–12:20 after Focus: budget",
        "  - Fact: budget approved by finance",
    ]


def test_a_carried_bad_news_brief_keeps_its_solution_and_facts() -> None:
    # Carried to tomorrow, the brief must still say what will be told: the solution the
    # EA entered and the facts, not only its title.
    news = lc.new_brief(
        title="Tailspin double-charged",
        kind="bad-news",
        facts=("charged twice on 1 Dec",),
        solution="refund today, credit on the next invoice",
        now=at(23, 12),
    )
    document = msgspec.structs.replace(day.document(), briefs=(news,))
    lines = sections(render_markdown(build_review(document, DATE, CLOSE_TIME)))[
        "## Still to tell the executive"
    ]
    assert lines[0].startswith("- Tailspin double-charged (bad-news, 2 min) → Tue 24 Nov")
    assert lines[1:] == [
        "  - Solution: refund today, credit on the next invoice",
        "  - Fact: charged twice on 1 Dec",
    ]


def test_tomorrow_section(markdown: str) -> None:
    assert sections(markdown)["## Tomorrow"] == [
        "Tuesday 24 November 2026: first good moment 11:00–12:20 after Focus: budget.",
        "Schedule:",
        "- all day · Paris office visit",
        "- 08:45–10:00 · Leadership sync (meeting)",
        "- 10:00–11:00 · Focus: budget (focus)",
        "- 12:30–14:00 · Lunch (personal)",
        "- 14:00–14:30 · Weekly with EA (one-on-one)",
        "Promises due:",
        "- 11:00 · Jonas Berg (Northwind) — quote for 40 seats",
    ]


def test_notes_section_without_notes(markdown: str) -> None:
    assert sections(markdown)["## Notes"] == ["No notes."]


def test_an_empty_day_says_so_in_every_section() -> None:
    markdown = render_markdown(build_review(Document(settings=day.SETTINGS), DATE, CLOSE_TIME))
    found = sections(markdown)
    assert found[HEADINGS[0]] == ["Not closed yet."]
    assert found["## Done today"] == ["- Nothing resolved, dropped or told to the executive."]
    assert found["## Promises"] == ["- No promise fell due."]
    assert found["## Still to tell the executive"] == ["- Nothing left to tell."]
    assert "- No events." in found["## Tomorrow"] and "- None." in found["## Tomorrow"]


def test_the_closing_summary_says_when_and_carries_the_notes() -> None:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    document = keep(document, DATE, "f-liwei003", CLOSE_TIME)
    closed, text = close_with_summary(
        document, DATE, CLOSE_TIME, notes="Call Li Wei first thing.\n- chase IT"
    )
    found = sections(text)
    assert found[HEADINGS[0]] == ["Closed at 17:30."]
    assert found["## Notes"] == ["Call Li Wei first thing.", "\\- chase IT"]
    assert (
        "- **broken** · promised 09:00 · Li Wei (Globex) — contract renewal terms"
        " · kept as it stands" in found["## Promises"]
    )
    record = closed.closeouts[0]
    assert (record.next_workday, record.due_next) == ("2026-11-24", ("f-jonas007",))
    assert len(record.carried) == 4
    assert closed.closeouts[0].summary == text


def test_a_closed_day_prints_its_saved_summary_even_after_later_changes() -> None:
    document = keep(day.document(), DATE, "f-sara0005", CLOSE_TIME)
    document = keep(document, DATE, "f-liwei003", CLOSE_TIME)
    closed, text = close_with_summary(document, DATE, CLOSE_TIME, notes="done")
    changed, _ = lc.change_followup(
        closed, "f-jonas007", lambda f: lc.Outcome(lc.resolve(f, "quote sent", at(23, 18))[0])
    )
    assert summary_markdown(changed, DATE, at(23, 18, 30)) == text
    reopened = reopen_day(changed, DATE, at(23, 18, 30))
    live = summary_markdown(reopened, DATE, at(23, 18, 30))
    assert live != text
    assert "Resolved 18:00 · Jonas Berg" in live
    assert "Not closed yet." in live


# -- escaping untrusted text ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("# Boss", "\\# Boss"),
        ("- item", "\\- item"),
        ("> quote", "\\> quote"),
        ("* star", "\\* star"),
        ("+ plus", "\\+ plus"),
        ("1. first", "1\\. first"),
        ("`code`", "\\`code\\`"),
        ("a\nb\r\nc\u2028d", "a b c d"),
        ("[site](http://x)", "\\[site](http://x)"),
        ("<!-- hidden", "\\<!-- hidden"),
        ("back\\`tick", "back\\\\\\`tick"),
        ("Anne-Marie O'Neil", "Anne-Marie O'Neil"),
        ("Café #3 > 2", "Café #3 > 2"),
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_markdown_in_untrusted_fields_cannot_add_structure() -> None:
    evil = "# Boss\n## Promises\n- [click](javascript:alert(1)) `rm` <!-- **x"
    document = day.document()
    f = lc.open_followup(
        customer=evil,
        organization="> Org\n---",
        summary="* fake item\n1. one",
        promised_by=at(23, 9),
        now=at(20, 9),
        id="f-evil0011",
    )
    brief = lc.new_brief(title="x", now=at(23, 9))
    brief = msgspec.structs.replace(brief, title="```\n# Injected brief")
    event = Event(id="e-evil", title="- [ ] fake\n# Event", start=at(24, 16), end=at(24, 17))
    document = msgspec.structs.replace(
        document,
        followups=(*document.followups, f),
        briefs=(*document.briefs, brief),
        events=(*document.events, event),
    )
    document = keep(document, DATE, "f-sara0005", CLOSE_TIME)
    document = keep(document, DATE, "f-liwei003", CLOSE_TIME)
    with pytest.raises(ClosingRefused) as refused:
        close_with_summary(document, DATE, CLOSE_TIME)
    # The refusal is printed on a terminal: the untrusted name stays on its line.
    assert "  f-evil0011  # Boss ## Promises - [click]" in refused.value.message
    # The heading, the promise, two lines of commands that address it, keep them all.
    assert len(refused.value.message.splitlines()) == 5
    document = keep(document, DATE, "f-evil", CLOSE_TIME)
    _, text = close_with_summary(document, DATE, CLOSE_TIME, notes="## Notes again\n> quoted")
    lines = text.splitlines()
    assert [line for line in lines if line.startswith("#")] == HEADINGS
    assert not any(line.startswith((">", "*", "```", "---", "1.")) for line in lines)
    # Every backtick, `<` and `[` is escaped: no code span, HTML comment or link opens.
    assert not re.search(r"(?<!\\)[`<\[]", text)
    # One line per follow-up, brief and event: nothing was split into extra list items.
    assert (
        "- **broken** · promised 09:00 · \\# Boss ## Promises - \\[click](javascript:alert(1))"
        " \\`rm\\` \\<!-- \\*\\*x (\\> Org ---) — \\* fake item 1. one · kept as it stands"
    ) in lines
    assert "- 16:00–17:00 · \\- \\[ ] fake # Event (meeting)" in lines
    assert "- \\`\\`\\` # Injected brief (fyi, 2 min)" in "\n".join(lines)
    assert sections(text)["## Notes"] == ["\\## Notes again", "\\> quoted"]
    # Done 4, promises 7 and still open 2, still to tell 5, tomorrow's schedule 6 and
    # promises 1.
    assert len([line for line in lines if line.startswith("- ")]) == 4 + 7 + 2 + 5 + 6 + 1
