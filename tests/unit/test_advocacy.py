"""Advokasi events: validation, attachments stored in the database, monthly counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pesiar_desktop.errors import PermissionDenied, ValidationError
from pesiar_desktop.services import advocacy
from pesiar_desktop.services.advocacy import EventInput
from tests.conftest import make_user
from tests.unit.test_visits_helpers import TODAY


def test_event_with_attachments_and_monthly_counts(fv, admin, tmp_path):
    minutes = tmp_path / "notulen musdes.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes")
    year = TODAY.year
    jan = date(year, 1, 15)
    event_id = advocacy.record_event(
        fv.db,
        admin,
        EventInput(
            held_on=jan,
            kind="MUSDES",
            place="Balai Desa",
            audience="BPD, kepala dusun, tokoh agama",
            participants=45,
            topics=["BENEFITS", "PBI"],
            agent_id=fv.agent_id,
            attachments=[advocacy.read_attachment_file(minutes), ("daftar hadir.jpg", b"\xff\xd8")],
        ),
    )
    advocacy.record_event(
        fv.db,
        admin,
        EventInput(held_on=jan + timedelta(days=3), kind="POSYANDU", place="Posyandu Melati",
                   participants=20),
    )  # fmt: skip
    advocacy.record_event(
        fv.db, admin, EventInput(held_on=date(year, 2, 1), kind="PKK", place="Rumah Ketua PKK")
    )
    row, files = advocacy.get_event(fv.db, event_id)
    assert (row.kind_label, row.agent_name, row.attachments) == (
        "Musyawarah desa",
        "SARI WULANDARI",
        2,
    )
    assert [(f.file_name, f.size) for f in files] == [
        ("notulen musdes.pdf", len(b"%PDF-1.4 minutes")),
        ("daftar hadir.jpg", 2),
    ]
    assert advocacy.attachment_content(fv.db, files[0].id) == (
        "notulen musdes.pdf",
        b"%PDF-1.4 minutes",
    )
    counts = advocacy.monthly_counts(fv.db, year)
    assert len(counts) == 12
    assert (counts[0].events, counts[0].participants, counts[0].by_kind) == (
        2,
        65,
        {"MUSDES": 1, "POSYANDU": 1},
    )
    assert (counts[1].events, counts[2].events) == (1, 0)
    listed = advocacy.list_events(fv.db, date(year, 1, 1), date(year, 1, 31))
    assert [r.kind for r in listed] == ["POSYANDU", "MUSDES"]
    # Edit: drop one file, add another.
    advocacy.update_event(
        fv.db,
        admin,
        event_id,
        EventInput(held_on=jan, kind="MUSDES", place="Balai Desa", participants=50,
                   attachments=[("foto.png", b"png")]),
        remove_attachments=[files[1].id],
    )  # fmt: skip
    _row, files = advocacy.get_event(fv.db, event_id)
    assert [f.file_name for f in files] == ["notulen musdes.pdf", "foto.png"]
    advocacy.delete_event(fv.db, admin, event_id)
    assert [r.kind for r in advocacy.list_events(fv.db)] == ["PKK", "POSYANDU"]


def test_event_validation_and_roles(fv, admin):
    with pytest.raises(ValidationError) as err:
        advocacy.record_event(
            fv.db,
            admin,
            EventInput(held_on=TODAY + timedelta(days=1), kind="PESTA", participants=-1),
        )
    assert set(err.value.field_errors) >= {"held_on", "kind", "place", "participants"}
    with pytest.raises(PermissionDenied):
        advocacy.record_event(
            fv.db,
            make_user(fv.db, "viewer"),
            EventInput(held_on=TODAY, kind="PKK", place="Balai"),
        )
    assert advocacy.list_events(fv.db) == []
