"""Whose clock a record's times read on: its executive's zone, labelled (`11:00 London`)
where that zone is not the EA's; never on a desk of one executive."""

from __future__ import annotations

import msgspec
import pendulum

from planner.day import build_day, followup_rows, zones_of
from planner.domain.document import Document
from planner.humanize import when
from tests.zone_desk import DANA, EA_ZONE, KOLKATA, LEE, LONDON, NY, PRIYA, desk, local


def test_each_executive_reads_in_their_zone_labelled_where_it_is_not_the_eas() -> None:
    zones = zones_of(desk(), EA_ZONE)
    assert zones.several and zones.labelled
    assert [zones.zone(x.id) for x in (DANA, LEE, PRIYA)] == [NY, LONDON, KOLKATA]
    assert [zones.label(x.id) for x in (DANA, LEE, PRIYA)] == ["", "London", "Kolkata"]
    # The desk's own follow-ups read on the first executive's clock, as their moves do.
    assert zones.zone("") == NY and zones.label("") == ""


def test_seen_from_london_the_new_york_executive_is_the_labelled_one() -> None:
    zones = zones_of(desk(), LONDON)
    assert [zones.label(x.id) for x in (DANA, LEE, PRIYA)] == ["New York", "", "Kolkata"]


def test_a_one_executive_desk_never_labels_even_in_another_zone_than_the_eas() -> None:
    document = desk()
    one = msgspec.structs.replace(document, executives=(DANA,), followups=document.followups[2:])
    zones = zones_of(one, LONDON)
    assert not zones.several and not zones.labelled and zones.label(DANA.id) == ""
    now = local("2026-12-02T09:00", NY)
    rows = followup_rows(one.followups, now, now.date(), NY, zones=zones)
    assert [(r.when.hour, r.label) for r in rows] == [(15, "")]


def rows_at(stamp: str, document: Document | None = None) -> dict[str, tuple[str, str]]:
    """Customer → (the promise as the row holds it, in its zone; its label), the list as
    'all' builds it in the EA's zone."""
    document = document or desk()
    now = local(stamp, NY)
    rows = followup_rows(
        document.followups, now, now.date(), EA_ZONE, zones=zones_of(document, EA_ZONE)
    )
    return {
        r.followup.customer: (pendulum.instance(r.when).format("ddd HH:mm"), r.label) for r in rows
    }


def test_rows_hold_the_promise_in_the_executives_zone_at_any_hour_of_the_eas() -> None:
    expected = {
        "Ann Lee": ("Thu 11:00", "London"),
        "Ravi Rao": ("Wed 18:30", "Kolkata"),
        "Maria Ortiz": ("Wed 15:00", ""),
    }
    # Early morning in New York; London's midnight (19:00 New York); Kolkata's (13:30).
    for stamp in ("2026-12-02T05:30", "2026-12-02T19:00", "2026-12-02T13:30"):
        assert rows_at(stamp) == expected


def test_the_state_stays_about_the_eas_day() -> None:
    now = local("2026-12-02T05:30", NY)
    document = desk()
    rows = followup_rows(
        document.followups, now, now.date(), EA_ZONE, zones=zones_of(document, EA_ZONE)
    )
    states = {r.followup.customer: r.state for r in rows}
    # 18:30 Kolkata is 08:00 New York today; 11:00 London tomorrow is 06:00 New York.
    assert states == {"Ann Lee": "later", "Ravi Rao": "due-today", "Maria Ortiz": "due-today"}


def test_in_the_week_the_offsets_differ_by_four_hours_the_rows_are_still_exact() -> None:
    # 16 March 2026: New York is on summer time (UTC-4), London not yet (UTC+0).
    document = desk(lee_promise="2026-03-16T15:00", priya_promise="2026-03-16T18:30")
    assert rows_at("2026-03-16T09:00", document)["Ann Lee"] == ("Mon 15:00", "London")
    promised = document.followups[0].promised_by
    assert pendulum.instance(promised).in_tz(NY).format("HH:mm") == "11:00"


def test_build_day_with_zones_labels_one_executives_view() -> None:
    document = desk()
    now = local("2026-12-02T05:30", NY)
    day = build_day(
        document.view(LEE.id), now.in_tz(LONDON).date(), now, zones=zones_of(document, NY)
    )
    (row,) = [r for r in day.followups if r.followup.customer == "Ann Lee"]
    assert row.label == "London" and row.promise.format("HH:mm") == "11:00"


def test_when_says_the_label_after_the_time() -> None:
    now = local("2026-12-02T05:30", NY)
    moment = local("2026-12-03T11:00", LONDON)
    assert when(moment, now, LONDON, "London") == "Thu 3 Dec 11:00 London (tomorrow)"
    assert when(moment, now, LONDON) == "Thu 3 Dec 11:00 (tomorrow)"
