"""A viewer (BPD) sees every button of Agen & Penugasan, Sisir & Advokasi and Registrasi
grey: each says why in its tooltip (looked at 1366×768: "Tambah agen…", "Susun jadwal",
"Daftarkan keluarga…", "Nomor VA…" were grey without a word)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTabWidget

from pesiar_desktop.ui.widgets.forms import explain_read_only


def test_buttons_the_viewer_cannot_use_say_why(qtbot, make_window, viewer, filled):
    window = make_window(viewer)
    unexplained: list[str] = []
    for key in ("agen", "sisir", "registrasi"):
        window.show_page(key)
        page = window.pages[key]
        tabs = page.findChildren(QTabWidget)[0]
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            for button in tabs.widget(index).findChildren(QPushButton):
                if button.isVisible() and not button.isEnabled() and not button.toolTip():
                    unexplained.append(f"{key}/{tabs.tabText(index)}: {button.text()}")
    assert unexplained == [], unexplained


def test_explain_read_only_keeps_a_tooltip_and_adds_the_reason_once(qtbot):
    button = QPushButton("Kirim WhatsApp")
    qtbot.addWidget(button)
    button.setToolTip("Buka WhatsApp")
    explain_read_only(True, button)
    assert button.toolTip() == "Buka WhatsApp"
    explain_read_only(False, button)
    explain_read_only(False, button)
    assert button.toolTip() == "Buka WhatsApp\nPeran Anda hanya dapat melihat data."
