"""Registrasi page: the registration dialog (premium computed, leaving someone out is
refused without a reason and a confirmation), the steps, follow-ups and progress."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pesiar_desktop.models import Membership, Resident
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import registrations as regs
from pesiar_desktop.ui.dialogs.registration_actions import (
    KIND_ACTIVATE,
    KIND_PAY,
    KIND_VA,
    RegistrationActionDialog,
)
from pesiar_desktop.ui.dialogs.registration_dialog import RegistrationDialog
from pesiar_desktop.ui.pages.registrasi import TAB_FOLLOWUP, TAB_LIST, TAB_PROGRESS, RegistrasiPage
from tests.ui.conftest import wait_written
from tests.unit.test_visits_helpers import TODAY, register_budi_family


def _page(qtbot, window) -> RegistrasiPage:
    window.show_page("registrasi")
    page = window.pages["registrasi"]
    assert isinstance(page, RegistrasiPage)
    return page


def _nik(fv, name: str) -> str:
    with fv.db.read() as session:
        return session.get(Resident, fv.people[name]).nik


def test_registration_dialog_refuses_silent_exclusion(qtbot, make_window, fv, admin, tmp_path):
    window = make_window(admin)
    page = _page(qtbot, window)
    dialog = page.open_registration()
    assert isinstance(dialog, RegistrationDialog)
    qtbot.keyClicks(dialog.finder.search_edit, _nik(fv, "BUDI"))
    qtbot.keyClick(dialog.finder.search_edit, Qt.Key.Key_Return)
    assert dialog.family is not None and dialog.family.family_id == fv.budi_family
    names = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    assert names == ["BUDI", "ANI", "RINA"]  # the living members, all ticked
    assert all(box.isChecked() for box in dialog.include_boxes)
    assert "Rp105.000" in dialog.total_label.text()
    assert "seratus lima ribu rupiah" in dialog.total_label.text()
    # Class II for Rina: the premium follows the table.
    dialog.class_combos[2].setCurrentIndex(dialog.class_combos[2].findData(2))
    assert dialog.table.item(2, 6).text() == "Rp100.000"
    assert "Rp170.000" in dialog.total_label.text()

    # Untick Rina: no reason, no confirmation → refused, nothing saved.
    dialog.include_boxes[2].setChecked(False)
    assert dialog.confirm_box.isVisible()
    assert "Rp70.000" in dialog.total_label.text()
    dialog.save()
    wait_written(qtbot, dialog)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "RINA" in dialog.errors.text("members")
    assert regs.list_registrations(fv.db) == []
    # A reason but still no confirmation → refused.
    dialog.reason_edits[2].setText("Ikut KK neneknya")
    dialog.save()
    wait_written(qtbot, dialog)
    assert dialog.errors.text("confirm")
    assert regs.list_registrations(fv.db) == []
    dialog.grab().save(str(tmp_path / "daftar-ditolak.png"))
    # Confirmed: saved, with the reason kept.
    dialog.confirm_box.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert dialog.saved_id is not None
    detail = regs.detail(fv.db, dialog.saved_id)
    assert [m.name for m in detail.included] == ["BUDI", "ANI"]
    assert detail.excluded[0].exclusion_reason == "Ikut KK neneknya"
    assert detail.monthly_premium == 70000
    # The new registration is selected in the list, ready for its receipt.
    qtbot.waitUntil(lambda: page.selected_id() == dialog.saved_id, timeout=10_000)
    assert page.receipt_button.isEnabled()


def test_steps_from_va_to_active(qtbot, make_window, fv, admin, tmp_path):
    reg_id = register_budi_family(fv, admin, TODAY - timedelta(days=20))
    window = make_window(admin)
    page = _page(qtbot, window)
    qtbot.waitUntil(lambda: page.list_model.rowCount() == 1, timeout=10_000)
    page.list_view.selectRow(0)
    assert page.step_buttons[KIND_VA].isEnabled()
    assert not page.step_buttons[KIND_PAY].isEnabled()
    assert "BUDI" in page.detail_label.text()

    dialog = page.open_step(KIND_VA)
    assert isinstance(dialog, RegistrationActionDialog)
    qtbot.keyClicks(dialog.va_edit, "12345")
    dialog.save()
    wait_written(qtbot, dialog)
    assert "tidak sesuai format" in dialog.errors.text("va_number")
    dialog.va_edit.setText("8888 8012 3456 7890")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert regs.detail(fv.db, reg_id).va_number == "8888801234567890"
    qtbot.waitUntil(lambda: page.step_buttons[KIND_PAY].isEnabled(), timeout=10_000)
    page.open_step(KIND_PAY).save()
    qtbot.waitUntil(lambda: page.step_buttons[KIND_ACTIVATE].isEnabled(), timeout=10_000)
    activate = page.open_step(KIND_ACTIVATE)
    assert activate is not None
    with qtbot.waitSignal(activate.accepted, timeout=10_000):
        activate.save()
    assert regs.detail(fv.db, reg_id).status == fc.STATUS_ACTIVE
    with fv.db.read() as session:
        assert session.get(Membership, fv.people["RINA"]).status == codes.STATUS_ACTIVE
    qtbot.waitUntil(
        lambda: page.list_model.rowCount() == 1 and page.list_model.row(0).texts[8] == "Aktif",
        timeout=10_000,
    )
    page.export_receipt(reg_id, tmp_path / "tt.pdf")
    qtbot.waitUntil(lambda: (tmp_path / "tt.pdf").exists(), timeout=10_000)
    page.grab().save(str(tmp_path / "pendaftaran.png"))


def test_followups_and_progress_tabs(qtbot, make_window, fv, admin, tmp_path):
    late = register_budi_family(fv, admin, TODAY - timedelta(days=60))
    window = make_window(admin)
    page = _page(qtbot, window)
    page.tabs.setCurrentIndex(TAB_FOLLOWUP)
    qtbot.waitUntil(lambda: page.unpaid_model.rowCount() == 1, timeout=10_000)
    row = page.unpaid_model.row(0)
    assert row.key == late
    assert row.texts[1] == "Lewat batas — pendaftaran perlu diulang (terlambat 30 hari)"
    # The whole of it shows: that column is as wide as its text, left-aligned.
    view = page.unpaid_view
    wanted = view.fontMetrics().horizontalAdvance(row.texts[1])
    qtbot.waitUntil(lambda: view.columnWidth(1) > wanted, timeout=5_000)
    index = page.unpaid_model.index(0, 1)
    alignment = page.unpaid_model.data(index, Qt.ItemDataRole.TextAlignmentRole)
    assert not alignment or not (Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight)
    assert row.texts[5] == "081234500001" and row.texts[10] == "SARI WULANDARI"
    assert page.arrears_model.rowCount() == 2
    assert {page.arrears_model.row(i).texts[2] for i in range(2)} == {"JOKO", "SRI"}
    assert {page.arrears_model.row(i).texts[9] for i in range(2)} == {"Rp175.000"}
    page.grab().save(str(tmp_path / "tindak-lanjut.png"))
    page.tabs.setCurrentIndex(TAB_PROGRESS)
    qtbot.waitUntil(lambda: page.progress_model.rowCount() == 1, timeout=10_000)
    progress_row = page.progress_model.row(0)
    assert progress_row.texts[0] == "SARI WULANDARI"
    assert progress_row.texts[1] == "35" and progress_row.texts[13] == "belum"
    assert progress_row.texts[14:16] == ("0", "0")  # aktif kembali: none this month
    page.tabs.setCurrentIndex(TAB_LIST)


def test_viewer_sees_but_cannot_register(qtbot, make_window, fv, viewer):
    window = make_window(viewer)
    page = _page(qtbot, window)
    assert not page.new_button.isEnabled()
    assert page.open_registration() is None
    assert not page.proposal_button.isEnabled()
    assert QApplication.instance() is not None


def test_active_member_is_unticked_with_a_reason_but_still_confirmed(qtbot, make_window, fv, admin):
    window = make_window(admin)
    page = _page(qtbot, window)
    dialog = page.open_registration(fv.ketut_family)
    assert dialog.family is not None
    assert [b.isChecked() for b in dialog.include_boxes] == [False]  # KETUT is PBI, active
    assert dialog.reason_edits[0].text() == "Sudah peserta JKN aktif (PBI APBN)"
    dialog.save()  # nobody left to register
    wait_written(qtbot, dialog)
    assert "paling sedikit satu" in dialog.errors.text("members")
    assert regs.list_registrations(fv.db) == []


def test_reactivation_dialog_from_the_arrears_list(qtbot, make_window, fv, admin, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from pesiar_desktop.ui.dialogs.reactivation_dialog import ReactivationDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    window = make_window(admin)
    page = _page(qtbot, window)
    page.tabs.setCurrentIndex(TAB_FOLLOWUP)
    qtbot.waitUntil(lambda: page.arrears_model.rowCount() == 2, timeout=10_000)
    page.arrears_view.selectRow(0)
    page.open_reactivation()
    qtbot.waitUntil(lambda: isinstance(page.active_dialog, ReactivationDialog), timeout=10_000)
    dialog = page.active_dialog
    assert dialog.amount.value() == 350_000  # 2 × 5 × Rp35.000
    dialog.amount.setValue(35_000)  # one month: refused, stays open
    dialog.save()
    qtbot.waitUntil(lambda: "kurang" in dialog.errors.text("amount"), timeout=10_000)
    dialog.rehab_radio.setChecked(True)
    dialog.instalments.setValue(2)
    assert dialog.amount.value() == 175_000
    dialog.save()
    qtbot.waitUntil(lambda: page.active_dialog is None, timeout=10_000)
    assert "Aktif kembali setelah cicilan terakhir" in page.followup_notice.text()
    with fv.db.read() as session:
        assert session.get(Membership, fv.people["JOKO"]).status == codes.STATUS_ARREARS


def test_a_list_still_loading_says_so_in_the_table(qtbot, make_window, fv, admin, monkeypatch):
    """Registrasi (and Penduduk, Petakan) show "Memuat…" in the table while the rows are
    read, never an empty table."""
    import threading

    release = threading.Event()
    slow_list = regs.list_registrations

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)
        return slow_list(*args, **kwargs)

    monkeypatch.setattr(regs, "list_registrations", held)
    window = make_window(admin)
    window.show_page("registrasi")
    page = window.pages["registrasi"]
    assert isinstance(page, RegistrasiPage)
    page.tabs.setCurrentIndex(TAB_LIST)
    qtbot.waitUntil(lambda: page.list_loading.active, timeout=5_000)
    notice = page.list_loading.label
    assert notice.isVisibleTo(page.list_view) and notice.text() == "Memuat…"
    assert page.list_view.viewport().rect().contains(notice.geometry().center())
    release.set()
    qtbot.waitUntil(lambda: not page.list_loading.active, timeout=10_000)
    assert "pendaftaran ditampilkan" in page.list_status.text()
