"""The dashboard's view of a desk (planner.ui.desk_view), without a terminal: the order
`v` cycles in, a remembered view that names no one any more, and at most four lines."""

from __future__ import annotations

import msgspec

from planner.domain.executive import Executive
from planner.ui.desk_view import ALL, build_desk_day, next_view, resolve_view, view_name
from tests.conftest import instant
from tests.ui.desk import DANA, LEE, NOW, two_executives


def test_v_goes_through_each_executive_then_all() -> None:
    document = two_executives()
    seen: list[str | None] = [None]
    for _ in range(4):
        seen.append(next_view(document, seen[-1]))
    assert seen == [None, DANA.id, LEE.id, None, DANA.id]


def test_a_remembered_view_is_found_by_short_name_and_falls_back_to_all() -> None:
    document = two_executives()
    assert resolve_view(document, "Lee") == LEE.id
    assert resolve_view(document, LEE.id) == LEE.id
    assert resolve_view(document, "Zed") is None  # removed since: all of them
    assert resolve_view(document, ALL) is None
    assert view_name(document, LEE.id) == "Lee" and view_name(document, None) == ALL


def test_a_desk_of_one_has_one_view_and_no_lines() -> None:
    document = msgspec.structs.replace(two_executives(), executives=(DANA,))
    assert next_view(document, DANA.id) == DANA.id
    assert resolve_view(document, ALL) == DANA.id
    now = instant(NOW)
    desk = build_desk_day(document, DANA.id, now.date(), now, ea_zone="Europe/Paris")
    assert desk.lines == () and not desk.is_all


def test_the_header_has_at_most_four_lines_in_desk_order() -> None:
    others = tuple(
        Executive(id=f"x-{n}", name=f"Exec {n}", short=f"E{n}", timezone="Asia/Tokyo")
        for n in range(3, 6)
    )
    document = two_executives()
    document = msgspec.structs.replace(document, executives=(*document.executives, *others))
    now = instant(NOW)
    desk = build_desk_day(document, None, now.date(), now, ea_zone="Europe/Paris")
    assert [line.executive.short for line in desk.lines] == ["Dana", "Lee", "E3", "E4"]
    assert [line.now.format("HH:mm") for line in desk.lines] == [
        "09:00",
        "14:00",
        "23:00",
        "23:00",
    ]
    # "All" still shows all five executives' days.
    assert len(desk.days) == 5
