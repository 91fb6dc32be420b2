"""Population events from the register's family panel: a birth and an arrival into the
KK, a death with its place and note, the monthly list and the undo."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from pesiar_desktop import clock
from pesiar_desktop.models import PopulationEvent, Resident
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import population as pc
from pesiar_desktop.rules.nik import nik_for
from pesiar_desktop.ui.dialogs.family_actions import KIND_DEAD, LifeEventDialog
from pesiar_desktop.ui.dialogs.population_events import PopulationEventsDialog
from pesiar_desktop.ui.dialogs.resident_dialog import ResidentDialog
from tests.ui.conftest import show_residents, wait_written
from tests.ui.test_resident_dialogs import open_dialog, select_person


def _events(db) -> list[tuple[str, str, str, str]]:
    with db.read() as s:
        return [
            (e.kind, s.get(Resident, e.resident_id).name, e.place, e.note)
            for e in s.scalars(select(PopulationEvent).order_by(PopulationEvent.id))
        ]


def test_birth_and_death_from_the_family_panel_then_undo(
    qtbot, make_window, village_db, admin, filled
):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    budi = filled.residents["BUDI SANTOSO"]
    select_person(qtbot, page, budi)
    panel = page.family_panel
    assert panel.birth_button.isEnabled() and panel.arrival_button.isEnabled()

    born = clock.today() - timedelta(days=3)
    dialog = open_dialog(page, panel.birth_button.click)
    assert isinstance(dialog, ResidentDialog) and dialog.event_kind == pc.BIRTH
    assert dialog.windowTitle() == "Catat kelahiran"
    # The parents are filled in from the KK; the newborn is a child.
    assert dialog.fields["father_name"].text() == "BUDI SANTOSO"
    assert dialog.fields["mother_name"].text() == "SITI AMINAH"
    assert dialog.fields["shdk"].currentData() == 4
    dialog.fields["nik"].setText(nik_for("520101", born, 2, 777))
    dialog.fields["name"].setText("Putri Santoso")
    dialog.fields["sex"].setCurrentIndex(dialog.fields["sex"].findData(2))
    dialog.fields["birth_place"].setText("Gerung")
    dialog.fields["birth_date"].setDate(QDate(born.year, born.month, born.day))
    dialog.fields["note"].setText("SKL bidan desa")
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.save()
    baby = dialog.result_value.resident_id

    select_person(qtbot, page, filled.residents["DEWI LESTARI"])
    dialog = open_dialog(page, lambda: page.mark_member(KIND_DEAD))
    assert isinstance(dialog, LifeEventDialog)
    dialog.place.setText("RSUD Gerung")
    dialog.note.setText("Surat kematian 12/2026")
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert _events(village_db) == [
        (pc.BIRTH, "PUTRI SANTOSO", "Gerung", "SKL bidan desa"),
        (pc.DEATH, "DEWI LESTARI", "RSUD Gerung", "Surat kematian 12/2026"),
    ]
    with village_db.read() as s:
        assert s.get(Resident, baby).birth_date == born

    events = PopulationEventsDialog(village_db, window.tasks, admin, page)
    qtbot.addWidget(events)
    events.show()
    events.select_month(clock.today())
    names = [e.name for e in events.rows]
    assert "DEWI LESTARI" in names
    assert "Lahir" in events.summary.text() and "meninggal 1" in events.summary.text()
    events.table.selectRow(names.index("DEWI LESTARI"))
    assert events.cancel_button.isEnabled()
    events.cancel_selected("Salah pilih orang")
    wait_written(qtbot, events)
    with village_db.read() as s:
        assert s.get(Resident, filled.residents["DEWI LESTARI"]).life_status == codes.LIFE_ALIVE
    row = next(e for e in events.rows if e.name == "DEWI LESTARI" and e.kind == pc.DEATH)
    assert row.cancelled_by is not None
    assert any(e.kind == pc.CANCEL for e in events.rows)


def test_viewer_sees_events_but_cannot_record(qtbot, make_window, village_db, viewer, filled):
    window = make_window(viewer)
    page = show_residents(qtbot, window)
    select_person(qtbot, page, filled.residents["BUDI SANTOSO"])
    assert not page.family_panel.birth_button.isEnabled()
    assert not page.arrival_family_button.isEnabled()
    events = PopulationEventsDialog(village_db, window.tasks, viewer, page)
    qtbot.addWidget(events)
    assert not events.cancel_button.isEnabled()
