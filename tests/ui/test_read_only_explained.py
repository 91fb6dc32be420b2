"""A grey button says why in its tooltip, on every page and tab: for the viewer (BPD)
because of the role (looked at 1366×768: "Tambah agen…", "Susun jadwal", "Daftarkan
keluarga…", "Nomor VA…" were grey without a word), for the operator because nothing is
selected yet."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTabWidget

from pesiar_desktop.ui.widgets.forms import explain_read_only


def _unexplained(window) -> list[str]:
    """Visible grey buttons without a tooltip, on every page and tab."""
    from pesiar_desktop.ui.main_window import PAGE_KEYS

    found: list[str] = []
    for key in PAGE_KEYS:
        window.show_page(key)
        page = window.pages[key]
        tab_widgets = page.findChildren(QTabWidget)
        panes = (
            [(t.tabText(i), t, i) for t in tab_widgets[:1] for i in range(t.count())]
            if tab_widgets
            else [("", None, 0)]
        )
        for label, tabs, index in panes:
            if tabs is not None:
                tabs.setCurrentIndex(index)
            root = tabs.widget(index) if tabs is not None else page
            for button in root.findChildren(QPushButton):
                if button.isVisible() and not button.isEnabled() and not button.toolTip():
                    found.append(f"{key}/{label}: {button.text()}")
    return found


def test_buttons_the_viewer_cannot_use_say_why(qtbot, make_window, viewer, filled):
    assert _unexplained(make_window(viewer)) == []


def test_grey_buttons_say_what_they_wait_for(qtbot, make_window, operator, filled):
    """For the operator a button is grey until something is selected: it says what."""
    assert _unexplained(make_window(operator)) == []


def test_explain_read_only_keeps_a_tooltip_and_adds_the_reason_once(qtbot):
    button = QPushButton("Kirim WhatsApp")
    qtbot.addWidget(button)
    button.setToolTip("Buka WhatsApp")
    explain_read_only(True, button)
    assert button.toolTip() == "Buka WhatsApp"
    explain_read_only(False, button)
    explain_read_only(False, button)
    assert button.toolTip() == "Buka WhatsApp\nPeran Anda hanya dapat melihat data."
