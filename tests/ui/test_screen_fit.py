"""Fits the screen of an office PC: the main window opens maximised on 1366×768 and
1280×720 (taskbar included), never larger than a smaller screen than the one it was last
closed on, and no dialog is larger than the available area (long forms scroll)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from pesiar_desktop.ui import screen_fit
from pesiar_desktop.ui.dialogs.advocacy_dialog import AdvocacyDialog
from pesiar_desktop.ui.dialogs.agent_dialog import AgentDialog
from pesiar_desktop.ui.dialogs.assignment_dialog import AssignmentDialog
from pesiar_desktop.ui.dialogs.registration_dialog import RegistrationDialog
from pesiar_desktop.ui.dialogs.resident_dialog import ResidentDialog
from pesiar_desktop.ui.main_window import MainWindow

# Available areas: 1366×768 and 1280×720 less a 40-pixel taskbar, and 1366×768 at 125 %.
SMALL_SCREENS = [QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 680), QRect(0, 0, 1093, 574)]


@pytest.mark.parametrize("area", SMALL_SCREENS, ids=["1366x768", "1280x720", "1366x768@125"])
def test_the_main_window_opens_maximised_on_a_small_screen(qtbot, tmp_path, area):
    window = MainWindow(settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.height() > area.height()  # the frame's own default would not fit
    screen_fit.show_fitted(window, area)
    assert window.isMaximized()


def test_a_big_screen_keeps_the_size_but_never_more_than_it_has(qtbot, tmp_path):
    window = MainWindow(settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    big = QRect(0, 0, 1920, 1040)
    screen_fit.show_fitted(window, big)
    assert not window.isMaximized() and window.size() == QSize(1280, 800)
    # remembered from a wall screen, reopened on a 1680×1050 one
    window.hide()
    window.resize(2400, 1400)
    window.move(300, 200)
    area = QRect(0, 0, 1680, 1010)
    screen_fit.show_fitted(window, area)
    assert window.width() <= area.width() and window.height() <= area.height()
    assert area.contains(window.pos())


@pytest.mark.parametrize("area", SMALL_SCREENS, ids=["1366x768", "1280x720", "1366x768@125"])
def test_no_dialog_is_larger_than_the_screen(
    qtbot, monkeypatch, qapp, village_db, admin, tasks, filled, area
):
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget=None: area)
    screen_fit.install(qapp)
    dialogs: list[QDialog] = [
        ResidentDialog(village_db, tasks, admin, None, new_family=True),
        ResidentDialog(
            village_db, tasks, admin, None, resident_id=filled.residents["BUDI SANTOSO"]
        ),
        AgentDialog(village_db, tasks, admin),
        AssignmentDialog(village_db, tasks, admin),
        AdvocacyDialog(village_db, tasks, admin, []),
        RegistrationDialog(village_db, tasks, admin),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        frame = dialog.frameGeometry()
        name = type(dialog).__name__
        assert frame.height() <= area.height(), f"{name} {frame.height()} > {area.height()}"
        assert frame.width() <= area.width(), f"{name} {frame.width()} > {area.width()}"
        # the Simpan / Batal buttons stay inside the dialog (the form scrolls instead)
        for box in dialog.findChildren(QDialogButtonBox):
            if box.isVisibleTo(dialog):
                corner = box.mapTo(dialog, box.rect().bottomRight())
                assert dialog.rect().contains(corner), name
        dialog.close()


def test_no_page_or_tab_widens_the_window_past_1366(qtbot, make_window, fv, admin):
    """Every page and tab, with its data loaded, fits a 1366-px window: a page whose
    minimum width is wider (a long unwrapped summary line did it on Laporan) would push the
    window off a 1366×768 screen."""
    from PySide6.QtWidgets import QTabWidget

    from pesiar_desktop.ui.main_window import PAGE_KEYS

    window = make_window(admin)
    window.resize(1366, 728)
    qtbot.wait(50)
    for key in PAGE_KEYS:
        window.show_page(key)
        page = window.pages[key]
        tabs = page.findChildren(QTabWidget)
        for tab_widget in tabs or [None]:
            for index in range(tab_widget.count() if tab_widget is not None else 1):
                if tab_widget is not None:
                    tab_widget.setCurrentIndex(index)
                qtbot.wait(150)  # the page's background read arrives and fills it
                assert window.minimumSizeHint().width() <= 1366, (key, index)
                assert window.width() <= 1366, (key, index)


def test_the_register_shows_name_and_jkn_status_uncut_at_1366(qtbot, make_window, fv, admin):
    """On Penduduk at 1366×768 (the family panel beside the table) the name and JKN status
    columns are inside the visible part of the table and as wide as the longest status
    ("Nonaktif (dikeluarkan dari PBI)") and segment need."""
    from pesiar_desktop.rules import codes
    from pesiar_desktop.ui.i18n import code_label
    from pesiar_desktop.ui.tablemodels.residents import COLUMN_KEYS

    window = make_window(admin)
    window.resize(1366, 728)
    window.show_page("penduduk")
    qtbot.wait(150)
    table = window.residents_page.table
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    longest = {
        "jkn_status": max(map(code_label, codes.MEMBERSHIP_STATUS.values()), key=len),
        "segment": max(map(code_label, codes.SEGMENTS.values()), key=len),
    }
    for key, text in longest.items():
        assert table.columnWidth(COLUMN_KEYS.index(key)) > metrics.horizontalAdvance(text), key
    for key in ("name", "jkn_status"):
        column = COLUMN_KEYS.index(key)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert header.sectionViewportPosition(column) >= 0, key
        assert right <= table.viewport().width(), key
