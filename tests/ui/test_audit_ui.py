"""The audit log page (admins): filters, pages, the readable before → after, chain check."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from pesiar_desktop.services import settings, users
from pesiar_desktop.services.settings import SETTINGS
from pesiar_desktop.ui.dialogs import audit_log
from pesiar_desktop.ui.dialogs.audit_log import AuditLogDialog, AuditLogWidget


def test_admin_reads_filters_and_pages_the_log(qtbot, make_window, village_db, admin, monkeypatch):
    settings.put(village_db, admin, SETTINGS.backup_keep, 4)
    users.create_user(village_db, admin, "petugas", "sandi-petugas-1", "operator")
    window = make_window(admin)
    tab = window.settings_page.audit_tab
    assert isinstance(tab, AuditLogWidget)
    window.show_page("pengaturan")
    window.settings_page.tabs.setCurrentWidget(tab)  # reloads
    assert tab.table.rowCount() >= 5
    assert tab.table.item(0, 2).text() == "Tambah pengguna"  # newest first, in words
    assert tab.table.item(0, 2).toolTip() == "user.create"
    assert tab.table.horizontalHeaderItem(0).text() == "Waktu (WITA)"  # Lombok Barat: NTB

    tab.entity.setCurrentIndex(tab.entity.findData("setting"))
    tab.apply()
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 1).text() == "admin"
    detail = tab.detail.toPlainText()
    assert "Ubah pengaturan · Pengaturan Jumlah cadangan otomatis" in detail
    assert "Nilai: 10 → 4" in detail and " WITA " in detail
    assert tab.table.item(0, 4).text() == "Jumlah cadangan otomatis"  # never the stored key

    tab.entity.setCurrentIndex(0)
    tab.user.setCurrentIndex(tab.user.findData("admin"))
    tab.action.setCurrentIndex(tab.action.findData("user.create"))
    tab.from_check.setChecked(True)  # today
    tab.apply()
    assert tab.table.rowCount() >= 1
    assert all(e.action == "user.create" for e in tab.entries)

    # Paging (a tiny page size).
    monkeypatch.setattr(audit_log, "PAGE_SIZE", 2)
    tab.user.setCurrentIndex(0)
    tab.action.setCurrentIndex(0)
    tab.from_check.setChecked(False)
    tab.apply()
    assert tab.table.rowCount() == 2 and not tab.prev_button.isEnabled()
    first_ids = [tab.entries[0].id, tab.entries[1].id]
    tab.next_button.click()
    assert tab.page == 1 and tab.prev_button.isEnabled()
    assert tab.entries[0].id < min(first_ids)
    assert "Halaman 2" in tab.page_label.text()

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, msg: shown.append(msg))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, msg: shown.append(msg))
    tab.verify_button.click()
    assert tab.last_report.ok and "utuh" in shown[-1]
    with village_db.transaction() as s:
        s.execute(text("UPDATE audit_log SET actor = 'x' WHERE id = :id"), {"id": first_ids[0]})
    tab.verify_button.click()
    assert not tab.last_report.ok and f"#{first_ids[0]}" in shown[-1]


def test_menu_opens_the_log_dialog(qtbot, make_window, admin):
    window = make_window(admin)
    assert window.audit_action.isVisible()
    window.audit_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AuditLogDialog) and dialog.widget.table.rowCount() > 0
    dialog.close()


def test_non_admins_get_no_log(qtbot, make_window, village_db, operator, viewer):
    for who in (operator, viewer):
        window = make_window(who)
        assert window.settings_page.audit_tab is None
        assert not window.audit_action.isVisible()
        widget = AuditLogWidget(village_db, who)
        qtbot.addWidget(widget)
        assert not widget.allowed and not hasattr(widget, "table")
