"""Sisir & Advokasi page: keyboard-only visit entry, plan tree, due list, advocacy tab."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from pesiar_desktop.models import Resident
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import visits
from pesiar_desktop.services.visits import VisitInput
from pesiar_desktop.ui.dialogs.advocacy_dialog import AdvocacyDialog
from pesiar_desktop.ui.pages.sisir import TAB_ADVOCACY, TAB_DUE, TAB_PLAN, TAB_VISIT, SisirPage
from tests.ui.conftest import wait_written
from tests.unit.test_visits_helpers import TODAY


def _page(qtbot, window) -> SisirPage:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.show_page("sisir")
    page = window.pages["sisir"]
    assert isinstance(page, SisirPage)
    return page


def _nik(fv, name: str) -> str:
    with fv.db.read() as session:
        return session.get(Resident, fv.people[name]).nik


def test_visit_entry_keyboard_only(qtbot, make_window, fv, admin, tmp_path):
    window = make_window(admin)
    page = _page(qtbot, window)
    page.tabs.setCurrentIndex(TAB_VISIT)
    form = page.visit_form
    search = form.finder.search_edit
    assert search.hasFocus()
    # A member's NIK finds the family; Enter picks it.
    qtbot.keyClicks(search, _nik(fv, "ANI"))
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert form.family_id == fv.budi_family
    assert "BUDI" in form.family_label.text() and "RINA" in form.family_label.text()
    # "3" = refused: the reason list takes the focus; pick with the keyboard.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    assert form.outcome() == fc.OUTCOME_REFUSED
    assert QApplication.focusWidget() is form.reason_combo
    qtbot.keyClick(form.reason_combo, Qt.Key.Key_Down)
    assert form.reason_combo.currentData() == fc.REFUSAL_CANNOT_AFFORD
    # Changing our mind: "1" = willing, focus goes to Simpan, Enter saves.
    qtbot.keyClick(form.reason_combo, Qt.Key.Key_1)
    assert form.outcome() == fc.OUTCOME_WILLING
    assert QApplication.focusWidget() is form.save_button
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form.save_button, Qt.Key.Key_Return)
    history = visits.family_history(fv.db, fv.budi_family)
    assert [(v.outcome, v.refusal_reason, v.visited_on) for v in history] == [
        (fc.OUTCOME_WILLING, None, date.today())
    ]
    assert history[0].agent_name == "SARI WULANDARI"
    # Ready for the next family: search focused and empty.
    assert search.hasFocus() and search.text() == ""
    assert "Tersimpan" in form.message.text()

    # Next worksheet line by No KK: revisit asks for a date (pre-filled a week ahead).
    with fv.db.read() as session:
        from pesiar_desktop.models import Family

        kk = session.get(Family, fv.joko_family).no_kk
    qtbot.keyClicks(search, kk)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)
    assert QApplication.focusWidget() is form.revisit_field
    assert form.revisit_field.value() == date.today() + timedelta(days=7)
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form.revisit_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert visits.family_history(fv.db, fv.joko_family)[0].revisit_on == date.today() + (
        timedelta(days=7)
    )
    form.grab().save(str(tmp_path / "catat-kunjungan.png"))


def test_visit_entry_shows_rule_errors_beside_fields(qtbot, make_window, fv, admin):
    window = make_window(admin)
    page = _page(qtbot, window)
    page.tabs.setCurrentIndex(TAB_VISIT)
    form = page.visit_form
    form.save()
    assert "Pilih keluarga" in form.message.text()
    qtbot.keyClicks(form.finder.search_edit, "budi")
    qtbot.keyClick(form.finder.search_edit, Qt.Key.Key_Return)
    form.choose_outcome(fc.OUTCOME_REFUSED)
    form.save()  # no reason picked
    wait_written(qtbot, form)
    assert "alasan" in form.errors.text("refusal_reason").lower()
    assert visits.family_history(fv.db, fv.budi_family) == []


def test_plan_tree_due_list_and_advocacy(qtbot, make_window, fv, admin, tmp_path):
    visits.record_visit(
        fv.db,
        admin,
        VisitInput(
            fv.joko_family,
            TODAY - timedelta(days=20),
            fc.OUTCOME_REVISIT,
            revisit_on=TODAY - timedelta(days=5),
        ),
    )
    window = make_window(admin)
    page = _page(qtbot, window)
    assert page.tabs.currentIndex() == TAB_PLAN
    qtbot.waitUntil(lambda: page.plan_tree.topLevelItemCount() == 2, timeout=10_000)
    first = page.plan_tree.topLevelItem(0)
    assert first.text(0) == "Dusun Krajan · RW 001 / RT 001"
    assert first.child(0).text(0) == "BUDI" and first.child(0).text(4) == "1"
    assert "kunjungan" in page.progress_label.text()
    page.grab().save(str(tmp_path / "rencana.png"))

    page.tabs.setCurrentIndex(TAB_DUE)
    qtbot.waitUntil(lambda: page.due_model.rowCount() == 1, timeout=10_000)
    assert page.due_model.row(0).texts[1] == "5 hari"
    assert page.due_model.row(0).texts[2] == "JOKO"
    page.due_view.selectRow(0)
    page.due_view.setFocus()
    qtbot.keyClick(page.due_view, Qt.Key.Key_Return)
    assert page.tabs.currentIndex() == TAB_VISIT
    assert page.visit_form.family_id == fv.joko_family

    page.tabs.setCurrentIndex(TAB_ADVOCACY)
    page.add_event()
    dialog = page.active_dialog
    assert isinstance(dialog, AdvocacyDialog)
    dialog.save()  # nothing filled in
    wait_written(qtbot, dialog)
    assert dialog.errors.text("kind") and dialog.errors.text("place")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("POSYANDU"))
    dialog.place_edit.setText("Posyandu Melati")
    dialog.participants.setValue(23)
    dialog.topic_boxes["BENEFITS"].setChecked(True)
    attachment = tmp_path / "daftar-hadir.txt"
    attachment.write_text("23 orang")
    dialog.add_file_paths([attachment])
    dialog.save()
    qtbot.waitUntil(lambda: page.events_model.rowCount() == 1, timeout=10_000)
    row = page.events_model.row(0)
    assert row.texts[1] == "Posyandu" and row.texts[3] == "23" and row.texts[7] == "1"
    month_row = page.months_model.row(date.today().month - 1)
    assert month_row.texts[1] == "1" and month_row.texts[2] == "23"
    page.grab().save(str(tmp_path / "advokasi.png"))


def test_models_pass_the_model_tester(qtbot, make_window, fv, admin):
    visits.record_visit(
        fv.db,
        admin,
        VisitInput(fv.budi_family, TODAY, fc.OUTCOME_NOT_HOME, revisit_on=TODAY + timedelta(1)),
    )
    window = make_window(admin)
    page = _page(qtbot, window)
    page.tabs.setCurrentIndex(TAB_DUE)
    qtbot.waitUntil(lambda: page.due_model.rowCount() == 1, timeout=10_000)
    tester = ModelTester(qtbot)
    tester.check(page.due_model)
    page.due_model.sort(0, Qt.SortOrder.DescendingOrder)


def test_viewer_cannot_log_visits(qtbot, make_window, fv, viewer):
    window = make_window(viewer)
    page = _page(qtbot, window)
    page.tabs.setCurrentIndex(TAB_VISIT)
    assert not page.visit_form.save_button.isEnabled()
    assert not page.schedule_button.isEnabled()
    assert not page.pdf_button.isEnabled()
    assert not page.add_event_button.isEnabled()
