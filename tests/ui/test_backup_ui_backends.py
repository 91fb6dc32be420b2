"""Pengaturan → Cadangan on each backend: SQLite gets the backup buttons, PostgreSQL
the explanation of pg_dump / pg_restore (backups are made on the server)."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit


def test_backup_tab_fits_the_backend(qtbot, make_window, village_db, admin):
    window = make_window(admin)
    tab = window.settings_page.backup_tab
    texts = [w.toPlainText() for w in tab.findChildren(QPlainTextEdit)]
    if village_db.is_sqlite:
        assert hasattr(tab, "backup_now_button")
        assert not any("pg_dump" in t for t in texts)
    else:
        assert not hasattr(tab, "backup_now_button")
        assert any("pg_dump" in t for t in texts)
