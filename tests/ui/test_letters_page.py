"""Surat tab: an operator drafts, the approve button is only live for the kepala desa, the
approval numbers the letter in the list, revoke with a reason, and the verify dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.services import letters
from pesiar_desktop.ui.dialogs.letter_dialogs import DraftLetterDialog, RevokeDialog, VerifyDialog
from pesiar_desktop.ui.pages.agents import TAB_LETTERS, AgentsPage
from tests.ui.conftest import wait_written
from tests.unit.test_agents_support import add_families, kades, make_agent, make_assignment, rt_ids

STATUS = 3
NUMBER = 1


def _letters_tab(qtbot, window) -> AgentsPage:
    window.show_page("agen")
    page = window.pages["agen"]
    assert isinstance(page, AgentsPage)
    page.tabs.setCurrentIndex(TAB_LETTERS)
    return page


def test_draft_approve_revoke_verify(
    qtbot, make_window, village_db, admin, operator, tmp_path, freeze_clock
):
    from datetime import date

    freeze_clock(date(2026, 11, 23))  # inside the 2026 assignment: the letter verifies SAH
    add_families(village_db)
    agent = make_agent(village_db, admin, "Siti Aminah")
    make_assignment(village_db, admin, agent.id, rt_ids(village_db))
    kd = kades(village_db)

    # The operator drafts a Surat Tugas through the dialog; approving is not offered.
    window = make_window(operator)
    page = _letters_tab(qtbot, window)
    dialog = DraftLetterDialog(village_db, window.tasks, operator, page)
    qtbot.addWidget(dialog)
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(letters.TYPE_SURAT_TUGAS))
    assert dialog.assignment_combo.isVisibleTo(dialog) and not dialog.agent_combo.isVisibleTo(
        dialog
    )
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert dialog.saved_id is not None
    qtbot.waitUntil(lambda: page.letter_model.rowCount() == 1, timeout=10_000)
    ModelTester(qtbot).check(page.letter_model)
    page.letter_view.selectRow(0)
    assert page.letter_model.row(0).texts[STATUS] == "Konsep"
    assert not page.approve_button.isEnabled() and page.delete_button.isEnabled()
    assert "Kepala Desa" in page.approve_button.toolTip()
    # Even called directly, the service refuses the operator.
    try:
        letters.approve(village_db, operator, dialog.saved_id)
    except PermissionDenied:
        pass
    else:
        raise AssertionError("operator approved a letter")
    window.close()

    # The kepala desa approves from the list.
    window = make_window(kd)
    page = _letters_tab(qtbot, window)
    qtbot.waitUntil(lambda: page.letter_model.rowCount() == 1, timeout=10_000)
    page.letter_view.selectRow(0)
    assert page.approve_button.isEnabled() and not page.revoke_button.isEnabled()
    page.ask = lambda *_a: True
    page.approve_selected()
    qtbot.waitUntil(lambda: page.letter_model.row(0).texts[STATUS] == "Disetujui", timeout=15_000)
    number = page.letter_model.row(0).texts[NUMBER]
    assert number.startswith("094/001/DS-2005/")
    qtbot.waitUntil(lambda: page.revoke_button.isEnabled(), timeout=5_000)
    assert not page.approve_button.isEnabled()
    page.grab().save(str(tmp_path / "letters_tab.png"))

    verify = VerifyDialog(village_db, page)
    qtbot.addWidget(verify)
    verify.show()
    qtbot.keyClicks(verify.input_edit, number)
    qtbot.keyClick(verify.input_edit, Qt.Key.Key_Return)
    assert verify.verify_result is not None and verify.verify_result.status == "valid"
    assert "SAH" in verify.result_label.text()
    # The register's fields, to compare with the paper.
    assert verify.fields_box.isVisibleTo(verify)
    assert verify.field_values["Nomor"].text() == number
    assert verify.field_values["Agen"].text() == "Siti Aminah"
    assert verify.field_values["Masa tugas"].text() == "1 Januari 2026 s.d. 31 Desember 2026"
    assert verify.field_values["Wilayah tugas"].text().startswith("Dusun")
    verify.grab().save(str(tmp_path / "verify.png"))
    qtbot.keyClicks(verify.input_edit, "094/999/DS-2005/XI/2026")
    qtbot.keyClick(verify.input_edit, Qt.Key.Key_Return)
    assert verify.verify_result.status == "unknown" and not verify.fields_box.isVisibleTo(verify)
    verify.input_edit.setText(number)

    row = page.selected_letter()
    revoke = RevokeDialog(village_db, window.tasks, kd, row, page)
    qtbot.addWidget(revoke)
    revoke.save()
    wait_written(qtbot, revoke)
    assert (
        revoke.error.isVisibleTo(revoke)
        and letters.get_letter(village_db, row.id).status == "approved"
    )
    revoke.reason_edit.setPlainText("Agen pindah domisili")
    with qtbot.waitSignal(revoke.accepted, timeout=10_000):
        revoke.save()
    assert revoke.result() == 1
    qtbot.waitUntil(lambda: page.letter_model.row(0).texts[STATUS] == "Dicabut", timeout=10_000)
    verify.check()
    assert verify.verify_result.status == "revoked" and "DICABUT" in verify.result_label.text()


def test_expired_letter_in_the_window_and_card_sheet(
    qtbot, make_window, village_db, admin, freeze_clock, tmp_path, monkeypatch
):
    """KEDALUWARSA shows in the window (not a crash), and the A4 card sheet is saved from
    the Surat tab."""
    from datetime import date

    from PySide6.QtWidgets import QFileDialog

    freeze_clock(date(2026, 11, 23))
    add_families(village_db)
    agent = make_agent(village_db, admin, "Siti Aminah")
    plan = make_assignment(village_db, admin, agent.id, rt_ids(village_db))
    kd = kades(village_db)
    card = letters.approve(
        village_db, kd, letters.draft(village_db, admin, letters.TYPE_ID_CARD,
                                      assignment_ids=[plan.id]).id
    )  # fmt: skip
    window = make_window(admin)
    page = _letters_tab(qtbot, window)
    out = tmp_path / "kartu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    page.save_card_sheet()
    assert out.read_bytes().startswith(b"%PDF") and "1 kartu" in page.letter_status.text()
    freeze_clock(date(2027, 1, 5))
    verify = VerifyDialog(village_db, page)
    qtbot.addWidget(verify)
    verify.input_edit.setText(card.number)
    verify.check()
    assert verify.verify_result.status == "expired"
    assert "KEDALUWARSA" in verify.result_label.text()
    assert verify.field_values["Jenis surat"].text() == "Kartu Tanda Agen PESIAR"


def test_the_kepala_desa_is_told_what_waits_for_approval(
    qtbot, make_window, village_db, admin, operator
):
    """Beranda says how many letters wait for the kepala desa, one click opens the first
    on the Surat tab, and the sidebar shows the count on Agen & Penugasan."""
    add_families(village_db)
    agent = make_agent(village_db, admin, "Siti Aminah")
    assignment = make_assignment(village_db, admin, agent.id, rt_ids(village_db))
    kd = kades(village_db)
    first = letters.draft(
        village_db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[assignment.id]
    )
    letters.draft(village_db, operator, letters.TYPE_PAKTA, agent_id=agent.id)

    window = make_window(kd)
    home = window.home_page
    qtbot.waitUntil(lambda: home.waiting.isVisibleTo(window), timeout=10_000)
    assert "2 surat menunggu persetujuan Anda" in home.waiting_label.text()
    agen_row = window.sidebar.item(1 + 2)  # beranda, penduduk, petakan, agen
    assert agen_row.text() == "Agen & Penugasan ❷"
    home.waiting_button.click()
    page = window.pages["agen"]
    assert isinstance(page, AgentsPage)
    assert window.current_page_key() == "agen" and page.tabs.currentIndex() == TAB_LETTERS
    qtbot.waitUntil(lambda: page.selected_letter_id() == first.id, timeout=10_000)
    assert page.approve_button.isEnabled()

    # Approved: one left, and the notice follows.
    letters.approve(village_db, kd, first.id)
    qtbot.waitUntil(lambda: agen_row.text() == "Agen & Penugasan ❶", timeout=10_000)
    assert "1 surat menunggu" in home.waiting_label.text()

    # The operator is not asked to approve anything.
    other = make_window(operator)
    qtbot.wait(300)
    assert not other.home_page.waiting.isVisibleTo(other)
    assert other.sidebar.item(3).text() == "Agen & Penugasan"


def test_buka_pdf_without_a_pdf_reader_says_where_the_file_is(
    qtbot, make_window, village_db, admin, operator, ui_paths, monkeypatch
):
    """The letter is written under the data folder (surat/), not a shared temp folder;
    with no program to open it, a message gives its location."""
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    add_families(village_db)
    agent = make_agent(village_db, admin, "Siti Aminah")
    assignment = make_assignment(village_db, admin, agent.id, rt_ids(village_db))
    letters.draft(village_db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[assignment.id])
    opened: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) and False)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window = make_window(operator)
    page = _letters_tab(qtbot, window)
    qtbot.waitUntil(lambda: page.letter_model.rowCount() == 1, timeout=10_000)
    page.letter_view.selectRow(0)
    page.open_pdf()
    folder = ui_paths.data_dir / "surat"
    written = list(folder.glob("*.pdf"))
    assert len(written) == 1 and written[0].read_bytes().startswith(b"%PDF")
    assert len(opened) == 1
    assert told and str(written[0]) in told[0] and "pembaca PDF" in told[0]
