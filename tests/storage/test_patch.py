"""Undo patches: inverse of a change, applied on top of later changes from elsewhere."""

from __future__ import annotations

from datetime import timedelta

import msgspec
import pytest

from planner.config import Settings
from planner.domain import FollowUp
from planner.domain.document import Document
from planner.storage.patch import UndoConflict, apply_patch, undo_patch
from tests.storage.helpers import NOW, followup


def test_undo_restores_a_changed_record_removes_an_added_one_and_readds_a_removed_one() -> None:
    a, b, c = followup("f-a"), followup("f-b"), followup("f-c")
    before = Document(followups=(a, b))
    changed_a = msgspec.structs.replace(a, summary="changed")
    after = Document(followups=(changed_a, c))  # a changed, b removed, c added
    patch = undo_patch(before, after)
    restored = apply_patch(after, patch)
    assert {f.id: f for f in restored.followups} == {"f-a": a, "f-b": b}


def test_undo_keeps_what_another_process_wrote_meanwhile() -> None:
    a = followup("f-a")
    before = Document(followups=(a,))
    after = Document(followups=(msgspec.structs.replace(a, status="resolved", resolution="ok"),))
    patch = undo_patch(before, after)
    elsewhere = followup("f-x", promised_by=NOW + timedelta(days=1))
    latest = msgspec.structs.replace(after, followups=(*after.followups, elsewhere))
    restored = apply_patch(latest, patch)
    assert [f.id for f in restored.followups] == ["f-a", "f-x"]
    assert restored.followups[0] == a


def test_undo_of_a_settings_change_and_of_nothing() -> None:
    before = Document()
    after = msgspec.structs.replace(before, settings=Settings(executive_name="Dana"))
    assert apply_patch(after, undo_patch(before, after)).settings == Settings()
    assert undo_patch(before, before).empty
    assert apply_patch(before, undo_patch(before, before)) is before


# -- undo by field: the case, and conflicts ------------------------------


def _note(record: FollowUp, text: str, minutes: int) -> FollowUp:
    from planner.domain import lifecycle

    return lifecycle.note(record, text, NOW + timedelta(minutes=minutes))


def test_undo_of_a_note_keeps_another_processs_repromise_and_note() -> None:
    """Dashboard: note. Shell: re-promise and note. Dashboard: u. Only the dashboard's
    note goes; the shell's new promise and both of its log entries stay."""
    from planner.domain import lifecycle

    original = followup("f-a")
    before = Document(followups=(original,))
    noted = _note(original, "dashboard note", 1)
    after = Document(followups=(noted,))
    patch = undo_patch(before, after)

    repromised = lifecycle.repromise(
        noted, NOW + timedelta(days=2), NOW + timedelta(minutes=2), "shell promise"
    )
    shell = _note(repromised, "shell note", 3)
    on_disk = Document(followups=(shell,))

    (undone,) = apply_patch(on_disk, patch).followups
    assert undone.promised_by == NOW + timedelta(days=2)
    assert [e.text for e in undone.log] == [
        *(e.text for e in original.log),
        "shell promise",
        "shell note",
    ]


def test_undo_of_a_field_another_process_changed_since_is_a_conflict() -> None:
    from planner.domain import lifecycle

    original = followup("f-a")
    before = Document(followups=(original,))
    mine = lifecycle.repromise(original, NOW + timedelta(days=1), NOW, "mine")
    patch = undo_patch(before, Document(followups=(mine,)))
    theirs = lifecycle.repromise(mine, NOW + timedelta(days=3), NOW + timedelta(minutes=5))
    on_disk = Document(followups=(theirs,))
    with pytest.raises(UndoConflict) as caught:
        apply_patch(on_disk, patch)
    assert "promised_by" in caught.value.message and "f-a" in caught.value.message
    (forced,) = apply_patch(on_disk, patch, force=True).followups
    assert forced.promised_by == original.promised_by
    assert "mine" not in [e.text for e in forced.log]


def test_undo_of_an_added_record_that_was_changed_since_is_a_conflict() -> None:
    added = followup("f-new")
    patch = undo_patch(Document(), Document(followups=(added,)))
    on_disk = Document(followups=(_note(added, "from the shell", 2),))
    with pytest.raises(UndoConflict):
        apply_patch(on_disk, patch)
    assert apply_patch(on_disk, patch, force=True).followups == ()
