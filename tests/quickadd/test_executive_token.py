"""`+Short` in a quick-add line: whose follow-up, read with that executive's rules."""

from __future__ import annotations

import pendulum
import pytest

from planner.config import Settings
from planner.domain.document import Document
from planner.domain.executive import Executive
from planner.quickadd.executive import ExecutiveLine, parse_for, whom
from tests.conftest import instant

DANA = Executive(id="x-1", name="Dana Whitfield", short="Dana", timezone="America/New_York")
LEE = Executive(
    id="x-2", name="Lee Okafor", short="Lee", timezone="Europe/London", workday_end="17:00"
)
LEENA = Executive(id="x-3", name="Leena Park", short="Leena", timezone="Asia/Tokyo")
DESK = Document(
    settings=Settings(executive_name=DANA.name, timezone=DANA.timezone),
    executives=(DANA, LEE, LEENA),
)
NOW = instant("2026-11-23T16:10:00+00:00")


def read(text: str, in_view: str | None = None) -> ExecutiveLine:
    return parse_for(text, now=NOW, document=DESK, in_view=in_view)


def test_plus_short_picks_the_executive_and_their_end_of_day() -> None:
    result = read("Omar: wants the deck +lee by eod")
    assert result.ok and result.named
    assert whom(result) == "+Lee (Lee Okafor)"
    assert result.line.summary == "wants the deck"
    assert result.line.promised_by == pendulum.parse("2026-11-23T17:00:00+00:00")
    (span,) = [s for s in result.line.spans if s.role == "executive"]
    assert result.line.text[span.start : span.end] == "+lee"


def test_without_plus_short_the_executive_in_view() -> None:
    assert read("Omar: wants the deck").executive == DANA
    result = read("Omar: wants the deck", in_view="x-3")
    assert result.executive == LEENA and not result.named


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("Omar: deck +zed", "+zed: no such executive"),
        ("Omar: deck +le", "+le is ambiguous: it could be +Lee (Lee Okafor), +Leena (Leena Park)"),
        ("Omar: deck +lee +dana", "more than one executive: '+lee' and '+dana'"),
    ],
)
def test_an_unknown_ambiguous_or_second_plus_short_is_an_error(line: str, error: str) -> None:
    result = read(line)
    assert not result.ok and result.executive is None
    assert result.line.errors[0].startswith(error)
    if "no such" in error or "ambiguous" in error:
        assert (
            "(executives: +Dana (Dana Whitfield), +Lee (Lee Okafor), +Leena (Leena Park))"
            in (result.line.errors[0])
        )


def test_a_plus_that_is_no_name_is_prose() -> None:
    result = read("Omar: call him on +44 20 7946 0000 or C++ docs +")
    assert result.ok and not result.named
    assert result.line.summary == "call him on +44 20 7946 0000 or C++ docs +"


def test_the_customer_before_a_colon_keeps_its_name() -> None:
    result = read("Omar Haddad +Lee: invoice charged twice")
    assert result.executive == LEE
    assert result.line.customer == "Omar Haddad"
    assert result.line.summary == "invoice charged twice"
